"""The lead's blind probe set of session 22 (tests/data/own_probes16.jsonl: 40 sentences, S 8, L 8, N 6, P 6,
K 6, C 2, W 4; 4 negative controls), written before any coder ran on it and run on the coder at the session's
start and again on its final coder, both blind: 72.5% passed, controls silent 100%, sentence root F1 0.858 on
both (77.5% with two of the lead's labels mended; tests/data/own_probes16_first_run.json). Nobody who changed
the coder saw it, so it measures the coder on wording nobody wrote patterns from.

The floor lives in test_own_set_floors.py.
"""

from __future__ import annotations

from .tables import first_run_recorded


def test_first_run_is_recorded_for_this_set():
    first_run_recorded("own_probes16", 40)
