"""Structured records: JSONL lines, CSV rows and JSON files.

Each record is ``{"id"?, "text", "date"?, "title"?, "url"?, "outlet"?,
"language"?}``. A malformed line or row becomes a failure keyed
``path:line`` and the rest of the file is still read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import InputError
from ..store.base import Failure
from .document import Item, Note, decode, make_article

FIELDS = ("id", "text", "date", "title", "url", "outlet", "language")


def record_items(record: Any, key: str, max_chars: int, default_date: str | None = None) -> Iterator[Item]:
    """Turn one parsed record into an article (plus notes), or a failure."""
    try:
        if not isinstance(record, dict):
            raise InputError(f"{key}: a record must be a JSON object with a 'text' field, got {type(record).__name__}")
        text = record.get("text")
        if not isinstance(text, str):
            raise InputError(f"{key}: missing or non-string 'text' field")
        fields = {}
        for name in ("id", "title", "url", "outlet", "language"):
            value = record.get(name)
            if value is not None and not isinstance(value, (str, int)) or isinstance(value, bool):
                raise InputError(f"{key}: field {name!r} must be a string")
            fields[name] = str(value) if value is not None else None
        yield from make_article(
            key, text, max_chars=max_chars, date=record.get("date") or default_date, **fields
        )
    except InputError as exc:
        yield Failure(key=key, stage="parse", reason=str(exc))


def _line_limit(max_chars: int) -> int:
    # A UTF-8 character is at most 4 bytes; JSON escapes can make a line up
    # to 6x its text, and the other fields need some room too.
    return max_chars * 6 + 65_536


def _load_json(data: bytes, key: str) -> tuple[Any, Note | None] | Failure:
    """Decode and parse one JSON document, or say why it cannot be read."""
    try:
        text, note = decode(data, key)
        return json.loads(text), note
    except InputError as exc:
        return Failure(key=key, stage="parse", reason=str(exc))
    except (ValueError, RecursionError) as exc:
        return Failure(key=key, stage="parse", reason=f"{key}: invalid JSON ({str(exc)[:200]})")


def jsonl_items(stream: BinaryIO, name: str, max_chars: int, default_date: str | None = None) -> Iterator[Item]:
    """Read JSON Lines; blank lines are skipped, bad lines become failures."""
    limit = _line_limit(max_chars)
    lineno = 0
    while True:
        raw = stream.readline(limit)
        if not raw:
            return
        lineno += 1
        key = f"{name}:{lineno}"
        if not raw.endswith(b"\n") and len(raw) >= limit:
            while (rest := stream.readline(limit)) and not rest.endswith(b"\n"):
                pass
            yield Failure(key=key, stage="parse", reason=f"{key}: line longer than {limit} bytes; skipped")
            continue
        if not raw.strip():
            continue
        parsed = _load_json(raw, key)
        if isinstance(parsed, Failure):
            yield parsed
            continue
        record, note = parsed
        if note:
            yield note
        yield from record_items(record, key, max_chars, default_date)


def json_items(data: bytes, name: str, max_chars: int, default_date: str | None = None) -> Iterator[Item]:
    """Read a JSON file holding one record or a list of records."""
    loaded = _load_json(data, name)
    if isinstance(loaded, Failure):
        yield loaded
        return
    parsed, note = loaded
    if note:
        yield note
    records = parsed if isinstance(parsed, list) else [parsed]
    for i, record in enumerate(records, 1):
        yield from record_items(record, f"{name}#{i}" if isinstance(parsed, list) else name, max_chars, default_date)


def csv_items(data: bytes, name: str, max_chars: int, default_date: str | None = None) -> Iterator[Item]:
    """Read CSV with a header row naming the record fields (``text`` required)."""
    try:
        text, note = decode(data, name)
    except InputError as exc:
        yield Failure(key=name, stage="parse", reason=str(exc))
        return
    if note:
        yield note
    # The limit is process-wide in the csv module; raise it, never lower it.
    csv.field_size_limit(max(csv.field_size_limit(), _line_limit(max_chars)))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        yield Failure(key=f"{name}:1", stage="parse", reason=f"{name}: unreadable CSV header ({exc})")
        return
    if "text" not in header:
        yield Failure(
            key=f"{name}:1", stage="parse",
            reason=f"{name}: the CSV header must name a 'text' column (got {', '.join(header)[:200]!r})",
        )
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            key = f"{name}:{reader.line_num}"
            yield Failure(key=key, stage="parse", reason=f"{key}: malformed CSV row ({exc})")
            continue
        key = f"{name}:{reader.line_num}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Failure(key=key, stage="parse", reason=f"{key}: {len(row)} cells for {len(header)} columns")
            continue
        record = {h: (v if v != "" else None) for h, v in zip(header, row) if h in FIELDS}
        record.setdefault("text", None)
        yield from record_items(record, key, max_chars, default_date)
