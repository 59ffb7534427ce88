"""CSV: the flat table of :mod:`.table`, with a header row.

CSV cells that a spreadsheet would read as a formula (text starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) get a leading
apostrophe; numeric columns are written as numbers and never touched.
Lists (contexts, outlets) are joined with ``|``; quantities are JSON.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO, Any

from .report import SAFE_SCHEMES, ExportReport, safe_url
from .table import batch_columns, column_names, columns

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset("".join(FORMULA_START))
BATCH = 20_000


def neutralise(text: str) -> str:
    """Prefix ``'`` to a text cell a spreadsheet would run as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _safe_urls(values: list[Any], report: ExportReport) -> list[Any]:
    return [v if v is None or v.startswith(SAFE_SCHEMES) else safe_url(v, report) for v in values]


def _chunks(events: Iterable[dict[str, Any]], report: ExportReport) -> Iterator[list[list[Any]]]:
    """Column lists of :data:`BATCH` events at a time, URLs vetted."""
    url = column_names().index("url")
    stream = iter(events)
    while batch := list(islice(stream, BATCH)):
        cols = batch_columns(batch)
        cols[url] = _safe_urls(cols[url], report)
        yield cols


def write_csv(events: Iterable[dict[str, Any]], fh: IO[str], report: ExportReport) -> None:
    """CSV with a header row; lists joined with ``|``; text cells neutralised."""
    kinds = [c.kind for c in columns()]
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(column_names())
    for cols in _chunks(events, report):
        for i, kind in enumerate(kinds):
            if kind == "list":
                cols[i] = ["|".join(v) for v in cols[i]]
            elif kind == "bool":
                cols[i] = [None if v is None else ("true" if v else "false") for v in cols[i]]
            if kind in ("str", "json", "list"):
                cols[i] = ["'" + v if v and v[0] in _FORMULA_FIRST else v for v in cols[i]]
        writer.writerows(zip(*cols))
        report.written += len(cols[0])
