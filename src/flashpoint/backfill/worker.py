"""What runs on a Dask worker: resources loaded once, one task per batch.

:class:`ResourcesPlugin` is registered with the cluster; every worker (and
every worker that replaces a lost one) runs its ``setup`` once, which loads
the spaCy model, the knowledge base and the gazetteer into that process.
:func:`code_task` then codes one batch with the ingest runner's
:func:`~flashpoint.ingest.runner.code_batch` (one bad article cannot sink
the batch) and reports the worker's memory with the answers.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

from distributed import WorkerPlugin

from ..bench.memory import peak_rss_mb, rss_mb
from ..config import Settings
from ..types import Article

PLUGIN_NAME = "flashpoint-resources"


class ResourcesPlugin(WorkerPlugin):
    """Loads Flashpoint's resources once per worker process."""

    name = PLUGIN_NAME

    def __init__(self, settings: Settings, coder: Callable | None = None) -> None:
        self.settings = settings
        self.coder = coder

    def setup(self, worker: Any) -> None:
        if self.coder is None:
            from ..pipeline import load_resources

            load_resources(self.settings)


def code_task(articles: tuple[Article, ...], settings: Settings, coder: Callable | None = None) -> tuple[list, dict]:
    """Code one batch on a worker: ``(results, worker stats)``."""
    from ..ingest.runner import code_batch

    if coder is None:
        from ..pipeline import code_articles as coder
    t0 = time.perf_counter()
    results = list(code_batch(list(articles), coder, settings))
    stats = {
        "pid": os.getpid(),
        "seconds": time.perf_counter() - t0,
        "rss_mb": rss_mb(),
        "peak_mb": peak_rss_mb(),
    }
    return results, stats
