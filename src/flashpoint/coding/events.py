"""One place that turns a coded act into an :class:`~flashpoint.types.Event`.

The rule coder, the statistical back-off and the PETRARCH-dictionary coder each
decide source, target, code, evidence and the rest; the id and the code's facts
(root, QuadClass, Goldstein score, PLOVER type) are filled in here the same way
for all three.
"""

from __future__ import annotations

from typing import Any

from ..types import Actor, Article, Event, Evidence, Plover, event_id

# (root, QuadClass, Goldstein, PLOVER) of a CAMEO code
CodeFacts = tuple[str, int, float, Plover | None]


def ontology_facts(ontology: Any, code: str) -> CodeFacts:
    """The facts of a code the packaged ontology knows."""
    entry = ontology[code]
    return entry.root, entry.quad_class, entry.goldstein, ontology.plover(code)


def build_event(art: Article, evidence: Evidence, trigger_start: int, code: str, facts: CodeFacts,
                source: Actor, target: Actor | None, **fields: Any) -> Event:
    """An event of ``art``, its id a content hash of document, sentence, trigger,
    code and actors; ``fields`` are the remaining Event fields (date, modality, ...)."""
    root, quad, goldstein, plover = facts
    return Event(
        event_id=event_id(art.id, evidence, trigger_start, code, source, target),
        doc_id=art.id, source=source, target=target, cameo=code, cameo_root=root, quad_class=quad,
        goldstein=goldstein, plover=plover, evidence=evidence, **fields,
    )


__all__ = ["CodeFacts", "build_event", "ontology_facts"]
