"""Counting right and wrong: precision, recall, F1 and a confusion matrix.

Matching is by multiset: a gold item is found when the record's predictions
hold an equal item not already used by another gold item, so two expected
``064`` events need two predicted ``064`` events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

NONE = "none"  # row/column of the confusion matrix for "no event"


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives and false negatives, with their rates."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int]:
        """Counts and rates (rates rounded to four places) for the figures file."""
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def match(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> PRF:
    """Score one record's predicted items against its gold items (multiset)."""
    g, p = Counter(gold), Counter(predicted)
    tp = sum((g & p).values())
    return PRF(tp, sum(p.values()) - tp, sum(g.values()) - tp)


def match_all(pairs: Iterable[tuple[Iterable[Hashable], Iterable[Hashable]]]) -> PRF:
    """Micro-averaged :func:`match` over ``(gold, predicted)`` pairs."""
    total = PRF()
    for gold, predicted in pairs:
        total = total + match(gold, predicted)
    return total


def set_f1(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> float:
    """F1 of one sentence's predicted set against its gold set.

    Two empty sets agree perfectly (1.0): a sentence with no event that the
    coder leaves silent is right. One empty set against a non-empty one is 0.0.
    """
    g, p = set(gold), set(predicted)
    if not g and not p:
        return 1.0
    tp = len(g & p)
    return 2 * tp / (len(g) + len(p))


def sentence_set_f1(pairs: Iterable[tuple[Iterable[Hashable], Iterable[Hashable]]]) -> float:
    """Macro-average of :func:`set_f1` over ``(gold, predicted)`` sentences.

    Unlike :func:`match_all` (micro, which lets a busy sentence outweigh a
    quiet one), every sentence counts once: an extra code on a one-event
    sentence costs as much as a missed one, and a quiet sentence that gets an
    event scores 0.0 (empty gold, empty prediction scores 1.0). No sentence: 0.0.
    """
    scores = [set_f1(g, p) for g, p in pairs]
    return sum(scores) / len(scores) if scores else 0.0


def label_prf(gold: Sequence[frozenset[str]], predicted: Sequence[frozenset[str]], label: str) -> PRF:
    """Sentence-level scores of one label over multi-label records."""
    tp = fp = fn = 0
    for g, p in zip(gold, predicted, strict=True):
        tp += label in g and label in p
        fp += label not in g and label in p
        fn += label in g and label not in p
    return PRF(tp, fp, fn)


def weighted_f1(gold: Sequence[str], predicted: Sequence[str], labels: Iterable[str]) -> dict[str, object]:
    """Single-label F1 per label and their support-weighted mean.

    Args:
        gold: one gold label per record.
        predicted: one predicted label per record (``"NONE"`` when none).
        labels: the labels averaged over; a prediction of another label
            only costs recall of the gold one.

    Returns:
        ``weighted_f1``, ``macro_f1``, ``accuracy`` and ``per_label``
        (each with support and :meth:`PRF.as_dict`).
    """
    labels = list(dict.fromkeys(labels))
    per: dict[str, dict[str, float | int]] = {}
    total_support = weighted = 0.0
    for label in labels:
        prf = label_prf([frozenset([g]) for g in gold], [frozenset([p]) for p in predicted], label)
        support = prf.tp + prf.fn
        per[label] = {"support": support, **prf.as_dict()}
        total_support += support
        weighted += support * prf.f1
    right = sum(g == p for g, p in zip(gold, predicted, strict=True))
    macro = [per[x]["f1"] for x in labels if per[x]["support"]]
    return {
        "n": len(gold),
        "weighted_f1": round(_ratio_f(weighted, total_support), 4),
        "macro_f1": round(sum(macro) / len(macro), 4) if macro else 0.0,
        "accuracy": round(_ratio(right, len(gold)), 4),
        "per_label": per,
    }


def _ratio_f(a: float, b: float) -> float:
    return a / b if b else 0.0


class Confusion:
    """Gold label x predicted label counts, with a ``none`` row and column."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()

    def add(self, gold: str | None, predicted: str | None) -> None:
        """Count one (gold, predicted) pair; None stands for no event."""
        self.counts[(gold or NONE, predicted or NONE)] += 1

    def labels(self) -> list[str]:
        """Every label seen on either side, sorted, ``none`` last."""
        seen = {g for g, _ in self.counts} | {p for _, p in self.counts}
        return sorted(seen - {NONE}) + ([NONE] if NONE in seen else [])

    def as_dict(self) -> dict[str, dict[str, int]]:
        """Nested ``{gold: {predicted: count}}``, zero cells left out."""
        out: dict[str, dict[str, int]] = {}
        for (g, p), c in sorted(self.counts.items()):
            out.setdefault(g, {})[p] = c
        return out

    @classmethod
    def from_dict(cls, data: dict[str, dict[str, int]]) -> "Confusion":
        """Rebuild from :meth:`as_dict` output."""
        conf = cls()
        for g, row in data.items():
            for p, c in row.items():
                conf.counts[(g, p)] += int(c)
        return conf

    def markdown(self) -> str:
        """A Markdown table: rows are gold labels, columns predictions."""
        labels = self.labels()
        lines = ["| gold \\ predicted | " + " | ".join(labels) + " |", "|---" * (len(labels) + 1) + "|"]
        for g in labels:
            cells = [str(self.counts.get((g, p), "")) or "·" for p in labels]
            cells = [f"**{c}**" if g == p and c != "·" else c for c, p in zip(cells, labels)]
            lines.append(f"| {g} | " + " | ".join(cells) + " |")
        return "\n".join(lines)
