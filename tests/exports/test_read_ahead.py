"""The store exports' fast path over many pages: records decoded straight from
the read's bytes, the rows read ahead on a thread of their own, each page's
work done on a second one. What is written is what the dict path writes
(GDELT byte for byte with its side file, Parquet the same table)."""

from __future__ import annotations

import importlib
import threading

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flashpoint.bench.export import fill_store
from flashpoint.errors import StoreError
from flashpoint.store import open_store
from flashpoint.store.base import EventFilter
from flashpoint.store.exports import export
from flashpoint.store.exports.gdelt_columns import store_columns as gdelt_columns
from flashpoint.store.exports.parquet import _record_part, store_columns as parquet_columns
from flashpoint.store.exports.records import _read_lines, read_records

cols = importlib.import_module("flashpoint.store.exports.columns")
PAGE = 300


@pytest.fixture(scope="module")
def bench_store(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("read-ahead") / "bench.db")
    fill_store(path, 2_000)
    store = open_store(path)
    with store._transaction():
        # an undated event, a URL that is not http(s), a Goldstein score of -0.0 and a record with padding
        store._run("UPDATE events SET date = NULL WHERE id = ?", (f"{7:016x}",))
        store._run("UPDATE articles SET url = 'javascript:alert(1)' WHERE id = 'doc2'")  # events 10 to 14
        store._run("UPDATE events SET first_url = 'javascript:alert(1)' WHERE id BETWEEN ? AND ?",
                   (f"{10:016x}", f"{14:016x}"))
        store._run("UPDATE events SET goldstein = -0.0, cameo = '042' WHERE id = ?", (f"{13:016x}",))
        store._run("UPDATE events SET record = ' ' || record || ' ' WHERE id = ?", (f"{17:016x}",))
    yield store
    store.close()


def _threads() -> int:
    return sum(t.name == "flashpoint-read-ahead" for t in threading.enumerate())


def test_a_sqlite_file_is_read_ahead_in_pages(bench_store):
    batches = cols.column_tables(bench_store, EventFilter(), parquet_columns(), PAGE)
    assert batches.threaded
    sizes = [t.num_rows for t in batches]
    assert sum(sizes) == 2_000 and max(sizes) <= PAGE and len(sizes) > 5
    assert _threads() == 0


def test_gdelt_over_many_pages_is_the_gdelt_of_the_dicts(bench_store, tmp_path):
    ref, out = tmp_path / "ref.tsv", tmp_path / "out.tsv"
    a = export(bench_store.events(), "gdelt", ref)
    b = export(cols.column_tables(bench_store, EventFilter(), gdelt_columns(True), PAGE), "gdelt", out)
    assert a.written == b.written == 2_000 and a.notes == b.notes and a.notes
    assert out.read_bytes() == ref.read_bytes()
    assert (tmp_path / "out.flashpoint.tsv").read_bytes() == (tmp_path / "ref.flashpoint.tsv").read_bytes()


def test_parquet_over_many_pages_is_the_parquet_of_the_dicts(bench_store, tmp_path):
    ref, out = tmp_path / "ref.parquet", tmp_path / "out.parquet"
    a = export(bench_store.events(), "parquet", ref)
    b = export(cols.column_tables(bench_store, EventFilter(), parquet_columns(), PAGE), "parquet", out)
    assert a.written == b.written == 2_000 and a.notes == b.notes
    expected, produced = pq.read_table(ref), pq.read_table(out)
    assert produced.schema.equals(expected.schema)
    assert produced.equals(expected)


def test_a_store_error_on_the_read_ahead_thread_is_raised_to_the_caller(bench_store, tmp_path):
    with bench_store._transaction():
        bench_store._run("UPDATE events SET record = replace(record, '\"negated\":false', '\"negated\":\"no\"') "
                         "WHERE id = ?", (f"{1500:016x}",))
    try:
        with pytest.raises(StoreError, match="do not match the event schema"):
            export(cols.column_tables(bench_store, EventFilter(), parquet_columns(), PAGE), "parquet",
                   tmp_path / "bad.parquet")
    finally:
        with bench_store._transaction():
            bench_store._run("UPDATE events SET record = replace(record, '\"negated\":\"no\"', '\"negated\":false')")
    assert _threads() == 0


def test_stopping_early_stops_the_thread_and_closes_the_reader():
    closed = threading.Event()

    def pages():
        try:
            yield from range(100)
        finally:
            closed.set()

    ahead = cols.read_ahead(pages())
    assert [next(ahead) for _ in range(3)] == [0, 1, 2]
    ahead.close()
    assert closed.is_set() and _threads() == 0


def test_an_error_comes_at_the_item_it_stopped_at():
    def pages():
        yield 1
        yield 2
        raise ValueError("page three")

    ahead = cols.read_ahead(pages())
    assert next(ahead) == 1 and next(ahead) == 2
    with pytest.raises(ValueError, match="page three"):
        next(ahead)


RECORD = '{"event_id":"e1","doc_id":"d1","rule":"verb:x","negated":false,"contexts":["military"],"confidence":0.5}'


@pytest.mark.parametrize("records", [
    [RECORD, RECORD.replace("e1", "e2")],
    [RECORD, " " + RECORD + "\n"],  # padding: read as lines
    [RECORD, RECORD.replace(',"rule"', ',\n"rule"')],  # a line break between tokens
    [RECORD, RECORD.replace("verb:x", "verb:\nx")],  # a raw line break in a string: a space, as the line reader makes it
    [RECORD, RECORD.replace('"rule":"verb:x",', '"rule":"verb:x"}{"x":1,')],  # two objects in one record
])
def test_records_read_from_their_bytes_are_the_records_read_as_lines(records):
    array = pa.array(records, pa.string())
    assert read_records(array, _record_part()).equals(_read_lines(array, _record_part()))
    assert read_records(array.slice(1), _record_part()).equals(_read_lines(array.slice(1), _record_part()))


@pytest.mark.parametrize("stamps", [
    ["2024-05-01T12:00:00+00:00", "1999-12-31T23:59:59+00:00"],
    ["2024-05-01T12:00:00+00:00", "2024-05-01T12:00:00.123456+00:00"],  # two lengths
    ["2024-05-01 12:00:00+00:00", "2024/05/01T12:00:00+00:00"],  # other separators
    ["2024-05-01T12:00:00", "20240501T12:00:00ZZ"],  # digits where a separator stands
    ["2024-05-01", "2024-05-01"],  # too short for the layout
])
def test_dateadded_cells_are_the_digits_the_dict_path_prints(stamps):
    gdelt_columns_module = importlib.import_module("flashpoint.store.exports.gdelt_columns")
    gdelt = importlib.import_module("flashpoint.store.exports.gdelt")
    array = pa.array(stamps * 3, pa.string()).slice(1)
    assert gdelt_columns_module._added_cells(array).to_pylist() == [gdelt._added(s) for s in (stamps * 3)[1:]]
