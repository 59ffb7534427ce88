"""An independent checker of PLOVER records, written from the PLOVER manual's
"JSON Data Fields" chapter (field names, required fields, the actor, citation
and GeoNames location objects, the sector and non-state code tables) and the
PLOVER codebook in ../shared/evaldata (event categories and their modes).

It shares no code with the exporter; a record it rejects is reported with
every problem found.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

CODEBOOK = Path(__file__).resolve().parents[3] / "shared" / "evaldata" / "plover_codebook.jsonl"

# Manual, table "Sector Primary Codes" (frequent and less frequent codes).
SECTORS = {"GOV", "JUD", "LEG", "MIL", "COP", "OPP", "PTY", "REB", "PRM", "SPY", "UAF", "CVL", "ELI", "BUS",
           "EDU", "MED", "LAB", "AGR", "JRN", "REF", "REL", "SOC", "CRM"}
# Manual, table "Non-state actor codes".
NON_STATE = {"IGO", "NGO", "ISM", "IMG", "MNC"}
# Manual, "PLOVER quad categories": 1-4.
QUADS = {1, 2, 3, 4}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def codebook() -> dict[str, set[str]]:
    """PLOVER category -> its modes, read from the shared codebook."""
    out: dict[str, set[str]] = {}
    for line in CODEBOOK.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        out.setdefault(row["event"], set())
        if row.get("mode"):
            out[row["event"]].add(row["mode"])
    return out


def _actor(obj, where: str) -> list[str]:
    problems = []
    if not isinstance(obj, dict):
        return [f"{where}: an actor must be an object, not {type(obj).__name__}"]
    code = obj.get("code")
    if code is not None and not (isinstance(code, str) and (re.fullmatch(r"[A-Z]{3}", code))):
        problems.append(f"{where}.code: 3-character top-level code expected, got {code!r}")
    if code is None and obj.get("sector") is None:
        problems.append(f"{where}: neither a code nor a sector")
    sector = obj.get("sector")
    if sector is not None and sector not in SECTORS:
        problems.append(f"{where}.sector: {sector!r} is not a PLOVER sector code")
    if not isinstance(obj.get("actor_text"), str) or not obj["actor_text"]:
        problems.append(f"{where}.actor_text: the extracted text is missing")
    return problems


def _location(obj, where: str) -> list[str]:
    if not isinstance(obj, dict):
        return [f"{where}: a location object expected"]
    problems = []
    gid = obj.get("geonameid")
    if gid is not None and not isinstance(gid, int):
        problems.append(f"{where}.geonameid: integer expected")
    for key, lo, hi in (("latitude", -90, 90), ("longitude", -180, 180)):
        value = obj.get(key)
        if value is not None and not (isinstance(value, (int, float)) and lo <= value <= hi):
            problems.append(f"{where}.{key}: decimal degrees expected, got {value!r}")
    cc = obj.get("country_code")
    if cc is not None and not re.fullmatch(r"[A-Z]{2}", cc):
        problems.append(f"{where}.country_code: ISO-3166 2-letter code expected")
    cc3 = obj.get("cc3")
    if cc3 is not None and not re.fullmatch(r"[A-Z]{3}", cc3):
        problems.append(f"{where}.cc3: ISO-3166 3-letter code expected")
    return problems


def _cite(obj, where: str) -> list[str]:
    if not isinstance(obj, dict):
        return [f"{where}: a citation object expected"]
    problems = []
    lang = obj.get("language")
    if lang is not None and not re.fullmatch(r"[a-z]{2}", lang):
        problems.append(f"{where}.language: ISO 639-1 two-letter code expected, got {lang!r}")
    url = obj.get("url")
    if url is not None and not re.match(r"^https?://", url):
        problems.append(f"{where}.url: a URL expected, got {url!r}")
    return problems


def check(record: dict, categories: dict[str, set[str]]) -> list[str]:
    """Every way ``record`` departs from the manual's field list (empty when none)."""
    problems = []
    if not isinstance(record.get("id"), str) or not record["id"]:
        problems.append("id: required, a unique identifier")
    if not isinstance(record.get("date"), str) or not DATE.match(record["date"]):
        problems.append(f"date: required, YYYY-MM-DD, got {record.get('date')!r}")
    events = record.get("event")
    events = [events] if isinstance(events, str) else events
    if not events or not isinstance(events, list):
        problems.append("event: required, one or more PLOVER categories")
        events = []
    for name in events:
        if name not in categories:
            problems.append(f"event: {name!r} is not a PLOVER category")
    mode = record.get("mode")
    if mode is not None and not any(mode in categories.get(name, ()) for name in events):
        problems.append(f"mode: {mode!r} is not a mode of {events}")
    context = record.get("context")
    if context is not None and not (isinstance(context, list) and all(isinstance(c, str) for c in context)):
        problems.append("context: a list of categories expected")
    if "actor" not in record:
        problems.append("actor: required (the manual's source)")
    else:
        problems += _actor(record["actor"], "actor")
    if record.get("recipient") is not None:
        problems += _actor(record["recipient"], "recipient")
    if record.get("event_loc") is not None:
        problems += _location(record["event_loc"], "event_loc")
    if record.get("quad_code") is not None and record["quad_code"] not in QUADS:
        problems.append("quad_code: 1, 2, 3 or 4")
    if record.get("event_scale") is not None and not isinstance(record["event_scale"], (int, float)):
        problems.append("event_scale: a floating point value")
    text = record.get("event_text")
    if text is not None and not (isinstance(text, list) and all(isinstance(t, str) for t in text)):
        problems.append("event_text: a list of texts")
    for size in ("dead", "injured", "arrested"):
        if record.get(size) is not None and not isinstance(record[size], int):
            problems.append(f"{size}: a number")
    if record.get("cite_info") is not None:
        problems += _cite(record["cite_info"], "cite_info")
    return problems
