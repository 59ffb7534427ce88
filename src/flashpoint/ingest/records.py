"""Structured records: JSONL lines, CSV rows and JSON files.

Each record is ``{"id"?, "text", "date"?, "title"?, "url"?, "outlet"?,
"language"?}``. A malformed line or row becomes a failure keyed
``path:line`` and the rest of the file is still read.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import InputError
from ..store.base import Failure
from ..types import Article
from .document import _SNIFF, Item, Note, decode, make_article

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


MAX_UNREADABLE_RUN = 100  # unreadable lines in a row after which a file is not read further


def jsonl_items(stream: BinaryIO, name: str, max_chars: int, default_date: str | None = None) -> Iterator[Item]:
    """Read JSON Lines; blank lines are skipped, bad lines become failures.

    A file that looks binary (NUL bytes at its start) is one failure, and a
    file stops after ``MAX_UNREADABLE_RUN`` unreadable lines in a row with
    one failure saying so: random bytes named ``.jsonl`` must not flood the
    failures table with a row per "line".
    """
    if stream.seekable():
        head = stream.read(_SNIFF)
        stream.seek(0)
        if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield Failure(key=name, stage="parse", reason=f"{name}: looks like a binary file (NUL bytes); give JSON Lines text")
            return
    run = 0
    for item in _jsonl_lines(stream, name, max_chars, default_date):
        if isinstance(item, Failure):
            run += 1
            yield item
            if run >= MAX_UNREADABLE_RUN:
                yield Failure(key=f"{name}:stopped", stage="parse",
                              reason=f"{name}: stopped after {run} unreadable lines in a row (up to {item.key});"
                                     " the rest of the file was not read; is it JSON Lines?")
                return
        else:
            run = 0 if isinstance(item, Article) else run
            yield item


def _jsonl_lines(stream: BinaryIO, name: str, max_chars: int, default_date: str | None) -> Iterator[Item]:
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


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")  # physical lines, ends kept (as csv counts them)


def _swallows(lines: list[str], cells: int) -> bool:
    """Whether any of ``lines`` (continuation lines of a multi-line row) is on
    its own a complete row of ``cells`` cells with its quotes balanced (the
    line that closes a real multi-line field holds an odd number of quotes)."""
    return any(line.count('"') % 2 == 0 and len(next(csv.reader([line]), [])) == cells
               for line in lines if line.strip())


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
    lines = _LINE.findall(text)
    reader = csv.reader(iter(lines))
    base = 0  # physical lines before the ones this reader reads
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
        start = base + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            key = f"{name}:{base + reader.line_num}"
            yield Failure(key=key, stage="parse", reason=f"{key}: malformed CSV row ({exc})")
            continue
        end = base + reader.line_num
        if end > start and _swallows(lines[start:end], len(header)):
            # An unterminated quote ran this row on over lines that are rows of
            # their own: blame the line it started on and read those again.
            key = f"{name}:{start}"
            yield Failure(key=key, stage="parse", reason=f"{key}: unterminated quote; the row starting here ran on"
                          f" to line {end}; fix the quote (the lines after it were read on their own)")
            reader, base = csv.reader(iter(lines[start:])), start
            continue
        key = f"{name}:{end}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Failure(key=key, stage="parse", reason=f"{key}: {len(row)} cells for {len(header)} columns")
            continue
        record = {h: (v if v != "" else None) for h, v in zip(header, row) if h in FIELDS}
        record.setdefault("text", None)
        yield from record_items(record, key, max_chars, default_date)
