"""Parquet: the flat table, typed, built by Arrow itself.

Merged event dicts are converted to Arrow in C++ (``Table.from_pylist``
against a nested schema derived from the :class:`~flashpoint.types.Event`
record), then flattened to the flat columns of :mod:`.table` and the added
columns computed with Arrow kernels. Doing the conversion cell by cell in
Python is three to five times slower; exports must stream 100,000 events a
second. Types: dates ``date32``, ``first_seen`` a UTC timestamp, counts
``int64``, flags ``bool``, contexts and outlets ``list<string>``,
quantities ``list<struct<value, unit>>``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import typing
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import Any

from ...errors import StoreError
from ...types import Event
from ..pages import PAGE_COLUMNS
from ..rows import ROW_ACTOR, ROW_PLACE, ROW_SCALARS
from .columns import ColumnBatches
from .records import read_records, release_memory
from .report import ExportReport
from .table import QUANTITY_COLUMNS, _RENAME, columns, mentions_outlets, mentions_url

BATCH = 10_000
_SCALAR = {str: "string", int: "int64", float: "float64", bool: "bool_"}


def _arrow_type(hint: Any) -> Any:
    import pyarrow as pa

    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin is not None and origin is not tuple and len(args) == 1:
        return _arrow_type(args[0])
    if origin is tuple:
        return pa.list_(_arrow_type(args[0] if args else str))
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return pa.struct([(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(hint)])
    return getattr(pa, _SCALAR.get(hint, "string"))()


@lru_cache(maxsize=1)
def _input_schema() -> Any:
    """The nested schema merged event dicts are read with."""
    import pyarrow as pa

    hints = typing.get_type_hints(Event)
    fields = [("id", pa.string())]
    fields += [(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(Event)]
    fields += [("num_mentions", pa.int64()), ("num_sources", pa.int64()), ("num_articles", pa.int64()),
               ("first_seen", pa.string())]
    return pa.schema(fields)


@lru_cache(maxsize=1)
def arrow_schema() -> Any:
    """The Parquet schema: every flat column (see :func:`.table.columns`) with its Arrow type."""
    import pyarrow as pa

    flat = {_RENAME.get(f.name.replace(".", "_"), f.name.replace(".", "_")): f.type
            for f in _input_schema().empty_table().flatten().schema}
    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32(), "timestamp": pa.timestamp("ms", tz="UTC"), "list": pa.list_(pa.string())}
    return pa.schema([(c.name, flat[c.name] if c.kind == "json" and c.name in flat else kinds.get(c.kind, pa.string()))
                      for c in columns()])


def _quantity(quantities: Any, unit: str, n: int) -> Any:
    """Largest value per event of one quantity unit (null when absent)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    flat = pc.list_flatten(quantities)
    parents = pc.list_parent_indices(quantities)
    mask = pc.equal(flat.field("unit"), unit).fill_null(False)
    idx = pc.filter(parents, mask).to_numpy(zero_copy_only=False)
    values = pc.filter(flat.field("value"), mask).fill_null(0).to_numpy(zero_copy_only=False)
    out = np.full(n, -1, dtype=np.int64)
    np.maximum.at(out, idx, values)
    return pa.array(out, mask=out < 0)


def _nested_from_dicts(batch: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    try:
        return pa.Table.from_pylist(batch, schema=_input_schema())
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise StoreError(f"cannot convert events to Parquet: {exc}; the records do not match the event schema") from exc


@lru_cache(maxsize=1)
def _record_schema() -> Any:
    """The part of :func:`_input_schema` a stored record holds (the Event fields)."""
    import pyarrow as pa

    fields = {f.name for f in dataclasses.fields(Event)}
    return pa.schema([f for f in _input_schema() if f.name in fields])


def store_columns() -> tuple[str, ...]:
    """What to read from the events table (see :func:`.columns.column_tables`)."""
    return PAGE_COLUMNS


# Flat columns the events row gives (its actors, action and place), named as the row names them.
_FROM_ROW = (*(f"{side}_{k}" for side in ("source", "target") for k in ROW_ACTOR), *ROW_SCALARS,
             *(column for _, column in ROW_PLACE))


@lru_cache(maxsize=1)
def _record_part() -> Any:
    """What a store's rows need from the record: every field but those the row gives (:data:`_FROM_ROW`)."""
    from .records import subschema

    row_fields = {"cameo", "cameo_root", "quad_class", "goldstein", "location"}
    assert row_fields == set(ROW_SCALARS) | {"location"}
    wanted: dict[str, Any] = {f.name: None for f in _record_schema() if f.name not in row_fields}
    wanted.update(source=("text",), target=("text",))
    return subschema(_record_schema(), wanted)


def _nested_from_table(table: Any) -> tuple[Any, dict[str, Any]]:
    """A nested table of a store's rows, their records decoded by Arrow's
    JSON reader (in C++, several times faster than ``json.loads`` and
    ``from_pylist``) and given the merged facts
    :func:`~flashpoint.store.rows.merged_dict` adds (id, the row's date when
    it has one, counts, first seen); and the row's own columns that stand
    over the record's (:data:`_FROM_ROW`)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    table = table.combine_chunks()
    col = {name: table.column(name).chunk(0) if table.num_rows else pa.array([], table.schema.field(name).type)
           for name in table.column_names}
    try:
        decoded = read_records(col["record"], _record_part())
    except StoreError as exc:
        raise StoreError(f"cannot convert events to Parquet: {exc}") from exc
    n = table.num_rows
    columns = []
    for field in _input_schema():
        if field.name in ("id", "first_seen", "num_mentions", "num_sources", "num_articles"):
            columns.append(col[field.name])
        elif field.name == "date":
            columns.append(pc.coalesce(col["date"], decoded.column("date")))
        elif field.name in ("source", "target"):
            # The actor's text from the record, under the record's validity; the rest comes from the row.
            part = decoded.column(field.name).combine_chunks()
            children = [part.field("text") if f.name == "text" else pa.nulls(n, f.type) for f in field.type]
            columns.append(pa.StructArray.from_arrays(children, fields=list(field.type), mask=part.is_null()))
        elif field.name in decoded.column_names:
            columns.append(decoded.column(field.name))
        else:  # given by the row (_FROM_ROW)
            columns.append(pa.nulls(n, field.type))
    nested = pa.Table.from_arrays(columns, schema=_input_schema())
    return nested, {name: col[name] for name in _FROM_ROW}


def _table(nested: Any, outlets: Any, urls: Any, report: ExportReport, row: dict[str, Any] | None = None) -> Any:
    """The flat Parquet table of a nested one, given each event's outlets and
    first URL, and the flat columns ``row`` gives instead of the record."""
    import pyarrow as pa
    import pyarrow.compute as pc

    n = nested.num_rows
    flat = nested.flatten()
    values = {_RENAME.get(name.replace(".", "_"), name.replace(".", "_")): flat.column(name).combine_chunks()
              for name in flat.column_names}
    values.update(row or {})
    for side in ("source", "target"):
        values[f"{side}_key"] = pc.coalesce(values[f"{side}_org"], values[f"{side}_country"], values[f"{side}_name"])
    quantities = values["quantities"]
    for unit in QUANTITY_COLUMNS:
        values[unit] = _quantity(quantities, unit, n)
    for name in ("num_mentions", "num_sources", "num_articles"):
        values[name] = values[name].fill_null(1)
    values["outlets"] = outlets if isinstance(outlets, pa.Array) else pa.array(outlets, pa.list_(pa.string()))
    url = urls if isinstance(urls, pa.Array) else pa.array(urls, pa.string())
    safe = pc.or_(pc.starts_with(url, "http://", ignore_case=True), pc.starts_with(url, "https://", ignore_case=True))
    unsafe = pc.and_(pc.is_valid(url), pc.invert(safe.fill_null(False)))
    dropped = pc.sum(unsafe).as_py() or 0
    if dropped:
        report.notes["dropped a URL that is not http(s)"] += dropped
    values["url"] = pc.if_else(unsafe, pa.scalar(None, pa.string()), url)
    values["date"] = pc.cast(pc.strptime(pc.utf8_slice_codeunits(values["date"], 0, 10), format="%Y-%m-%d",
                                         unit="s", error_is_null=True), pa.date32())
    seen = pc.strptime(pc.utf8_slice_codeunits(values["first_seen"], 0, 19), format="%Y-%m-%dT%H:%M:%S",
                       unit="ms", error_is_null=True)
    values["first_seen"] = pc.assume_timezone(seen, "UTC")
    schema = arrow_schema()
    return pa.Table.from_arrays([values[f.name].cast(f.type) for f in schema], schema=schema)


def _tables(events: Iterable[dict[str, Any]] | ColumnBatches, report: ExportReport) -> Iterator[Any]:
    """Flat tables of up to :data:`BATCH` events (a table each when given a store's rows)."""
    if isinstance(events, ColumnBatches):
        # The records are decoded (by Arrow, without Python's lock) on a second thread when the rows allow it.
        with contextlib.closing(events.map(lambda t: _nested_from_table(t) if t.num_rows else None)) as pairs:
            for table, decoded in pairs:
                if decoded is not None:
                    nested, row = decoded
                    yield _table(nested, _outlet_lists(table.column("outlets")),
                                 table.column("first_url").combine_chunks(), report, row)
        return
    stream = iter(events)
    while batch := list(islice(stream, BATCH)):
        # Mentions are read in Python: converting the nested list in Arrow costs more than it saves.
        mentions = [e.get("mentions") for e in batch]
        yield _table(_nested_from_dicts(batch), [mentions_outlets(m) for m in mentions],
                     [mentions_url(m) for m in mentions], report)


def _outlet_lists(texts: Any) -> Any:
    """The rows' ``outlets`` (JSON arrays of names) as a list array; each
    distinct text (a few recur) decoded once."""
    import json

    import pyarrow as pa
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(texts.combine_chunks())
    lists = pa.array([json.loads(text) for text in encoded.dictionary.to_pylist()], pa.list_(pa.string()))
    return lists.take(encoded.indices)


# Columns whose values are (nearly) all different: a dictionary for them is built and then dropped.
_DISTINCT = ("id", "event_id", "doc_id", "evidence", "url", "first_seen")


def _dictionary_columns() -> list[str]:
    """The columns written dictionary-encoded: those whose values repeat. Trying
    a dictionary on the others cost a tenth of the writer's time and gave a
    fifth larger files."""
    return [f.name for f in arrow_schema() if f.name not in _DISTINCT]


def write_parquet(events: Iterable[dict[str, Any]] | ColumnBatches, sink: Any, report: ExportReport) -> None:
    """Stream Parquet in row groups of :data:`BATCH` events, or of a table
    each when given a store's rows (constant memory).

    Compressing and writing a row group releases the GIL, so it runs on a
    second thread while the next batch is converted; at most two row groups
    are alive at once.
    """
    from concurrent.futures import ThreadPoolExecutor

    import pyarrow.parquet as pq

    with pq.ParquetWriter(sink, arrow_schema(), compression="zstd", use_dictionary=_dictionary_columns()) as writer, \
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="flashpoint-parquet") as pool, \
            contextlib.closing(_tables(events, report)) as tables:
        pending = None
        for table in tables:
            if pending is not None:
                pending.result()  # re-raises a write error here
            pending = pool.submit(writer.write_table, table)
            report.written += table.num_rows
            release_memory()
        if pending is not None:
            pending.result()
