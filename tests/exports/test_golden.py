"""Golden files: the small corpus of conftest.py in every text format.

A change to any column shows up as a diff here. After an intended change,
regenerate with ``FLASHPOINT_UPDATE_GOLDEN=1 pytest tests/exports/test_golden.py``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flashpoint.store.exports import export, side_path

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(("fmt", "name"), [("csv", "corpus.csv"), ("gdelt", "corpus.tsv"), ("plover", "corpus.plover.jsonl"),
                                           ("jsonl", "corpus.jsonl")])
def test_golden(events, tmp_path, fmt, name):
    out = tmp_path / name
    export(events, fmt, out)
    produced = [out] + ([side_path(out)] if fmt == "gdelt" else [])
    for path in produced:
        golden = GOLDEN / path.name
        if os.environ.get("FLASHPOINT_UPDATE_GOLDEN"):
            golden.write_bytes(path.read_bytes())
        assert golden.exists(), f"no golden file {golden}; run with FLASHPOINT_UPDATE_GOLDEN=1"
        assert path.read_text(encoding="utf-8") == golden.read_text(encoding="utf-8"), (
            f"{path.name} differs from {golden}; if the change is intended, regenerate with FLASHPOINT_UPDATE_GOLDEN=1")
