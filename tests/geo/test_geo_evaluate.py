"""Location accuracy on the third-party event_location gold set, and the reader's edges."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.errors import InputError
from flashpoint.geo.evaluate import evaluate_locations, read_gold

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GOLD = SHARED / "evaldata" / "event_location.jsonl"
# Measured 0.723 overlap accuracy (0.682 exact) on the 494 scoreable
# gold_relabel records; the floors sit 3 points below.
OVERLAP_FLOOR = 0.69
EXACT_FLOOR = 0.65


def record(text: str, span: list[int], gold: list[list[int]] | None, relabel: bool = True) -> str:
    return json.dumps({
        "id": "x", "text": text,
        "expected": [{"event_span": span, "location_spans": gold}],
        "meta": {"gold_relabel": relabel},
    })


@pytest.mark.slow
def test_gold_relabel_accuracy_floor() -> None:
    if not GOLD.exists():
        pytest.skip(f"gold data not found at {GOLD} (needs the shared evaldata checkout next to the repo)")
    result = evaluate_locations(GOLD, gold_relabel_only=True)
    assert result["n"] >= 490
    assert result["overlap"]["accuracy"] >= OVERLAP_FLOOR
    assert result["exact"]["accuracy"] >= EXACT_FLOOR


@pytest.mark.slow
def test_scores_a_tiny_file(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    lines = [
        record("Police arrested ten men in Nairobi.", [7, 15], [[27, 34]]),
        record("Police arrested ten men.", [7, 15], None),
        record("Troops clashed with rebels in Herat.", [7, 14], [[30, 35]], relabel=False),
    ]
    path.write_text("\n".join(lines) + "\n\n")
    everything = evaluate_locations(path)
    assert everything["n"] == 3 and everything["overlap"]["accuracy"] == 1.0
    only = evaluate_locations(path, gold_relabel_only=True, limit=1)
    assert only["n"] == 1 and only["exact"]["tp"] == 1


def test_reader_skips_unusable_records(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": "x", "expected": []}),
        json.dumps({"id": "b", "text": 5, "expected": [{"event_span": [0, 1]}]}),
        json.dumps({"id": "c", "text": "x", "expected": [{"event_span": ["a", 1]}]}),
        json.dumps({"id": "d", "text": "xy", "expected": [{"event_span": [0, 1]}]}),
    ]))
    assert [r["id"] for r in read_gold(path)] == ["d"]


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", "x" * 1_000_001])
def test_reader_rejects_malformed_lines(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content + "\n")
    with pytest.raises(InputError):
        list(read_gold(path))


def test_reader_reports_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot open"):
        list(read_gold(tmp_path / "nope.jsonl"))


def test_reader_handles_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("")
    assert list(read_gold(path)) == []


def test_reader_rejects_invalid_bytes(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n')
    with pytest.raises(InputError, match="UTF-8"):
        list(read_gold(path))
