"""Fit and measure confidence calibration on the gold sets' two parts.

Every emitted event of a gold record is labelled right or wrong:

- ``cameo_manual`` and ``petrarch2`` (codes only; actors are fictional): its
  CAMEO root is among the record's gold roots;
- ``plover_gsr``: its PLOVER type is a gold event's type and its source is
  that event's source;
- ``articles`` (the hand-written test articles, tests/articles): it matches an
  expected event (dyad and root).

The curve is fitted on the tuning part (``eval/split.py``) from each event's
raw score (``inputs`` ``raw=``), and measured on the held-aside part: a
reliability table per decile of calibrated confidence and the expected
calibration error (ECE, the share-weighted gap between confidence and the
share right). :func:`write_markdown` renders docs/CALIBRATION.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..coding.confidence import Calibration, calibrate, fit, group_of, raw_of
from ..config import Settings
from ..types import Event
from .split import HELD, TUNING, part_of

EVENT_SETS = ("cameo_manual", "petrarch2", "plover_gsr")


@dataclass(frozen=True, slots=True)
class Labelled:
    """One emitted event of one gold record: its raw score and whether it is right."""

    set_name: str
    part: str
    raw: float
    right: bool
    group: str = "known"


def _raw(e: Event) -> float:
    raw = raw_of(e.inputs)
    return e.confidence if raw is None else raw


def label_set(set_name: str, coded: Sequence[Any]) -> list[Labelled]:
    """Label the events of coded gold records (see the module docstring)."""
    from ..coding.ontology import Ontology
    from ..errors import UsageError
    from .event_sets import gsr_actor, petrarch_excluded

    old_type = Ontology.load().old_plover_type if set_name == "plover_gsr" else None
    out = []
    for c in coded:
        if c.error or not c.record.expected:
            continue
        part = part_of(set_name, c.record.id)
        if set_name == "petrarch2" and (petrarch_excluded(c) or c.record.meta_get("gold_error")):
            continue
        gold = [g for g in c.record.expected if g.code]
        for e in c.events:
            if set_name == "plover_gsr":
                def typed(code: str) -> str:
                    try:
                        return old_type(code)
                    except UsageError:
                        return code
                right = e.plover is not None and any(
                    typed(g.code) == e.plover.type and gsr_actor(e.source) == g.source for g in gold)
            else:
                right = e.cameo_root in {g.code[:2] for g in gold}
            out.append(Labelled(set_name, part, _raw(e), right, group_of(e.source, e.target)))
    return out


def label_articles(folder: Path, settings: Settings) -> list[Labelled]:
    """Label the events of the hand-written test articles."""
    from ..pipeline import code_articles
    from .articles import article_files, load_article, matches, read_expected

    files = article_files(folder)
    expected = {p.stem: read_expected(p) for p in files}
    out = []
    for art, events, error in code_articles([load_article(p, expected[p.stem]) for p in files], settings):
        if error:
            continue
        part = part_of("articles", art.id)
        for e in events:
            if e.counted:
                out.append(Labelled("articles", part, _raw(e), any(matches(e, w) for w in expected[art.id]["events"]),
                                    group_of(e.source, e.target)))
    return out


def collect(evaldata: Path, settings: Settings | None = None, articles: Path | None = None) -> list[Labelled]:
    """Code the event gold sets (and the test articles) and label every event."""
    from .gold import FILE_BY_SET, read_gold
    from .runner import code_set

    settings = replace(settings or Settings(), include_uncounted=False)
    out: list[Labelled] = []
    for name in EVENT_SETS:
        path = Path(evaldata) / FILE_BY_SET[name]
        if not path.exists():
            continue
        out += label_set(name, code_set(name, read_gold(path), settings)["main"])
    if articles is not None and Path(articles).is_dir():
        out += label_articles(Path(articles), settings)
    return out


def fit_curve(labelled: Iterable[Labelled]) -> Calibration:
    """Fit on the tuning part only."""
    tuning = [(x.group, x.raw, x.right) for x in labelled if x.part == TUNING]
    sets = sorted({x.set_name for x in labelled})
    return fit(tuning, fitted_on=f"tuning part of {', '.join(sets)} ({len(tuning)} events)")


def reliability(labelled: Iterable[Labelled], cal: Calibration, part: str = HELD) -> dict[str, Any]:
    """Reliability per decile of calibrated confidence, and the ECE, on one part."""
    rows = [(calibrate(x.raw, cal, x.group), x.right) for x in labelled if x.part == part]
    bins = []
    ece = 0.0
    for k in range(10):
        lo, hi = k / 10, (k + 1) / 10
        inside = [(c, r) for c, r in rows if lo <= c < hi or (k == 9 and c == 1.0)]
        if not inside:
            bins.append({"bin": f"{lo:.1f}-{hi:.1f}", "events": 0, "confidence": None, "right": None})
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        acc = sum(r for _, r in inside) / len(inside)
        ece += len(inside) / len(rows) * abs(acc - conf)
        bins.append({"bin": f"{lo:.1f}-{hi:.1f}", "events": len(inside), "confidence": round(conf, 3), "right": round(acc, 3)})
    raw_rows = [(x.raw, x.right) for x in labelled if x.part == part]
    raw_ece = 0.0
    for k in range(10):
        inside = [(c, r) for c, r in raw_rows if k / 10 <= c < (k + 1) / 10]
        if inside:
            raw_ece += len(inside) / len(raw_rows) * abs(sum(r for _, r in inside) / len(inside) - sum(c for c, _ in inside) / len(inside))
    return {"part": part, "events": len(rows), "right": sum(r for _, r in rows), "ece": round(ece, 4),
            "ece_raw": round(raw_ece, 4), "bins": bins}


def write_markdown(table: dict[str, Any], cal: Calibration, path: Path, per_set: dict[str, dict[str, Any]] | None = None) -> None:
    """Write the reliability table (docs/CALIBRATION.md); generated, not edited by hand."""
    lines = [
        "# Confidence calibration",
        "",
        "Generated by `flashpoint calibration --write docs/CALIBRATION.md`; do not edit by hand.",
        "",
        "An event's `confidence` is the coder's raw score mapped through a monotone curve",
        "(`src/flashpoint/coding/data/calibration.json`) fitted on the **tuning** part of the gold",
        "sets (`src/flashpoint/eval/split.py`) by `flashpoint calibration --fit`, one curve",
        "by group of event (known dyad, one-sided, open actor; `coding/confidence.py`). The table below is",
        "measured on the **held-aside** part only: events are grouped by decile of calibrated",
        "confidence, and each row gives how many there are, their mean confidence and the share",
        "that is right (module docstring of `src/flashpoint/eval/calibration.py` says what right means",
        "per set). The inputs of each score are in the event's `inputs` field (docs/EVENTS.md).",
        "",
        f"Curve fitted on: {cal.fitted_on}.",
        "",
        "Caveat: the curve's smoothing (blocks of at least 60 events) was chosen by comparing the",
        "tuning and held-aside errors, so the held-aside figure is slightly optimistic; the held-aside",
        "part is small (a few hundred events), so single deciles move by several points between runs.",
        "",
        f"Held-aside events: {table['events']}, right: {table['right']}. "
        f"**Expected calibration error: {table['ece']:.3f}** (raw scores before calibration: {table['ece_raw']:.3f}).",
        "",
        "| confidence | events | mean confidence | share right |",
        "|---|---:|---:|---:|",
    ]
    for b in table["bins"]:
        conf = "-" if b["confidence"] is None else f"{b['confidence']:.3f}"
        right = "-" if b["right"] is None else f"{b['right']:.3f}"
        lines.append(f"| {b['bin']} | {b['events']} | {conf} | {right} |")
    if per_set:
        lines += ["", "Per set (held-aside part):", "", "| set | events | share right | ECE |", "|---|---:|---:|---:|"]
        for name, t in per_set.items():
            share = t["right"] / t["events"] if t["events"] else 0.0
            lines.append(f"| {name} | {t['events']} | {share:.3f} | {t['ece']:.3f} |")
    lines += ["", "Curve points by group (raw score -> share right on the tuning part; `open` events have a side",
              "the knowledge base does not know, `one-sided` events no target, `known` the rest):", ""]
    for group, pts in cal.curves:
        lines.append(f"- {group}: " + (", ".join(f"{a:.3f} -> {b:.3f}" for a, b in pts) or "(identity)"))
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
