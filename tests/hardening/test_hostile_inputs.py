"""Inputs that lost text or flooded the failures table (issue 14, item 8)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flashpoint.ingest import FileSource, is_public
from flashpoint.ingest.html import extract_page, html_to_text
from flashpoint.ingest.records import MAX_UNREADABLE_RUN, csv_items
from flashpoint.store.base import Failure
from flashpoint.types import Article


def test_html_nested_deeper_than_255_levels_keeps_its_text() -> None:
    deep = "<div>" * 400 + "<p>The envoys met at the border on Friday.</p>" + "</div>" * 400
    assert html_to_text(deep) == "The envoys met at the border on Friday."
    assert "envoys met" in extract_page(f"<html><body>{deep}</body></html>").text


def test_html_with_a_text_node_over_10_mb_keeps_its_text() -> None:
    page = "<html><body><p>" + "word " * 2_200_000 + "</p></body></html>"
    assert len(extract_page(page).text) > 10_000_000


def test_html_with_no_text_says_why() -> None:
    with pytest.raises(Exception, match="no text found in the page .*characters of markup"):
        extract_page("<html><head><script>var a = 1;</script></head><body><div></div></body></html>")


def test_random_bytes_named_jsonl_give_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "noise.jsonl"
    path.write_bytes(os.urandom(1_000_000))
    items = list(FileSource([path]))
    assert len(items) == 1 and isinstance(items[0], Failure) and "binary" in items[0].reason


def test_a_jsonl_file_stops_after_a_run_of_unreadable_lines(tmp_path: Path) -> None:
    path = tmp_path / "text.jsonl"
    path.write_text('{"text": "The envoys met."}\n' + "not json at all\n" * 50_000)
    items = list(FileSource([path]))
    assert sum(isinstance(i, Article) for i in items) == 1
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(failures) == MAX_UNREADABLE_RUN + 1 and "stopped after 100 unreadable lines" in failures[-1].reason


def test_csv_unterminated_quote_names_the_culprit_line_and_keeps_the_next_row() -> None:
    data = (b'id,text,date\n1,"The envoys met.",2021-01-01\n2,"unterminated,2021-01-02\n'
            b'3,"The ministers met.",2021-01-03\n4,"A multi-line\nfield, with commas",2021-01-04\n')
    items = list(csv_items(data, "f.csv", 10_000))
    assert [i.id for i in items if isinstance(i, Article)] == ["1", "3", "4"]
    (failure,) = [i for i in items if isinstance(i, Failure)]
    assert failure.key == "f.csv:3" and "unterminated quote" in failure.reason


@pytest.mark.parametrize("address", ["fec0::1", "fec0:1234::5", "feff:ffff::1"])
def test_site_local_ipv6_is_not_public(address: str) -> None:
    assert not is_public(address)


def _eval(path: Path):
    from click.testing import CliRunner

    from flashpoint.cli import main

    return CliRunner().invoke(main, ["eval", str(path), "--set", "cameo_manual"], catch_exceptions=False)


@pytest.mark.parametrize("content, message", [
    (b"", "holds no gold records"),
    (b"\n  \n", "holds no gold records"),
    (b'{"id": "a", "text": "x", "expected": []}\n' + b"[" * 100_000 + b"]" * 100_000 + b"\n",
     "g.jsonl line 2 is JSON nested too deeply"),
    (b'{"id": "a", "text": "x", "expected": []}\n{"id": "b", "text": "caf\xe9"}\n', "g.jsonl line 2 is not UTF-8"),
])
def test_eval_bad_gold_files_are_one_line_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "g.jsonl"
    path.write_bytes(content)
    res = _eval(path)
    assert res.exit_code != 0 and message in res.stderr
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("error: ") and "Traceback" not in res.stderr


def test_actors_validate_reports_every_schema_error_with_its_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from flashpoint.cli import main

    path = tmp_path / "mine.yaml"
    path.write_text("- id: org:ONE\n  name: One\n- id: org:TWO\n  name: Two\n  org: TWO\n  sector: GOV\n"
                    "  code: TWOGOV\n- id: agent:X\n  name: Agent\n")
    res = CliRunner().invoke(main, ["actors", "validate", str(path)], catch_exceptions=False)
    errors = [line for line in res.output.splitlines() if line.startswith("error:")]
    assert res.exit_code == 1 and len(errors) == 2
    assert f"{path}:1: org:ONE" in errors[0] and f"{path}:8: agent:X" in errors[1]
