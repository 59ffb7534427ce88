"""``flashpoint eval`` through click's CliRunner on tiny gold files of our own."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from flashpoint.cli import main

OWN = [
    {"id": "own-1", "text": "Valdorian troops fired on protesters in the capital.", "date": "2022-05-01",
     "expected": [{"source": None, "target": None, "code": "193"}], "meta": {}},
    {"id": "own-2", "text": "France and Germany signed a trade agreement on Monday.", "date": "2022-05-01",
     "expected": [{"source": None, "target": None, "code": "057"}], "meta": {}},
    {"id": "own-3", "text": "The weather was mild.", "date": None,
     "expected": [{"source": None, "target": None, "code": "010"}], "meta": {}},
]


def _gold(tmp_path, records=OWN, name="cameo_manual_examples.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.slow
def test_eval_one_file_with_limit_and_diff(tmp_path):
    gold, diff = _gold(tmp_path), tmp_path / "diff.jsonl"
    result = CliRunner().invoke(main, ["eval", str(gold), "--limit", "2", "--diff", str(diff), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["set"] == "cameo_manual" and figures["n"] == 2
    rows = [json.loads(line) for line in diff.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["own-1", "own-2"]
    for row in rows:
        assert set(row) >= {"set", "id", "text", "gold", "predicted", "verdict"}
        assert row["verdict"] in {"full", "root", "missed", "wrong"}
        for p in row["predicted"]:
            assert set(p) >= {"code", "source", "target", "rule", "trigger"}


@pytest.mark.slow
def test_eval_text_output_and_explicit_set(tmp_path):
    gold = _gold(tmp_path, name="mine.jsonl")
    result = CliRunner().invoke(main, ["eval", str(gold), "--set", "petrarch2", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("petrarch2 (1 records)")
    assert "no_event_fp_rate" in result.output


def test_unknown_set_name_is_a_usage_error(tmp_path):
    gold = _gold(tmp_path, name="mine.jsonl")
    result = CliRunner().invoke(main, ["eval", str(gold)])
    assert result.exit_code == 2
    assert "--set" in result.output


@pytest.mark.parametrize("content", ["{broken\n", "[]\n", "\x00\x01\x02\n"])
def test_malformed_gold_file_fails_cleanly(tmp_path, content):
    path = tmp_path / "cameo_manual_examples.jsonl"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("error:") and "Traceback" not in result.output


def test_usage_errors(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["eval"]).exit_code == 2
    assert runner.invoke(main, ["eval", str(tmp_path / "absent.jsonl"), "--set", "cameo_manual"]).exit_code == 1
    assert runner.invoke(main, ["eval", "--all", "x.jsonl"]).exit_code == 2
    assert runner.invoke(main, ["eval", "x.jsonl", "--write", "a.md"]).exit_code == 2
    assert runner.invoke(main, ["eval", "x.jsonl", "--limit", "-1"]).exit_code == 2
    missing = runner.invoke(main, ["eval", "--all", "--evaldata", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "FLASHPOINT_EVALDATA" in missing.output
    diff_loc = runner.invoke(main, ["eval", str(_gold(tmp_path, name="event_location.jsonl")), "--diff", "d.jsonl"])
    assert diff_loc.exit_code == 2 and "event_location" in diff_loc.output


def test_help_has_an_example():
    result = CliRunner().invoke(main, ["eval", "--help"])
    assert result.exit_code == 0 and "flashpoint eval --all --write docs/ACCURACY.md" in result.output
