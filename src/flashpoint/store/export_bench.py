"""Export benchmark: stream many merged events to Parquet and GDELT TSV.

``flashpoint bench --export`` calls :func:`bench_export`. Events come from
the query benchmark's generator (:func:`flashpoint.store.bench.synthetic_rows`)
dressed as full merged records (actors, PLOVER, location, quantities,
evidence, one mention), so each writer sees what a real store yields. Each
format runs in a fresh process, whose peak resident memory is the figure
reported; the rate includes making the events (measured alone as well).
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .bench import synthetic_rows
from .rows import EVENT_COLUMNS

_PLOVER = {"01": None, "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
           "07": "AID", "08": "RETREAT", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
           "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
           "19": "ASSAULT", "20": "ASSAULT"}
_PLACES = (("Kyiv", "UKR", 50.4547, 30.5238, "city"), ("Belarus", "BLR", 53.0, 28.0, "country"),
           ("Khartoum", "SDN", 15.5518, 32.5324, "city"), (None, None, None, None, None))


def _actor(code: str, sector: str | None) -> dict[str, Any]:
    return {"text": code.title(), "name": code, "country": code, "org": None, "sector": sector,
            "code": code + (sector or "")}


def synthetic_events(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """``n`` merged events as :meth:`Store.events` yields them (one at a time)."""
    col = {name: i for i, name in enumerate(EVENT_COLUMNS)}
    for i, values in enumerate(synthetic_rows(n, seed)):
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
            "location": None if place[0] is None else dict(zip(("name", "country", "lat", "lon", "precision"), place)),
            "quantities": [{"value": i % 50, "unit": "dead"}] if root in ("18", "19") else [],
            "evidence": {"sentence": sentence, "start": 0, "end": len(sentence), "trigger": "did"},
            "rule": "verb:synthetic", "confidence": 0.8, "contexts": ["military"] if root >= "15" else [],
            "id": values[col["id"]], "num_mentions": 1, "num_sources": 1, "num_articles": 1,
            "first_seen": values[col["first_seen"]],
            "mentions": [{"article_id": f"doc{i // 5}", "outlet": "Synthetic Wire", "url": f"https://example.org/{i}",
                          "date": values[col["date"]], "title": None, "language": "en", "sentence": sentence,
                          "trigger": "did"}],
        }


def _child(fmt: str, n: int, path: str, queue: Any) -> None:
    from .exports import export

    t0, c0 = time.perf_counter(), time.process_time()
    if fmt == "generate":
        for _ in synthetic_events(n):
            pass
        written = n
    else:
        written = export(synthetic_events(n), fmt, path, side_file=False).written
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put({"format": fmt, "events": written, "seconds": round(seconds, 2),
               "events_per_s": round(written / seconds) if seconds else None,
               "events_per_cpu_s": round(written / cpu) if cpu else None, "cpu_s": round(cpu, 2), "peak_rss_mb": round(peak_kb / 1024, 1),
               "bytes": os.path.getsize(path) if fmt != "generate" and os.path.exists(path) else 0})


def _run(fmt: str, n: int, folder: Path) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")  # a fresh process: its peak memory is this run's alone
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(fmt, n, str(folder / f"bench.{fmt}"), queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def bench_export(n_events: int = 1_000_000, formats: tuple[str, ...] = ("parquet", "gdelt")) -> list[dict[str, Any]]:
    """Time making ``n_events`` events, then exporting them in each format.

    Returns:
        One dict per run: ``format`` (``generate`` first), ``events``,
        ``seconds``, ``events_per_s`` (wall clock), ``events_per_cpu_s`` (CPU
        time of the process: the fair figure on a shared machine), ``peak_rss_mb`` (the child process's
        peak resident memory, imports included) and ``bytes`` written.
    """
    with tempfile.TemporaryDirectory(prefix="flashpoint-export-bench-") as tmp:
        return [_run(fmt, n_events, Path(tmp)) for fmt in ("generate", *formats)]


def format_lines(results: list[dict[str, Any]]) -> list[str]:
    """Human-readable lines for the CLI; the writer alone is the run's CPU time
    less the time making the events took."""
    out = []
    making = next((r["cpu_s"] for r in results if r["format"] == "generate"), 0.0)
    for r in results:
        what = "make events" if r["format"] == "generate" else f"export {r['format']}"
        size = f", {r['bytes'] / 1e6:.0f} MB" if r["bytes"] else ""
        alone = ""
        if r["format"] != "generate" and r["cpu_s"] > making:
            alone = f", writer alone {round(r['events'] / (r['cpu_s'] - making))} per CPU second"
        out.append(f"{what:<15} {r['events']:>9} events in {r['seconds']:>6.1f} s = {r['events_per_s']:>7} events/s "
                   f"({r['events_per_cpu_s']} per CPU second{alone}), peak RSS {r['peak_rss_mb']} MB{size}")
    return out
