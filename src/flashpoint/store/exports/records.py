"""Stored JSON records decoded column by column, in C++, by Arrow's JSON reader.

A store keeps each event's record (its first report's event) as JSON text. ``json.loads`` builds a
Python object per value (about 18 µs for a 730-byte record); Arrow's reader
tokenises the page in C++ and builds only the columns a schema names (about
1.5 µs a record to tokenise, plus about 0.1 µs per column built). Parquet
reads every field this way, GDELT only the two dozen its rows print.
"""

from __future__ import annotations

from typing import Any

from ...errors import StoreError


def read_records(records: Any, schema: Any) -> Any:
    """The fields of ``schema`` (nested structs may name a subset of their
    children) from JSON records (an Arrow string array), one table row per record.

    Raises:
        StoreError: a record is not JSON, or a value does not fit its type
            (a float where the schema wants an integer, a number for a string).
    """
    import pyarrow as pa

    table = _read_values(records, schema)
    if table is not None:
        return table
    try:
        return _read_lines(records, schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise StoreError(f"cannot decode stored events: {exc}; the records do not match the event schema") from exc


def _read_json(data: Any, schema: Any) -> Any:
    import pyarrow as pa
    import pyarrow.json as pj

    # One block holds the whole page: the reader splits blocks at line breaks only.
    return pj.read_json(pa.BufferReader(data), read_options=pj.ReadOptions(use_threads=False, block_size=data.size + 1),
                        parse_options=pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="ignore"))


def _read_values(records: Any, schema: Any) -> Any | None:
    """The records read straight from the array's own bytes, or None when that
    cannot be trusted to give one row per record (then :func:`_read_lines` does).

    Within one block Arrow's reader takes objects one after another, with or
    without white space between them, so the records need not be joined one
    to a line (joining and looking for line breaks cost two thirds as much as
    the parse). Taken when each record starts with ``{`` and ends with ``}``
    (as :func:`~flashpoint.store.rows.dumps` writes them), none is null, and
    the reader finds as many objects as there are records: one object each.
    Records that do not parse so (a raw line break inside a string, which the
    line reader turns into a space) are read as lines, as before.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    n = len(records)
    if not n or records.null_count or not pa.types.is_string(records.type):
        return None
    if not (pc.all(pc.starts_with(records, "{")).as_py() and pc.all(pc.ends_with(records, "}")).as_py()):
        return None
    offsets = np.frombuffer(records.buffers()[1], dtype=np.int32, count=n + 1, offset=4 * records.offset)
    data = records.buffers()[2].slice(int(offsets[0]), int(offsets[-1] - offsets[0]))
    try:
        table = _read_json(data, schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    return table if table.num_rows == n else None


def _read_lines(records: Any, schema: Any) -> Any:
    """The records joined one to a line, line breaks inside them made spaces."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pc.any(pc.match_substring(records, "\n")).as_py() or pc.any(pc.match_substring(records, "\r")).as_py():
        # JSON may break lines only between tokens, where a space does as well;
        # the reader needs one record per line.
        records = pc.replace_substring_regex(records, "[\\r\\n]", " ")
    whole = pa.ListArray.from_arrays(pa.array([0, len(records)], pa.int32()), records)
    return _read_json(pc.binary_join(whole, "\n")[0].as_buffer(), schema)


def release_memory() -> None:
    """Hand Arrow's freed memory back to the system. Its allocator keeps
    what a page used for the next one and spreads it (about 50 MB of
    resident memory more at the end of a GDELT export than the page needed);
    called after each page, it keeps an export's memory constant and small."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()


def subschema(schema: Any, wanted: dict[str, Any]) -> Any:
    """The part of ``schema`` that ``wanted`` names: ``{"cameo": None,
    "source": ("code", "name")}`` keeps ``cameo`` whole and two children of
    the ``source`` struct, with their types in ``schema``."""
    import pyarrow as pa

    fields = []
    for field in schema:
        if field.name not in wanted:
            continue
        children = wanted[field.name]
        if children is None:
            fields.append(field)
        else:
            kept = [field.type.field(name) for name in children]
            fields.append(pa.field(field.name, pa.struct(kept)))
    return pa.schema(fields)
