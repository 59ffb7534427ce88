"""The GDELT 2.0 event table (61 tab-separated columns, no header) and its side file.

Actor codes use CAMEO's spelling (police ``COP``); ``KnownGroupCode`` is the
CAMEO three-letter group code (``NAT`` for NATO, read off ``IGOWSTNAT``);
geo fields use FIPS country codes and GeoNames feature ids. A row claims
geo type 4 (world city) or 5 (ADM1) only with coordinates; an unplaced
name keeps its ``FullName`` with type 0.

What GDELT has no column for (modality, negation, confidence, attribution,
precisions, quantities, the statement flag) goes to a side file keyed by ``GlobalEventID``:
:data:`SIDE_COLUMNS`, with a header row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import IO, Any

from . import codes, geonames
from .report import SAFE_SCHEMES, ExportReport, safe_url
from .table import first_url

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
SIDE_COLUMNS = ("GlobalEventID", "FlashpointID", "Modality", "Negated", "Confidence", "AttributionCode",
                "DatePrecision", "GeoPrecision", "Dead", "Injured", "Arrested", "Troops", "Rule", "Trigger",
                "Statement")
_EMPTY: dict[str, Any] = {}
_BLANK_ACTOR = [""] * 10
_BLANK_GEO = ["0", "", "", "", "", "", "", ""]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    # Tabs and newlines would break GDELT's one-row-per-line, tab-separated layout.
    text = str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return text


def global_id(merged_id: str | None) -> str:
    try:
        return str(int((merged_id or "")[:15], 16))  # 60 bits: fits GDELT's signed 64-bit id
    except ValueError:
        return ""


class _Memo(dict):
    """A bounded memo: actors, places and days repeat across events, and
    building their cells once is most of GDELT's speed. Cleared when full,
    so memory stays constant however many events stream through."""

    def __init__(self, build: Any, size: int = 50_000) -> None:
        super().__init__()
        self.build, self.size = build, size

    def __missing__(self, key: Any) -> Any:
        if len(self) >= self.size:
            self.clear()
        value = self[key] = self.build(key)
        return value


def _actor_cells(key: tuple[Any, ...]) -> list[str]:
    code, name, country, org, sector = key
    actor = {"code": code, "org": org}
    return [_cell(codes.cameo_actor_code(code)), _cell((name or "").upper()), _cell(country),
            _cell(codes.known_group(actor)), "", "", "", _cell(codes.cameo_sector(sector)), "", ""]


def _geo_cells(key: tuple[Any, ...]) -> list[str]:
    name, country, lat, lon, precision = key
    placed = lat is not None and lon is not None
    geo_type = _GEO_TYPE.get(precision or "", 0) if placed or precision == "country" else 0
    facts = geonames.facts({"country": country, "lat": lat, "lon": lon, "precision": precision})
    return [str(geo_type), _cell(name), _cell(facts.fips), _cell(facts.adm1 if geo_type else None), "",
            _cell(lat if placed else None), _cell(lon if placed else None),
            _cell(facts.geonameid if geo_type in (4, 5) else facts.fips if geo_type == 1 else None)]


def _day_cells(date: Any) -> list[str]:
    try:
        day = dt.date.fromisoformat(date or "")
    except (TypeError, ValueError):
        return ["", "", "", ""]
    stamp = day.strftime("%Y%m%d")
    return [stamp, stamp[:6], stamp[:4], f"{day.year + day.timetuple().tm_yday / 365:.4f}"]


def _added(seen: str) -> str:
    return "".join(ch for ch in seen[:19] if ch.isdigit())


# Memos hold pre-joined tab-separated segments: a row is then ~15 joins, not 61 cells.
_ACTORS = _Memo(lambda key: "\t".join(_actor_cells(key)))
_PLACES = _Memo(lambda key: "\t".join(_geo_cells(key)))
_DAYS = _Memo(lambda date: "\t".join(_day_cells(date)))
_ADDED = _Memo(_added)
_NO_ACTOR = "\t".join(_BLANK_ACTOR)
_NO_GEO = "\t".join(_BLANK_GEO)
_NO_DAY = "\t".join(_day_cells(None))


def _actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return _NO_ACTOR
    return _ACTORS[(actor.get("code"), actor.get("name"), actor.get("country"), actor.get("org"), actor.get("sector"))]


def _action_geo(loc: dict[str, Any] | None) -> str:
    if not loc:
        return _NO_GEO
    return _PLACES[(loc.get("name"), loc.get("country"), loc.get("lat"), loc.get("lon"), loc.get("precision"))]


def _line(event: dict[str, Any], report: ExportReport | None) -> str:
    cameo = event.get("cameo") or ""
    url = first_url(event)
    if url is not None and not url.startswith(SAFE_SCHEMES):
        url = safe_url(url, report)
    goldstein, quad, date = event.get("goldstein"), event.get("quad_class"), event.get("date")
    return "\t".join((
        global_id(event.get("id")), _DAYS[date] if isinstance(date, str) else _NO_DAY,
        _actor(event.get("source")), _actor(event.get("target")),
        "1", _cell(cameo), _cell(cameo[:3]), _cell(event.get("cameo_root")), "" if quad is None else str(quad),
        "" if goldstein is None else str(goldstein), str(event.get("num_mentions", 1)),
        str(event.get("num_sources", 1)), str(event.get("num_articles", 1)), "0",
        _NO_GEO, _NO_GEO,  # Flashpoint places events, not actors
        _action_geo(event.get("location")),
        _ADDED[event.get("first_seen") or ""],
        "" if url is None else _cell(url),
    ))


def gdelt_row(event: dict[str, Any], report: ExportReport | None = None) -> list[str]:
    """A GDELT 2.0 event-table row (61 strings) for one merged event."""
    return _line(event, report).split("\t")


def side_row(event: dict[str, Any]) -> list[str]:
    """The side-file row: what GDELT's 61 columns cannot say about the event."""
    amounts = {q.get("unit"): q.get("value") for q in event.get("quantities") or ()}
    negated, statement = event.get("negated"), event.get("statement")
    return [
        global_id(event.get("id")), _cell(event.get("id")), _cell(event.get("modality")),
        "" if negated is None else ("1" if negated else "0"), _cell(event.get("confidence")),
        _cell(codes.cameo_actor_code((event.get("attribution") or _EMPTY).get("code"))),
        _cell(event.get("date_precision")), _cell((event.get("location") or _EMPTY).get("precision")),
        *(_cell(amounts.get(unit)) for unit in ("dead", "injured", "arrested", "troops")),
        _cell(event.get("rule")), _cell((event.get("evidence") or _EMPTY).get("trigger")),
        "" if statement is None else ("1" if statement else "0"),
    ]


def side_header(side: IO[str]) -> None:
    """The side file's header row."""
    side.write("\t".join(SIDE_COLUMNS) + "\n")


def write_rows(events: Iterable[dict[str, Any]], fh: IO[str], report: ExportReport, side: IO[str] | None) -> None:
    """Rows of ``events`` to ``fh`` and, with ``side``, their side-file rows."""
    for event in events:
        fh.write(_line(event, report) + "\n")
        if side is not None:
            side.write("\t".join(side_row(event)) + "\n")
        report.written += 1


def write_gdelt(events: Iterable[dict[str, Any]], fh: IO[str], report: ExportReport, side: IO[str] | None = None) -> None:
    """Rows to ``fh``; with ``side``, the side file (header first) in the same pass."""
    if side is not None:
        side_header(side)
    write_rows(events, fh, report, side)
