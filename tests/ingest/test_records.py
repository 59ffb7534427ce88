"""JSONL, JSON and CSV records: good records, bad lines, hostile input."""

from __future__ import annotations

import io
import json

import pytest

from flashpoint.ingest.document import Note, normalise_date
from flashpoint.ingest.records import csv_items, json_items, jsonl_items
from flashpoint.store.base import Failure
from flashpoint.types import Article, content_id


def split(items):
    items = list(items)
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, Failure)],
        [i for i in items if isinstance(i, Note)],
    )


def jsonl(text: str | bytes, max_chars: int = 10_000, date: str | None = None):
    data = text.encode() if isinstance(text, str) else text
    return split(jsonl_items(io.BytesIO(data), "in.jsonl", max_chars, date))


def test_jsonl_fields_and_ids():
    arts, fails, _ = jsonl(
        '{"id": "a1", "text": "Ruritania met Freedonia.", "date": "2021-11-12", "title": "T", "outlet": "Wire"}\n'
        '{"text": "No id here.", "url": "https://Example.com/story/?utm_source=x"}\n'
        '{"text": "Text only.", "title": "Head"}\n'
    )
    assert not fails
    assert arts[0] == Article(id="a1", text="Ruritania met Freedonia.", date="2021-11-12", title="T", outlet="Wire")
    assert arts[1].id == content_id("url", "https://example.com/story")
    assert arts[2].id == content_id("text", "Head", "Text only.")


def test_jsonl_bad_lines_carry_line_numbers_and_the_rest_continue():
    arts, fails, _ = jsonl(
        '{"text": "first"}\n'
        "{not json\n"
        "\n"
        '["a list"]\n'
        '{"title": "no text"}\n'
        '{"text": ""}\n'
        '{"text": 42}\n'
        '{"text": "ok", "title": {"nested": 1}}\n'
        '{"text": "last"}\n'
    )
    assert [a.text for a in arts] == ["first", "last"]
    assert [f.key for f in fails] == [f"in.jsonl:{n}" for n in (2, 4, 5, 6, 7, 8)]
    assert all(f.stage == "parse" for f in fails)
    assert "invalid JSON" in fails[0].reason


def test_jsonl_invalid_utf8_is_replaced_and_noted():
    arts, fails, notes = jsonl(b'{"text": "caf\xe9 talks"}\n')
    assert arts[0].text == "caf\ufffd talks"
    assert not fails and "invalid" in notes[0].reason


def test_jsonl_long_text_is_cut_with_a_note():
    arts, _, notes = jsonl(json.dumps({"text": "x" * 500}) + "\n", max_chars=100)
    assert len(arts[0].text) == 100
    assert "cut from 500 to 100" in notes[0].reason


def test_jsonl_overlong_line_is_skipped_not_read_whole():
    big = json.dumps({"text": "y" * 2_000_000})
    arts, fails, _ = jsonl(big + "\n" + '{"text": "after"}\n', max_chars=100)
    assert [a.text for a in arts] == ["after"]
    assert "longer than" in fails[0].reason and fails[0].key == "in.jsonl:1"


def test_jsonl_bad_date_is_dropped_with_a_note_and_default_date_applies():
    arts, _, notes = jsonl('{"text": "a", "date": "last Tuesday"}\n{"text": "b"}\n', date="2020-01-02")
    assert arts[0].date is None and "date dropped" in notes[0].reason
    assert arts[1].date == "2020-01-02"


def test_jsonl_control_characters_are_removed():
    arts, _, _ = jsonl('{"text": "a\\u0000b\\u0007c"}\n')
    assert arts[0].text == "abc"


def test_jsonl_deep_nesting_is_a_failure():
    arts, fails, _ = jsonl("[" * 100_000 + "\n")
    assert not arts and fails


@pytest.mark.parametrize("value,expected", [
    ("2021-11-12", "2021-11-12"), ("2021-11-12T08:00:00Z", "2021-11-12"), (None, None), ("", None),
])
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


def test_json_file_list_and_object():
    arts, fails, _ = split(json_items(b'[{"text": "one"}, {"nope": 1}, {"text": "two"}]', "f.json", 1000))
    assert [a.text for a in arts] == ["one", "two"] and fails[0].key == "f.json#2"
    arts, _, _ = split(json_items(b'{"text": "solo"}', "g.json", 1000))
    assert arts[0].text == "solo"
    _, fails, _ = split(json_items(b"{broken", "h.json", 1000))
    assert "invalid JSON" in fails[0].reason


def test_csv_rows_and_bad_rows():
    data = (
        "id,text,date,title,extra\n"
        "c1,Ruritania met Freedonia.,2021-11-12,Talks,x\n"
        "c2,too,few\n"
        ",,,,\n"
        'c3,"a ""quoted"" text, with comma",,,\n'
    ).encode()
    arts, fails, _ = split(csv_items(data, "f.csv", 1000))
    assert [a.id for a in arts] == ["c1", "c3"]
    assert arts[1].text == 'a "quoted" text, with comma'
    assert fails[0].key == "f.csv:3" and "3 cells for 5 columns" in fails[0].reason


def test_csv_needs_a_text_header():
    _, fails, _ = split(csv_items(b"a,b\n1,2\n", "f.csv", 1000))
    assert "'text' column" in fails[0].reason
    _, fails, _ = split(csv_items(b"", "e.csv", 1000))
    assert "empty" in fails[0].reason


def test_csv_huge_field_is_read_and_cut():
    data = b"text\n" + b"z" * 300_000 + b"\n"
    arts, fails, notes = split(csv_items(data, "big.csv", 1000))
    assert not fails and len(arts[0].text) == 1000 and notes


def test_hostile_ids_and_urls():
    arts, fails, _ = jsonl(
        json.dumps({"id": "x" * 300, "text": "a"}) + "\n"
        + json.dumps({"id": "  ", "text": "b", "url": "https://x.example/\u0000a"}) + "\n"
        + json.dumps({"id": True, "text": "c"}) + "\n"
    )
    assert "longer than 256" in fails[0].reason and "must be a string" in fails[1].reason
    assert arts[0].url == "https://x.example/a" and arts[0].id == content_id("url", "https://x.example/a")
