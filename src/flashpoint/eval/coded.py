"""What every scorer receives and returns: coded gold records and set results.

A scorer is a pure function of the coded records: it returns the figures
(plain JSON values) and one diff row per record for error analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..types import Actor, Event
from .gold import GoldRecord


@dataclass(frozen=True, slots=True)
class Coded:
    """One gold record with the events the coder emitted for it (or its error)."""

    record: GoldRecord
    events: tuple[Event, ...]
    error: str | None = None


@dataclass(frozen=True)
class SetResult:
    """A scorer's output: ``figures`` (JSON-ready) and per-record diff rows."""

    figures: dict[str, Any]
    rows: list[dict[str, Any]] = field(default_factory=list)


def actor_key(actor: Actor | None) -> str | None:
    """The dyad identity of an actor (organisation, else country, else name)."""
    return actor.key if actor is not None else None


def top_event(events: tuple[Event, ...] | list[Event]) -> Event | None:
    """The highest-confidence event; the earliest wins a tie (text order)."""
    best = None
    for e in events:
        if best is None or e.confidence > best.confidence:
            best = e
    return best


def event_row(event: Event) -> dict[str, Any]:
    """The fields of a predicted event a reader needs to judge it."""
    return {
        "code": event.cameo,
        "plover": event.plover.type if event.plover else None,
        "source": actor_key(event.source),
        "source_text": event.source.text if event.source else None,
        "target": actor_key(event.target),
        "target_text": event.target.text if event.target else None,
        "rule": event.rule,
        "trigger": event.evidence.trigger,
        "confidence": event.confidence,
        "modality": event.modality,
    }


def diff_row(set_name: str, coded: Coded, verdict: str, **extra: Any) -> dict[str, Any]:
    """One line of the ``--diff`` file: the record, gold, predictions and verdict."""
    rec = coded.record
    row: dict[str, Any] = {
        "set": set_name,
        "id": rec.id,
        "text": rec.text,
        "gold": [{"code": g.code, "source": g.source, "target": g.target} for g in rec.expected],
        "predicted": [event_row(e) for e in coded.events],
        "verdict": verdict,
    }
    if coded.error:
        row["error"] = coded.error
    row.update(extra)
    return row


def rate(num: int, den: int) -> float:
    """A share rounded to four places (0 when there is nothing to share)."""
    return round(num / den, 4) if den else 0.0
