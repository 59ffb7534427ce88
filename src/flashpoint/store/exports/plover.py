"""PLOVER records: the PLOVER manual's JSON fields in POLECAT's layout.

One JSON object per line. ``actor`` and ``recipient`` are entity objects
(the manual's actor information object: ``code``, ``sector``,
``actor_text`` as written, ``identifier_id``/``identifier_text``), with
PLOVER's sector codes (media ``JRN``, police ``COP``, health ``MED``) and
its non-state codes (``IGO``, ``NGO``, ``IMG``). ``event_loc`` is a GeoNames
location object plus its ``resolution``; ``dead``, ``injured`` and
``arrested`` are the manual's size fields; ``cite_info`` is the citation
object of the first report (title, publication, date, language, coder,
codebook, version) and ``citations`` lists one per report. Events whose CAMEO code has no PLOVER category
(CAMEO 01 statements such as 016 "deny responsibility", dropped by PLOVER)
are left out and counted in the report.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import IO, Any

from ... import __version__
from . import codes, geonames
from .report import ExportReport, safe_url

CODEBOOK = "plover-flashpoint-1"
SIZE_FIELDS = ("dead", "injured", "arrested")


@lru_cache(maxsize=1)
def _plover_quads() -> dict[str, int]:
    from ...coding.ontology import Ontology

    return {t.name: t.quad_class for t in Ontology.load().plover_types}


def entity(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    """The PLOVER actor information object for one Flashpoint actor."""
    if not actor:
        return None
    return {
        "code": codes.plover_actor_code(actor),
        "sector": codes.plover_sector(actor.get("sector")),
        "actor_text": actor.get("text"),
        "identifier_id": actor.get("org"),
        "identifier_text": actor.get("name"),
        "country": actor.get("country"),
        "cameo_code": actor.get("code"),
    }


def event_loc(loc: dict[str, Any] | None) -> dict[str, Any] | None:
    """A GeoNames-style location object with Flashpoint's ``resolution``."""
    if not loc:
        return None
    facts = geonames.facts(loc)
    return {
        "geonameid": facts.geonameid,
        "name": loc.get("name"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "country_code": facts.iso2,
        "cc3": loc.get("country"),
        "resolution": loc.get("precision"),
    }


def _citation(mention: dict[str, Any], report: ExportReport | None) -> dict[str, Any]:
    return {
        "url": safe_url(mention.get("url"), report),
        "title": mention.get("title"),
        "publication": mention.get("outlet"),
        "publication_date": mention.get("date"),
        "language": mention.get("language"),
        "citation": mention.get("article_id"),
    }


def plover_record(event: dict[str, Any], report: ExportReport | None = None) -> dict[str, Any] | None:
    """The PLOVER record of one merged event, or None when PLOVER has no category for it."""
    plover = event.get("plover") or {}
    category = plover.get("type")
    if not category:
        return None
    amounts: dict[str, int] = {}
    for q in event.get("quantities") or ():
        if q.get("unit") in SIZE_FIELDS:
            amounts[q["unit"]] = max(amounts.get(q["unit"], 0), int(q.get("value") or 0))
    mentions = event.get("mentions") or []
    evidence = event.get("evidence") or {}
    sentences = list(dict.fromkeys([evidence.get("sentence"), *(m.get("sentence") for m in mentions)]))
    seen = event.get("first_seen") or ""
    citations = [_citation(m, report) for m in mentions]
    return {
        "id": event.get("id"),
        "date": event.get("date"),
        "date_resolution": event.get("date_precision"),
        "event": category,
        "mode": plover.get("mode"),
        "context": list(event.get("contexts") or []),
        "actor": entity(event.get("source")),
        "recipient": entity(event.get("target")),
        "event_loc": event_loc(event.get("location")),
        "event_text": [s for s in sentences if s],
        "quad_code": _plover_quads().get(category, event.get("quad_class")),
        "event_scale": event.get("goldstein"),
        "cameo": event.get("cameo"),
        **{name: amounts.get(name) for name in SIZE_FIELDS},
        "modality": event.get("modality"),
        "negated": event.get("negated"),
        "statement": event.get("statement"),
        "attribution": entity(event.get("attribution")),
        "confidence": event.get("confidence"),
        "text_info": {"start": evidence.get("start"), "end": evidence.get("end"), "trigger": evidence.get("trigger")},
        "cite_info": {**(citations[0] if citations else {}), "coder": f"flashpoint {__version__}",
                      "codebook": CODEBOOK, "version": __version__},
        "citations": citations,
        "num_mentions": event.get("num_mentions", 1),
        "num_sources": event.get("num_sources", 1),
        "coder": f"flashpoint {__version__}",
        "codebook": CODEBOOK,
        "coded_date": seen[:10] or None,
    }


def write_plover(events: Any, fh: IO[str], report: ExportReport) -> None:
    for event in events:
        record = plover_record(event, report)
        if record is None:
            report.notes["left out: CAMEO code with no PLOVER category"] += 1
            continue
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        report.written += 1
