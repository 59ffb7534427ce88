"""The backfill: plan batches, code them on Dask workers, store them in order.

The client (this process) reads the shards and plans batches, skips the
batches a checkpoint says are done, and asks the store which articles of a
batch are already stored or are copies of stored ones, so only new text is
sent out. Workers code; the client is the only writer. It stores finished
batches **in plan order** with the batch writer (:mod:`flashpoint.store.batched`:
the ingest runner's duplicate lookups, copies, event merging and failures,
replayed over one read of the database and written set-based), the batch
and its checkpoint in one transaction; ``row_writer`` (or a store the batch
writer does not serve) stores them through the ingest runner itself, one
transaction per batch, the checkpoint after it commits. So
the store stays the single source of truth: an article coded by two
workers (a copy of an article still in flight when it was sent) is
recognised as a copy when it is stored, whatever worker coded it.

Backpressure: at most ``2 x worker threads`` batches are in flight; the
client reads the next batch only when the oldest is stored, so memory
stays flat however large the input.
"""

from __future__ import annotations

import dataclasses
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..ingest.document import Note
from ..ingest.runner import IngestReport, ingest
from ..ingest.source import ListSource
from ..store.base import Failure, Store
from ..types import Article, content_id
from .checkpoint import Checkpoints, Done, Run, now
from .plan import Batch, batch_id, count, plan

Progress = Callable[["BackfillReport"], None]
#: Articles per Dask task. A stored batch (``batch_size``, 64) is sent as tasks
#: of this size: the cluster balances small tasks better (a run's last batch no
#: longer leaves all but one worker idle while it is coded), and ``nlp.pipe``
#: is as fast on 16 texts as on 64.
TASK_ARTICLES = 16


@dataclass(frozen=True, slots=True)
class BackfillReport:
    """What a backfill did in this attempt (``batches_skipped``: done before)."""

    run_id: str
    batches: int = 0
    batches_skipped: int = 0
    planned_batches: int | None = None
    seen: int = 0
    new: int = 0
    skipped: int = 0
    duplicates: int = 0
    events: int = 0
    failures: int = 0
    elapsed: float = 0.0
    store_seconds: float = 0.0
    workers: int = 0
    peak_worker_mb: float = 0.0
    dashboard: str | None = None
    worker_mb: float = 0.0  # the largest worker's resident memory after its latest batch

    @property
    def rate(self) -> float:
        return self.seen / self.elapsed if self.elapsed > 0 else 0.0

    def line(self) -> str:
        planned = f"/{self.planned_batches}" if self.planned_batches is not None else ""
        share = self.store_seconds / self.elapsed if self.elapsed > 0 else 0.0
        return (f"{self.batches + self.batches_skipped}{planned} batches ({self.batches_skipped} done before); "
                f"{self.seen} articles: {self.new} new, {self.skipped} skipped, {self.duplicates} copies, "
                f"{self.events} events, {self.failures} failures; {self.rate:.1f} articles/s on {self.workers} workers; "
                f"storing {share:.0%} of the time; peak worker memory {self.peak_worker_mb:.0f} MB")


def run_id(sources: Iterable[str], batch_size: int) -> str:
    """The same sources and batch size name the same run (so a re-run resumes it)."""
    return content_id(sorted(str(Path(s).resolve()) for s in sources), batch_size)


class _Tally:
    def __init__(self, rid: str) -> None:
        self.values: dict[str, Any] = {"run_id": rid}
        self.start = time.monotonic()
        self.peaks: dict[int, float] = {}
        self.current: dict[int, float] = {}  # worker pid -> resident MB after its latest batch

    def add(self, **counts: float) -> None:
        for k, v in counts.items():
            self.values[k] = self.values.get(k, 0) + v

    def report(self, **extra: Any) -> BackfillReport:
        return BackfillReport(**{**self.values, **extra, "elapsed": time.monotonic() - self.start,
                                 "peak_worker_mb": max(self.peaks.values(), default=0.0),
                                 "worker_mb": max(self.current.values(), default=0.0)})


def _replay(results: list[tuple]):
    """A coder that answers with what a worker already coded (by article id;
    a result is ``(article id, events, error[, records])``)."""
    by_id = {article_id: (events, error) for article_id, events, error, *_ in results}

    def coder(articles: Iterable[Article], settings: Settings) -> Iterator[tuple[Article, list, str | None]]:
        for article in articles:
            events, error = by_id.get(article.id, ([], "not coded: it was stored when the batch was sent"))
            yield article, events, error

    return coder


def backfill(
    sources: list[str],
    store: Store,
    settings: Settings,
    client: Any,
    *,
    coder: Callable | None = None,
    date: str | None = None,
    progress: Progress | None = None,
    plan_first: bool = True,
    scheduler: str | None = None,
    row_writer: bool = False,
) -> BackfillReport:
    """Code every article under ``sources`` on the Dask cluster of ``client`` into ``store``.

    Args:
        sources: files, folders and archives (see :mod:`.shards`).
        store: the one writer's store; checkpoints go to its database.
        settings: ``batch_size`` is the batch size; the rest is the coder's.
        client: a ``distributed.Client``.
        coder: what workers run (a module-level function with the coder's
            signature); ``pipeline.code_articles`` when None.
        date: publication date for text files without one.
        progress: called with the running report after every stored batch.
        plan_first: count the batches first (a reading pass), for ETA.
        scheduler: the scheduler address, recorded for ``--status``.
        row_writer: store batches article by article through the ingest
            runner, as before the batch writer (:mod:`flashpoint.store.batched`,
            the default on SQLite and PostgreSQL).
    """
    from .worker import ResourcesPlugin, code_task

    size = max(1, int(settings.batch_size))
    rid = run_id(sources, size)
    totals = count(sources, size, settings.max_chars, date) if plan_first else None
    workers = client.scheduler_info(n_workers=-1)["workers"]
    threads = sum(int(w.get("nthreads", 1)) for w in workers.values()) or 1
    checkpoints = Checkpoints(store)
    stamp = now()
    checkpoints.start(Run(
        id=rid, sources=tuple(sources), batch_size=size,
        planned_batches=totals.batches if totals else None, planned_articles=totals.articles if totals else None,
        scheduler=scheduler, dashboard=getattr(client, "dashboard_link", None), workers=len(workers),
        started_at=stamp, resumed_at=stamp,
    ))
    done = checkpoints.done_ids(rid)
    client.register_plugin(ResourcesPlugin(settings, coder), name="flashpoint-resources")
    tally = _Tally(rid)
    fixed = {"planned_batches": totals.batches if totals else None, "workers": len(workers),
             "dashboard": getattr(client, "dashboard_link", None)}
    writer = None if row_writer else _BatchWriter.of(store)
    pending: deque[tuple[Batch, Any, list[Failure], list | None]] = deque()
    loose: list[Failure] = []
    limit = 2 * threads

    def settle() -> None:
        batch, future, failures, keys = pending.popleft()
        _store_batch(batch, future, failures, store, settings, checkpoints, tally, writer, keys)
        if progress is not None:
            progress(tally.report(**fixed))

    for item in plan(sources, size, settings.max_chars, date):
        if isinstance(item, Note):
            loose.append(item.as_failure())
        elif isinstance(item, Failure):
            loose.append(item)
        elif item.id in done:
            tally.add(batches_skipped=1)
            loose = []  # recorded with that batch
        else:
            keys = writer.keys(item.articles) if writer is not None else None
            found = (store.find_duplicates(item.articles, keys) if keys is not None
                     else store.find_duplicates(item.articles))
            fresh = [a for a, original in zip(item.articles, found) if original is None]
            futures = [(piece, client.submit(code_task, piece, settings, coder, pure=False)) for piece in pieces(fresh)]
            pending.append((item, futures, loose, keys))
            loose = []
            while len(pending) >= limit:
                settle()
    if loose:  # failures after the last batch: a batch of no articles carries them
        tail = Batch(batch_id("(failures)", len(loose), ()) + content_id([f.key for f in loose], length=8),
                     "(failures)", 0, ())
        if tail.id not in done:
            pending.append((tail, [], loose, None))
    while pending:
        settle()
    checkpoints.finish(rid)
    return tally.report(**fixed)


def pieces(articles: list[Article], most: int | None = None) -> list[tuple[Article, ...]]:
    """A batch's new articles cut into tasks of at most ``most`` (:data:`TASK_ARTICLES`) articles."""
    most = most or TASK_ARTICLES
    return [tuple(articles[i:i + most]) for i in range(0, len(articles), most)]


class _BatchWriter:
    """The batch writer of a SQL store, with what a dead ``ingest`` run left:
    a batch holding an article a run died while coding goes through the row
    writer, whose in-flight markers (:mod:`flashpoint.ingest.inflight`) deal with it."""

    def __init__(self, store: Store) -> None:
        from ..ingest.inflight import Inflight

        self.inflight = Inflight(store)

    @classmethod
    def of(cls, store: Store) -> "_BatchWriter | None":
        from ..store.relational import RelationalStore

        return cls(store) if isinstance(store, RelationalStore) else None

    def keys(self, articles: tuple[Article, ...]) -> list:
        from ..store.batched import Keys

        return [Keys.of(a) for a in articles]

    def takes(self, batch: Batch) -> bool:
        i = self.inflight
        return not (i.batches or i.culprits) or not any(a.id in i.culprits or i.suspect(a.id) for a in batch.articles)


def _store_batch(batch: Batch, futures: list[tuple[tuple[Article, ...], Any]], failures: list[Failure],
                 store: Store, settings: Settings, checkpoints: Checkpoints, tally: _Tally,
                 writer: _BatchWriter | None = None, keys: list | None = None) -> None:
    t0 = time.perf_counter()
    coded: list = []
    for piece, future in futures:
        try:
            answers, stats = future.result()
            coded.extend(answers)
            tally.peaks[stats["pid"]] = max(tally.peaks.get(stats["pid"], 0.0), stats["peak_mb"])
            tally.current[stats["pid"]] = stats["rss_mb"]
        except Exception as exc:  # noqa: BLE001 - a lost task goes to the failures table, the run goes on
            reason = f"coding failed on the cluster: {type(exc).__name__}: {str(exc)[:300]}"
            coded.extend((a.id, [], reason) for a in piece)
    waited = time.perf_counter() - t0
    if writer is not None and writer.takes(batch) and _write_batch(batch, coded, failures, store, settings, checkpoints,
                                                                   tally, keys, t0 + waited):
        return
    for failure in failures:
        store.add_failure(failure)
    report: IngestReport = ingest(
        [ListSource(batch.articles)], store, _replay(coded),
        dataclasses.replace(settings, batch_size=max(1, len(batch.articles))),
    )
    stored = time.perf_counter() - t0 - waited
    checkpoints.mark(tally.values["run_id"], Done(
        id=batch.id, shard=batch.shard, ordinal=batch.ordinal, articles=len(batch.articles),
        new=report.new, skipped=report.skipped, duplicates=report.duplicates, events=report.events,
        failures=report.failures + len(failures), seconds=stored,
    ))
    tally.add(batches=1, seen=report.seen, new=report.new, skipped=report.skipped, duplicates=report.duplicates,
              events=report.events, failures=report.failures + len(failures), store_seconds=stored)


def _write_batch(batch: Batch, coded: list, failures: list[Failure], store: Any, settings: Settings,
                 checkpoints: Checkpoints, tally: _Tally, keys: list | None, start: float) -> bool:
    """Store a batch with the batch writer, its failures and checkpoint in the
    same transaction; False when the store refused it (rolled back whole:
    the caller stores it again with the row writer, which isolates the bad article)."""
    from ..errors import FlashpointError
    from ..store.base import StoreUnavailable
    from ..store.batched import write_batch

    try:
        with store.bulk_batch():
            for failure in failures:
                store.add_failure(failure)
            out = write_batch(store, batch.articles, coded, max(1, len(batch.articles)), settings.batch_chars, keys)
            for failure in out.failures:
                store.add_failure(failure)
            stored = time.perf_counter() - start
            done = Done(id=batch.id, shard=batch.shard, ordinal=batch.ordinal, articles=len(batch.articles),
                        new=out.new, skipped=out.skipped, duplicates=out.duplicates, events=out.events,
                        failures=len(out.failures) + len(failures), seconds=stored)
            checkpoints.mark(tally.values["run_id"], done)
    except StoreUnavailable:
        raise
    except FlashpointError:
        return False
    stored = time.perf_counter() - start
    # the checkpoint was marked before the commit, where PostgreSQL waits for the batch's
    # pipelined writes: its time is set again now that they are done
    checkpoints.retime(tally.values["run_id"], done.id, stored)
    tally.add(batches=1, seen=out.seen, new=out.new, skipped=out.skipped, duplicates=out.duplicates,
              events=out.events, failures=done.failures, store_seconds=stored)
    return True
