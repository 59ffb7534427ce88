"""Connecting to a Dask cluster: a scheduler's address, or a local one.

Dask is an extra (``pip install 'flashpoint[scale]'``); without it the
backfill says what to install.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterator
from typing import Any

from ..errors import UsageError

INSTALL = "the backfill runs on Dask: pip install 'flashpoint[scale]'"
#: Dask's housekeeping, slowed down. By default each process checks every 20 ms
#: that its event loop is not blocked and samples its CPU and memory every 0.5 s;
#: an idle two-worker LocalCluster's client (which hosts the scheduler) spent 3%
#: of a core on that, 0.6% with these. On two cores shared with the writer and the
#: database, that is coding time (docs/PERFORMANCE.md, the backfill).
QUIET = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing-interval": "1s",
}


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise UsageError(f"{INSTALL} ({exc})") from None
    return distributed


@contextlib.contextmanager
def connect(scheduler: str | None = None, local_workers: int = 1, *, processes: bool = True,
            dashboard: str | None = ":8787", timeout: float = 30.0) -> Iterator[Any]:
    """A ``distributed.Client``: on ``scheduler`` (``tcp://host:8786``), else
    on a ``LocalCluster`` of ``local_workers`` single-threaded worker processes
    (the parse holds the GIL, so one thread per process). ``dashboard`` None
    puts the scheduler's web server on any free port."""
    distributed = _distributed()
    import dask

    with dask.config.set(QUIET):
        yield from _connect(distributed, scheduler, local_workers, processes, dashboard, timeout)


def _connect(distributed: Any, scheduler: str | None, local_workers: int, processes: bool,
             dashboard: str | None, timeout: float) -> Iterator[Any]:
    if scheduler:
        if not scheduler.startswith(("tcp://", "tls://", "inproc://", "ws://", "wss://")):
            raise UsageError(f"--scheduler {scheduler!r} is not a scheduler address; write tcp://HOST:8786")
        try:
            client = distributed.Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}; check it is running") from None
        try:
            yield client
        finally:
            client.close()
        return
    if local_workers < 1:
        raise UsageError(f"--local-cluster must be 1 or more workers, not {local_workers}")
    with warnings.catch_warnings():
        # A busy port moves the dashboard to a free one; client.dashboard_link says where.
        warnings.filterwarnings("ignore", message="Port .* is already in use", category=UserWarning)
        cluster = distributed.LocalCluster(
            n_workers=local_workers, threads_per_worker=1, processes=processes,
            dashboard_address=dashboard or ":0", silence_logs=logging.ERROR,
        )
    try:
        with distributed.Client(cluster) as client:
            yield client
    finally:
        cluster.close()
