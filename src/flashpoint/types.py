"""Frozen records passed between pipeline stages.

Every type here is built from plain values (str, int, float, bool, tuples)
so it pickles for worker processes, maps to store rows and serialises to
JSON through :func:`to_dict`. No spaCy object ever appears in these types.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

MODALITIES = ("asserted", "reported", "future", "hypothetical", "historical")
DATE_PRECISIONS = ("day", "week", "month", "year")
LOCATION_PRECISIONS = ("city", "region", "country")


@dataclass(frozen=True, slots=True)
class Article:
    """One document to code: the unit that sources yield and the store keeps."""

    id: str
    text: str
    date: str | None = None  # publication date, ISO YYYY-MM-DD
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor mention.

    ``country`` is ISO 3166-1 alpha-3, ``org`` the short id of an
    international, non-governmental or non-state organisation, ``sector``
    a CAMEO-style role code (GOV, MIL, POL, JUD, LEG, OPP, CVL, REB, IGO,
    NGO, MED, BUS, REF, ELI, ...), ``code`` the CAMEO-style actor code that
    combines them (``BLRMIL``, ``IGOWSTNAT``).
    """

    text: str
    name: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    code: str | None = None

    @property
    def key(self) -> str:
        """The identity used for dyads: the organisation, else the country."""
        return self.org or self.country or self.name


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str  # city | region | country


@dataclass(frozen=True, slots=True)
class Quantity:
    value: int
    unit: str  # troops, dead, injured, arrested, displaced, migrants, ...
    # The text gave no exact figure: a vague magnitude ("dozens", "hundreds") or
    # an approximation ("about 300"); ``value`` is then the least reading of it.
    estimate: bool = False
    # "at_least" ("more than 40", "at least 29") or "at_most" ("up to 50"): ``value`` is that bound.
    bound: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    sentence: str
    start: int  # character offset of the sentence in the document text
    end: int
    trigger: str  # the words that carried the event


@dataclass(frozen=True, slots=True)
class Plover:
    type: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when and where, with evidence."""

    event_id: str
    doc_id: str
    date: str | None
    date_precision: str | None
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover: Plover | None
    negated: bool
    modality: str
    attribution: Actor | None
    location: Location | None
    quantities: tuple[Quantity, ...]
    evidence: Evidence
    rule: str
    confidence: float
    contexts: tuple[str, ...] = field(default=())
    # A bare public statement (CAMEO 01x) whose content carries no other event;
    # PETRARCH never codes these, so ``--no-statements`` leaves them out.
    statement: bool = False
    # What the confidence was made of (docs/EVENTS.md, "Confidence"): "prior=0.70",
    # "source=named", "target=context", "date=clause", "place=dateline", "reports=2", ...
    inputs: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @property
    def counted(self) -> bool:
        """Whether default outputs and counts include this event."""
        return not self.negated and self.modality != "hypothetical"


def to_dict(obj: Any) -> Any:
    """Convert a record (or a tuple of them) to plain JSON-ready values."""
    cls = type(obj)
    if cls in _PLAIN:
        return obj
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if not (dataclasses.is_dataclass(obj) and not isinstance(obj, type)):
            return [to_dict(x) for x in obj] if isinstance(obj, (list, tuple)) else obj
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(obj))
    return {name: to_dict(getattr(obj, name)) for name in names}


# The store turns every coded event into JSON (a backfill, some 10,000 per
# minute): field names kept per class and scalars returned at once make that
# a third of what asking dataclasses about every value cost.
_PLAIN = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def actor_from_dict(d: dict[str, Any] | None) -> Actor | None:
    return None if d is None else Actor(**d)


def event_from_dict(d: dict[str, Any]) -> Event:
    """Rebuild an :class:`Event` from :func:`to_dict` output (store, JSON)."""
    loc = d.get("location")
    plover = d.get("plover")
    return Event(
        event_id=d["event_id"],
        doc_id=d["doc_id"],
        date=d.get("date"),
        date_precision=d.get("date_precision"),
        source=actor_from_dict(d.get("source")),
        target=actor_from_dict(d.get("target")),
        cameo=d["cameo"],
        cameo_root=d["cameo_root"],
        quad_class=int(d["quad_class"]),
        goldstein=float(d["goldstein"]),
        plover=Plover(**plover) if plover else None,
        negated=bool(d["negated"]),
        modality=d["modality"],
        attribution=actor_from_dict(d.get("attribution")),
        location=Location(**loc) if loc else None,
        quantities=tuple(Quantity(**q) for q in d.get("quantities") or ()),
        evidence=Evidence(**d["evidence"]),
        rule=d["rule"],
        confidence=float(d["confidence"]),
        contexts=tuple(d.get("contexts") or ()),
        statement=bool(d.get("statement", False)),
        inputs=tuple(d.get("inputs") or ()),
    )


def event_id(doc_id: str, evidence: Evidence, trigger_start: int, code: str, source: Actor, target: Actor | None) -> str:
    """The id of a coded event: a content hash of the document, the sentence and
    trigger offsets, the code and both actors (docs/EVENTS.md), whichever coder made it."""
    return content_id(doc_id, evidence.start, trigger_start, code, source.code, source.text,
                      target.code if target else None, target.text if target else None)


def content_id(*parts: Any, length: int = 16) -> str:
    """A stable content hash of JSON-serialisable parts (same input, same id)."""
    return hashlib.sha256(_json_blob(parts).encode("utf-8")).hexdigest()[:length]


def _json_blob(parts: tuple) -> str:
    """``json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))``; parts
    that are only strings, ints and None (an event's id: every event asks) written directly,
    with the encoder's own string escaping, the same text."""
    out = []
    for p in parts:
        kind = type(p)
        if kind is str:
            out.append(_encode_string(p))
        elif kind is int:
            out.append(int.__repr__(p))
        elif p is None:
            out.append("null")
        else:
            return json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "[" + ",".join(out) + "]"


_encode_string = json.encoder.encode_basestring  # json.dumps' escaping with ensure_ascii=False
