"""The blind probe set of session 22 (tests/data/own_probes15.jsonl: 100 sentences, S 20, L 18, N 18, P 18,
K 18; 8 negative controls), aimed at the wrong readings a coder makes of sentences it does see: the party a
statement speaks about against the one it is addressed to, comments and acts told with one verb, event nouns
whose possessor is the target, by-agents and passives, reported acts inside statements, headlines and captions,
people known by their office, local places, coordinated demonyms and organisations away from home. Labelled and
committed (ebb9cc9; landed as 0c15389) before the coder ran on it; its first run, on the coder at the session's start: 82.0% passed,
controls silent 100%, sentence root F1 0.867 (tests/data/own_probes15_first_run.json).

The floor lives in test_own_set_floors.py.
"""

from __future__ import annotations

from .tables import first_run_recorded


def test_first_run_is_recorded_for_this_set():
    first_run_recorded("own_probes15", 100)
