"""Turning PETRARCH-coded dyads into Flashpoint :class:`~flashpoint.types.Event` records.

Codes are the dictionary's own: a CAMEO code gets its root, QuadClass,
Goldstein value and PLOVER type from the ontology; any other code (old
WEIS codes, a project's private codes) is passed through as written, with
the root taken from its first two characters, QuadClass from that root when
it is a CAMEO root (else 0) and Goldstein 0. Actor codes are the
dictionary's too (``ARNGOV``, ``---EDU``); ``country`` and ``sector`` are
their first and second three-letter parts when those are letters.
"""

from __future__ import annotations

import re
from datetime import date as Date

from ...types import Actor, Article, Event, Evidence
from .actors import Group
from .coder import PetrarchEvent

_LETTERS3 = re.compile(r"^[A-Z]{3}$")
MODALITY = "asserted"  # PETRARCH patterns carry negation and modality in their codes
CONFIDENCE_PATTERN, CONFIDENCE_VERB = 0.8, 0.6


def dictionary_actor(group: Group, code: str) -> Actor:
    country = code[:3] if _LETTERS3.match(code[:3]) else None
    sector = code[3:6] if _LETTERS3.match(code[3:6]) else None
    return Actor(text=group.text, name=group.text, country=country, org=None, sector=sector, code=code)


def code_facts(code: str, ontology) -> tuple[str, int, float, object]:
    """(root, quad_class, goldstein, plover) for a dictionary code."""
    entry = ontology.get(code)
    if entry is not None:
        return entry.root, entry.quad_class, entry.goldstein, ontology.plover(code)
    from ..ontology import _expected_quad

    root = code[:2]
    quad = _expected_quad(root) if root.isdigit() and 1 <= int(root) <= 20 else 0
    return root, quad, 0.0, None


def to_events(coded: list[PetrarchEvent], doc, offset: int, art: Article, published: Date | None, res) -> list[Event]:
    """Events for one parsed document (or chunk starting at ``offset``)."""
    from ...nlp.places import event_location
    from ..events import build_event

    out: list[Event] = []
    text = doc.text  # spaCy rebuilds Doc.text on every access: read it once
    sents = list(doc.sents)
    for pe in coded:
        src = dictionary_actor(pe.source, pe.source_code)
        tgt = dictionary_actor(pe.target, pe.target_code) if pe.target is not None else None
        sentence = text[pe.sent_start:pe.sent_end]
        evidence = Evidence(sentence=sentence, start=pe.sent_start + offset, end=pe.sent_end + offset, trigger=pe.trigger)
        tok = doc[pe.token_i]
        sent = next(s for s in sents if s.start <= tok.i < s.end)
        out.append(build_event(
            art, evidence, tok.idx + offset, pe.code, code_facts(pe.code, res.ontology), src, tgt,
            date=published.isoformat() if published else None, date_precision="day" if published else None,
            negated=False, modality=MODALITY, attribution=None, location=event_location(sent, tok, res.gazetteer),
            quantities=(), rule=pe.rule, confidence=CONFIDENCE_PATTERN if ":line " in pe.rule else CONFIDENCE_VERB,
            contexts=res.contexts.tag(sentence),
        ))
    return out
