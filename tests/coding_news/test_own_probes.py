"""Our own probe-style sentences (tests/data/own_probes.jsonl), written with their
expected events before the coder ran on them: 62.9% passed on that first run. The
floor below guards the fixes made after it (coordinated owners, by-phrases hung on
the wrong word, phrasal rejections, blame ... on, exchanges of fire, headline
infinitives, weapons as doers, retreats from a place, non-combat "battles")."""

from pathlib import Path

from flashpoint.config import Settings
from flashpoint.eval.gold import read_gold
from flashpoint.eval.news_sets import score_probes
from flashpoint.eval.runner import code_records

OWN = Path(__file__).resolve().parents[1] / "data" / "own_probes.jsonl"


def test_own_probes_hold_their_floor():
    result = score_probes(code_records(read_gold(OWN), Settings()))
    head = result.figures["headline"]
    assert head["controls_silent"] == 1.0
    assert head["passed"] >= 0.8, [r for r in result.rows if r["verdict"] != "passed"]
