"""The ingest benchmark: end-to-end ingest next to the bare coder, and a dyad query.

Articles are generated from the sample corpus by drawing sentences from
different articles, so they are distinct enough that near-duplicate
detection keeps them apart (as real, different articles would be) while
the language stays news-like.
"""

from __future__ import annotations

import random
import re
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..config import Settings
from ..types import Article
from .coder import sample_articles

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")


def generated_articles(n: int, seed: int = 11, sentences: int | None = None) -> list[Article]:
    """``n`` distinct articles of 6-10 sentences (or of ``sentences``) drawn from the sample corpus."""
    rng = random.Random(seed)
    base = sample_articles()
    pool = [(a, s) for a in base for s in _SENT.split(a.text.replace("\n\n", " ")) if len(s) > 40]
    outlets = ["Meridian Wire", "Harbour Chronicle", "Northern Ledger", "Evening Courier", "Plains Herald"]
    out = []
    for i in range(n):
        picks = rng.sample(pool, sentences or rng.randint(6, 10))
        text = " ".join(s for _, s in picks)
        date = picks[0][0].date
        out.append(Article(
            id=f"gen-{i:06d}", text=text, date=date, title=f"Generated report {i}",
            url=f"https://bench.example.org/{i}", outlet=outlets[i % len(outlets)],
        ))
    return out


class _TimedCoder:
    """The real coder, keeping the time spent inside it, so the share of an
    ingest run that is not coding is measured within that run (a bare-coder
    pass minutes apart drifts with the load on a shared machine)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, articles: Iterable[Article], settings: Settings) -> Iterator[tuple[Article, list, str | None]]:
        from ..pipeline import code_articles

        results = code_articles(articles, settings)
        while True:
            t0 = time.perf_counter()
            try:
                item = next(results)
            except StopIteration:
                self.seconds += time.perf_counter() - t0
                return
            self.seconds += time.perf_counter() - t0
            yield item


def _timed_ingest(store_url: str, articles: list[Article], settings: Settings) -> tuple[float, float, object]:
    """End-to-end seconds, seconds of it spent coding, and the report."""
    from ..ingest.runner import ingest
    from ..ingest.source import ListSource
    from ..store import open_store

    store = open_store(store_url, settings)
    coder = _TimedCoder()
    try:
        t0 = time.perf_counter()
        report = ingest([ListSource(articles)], store, coder, settings)
        return time.perf_counter() - t0, coder.seconds, report
    finally:
        store.close()


def bench_ingest(n_articles: int, n_events: int, pg: str | None, settings: Settings) -> Iterator[str]:
    """Yield report lines: coder alone, ingest into SQLite (and PostgreSQL), dyad query."""
    from ..pipeline import code_articles, load_resources
    from .query import bench_query

    load_resources(settings)
    articles = generated_articles(n_articles)
    t0 = time.perf_counter()
    events = sum(len(evs) for _, evs, _ in code_articles(articles, settings))
    coder_s = time.perf_counter() - t0
    yield f"ingest corpus: {n_articles} generated articles; bare coder {n_articles / coder_s:,.1f} articles/s ({events:,} events)"
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("SQLite", str(Path(tmp) / "ingest.db"))]
        if pg:
            sep = "&" if "?" in pg else "?"
            targets.append(("PostgreSQL", f"{pg}{sep}schema=fp_bench_{uuid.uuid4().hex[:8]}"))
        for name, url in targets:
            e2e_s, coding_s, report = _timed_ingest(url, articles, settings)
            share = max(0.0, 1 - coding_s / e2e_s)
            against_bare = max(0.0, 1 - coder_s / e2e_s)
            yield (f"ingest into {name}: {n_articles / e2e_s:,.1f} articles/s end to end "
                   f"({report.new} new, {report.duplicates} copies, "
                   f"{report.events} events); storage and dedup {share:.1%} of end-to-end time (target < 15%; "
                   f"{against_bare:.1%} against the bare-coder pass)")
        q = bench_query(str(Path(tmp) / "query.db"), n_events)
        yield (f"dyad query on SQLite over {q['n_events']:,} events: weekly series {q['series_median_s'] * 1000:.0f} ms median "
               f"(first {q['series_first_s'] * 1000:.0f} ms; target < 1 s); 100-event page {q['events_page_s'] * 1000:.0f} ms; "
               f"bulk load {q['load_s']:.0f} s")
        if pg:
            sep = "&" if "?" in pg else "?"
            q = bench_query(f"{pg}{sep}schema=fp_bench_{uuid.uuid4().hex[:8]}", n_events)
            yield (f"dyad query on PostgreSQL over {q['n_events']:,} events: weekly series {q['series_median_s'] * 1000:.0f} ms median; "
                   f"100-event page {q['events_page_s'] * 1000:.0f} ms; bulk load {q['load_s']:.0f} s")
