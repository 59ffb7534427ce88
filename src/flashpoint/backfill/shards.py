"""Shards of a backfill: files, folders and archives, read item by item.

A shard is one file, or one member of a ``.tar.gz`` archive. Besides what
``flashpoint ingest`` reads (text, Markdown, HTML, JSON, JSONL, CSV), a
backfill reads gzip-compressed JSONL and CSV (``.jsonl.gz``, ``.csv.gz``)
and tar archives (``.tar.gz``, ``.tgz``, ``.tar``) of those. A shard that
breaks part-way (a corrupt gzip stream, a truncated archive) keeps what was
read before the break and yields a :class:`Failure` for the rest; a
malformed line is a failure of its own, as in ``ingest``.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..ingest.document import Item, decode, make_article
from ..ingest.files import SUFFIXES, FileSource
from ..ingest.records import csv_items, json_items, jsonl_items
from ..store.base import Failure

ARCHIVES = (".tar.gz", ".tgz", ".tar")
GZIPPED = (".jsonl.gz", ".csv.gz")
#: What breaks when a compressed stream is corrupt or cut short.
BROKEN_STREAM = (EOFError, OSError, zlib.error, tarfile.TarError)


@dataclass(frozen=True, slots=True)
class Shard:
    """One unit of input: a file path (and a member name inside an archive)."""

    path: str
    member: str | None = None

    @property
    def key(self) -> str:
        return f"{self.path}!{self.member}" if self.member else self.path


def _kind(name: str) -> str | None:
    low = name.lower()
    for suffix in ARCHIVES:
        if low.endswith(suffix):
            return "archive"
    for suffix in GZIPPED:
        if low.endswith(suffix):
            return "gzip"
    return "file" if Path(low).suffix in SUFFIXES and not low.endswith(".meta.json") else None


def is_document(shard: Shard) -> bool:
    """Whether the shard is one article (a text, Markdown, HTML or JSON file)."""
    return _kind(shard.path) == "file" and Path(shard.path).suffix.lower() not in (".jsonl", ".csv")


def find_shards(sources: list[str]) -> Iterator[Shard | Failure]:
    """The shards under ``sources`` (files, and folders walked in sorted order)."""
    for source in sources:
        path = Path(source)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = file.relative_to(path).parts
                if not any(part.startswith(".") for part in rel) and _kind(file.name):
                    yield Shard(str(file))
        elif path.is_file():
            if _kind(path.name):
                yield Shard(str(path))
            else:
                yield Failure(key=str(path), stage="parse",
                              reason=f"{path}: unsupported file type; use {', '.join(SUFFIXES + GZIPPED + ARCHIVES)}")
        else:
            yield Failure(key=str(path), stage="parse", reason=f"{path}: no such file or folder")


def read_shard(shard: Shard, max_chars: int, date: str | None = None) -> Iterator[Item]:
    """Articles, failures and notes of one shard (never raises for bad input)."""
    kind = _kind(shard.path)
    if kind == "file":
        yield from FileSource([shard.path], max_chars=max_chars, date=date)
        return
    count = 0
    try:
        if kind == "gzip":
            with gzip.open(shard.path, "rb") as stream:
                for item in _records(stream, shard.path, shard.path[:-3], max_chars, date):
                    count += 1
                    yield item
        else:
            for item in _archive(shard.path, max_chars, date):
                count += 1
                yield item
    except BROKEN_STREAM as exc:
        yield Failure(key=shard.key, stage="parse",
                      reason=f"{shard.key}: unreadable after {count} items ({type(exc).__name__}: {str(exc)[:200]}); "
                             "what was read before is kept")


def _records(stream: io.BufferedIOBase, key: str, name: str, max_chars: int, date: str | None) -> Iterator[Item]:
    if name.lower().endswith(".jsonl"):
        yield from jsonl_items(stream, key, max_chars, date)
    elif name.lower().endswith(".csv"):
        yield from csv_items(stream.read(), key, max_chars, date)
    elif name.lower().endswith(".json"):
        yield from json_items(stream.read(), key, max_chars, date)
    else:  # plain text or Markdown
        text, note = decode(stream.read(max_chars * 4 + 4), key)
        if note:
            yield note
        yield from make_article(key, text, max_chars=max_chars, date=date)


def _archive(path: str, max_chars: int, date: str | None) -> Iterator[Item]:
    with tarfile.open(path, "r:*") as tar:
        for member in tar:
            if not member.isfile() or any(p.startswith(".") for p in Path(member.name).parts):
                continue
            key = f"{path}!{member.name}"
            kind = _kind(member.name)
            if kind != "file" or Path(member.name).suffix.lower() in (".html", ".htm"):
                yield Failure(key=key, stage="parse", reason=f"{key}: unsupported archive member; use .jsonl, .csv, .json, .txt or .md")
                continue
            stream = tar.extractfile(member)
            if stream is None:
                continue
            with stream:
                yield from _records(stream, key, member.name, max_chars, date)
