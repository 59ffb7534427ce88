"""Precision and coverage figures for lexicon work, on the TUNING parts only.

Codes the tuning part of every visible gold set (``flashpoint.eval.split``),
the probes' negative controls and, with ``--dump``, writes every emitted event
so two runs can be compared event for event (``--compare OLD NEW``). The
held-aside records are skipped before coding: nothing of theirs is read here
beyond the id the split needs.

    .venv/bin/python scripts/lexicon_figures.py --dump /tmp/before.jsonl
    .venv/bin/python scripts/lexicon_figures.py --compare /tmp/before.jsonl /tmp/after.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from flashpoint.config import Settings
from flashpoint.eval.coded import Coded, event_row, top_event
from flashpoint.eval.gold import FILE_BY_SET, read_gold
from flashpoint.eval.label_sets import india_labels
from flashpoint.eval.labelmap import load_labelmaps
from flashpoint.eval.runner import _settings_for, code_records, default_evaldata, score
from flashpoint.eval.split import TUNING, part_of

SETS = ("cameo_manual", "petrarch2", "plover_gsr", "india_police", "case2021")
CONFLIBERT = "conflibert"
NEGATIVE_CONTROLS = ("W6", "W7", "W8", "W10")
# Phoenix QuadClass of the conflibert labels, by CAMEO root.
QUAD_OF_ROOT = {**{r: 0 for r in ("01", "02")}, **{r: 1 for r in ("03", "04", "05")},
                **{r: 2 for r in ("06", "07", "08")},
                **{r: 3 for r in ("09", "10", "11", "12", "13", "16")},
                **{r: 4 for r in ("14", "15", "17", "18", "19", "20")}}


def tuning(set_name: str, path: Path, limit: int | None):
    return [r for r in read_gold(path, limit) if part_of(set_name, r.id) == TUNING]


def conflibert_figures(coded: list[Coded]) -> dict:
    labelled = [c for c in coded if c.record.expected and c.record.expected[0].code is not None]
    found = sum(1 for c in coded if c.events)
    right = 0
    for c in labelled:
        top = top_event(c.events)
        right += top is not None and str(QUAD_OF_ROOT[top.cameo_root]) == str(c.record.expected[0].code)
    return {"n": len(coded), "event_found": round(found / len(coded), 4),
            "n_labelled": len(labelled), "quadclass_top_right": round(right / len(labelled), 4)}


def india_false_alarms(coded: list[Coded]) -> float:
    labelmap = load_labelmaps()["india_police"]
    quiet = [c for c in coded if not any(g.code in ("KILL", "ARREST", "FORCE") for g in c.record.expected)]
    alarms = sum(1 for c in quiet if india_labels(c, labelmap, True))
    return round(alarms / len(quiet), 4) if quiet else 0.0


def probes(path: Path, settings: Settings) -> tuple[dict, list[Coded]]:
    from flashpoint.eval.gold import parse_record

    recs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            obj = json.loads(line)
            recs.append(parse_record({"id": obj["id"], "text": obj["text"], "expected": obj["expected"]}, f"probes line {n}"))
    coded = code_records(recs, settings)
    loud = {c.record.id: [e.cameo for e in c.events] for c in coded if c.record.id in NEGATIVE_CONTROLS and c.events}
    hit = 0
    for c in coded:
        want = [g.code for g in c.record.expected]
        roots = {e.cameo_root for e in c.events}
        hit += (not want and not c.events) or (bool(want) and all(str(w)[:2] in roots for w in want))
    return {"negative_controls_with_events": loud, "root_match": round(hit / len(coded), 4), "n": len(coded)}, coded


def run(args) -> dict:
    evaldata = Path(args.evaldata) if args.evaldata else default_evaldata()
    settings = Settings()
    out: dict = {}
    dumped: list[tuple[str, Coded]] = []
    for set_name in args.sets:
        started = time.perf_counter()
        if set_name == CONFLIBERT:
            recs = tuning(CONFLIBERT, evaldata / "conflibert_cameo_train.jsonl", args.limit)
            coded = code_records(recs, settings)
            out[set_name] = conflibert_figures(coded)
            open_coded = code_records(recs, replace(settings, open_actors=True))
            out[set_name]["open_actors"] = conflibert_figures(open_coded)
        elif set_name == "probes":
            out[set_name], coded = probes(evaldata.parent / "probes" / "generalisation.jsonl", settings)
        else:
            recs = tuning(set_name, evaldata / FILE_BY_SET[set_name], args.limit)
            coded = code_records(recs, _settings_for(set_name, settings))
            out[set_name] = {"n": len(coded), **score(set_name, coded).figures["headline"]}
            if set_name == "india_police":
                out[set_name]["no_event_false_alarm_rate"] = india_false_alarms(coded)
        out[set_name]["seconds"] = round(time.perf_counter() - started, 1)
        dumped += [(set_name, c) for c in coded]
        print(set_name, json.dumps(out[set_name]), file=sys.stderr, flush=True)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for set_name, c in dumped:
                evs = [{k: v for k, v in event_row(e).items()} for e in c.events]
                fh.write(json.dumps({"set": set_name, "id": c.record.id, "events": evs, "error": c.error}, sort_keys=True) + "\n")
    return out


def compare(old: str, new: str) -> int:
    def load(p):
        return {(r["set"], r["id"]): r for r in map(json.loads, Path(p).read_text(encoding="utf-8").splitlines())}
    a, b = load(old), load(new)
    differ = [k for k in a.keys() | b.keys() if a.get(k) != b.get(k)]
    n_events = sum(len(r["events"]) for r in a.values())
    print(f"{len(a)} records / {n_events} events before, {len(b)} records / "
          f"{sum(len(r['events']) for r in b.values())} after; {len(differ)} records differ")
    for k in sorted(differ)[:50]:
        print("  differs:", *k)
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--evaldata", default=None)
    ap.add_argument("--sets", nargs="*", default=[*SETS, CONFLIBERT, "probes"])
    ap.add_argument("--limit", type=int, default=None, help="read at most this many records of each set (before the split)")
    ap.add_argument("--dump", default=None, help="write every emitted event here (JSONL)")
    ap.add_argument("--out", default=None, help="write the figures here (JSON)")
    ap.add_argument("--compare", nargs=2, metavar=("OLD", "NEW"))
    args = ap.parse_args()
    if args.compare:
        return compare(*args.compare)
    figures = run(args)
    text = json.dumps(figures, indent=2, sort_keys=True)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
