"""Exports of merged events: GDELT 2.0 event table, PLOVER JSON, CSV, JSONL, Parquet.

Every writer streams: it takes the iterator :meth:`Store.events` returns and
never holds more than one Parquet row group in memory. Every file an export
writes is opened by :func:`open_output`, the one place that decides how an
output path is opened (and where path checks belong).
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ...errors import StoreError, UsageError
from ..base import EventFilter
from ..pages import EventPages
from .flatfiles import neutralise, write_csv
from .parquet import arrow_schema, store_columns as parquet_columns, write_parquet
from .gdelt import GDELT_COLUMNS, SIDE_COLUMNS, gdelt_row, side_row, write_gdelt
from .columns import ColumnBatches, column_tables
from .gdelt_columns import store_columns as gdelt_columns, write_gdelt_columns
from .plover import plover_record, write_plover
from .report import ExportReport, safe_url
from .table import column_names, columns, row

FORMATS = ("gdelt", "plover", "csv", "jsonl", "parquet")

__all__ = [
    "FORMATS", "GDELT_COLUMNS", "SIDE_COLUMNS", "ExportReport", "arrow_schema", "column_names", "columns",
    "export", "export_store", "gdelt_row", "neutralise", "open_output", "plover_record", "row", "safe_url", "side_path",
    "side_row",
]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while an export runs.

    An export allocates a few container objects per value and frees them a
    page later; each time enough survive, the collector walks every object
    alive (pyarrow's, the GeoNames tables) and finds nothing to free, since
    the writers make no reference cycles: about a tenth of an export's CPU
    time at a million events. Reference counting still frees everything.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextlib.contextmanager
def open_output(path: str | Path, binary: bool = False) -> Iterator[IO[Any]]:
    """Open an export file for writing; every export file goes through here.

    Raises:
        StoreError: the file cannot be created or written.
    """
    try:
        with open(path, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            yield fh
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}; check the directory exists and is writable") from exc


def side_path(path: str | Path) -> Path:
    """Where the GDELT side file of ``path`` goes: ``events.tsv`` -> ``events.flashpoint.tsv``."""
    path = Path(path)
    return path.with_name(f"{path.stem}.flashpoint.tsv")


def _write_jsonl(events: Iterable[dict[str, Any]], fh: IO[str], report: ExportReport) -> None:
    for event in events:
        fh.write(json.dumps(event, ensure_ascii=False) + "\n")
        report.written += 1


_TEXT_WRITERS = {"csv": write_csv, "plover": write_plover, "jsonl": _write_jsonl}


def export_store(store: Any, flt: EventFilter, fmt: str, out: str | Path | IO[Any], *,
                 side_file: bool = True) -> ExportReport:
    """Export the events of ``store`` that ``flt`` selects (``flashpoint export``).

    The same output as ``export(store.events(flt), ...)``. From a store with
    a database behind it, Parquet and GDELT read the events rows as Arrow
    tables of typed columns (:mod:`.columns`: the row's actors, action,
    place, counts and first URL, and only for what the row does not hold the
    record); the other formats read it a page at a time in one query
    (``event_pages``), with the mentions.

    Raises:
        UsageError, StoreError: as :func:`export`.
    """
    if not hasattr(store, "event_pages"):
        return export(store.events(flt), fmt, out, side_file=side_file)
    if fmt == "parquet":
        return export(column_tables(store, flt, parquet_columns()), fmt, out, side_file=side_file)
    if fmt == "gdelt":
        side = side_file and isinstance(out, (str, Path))
        return export(column_tables(store, flt, gdelt_columns(side)), fmt, out, side_file=side_file)
    return export(EventPages(store.event_pages(flt)), fmt, out, side_file=side_file)


def export(events: Iterable[dict[str, Any]] | EventPages | ColumnBatches, fmt: str, out: str | Path | IO[Any], *,
           side_file: bool = True) -> ExportReport:
    """Write merged events (as :meth:`Store.events` yields them) in ``fmt``.

    Args:
        events: Merged event dicts, a store's :class:`EventPages`, or
            (Parquet and GDELT) its :class:`~.columns.ColumnBatches`.
        fmt: One of :data:`FORMATS`.
        out: A file path, or an open stream (text for the text formats,
            binary for parquet).
        side_file: For ``gdelt`` written to a path, also write the side file
            (:func:`side_path`) with modality, negation, confidence and the
            rest GDELT has no column for.

    Returns:
        An :class:`ExportReport`: events written, and notes on what was left out.

    Raises:
        UsageError: unknown format, or parquet asked for on a text stream.
        StoreError: the output cannot be written.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    with _collector_paused():
        return _export(events, fmt, out, side_file)


def _export(events: Iterable[dict[str, Any]] | EventPages | ColumnBatches, fmt: str, out: str | Path | IO[Any],
            side_file: bool) -> ExportReport:
    report = ExportReport(fmt)
    is_path = isinstance(out, (str, Path))
    if fmt == "parquet":
        if isinstance(out, io.TextIOBase):
            raise UsageError("parquet is binary; give an output file with -o FILE.parquet")
        with contextlib.ExitStack() as stack:
            sink = stack.enter_context(open_output(out, binary=True)) if is_path else out
            try:
                write_parquet(events, sink, report)
            except OSError as exc:
                raise StoreError(f"cannot write parquet to {out}: {exc}; check the path is writable") from exc
        return report
    with contextlib.ExitStack() as stack:
        fh = stack.enter_context(open_output(out)) if is_path else out
        if fmt == "gdelt":
            side = stack.enter_context(open_output(side_path(out))) if is_path and side_file else None
            if isinstance(events, ColumnBatches):  # a store's rows, a column at a time (gdelt_columns.py)
                write_gdelt_columns(events, fh, report, side)
            else:
                write_gdelt(events.events() if isinstance(events, EventPages) else events, fh, report, side)
        else:
            _TEXT_WRITERS[fmt](events.events() if isinstance(events, EventPages) else events, fh, report)
    return report
