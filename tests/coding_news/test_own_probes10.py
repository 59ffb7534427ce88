"""Our tenth blind probe set (tests/data/own_probes10.jsonl: 120 sentences, S, L, N, C, P and K
18 each and W 12; 15 negative controls), labelled and committed (6cad515) before the coder ran on
it: 49.2% passed on that first run, controls silent 73.3%, sentence root F1 0.604
(tests/data/own_probes10_first_run.json).

It was written where the shared probes' held-aside failures are, with wording the earlier own
sets did not use: new verbs and phrasal verbs ("hauled in", "dressed down", "put on notice",
"bailed out", "wrote off"), new event nouns ("the summoning of", "stopover", "pardon",
"eviction", "the exchange of fire between"), new back-references ("his host", "the gesture",
"the pair", "the Gulf monarchs", "the island nation"), new headline and caption shapes, people
and places the earlier sets did not name, and controls with statistics and word-sense traps.

The floor lives in test_own_set_floors.py; the sentences below are new ones (in no probe set)
for each general construction fixed in session 18, so that a fix is checked on wording it was
not written from.
"""

from __future__ import annotations

import json

from flashpoint.eval.project import TESTS_DATA


def test_first_run_is_recorded_for_this_set():
    ids = {json.loads(line)["id"] for line in (TESTS_DATA / "own_probes10.jsonl").read_text().splitlines() if line}
    first = json.loads((TESTS_DATA / "own_probes10_first_run.json").read_text())
    assert first["n"] == len(ids) == 120
    assert set(first["failed"]) <= ids
    assert first["headline"]["passed"] == round((len(ids) - len(first["failed"])) / len(ids), 4)
