"""GDELT rows from a store's events rows, built a column at a time.

Every cell of a GDELT row comes from a typed column of the events row
(:mod:`.columns`): the actors, action and place as the event stands, the
counts, first seen and the first URL. Each column of a batch becomes its
cells in one pass: the distinct actors, places, days and actions of a batch
are found by dictionary-encoding their columns and formatted once (through
the same bounded memos as the dict path), ids become GDELT's decimal ids in
numpy, URLs are vetted with Arrow kernels and the lines joined in C++. The
bytes are those :func:`.gdelt.write_gdelt` writes for the store's merged
event dicts (:func:`~flashpoint.store.rows.merged_dict` puts the same
columns over the record).

The side file needs fields only the record holds (confidence, quantities,
rule, trigger...): Arrow's JSON reader decodes just those. A batch whose
records Arrow would read differently from ``json.loads`` is written from
dicts instead (:class:`_AsDicts`):

* a value Arrow cannot read as the record's type (``1.0`` for an integer,
  ``0`` for a flag, a string for a number): the reader raises;
* a whole number in a float field: ``json.loads`` gives ``1`` for ``1`` and
  ``1.0`` for ``1.0`` and the side file prints what it got, while Arrow gives
  ``1.0`` for both, so such a value must be written ``1.0`` in its record
  (Flashpoint writes its floats that way).
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import IO, Any

from ...errors import StoreError
from ..pages import PAGE_COLUMNS, EventPage, page_events
from ..rows import ROW_ACTOR, ROW_PLACE
from . import codes
from .columns import UNDATED_RECORD, ColumnBatches
from .gdelt import (_ACTORS, _ADDED, _DAYS, _NO_GEO, _Memo, _cell, _geo_cells, global_id, side_header,
                    write_rows)
from .records import read_records, release_memory, subschema
from .report import ExportReport

# The events-table columns a GDELT row is made of; the side file adds the record (and what a
# batch written from dicts needs: every column of a page).
_ACTOR = ("code", "name", "country", "org", "sector")  # the memo key's order (gdelt._actor)
_PLACE = tuple(column for _, column in ROW_PLACE)
ROW_COLUMNS = ("id", "date", *(f"{side}_{k}" for side in ("source", "target") for k in _ACTOR),
               "cameo", "cameo_root", "quad_class", "goldstein", "num_mentions", "num_sources", "num_articles",
               *_PLACE, "first_seen", "first_url")
assert set(ROW_ACTOR) == set(_ACTOR)
_SIDE_FIELDS = {"modality": None, "negated": None, "confidence": None, "attribution": ("code",),
                "date_precision": None, "quantities": None, "rule": None, "evidence": ("trigger",),
                "statement": None}
_UNITS = ("dead", "injured", "arrested", "troops")
# Float fields of the side file: (record key, column), each key once in a record.
_SIDE_FLOATS = (("confidence", "confidence"),)
# Between NumArticles and ActionGeo: AvgTone, then the two actor geo blocks (Flashpoint places events).
_MIDDLE = "\t".join(("0", _NO_GEO, _NO_GEO))


def store_columns(side: bool) -> tuple[Any, ...]:
    """What to read from the events table (see :func:`.columns.column_tables`)."""
    extra = tuple(c for c in PAGE_COLUMNS if c not in ROW_COLUMNS) if side else ()
    return (*ROW_COLUMNS, *extra, UNDATED_RECORD)


class _AsDicts(Exception):
    """This batch must be written from dicts (see the module docstring)."""


def _action_cells(key: tuple[Any, ...]) -> str:
    cameo, root, quad, goldstein = key
    cameo = cameo or ""
    return "\t".join(("1", _cell(cameo), _cell(cameo[:3]), _cell(root), "" if quad is None else str(quad),
                      "" if goldstein is None else str(goldstein)))


# Keyed by Arrow's floats only: a dict key does not tell 3 from 3.0, so these
# memos are not shared with the dict path, whose values may be either.
_ACTIONS = _Memo(_action_cells)
_PLACES = _Memo(lambda key: "\t".join(_geo_cells(key)))


@lru_cache(maxsize=1)
def _nibbles() -> Any:
    import numpy as np

    table = np.full(256, 255, dtype=np.uint8)
    for i, ch in enumerate(b"0123456789abcdef"):
        table[ch] = i
    for i, ch in enumerate(b"ABCDEF", 10):
        table[ch] = i
    return table


@lru_cache(maxsize=1)
def _side_schema() -> Any:
    from .parquet import _record_schema

    return subschema(_record_schema(), _SIDE_FIELDS)


def _check_floats(records: Sequence[str], flat: Any, floats: Iterable[tuple[str, str]]) -> None:
    """Raise :class:`_AsDicts` unless every whole number in these float
    fields (record key, column; each key once in a record) is written as a
    float (``3.0``) in its record."""
    import numpy as np

    for key, column in floats:
        values = flat.column(column).to_numpy(zero_copy_only=False)
        with np.errstate(invalid="ignore"):
            whole = np.flatnonzero(np.isfinite(values) & (values == np.floor(values)))
        for i in whole.tolist():
            if f'"{key}":{float(values[i])!r}' not in records[i]:
                raise _AsDicts(key)


def _signed(value: Any) -> Any:
    # A memo key of -0.0 would find 0.0's cells (they are equal as dict keys).
    return "-0.0" if isinstance(value, float) and value == 0 and math.copysign(1.0, value) < 0 else value


def _has_negative_zero(values: Any) -> bool:
    import numpy as np

    floats = values.to_numpy(zero_copy_only=False)
    return bool(np.any((floats == 0) & np.signbit(floats)))


def _by_key(arrays: Sequence[Any], build: Callable[[tuple[Any, ...]], str]) -> Any:
    """Per row, ``build`` of the row's values in ``arrays`` (an Arrow string
    array), called once per distinct combination: a page's rows share a few
    hundred actors, places and days. Arrow tells ``-0.0`` from ``0.0``."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    code = np.zeros(len(arrays[0]), dtype=np.int64)
    size = 1
    for array in arrays:
        encoded = pc.dictionary_encode(array, null_encoding="encode")
        code = code * len(encoded.dictionary) + encoded.indices.to_numpy(zero_copy_only=False)
        size *= len(encoded.dictionary)
        if size > 1 << 31:  # keep the combined code small: number the combinations seen so far
            uniques, code = np.unique(code, return_inverse=True)
            size = len(uniques)
    _, first, inverse = np.unique(code, return_index=True, return_inverse=True)
    rows = pa.array(first)
    keys = zip(*(pc.take(a, rows).to_pylist() for a in arrays))
    if any(pa.types.is_floating(a.type) and _has_negative_zero(a) for a in arrays):
        keys = (tuple(map(_signed, key)) for key in keys)
    built = [build(key) for key in keys]
    return pc.take(pa.array(built, pa.string()), pa.array(inverse.reshape(-1)))


def _global_ids(ids: Any) -> Any:
    """:func:`.gdelt.global_id` of each id (a string array), in numpy when
    every id is 16 hex digits (a merged id), else one at a time."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    n = len(ids)
    if n and not ids.null_count and pc.all(pc.equal(pc.binary_length(ids), 16)).as_py():
        start = int(np.frombuffer(ids.buffers()[1], dtype=np.int32, count=1, offset=4 * ids.offset)[0])
        digits = np.frombuffer(ids.buffers()[2], dtype=np.uint8, count=16 * n, offset=start)
        nibbles = _nibbles()[digits.reshape(n, 16)[:, :15]]
        if not (nibbles == 255).any():
            value = np.zeros(n, dtype=np.int64)
            for k in range(15):
                value = value * 16 + nibbles[:, k]
            return pa.array(value).cast(pa.string())
    return pa.array([global_id(i) for i in ids.to_pylist()], pa.string())


def _url_cells(urls: Any, report: ExportReport) -> Any:
    """The SOURCEURL cells: http(s) URLs (tabs and line breaks as spaces), else
    empty; each other non-empty URL counted in ``report`` (as :func:`.report.safe_url` does)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    head = pc.ascii_lower(pc.utf8_slice_codeunits(urls, 0, 8))
    safe = pc.or_(pc.starts_with(head, "http://"), pc.starts_with(head, "https://")).fill_null(False)
    present = pc.greater(pc.binary_length(urls), 0).fill_null(False)
    dropped = pc.sum(pc.and_(present, pc.invert(safe))).as_py() or 0
    if dropped:
        report.notes["dropped a URL that is not http(s)"] += dropped
    for ch in ("\t", "\r", "\n"):
        urls = pc.replace_substring(urls, ch, " ")
    return pc.if_else(safe, urls, pa.scalar("", pa.string()))


def _flag(value: bool | None) -> str:
    return "" if value is None else ("1" if value else "0")


def _side_lines(gids: list[str], table: Any, flat: Any) -> list[str]:
    def get(name: str) -> list[Any]:
        return flat.column(name).to_pylist()

    amounts = [{q["unit"]: q["value"] for q in qs} if qs else {} for qs in get("quantities")]
    cells = zip(gids, map(_cell, table.column("id").to_pylist()), map(_cell, get("modality")),
                map(_flag, get("negated")), map(_cell, get("confidence")),
                (_cell(codes.cameo_actor_code(c)) for c in get("attribution.code")),
                map(_cell, get("date_precision")), map(_cell, table.column("location_precision").to_pylist()),
                *([_cell(a.get(unit)) for a in amounts] for unit in _UNITS),
                map(_cell, get("rule")), map(_cell, get("evidence.trigger")), map(_flag, get("statement")))
    return ["\t".join(row) for row in cells]


def _dates(table: Any) -> Any:
    """The row's date, else (an undated event) its record's, as :func:`~flashpoint.store.rows.merged_dict` takes it."""
    import json

    import pyarrow as pa
    import pyarrow.compute as pc

    dates = table.column("date").combine_chunks()
    if not dates.null_count:
        return dates
    records = table.column("undated_record").to_pylist()
    fallback = [None if text is None else json.loads(text).get("date") for text in records]
    return pc.coalesce(dates, pa.array([d if isinstance(d, str) else None for d in fallback], pa.string()))


def batch_text(table: Any, report: ExportReport, side: bool) -> tuple[str, str]:
    """The GDELT rows (and side-file rows when ``side``) of a table of
    :func:`store_columns`, each line ending in a newline.

    Raises:
        _AsDicts: the batch must be written from dicts.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if not table.num_rows:
        return "", ""
    table = table.combine_chunks()
    flat = None
    if side:
        records = table.column("record").chunk(0)
        try:
            flat = read_records(records, _side_schema()).flatten().combine_chunks()
        except (StoreError, pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise _AsDicts(str(exc)) from exc
        _check_floats(records.to_pylist(), flat, _SIDE_FLOATS)

    def column(name: str) -> Any:
        return table.column(name).chunk(0)  # one chunk: the table is combined and not empty

    gids = _global_ids(column("id"))
    cells = [
        gids, _by_key([_dates(table)], lambda key: _DAYS[key[0]]),
        *(_by_key([column(f"{who}_{k}") for k in _ACTOR], _ACTORS.__getitem__) for who in ("source", "target")),
        _by_key([column(name) for name in ("cameo", "cameo_root", "quad_class", "goldstein")], _ACTIONS.__getitem__),
        *(column(name).cast(pa.string()) for name in ("num_mentions", "num_sources", "num_articles")),
        pa.scalar(_MIDDLE), _by_key([column(name) for name in _PLACE], _PLACES.__getitem__),
        _added_cells(column("first_seen")), _url_cells(column("first_url"), report),
    ]
    lines = pc.binary_join_element_wise(*cells, "\t")
    text = pc.binary_join(pa.ListArray.from_arrays(pa.array([0, len(lines)], pa.int32()), lines), "\n")[0].as_py()
    if not side:
        return text + "\n", ""
    return text + "\n", "\n".join(_side_lines(gids.to_pylist(), table, flat)) + "\n"


def _added_cells(seen: Any) -> Any:
    """DATEADDED: the digits of the first 19 characters of first seen
    (:func:`.gdelt._added`), in Arrow when every value is ASCII."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if seen.null_count or not pc.all(pc.string_is_ascii(seen)).as_py():
        return _by_key([seen], lambda key: _ADDED[key[0] or ""])
    fixed = _stamp_digits(seen)
    if fixed is not None:
        return fixed
    return pc.replace_substring_regex(pc.utf8_slice_codeunits(seen, 0, 19), "[^0-9]", "").cast(pa.string())


# Where an ISO timestamp ("2024-05-01T12:00:00+00:00") has its digits and its separators.
_STAMP_DIGITS = (0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18)
_STAMP_MARKS = (4, 7, 10, 13, 16)


def _stamp_digits(seen: Any) -> Any | None:
    """The digits of the first 19 characters of ASCII timestamps of one length
    and layout (Flashpoint writes first seen so), picked out in numpy; None
    when the values are not all so (the regular expression does those: a
    tenth of GDELT's time)."""
    import numpy as np
    import pyarrow as pa

    n = len(seen)
    offsets = np.frombuffer(seen.buffers()[1], dtype=np.int32, count=n + 1, offset=4 * seen.offset)
    width = int(offsets[1] - offsets[0]) if n else 0
    if width < 19 or np.any(np.diff(offsets) != width):
        return None
    chars = np.frombuffer(seen.buffers()[2], dtype=np.uint8, count=n * width, offset=int(offsets[0])).reshape(n, width)
    digit = (chars[:, :19] >= ord("0")) & (chars[:, :19] <= ord("9"))
    if not digit[:, _STAMP_DIGITS].all() or digit[:, _STAMP_MARKS].any():
        return None
    picked = np.ascontiguousarray(chars[:, _STAMP_DIGITS])
    starts = np.arange(0, len(_STAMP_DIGITS) * (n + 1), len(_STAMP_DIGITS), dtype=np.int32)
    return pa.Array.from_buffers(pa.string(), n, [None, pa.py_buffer(starts), pa.py_buffer(picked)])


def _as_page(table: Any) -> EventPage:
    """The batch as a brief page, to be written from dicts."""
    values = [table.column(name).to_pylist() for name in PAGE_COLUMNS]
    return EventPage(tuple(zip(*values)), None)


def _texts(table: Any, report: ExportReport, side: bool) -> tuple[str, str] | None:
    """:func:`batch_text`, or None when the batch must be written from dicts."""
    try:
        return batch_text(table, report, side)
    except _AsDicts:
        return None


def write_gdelt_columns(tables: Iterable[Any], fh: IO[str], report: ExportReport,
                        side: IO[str] | None = None) -> None:
    """What :func:`.gdelt.write_gdelt` writes for the events of ``tables``
    (tables of :func:`store_columns`), a table at a time; the text of the
    next table is made on a second thread while this one is written, when
    the tables allow it (:meth:`.columns.ColumnBatches.map`)."""
    if side is not None:
        side_header(side)
    batches = tables if isinstance(tables, ColumnBatches) else ColumnBatches(tables)
    with contextlib.closing(batches.map(lambda t: _texts(t, report, side is not None), ahead=False)) as pairs:
        for table, texts in pairs:
            if texts is None:
                write_rows(page_events(_as_page(table)), fh, report, side)
                continue
            text, side_text = texts
            fh.write(text)
            if side is not None:
                side.write(side_text)
            report.written += table.num_rows
            release_memory()
