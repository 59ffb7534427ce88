"""Gold-file adapter: valid, empty, malformed, huge and hostile input."""

from __future__ import annotations

import json

import pytest

from flashpoint.errors import InputError, UsageError
from flashpoint.eval.gold import MAX_LINE, detect_set, iter_gold, parse_record, read_gold


def _write(tmp_path, lines, name="mine.jsonl"):
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _rec(rid="r1", **over):
    base = {"id": rid, "text": "The council of Valdoria praised the mayor.", "date": "2020-01-02",
            "expected": [{"source": "VAL", "target": None, "code": "051", "source_text": "Valdoria"}],
            "meta": {"label_scheme": "CAMEO event code only", "note": [1, {"a": 2}]}}
    base.update(over)
    return json.dumps(base)


def test_reads_records_into_frozen_gold(tmp_path):
    recs = read_gold(_write(tmp_path, [_rec("a"), "", _rec("b", expected=[])]))
    assert [r.id for r in recs] == ["a", "b"]
    first = recs[0]
    assert first.expected[0].code == "051" and first.expected[0].get("source_text") == "Valdoria"
    assert first.meta_get("note") == (1, (("a", 2),))
    assert first.as_input() == {"id": "a", "text": first.text, "date": "2020-01-02"}
    hash(first)  # frozen all the way down
    assert recs[1].expected == ()


def test_limit_and_empty_file(tmp_path):
    path = _write(tmp_path, [_rec(str(k)) for k in range(5)])
    assert len(read_gold(path, 2)) == 2
    assert read_gold(path, 0) == []
    with pytest.raises(InputError, match="holds no gold records"):  # an error, not 0% (issue 14)
        read_gold(_write(tmp_path, [], "empty.jsonl"))
    with pytest.raises(UsageError):
        read_gold(path, -1)


@pytest.mark.parametrize("line, message", [
    ("{not json", "not JSON"),
    ("[1, 2]", "JSON object"),
    (json.dumps({"text": "no id"}), "'id'"),
    (json.dumps({"id": "x", "text": 5}), "'text'"),
    (json.dumps({"id": "x", "text": "t", "expected": "064"}), "'expected'"),
    (json.dumps({"id": "x", "text": "t", "expected": ["064"]}), r"expected\[0\]"),
    (json.dumps({"id": "x", "text": "t", "expected": [{"code": {"a": 1}}]}), "code"),
    (json.dumps({"id": "x", "text": "t", "meta": []}), "'meta'"),
    (json.dumps({"id": True, "text": "t"}), "'id'"),
])
def test_malformed_lines_say_where(tmp_path, line, message):
    with pytest.raises(InputError, match=message) as info:
        read_gold(_write(tmp_path, [_rec("ok"), line]))
    assert "line 2" in str(info.value)


def test_duplicate_ids_refused(tmp_path):
    with pytest.raises(InputError, match="duplicate id"):
        read_gold(_write(tmp_path, [_rec("same"), _rec("same")]))


def test_huge_line_and_huge_text_refused(tmp_path):
    with pytest.raises(InputError, match="over"):
        read_gold(_write(tmp_path, [_rec(text="word " * (MAX_LINE // 5 + 10))]))
    with pytest.raises(InputError, match="over"):
        parse_record({"id": "x", "text": "y" * 200_000}, "here")


def test_hostile_bytes(tmp_path):
    path = tmp_path / "bin.jsonl"
    path.write_bytes(b"\xff\xfe\x00\x00garbage\n")
    with pytest.raises(InputError, match="UTF-8"):
        read_gold(path)
    odd = read_gold(_write(tmp_path, [_rec(text="nul \u0000 and <script>alert(1)</script> \u202e")], "odd.jsonl"))
    assert "\u0000" in odd[0].text  # kept verbatim: the coder cleans control characters itself


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot open"):
        list(iter_gold(tmp_path / "absent.jsonl"))


@pytest.mark.parametrize("name, scheme, expected", [
    ("cameo_manual_examples.jsonl", "", "cameo_manual"),
    ("india_police_events.jsonl", "", "india_police"),
    ("case2021_task2_head.jsonl", "", "case2021"),
    ("x.jsonl", "IndiaPoliceEvents: KILL", "india_police"),
    ("x.jsonl", "PLOVER event (0.5b1)", "plover_gsr"),
    ("x.jsonl", "CASE 2021 Task 2", "case2021"),
])
def test_detect_set(name, scheme, expected):
    rec = parse_record({"id": "a", "text": "t", "meta": {"label_scheme": scheme}}, "here")
    assert detect_set(name, rec) == expected


def test_detect_set_petrarch_and_unknown():
    rec = parse_record({"id": "a", "text": "t", "meta": {"petrarch_dictionaries": {}}}, "here")
    assert detect_set("x.jsonl", rec) == "petrarch2"
    with pytest.raises(UsageError, match="--set"):
        detect_set("x.jsonl", None)
