"""Events rows as Arrow tables of typed columns, for the exports that stream a store.

Parquet and GDELT read an event's actors, action, place, counts and first
URL from the columns of its events row (the event as it stands: the merge
updates the row, not the stored record) and only what the row does not hold
from the record. They take the rows as Arrow tables, a column at a time.

From a SQLite file the rows come through the ADBC SQLite driver, which fills
Arrow arrays in C: Python's ``sqlite3`` builds an object per cell (about
0.15 µs each, 7 µs for the two dozen columns a GDELT row needs, against
about 2.5 µs here). Other stores (PostgreSQL, an in-memory SQLite, a
limited export) are read through the store's own cursor and converted a
page at a time.

ADBC's SQLite driver guesses each column's type from the first batch and
fails when a later batch disagrees (a column that is NULL in the first
10,000 rows is taken for an integer). The query therefore holds one more
row, of typed placeholder values (:data:`_PLACEHOLDER`, an empty id), that
sorts just after the undated events and is dropped on reading; when there
are so many undated events that it would not fall in the first batch, the
store's own cursor reads the rows instead. SQLite reads both parts of the
query in order and merges them, so the rows still come along the
``events_order`` index, with no sort.

A SQLite file is read on a thread of its own (:func:`read_ahead`): the
driver and Arrow's readers work without Python's lock, so the next batch is
read while the export formats the one before; an export can have its own
per-batch work done on that thread as well (:meth:`ColumnBatches.map`).
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from ...errors import StoreError
from ..base import EventFilter
from ..rows import filter_clauses

# Columns that are not text, and their Arrow type names; the rest are strings.
_TYPES = {"quad_class": "int64", "num_mentions": "int64", "num_sources": "int64", "num_articles": "int64",
          "goldstein": "float64", "lat": "float64", "lon": "float64"}
_PLACEHOLDER = {"int64": "0", "float64": "0.5"}
BATCH = 10_000  # rows per table (one Parquet row group)
T = TypeVar("T")
U = TypeVar("U")

# The record, for an undated event only: its date field stands in for the row's (as in merged_dict).
UNDATED_RECORD = ("undated_record", "CASE WHEN date IS NULL THEN record END")


class ColumnBatches:
    """Arrow tables of events-table columns, in :meth:`Store.events` order;
    the exports take it where they take merged event dicts.

    ``threaded``: the tables come from a connection of their own, so they are
    read ahead on a thread of their own (:func:`read_ahead`), and work on
    them may be done there too (:meth:`map`).
    """

    def __init__(self, tables: Iterable[Any], threaded: bool = False) -> None:
        self._tables = tables
        self.threaded = threaded

    def __iter__(self) -> Iterator[Any]:
        return read_ahead(self._tables) if self.threaded else iter(self._tables)

    def map(self, prepare: Callable[[Any], U], ahead: bool = True) -> Generator[tuple[Any, U], None, None]:
        """Each table with ``prepare`` of it, in order. When :attr:`threaded`
        and ``ahead``, the thread that reads a table prepares it as well (Arrow's
        readers and writers work without Python's lock), while the caller works
        on the table before; else ``prepare`` runs on the caller's thread.
        Close it when stopping early: that stops the thread and the read."""
        if self.threaded and ahead:
            return read_ahead(_pairs(self._tables, prepare))
        return _pairs(iter(self), prepare)


def _pairs(tables: Iterable[Any], prepare: Callable[[Any], U]) -> Generator[tuple[Any, U], None, None]:
    source = iter(tables)
    try:
        for table in source:
            yield table, prepare(table)
    finally:
        _close(source)  # now, not when a traceback that holds this frame is freed


def _close(items: Any) -> None:
    close = getattr(items, "close", None)
    if close is not None:
        close()


def read_ahead(items: Iterable[T], depth: int = 1) -> Generator[T, None, None]:
    """The items of ``items``, in order, made by a thread of their own that
    stays at most ``depth`` items (one page each) ahead of the caller.

    What the thread raises is raised here, at the item it stopped at. When
    the caller stops early (an error, or ``close()``), the thread stops too
    and closes ``items`` on its own side, so a reader opened there is closed
    where it was opened.
    """
    from .records import release_memory

    handoff: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(kind: str, value: Any) -> bool:
        while not stop.is_set():
            try:
                handoff.put((kind, value), timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        source = iter(items)
        try:
            for item in source:
                if not put("item", item):
                    return
                del item
                release_memory()  # Arrow keeps freed memory per thread; hand this thread's back
            put("end", None)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, raised there
            put("error", exc)
        finally:
            _close(source)

    worker = threading.Thread(target=produce, name="flashpoint-read-ahead", daemon=True)
    worker.start()
    try:
        while True:
            kind, value = handoff.get()
            if kind == "end":
                return
            if kind == "error":
                raise value
            yield value
            del value
    finally:
        stop.set()
        worker.join()


def arrow_type(name: str) -> Any:
    import pyarrow as pa

    return getattr(pa, _TYPES.get(name, "string"))()


def column_tables(store: Any, flt: EventFilter, columns: Sequence[str | tuple[str, str]],
                  size: int = BATCH) -> ColumnBatches:
    """The events ``flt`` selects, ``size`` at a time, as Arrow tables of
    ``columns`` (events-table column names, or ``(name, SQL expression)``;
    ``id`` and ``date`` among them), typed by :func:`arrow_type`. A SQLite
    file is read ahead on a thread of its own (:func:`read_ahead`).

    Raises:
        StoreError: the store cannot be read, or a value does not have its column's type.
    """
    named = [(c, c) if isinstance(c, str) else c for c in columns]
    where, params = filter_clauses(flt)
    where_sql = " WHERE " + " AND ".join(where) if where else ""
    if _adbc_readable(store, flt, size):
        return ColumnBatches(_adbc_tables(store, named, where_sql, params, size), threaded=True)
    return ColumnBatches(_cursor_tables(store, flt, named, where_sql, params, size))


def _adbc_readable(store: Any, flt: EventFilter, size: int) -> bool:
    """Whether ``store`` is a SQLite file another connection sees as the store
    does (no uncommitted writes) and the export has no row limit."""
    if getattr(store, "dialect", None) != "sqlite" or flt.limit is not None:
        return False
    where = str(getattr(store, "where", "") or "")
    if not where or where == ":memory:" or where.startswith("file:") or not Path(where).is_file():
        return False
    if store.conn.in_transaction:
        return False
    with store._guard("count undated events"):
        undated = store._rows("SELECT count(*) AS n FROM events WHERE date IS NULL")[0]["n"]
    return undated + 1 < size  # the placeholder row falls in the first batch


def _adbc_tables(store: Any, named: list[tuple[str, str]], where_sql: str, params: list[Any],
                 size: int) -> Iterator[Any]:
    import adbc_driver_manager
    import adbc_driver_sqlite.dbapi as adbc
    import pyarrow as pa
    import pyarrow.compute as pc

    placeholder = ", ".join(f"{_PLACEHOLDER.get(_TYPES.get(name, ''), chr(39) * 2)} AS {name}" for name, _ in named)
    select = ", ".join(expr if expr == name else f"{expr} AS {name}" for name, expr in named)
    # '' sorts after NULL and before any date; no stored event has an empty id.
    sql = f"SELECT {placeholder} UNION ALL SELECT {select} FROM events{where_sql} ORDER BY date, id"
    schema = pa.schema([(name, arrow_type(name)) for name, _ in named])
    errors = (OSError, adbc_driver_manager.Error, pa.ArrowInvalid, pa.ArrowTypeError)
    try:
        conn = adbc.connect(Path(store.where).resolve().as_uri() + "?mode=ro")
    except errors as exc:
        raise StoreError(f"cannot read {store.where}: {exc}; check the file is a Flashpoint database") from exc
    try:
        with contextlib.closing(conn.cursor()) as cur:
            cur.adbc_statement.set_options(**{"adbc.sqlite.query.batch_rows": str(size)})
            cur.execute(sql, params or None)
            with contextlib.closing(cur.fetch_record_batch()) as reader:
                found = False
                for batch in reader:
                    if not found:
                        keep = pc.not_equal(batch.column("id"), "")
                        found = not pc.all(keep).as_py()
                        batch = batch.filter(keep)
                    if batch.num_rows:
                        yield pa.Table.from_batches([batch]).cast(schema)
    except errors as exc:
        raise StoreError(f"cannot read events from {store.where}: {exc}; a column holds a value of another "
                         "type than its own (check the rows with typeof())") from exc
    finally:
        conn.close()


def _cursor_tables(store: Any, flt: EventFilter, named: list[tuple[str, str]], where_sql: str,
                   params: list[Any], size: int) -> Iterator[Any]:
    import pyarrow as pa

    c = store.collate
    select = ", ".join(expr if expr == name else f"{expr} AS {name}" for name, expr in named)
    sql = f"SELECT {select} FROM events{where_sql} ORDER BY date{c}{store.nulls_first}, id{c}"
    if flt.limit is not None:
        sql += " LIMIT ?"
        params = [*params, flt.limit]
    schema = pa.schema([(name, arrow_type(name)) for name, _ in named])
    with store._guard("read events"):
        for rows in store._stream(sql, params, size):
            values = list(zip(*rows))
            try:
                yield pa.Table.from_arrays([pa.array(v, f.type) for v, f in zip(values, schema)], schema=schema)
            except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
                raise StoreError(f"cannot read events from {store.where}: {exc}; a column holds a value of "
                                 "another type than its own") from exc
