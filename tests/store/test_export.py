"""Exports: GDELT rows have 61 columns, every format round-trips what we store.

The format-by-format tests with independent readers are in tests/exports/.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from flashpoint.errors import StoreError, UsageError
from flashpoint.store import open_store
from flashpoint.store.export import FLAT_COLUMNS, GDELT_COLUMNS, export

from .conftest import make_article, make_event


@pytest.fixture
def events():
    s = open_store("memory:")
    s.add_article(make_article("a1", url="https://example.com/a"), [
        make_event("e1", "a1", country="BLR", sentence="Tabs\there and\nnewlines"),
        make_event("e2", "a1", source="NATO", target=None, cameo="1121", quad=3, goldstein=-2.0,
                   plover=None, date=None, trigger="blamed", sentence='He said "no" — ünïcödé'),
    ])
    s.add_article(make_article("a2", outlet="Other"), [make_event("e3", "a2", date="2021-11-13", country="BLR")])
    return list(s.events())


def test_gdelt_rows_have_61_columns(events):
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[0] == "GlobalEventID" and GDELT_COLUMNS[-1] == "SOURCEURL"
    assert GDELT_COLUMNS[34] == "AvgTone" and GDELT_COLUMNS[51] == "ActionGeo_Type"
    buf = io.StringIO()
    assert export(events, "gdelt", buf).written == 2
    lines = buf.getvalue().splitlines()
    assert len(lines) == 2
    rows = [line.split("\t") for line in lines]
    assert all(len(r) == 61 for r in rows)
    row = next(dict(zip(GDELT_COLUMNS, r)) for r in rows if r[5] == "RUS")
    assert row["Day"] == "20211112" and row["MonthYear"] == "202111" and row["Year"] == "2021"
    assert row["Actor1Code"] == "RUS" and row["Actor2CountryCode"] == "BLR"
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("042", "042", "04")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("2", "2", "2")
    assert row["ActionGeo_CountryCode"] == "BO"  # FIPS for Belarus
    assert row["ActionGeo_Type"] == "1"
    assert row["SOURCEURL"] == "https://example.com/a"
    assert len(row["DATEADDED"]) == 14


def test_csv_and_jsonl(events, tmp_path):
    path = tmp_path / "out.csv"
    assert export(events, "csv", path).written == 2
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(FLAT_COLUMNS)
    assert {r["evidence"] for r in rows} >= {"Tabs\there and\nnewlines"}
    buf = io.StringIO()
    export(events, "jsonl", buf)
    back = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert back == events


def test_plover(events):
    buf = io.StringIO()
    export(events, "plover", buf)
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    first = next(r for r in records if r["actor"]["code"] == "RUS")
    assert first["event"] == "CONSULT" and first["recipient"]["country"] == "BLR"
    assert first["event_loc"]["cc3"] == "BLR"
    assert len(first["citations"]) == 2
    assert not any(r["actor"]["identifier_id"] == "NATO" for r in records)  # no PLOVER category: left out


def test_parquet(events, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "out.parquet"
    assert export(events, "parquet", path).written == 2
    table = pq.read_table(path)
    assert table.num_rows == 2 and table.column_names == list(FLAT_COLUMNS)
    assert export([], "parquet", tmp_path / "empty.parquet").written == 0
    assert pq.read_table(tmp_path / "empty.parquet").num_rows == 0
    with pytest.raises(UsageError, match="binary"):
        export(events, "parquet", io.StringIO())


def test_bad_format_and_unwritable_path(events, tmp_path):
    with pytest.raises(UsageError, match="gdelt"):
        export(events, "xml", io.StringIO())
    with pytest.raises(StoreError, match="cannot write"):
        export(events, "csv", tmp_path / "missing" / "x.csv")


def test_sparse_and_hostile_records_still_have_61_columns():
    weird = [{}, {"id": "zz", "date": "not a date", "cameo": None}, {"id": "ab\tcd", "mentions": [{"url": "x\ny"}]}]
    buf = io.StringIO()
    assert export(weird, "gdelt", buf).written == 3
    assert all(len(line.split("\t")) == 61 for line in buf.getvalue().splitlines())
    assert export(weird, "csv", io.StringIO()).written == 3
