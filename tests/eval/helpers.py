"""Hand-built events and coded records for scorer tests (no model)."""

from __future__ import annotations

from flashpoint.eval.coded import Coded
from flashpoint.eval.gold import GoldEvent, GoldRecord
from flashpoint.types import Actor, Event, Evidence, Plover, Quantity


def actor(country: str | None = None, org: str | None = None, sector: str | None = None, text: str = "x") -> Actor:
    return Actor(text=text, name=text, country=country, org=org, sector=sector)


def event(code: str, source: Actor | None = None, target: Actor | None = None, confidence: float = 0.8,
          plover: str | None = None, trigger: str = "did", sentence: str = "Someone did something.",
          units: tuple[str, ...] = ()) -> Event:
    return Event(
        event_id=code + trigger, doc_id="d", date=None, date_precision=None, source=source, target=target,
        cameo=code, cameo_root=code[:2], quad_class=1, goldstein=0.0,
        plover=Plover(plover) if plover else None, negated=False, modality="asserted", attribution=None,
        location=None, quantities=tuple(Quantity(3, u) for u in units),
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger=trigger),
        rule="verb:test", confidence=confidence,
    )


def record(rid: str, codes: list[str | None] | None = None, meta: dict | None = None,
           sources: list[str | None] | None = None, targets: list[str | None] | None = None,
           text: str = "A sentence we wrote.") -> GoldRecord:
    codes = codes or []
    sources = sources or [None] * len(codes)
    targets = targets or [None] * len(codes)
    return GoldRecord(
        id=rid, text=text, date=None,
        expected=tuple(GoldEvent(c, s, t) for c, s, t in zip(codes, sources, targets)),
        meta=tuple((meta or {}).items()),
    )


def coded(rec: GoldRecord, *events: Event, error: str | None = None) -> Coded:
    return Coded(rec, tuple(events), error)
