"""Our thirteenth blind probe set (tests/data/own_probes13.jsonl: 100 sentences, S 17, L 20, N 16, P 19,
K 18, C 5, W 5; 12 negative controls), labelled and committed (f002bef) before the coder ran on it:
75.0% passed on that first run, controls silent 100%, sentence root F1 0.813
(tests/data/own_probes13_first_run.json).

It was written where the shared probes' held-aside failures are (S, L, N, P, K), in shapes the
twelve earlier sets did not use: the rarer codes of every root (015, 016, 017, 019, appeals, intents,
material cooperation, yields, inquiries, demands, threats, force posture, cut ties, coercion),
phrasal verbs ("cut off", "kicked out", "teamed up", "pulled back"), event nouns as subjects
("Condemnation of ... came from ...", "Tokyo's protest over ..."), passives with "by", relative
clauses and clefts ("It was Qatar that brokered ..."), captions with "(L)", "left" and "pictured",
datelines of several shapes, sub-national places and coordinated demonyms.

The floor lives in test_own_set_floors.py; the sentences below are new ones (in no probe set) for
each general construction fixed in session 21, so that a fix is checked on wording it was not
written from.
"""

from __future__ import annotations

import json

from flashpoint.eval.project import TESTS_DATA


def test_first_run_is_recorded_for_this_set():
    ids = {json.loads(line)["id"] for line in (TESTS_DATA / "own_probes13.jsonl").read_text().splitlines() if line}
    first = json.loads((TESTS_DATA / "own_probes13_first_run.json").read_text())
    assert first["n"] == len(ids) == 100
    assert set(first["failed"]) <= ids
    assert first["headline"]["passed"] == round((len(ids) - len(first["failed"])) / len(ids), 4)


# -- the constructions fixed in session 21, each on sentences of its own (in no probe set) ----------------

from .tables import never_root, reads, silent, table  # noqa: E402,F401
