"""``flashpoint code``: code text files, stdin or JSONL records into events."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from ..config import Settings
from ..errors import FlashpointError, InputError
from ..store.base import Failure
from ..types import Article, Event, content_id
from .backoff_option import backoff_option
from .common import fail, settings_options, table
from .petrarch_option import petrarch_option

BINARY_SNIFF = 4096


def read_text_bytes(data: bytes, name: str) -> str:
    """Decode a document, refusing what is clearly binary."""
    head = data[:BINARY_SNIFF]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or (head and controls / len(head) > 0.1):
        raise InputError(f"{name}: looks like a binary file, not text")
    return data.decode("utf-8", errors="replace")


def _check_date(value, where: str) -> str | None:
    from ..nlp.dates import parse_iso_date

    if value in (None, ""):
        return None
    try:
        return parse_iso_date(str(value)).isoformat()
    except FlashpointError as exc:
        raise InputError(f"{where}: {exc}") from exc


def _file_items(name: str, date: str | None, settings: Settings) -> Iterator[Any]:
    """Articles, failures and notes of one input, read as ``flashpoint ingest`` reads it.

    HTML, JSON, JSONL and CSV files and folders go through ingest's
    :class:`~flashpoint.ingest.files.FileSource`: HTML is reduced to the
    article's text with its title, date and outlet. Every file takes its
    metadata from a ``FILE.meta.json`` sidecar as ingest does. Plain text
    (``.txt``, ``.md``, stdin, other extensions) is coded as it stands, so
    evidence offsets count in the file itself; an empty one has no events.
    A text or HTML file's document id is its name without extension unless
    the sidecar gives one.
    """
    from ..ingest.files import SUFFIXES, TEXT_SUFFIXES, FileSource, _sidecar, _wanted

    path = Path(name)
    if name != "-" and path.is_dir():
        for file in sorted(p for p in path.rglob("*") if _wanted(p, path)):
            yield from _file_items(str(file), date, settings)
        return
    if name != "-" and path.suffix.lower() in SUFFIXES and path.suffix.lower() not in TEXT_SUFFIXES:
        for item in FileSource([path], max_chars=settings.max_chars, date=date):
            yield _named(item, path)
        return
    meta: dict[str, Any] = {}
    try:
        meta = _sidecar(path) if name != "-" else {}
    except InputError as exc:
        yield Failure(key=name, stage="parse", reason=str(exc))
        return
    try:
        data = sys.stdin.buffer.read() if name == "-" else path.read_bytes()
        text = read_text_bytes(data, name)
    except OSError as exc:
        yield Failure(key=name, stage="parse", reason=f"{name}: {exc.strerror or exc}")
        return
    except InputError as exc:
        yield Failure(key=name, stage="parse", reason=str(exc))
        return
    try:
        when = _check_date(meta.get("date"), f"{name}.meta.json") or date
    except InputError as exc:
        yield Failure(key=name, stage="parse", reason=str(exc))
        return
    yield Article(id=meta.get("id") or (path.stem if name != "-" else content_id(text)), text=text, date=when,
                  title=meta.get("title"), url=meta.get("url"), outlet=meta.get("outlet"),
                  language=meta.get("language") or "en")


def _named(item: Any, path: Path) -> Any:
    """A text or HTML file's article takes the file's stem as id, as `code` always did."""
    from ..ingest.files import HTML_SUFFIXES, TEXT_SUFFIXES, _sidecar

    if not isinstance(item, Article) or path.suffix.lower() not in TEXT_SUFFIXES + HTML_SUFFIXES:
        return item
    try:
        given = _sidecar(path).get("id")
    except InputError:
        given = None  # FileSource has reported the bad sidecar already
    return dataclasses.replace(item, id=given or path.stem)


def format_table(events: list[Event]) -> str:
    """A header row, then one line per event; text cut at word boundaries."""
    rows = [[
        e.date or "",
        (e.source.code or e.source.name) if e.source else "",
        e.cameo,
        (e.target.code or e.target.name) if e.target else "",
        ("not " if e.negated else "") + e.modality,
        e.evidence.trigger,
        e.evidence.sentence,
    ] for e in events]
    headers = ["date", "source", "code", "target", "modality", "trigger", "evidence"]
    return "\n".join(table(headers, rows, [10, 14, 4, 14, 16, 20, 80]))


@click.command("code")
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--jsonl", "jsonl", type=click.Path(allow_dash=True), help="JSONL records {id, text, date?, title?, url?}.")
@click.option("--date", "pub_date", help="Publication date (YYYY-MM-DD) of plain-text input.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), help="Output format (default: table on a terminal, else jsonl).")
@click.option("--all", "include_all", is_flag=True, help="Include negated and hypothetical events.")
@click.option("--workers", type=int, help="Coding processes (default: the cores, capped by memory); output is the same as with 1.")
@click.option("--prefilter", is_flag=True, help="Parse only the sentences that can yield an event (faster on general news; see docs/PERFORMANCE.md).")
@settings_options
@backoff_option
@petrarch_option
def code_command(files, jsonl, pub_date, fmt, include_all, workers, prefilter, settings: Settings) -> None:
    """Code news text into events.

    \b
    Examples:
      flashpoint code article.txt --date 2021-11-12
      cat article.txt | flashpoint code - --format table
      flashpoint code --jsonl articles.jsonl > events.jsonl
      flashpoint code --jsonl big.jsonl --workers 2 > events.jsonl

    Exit codes: 0 ok, 1 some documents failed, 2 usage error.
    """
    from dataclasses import replace

    from ..parallel import check_workers, code_parallel

    if not files and not jsonl:
        fail("give text files, '-' for stdin, or --jsonl FILE (see --help)", 2)
    try:
        date = _check_date(pub_date, "--date")
        workers = check_workers(workers)
    except FlashpointError as exc:
        fail(str(exc), 2)
    settings = replace(settings, include_uncounted=include_all, prefilter=prefilter or settings.prefilter)
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    failures = 0
    inputs: list[Article] = []
    for name in files:
        for item in _file_items(name, date, settings):
            if isinstance(item, Article):
                inputs.append(item)
            elif isinstance(item, Failure):
                click.echo(f"error: {item.reason}", err=True)
                failures += 1
            else:
                click.echo(f"note: {item.key}: {item.reason}", err=True)

    def articles() -> Iterator[Article]:
        nonlocal failures
        yield from inputs
        if jsonl:
            # The same reader as `flashpoint ingest`: one bad line is reported, the rest go on.
            from ..ingest.document import Note
            from ..ingest.records import jsonl_items

            try:
                stream = sys.stdin.buffer if jsonl == "-" else open(jsonl, "rb")
                with stream:
                    for item in jsonl_items(stream, jsonl, settings.max_chars, default_date=date):
                        if isinstance(item, Failure):
                            click.echo(f"error: {item.reason}", err=True)
                            failures += 1
                        elif isinstance(item, Note):
                            click.echo(f"note: {item.key}: {item.reason}", err=True)
                        else:
                            yield item
            except OSError as exc:
                click.echo(f"error: {jsonl}: {exc.strerror or exc}", err=True)
                failures += 1

    table: list[Event] = []
    unanswered: dict[str, int] = {}  # documents the coder took and has not answered yet: id -> size

    def taken() -> Iterator[Article]:
        for art in articles():
            unanswered[art.id] = len(art.text)
            yield art

    try:
        for art, events, error in code_parallel(taken(), settings, workers):
            unanswered.pop(art.id, None)
            if error:
                click.echo(f"error: document {art.id}: {error}", err=True)
                failures += 1
                continue
            if fmt == "jsonl":
                for e in events:
                    sys.stdout.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
            else:
                table.extend(events)
    except FlashpointError as exc:
        fail(str(exc), exc.exit_code)
    except MemoryError:
        fail(out_of_memory(unanswered), 1)
    if fmt == "table":
        click.echo(format_table(table) if table else "no events")
    sys.exit(1 if failures else 0)


def out_of_memory(unanswered: dict[str, int]) -> str:
    """One line naming the document most likely to blame (the largest being coded)."""
    if not unanswered:
        return "out of memory before any document was coded; lower $FLASHPOINT_BATCH_CHARS (characters coded at once)"
    doc, size = max(unanswered.items(), key=lambda kv: kv[1])
    return (f"out of memory while coding document {doc} ({size:,} characters, the largest of the"
            f" {len(unanswered)} being coded); split it or lower $FLASHPOINT_BATCH_CHARS")


commands = [code_command]
