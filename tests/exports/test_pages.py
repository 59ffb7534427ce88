"""A store's raw pages (``event_pages``) and ``export_store``: the fast path
``flashpoint export`` takes gives what the dict path gives, byte for byte
(Parquet: the same typed table), on every back end."""

from __future__ import annotations

import dataclasses
import io
import re

import pyarrow.parquet as pq
import pytest

from flashpoint.errors import StoreError
from flashpoint.store import open_store
from flashpoint.store.base import EventFilter
from flashpoint.store.exports import export, export_store
from flashpoint.store.pages import EventPages, page_events

from ..store.conftest import BACKENDS, fresh_url
from .conftest import corpus_events

DB_BACKENDS = [b for b in BACKENDS if b != "memory"]
FILTERS = [EventFilter(), EventFilter(cameo="1"), EventFilter(limit=3), EventFilter(include_uncounted=True, since="2021-11-13")]


def _fill(url: str):
    store = open_store(url)
    for article, events in corpus_events():
        store.add_article(article, events)
    # an undated event: it must come first in both orders (COALESCE(date, '') in events())
    article, events = corpus_events()[0]
    undated = dataclasses.replace(events[0], event_id="e00000000000000d", date=None, cameo="112",
                                  evidence=dataclasses.replace(events[0].evidence, start=50, end=95))
    store.add_article(dataclasses.replace(article, id="a4", text="text four", date=None, url="https://example.com/a4"),
                      [dataclasses.replace(undated, doc_id="a4")])
    return store


@pytest.mark.parametrize("kind", DB_BACKENDS)
@pytest.mark.parametrize("flt", FILTERS)
def test_pages_hold_the_events_of_events_in_its_order(kind, flt, tmp_path):
    with fresh_url(kind, tmp_path) as url:
        store = _fill(url)
        try:
            expected = list(store.events(flt))
            pages = list(store.event_pages(flt, size=2))
            assert all(0 < len(p) <= 2 for p in pages)
            assert [e for p in pages for e in page_events(p)] == expected
            assert list(EventPages(store.event_pages(flt)).events()) == expected
            if flt == EventFilter():
                assert expected[0]["date"] is None  # NULL dates first, as events() orders them
        finally:
            store.close()


@pytest.mark.parametrize("kind", BACKENDS)
@pytest.mark.parametrize("fmt", ["csv", "gdelt", "plover", "jsonl"])
def test_export_store_writes_what_export_writes(kind, fmt, tmp_path):
    with fresh_url(kind, tmp_path) as url:
        store = _fill(url)
        try:
            for flt in FILTERS:
                reference, produced = io.StringIO(), io.StringIO()
                export(store.events(flt), fmt, reference)
                export_store(store, flt, fmt, produced)
                assert produced.getvalue() == reference.getvalue()
                side = tmp_path / "side.tsv"
                if fmt == "gdelt":  # the side file too
                    export(store.events(flt), fmt, tmp_path / "ref.tsv")
                    export_store(store, flt, fmt, side)
                    assert (tmp_path / "side.flashpoint.tsv").read_text() == (tmp_path / "ref.flashpoint.tsv").read_text()
        finally:
            store.close()


@pytest.mark.parametrize("kind", BACKENDS)
def test_parquet_from_pages_is_the_parquet_of_the_dicts(kind, tmp_path):
    with fresh_url(kind, tmp_path) as url:
        store = _fill(url)
        try:
            for i, flt in enumerate(FILTERS):
                ref, out = tmp_path / f"ref{i}.parquet", tmp_path / f"out{i}.parquet"
                a = export(store.events(flt), "parquet", ref)
                b = export_store(store, flt, "parquet", out)
                assert a.written == b.written and a.notes == b.notes
                assert a.notes or flt != EventFilter()  # the javascript: URL is dropped on both paths
                expected, produced = pq.read_table(ref), pq.read_table(out)
                assert produced.schema.equals(expected.schema)
                assert produced.equals(expected), produced.to_pylist()
        finally:
            store.close()


@pytest.fixture
def sqlite_store(tmp_path):
    store = _fill(str(tmp_path / "edited.db"))
    yield store
    store.close()


def test_a_record_that_does_not_fit_the_schema_is_a_store_error(sqlite_store, tmp_path):
    # (a field Parquet reads from the record: the row gives the actors, action and place)
    sqlite_store.conn.execute("UPDATE events SET record = replace(record, '\"negated\":false', '\"negated\":\"no\"')")
    with pytest.raises(StoreError, match="do not match the event schema"):
        export_store(sqlite_store, EventFilter(), "parquet", tmp_path / "bad.parquet")


def test_records_that_break_lines_between_tokens_still_decode(sqlite_store, tmp_path):
    sqlite_store.conn.execute("UPDATE events SET record = replace(record, ',\"cameo\":', ',\n\"cameo\":')")
    ref, out = tmp_path / "ref.parquet", tmp_path / "out.parquet"
    export(sqlite_store.events(), "parquet", ref)
    export_store(sqlite_store, EventFilter(), "parquet", out)
    assert pq.read_table(out).equals(pq.read_table(ref))


def _gdelt_both_ways(store, tmp_path):
    """The GDELT file and side file from dicts (``events``) and from pages, as text."""
    export(store.events(), "gdelt", tmp_path / "ref.tsv")
    export_store(store, EventFilter(), "gdelt", tmp_path / "out.tsv")
    return [(tmp_path / f"{name}.tsv").read_text() + (tmp_path / f"{name}.flashpoint.tsv").read_text()
            for name in ("ref", "out")]


@pytest.mark.parametrize("old, new", [
    # GDELT's own columns come from the events row, whatever the record says:
    ('"goldstein":-2.0', '"goldstein":-2'),
    ('"lat":15.0', '"lat":15'),
    # the side file's come from the record, decoded by Arrow as json.loads would:
    ('"confidence":', '"confidence":1,"_was":'),  # a whole confidence as an int: printed "1", not "1.0"
    ('"quad_class":3', '"quad_class":3.0'),  # a float where Arrow wants an integer
    ('"negated":false', '"negated":0'),  # a number where Arrow wants a flag
    (',"cameo":', ',\n"cameo":'),  # a line break between tokens
])
def test_gdelt_from_pages_prints_what_the_dicts_print(sqlite_store, tmp_path, old, new):
    sqlite_store.conn.execute("UPDATE events SET record = replace(record, ?, ?)", (old, new))
    assert sqlite_store.conn.execute("SELECT count(*) FROM events WHERE instr(record, ?)", (new,)).fetchone()[0]
    reference, produced = _gdelt_both_ways(sqlite_store, tmp_path)
    assert produced == reference


@pytest.mark.parametrize("kind", DB_BACKENDS)
def test_gdelt_from_pages_tells_a_negative_zero_from_zero(kind, tmp_path):
    # Dict keys do not tell -0.0 from 0.0: a memo keyed by the value would print the first one seen for both.
    with fresh_url(kind, tmp_path) as url:
        store = _fill(url)
        try:
            ids = [e["id"] for e in store.events()]
            with store._transaction():
                for i, mid in enumerate(ids):
                    store._run("UPDATE events SET cameo = '042', goldstein = ? WHERE id = ?", (-0.0 if i % 2 else 0.0, mid))
            reference, produced = _gdelt_both_ways(store, tmp_path)
            assert "\t0.0\t" in produced
            # SQLite keeps a whole REAL as an integer on disk, so its -0.0 comes back as 0.0; PostgreSQL keeps the sign.
            assert ("\t-0.0\t" in produced) == (kind != "sqlite")
            assert produced == reference
        finally:
            store.close()
