"""The store commands: thin wrappers, one-line errors, exit codes from errors.py."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from flashpoint.cli.store import events_command, export_command, series_command, stats_command, summary_command
from flashpoint.store import open_store

from .conftest import make_article, make_event


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    s = open_store(str(path))
    s.add_article(make_article("a1", url="https://example.com/a"), [
        make_event("e1", "a1", date="2021-11-12"),
        make_event("e2", "a1", date="2021-11-20", source="USA", target="RUS", cameo="112", quad=3,
                   goldstein=-2.0, plover="ACCUSE", trigger="accused", sentence="Washington accused Moscow."),
        make_event("e3", "a1", date="2021-11-21", negated=True, trigger="denied", cameo="190", quad=4),
    ])
    s.close()
    return str(path)


def run(cmd, *args, env=None):
    return CliRunner().invoke(cmd, list(args), env=env or {}, catch_exceptions=False)


def test_events_table_json_and_filters(db):
    res = run(events_command, "--db", db)
    assert res.exit_code == 0 and "Washington accused Moscow." in res.output
    res = run(events_command, "--db", db, "--format", "jsonl", "--source", "USA")
    assert [json.loads(line)["event_id"] for line in res.output.splitlines()] == ["e2"]
    res = run(events_command, "--db", db, "--format", "json", "--all")
    assert len(json.loads(res.output)) == 3
    res = run(events_command, "--db", db, "--cameo", "99")
    assert res.stdout.strip() == "no events" and "hint: cameo" in res.stderr


def test_db_from_environment(db):
    res = run(stats_command, env={"FLASHPOINT_DB": db})
    assert res.exit_code == 0 and "events" in res.output and " 3" in res.output


def test_export_gdelt_and_parquet(db, tmp_path):
    res = run(export_command, "--db", db, "--format", "gdelt")
    assert res.exit_code == 0
    assert all(len(line.split("\t")) == 61 for line in res.output.splitlines())
    out = tmp_path / "x.parquet"
    res = run(export_command, "--db", db, "--format", "parquet", "-o", str(out))
    assert res.exit_code == 0 and out.exists()
    res = run(export_command, "--db", db, "--format", "parquet")
    assert res.exit_code == 2 and res.output.startswith("error: parquet is binary")


def test_summary_and_series(db):
    res = run(summary_command, "--db", db)
    assert res.exit_code == 0 and "RUS -> BLR" in res.output
    res = run(series_command, "RUS", "BLR", "--db", db, "--freq", "month", "--format", "csv")
    assert res.output.splitlines() == ["period,count,goldstein", "2021-11,1,1.9"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--since", "yesterday"], 2, "since must be an ISO date"),
        (["--db", "sqlite://bad/x"], 3, "bad SQLite URL"),
    ],
)
def test_errors_are_one_line(db, args, code, message):
    res = run(events_command, *args, env={"FLASHPOINT_DB": db})
    assert res.exit_code == code
    assert res.output.startswith("error: ") and message in res.output
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1


def test_garbage_database_is_exit_3(tmp_path):
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"definitely not sqlite" * 100)
    res = run(stats_command, "--db", str(bad))
    assert res.exit_code == 3 and res.output.startswith("error: ")
