"""Our twelfth blind probe set (tests/data/own_probes12.jsonl: 100 sentences, S 16, L 17, N 15, P 16,
K 16, C 10, W 10; 12 negative controls), labelled and committed (4914c65) before the coder ran on it:
78.0% passed on that first run, controls silent 83.3%, sentence root F1 0.833
(tests/data/own_probes12_first_run.json).

It was written where the shared probes' held-aside failures are (S, L, N, P, K), in wire-service
wording: light verbs ("lodged a protest with", "issued a warning to", "paid tribute to", "rolled out
the red carpet for"), event nouns ("the talks between", "Beijing's offer of", "the expulsion of ...
from Moscow", "an appeal by ... for"), headlines, photo captions, datelines, long appositions, role
phrases ("the Kenyan interior minister", "the Speaker of Ghana's parliament"), statements with and
without an addressee, and controls of sport, business and weather.

The floor lives in test_own_set_floors.py; the sentences below are new ones (in no probe set) for
each general construction fixed in session 20, so that a fix is checked on wording it was not
written from.
"""

from __future__ import annotations

import json

from flashpoint.eval.project import TESTS_DATA


def test_first_run_is_recorded_for_this_set():
    ids = {json.loads(line)["id"] for line in (TESTS_DATA / "own_probes12.jsonl").read_text().splitlines() if line}
    first = json.loads((TESTS_DATA / "own_probes12_first_run.json").read_text())
    assert first["n"] == len(ids) == 100
    assert set(first["failed"]) <= ids
    assert first["headline"]["passed"] == round((len(ids) - len(first["failed"])) / len(ids), 4)
