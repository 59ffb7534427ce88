"""Mapping records to store rows and back, shared by every back end.

A merged event is one row of flat, indexed columns (what queries filter and
group on) plus ``record``: the JSON of the first report's full
:class:`~flashpoint.types.Event`, so nothing the coder produced is lost.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any

from ..types import Actor, Article, Event, to_dict
from .base import EventFilter
from .merge import Report, actor_key

EVENT_COLUMNS = (
    "id", "date", "source_key", "source_name", "source_country", "source_org", "source_code",
    "source_sector", "target_key", "target_name", "target_country", "target_org",
    "target_code", "target_sector", "cameo", "cameo_root", "quad_class", "goldstein",
    "plover_type", "plover_mode", "negated", "modality", "counted", "location_name",
    "location_country", "lat", "lon", "evidence", "num_mentions", "num_sources",
    "num_articles", "first_seen", "record", "first_url", "outlets", "location_precision",
)

# What a merged event takes from its events row rather than from ``record``
# (the first report's event): the merge may change the row later (a
# location found by a later report), and the row is the event as it stands.
# Record field -> row columns; an actor or place is absent when all its
# columns are NULL. Exports read these columns directly.
ROW_ACTOR = ("name", "country", "org", "code", "sector")
ROW_PLACE = (("name", "location_name"), ("country", "location_country"), ("lat", "lat"), ("lon", "lon"),
             ("precision", "location_precision"))
ROW_SCALARS = ("cameo", "cameo_root", "quad_class", "goldstein")


def now() -> str:
    """UTC timestamp in ISO format, to the second."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def dumps(obj: Any) -> str:
    """Compact JSON that keeps non-ASCII text readable in the database."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _side(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_key": actor_key(actor),
        f"{prefix}_name": actor.name if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_org": actor.org if actor else None,
        f"{prefix}_code": actor.code if actor else None,
        f"{prefix}_sector": actor.sector if actor else None,
    }


def target_columns(event: Event) -> dict[str, Any]:
    """The events-table columns of ``event``'s target: what a merged event that
    had none takes from the report that completes it (merge rule 1)."""
    return _side("target", event.target)


def event_row(merged_id: str, event: Event, report: Report, record: str | None = None,
              at: str | None = None) -> dict[str, Any]:
    """The events-table row a report starts (counts are filled in later), first seen ``at`` (now when None).

    ``record`` is :func:`event_record` of ``event`` when the caller has it already.
    """
    loc = event.location
    row: dict[str, Any] = {"id": merged_id, "date": report.date}
    row.update(_side("source", event.source))
    row.update(_side("target", event.target))
    row.update(
        cameo=event.cameo,
        cameo_root=event.cameo_root,
        quad_class=int(event.quad_class),
        goldstein=float(event.goldstein),
        plover_type=event.plover.type if event.plover else None,
        plover_mode=event.plover.mode if event.plover else None,
        negated=bool(event.negated),
        modality=event.modality,
        counted=event.counted,
        location_name=loc.name if loc else None,
        location_country=loc.country if loc else None,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        location_precision=loc.precision if loc else None,
        evidence=event.evidence.sentence,
        num_mentions=0,
        num_sources=0,
        num_articles=0,
        first_seen=at or now(),
        record=record if record is not None else event_record(event),
        first_url=None,  # mention facts: set by the recount once the report is stored
        outlets="[]",
    )
    return row


def event_record(event: Event) -> str:
    """The JSON of a full coded event, as kept in ``record`` columns."""
    return dumps(to_dict(event))


def report_row(event: Event, report: Report, merged_id: str, record: str | None = None) -> dict[str, Any]:
    """The event_reports row: one coded event from one article."""
    return {
        "id": event.event_id,
        "article_id": report.article_id,
        "merged_id": merged_id,
        "date": report.date,
        "trigger": report.trigger,
        "sentence": event.evidence.sentence,
        "record": record if record is not None else event_record(event),
    }


def article_row(article: Article, canonical: str | None, chash: str, signature: str,
                at: str | None = None) -> dict[str, Any]:
    """The articles row, coded ``at`` (now when None)."""
    return {
        "id": article.id,
        "url": article.url,
        "canonical_url": canonical,
        "title": article.title,
        "outlet": article.outlet,
        "date": article.date,
        "language": article.language,
        "content_hash": chash,
        "minhash": signature,
        "text": article.text,
        "coded_at": at or now(),
    }


def actor_rows(event: Event, at: str | None = None) -> list[dict[str, Any]]:
    """Distinct actors an event names (source, target, attribution), first
    seen ``at`` (now when None)."""
    out = []
    for actor in (event.source, event.target, event.attribution):
        if actor is None:
            continue
        out.append({
            "id": actor_id(actor.name, actor.country, actor.org, actor.sector, actor.code),
            "key": actor.key,
            "name": actor.name,
            "country": actor.country,
            "org": actor.org,
            "sector": actor.sector,
            "code": actor.code,
            "first_seen": at or now(),
        })
    return out


@functools.lru_cache(maxsize=8192)  # the same few thousand actors recur in every batch
def actor_id(name: str, country: str | None, org: str | None, sector: str | None, code: str | None) -> str:
    """The actors row's id: a content hash of what names the actor."""
    from ..types import content_id

    return content_id(name, country, org, sector, code)


def merged_dict(row: dict[str, Any], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """What :meth:`Store.events` yields for one merged event row."""
    out = json.loads(row["record"])
    out["id"] = row["id"]
    out["date"] = row["date"] if row["date"] is not None else out.get("date")
    if "location_precision" in row:  # a full events row (or a page's): it overrides the record
        _overlay(out, row)
    for name in ("num_mentions", "num_sources", "num_articles"):
        out[name] = int(row[name])
    out["first_seen"] = row["first_seen"]
    out["mentions"] = mentions
    return out


def _overlay(out: dict[str, Any], row: dict[str, Any]) -> None:
    """Put the row's actors, action and place (:data:`ROW_SCALARS` and the
    rest) over the record's, in place."""
    for side in ("source", "target"):
        values = {k: row[f"{side}_{k}"] for k in ROW_ACTOR}
        if any(v is not None for v in values.values()):
            out[side] = {**(out.get(side) or {}), **values}
        else:
            out[side] = None
    for name in ROW_SCALARS:
        out[name] = row[name]
    place = {k: row[c] for k, c in ROW_PLACE}
    out["location"] = place if any(v is not None for v in place.values()) else None


def escape_like(text: str) -> str:
    """Escape LIKE wildcards so user text matches literally (ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filter_clauses(flt: EventFilter) -> tuple[list[str], list[Any]]:
    """SQL WHERE conditions (``?`` placeholders) and parameters for a filter.

    The in-memory store evaluates the same conditions with :func:`row_matches`;
    the shared test suite keeps the two in step.
    """
    where: list[str] = []
    params: list[Any] = []
    if not flt.include_uncounted:
        where.append("counted")
    if flt.since:
        where.append("date >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("date <= ?")
        params.append(flt.until)
    if flt.source:
        where.append("source_key = ?")  # key only: an OR here would defeat the dyad index
        params.append(flt.source)
    if flt.target:
        where.append("target_key = ?")
        params.append(flt.target)
    if flt.country:
        where.append("(source_country = ? OR target_country = ?)")
        params += [flt.country, flt.country]
    if flt.actor:
        sides = []
        for side in ("source", "target"):
            for col in ("name", "code", "country", "org"):
                sides.append(f"{side}_{col} = ?")
                params.append(flt.actor)
        where.append("(" + " OR ".join(sides) + ")")
    if flt.cameo:
        where.append("cameo LIKE ? ESCAPE '\\'")
        params.append(escape_like(flt.cameo) + "%")
    if flt.quad_class is not None:
        where.append("quad_class = ?")
        params.append(flt.quad_class)
    if flt.plover:
        where.append("plover_type = ?")
        params.append(flt.plover)
    if flt.text:
        where.append("lower(evidence) LIKE ? ESCAPE '\\'")
        params.append("%" + escape_like(flt.text.lower()) + "%")
    return where, params


def row_matches(row: dict[str, Any], flt: EventFilter) -> bool:
    """Python twin of :func:`filter_clauses` for the in-memory store."""
    if not flt.include_uncounted and not row["counted"]:
        return False
    date = row["date"]
    if flt.since and (date is None or date < flt.since):
        return False
    if flt.until and (date is None or date > flt.until):
        return False
    if flt.source and flt.source != row["source_key"]:
        return False
    if flt.target and flt.target != row["target_key"]:
        return False
    if flt.country and flt.country not in (row["source_country"], row["target_country"]):
        return False
    if flt.actor and flt.actor not in {
        row[f"{s}_{c}"] for s in ("source", "target") for c in ("name", "code", "country", "org")
    }:
        return False
    if flt.cameo and not row["cameo"].startswith(flt.cameo):
        return False
    if flt.quad_class is not None and row["quad_class"] != flt.quad_class:
        return False
    if flt.plover and row["plover_type"] != flt.plover:
        return False
    if flt.text and flt.text.lower() not in _ascii_lower(row["evidence"] or ""):
        return False
    return True


def _ascii_lower(text: str) -> str:
    # SQLite's lower() folds ASCII only; matching that keeps back ends in step.
    return "".join(c.lower() if c.isascii() else c for c in text)
