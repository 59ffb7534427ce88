"""Fake coders that run in worker processes (module-level, so a pool can run them)."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterable, Iterator
from pathlib import Path

from flashpoint.config import Settings

from ..ingest.fakes import fake_coder


def dying_coder(articles: Iterable, settings: Settings) -> Iterator:
    """The fake coder, but the worker that first meets 'DIE' kills itself.

    ``FP_DIE_MARK`` names a file that records the death, so the chunk coded
    again (by a fresh worker) goes through.
    """
    batch = list(articles)
    mark = Path(os.environ["FP_DIE_MARK"])
    if any("DIE" in a.text for a in batch) and not mark.exists():
        mark.write_text(str(os.getpid()))
        os.kill(os.getpid(), signal.SIGKILL)
    yield from fake_coder(batch, settings)


def pid_coder(articles: Iterable, settings: Settings) -> Iterator:
    """The fake coder, with this process's id as the error of every article."""
    for article, _events, _error in fake_coder(list(articles), settings):
        yield article, [], str(os.getpid())
