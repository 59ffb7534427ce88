"""``flashpoint code``: inputs, formats, exit codes and bad input (never a traceback)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from flashpoint.cli import main

pytestmark = pytest.mark.slow

TEXT = "Russia has sent paratroopers to Belarus. The European Union accused Belarus of a hybrid attack."


def run(args, input=None):
    result = CliRunner().invoke(main, args, input=input)
    assert "Traceback" not in (result.output or ""), result.output
    return result


def events_of(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_file_to_jsonl(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT)
    r = run(["code", str(f), "--date", "2021-11-12", "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    evs = events_of(r.stdout)
    assert {(e["source"]["org"] or e["source"]["country"], e["cameo_root"]) for e in evs} >= {("RUS", "06")}
    assert all(e["doc_id"] == "a" for e in evs)


def test_stdin_and_table():
    r = run(["code", "-", "--format", "table"], input=TEXT)
    assert r.exit_code == 0
    assert "RUS" in r.stdout and "evidence" in r.stdout


def test_jsonl_records_with_a_bad_line(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(
        json.dumps({"id": "ok1", "text": TEXT, "date": "2021-11-12"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "nodate", "text": "x", "date": "2021-13-45"}) + "\n"
        + json.dumps({"id": "notext"}) + "\n"
        + json.dumps({"id": "ok2", "text": TEXT}) + "\n"
    )
    r = run(["code", "--jsonl", str(f), "--format", "jsonl"])
    assert r.exit_code == 1
    ids = {e["doc_id"] for e in events_of(r.stdout)}
    assert ids == {"ok1", "ok2"}
    assert "in.jsonl:2" in r.stderr and "in.jsonl:3" in r.stderr and "in.jsonl:4" in r.stderr


@pytest.mark.parametrize("content", [b"", b"   \n\t  ", "Nothing happened today at all.".encode()])
def test_empty_and_eventless_input(tmp_path, content):
    f = tmp_path / "e.txt"
    f.write_bytes(content)
    r = run(["code", str(f), "--format", "jsonl"])
    assert r.exit_code == 0 and r.stdout.strip() == ""


def test_binary_and_invalid_utf8(tmp_path):
    b = tmp_path / "b.bin"
    b.write_bytes(bytes(range(256)) * 40)
    u = tmp_path / "u.txt"
    u.write_bytes(b"Russia \xff\xfe sent troops to Belarus.")
    r = run(["code", str(b), str(u), "--format", "jsonl"])
    assert r.exit_code == 1
    assert "binary" in r.stderr
    assert all(e["doc_id"] == "u" for e in events_of(r.stdout))


def test_huge_document(tmp_path):
    """A 5 MB document is parsed in chunks, and offsets still point into the whole text.
    Most of it is long filler words, so the test stays quick while the size is real."""
    f = tmp_path / "big.txt"
    head = "Russia has sent paratroopers to Belarus.\n\n"
    filler = ("a" * 99 + " ") * 20 + "\n\n"
    tail = "Poland condemned Belarus on Monday.\n"
    text = head + filler * (5_000_000 // len(filler)) + tail
    f.write_text(text)
    r = run(["code", str(f), "--format", "jsonl"])
    assert r.exit_code == 0
    evs = events_of(r.stdout)
    assert {e["cameo_root"] for e in evs} >= {"06", "11"}
    last = max(evs, key=lambda e: e["evidence"]["start"])
    assert last["evidence"]["start"] > 4_900_000
    assert text[last["evidence"]["start"]:last["evidence"]["end"]] == last["evidence"]["sentence"]


@pytest.mark.parametrize("args", [["code", "-", "--date", "yesterday"], ["code", "-", "--date", "2021-02-30"], ["code"], ["code", "/nonexistent/file.txt"]])
def test_usage_errors(args):
    r = run(args, input=TEXT)
    assert r.exit_code in (1, 2)
    assert r.stderr.startswith("error:")


def test_offsets_point_at_the_sentence(tmp_path):
    f = tmp_path / "a.txt"
    text = "Headline here\n\n" + TEXT
    f.write_text(text)
    r = run(["code", str(f), "--format", "jsonl"])
    for e in events_of(r.stdout):
        assert text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["sentence"]
