"""Export benchmark: stream many merged events to Parquet and GDELT TSV.

``flashpoint bench --export`` calls :func:`bench_export`. Events come from
the query benchmark's generator (:func:`flashpoint.bench.query.synthetic_rows`)
dressed as full merged records (actors, PLOVER, location, quantities,
evidence, one mention). Two kinds of run, each in a fresh process whose
peak resident memory is the figure reported:

* ``writer``: the events made in memory and handed to :func:`export` (what
  the writers alone cost; making the events is measured alone as well);
* ``store``: the same events bulk-loaded into a SQLite file (and into
  PostgreSQL with ``--pg``), then exported as ``flashpoint export`` does
  (:func:`~flashpoint.store.exports.export_store`): reading the store is
  part of the figure. ``read`` is the GDELT export's read alone (Arrow
  tables of the events row's columns). ``--export-db FILE`` keeps the
  SQLite file, filled once, for later runs.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..store.merge import actor_key_of
from ..store.exports.table import mentions_outlets, mentions_url
from ..store.rows import EVENT_COLUMNS, dumps
from ..types import Event
from .memory import own_peak_rss_mb
from .query import synthetic_rows

_PLOVER = {"01": None, "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
           "07": "AID", "08": "RETREAT", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
           "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
           "19": "ASSAULT", "20": "ASSAULT"}
_PLACES = (("Kyiv", "UKR", 50.4547, 30.5238, "city"), ("Belarus", "BLR", 53.0, 28.0, "country"),
           ("Khartoum", "SDN", 15.5518, 32.5324, "city"), (None, None, None, None, None))


def _actor(code: str, sector: str | None) -> dict[str, Any]:
    return {"text": code.title(), "name": code, "country": code, "org": None, "sector": sector,
            "code": code + (sector or "")}


def synthetic_events(n: int, seed: int = 7, start: int = 0) -> Iterator[dict[str, Any]]:
    """``n`` merged events as :meth:`Store.events` yields them (one at a time),
    numbered from ``start`` (a seed per start, so loads in slices differ)."""
    col = {name: i for i, name in enumerate(EVENT_COLUMNS)}
    for i, values in enumerate(synthetic_rows(n, seed + start), start):
        root = values[col["cameo_root"]]
        place = _PLACES[i % 4]
        sentence = values[col["evidence"]]
        yield {
            "event_id": f"{i:016x}", "doc_id": f"doc{i // 5}", "date": values[col["date"]], "date_precision": "day",
            "source": _actor(values[col["source_key"]], "GOV" if i % 3 == 0 else None),
            "target": _actor(values[col["target_key"]], "POL" if i % 7 == 0 else None),
            "cameo": values[col["cameo"]], "cameo_root": root, "quad_class": values[col["quad_class"]],
            "goldstein": values[col["goldstein"]],
            "plover": {"type": _PLOVER[root], "mode": None} if _PLOVER[root] else None,
            "negated": False, "modality": "reported" if i % 5 == 0 else "asserted", "attribution": None,
            "statement": root == "01", "inputs": ["prior=0.70", "source=named"],
            "location": None if place[0] is None else dict(zip(("name", "country", "lat", "lon", "precision"), place)),
            "quantities": [{"value": i % 50, "unit": "dead"}] if root in ("18", "19") else [],
            "evidence": {"sentence": sentence, "start": 0, "end": len(sentence), "trigger": "did"},
            "rule": "verb:synthetic", "confidence": 0.8, "contexts": ["military"] if root >= "15" else [],
            "id": f"{i:016x}", "num_mentions": 1, "num_sources": 1, "num_articles": 1,
            "first_seen": values[col["first_seen"]],
            "mentions": [{"article_id": f"doc{i // 5}", "outlet": "Synthetic Wire",
                          "url": f"https://example.org/{i // 5}", "date": values[col["date"]],
                          "title": f"Story {i // 5}", "language": "en", "sentence": sentence, "trigger": "did"}],
        }


_RECORD_FIELDS = tuple(Event.__dataclass_fields__)
_ARTICLE_COLUMNS = ("id", "url", "canonical_url", "title", "outlet", "date", "language", "content_hash", "text",
                    "coded_at")
_REPORT_COLUMNS = ("id", "article_id", "merged_id", "date", "trigger", "sentence", "record")


def _stored(event: dict[str, Any]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The events-table and event_reports rows of one synthetic merged event."""
    record = dumps({name: event[name] for name in _RECORD_FIELDS})
    loc = event["location"] or {}
    row: dict[str, Any] = {"id": event["id"], "date": event["date"]}
    for side in ("source", "target"):
        actor = event[side] or {}
        row[f"{side}_key"] = actor_key_of(actor) or ""
        row.update({f"{side}_{k}": actor.get(k) for k in ("name", "country", "org", "code", "sector")})
    row.update({k: event[k] for k in ("cameo", "cameo_root", "quad_class", "goldstein", "negated", "modality")})
    row.update(plover_type=(event["plover"] or {}).get("type"), plover_mode=(event["plover"] or {}).get("mode"),
               counted=True, location_name=loc.get("name"), location_country=loc.get("country"),
               lat=loc.get("lat"), lon=loc.get("lon"), location_precision=loc.get("precision"), evidence=event["evidence"]["sentence"],
               num_mentions=1, num_sources=1, num_articles=1, first_seen=event["first_seen"], record=record,
               first_url=mentions_url(event["mentions"]), outlets=dumps(mentions_outlets(event["mentions"])))
    mention = event["mentions"][0]
    report = (event["event_id"], mention["article_id"], event["id"], event["date"], mention["trigger"],
              mention["sentence"], record)
    return tuple(row[c] for c in EVENT_COLUMNS), report


def fill_store(url: str, n: int, reuse: bool = False) -> float:
    """Bulk-load ``n`` synthetic merged events, their articles and reports
    into the empty store at ``url``; seconds taken. With ``reuse``, a store
    that holds exactly ``n`` events already is left as it is (0 seconds)."""
    from ..store import open_store

    store = open_store(url)
    try:
        return _fill(store, url, n, reuse)
    finally:
        store.close()


def _fill(store: Any, url: str, n: int, reuse: bool = False) -> float:
    """:func:`fill_store` on the open ``store`` (named ``url`` in messages)."""
    from ..errors import UsageError

    if not hasattr(store, "bulk_rows"):
        raise UsageError("the export benchmark needs a database: a SQLite path or a postgresql:// URL")
    held = store.counts()["events"]
    if held and reuse and held == n:
        return 0.0
    if held:
        raise UsageError(f"{url} already holds {held} events; benchmark on an empty database"
                         + (f" or one that holds the {n} asked for" if reuse else ""))
    t0 = time.perf_counter()
    step = 20_000
    for start in range(0, n, step):
        events = list(synthetic_events(min(step, n - start), start=start))
        articles = {e["doc_id"]: e["mentions"][0] for e in events}
        store.bulk_rows("articles", _ARTICLE_COLUMNS, [
            (doc, m["url"], m["url"], m["title"], m["outlet"], m["date"], m["language"], doc, m["sentence"],
             "2024-01-01T00:00:00+00:00") for doc, m in articles.items()])
        pairs = [_stored(e) for e in events]
        store.bulk_events([p[0] for p in pairs])
        store.bulk_rows("event_reports", _REPORT_COLUMNS, [p[1] for p in pairs])
    with store._guard("analyse the tables"):
        store._run("VACUUM ANALYZE" if store.dialect == "postgres" else "ANALYZE")
    return time.perf_counter() - t0


def _child(fmt: str, n: int, path: str, store_url: str | None, queue: Any, reuse: bool = False) -> None:
    from ..store import open_store
    from ..store.base import EventFilter
    from ..store.exports import export, export_store

    if fmt == "load":  # in a child too, so that the parent stays small for the next spawns
        from ..store.maintenance import out_of_order

        store = open_store(str(store_url))  # once, for the load and the count
        try:
            load = _fill(store, str(store_url), n, reuse)
            late = out_of_order(store)[1]  # the export's read depends on it (flashpoint db optimize)
        finally:
            store.close()
        queue.put({"format": "load", "events": n, "seconds": round(load, 2),
                   "events_per_s": round(n / load) if load else None, "out_of_order": late})
        return
    t0, c0 = time.perf_counter(), time.process_time()
    if store_url is not None:
        store = open_store(store_url)
        try:
            if fmt == "read":  # what the GDELT export reads of the store
                from ..store.exports.columns import column_tables
                from ..store.exports.gdelt_columns import store_columns

                written = sum(t.num_rows for t in column_tables(store, EventFilter(), store_columns(False)))
            else:
                written = export_store(store, EventFilter(), fmt, path, side_file=False).written
        finally:
            store.close()
    elif fmt == "generate":
        for _ in synthetic_events(n):
            pass
        written = n
    else:
        written = export(synthetic_events(n), fmt, path, side_file=False).written
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    queue.put({"format": fmt, "source": "store" if store_url else "memory", "events": written,
               "seconds": round(seconds, 2), "events_per_s": round(written / seconds) if seconds else None,
               "events_per_cpu_s": round(written / cpu) if cpu else None, "cpu_s": round(cpu, 2),
               "peak_rss_mb": round(own_peak_rss_mb(), 1),
               "bytes": os.path.getsize(path) if os.path.exists(path) else 0})


def _run(fmt: str, n: int, folder: Path, store_url: str | None = None, reuse: bool = False) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")  # a fresh process: its peak memory is this run's alone
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(fmt, n, str(folder / f"bench.{fmt}"), store_url, queue, reuse))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def bench_export(n_events: int = 1_000_000, formats: tuple[str, ...] = ("parquet", "gdelt"),
                 pg: str | None = None, stores: bool = True, sqlite_path: str | None = None) -> list[dict[str, Any]]:
    """Time making ``n_events`` events and exporting them in each format,
    from memory and (``stores``) from a SQLite file and ``pg``.

    ``sqlite_path`` names the SQLite file (else a temporary one): filled when
    empty, used as it is when it holds ``n_events`` events already, and kept.

    Returns:
        One dict per run: ``format`` (``generate`` and ``read`` are making
        the events and reading the store alone, ``load`` the bulk load
        with ``seconds``, ``events_per_s`` and ``out_of_order`` only: the
        SQLite rows whose (date, id) comes before the row before them on
        disk, which the read's cost depends on), ``source``
        (``memory``, ``sqlite`` or ``postgres``), ``events``, ``seconds``,
        ``events_per_s`` (wall clock), ``events_per_cpu_s`` (CPU time of the
        process, threads included: the fair figure on a shared machine),
        ``peak_rss_mb`` (the process's peak resident memory, imports
        included) and ``bytes`` written.
    """
    with tempfile.TemporaryDirectory(prefix="flashpoint-export-bench-") as tmp:
        folder = Path(tmp)
        results = [_run(fmt, n_events, folder) for fmt in ("generate", *formats)]
        if not stores:
            return results
        targets = [("sqlite", sqlite_path or str(folder / "bench.db"))] + ([("postgres", pg)] if pg else [])
        for backend, url in targets:
            for fmt in ("load", "read", *formats):
                reuse = backend == "sqlite" and sqlite_path is not None
                results.append({**_run(fmt, n_events, folder, url, reuse), "source": backend})
        return results


def format_lines(results: list[dict[str, Any]]) -> list[str]:
    """Human-readable lines for the CLI; "writer alone" is a run's CPU time
    less what making the events (from memory) or reading the store took."""
    out = []
    base = {(r["source"], r["format"]): r.get("cpu_s", 0.0) for r in results if r["format"] in ("generate", "read")}
    for r in results:
        if r["format"] == "load":
            late = r.get("out_of_order")
            order = "" if late is None else f"; {late} ({100 * late / max(r['events'], 1):.1f}%) out of date order on disk"
            if not r["seconds"]:
                out.append(f"load {r['source']:<9} {r['events']:>9} events held already: not loaded again{order}")
            else:
                out.append(f"load {r['source']:<9} {r['events']:>9} events in {r['seconds']:>6.1f} s = "
                           f"{r['events_per_s']:>7} events/s{order}")
            continue
        what = {"generate": "make events", "read": f"read {r['source']}"}.get(r["format"],
                                                                             f"{r['format']} from {r['source']}")
        size = f", {r['bytes'] / 1e6:.0f} MB" if r["bytes"] else ""
        making = base.get((r["source"], "read" if r["source"] != "memory" else "generate"), 0.0)
        alone = ""
        if r["format"] not in ("generate", "read") and r["cpu_s"] > making:
            alone = f", writer alone {round(r['events'] / (r['cpu_s'] - making))} per CPU second"
        out.append(f"{what:<20} {r['events']:>9} events in {r['seconds']:>6.1f} s = {r['events_per_s']:>7} events/s "
                   f"({r['events_per_cpu_s']} per CPU second{alone}), peak RSS {r['peak_rss_mb']} MB{size}")
    return out
