"""``flashpoint ontology``: show, list, plover, contexts (text and JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli import main


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["ontology", *args])
    return result.exit_code, result.output


PATTERNS = """
verbs:
  - id: accuse-basic
    code: "112"
  - group:
      - {id: accuse-war, code: "1124"}
      - {id: accuse-spy, code: "1125"}
  - id: not-a-pattern
other:
  nested: {id: denounce, code: "111"}
"""


@pytest.fixture
def patterns_file(tmp_path: Path) -> Path:
    path = tmp_path / "patterns.yaml"
    path.write_text(PATTERNS, encoding="utf-8")
    return path


def test_show_text(patterns_file):
    code, out = run("show", "112", "--patterns", str(patterns_file))
    assert code == 0
    assert "112  Accuse" in out
    assert "11 DISAPPROVE > 112 Accuse" in out
    assert "1124 Accuse of war crimes" in out
    assert "goldstein:  -2.0" in out and "quadclass:  3 (verbal conflict)" in out
    assert "ACCUSE / disapprove" in out
    assert "patterns:   1 (accuse-basic)" in out
    assert "2 more under its 5 descendant codes" in out


def test_show_root_counts_descendant_patterns(patterns_file):
    code, out = run("show", "11", "--patterns", str(patterns_file))
    assert code == 0 and "patterns:   0" in out and "4 more under its" in out


def test_show_json(patterns_file):
    code, out = run("show", "1124", "--json", "--patterns", str(patterns_file))
    data = json.loads(out)
    assert code == 0
    assert data["path"] == ["11", "112", "1124"] and data["children"] == []
    assert data["plover"] == {"type": "ACCUSE", "mode": "allege", "source": "crosswalk"}
    assert data["patterns"]["ids"] == ["accuse-war"]


def test_show_without_patterns_file(tmp_path):
    code, out = run("show", "042", "--patterns", str(tmp_path / "absent.yaml"))
    assert code == 0 and "no patterns file" in out and "CONSULT / visit" in out


def test_show_with_broken_patterns_file(tmp_path):
    bad = tmp_path / "patterns.yaml"
    bad.write_text("verbs: [\n  - {id: ", encoding="utf-8")
    code, out = run("show", "112", "--patterns", str(bad))
    assert code == 0 and "patterns:   unavailable" in out


def test_show_code_without_plover():
    code, out = run("show", "010", "--patterns", "/nonexistent/patterns.yaml")
    assert code == 0 and "plover:     none" in out


@pytest.mark.parametrize("bad", ["9999", "abc", "", "1" * 10_000, "'; rm -rf /"])
def test_show_unknown_code_is_a_usage_error(bad):
    code, out = run("show", bad)
    assert code == 2
    assert "unknown CAMEO code" in out and "Traceback" not in out


def test_list_all_and_root():
    code, out = run("list")
    assert code == 0 and len(out.strip().splitlines()) == 312
    code, out = run("list", "--root", "11", "--json")
    data = json.loads(out)
    assert code == 0 and data[0]["code"] == "11" and all(d["code"].startswith("11") for d in data)
    assert {d["plover_type"] for d in data} <= {"ACCUSE", "SANCTION"}


def test_list_root_accepts_one_digit_and_rejects_non_roots():
    assert run("list", "--root", "2")[0] == 0
    code, out = run("list", "--root", "112")
    assert code == 2 and "two-digit root" in out
    assert run("list", "--root", "77")[0] == 2


def test_plover():
    code, out = run("plover")
    assert code == 0 and out.startswith("AGREE") and "- visit:" in out
    data = json.loads(run("plover", "--json")[1])
    assert len(data) == 16
    assert next(d for d in data if d["type"] == "ASSAULT")["cameo_roots"] == ["18", "19", "20"]


def test_contexts():
    code, out = run("contexts")
    assert code == 0 and "migration" in out
    code, out = run("contexts", "--json", "A hybrid attack using irregular migration.")
    assert code == 0 and json.loads(out)["tags"] == ["military", "migration"]


def test_packaged_patterns_file_is_read_when_present():
    code, out = run("show", "112")
    assert code == 0 and "patterns:" in out


def test_show_lists_the_codes_triggers_from_the_packaged_folder():
    code, out = run("show", "040")
    assert code == 0 and "triggers:" in out
    assert "light verbs:" in out and "hold|" in out and "meet" in out


def test_show_json_triggers_by_form(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "04.yaml").write_text(
        'verbs:\n  - {id: hold-talks, lemmas: [hold], object: [talk], code: "040", target: [prep:with]}\n'
        '  - {id: call-off, lemmas: [call], particle: "off", code: "040"}\n'
        'nouns:\n  - {id: n-talks, lemmas: [talk], governor: [hold], code: "040"}\n', encoding="utf-8")
    code, out = run("show", "040", "--json", "--patterns", str(folder))
    data = json.loads(out)
    assert code == 0 and data["patterns"]["ids"] == ["hold-talks", "call-off", "n-talks"]
    assert data["triggers"] == {"verb": [], "phrasal": ["call off"], "light": ["hold + talk"], "noun": ["hold ... talk"]}


def test_show_reports_an_invalid_folder_without_failing(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "04.yaml").write_text('verbs:\n  - {id: x, lemmas: [x], code: "190"}\n', encoding="utf-8")
    code, out = run("show", "190", "--patterns", str(folder))
    assert code == 0 and "patterns:   1 (x)" in out and "triggers:   unavailable" in out and "not under root 04" in out
