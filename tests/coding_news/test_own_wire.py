"""Our own wire-service sentences (tests/data/own_wire.jsonl, issue 9): 80 sentences over every
CAMEO root with the (source, target, code) triples PETRARCH would code, written before the coder
ran on them. First run: strict F1 0.615 (tests/data/own_wire_first_run.json); the fixes after it
(background clauses, several speakers, reciprocal acts, calls received, targets of demands and
condemnations) brought it to 0.760, the second round (session 11) to 0.810. The second set,
own_wire2.jsonl (86 sentences, session 11), the third (own_wire3.jsonl, 90, session 12) and the
fourth (own_wire4.jsonl, 100, session 13), the fifth (own_wire5.jsonl, 100, session 14) the sixth (own_wire6.jsonl, 107, session 15), the seventh (own_wire7.jsonl, 113, session 16) the eighth (own_wire8.jsonl, 126, session 18) the ninth (own_wire9.jsonl, 125, session 19) the tenth (own_wire10.jsonl, 71, session 20) the eleventh (own_wire11.jsonl, 80, session 21) the twelfth (own_wire12.jsonl, 50, session 21, run once on that session's final coder) the thirteenth (own_wire13.jsonl, 81, session 22) and the fourteenth (own_wire14.jsonl, 50, session 22, the lead's) are guarded the same way. The floors guard them."""

from pathlib import Path

import pytest

from flashpoint.config import Settings
from flashpoint.eval.gold import read_gold
from flashpoint.eval.runner import code_records
from flashpoint.eval.wire import score_wire, wire_settings

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[1] / "data"
# strict F1 (source country, target country, root), --no-statements; own_wire2 (session 11): first run
# 0.762, 0.867 after the second round of wire constructions (tests/coding_news/test_wire_language.py);
# own_wire3 (session 12): first run 0.675, 0.730 at the end of session 12; own_wire4 (session 13): first
# run 0.643, 0.688 after the fourth round (tests/coding_news/test_wire_fourth.py); own_wire5 (session 14):
# first run 0.665, 0.716 after the fifth round (tests/coding_news/test_wire_fifth.py); own_wire6 (session 15):
# first run 0.675, 0.770 after the sixth round (tests/coding_news/test_wire_sixth.py; own_wire5 0.720 after it);
# own_wire7 (session 16): first run 0.669, 0.711 after the seventh round (tests/coding_news/test_wire_seventh.py),
# 0.743 after its second part, 0.807 after its third (session 17); own_wire8 (session 18): first run 0.712, 0.730 after the first round (tests/details/test_tenth_set_fixes.py);
# own_wire9 (session 19): first run 0.651 (0.649 without the back-off), 0.684 after its fixes (tests/details/test_eleventh_set_fixes.py);
# own_wire10 (session 20): first run 0.714 (0.723 without the back-off)
# own_wire11 (session 21): first run 0.746 (the same without the back-off), 0.779 after the session-21 wire fixes
# (tests/details/test_session21_wire.py; own_wire10 0.765 after them)
# own_wire12 (session 21, the lead's 50 sentences): first run 0.785 (0.791 without the back-off) on the final coder of
# session 21, after every fix of that session (so it measures those fixes on wording they were not written from)
# own_wire13 (session 22, the wire helper's 81 sentences): first run 0.869 (the same without the back-off; 0.880 with
# M057's Kosovo code corrected to XKX), 0.953 after the session-22 wire fixes (tests/details/test_session22_wire.py;
# own_wire12 0.831, own_wire11 0.804 after them)
# own_wire14 (session 22, the lead's 50 sentences, never tuned on): first run 0.878 on main at the session's start,
# the same record by record on the session's final coder
FLOORS = {"own_wire.jsonl": 0.78, "own_wire2.jsonl": 0.84, "own_wire3.jsonl": 0.72, "own_wire4.jsonl": 0.67, "own_wire5.jsonl": 0.71,
          "own_wire6.jsonl": 0.75, "own_wire7.jsonl": 0.78, "own_wire8.jsonl": 0.71,
          "own_wire9.jsonl": 0.67, "own_wire10.jsonl": 0.75, "own_wire11.jsonl": 0.77,
          "own_wire12.jsonl": 0.78, "own_wire13.jsonl": 0.92, "own_wire14.jsonl": 0.87}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_own_wire_sentences_hold_their_floor(name):
    result = score_wire(code_records(read_gold(DATA / name), wire_settings(Settings())))
    failing = [(r["id"], r["gold_triples"], r["predicted_triples"]) for r in result.rows if r["verdict"] != "exact"]
    assert result.figures["headline"]["strict_f1"] >= FLOORS[name], failing
