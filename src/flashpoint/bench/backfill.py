"""``flashpoint bench --backfill``: a Dask backfill on N workers against one worker.

Generated articles (see :mod:`.ingest`) are written to JSONL shards and
backfilled into a fresh database (a PostgreSQL schema with ``--pg``, else
SQLite) on a local cluster of one worker, then of N. Workers are started
and their resources loaded before the clock starts. The storage share is
the client's time inside the store over the run's time; worker memory is
read at a tenth, half and the end of each run to show whether it stays
flat.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from .coder import load_line


def _shards(root: Path, n_articles: int, per_shard: int = 2000, sentences: int | None = None) -> list[str]:
    from .ingest import generated_articles

    articles = generated_articles(n_articles, sentences=sentences)
    paths = []
    for start in range(0, len(articles), per_shard):
        path = root / f"shard-{start // per_shard:05d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for a in articles[start:start + per_shard]:
                out.write(json.dumps({"id": a.id, "text": a.text, "date": a.date, "title": a.title,
                                      "url": a.url, "outlet": a.outlet}) + "\n")
        paths.append(str(path))
    return paths


@contextlib.contextmanager
def _database(pg: str | None, tmp: Path, name: str) -> Iterator[str]:
    if not pg:
        yield str(tmp / f"{name}.db")
        return
    import psycopg

    schema = f"fp_bench_{name}_{uuid.uuid4().hex[:8]}"
    sep = "&" if "?" in pg else "?"
    try:
        yield f"{pg}{sep}schema={schema}"
    finally:
        with psycopg.connect(pg, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _run(sources: list[str], url: str, settings: Settings, workers: int, n: int, row_writer: bool = False) -> dict:
    from ..backfill import backfill, connect
    from ..backfill.worker import PLUGIN_NAME, ResourcesPlugin
    from ..store import open_store

    marks: dict[str, float] = {}

    def progress(report) -> None:
        for label, share in (("tenth", 0.1), ("half", 0.5)):
            if label not in marks and report.seen >= share * n:
                marks[label] = report.peak_worker_mb

    with connect(None, workers, dashboard=None) as client:
        client.register_plugin(ResourcesPlugin(settings), name=PLUGIN_NAME)  # load before the clock starts
        store = open_store(url, settings)
        try:
            w0, c0, t0 = sum(client.run(time.process_time).values()), time.process_time(), time.perf_counter()
            report = backfill(sources, store, settings, client, progress=progress, plan_first=False,
                              row_writer=row_writer)
            seconds = time.perf_counter() - t0
            own = time.process_time() - c0
            cpu = sum(client.run(time.process_time).values()) - w0 + own
        finally:
            store.close()
    return {"report": report, "seconds": seconds, "marks": marks, "cpu": cpu, "client_cpu": own}


WRITERS = (("batch writer", False), ("row writer", True))


def bench_backfill(n_articles: int, pg: str | None, settings: Settings, workers: int = 2,
                   rounds: int = 1) -> Iterator[str]:
    """Lines: articles/s on 1 worker and on ``workers``, storage share, worker memory,
    for the batch writer (the default) and the row writer (``--row-writer``) in the same run.

    With ``rounds`` > 1 the runs alternate (1 then N, N then 1, ...; the writers
    likewise) and the medians are reported: on a shared machine the load drifts between runs."""
    import statistics

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sources = _shards(root, n_articles)
        where = "PostgreSQL" if pg else "SQLite"
        yield (f"backfill: {n_articles:,} generated articles in {len(sources)} shards into {where}, batches of "
               f"{settings.batch_size}, {rounds} alternating round(s), the batch writer and the row writer")
        ratios = {name: [] for name, _ in WRITERS}
        shares = {(name, c): [] for name, _ in WRITERS for c in (1, workers)}
        cpus = {name: [] for name, _ in WRITERS}
        for k in range(max(1, rounds)):
            for name, row_writer in (WRITERS if k % 2 == 0 else WRITERS[::-1]):
                runs = {}
                for count in ((1, workers) if k % 2 == 0 else (workers, 1)):
                    with _database(pg, root, f"w{count}r{k}{'row' if row_writer else 'set'}") as url:
                        runs[count] = run = _run(sources, url, settings, count, n_articles, row_writer)
                    r, m = run["report"], run["marks"]
                    shares[name, count].append(r.store_seconds / run["seconds"])
                    per = 1000 * r.store_seconds / max(1, r.seen)
                    yield (f"  round {k + 1}, {name}, {count} worker(s): {n_articles / run['seconds']:,.1f}"
                           f" articles/s ({r.new:,} new, {r.events:,} events, {r.failures} failures); storing "
                           f"{r.store_seconds / run['seconds']:.1%} of the time ({per:.1f} ms an article;"
                           " target < 15%);"
                           f" peak worker memory {m.get('tenth', 0):.0f} MB at a tenth, {m.get('half', 0):.0f} MB at"
                           f" half, {r.peak_worker_mb:.0f} MB at the end (target < 700 MB, flat)")
                ratios[name].append(runs[1]["seconds"] / runs[workers]["seconds"])
                one, many = runs[1]["cpu"], runs[workers]["cpu"]
                cpus[name].append(one / many)
                yield (f"  round {k + 1}, {name}: speed-up {ratios[name][-1]:.2f}x; CPU seconds for the same work "
                       f"(workers and client): {one:.1f} with 1 worker, {many:.1f} with {workers}, {one / many:.0%} "
                       f"efficient; the client's share (reading, dedup lookups, storing, a LocalCluster's scheduler): "
                       f"{runs[1]['client_cpu'] / one:.0%} and {runs[workers]['client_cpu'] / many:.0%}; "
                       "cores the run got "
                       f"(CPU over wall seconds, PostgreSQL not counted): {one / runs[1]['seconds']:.2f} and "
                       f"{many / runs[workers]['seconds']:.2f}; {load_line()}")
        for name, _ in WRITERS:
            yield (f"  median of {len(ratios[name])}, {name}: speed-up"
                   f" {statistics.median(ratios[name]):.2f}x"
                   f" with {workers} workers (target >= 1.6x); storing {statistics.median(shares[name, 1]):.1%}"
                   " (1 worker) "
                   f"and {statistics.median(shares[name, workers]):.1%} ({workers}) of the time (target < 15%); "
                   f"CPU efficiency {statistics.median(cpus[name]):.0%}")


def bench_backfill_memory(n_articles: int, pg: str | None, settings: Settings, workers: int = 2,
                          samples: int = 10, sentences: int | None = None) -> Iterator[str]:
    """Lines: one ``workers``-worker backfill of ``n_articles`` generated articles,
    with the workers' resident memory read along the run (is it flat?)."""
    from ..backfill import backfill, connect
    from ..store import open_store
    from .memory import rss_mb

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sources = _shards(root, n_articles, sentences=sentences)
        where = "PostgreSQL" if pg else "SQLite"
        size = f"{sentences} sentences each" if sentences else "6-10 sentences each"
        yield (f"backfill memory: {n_articles:,} generated articles ({size}, pre-filter {'on' if settings.prefilter else 'off'}) in {len(sources)} shards into {where} "
               f"on {workers} workers, batches of {settings.batch_size}")
        curve: list[tuple[int, float, float, float, float]] = []  # (seen, seconds, worker MB now, worker peak, client MB)

        def progress(report) -> None:
            if not curve or report.seen >= (len(curve)) * n_articles / samples or report.seen >= n_articles:
                curve.append((report.seen, report.elapsed, report.worker_mb, report.peak_worker_mb, rss_mb()))

        with _database(pg, root, "memory") as url, connect(None, workers, dashboard=None) as client:
            store = open_store(url, settings)
            try:
                report = backfill(sources, store, settings, client, progress=progress, plan_first=False)
            finally:
                store.close()
        yield "  articles done | minutes | largest worker now | peak of any worker so far | client (writer) now"
        for seen, seconds, now_mb, peak_mb, client_mb in curve:
            yield f"  {seen:>13,} | {seconds / 60:7.1f} | {now_mb:14.0f} MB | {peak_mb:8.0f} MB | {client_mb:8.0f} MB"
        grew = curve[-1][2] - curve[1][2] if len(curve) > 2 else 0.0
        yield (f"  {report.seen:,} articles ({report.new:,} new, {report.events:,} events, {report.failures} failures) "
               f"at {report.rate:.1f} articles/s; peak worker memory {report.peak_worker_mb:.0f} MB (target < 700 MB); "
               f"resident memory changed by {grew:+.0f} MB from the first tenth to the end (target: flat)")
