"""Measure the back-off and each of its gates on conflibert, india_police and case2021.

Each set is coded once. For every parsed document the rules run once and the
back-off is then applied under every configuration below, so the figures of one
configuration are exactly those of a full run with it (the back-off only adds
events to sentences the rules leave uncoded, and the rules do not depend on it):

* ``rules alone``: no back-off;
* ``no gates``: the back-off as it was before the gates;
* ``kept gates``: the back-off with the gates that are on by default;
* ``without G`` / ``with G``: the kept gates less one of them, or plus one that is
  not kept (``flashpoint.coding.backoff_gates.GATES``); ``G instead of H``: a gate
  that is another way of doing what a kept one does, in its place.

Figures are totals of the tuning and the held-aside parts (``flashpoint.eval.split``);
no record's text or prediction is printed. ``--write-doc`` puts the table into
docs/BACKOFF.md between its ``measure_backoff`` markers.

    .venv/bin/python scripts/measure_backoff.py [--sets conflibert,case2021] [--limit N] [--write-doc]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from flashpoint import pipeline
from flashpoint.coding.backoff_gates import ALTERNATIVES, DEFAULT_GATES, GATES
from flashpoint.config import Settings
from flashpoint.eval.coded import Coded
from flashpoint.eval.gold import read_gold
from flashpoint.eval.runner import _settings_for, code_records, default_evaldata, gold_path, score
from flashpoint.eval.split import PARTS, part_of

SETS = ("conflibert", "india_police", "case2021")
# The figure of each set the table shows (the headline names of flashpoint eval).
FIGURES = {
    "conflibert": ("event_found", "quad_right"),
    "india_police": ("arrest_f1", "force_f1", "kill_f1"),
    "case2021": ("weighted_f1_seen",),
}
RULES_ALONE = "rules alone"
DOC = Path(__file__).resolve().parents[1] / "docs" / "BACKOFF.md"
BEGIN, END = "<!-- measure_backoff: begin -->", "<!-- measure_backoff: end -->"


def configurations() -> dict[str, frozenset[str] | None]:
    """Each configuration's gates (None: no back-off at all)."""
    out: dict[str, frozenset[str] | None] = {RULES_ALONE: None, "no gates": frozenset(), "kept gates": DEFAULT_GATES}
    for gate in GATES:
        other = next((g for group in ALTERNATIVES if gate in group for g in group & DEFAULT_GATES), None)
        if gate in DEFAULT_GATES:
            out[f"without {gate}"] = DEFAULT_GATES - {gate}
        elif other is not None:
            out[f"{gate} instead of {other}"] = DEFAULT_GATES - {other} | {gate}
        else:
            out[f"with {gate}"] = DEFAULT_GATES | {gate}
    return out


class Recorder:
    """Stands in for ``pipeline.code_doc``: the rules once, then the back-off under each
    configuration; keeps every configuration's events by article id."""

    def __init__(self, configs: dict[str, frozenset[str] | None]) -> None:
        self.configs = configs
        self.events: dict[str, dict[str, list]] = {name: defaultdict(list) for name in configs}

    def __call__(self, doc, offset, art, published, res, settings, structure=None, text=None):
        from flashpoint.nlp.docmemo import document_memo, memoized

        kept: list = []
        with document_memo(doc):
            if text is not None:
                memoized(doc, "text", lambda: text)
            covered: set[int] = set()
            rules = pipeline._rule_events(doc, offset, art, published, res, settings, structure, covered)
            for name, gates in self.configs.items():
                events = list(rules) if gates is None else pipeline.with_backoff(
                    list(rules), doc, offset, art, published, set(covered), res, settings, structure, gates)
                self.events[name][art.id].extend(events)
                if name == "kept gates":
                    kept = events
        return kept  # what the pipeline codes by default

    def coded(self, name: str, main: list[Coded]) -> list[Coded]:
        return [Coded(c.record, tuple(self.events[name].get(c.record.id, ())), c.error) for c in main]


def measure(set_name: str, limit: int | None, evaldata: Path) -> dict[str, dict[str, dict[str, float]]]:
    """``{configuration: {part: {figure: value}}}`` for one set."""
    records = read_gold(gold_path(evaldata, set_name), limit)
    configs = configurations()
    recorder = Recorder(configs)
    original = pipeline.code_doc
    pipeline.code_doc = recorder
    try:
        main = code_records(records, _settings_for(set_name, replace(Settings(), backoff=True)))
    finally:
        pipeline.code_doc = original
    out: dict[str, dict[str, dict[str, float]]] = {}
    for name in configs:
        coded = recorder.coded(name, main)
        out[name] = {}
        for part in PARTS:
            kept = [c for c in coded if part_of(set_name, c.record.id) == part]
            head = score(set_name, kept).figures["headline"]
            out[name][part] = {f: head[f] for f in FIGURES[set_name]} | {"n": len(kept)}
    return out


def table(results: dict[str, dict], part: str) -> list[str]:
    """A markdown table of one part: a row per configuration, a column per set figure."""
    cols = [(s, f) for s in results for f in FIGURES[s]]
    first = next(iter(results.values()))
    names = [n for n in configurations() if n in first] + [n for n in first if n not in configurations()]
    lines = ["| configuration | " + " | ".join(f"{s} {f}" for s, f in cols) + " |",
             "|---|" + "---:|" * len(cols)]
    for name in names:
        lines.append(f"| {name} | " + " | ".join(f"{100 * results[s][name][part][f]:.1f}" for s, f in cols) + " |")
    return lines


def write_doc(results: dict[str, dict], stamp: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    ns = ", ".join(f"{s} {results[s]['kept gates']['held']['n']}" for s in results)
    body = [BEGIN, "", f"Held-aside records ({ns}), {stamp}:", "", *table(results, "held"), "",
            "Tuning records, the same run:", "", *table(results, "tuning"), "", END]
    if BEGIN in text and END in text:
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _m: "\n".join(body), text, flags=re.S)
    else:
        raise SystemExit(f"{DOC} has no {BEGIN} ... {END} markers to write between")
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--limit", type=int, default=None, help="the first N records of each set (a quick look)")
    ap.add_argument("--evaldata", type=Path, default=None)
    ap.add_argument("--parts", default=",".join(PARTS), help="which parts to print (tuning while developing)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    ap.add_argument("--write-doc", action="store_true", help="write the tables into docs/BACKOFF.md")
    args = ap.parse_args(argv)
    evaldata = args.evaldata or default_evaldata(Path(__file__).resolve().parents[1])
    results = {}
    for set_name in args.sets.split(","):
        started = time.perf_counter()
        results[set_name] = measure(set_name, args.limit, evaldata)
        print(f"{set_name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    for part in args.parts.split(","):
        print(f"\n{part}:")
        print("\n".join(table(results, part)))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True), encoding="utf-8")
    if args.write_doc:
        if args.limit is not None:
            raise SystemExit("--write-doc measures whole sets: drop --limit")
        write_doc(results, time.strftime("%Y-%m-%d"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
