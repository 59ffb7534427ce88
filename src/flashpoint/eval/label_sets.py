"""Scorers for gold sets with their own labels, through the label maps.

* ``india_police``: sentence-level KILL, ARREST and FORCE, each scored with
  precision, recall and F1 over every sentence (most have no event, so
  every false alarm counts). Headline: only events whose source is the
  police (the gold labels police actions); the any-source variant is
  reported beside it.
* ``case2021``: one label per snippet, the first mapped event in order of
  confidence, else ``NONE``; support-weighted F1 over the 25 seen types.
  Headline: records whose gold is a seen type (as CASE 2021 subtask 1);
  the figure over all records (unseen types too) is reported beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .coded import Coded, SetResult, diff_row
from .labelmap import LabelMap
from .metrics import label_prf, weighted_f1

INDIA_LABELS = ("KILL", "ARREST", "FORCE")
NO_LABEL = "NONE"


def india_labels(coded: Coded, labelmap: LabelMap, police_only: bool) -> frozenset[str]:
    """The labels a record's events give it (optionally police-sourced events only)."""
    out: set[str] = set()
    for e in coded.events:
        if police_only and not labelmap.is_police(e.source):
            continue
        out.update(labelmap.labels_of(e))
    return frozenset(out)


def score_india_police(coded: Sequence[Coded], labelmap: LabelMap) -> SetResult:
    """Score sentence labels KILL / ARREST / FORCE against IndiaPoliceEvents."""
    gold = [frozenset(g.code for g in c.record.expected if g.code in INDIA_LABELS) for c in coded]
    police = [india_labels(c, labelmap, True) for c in coded]
    anysrc = [india_labels(c, labelmap, False) for c in coded]
    headline: dict[str, float] = {}
    detail: dict[str, dict[str, object]] = {}
    for variant, predicted in (("police", police), ("any_source", anysrc)):
        for label in INDIA_LABELS:
            prf = label_prf(gold, predicted, label)
            key = f"{label.lower()}_f1" + ("" if variant == "police" else "_any_source")
            headline[key] = round(prf.f1, 4)
            detail.setdefault(variant, {})[label] = {"support": prf.tp + prf.fn, **prf.as_dict()}
    rows = []
    for c, g, p, a in zip(coded, gold, police, anysrc):
        if not g and not a:
            continue  # a quiet sentence rightly quiet: keep the diff file readable
        verdict = "right" if g == p else "missed" if g and not p else "spurious" if p and not g else "mixed"
        rows.append(diff_row("india_police", c, verdict, gold_labels=sorted(g), labels_police=sorted(p),
                             labels_any_source=sorted(a)))
    figures = {
        "n": len(coded),
        "sentences_with_gold_label": sum(1 for g in gold if g),
        "headline": headline,
        "detail": detail,
        "errors": sum(1 for c in coded if c.error),
    }
    return SetResult(figures, rows)


def case_label(coded: Coded, labelmap: LabelMap) -> str:
    """A snippet's label: the first mapped event by descending confidence, else NONE."""
    for e in sorted(coded.events, key=lambda e: -e.confidence):
        label = labelmap.first_label(e)
        if label:
            return label
    return NO_LABEL


def score_case2021(coded: Sequence[Coded], labelmap: LabelMap) -> SetResult:
    """Score CASE 2021 task 2 snippets with support-weighted F1 over the seen types."""
    seen = set(labelmap.labels)
    gold = [c.record.expected[0].code if c.record.expected and c.record.expected[0].code else NO_LABEL for c in coded]
    predicted = [case_label(c, labelmap) for c in coded]
    in_seen = [k for k, g in enumerate(gold) if g in seen]
    seen_scores = weighted_f1([gold[k] for k in in_seen], [predicted[k] for k in in_seen], labelmap.labels)
    all_scores = weighted_f1(gold, predicted, labelmap.labels)
    rows = [
        diff_row("case2021", c, "right" if g == p else "wrong", gold_label=g, predicted_label=p)
        for c, g, p in zip(coded, gold, predicted)
    ]
    figures = {
        "n": len(coded),
        "n_seen": len(in_seen),
        "headline": {
            "weighted_f1_seen": seen_scores["weighted_f1"],
            "weighted_f1_all": all_scores["weighted_f1"],
            "accuracy_seen": seen_scores["accuracy"],
        },
        "macro_f1_seen": seen_scores["macro_f1"],
        "per_label_seen": seen_scores["per_label"],
        "predicted_none_seen": sum(1 for k in in_seen if predicted[k] == NO_LABEL),
        "errors": sum(1 for c in coded if c.error),
    }
    return SetResult(figures, rows)
