"""``flashpoint code --jsonl`` and ``flashpoint eval`` code the same events and score them alike.

Users meet the CLI; the accuracy figures come from ``flashpoint eval``. Both
must code a record the same way (one input path, the same settings when the
same options are given), and ``flashpoint eval --coded`` must score the CLI's
output exactly as ``flashpoint eval`` scores its own run.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from flashpoint.cli import main
from flashpoint.config import Settings
from flashpoint.eval.gold import read_gold
from flashpoint.eval.runner import code_records

pytestmark = pytest.mark.slow

# Own sentences, written for this test: several sentences on one line, a dateline,
# a one-sided protest, an organisation, a negation, a hypothetical, a control.
RECORDS = [
    {"id": "A1", "text": "Kenya expelled two Ugandan diplomats on Monday. Uganda condemned the decision. "
                         "Nairobi said the envoys had been spying.",
     "expected": [{"source": "KEN", "code": "1246", "target": "UGA"}, {"source": "UGA", "code": "111", "target": "KEN"}]},
    {"id": "A2", "text": "ABUJA, March 3 (Reuters) - West African leaders threatened sanctions against Guinea's junta.",
     "expected": [{"source": "ECOWAS", "code": "13x", "target": "GIN"}]},
    {"id": "A3", "text": "Thousands of teachers marched through Santiago demanding higher pay.",
     "expected": [{"source": "CHL", "code": "14", "target": None}]},
    {"id": "A4", "text": "Peru did not recognise the new government of Bolivia. Lima may recall its ambassador.",
     "expected": []},
    {"id": "A5", "text": "The weather in Oslo stayed mild all week, and the markets were quiet.", "expected": []},
    {"id": "A6", "text": "Arnor's army attacked the Gondorian border posts at dawn, and Gondor vowed to retaliate.",
     "expected": []},
]


def _gold_file(tmp_path):
    path = tmp_path / "own_cli.jsonl"
    path.write_text("".join(json.dumps({**r, "category": "cli"}) + "\n" for r in RECORDS), encoding="utf-8")
    return path


def _cli(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return result.stdout


def _keyed(dicts):
    return sorted(json.dumps(d, sort_keys=True) for d in dicts)


@pytest.mark.parametrize("options", [[], ["--open-actors"], ["--no-backoff"], ["--dyads-only", "--no-statements"]])
def test_the_cli_codes_what_eval_codes(tmp_path, options):
    gold = _gold_file(tmp_path)
    cli = [json.loads(line) for line in _cli(["code", "--jsonl", str(gold), "--format", "jsonl", *options]).splitlines()]
    settings = replace(Settings(), open_actors="--open-actors" in options, backoff="--no-backoff" not in options,
                       dyads_only="--dyads-only" in options, statements="--no-statements" not in options)
    coded = code_records(read_gold(gold, None), settings)
    assert all(c.error is None for c in coded)
    assert _keyed(cli) == _keyed(e.to_dict() for c in coded for e in c.events)
    assert cli, "the sentences code events at all"


def test_open_actors_is_what_changes_the_fictional_sentence(tmp_path):
    gold = _gold_file(tmp_path)
    plain = {json.loads(line)["doc_id"] for line in _cli(["code", "--jsonl", str(gold), "--format", "jsonl"]).splitlines()}
    opened = {json.loads(line)["doc_id"] for line in
              _cli(["code", "--jsonl", str(gold), "--format", "jsonl", "--open-actors"]).splitlines()}
    assert "A6" in opened - plain


def test_eval_scores_the_cli_output_as_its_own_run(tmp_path):
    gold = _gold_file(tmp_path)
    events = tmp_path / "events.jsonl"
    events.write_text(_cli(["code", "--jsonl", str(gold), "--format", "jsonl"]), encoding="utf-8")
    own = json.loads(_cli(["eval", str(gold), "--set", "probes", "--json"]))
    given = json.loads(_cli(["eval", str(gold), "--set", "probes", "--json", "--coded", str(events)]))
    assert given["headline"] == own["headline"]
    assert given["by_kind"] == own["by_kind"]


def test_coded_events_of_another_file_are_refused(tmp_path):
    gold = _gold_file(tmp_path)
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "Z9", "text": "Kenya expelled two Ugandan diplomats."}) + "\n", encoding="utf-8")
    events = tmp_path / "events.jsonl"
    events.write_text(_cli(["code", "--jsonl", str(other), "--format", "jsonl"]), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), "--set", "probes", "--coded", str(events)])
    assert result.exit_code != 0 and "doc_id" in result.output and "Traceback" not in result.output
