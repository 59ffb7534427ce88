"""Events rows as Arrow tables (:mod:`flashpoint.store.exports.columns`): the
ADBC read of a SQLite file gives what the store's own cursor gives."""

from __future__ import annotations

import importlib

import pyarrow as pa
import pytest

from flashpoint.errors import StoreError
from flashpoint.store.base import EventFilter
from flashpoint.store.exports.columns import UNDATED_RECORD, column_tables
from flashpoint.store.pages import PAGE_COLUMNS

from .test_pages import FILTERS, _fill

# The package's name `columns` is the flat table's function; the module is reached by its path.
cols = importlib.import_module("flashpoint.store.exports.columns")
WANTED = (*PAGE_COLUMNS, UNDATED_RECORD)


def _both(store, flt, size):
    via_adbc = list(column_tables(store, flt, WANTED, size))
    where, params = cols.filter_clauses(flt)
    named = [(c, c) if isinstance(c, str) else c for c in WANTED]
    via_cursor = list(cols._cursor_tables(store, flt, named, " WHERE " + " AND ".join(where) if where else "",
                                          params, size))
    return via_adbc, via_cursor


@pytest.mark.parametrize("size", [2, 3, 4, 1000])
@pytest.mark.parametrize("flt", FILTERS)
def test_adbc_reads_what_the_cursor_reads(tmp_path, flt, size):
    store = _fill(str(tmp_path / "s.db"))
    try:
        assert cols._adbc_readable(store, EventFilter(), size) == (size > 2)  # one undated event
        via_adbc, via_cursor = _both(store, flt, size)
        assert all(t.num_rows <= size for t in via_adbc)
        assert all(t.schema == via_cursor[0].schema for t in via_adbc)
        assert pa.concat_tables(via_adbc).equals(pa.concat_tables(via_cursor))
        assert pa.concat_tables(via_cursor).num_rows == len(list(store.events(flt)))
    finally:
        store.close()


def test_a_value_of_another_type_is_a_store_error(tmp_path):
    store = _fill(str(tmp_path / "s.db"))
    try:
        store.conn.execute("UPDATE events SET quad_class = 'three'")
        with pytest.raises(StoreError, match="another type"):
            list(column_tables(store, EventFilter(), WANTED))
    finally:
        store.close()
