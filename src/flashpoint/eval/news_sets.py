"""Scorers for ordinary news (conflibert) and for the project's own probes.

* ``conflibert``: news sentences with one annotated event each. *Event found*
  is the share of all sentences with at least one event; *QuadClass right* is
  the share of the sentences with a QuadClass label (0–4, Phoenix's scheme)
  whose most confident event has that QuadClass.
* ``probes``: the project's own sentences (``../shared/probes``), one block per
  failure kind. A probe passes when every expected event is matched by an
  emitted one (source, code and target, see :func:`actor_matches` and
  :func:`code_matches`); a negative control (nothing expected) passes when
  the coder stays silent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..coding.backoff import QUAD_OF_ROOT
from ..types import Actor, Event
from .coded import Coded, SetResult, diff_row, rate, top_event

def quad_class(root: str | None) -> str | None:
    """The Phoenix QuadClass (``"0"``–``"4"``) of a CAMEO root, None for none."""
    return QUAD_OF_ROOT.get(root or "")


def score_conflibert(coded: Sequence[Coded]) -> SetResult:
    """Score news sentences: any event found, and the top event's QuadClass."""
    found = labelled = quad_right = 0
    per_class: dict[str, Counter[str]] = {}
    rows = []
    for c in coded:
        found += bool(c.events)
        gold = c.record.expected[0].code if c.record.expected else None
        top = top_event(c.events)
        predicted = quad_class(top.cameo_root) if top else None
        if gold is not None:
            labelled += 1
            quad_right += predicted == gold
            per_class.setdefault(gold, Counter())[predicted or "none"] += 1
        verdict = "right" if gold is not None and predicted == gold else \
            "missed" if not c.events else "found" if gold is None else "wrong"
        rows.append(diff_row("conflibert", c, verdict, gold_quad=gold, predicted_quad=predicted))
    figures = {
        "n": len(coded),
        "labelled": labelled,
        "headline": {"event_found": rate(found, len(coded)), "quad_right": rate(quad_right, labelled)},
        "quad_confusion": {g: dict(sorted(cnt.items())) for g, cnt in sorted(per_class.items())},
        "errors": sum(1 for c in coded if c.error),
    }
    return SetResult(figures, rows)


def code_matches(gold: str, code: str) -> bool:
    """A probe's code: full (``"042"``), a root (``"12"``) or a family (``"16x"``)."""
    if gold.endswith("x"):
        return code.startswith(gold[:-1])
    if len(gold) == 2:
        return code[:2] == gold
    return code == gold


def actor_matches(gold: str | None, actor: Actor | None) -> bool:
    """A probe's actor: ``None`` (no target), a country (``"KEN"``), a country with a
    sector (``"MLIREB"``) or an organisation (``"UN"``, ``"ECOWAS"``)."""
    if gold is None or actor is None:
        return gold is None and actor is None
    gold = gold.upper()
    names = {(actor.org or "").upper().replace("_", ""), (actor.code or "").upper()}
    if gold in names:
        return True
    if actor.country and gold[:3] == actor.country:
        return len(gold) == 3 or actor.sector == gold[3:6] or (actor.code or "").upper().startswith(gold)
    return False


def _event_matches(gold, event: Event) -> bool:
    return (code_matches(gold.code or "", event.cameo) and actor_matches(gold.source, event.source)
            and actor_matches(gold.target, event.target))


def score_probes(coded: Sequence[Coded]) -> SetResult:
    """Score the probes: passed share, and negative controls that stay silent."""
    passed = controls = silent = 0
    by_kind: dict[str, list[int]] = {}
    rows = []
    for c in coded:
        expected = c.record.expected
        if expected:
            ok = all(any(_event_matches(g, e) for e in c.events) for g in expected)
        else:
            controls += 1
            ok = not c.events
            silent += ok
        passed += ok
        kind = c.record.id.rstrip("0123456789") or "?"
        by_kind.setdefault(kind, [0, 0])
        by_kind[kind][0] += ok
        by_kind[kind][1] += 1
        rows.append(diff_row("probes", c, "passed" if ok else "missed" if not c.events else "wrong"))
    figures = {
        "n": len(coded),
        "negative_controls": controls,
        "headline": {"passed": rate(passed, len(coded)), "controls_silent": rate(silent, controls)},
        "by_kind": {k: {"passed": p, "n": n} for k, (p, n) in sorted(by_kind.items())},
        "errors": sum(1 for c in coded if c.error),
    }
    return SetResult(figures, rows)
