"""The ``flashpoint actors`` commands through click's test runner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from flashpoint.cli import main

from .conftest import PEOPLE_FIXTURE


@pytest.fixture()
def run(monkeypatch):
    monkeypatch.delenv("FLASHPOINT_ACTORS", raising=False)
    runner = CliRunner()
    return lambda *args: runner.invoke(main, ["actors", *args])


def test_lookup_text(run):
    result = run("lookup", "the Kremlin", "--date", "2021-11-12")
    assert result.exit_code == 0, result.output
    assert "Government (Russia)" in result.output
    assert "code: RUSGOV" in result.output
    assert "why: metonym 'Kremlin' -> RUS GOV" in result.output


def test_lookup_json_compound(run):
    result = run("lookup", "Mali and Burkina Faso", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [d["actor"]["country"] for d in data] == ["MLI", "BFA"]
    assert data[0]["entry_ids"] == ["country:MLI"]


def test_lookup_with_user_file_and_context(run):
    result = run("lookup", "Boris Johnson", "--date", "2020-01-01", "--actors", str(PEOPLE_FIXTURE), "--json")
    assert json.loads(result.output)[0]["actor"]["code"] == "GBRGOV"
    result = run("lookup", "riot police", "--context-country", "BLR", "--json")
    assert json.loads(result.output)[0]["actor"]["code"] == "BLRPOL"


def test_lookup_env_files(run, monkeypatch):
    monkeypatch.setenv("FLASHPOINT_ACTORS", str(PEOPLE_FIXTURE))
    result = run("lookup", "Shoigu", "--date", "2021-11-12", "--json")
    assert json.loads(result.output)[0]["actor"]["code"] == "RUSMIL"


def test_lookup_nothing_and_bad_input(run, tmp_path):
    assert "no actor" in run("lookup", "the weather").output
    bad = run("lookup", "Poland", "--date", "someday")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("- {id: 'agent:x'}\n")
    result = run("lookup", "Poland", "--actors", str(broken))
    assert result.exit_code == 2
    assert "broken.yaml:1" in result.output and "Traceback" not in result.output


def test_validate_ok(run, tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("- {id: 'org:ACME', name: Acme, org: ACME, sector: REB, code: ZZZREBACM, aliases: [Acme Front]}\n"
                    "- {id: 'country:POL', name: Poland, iso3: POL, aliases: [Polska], adjectives: [Polish]}\n")
    result = run("validate", str(path))
    assert result.exit_code == 0, result.output
    assert "ok:" in result.output and "2 entries, 1 overriding" in result.output


def test_validate_reports_errors_and_collisions(run, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: 'agent:x', name: x, sector: NOPE, aliases: [x]}\n")
    result = run("validate", str(bad))
    assert result.exit_code == 1 and "error:" in result.output and "bad.yaml:1" in result.output
    clash = tmp_path / "clash.yaml"
    clash.write_text("- {id: 'agent:jordanians', name: people called Jordan, sector: CVL, aliases: [Jordan]}\n")
    result = run("validate", str(clash), "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["ok"] is False and "country:JOR" in report["collisions"][0]
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    assert run("validate", str(empty)).exit_code == 1
    assert run("validate", str(tmp_path / "missing.yaml")).exit_code == 1


def test_list(run):
    result = run("list", "--kind", "org")
    assert result.exit_code == 0
    assert "org:NATO\torg\tNATO\t\tNATO\tIGO\tIGOWSTNAT" in result.output.splitlines()
    result = run("list", "--country", "blr", "--kind", "country")
    assert result.output.splitlines() == ["country:BLR\tcountry\tBelarus\tBLR\t\t\tBLR"]
    people = run("list", "--country", "BLR", "--kind", "person", "--actors", str(PEOPLE_FIXTURE))
    assert "person:alexander-lukashenko" in people.output


def test_probe_reports_misses(run, tmp_path):
    path = tmp_path / "probes.jsonl"
    rows = [
        {"id": "a", "kind": "ellipsis", "date": "2025-05-08", "text": "The North fired a missile.", "mention": "The North",
         "expect": "PRK", "context": "KOR"},
        {"id": "b", "kind": "metonym", "text": "Brussels fined the company.", "mention": "Brussels", "expect": "BELGOV"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = run("probe", str(path))
    assert result.exit_code == 0, result.output
    assert "2 probes: mention level 50.0%" in result.output
    assert "miss b: 'Brussels' expected BELGOV, got IGOEUREEC" in result.output
    report = json.loads(run("probe", str(path), "--json").output)
    assert report["by_kind"] == {"ellipsis": "1/1", "metonym": "0/1"}


def test_probe_bad_file_is_a_usage_error(run, tmp_path):
    path = tmp_path / "probes.jsonl"
    path.write_text(json.dumps({"id": "a", "kind": "k", "text": "x", "mention": "y", "expect": "Z"}) + "\n", encoding="utf-8")
    result = run("probe", str(path))
    assert result.exit_code == 2 and "not in the text" in result.output
