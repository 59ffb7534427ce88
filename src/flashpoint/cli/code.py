"""``flashpoint code``: code text files, stdin or JSONL records into events."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from ..config import Settings
from ..errors import FlashpointError, InputError
from ..types import Article, Event, content_id
from .common import fail, settings_options
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


def format_table(events: list[Event]) -> str:
    rows = [("date", "source", "code", "target", "modality", "trigger", "evidence")]
    for e in events:
        rows.append((
            e.date or "",
            (e.source.code or e.source.name) if e.source else "",
            e.cameo,
            (e.target.code or e.target.name) if e.target else "",
            ("not " if e.negated else "") + e.modality,
            e.evidence.trigger[:20],
            e.evidence.sentence.replace("\n", " ")[:70],
        ))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[-1] for r in rows)


@click.command("code")
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--jsonl", "jsonl", type=click.Path(allow_dash=True), help="JSONL records {id, text, date?, title?, url?}.")
@click.option("--date", "pub_date", help="Publication date (YYYY-MM-DD) of plain-text input.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), help="Output format (default: table on a terminal, else jsonl).")
@click.option("--all", "include_all", is_flag=True, help="Include negated and hypothetical events.")
@click.option("--workers", type=int, help="Coding processes (default: the cores, capped by memory); output is the same as with 1.")
@click.option("--prefilter", is_flag=True, help="Parse only the sentences that can yield an event (faster on general news; see docs/PERFORMANCE.md).")
@settings_options
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
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            text = read_text_bytes(data, name)
        except OSError as exc:
            click.echo(f"error: {name}: {exc.strerror or exc}", err=True)
            failures += 1
            continue
        except InputError as exc:
            click.echo(f"error: {exc}", err=True)
            failures += 1
            continue
        doc_id = Path(name).stem if name != "-" else content_id(text)
        inputs.append(Article(id=doc_id, text=text, date=date))

    def articles() -> Iterator[Article]:
        nonlocal failures
        yield from inputs
        if jsonl:
            # The same reader as `flashpoint ingest`: one bad line is reported, the rest go on.
            from ..ingest.document import Note
            from ..ingest.records import jsonl_items
            from ..store.base import Failure

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
    try:
        for art, events, error in code_parallel(articles(), settings, workers):
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
    if fmt == "table":
        click.echo(format_table(table) if table else "no events")
    sys.exit(1 if failures else 0)


commands = [code_command]
