"""Query benchmark: load many synthetic merged events, time the dyad series.

``flashpoint bench --ingest`` calls :func:`bench_query`; the figures go to
docs/PERFORMANCE.md. The load uses each back end's fast path (one
``executemany`` transaction on SQLite, ``COPY`` on PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Iterator
from typing import Any

from ..errors import UsageError
from ..store.base import EventFilter
from ..store.rows import EVENT_COLUMNS, dumps

_COUNTRIES = (
    "RUS", "UKR", "USA", "CHN", "BLR", "POL", "DEU", "FRA", "GBR", "TUR", "IRN", "ISR", "SYR", "IRQ",
    "SAU", "IND", "PAK", "AFG", "JPN", "KOR", "PRK", "TWN", "NER", "MLI", "NGA", "ETH", "SDN", "SOM",
    "KEN", "EGY", "LBY", "YEM", "VEN", "COL", "BRA", "MEX", "ARM", "AZE", "GEO", "SRB",
)
_ROOTS = ("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14",
          "15", "16", "17", "18", "19", "20")
HOT = ("RUS", "UKR")  # the queried dyad holds ~5% of rows, like a war in the news


def synthetic_rows(n: int, seed: int = 7) -> Iterator[tuple[Any, ...]]:
    """``n`` plausible events-table rows in ``EVENT_COLUMNS`` order."""
    rng = random.Random(seed)
    start = dt.date(2015, 1, 1).toordinal()
    span = 3650
    for i in range(n):
        if rng.random() < 0.05:
            src, tgt = HOT
        else:
            src, tgt = rng.sample(_COUNTRIES, 2)
        root = rng.choice(_ROOTS)
        quad = 1 if root <= "05" else 2 if root <= "09" else 3 if root <= "17" else 4
        goldstein = round(rng.uniform(-10, 10), 1)
        date = dt.date.fromordinal(start + rng.randrange(span)).isoformat()
        record = {"event_id": f"s{i}", "cameo": root + "0", "cameo_root": root, "date": date}
        row = {
            "id": f"{i:016x}", "date": date, "source_key": src, "source_name": src, "source_country": src,
            "source_org": None, "source_code": src, "source_sector": None, "target_key": tgt,
            "target_name": tgt, "target_country": tgt, "target_org": None, "target_code": tgt,
            "target_sector": None, "cameo": root + "0", "cameo_root": root, "quad_class": quad,
            "goldstein": goldstein, "plover_type": None, "plover_mode": None, "negated": False,
            "modality": "asserted", "counted": True, "location_name": None, "location_country": None,
            "lat": None, "lon": None, "evidence": f"Synthetic event {i}.", "num_mentions": 1,
            "num_sources": 1, "num_articles": 1, "first_seen": "2024-01-01T00:00:00+00:00",
            "record": dumps(record), "first_url": None, "outlets": "[]", "location_precision": None,
        }
        yield tuple(row[c] for c in EVENT_COLUMNS)


def load_synthetic(store: Any, store_url: str, n_events: int) -> float:
    """Bulk-load ``n_events`` synthetic events into the empty ``store``; seconds taken.

    Raises:
        UsageError: the store is in memory or already holds events.
    """
    if not hasattr(store, "bulk_events"):
        raise UsageError("the benchmark needs a database: give a SQLite path or postgresql:// URL")
    if store.counts()["events"]:
        raise UsageError(f"{store_url} already holds events; benchmark on an empty database")
    t0 = time.perf_counter()
    store.bulk_events(synthetic_rows(n_events))
    with store._guard("analyse the events table"):
        # PostgreSQL needs VACUUM to mark pages all-visible, or it cannot use
        # the covering dyad index for an index-only scan right after COPY.
        store._run("VACUUM ANALYZE events, event_rollup" if store.dialect == "postgres" else "ANALYZE")
    return time.perf_counter() - t0


def bench_query(store_url: str, n_events: int = 1_000_000, repeat: int = 5) -> dict[str, Any]:
    """Bulk-load ``n_events`` synthetic events into an empty store and time queries.

    Args:
        store_url: An empty SQLite file / postgresql:// URL (see ``open_store``).
        n_events: How many merged events to load.
        repeat: Timed runs of each query; the median is reported.

    Returns:
        ``backend``, ``n_events``, ``load_s``, ``load_rows_per_s``,
        ``series_first_s`` / ``series_median_s`` (weekly RUS->UKR series),
        ``series_periods``, ``events_page_s`` (first 100 events of the dyad
        with a CAMEO prefix).

    Raises:
        UsageError: the store is in memory or already holds events.
    """
    from ..store import open_store, queries

    store = open_store(store_url)
    try:
        load = load_synthetic(store, store_url, n_events)
        flt = EventFilter(source=HOT[0], target=HOT[1])
        timings = []
        periods = 0
        for _ in range(max(1, repeat)):
            t = time.perf_counter()
            # The events table, as in the figures before the roll-up
            # (store.series reads the roll-up since issue 11's sixth session).
            periods = len(queries.series(store, flt, "week", use_rollup=False))
            timings.append(time.perf_counter() - t)
        t = time.perf_counter()
        page = list(store.events(EventFilter(source=HOT[0], target=HOT[1], cameo="19", limit=100)))
        page_s = time.perf_counter() - t
        return {
            "backend": store.dialect,
            "n_events": n_events,
            "load_s": round(load, 2),
            "load_rows_per_s": round(n_events / load) if load else None,
            "series_first_s": round(timings[0], 4),
            "series_median_s": round(statistics.median(timings), 4),
            "series_periods": periods,
            "events_page_s": round(page_s, 4),
            "events_page_rows": len(page),
        }
    finally:
        store.close()
