"""Coding on every local core: a process pool over small runs of articles.

:class:`ParallelCoder` has the coder's signature (``(articles, settings) ->
iterator of (article, events, error)``), so the ingest runner and
``flashpoint code`` use it in place of ``pipeline.code_articles``. It cuts
the stream into chunks of a few articles, codes the chunks in worker
processes that each load the model, the knowledge base and the gazetteer
once, and yields the answers **in input order**: coding one article is a
pure function of the article and the settings, so the output (events, event
ids and their order) is the one a single process gives.

Kill safety is the caller's, as before: the runner stores a batch only
after every answer for it came back. A worker that dies (killed, out of
memory) breaks the pool; the pool is started again and the unanswered
chunks are coded again, once. Workers watch their parent and exit when it
dies, so a killed run leaves no process behind.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .config import Settings
from .errors import UsageError
from .types import Article, Event

Result = tuple[Article, list[Event], "str | None"]
Coder = Callable[[Iterable[Any], Settings], Iterator[Result]]

#: Resident memory one coding process needs (model, knowledge base, gazetteer
#: and a batch being parsed), in MB; ``flashpoint bench --workers`` measures it.
WORKER_MB = 550
#: Memory left to the parent, the database and the rest of the machine, in MB.
RESERVE_MB = 400
CHUNK = 8  # articles per task: small enough to balance, big enough for nlp.pipe


def available_cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def available_mb() -> float | None:
    """Memory the kernel says is available (Linux ``MemAvailable``), in MB."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def default_workers(worker_mb: float = WORKER_MB) -> int:
    """The machine's cores, capped by how many coding processes fit in memory."""
    cores = available_cores()
    free = available_mb()
    if free is None:
        return cores
    return max(1, min(cores, int((free - RESERVE_MB) // worker_mb)))


def check_workers(value: int | None) -> int:
    """``--workers``: None means :func:`default_workers`; otherwise 1 or more."""
    if value is None:
        return default_workers()
    if value < 1:
        raise UsageError(f"--workers must be 1 or more, not {value}")
    return int(value)


# -- inside a worker process -------------------------------------------------

_CODER: Coder | None = None


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:  # re-parented: the run was killed
            os._exit(0)


def _start_worker(settings: Settings, coder: Coder | None, parent: int) -> None:
    """Pool initializer: load every resource once, and die with the parent."""
    global _CODER
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="fp-parent-watch").start()
    if coder is None:
        from .pipeline import code_articles, load_worker_resources

        load_worker_resources(settings)
        coder = code_articles
    _CODER = coder


def _code_chunk(articles: list[Any], settings: Settings) -> list[Result]:
    assert _CODER is not None, "the pool initializer did not run"
    return list(_CODER(articles, settings))


# -- in the parent ---------------------------------------------------------------


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the parent's loaded model copy-on-write and starts in
    # milliseconds; spawn where fork is not offered.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class ParallelCoder:
    """A coder that spreads articles over ``workers`` processes, answers in input order.

    Args:
        workers: coding processes (1 codes inline, in this process).
        coder: what each worker runs, a module-level function with the
            coder's signature; ``pipeline.code_articles`` when None.
        chunk: articles per task.

    Use it as a context manager, or call :meth:`close`, to stop the workers.
    """

    def __init__(self, workers: int, coder: Coder | None = None, chunk: int = CHUNK) -> None:
        if workers < 1:
            raise UsageError(f"workers must be 1 or more, not {workers}")
        self.workers = workers
        self.coder = coder
        self.chunk = max(1, chunk)
        self._pool: cf.ProcessPoolExecutor | None = None
        self._settings: Settings | None = None
        self.restarts = 0

    def __enter__(self) -> ParallelCoder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _inline(self, articles: list[Any], settings: Settings) -> Iterator[Result]:
        if self.coder is not None:
            return self.coder(articles, settings)
        from .pipeline import code_articles

        return code_articles(articles, settings)

    def _pool_for(self, settings: Settings) -> cf.ProcessPoolExecutor:
        if self._pool is not None and self._settings != settings:
            self.close()
        if self._pool is None:
            if self.coder is None and _context().get_start_method() == "fork":
                # Load once here: forked workers share the model's pages copy-on-write.
                from .pipeline import load_worker_resources

                load_worker_resources(settings)
            self._pool = cf.ProcessPoolExecutor(
                max_workers=self.workers, mp_context=_context(), initializer=_start_worker,
                initargs=(settings, self.coder, os.getpid()),
            )
            self._settings = settings
        return self._pool

    def __call__(self, articles: Iterable[Any], settings: Settings) -> Iterator[Result]:
        chunks = _chunked(articles, self.chunk)
        first = next(chunks, None)
        if first is None:
            return
        second = next(chunks, None)
        if self.workers == 1 or second is None:
            # One chunk is not worth a process; and one worker is this process.
            yield from self._inline(first, settings)
            if second is not None:
                yield from self._inline(second, settings)
                for rest in chunks:
                    yield from self._inline(rest, settings)
            return
        yield from self._ordered(_prepend([first, second], chunks), settings)

    def _ordered(self, chunks: Iterator[list[Any]], settings: Settings) -> Iterator[Result]:
        """Keep ``2 * workers`` chunks in flight (backpressure), answer the oldest first."""
        pending: deque[tuple[list[Any], cf.Future[list[Result]]]] = deque()
        ahead = 2 * self.workers
        retried = False
        for chunk in chunks:
            pending.append((chunk, self._submit(chunk, settings)))
            while len(pending) >= ahead:
                retried = yield from self._answer(pending, settings, retried)
        while pending:
            retried = yield from self._answer(pending, settings, retried)

    def _submit(self, chunk: list[Any], settings: Settings) -> cf.Future[list[Result]]:
        return self._pool_for(settings).submit(_code_chunk, chunk, settings)

    def _answer(self, pending: deque, settings: Settings, retried: bool) -> Iterator[Result]:
        chunk, future = pending[0]
        try:
            results = future.result()
        except cf.process.BrokenProcessPool:
            if retried:
                raise
            # A worker died: start a fresh pool and send every unanswered chunk again.
            self.restarts += 1
            self.close()
            for i, (waiting, _) in enumerate(list(pending)):
                pending[i] = (waiting, self._submit(waiting, settings))
            return True
        pending.popleft()
        yield from results
        return False


def _chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _prepend(head: list[list[Any]], rest: Iterator[list[Any]]) -> Iterator[list[Any]]:
    yield from head
    yield from rest


def code_parallel(articles: Iterable[Any], settings: Settings, workers: int) -> Iterator[Result]:
    """Code ``articles`` on ``workers`` processes: ``code_articles``' output, in order."""
    with ParallelCoder(workers) as coder:
        yield from coder(articles, settings)
