"""CSV and Parquet: the flat table of :mod:`.table`, typed.

CSV cells that a spreadsheet would read as a formula (text starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) get a leading
apostrophe; numeric columns are written as numbers and never touched.
Parquet keeps the logical types: dates are ``date32``, ``first_seen`` a UTC
timestamp, counts ``int64``, flags ``bool``, contexts and outlets lists.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .report import ExportReport, safe_url
from .table import column_names, columns, row

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BATCH = 20_000


def neutralise(text: str) -> str:
    """Prefix ``'`` to a text cell a spreadsheet would run as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def write_csv(events: Iterable[dict[str, Any]], fh: IO[str], report: ExportReport) -> None:
    """CSV with a header row; lists joined with ``|``; text cells neutralised."""
    cols = columns()
    text = [i for i, c in enumerate(cols) if c.kind in ("str", "json", "date", "timestamp")]
    lists = [i for i, c in enumerate(cols) if c.kind == "list"]
    flags = [i for i, c in enumerate(cols) if c.kind == "bool"]
    url = column_names().index("url")
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(column_names())
    for event in events:
        values = row(event)
        values[url] = safe_url(values[url], report)
        for i in lists:
            values[i] = "|".join(values[i])
        for i in flags:
            if values[i] is not None:
                values[i] = "true" if values[i] else "false"
        for i in text + lists:
            value = values[i]
            if value and value.startswith(FORMULA_START):
                values[i] = "'" + value
        writer.writerow(values)
        report.written += 1


def arrow_schema() -> Any:
    """The Parquet schema of the flat table (pyarrow types per logical kind)."""
    import pyarrow as pa

    types = {"str": pa.string(), "json": pa.string(), "int": pa.int64(), "float": pa.float64(),
             "bool": pa.bool_(), "date": pa.date32(), "timestamp": pa.timestamp("s", tz="UTC"),
             "list": pa.list_(pa.string())}
    return pa.schema([(c.name, types[c.kind]) for c in columns()])


def _batches(events: Iterable[dict[str, Any]], report: ExportReport) -> Iterator[list[list[Any]]]:
    url = column_names().index("url")
    batch: list[list[Any]] = []
    for event in events:
        values = row(event)
        values[url] = safe_url(values[url], report)
        batch.append(values)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _array(values: list[Any], kind: str, typ: Any) -> Any:
    import pyarrow as pa
    import pyarrow.compute as pc

    if kind == "date":
        text = pa.array([v[:10] if isinstance(v, str) and len(v) >= 10 else None for v in values], pa.string())
        return pc.cast(pc.strptime(text, format="%Y-%m-%d", unit="s", error_is_null=True), typ)
    if kind == "timestamp":
        text = pa.array([v[:19] if isinstance(v, str) else None for v in values], pa.string())
        return pc.assume_timezone(pc.strptime(text, format="%Y-%m-%dT%H:%M:%S", unit="s", error_is_null=True),
                                  "UTC")
    if kind == "float":
        return pa.array([None if v is None else float(v) for v in values], typ)
    return pa.array(values, typ)


def write_parquet(events: Iterable[dict[str, Any]], sink: Any, report: ExportReport) -> None:
    """Stream Parquet in row groups of :data:`BATCH` events (constant memory)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema()
    cols = columns()
    with pq.ParquetWriter(sink, schema, compression="zstd") as writer:
        for batch in _batches(events, report):
            arrays = [_array(list(values), c.kind, schema.field(i).type)
                      for i, (c, values) in enumerate(zip(cols, zip(*batch)))]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            report.written += len(batch)
