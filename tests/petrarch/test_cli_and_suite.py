"""``--petrarch-dicts`` on ``flashpoint code`` and ``flashpoint eval``, and the PETRARCH suite itself."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from flashpoint.cli import main

from ..conftest import shared_path
from .dicts import write_dicts

pytestmark = pytest.mark.slow


def run(args, input=None):
    result = CliRunner().invoke(main, args, input=input)
    assert "Traceback" not in (result.output or ""), result.output
    return result


def test_code_with_dictionaries(tmp_path):
    d = write_dicts(tmp_path / "dicts")
    r = run(["code", "-", "--format", "jsonl", "--date", "2021-06-01", "--petrarch-dicts", str(d)],
            input="Kastor police criticised the Velmoran government.")
    assert r.exit_code == 0, r.output
    events = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert [(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in events] == [("KSTCOP", "VLM", "111")]


def test_unreadable_lines_are_skipped_with_a_note(tmp_path):
    d = write_dicts(tmp_path / "bad", actors="VELMORA [VLM]\nNOCODE\nKASTOR [KST]\n")
    r = run(["code", "-", "--format", "jsonl", "--petrarch-dicts", str(d)], input="Velmora criticized Kastor.")
    assert r.exit_code == 0, r.output
    assert "Test.actors.txt: line 2" in r.stderr and "has no [code]" in r.stderr
    assert [json.loads(x)["cameo"] for x in r.stdout.splitlines() if x.strip()] == ["111"]


def test_fatal_dictionary_problem_fails_cleanly(tmp_path):
    d = write_dicts(tmp_path / "fatal", verbs="<!-- never closed\n--- MEET [031] ---\nMEET\n")
    r = run(["code", "-", "--petrarch-dicts", str(d)], input="Velmora criticized Kastor.")
    assert r.exit_code == 2
    assert "Test.verbs.txt: line 1" in r.output and "never closed" in r.output


def test_missing_directory_is_a_usage_error(tmp_path):
    r = run(["code", "-", "--petrarch-dicts", str(tmp_path / "nowhere")], input="x")
    assert r.exit_code == 2


def test_petrarch_suite_with_its_own_dictionaries():
    """The suite's targets: >= 60% of expected codes, events on < 15% of no-event records."""
    gold = shared_path("evaldata", "petrarch2_unittest.jsonl")
    dicts = shared_path("evaldata", "raw", "petrarch2_unittest")
    from flashpoint.config import Settings
    from flashpoint.eval.runner import evaluate_file

    figures = evaluate_file(gold, "petrarch2", settings=Settings(petrarch_dicts=dicts))
    head = figures["headline"]
    assert head["code_recall"] >= 0.60, head
    assert head["no_event_fp_rate"] < 0.15, head
    # The native coder, plus the suite's dictionaries found beside the file (with one-sided
    # events, kept only where a record's configuration allows them).
    auto = evaluate_file(gold, "petrarch2")["headline"]
    assert auto["petrarch_dicts_code_recall"] >= head["code_recall"]
    assert auto["petrarch_dicts_no_event_fp_rate"] < 0.15, auto


def test_eval_finds_the_suite_dictionaries_beside_the_gold_file(tmp_path):
    """Without ../shared: a tiny petrarch2-style gold file of our own, its dictionaries in raw/."""
    from flashpoint.eval.runner import PETRARCH_SUITE_DICTS, evaluate_file

    write_dicts(tmp_path / PETRARCH_SUITE_DICTS)
    records = [
        {"id": "own-1", "text": "Velmora pledged 40 million euros to Kastor.", "date": "2021-06-01",
         "expected": [{"source": "VLM", "target": "KST", "code": "071"}],
         "meta": {"petrarch_dictionaries": {}, "config": {"require_dyad": "true"}}},
        {"id": "own-2", "text": "The weather was mild in the capital.", "date": "2021-06-01", "expected": [],
         "meta": {"petrarch_dictionaries": {}, "gold_no_events": True, "config": {"require_dyad": "true"}}},
    ]
    gold = tmp_path / "petrarch2_unittest.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    head = evaluate_file(gold)["headline"]
    assert head["petrarch_dicts_code_recall"] == 1.0
    assert head["petrarch_dicts_no_event_fp_rate"] == 0.0
    assert "code_recall" in head  # the native coder's figures stay the headline
