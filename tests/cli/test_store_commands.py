"""Read commands: headers, modality, word-boundary clipping, --json, failures,
no database created by a reader, hints for filters that name nothing known,
one error prefix for click's own usage errors too."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from click.testing import CliRunner

from flashpoint.cli import main
from flashpoint.cli.common import clip_words
from flashpoint.store import Failure, open_store
from flashpoint.store.merged_schema import merged_event_schema

from ..exports.conftest import corpus_events


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    store = open_store(str(path))
    for article, events in corpus_events():
        store.add_article(article, events)
    store.add_failure(Failure("https://example.org/gone", "fetch", "HTTP 404 from https://example.org/gone"))
    store.close()
    return str(path)


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env or {}, catch_exceptions=False)


def test_events_table_has_a_header_and_modality(db):
    res = run("events", "--db", db)
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert lines[0].split() == ["date", "source", "code", "target", "modality", "srcs", "evidence"]
    assert any("reported" in line for line in lines[1:]) and any("future" in line for line in lines[1:])


def test_names_are_cut_at_word_boundaries():
    assert clip_words("Ministry of Foreign Affairs (Belarus)", 22) == "Ministry of Foreign…"
    assert clip_words("short", 22) == "short"
    assert clip_words("Supercalifragilisticexpialidocious", 10) == "Supercali…"
    assert clip_words("  many   spaces\nand lines ", 40) == "many spaces and lines"


def test_json_output_validates_against_the_merged_schema(db):
    validator = jsonschema.Draft202012Validator(merged_event_schema())
    for args in (["--json"], ["--format", "jsonl"]):
        res = run("events", "--db", db, "--all", *args)
        text = res.stdout
        records = json.loads(text) if args == ["--json"] else [json.loads(x) for x in text.splitlines()]
        assert len(records) == 6
        for record in records:
            assert [e.message for e in validator.iter_errors(record)] == []


def test_json_on_every_read_command(db):
    stats = json.loads(run("stats", "--db", db, "--json").stdout)
    assert stats["events"] == 6 and stats["failures"] == 1
    summary = json.loads(run("summary", "--db", db, "--json").stdout)
    assert summary["counts"]["articles"] == 3 and summary["dyads"] and summary["examples"]
    series = json.loads(run("series", "RSF", "SDN", "--db", db, "--json", "--freq", "year").stdout)
    assert series == [{"period": "2023", "count": 1, "goldstein": -10.0}]
    failures = json.loads(run("failures", "--db", db, "--json").stdout)
    assert failures[0]["key"] == "https://example.org/gone" and failures[0]["stage"] == "fetch"


def test_failures_command(db):
    res = run("failures", "--db", db)
    assert res.exit_code == 0
    assert res.stdout.splitlines()[0].split()[:3] == ["stage", "tries", "last"]
    assert "HTTP 404" in res.stdout
    assert run("failures", "--db", db, "--stage", "parse").stdout.strip() == "no failures at stage parse"


def test_readers_never_create_a_database(tmp_path):
    missing = tmp_path / "demo.db"
    for command in (["events"], ["stats"], ["summary"], ["series", "RUS", "UKR"], ["failures"],
                    ["export", "--format", "csv"]):
        res = run(*command, "--db", str(missing))
        assert res.exit_code == 2, command
        assert res.stderr.startswith("error: no database at") and len(res.stderr.splitlines()) == 1
        assert not missing.exists()


@pytest.mark.parametrize(("args", "hint"), [
    (["events", "--actor", "nato"], "did you mean NATO"),
    (["events", "--plover", "accuse"], "did you mean ACCUSE"),
    (["events", "--cameo", "999"], "CAMEO codes are 2-4 digits"),
    (["series", "rsf", "sdn"], "did you mean RSF"),
    (["export", "--format", "csv", "--source", "nato"], "did you mean NATO"),
])
def test_filters_that_name_nothing_known_get_a_hint(db, args, hint):
    res = run(*args, "--db", db)
    assert res.exit_code == 0
    assert hint in res.stderr and res.stderr.startswith("hint: ")


def test_a_known_value_gets_no_hint(db):
    res = run("events", "--db", db, "--actor", "NATO")
    assert res.exit_code == 0 and "hint" not in res.stderr


def test_series_refuses_source_and_target_options(db):
    res = run("series", "RUS", "UKR", "--source", "USA", "--db", db)
    assert res.exit_code == 2 and res.stderr.startswith("error: series takes the dyad")


def test_click_usage_errors_have_the_same_prefix():
    proc = subprocess.run([sys.executable, "-m", "flashpoint", "events", "--bogus"], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: No such option '--bogus'") and "Usage:" not in proc.stderr


def test_bare_command_shows_help_not_an_error():
    proc = subprocess.run([sys.executable, "-m", "flashpoint"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("Usage:") and proc.stderr == ""
