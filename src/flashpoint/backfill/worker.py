"""What runs on a Dask worker: resources loaded once, one task per batch.

:class:`ResourcesPlugin` is registered with the cluster; every worker (and
every worker that replaces a lost one) runs its ``setup`` once, which loads
the spaCy model, the knowledge base and the gazetteer into that process.
:func:`code_task` then codes one batch with the ingest runner's
:func:`~flashpoint.ingest.runner.code_batch` (one bad article cannot sink
the batch) and reports the worker's memory with the answers. A worker on the
writer's machine runs at a lower CPU priority (:data:`WORKER_NICE`), so the
client's storing never waits for a core behind the coders.
"""

from __future__ import annotations

import os
import socket
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
        self.writer = (socket.gethostname(), os.getpid())  # where the client that stores runs

    def setup(self, worker: Any) -> None:
        quiet_profiler(worker)
        host, pid = self.writer
        if host == socket.gethostname() and pid != os.getpid():
            yield_to_writer()
        if self.coder is None:
            from ..pipeline import load_worker_resources

            load_worker_resources(self.settings)


#: The CPU priority (``nice``) of a worker process on the writer's machine. A
#: local cluster's workers share the cores with the client, which stores every
#: batch alone, and with the database: at the same priority a stored batch waits
#: for a core behind the coders, and the storing time grows with the workers (3
#: ms an article with one worker, 3.6-4.8 ms with two on a quiet two-core machine,
#: docs/PERFORMANCE.md). A coder at nice 10 gets a core whenever the writer and
#: the database do not need it, so the cores stay busy and the one serial step is
#: not queued behind the parallel ones. Workers on other machines keep their priority.
WORKER_NICE = 10


def yield_to_writer(nice: int = WORKER_NICE) -> int:
    """Lower this process's CPU priority to ``nice`` (never raise it): every
    thread of it (Linux keeps a priority per thread; threads started later
    inherit it). Returns the priority of the calling thread afterwards (0 where
    the system has no priorities to set)."""
    if not hasattr(os, "setpriority"):
        return 0
    tids = [int(t) for t in os.listdir("/proc/self/task")] if os.path.isdir("/proc/self/task") else [0]
    for tid in tids:
        try:
            if os.getpriority(os.PRIO_PROCESS, tid) < nice:
                os.setpriority(os.PRIO_PROCESS, tid, nice)
        except OSError:  # a thread that ended meanwhile, or a system that refuses
            continue
    return os.getpriority(os.PRIO_PROCESS, 0)


#: The worker's periodic callbacks that run Dask's statistical profiler.
PROFILER_CALLBACKS = ("profile", "profile-cycle")


def quiet_profiler(worker: Any) -> None:
    """Stop Dask's statistical profiler on ``worker`` and drop what it kept.

    Every 10 ms the profiler walks the stack of the running task and merges it
    into a call tree, and every second it moves that tree into a history of
    ``distributed.admin.low-level-log-length`` (1,000) trees, one per key
    prefix too. spaCy's stacks are deep and varied, so a coding worker's trees
    grew by ~23 dicts per article coded (a steady ~4 MB per 1,000 articles in
    ``bench --backfill --memory``), and the sampling runs on the worker's event
    loop, taking the GIL from the task it samples. The callbacks are removed,
    not only stopped: a worker that registers later starts its callbacks after
    its plugins are set up. The dashboard's profile page stays empty.
    """
    callbacks = getattr(worker, "periodic_callbacks", {})
    for name in PROFILER_CALLBACKS:
        callback = callbacks.pop(name, None)
        if callback is not None:
            callback.stop()
    for history in ("profile_history", "profile_keys_history"):
        getattr(worker, history, []).clear()
    keys = getattr(worker, "profile_keys", None)
    if keys is not None:
        keys.clear()


def code_task(articles: tuple[Article, ...], settings: Settings, coder: Callable | None = None) -> tuple[list, dict]:
    """Code one batch on a worker: ``(results, worker stats)``, a result being
    ``(article id, events, error, records)``: the client holds the articles, so
    their text is not pickled back to it; ``records`` are the events' record JSON
    (``store.rows.event_record``), made here so the writer only writes."""
    from ..ingest.runner import code_batch
    from ..store.rows import event_record

    if coder is None:
        from ..pipeline import code_articles as coder
    t0 = time.perf_counter()
    results = [(article.id, events, error, tuple(event_record(e) for e in events))
               for article, events, error in code_batch(list(articles), coder, settings)]
    stats = {
        "pid": os.getpid(),
        "seconds": time.perf_counter() - t0,
        "rss_mb": rss_mb(),
        "peak_mb": peak_rss_mb(),
    }
    return results, stats
