"""Files and folders as a source: text, Markdown, HTML, JSON, JSONL, CSV.

The format follows the extension. Plain text and Markdown carry no
metadata of their own: the title, date, URL and outlet come from an
optional sidecar ``<file name>.meta.json`` (``story.txt`` ->
``story.txt.meta.json``), else the date is the ``date`` given to the
source (CLI ``--date``) and the rest stays empty. The file's modification
time is never used as a publication date: copying a file changes it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, UsageError
from ..store.base import Failure
from .document import Item, Note, decode, make_article
from .html import extract_page
from .records import csv_items, json_items, jsonl_items

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + (".json", ".jsonl", ".csv")
SIDECAR = ".meta.json"
MAX_SIDECAR_BYTES = 1_000_000
MAX_HTML_BYTES = 20_000_000


class FileSource:
    """Articles from files and folders (folders are walked recursively,
    in sorted order, skipping hidden entries and sidecars)."""

    def __init__(self, paths: list[Path | str], *, max_chars: int = 2_000_000, date: str | None = None) -> None:
        self.paths = [Path(p) for p in paths]
        self.max_chars = max_chars
        self.date = date

    def __iter__(self) -> Iterator[Item]:
        for path in self.paths:
            if path.is_dir():
                for file in sorted(p for p in path.rglob("*") if _wanted(p, path)):
                    yield from self._file(file)
            elif path.exists():
                yield from self._file(path)
            else:
                yield Failure(key=str(path), stage="parse", reason=f"{path}: no such file or folder")

    def commit(self) -> None:
        """Files need no bookkeeping."""

    def _file(self, path: Path) -> Iterator[Item]:
        key = str(path)
        suffix = path.suffix.lower()
        try:
            if suffix == ".jsonl":
                with path.open("rb") as stream:
                    yield from jsonl_items(stream, key, self.max_chars, self.date)
                return
            if suffix not in SUFFIXES:
                raise InputError(f"{key}: unsupported file type {suffix or '(none)'}; use one of {', '.join(SUFFIXES)}")
            data, cut = _read_capped(path, self._byte_limit(suffix))
            if suffix == ".json":
                yield from json_items(data, key, self.max_chars, self.date)
            elif suffix == ".csv":
                yield from csv_items(data, key, self.max_chars, self.date)
            else:
                yield from self._document(path, data, cut)
        except InputError as exc:
            yield Failure(key=key, stage="parse", reason=str(exc))
        except OSError as exc:
            yield Failure(key=key, stage="parse", reason=f"{key}: cannot read ({exc.strerror or exc})")

    def _byte_limit(self, suffix: str) -> int | None:
        if suffix in TEXT_SUFFIXES:
            return self.max_chars * 4 + 4
        if suffix in HTML_SUFFIXES:
            # Markup outweighs text; past this a page is not a news article.
            return MAX_HTML_BYTES
        return None

    def _document(self, path: Path, data: bytes, cut: bool) -> Iterator[Item]:
        key = str(path)
        text, note = decode(data, key)
        if note:
            yield note
        if cut:
            yield Note(key, f"file cut at {len(data)} bytes; the rest was not read")
        meta = _sidecar(path)
        if path.suffix.lower() in HTML_SUFFIXES:
            page = extract_page(text, url=meta.get("url"))
            fields = {"title": page.title, "date": page.date, "outlet": page.outlet,
                      "language": page.language, "url": page.url}
            text = page.text
        else:
            fields = {}
        fields.setdefault("date", None)
        fields["date"] = fields["date"] or self.date
        fields.update({k: v for k, v in meta.items() if v is not None})
        yield from make_article(key, text, max_chars=self.max_chars, **fields)


def _wanted(path: Path, root: Path) -> bool:
    rel = path.relative_to(root).parts
    return (
        path.is_file()
        and not any(part.startswith(".") for part in rel)
        and not path.name.endswith(SIDECAR)
        and path.suffix.lower() in SUFFIXES
    )


def _read_capped(path: Path, limit: int | None) -> tuple[bytes, bool]:
    with path.open("rb") as f:
        if limit is None:
            return f.read(), False
        data = f.read(limit + 1)
    return data[:limit], len(data) > limit


def _sidecar(path: Path) -> dict:
    """Metadata from ``<file>.meta.json``, validated to plain string fields."""
    side = path.with_name(path.name + SIDECAR)
    if not side.is_file():
        return {}
    try:
        raw = side.read_bytes()[: MAX_SIDECAR_BYTES + 1]
        if len(raw) > MAX_SIDECAR_BYTES:
            raise InputError(f"{side}: sidecar larger than {MAX_SIDECAR_BYTES} bytes")
        meta = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise InputError(f"{side}: invalid sidecar JSON ({str(exc)[:200]})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{side}: the sidecar must be a JSON object")
    allowed = ("id", "title", "date", "url", "outlet", "language")
    unknown = sorted(set(meta) - set(allowed))
    if unknown:
        raise InputError(f"{side}: unknown sidecar fields {unknown}; allowed: {', '.join(allowed)}")
    bad = [k for k, v in meta.items() if v is not None and not isinstance(v, str)]
    if bad:
        raise InputError(f"{side}: sidecar fields must be strings: {bad}")
    return meta


def check_date(value: str | None) -> str | None:
    """Validate a ``--date`` option (``YYYY-MM-DD``).

    Raises:
        UsageError: the value is not an ISO date.
    """
    from .document import normalise_date

    if value is None:
        return None
    try:
        iso = normalise_date(value)
    except InputError:
        iso = None
    if iso is None or len(value.strip()) != 10:
        raise UsageError(f"--date {value!r} is not a date; use YYYY-MM-DD")
    return iso
