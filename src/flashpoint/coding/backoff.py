"""The statistical back-off: a sentence classifier for sentences the rules leave uncoded.

A TF-IDF (word 1-2 grams) + logistic-regression model, trained by
``scripts/train_backoff.py`` on the tuning parts of the visible gold sets and the
project's own examples, and shipped as package data (``data/backoff/model.npz``:
vocabulary, idf, coefficients). It is scored here with numpy alone, so the runtime
does not need scikit-learn.

Two linear models share the vocabulary: ``quad`` says ``none`` or a Phoenix
QuadClass (0 neutral, 1 verbal cooperation, 2 material cooperation, 3 verbal
conflict, 4 material conflict); ``root`` picks the CAMEO root among the roots of
that QuadClass. A sentence fires when its event probability (1 - P(none)) reaches
the threshold chosen at training time. The event it gives carries the root's
generic code (``190`` for root 19), the rule :data:`RULE` and a confidence: the
share of right QuadClasses at that class probability, calibrated at training time
(out of fold), times :data:`CONFIDENCE_SCALE`, so that a back-off event ranks below
nearly every rule event (99% of rule events have 0.2 or more).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import DataFileError

RULE = "backoff:tfidf-lr"
NONE = "none"
QUADS = ("0", "1", "2", "3", "4")
ROOTS = tuple(f"{r:02d}" for r in range(1, 21))
TOKEN_PATTERN = r"(?u)\b\w\w+\b"  # scikit-learn's default, so training and scoring tokenise alike
CONFIDENCE_SCALE = 0.25
# Phoenix QuadClass of a CAMEO root (the scheme of the conflibert labels; root 16 is verbal conflict).
QUAD_OF_ROOT = {
    **dict.fromkeys(("01", "02"), "0"),
    **dict.fromkeys(("03", "04", "05"), "1"),
    **dict.fromkeys(("06", "07", "08"), "2"),
    **dict.fromkeys(("09", "10", "11", "12", "13", "16"), "3"),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), "4"),
}
_TOKEN = re.compile(TOKEN_PATTERN)


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the back-off says of one sentence."""

    quad: str  # Phoenix QuadClass "0"-"4"
    root: str  # CAMEO root "01"-"20", among the roots of ``quad``
    probability: float  # P(an event of any class)
    confidence: float  # calibrated share right at this probability, times CONFIDENCE_SCALE

    @property
    def code(self) -> str:
        """The root's generic CAMEO code ("190" for root 19)."""
        return self.root + "0"


def _softmax(z):
    import numpy as np

    e = np.exp(z - z.max())
    return e / e.sum()


class Backoff:
    """The loaded model: :meth:`predict` classifies one sentence."""

    def __init__(self, arrays: dict[str, Any]) -> None:
        import numpy as np

        vocab = [str(t) for t in arrays["vocabulary"]]
        self.index = {term: k for k, term in enumerate(vocab)}
        # the two-word terms by their first word, then their second: a sentence's word pairs are
        # looked up without a string made for each (:meth:`features`)
        self._pairs: dict[str, dict[str, int]] = {}
        for term, k in self.index.items():
            first, space, second = term.partition(" ")
            if space:
                self._pairs.setdefault(first, {})[second] = k
        self.idf = arrays["idf"].astype(np.float32)
        self.quad_classes = [str(c) for c in arrays["quad_classes"]]
        self.quad_coef = arrays["quad_coef"].astype(np.float32)
        self.quad_intercept = arrays["quad_intercept"].astype(np.float32)
        self.root_classes = [str(c) for c in arrays["root_classes"]]
        self.root_coef = arrays["root_coef"].astype(np.float32)
        self.root_intercept = arrays["root_intercept"].astype(np.float32)
        self.threshold = float(arrays["threshold"])
        self.calibration = [(float(lo), float(hi), float(acc)) for lo, hi, acc in arrays["calibration"]]
        if NONE not in self.quad_classes or self.quad_coef.shape != (len(self.quad_classes), len(vocab)):
            raise DataFileError("the back-off model is inconsistent; rerun scripts/train_backoff.py")

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Backoff":
        """Load the model (the packaged one by default).

        Raises:
            DataFileError: the file is missing or not a back-off model.
        """
        import numpy as np

        try:
            if path is None:
                with resources.files("flashpoint.coding").joinpath("data/backoff/model.npz").open("rb") as fh:
                    with np.load(fh, allow_pickle=False) as data:
                        return cls({k: data[k] for k in data.files})
            with np.load(path, allow_pickle=False) as data:
                return cls({k: data[k] for k in data.files})
        except (OSError, KeyError, ValueError) as exc:
            raise DataFileError(f"cannot load the back-off model ({exc}); reinstall flashpoint or rerun "
                                "scripts/train_backoff.py, or switch it off with --no-backoff") from exc

    def features(self, text: str):
        """The TF-IDF vector of ``text`` as (indices, values), L2-normalised."""
        import numpy as np

        words = _TOKEN.findall(text.lower())
        counts: dict[int, int] = {}
        index, pairs = self.index, self._pairs
        for term in words:
            k = index.get(term)
            if k is not None:
                counts[k] = counts.get(k, 0) + 1
        for a, b in zip(words, words[1:]):  # then the pairs "a b", in the same order
            after = pairs.get(a)
            k = after.get(b) if after is not None else None
            if k is not None:
                counts[k] = counts.get(k, 0) + 1
        idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32, count=len(counts))
        vals = tf * self.idf[idx]
        norm = float(np.sqrt((vals * vals).sum()))
        return idx, (vals / norm if norm else vals)

    def probabilities(self, text: str) -> dict[str, float]:
        """P(none) and P(QuadClass) for one sentence."""
        idx, vals = self.features(text)
        p = _softmax(self.quad_coef[:, idx] @ vals + self.quad_intercept)
        return {c: float(x) for c, x in zip(self.quad_classes, p)}

    def predict(self, text: str, barred: frozenset[str] = frozenset()) -> Prediction | None:
        """The back-off's event for a sentence, or None when it says no event.

        ``barred``: roots not to choose (a gate's veto); the best other root of the
        predicted QuadClass stands instead, or no event when none is left.
        """
        import numpy as np

        idx, vals = self.features(text)
        if not len(idx):
            return None
        p = _softmax(self.quad_coef[:, idx] @ vals + self.quad_intercept)
        none = self.quad_classes.index(NONE)
        event_p = 1.0 - float(p[none])
        if event_p < self.threshold:
            return None
        p[none] = 0.0
        best = int(p.argmax())
        quad = self.quad_classes[best]
        share = float(p[best] / p.sum())
        r = _softmax(self.root_coef[:, idx] @ vals + self.root_intercept)
        allowed = np.array([QUAD_OF_ROOT.get(c) == quad and c not in barred for c in self.root_classes])
        root = self.root_classes[int(np.where(allowed, r, -1.0).argmax())] if allowed.any() else None
        if root is None:
            return None
        return Prediction(quad, root, round(event_p, 4), self.confidence_at(share))

    def confidence_at(self, share: float) -> float:
        """The calibrated share of right QuadClasses at this class probability, scaled down."""
        for lo, hi, acc in self.calibration:
            if lo <= share < hi and not math.isnan(acc):
                return round(CONFIDENCE_SCALE * acc, 3)
        return round(CONFIDENCE_SCALE * share, 3)


@functools.lru_cache(maxsize=2)
def load_backoff(path: str | None = None) -> Backoff:
    """The back-off model, loaded once per process."""
    return Backoff.load(path)
