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
* ``raters``: news sentences with the set of CAMEO roots careful human
  raters assign (``tests/data/own_raters.jsonl``); no actors. Scored by
  *sentence root F1* (:func:`~flashpoint.eval.metrics.sentence_set_f1`).

Every scorer here that has CAMEO codes also reports ``sentence_root_f1``: each
sentence's set of emitted roots against its gold roots, F1 averaged over
sentences, where a sentence with no gold event and no emitted event scores 1.0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..coding.backoff import QUAD_OF_ROOT
from ..types import Actor, Event
from .coded import Coded, SetResult, diff_row, rate, top_event
from .metrics import match_all, sentence_set_f1


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
    rows, root_pairs = [], []
    for c in coded:
        expected = c.record.expected
        root_pairs.append((gold_roots(c), {e.cameo_root for e in c.events}))
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
        "headline": {"passed": rate(passed, len(coded)), "controls_silent": rate(silent, controls),
                     "sentence_root_f1": round(sentence_set_f1(root_pairs), 4)},
        "by_kind": {k: {"passed": p, "n": n} for k, (p, n) in sorted(by_kind.items())},
        "errors": sum(1 for c in coded if c.error),
    }
    return SetResult(figures, rows)


def gold_roots(coded: Coded) -> set[str]:
    """The CAMEO roots of a record's expected events (a family ``"16x"`` is root ``"16"``)."""
    return {g.code[:2] for g in coded.record.expected if g.code}


def _size(n: int) -> str:
    return str(n) if n < 2 else "2+"


def score_raters(coded: Sequence[Coded]) -> SetResult:
    """Score sentences against the set of CAMEO roots raters assign them.

    Headline: ``sentence_root_f1`` (per sentence, averaged), the micro
    ``root_set_f1`` with its precision and recall, and ``quiet_silent``: the
    share of sentences with no gold event that get none. ``by_gold_size``
    splits the sentence F1 by how many roots the raters gave (0, 1, 2+).
    """
    pairs, rows = [], []
    quiet = silent = 0
    sizes: dict[str, list[tuple[set[str], set[str]]]] = {}
    for c in coded:
        gold, predicted = gold_roots(c), {e.cameo_root for e in c.events}
        pairs.append((gold, predicted))
        sizes.setdefault(_size(len(gold)), []).append((gold, predicted))
        if not gold:
            quiet += 1
            silent += not predicted
        verdict = ("right" if gold == predicted else "extra" if predicted > gold
                   else "short" if predicted < gold else "wrong")
        rows.append(diff_row("raters", c, verdict, gold_roots=sorted(gold), predicted_roots=sorted(predicted)))
    micro = match_all(pairs)
    figures = {
        "n": len(coded),
        "quiet": quiet,
        "headline": {"sentence_root_f1": round(sentence_set_f1(pairs), 4), "root_set_f1": round(micro.f1, 4),
                     "root_precision": round(micro.precision, 4), "root_recall": round(micro.recall, 4),
                     "quiet_silent": rate(silent, quiet)},
        "by_gold_size": {k: {"n": len(v), "sentence_root_f1": round(sentence_set_f1(v), 4)}
                         for k, v in sorted(sizes.items())},
        "errors": sum(1 for c in coded if c.error),
    }
    return SetResult(figures, rows)
