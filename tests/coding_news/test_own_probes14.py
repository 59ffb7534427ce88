"""The lead's blind probe set of session 21 (tests/data/own_probes14.jsonl: 40 sentences, S 8, L 8, N 6, P 6,
K 6, C 2, W 4; 3 negative controls), labelled and committed (86d93c5) before the coder ran on it, and run
once on the session's final coder, after every fix of that session: 85.0% passed, controls silent 100%,
sentence root F1 0.917 (tests/data/own_probes14_first_run.json). Unlike the helpers' sets, which were run on
the coder at the session's start, it measures that session's fixes on wording they were not written from.

The floor lives in test_own_set_floors.py.
"""

from __future__ import annotations

from .tables import first_run_recorded


def test_first_run_is_recorded_for_this_set():
    first_run_recorded("own_probes14", 40)
