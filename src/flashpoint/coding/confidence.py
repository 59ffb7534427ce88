"""Confidence that means something: the raw score mapped to how often it is right.

The coder's raw score multiplies the pattern's prior by factors for how each
actor was found (named, from context, implicit). That ranks events but is
not a probability. :func:`calibrate` maps it through a monotone curve fitted
on the tuning part of the gold sets (``eval/split.py``) by
``scripts/fit_confidence.py`` (``flashpoint calibration --fit``) and shipped
as ``data/calibration.json``; the held-aside part measures it
(docs/CALIBRATION.md). The curve is strictly increasing, so the order of
events (and every top-event figure) is unchanged.

What went into a score is kept in the event's ``inputs`` (docs/EVENTS.md):
``raw=`` the coder's score, ``prior=`` the pattern's, ``source=``/``target=``
how each actor was found, ``date=`` and ``place=`` where the date and place
came from, and ``reports=`` when a headline or restatement was folded in.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..types import Actor

_SLOPE = 0.01  # keeps the curve strictly increasing beyond its end points
DATA = "calibration.json"


@dataclass(frozen=True)
class Calibration:
    """Monotone curves by group of event: each is (raw score, probability right)
    points, raw ascending. Group ``all`` is used for a group with no curve of its own."""

    curves: tuple[tuple[str, tuple[tuple[float, float], ...]], ...] = ()
    fitted_on: str = ""

    def curve(self, group: str) -> tuple[tuple[float, float], ...]:
        table = dict(self.curves)
        return table.get(group) or table.get("all") or ()

    def to_json(self) -> dict:
        return {"fitted_on": self.fitted_on, "curves": {g: [list(p) for p in pts] for g, pts in self.curves}}


IDENTITY = Calibration(curves=(), fitted_on="identity")
GROUPS = ("known", "one-sided", "open")


def group_of(source: Actor | None, target: Actor | None) -> str:
    """``open`` when a side is a name the knowledge base does not know, ``one-sided``
    when there is no target, else ``known``: for the same raw score the three are
    right at very different rates (on the tuning part about 0.25, 0.5 and 0.8)."""
    if "open" in (actor_basis(source), actor_basis(target)):
        return "open"
    return "one-sided" if target is None else "known"


def calibrate(raw: float, cal: Calibration, group: str = "known") -> float:
    """The calibrated confidence of a raw score (the raw score when there is no curve)."""
    pts = cal.curve(group)
    if len(pts) < 2:
        return round(raw, 3)
    if raw <= pts[0][0]:
        value = pts[0][1] - _SLOPE * (pts[0][0] - raw)
    elif raw >= pts[-1][0]:
        value = pts[-1][1] + _SLOPE * (raw - pts[-1][0])
    else:
        value = pts[-1][1]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            if x0 <= raw <= x1:
                value = y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1
                break
    return round(min(max(value, 0.01), 0.99), 3)


def fit(pairs: Iterable[tuple[str, float, bool]], fitted_on: str = "", min_block: int = 60) -> Calibration:
    """Fit one curve per group (and one over all) from (group, raw, right) triples."""
    pairs = list(pairs)
    curves = [("all", fit_points([(r, ok) for _, r, ok in pairs], min_block))]
    for g in GROUPS:
        mine = [(r, ok) for grp, r, ok in pairs if grp == g]
        if len(mine) >= 2 * min_block:
            curves.append((g, fit_points(mine, min_block)))
    return Calibration(curves=tuple(curves), fitted_on=fitted_on)


def fit_points(pairs: Iterable[tuple[float, bool]], min_block: int = 60) -> tuple[tuple[float, float], ...]:
    """Isotonic regression (pool adjacent violators) on (raw, right) pairs.

    Blocks smaller than ``min_block`` are pooled with a neighbour, so a handful
    of events cannot pin a point. Successive block means are strictly
    increasing, so the curve through them is too.
    """
    data = sorted((float(r), 1.0 if ok else 0.0) for r, ok in pairs)
    blocks: list[list[float]] = []  # [sum raw, sum right, n]
    for raw, ok in data:
        blocks.append([raw, ok, 1])
        while len(blocks) > 1 and (blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]
                                   or blocks[-2][2] < min_block):
            _pool(blocks)
    while len(blocks) > 1 and blocks[-1][2] < min_block:
        _pool(blocks)
    return tuple((round(s / n, 4), round(k / n, 4)) for s, k, n in blocks)


def _pool(blocks: list[list[float]]) -> None:
    b = blocks.pop()
    blocks[-1] = [blocks[-1][0] + b[0], blocks[-1][1] + b[1], blocks[-1][2] + b[2]]


@functools.lru_cache(maxsize=1)
def shipped() -> Calibration:
    """The curve shipped with the package (identity when the data file is absent)."""
    path = resources.files("flashpoint.coding") / "data" / DATA
    try:
        return load(Path(str(path)))
    except FileNotFoundError:
        return IDENTITY


def load(path: Path) -> Calibration:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    curves = tuple((str(g), tuple((float(a), float(b)) for a, b in pts)) for g, pts in (data.get("curves") or {}).items())
    return Calibration(curves=curves, fitted_on=str(data.get("fitted_on", "")))


def save(cal: Calibration, path: Path | None = None) -> Path:
    path = path or Path(str(resources.files("flashpoint.coding") / "data" / DATA))
    path.write_text(json.dumps(cal.to_json(), indent=1) + "\n", encoding="utf-8")
    return path


def actor_basis(actor: Actor | None) -> str:
    """How an actor was found: named in the text, from context (a generic word),
    implicit (no words: the story's police or government), or none."""
    if actor is None:
        return "none"
    if (actor.country is None and actor.org is None) or actor.text == "(unknown)":
        # a name the knowledge base does not know (open-actor mode), or nobody named (an
        # unattributed bombing keeps this basis when it takes its place's country)
        return "open"
    if actor.text.startswith("("):
        return actor.text.strip("()").replace(" ", "-")
    words = [w for w in actor.text.split() if w[:1].isalpha()]
    if any(w[0].isupper() for w in words[1:]) or (words and words[0][0].isupper() and words[0].lower() not in _GENERIC_FIRST):
        return "named"
    return "context"


_GENERIC_FIRST = frozenset("the a an police protesters troops soldiers officers gunmen militants rebels army "
                           "demonstrators residents authorities officials forces".split())


def confidence_inputs(raw: float, prior: float, source: Actor | None, target: Actor | None,
                      date_basis: str, place_basis: str) -> tuple[str, ...]:
    """The documented ``inputs`` of an event's confidence."""
    return (f"raw={raw:.3f}", f"prior={prior:.2f}", f"source={actor_basis(source)}", f"target={actor_basis(target)}",
            f"date={date_basis}", f"place={place_basis}")


def raw_of(inputs: Sequence[str]) -> float | None:
    """The raw score recorded in ``inputs`` (None when absent)."""
    for x in inputs:
        if x.startswith("raw="):
            return float(x[4:])
    return None
