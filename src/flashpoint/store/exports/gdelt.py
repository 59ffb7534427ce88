"""The GDELT 2.0 event table (61 tab-separated columns, no header) and its side file.

Actor codes use CAMEO's spelling (police ``COP``); ``KnownGroupCode`` is the
CAMEO three-letter group code (``NAT`` for NATO, read off ``IGOWSTNAT``);
geo fields use FIPS country codes and GeoNames feature ids. A row claims
geo type 4 (world city) or 5 (ADM1) only with coordinates; an unplaced
name keeps its ``FullName`` with type 0.

What GDELT has no column for (modality, negation, confidence, attribution,
precisions, quantities) goes to a side file keyed by ``GlobalEventID``:
:data:`SIDE_COLUMNS`, with a header row.
"""

from __future__ import annotations

import datetime as dt
from typing import IO, Any

from . import codes, geonames
from .report import ExportReport, safe_url
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
                "DatePrecision", "GeoPrecision", "Dead", "Injured", "Arrested", "Troops", "Rule", "Trigger")
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


def _actor(actor: dict[str, Any]) -> list[str]:
    if not actor:
        return _BLANK_ACTOR
    return [
        _cell(codes.cameo_actor_code(actor.get("code"))),
        _cell((actor.get("name") or "").upper()),
        _cell(actor.get("country")),
        _cell(codes.known_group(actor)),
        "", "", "",
        _cell(codes.cameo_sector(actor.get("sector"))),
        "", "",
    ]


def _action_geo(loc: dict[str, Any]) -> list[str]:
    if not loc:
        return _BLANK_GEO
    lat, lon = loc.get("lat"), loc.get("lon")
    placed = lat is not None and lon is not None
    geo_type = _GEO_TYPE.get(loc.get("precision") or "", 0) if placed or loc.get("precision") == "country" else 0
    facts = geonames.facts(loc)
    return [str(geo_type), _cell(loc.get("name")), _cell(facts.fips), _cell(facts.adm1 if geo_type else None), "",
            _cell(lat if placed else None), _cell(lon if placed else None),
            _cell(facts.geonameid if geo_type in (4, 5) else facts.fips if geo_type == 1 else None)]


def _day(date: Any) -> list[str]:
    try:
        day = dt.date.fromisoformat(date or "")
    except (TypeError, ValueError):
        return ["", "", "", ""]
    stamp = day.strftime("%Y%m%d")
    return [stamp, stamp[:6], stamp[:4], f"{day.year + day.timetuple().tm_yday / 365:.4f}"]


def gdelt_row(event: dict[str, Any], report: ExportReport | None = None) -> list[str]:
    """A GDELT 2.0 event-table row (61 strings) for one merged event."""
    cameo = event.get("cameo") or ""
    seen = event.get("first_seen") or ""
    return [
        global_id(event.get("id")), *_day(event.get("date")),
        *_actor(event.get("source") or _EMPTY), *_actor(event.get("target") or _EMPTY),
        "1", _cell(cameo), _cell(cameo[:3]), _cell(event.get("cameo_root")), _cell(event.get("quad_class")),
        _cell(event.get("goldstein")), str(event.get("num_mentions", 1)), str(event.get("num_sources", 1)),
        str(event.get("num_articles", 1)), "0",
        *_BLANK_GEO, *_BLANK_GEO,  # Flashpoint places events, not actors
        *_action_geo(event.get("location") or _EMPTY),
        "".join(ch for ch in seen[:19] if ch.isdigit()),
        _cell(safe_url(first_url(event), report)),
    ]


def side_row(event: dict[str, Any]) -> list[str]:
    """The side-file row: what GDELT's 61 columns cannot say about the event."""
    amounts = {q.get("unit"): q.get("value") for q in event.get("quantities") or ()}
    negated = event.get("negated")
    return [
        global_id(event.get("id")), _cell(event.get("id")), _cell(event.get("modality")),
        "" if negated is None else ("1" if negated else "0"), _cell(event.get("confidence")),
        _cell(codes.cameo_actor_code((event.get("attribution") or _EMPTY).get("code"))),
        _cell(event.get("date_precision")), _cell((event.get("location") or _EMPTY).get("precision")),
        *(_cell(amounts.get(unit)) for unit in ("dead", "injured", "arrested", "troops")),
        _cell(event.get("rule")), _cell((event.get("evidence") or _EMPTY).get("trigger")),
    ]


def write_gdelt(events: Any, fh: IO[str], report: ExportReport, side: IO[str] | None = None) -> None:
    """Rows to ``fh``; with ``side``, the side file (header first) in the same pass."""
    if side is not None:
        side.write("\t".join(SIDE_COLUMNS) + "\n")
    for event in events:
        fh.write("\t".join(gdelt_row(event, report)) + "\n")
        if side is not None:
            side.write("\t".join(side_row(event)) + "\n")
        report.written += 1
