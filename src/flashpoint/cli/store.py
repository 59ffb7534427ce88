"""CLI commands over the store: events, export, stats, summary, series.

Each command opens the store named by --db (else $FLASHPOINT_DB, else
./flashpoint.db), calls one library function and prints the result;
library errors become one-line messages with the exit codes of errors.py.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from collections.abc import Iterator
from typing import Any

import click

from ..config import Settings
from ..errors import FlashpointError, UsageError
from .common import fail


def _filters(func):
    """Add the shared event filters and --db; pass ``flt`` and ``db_url``."""

    @click.option("--db", "db", help="SQLite file, postgresql:// URL or memory: (default $FLASHPOINT_DB or ./flashpoint.db).")
    @click.option("--since", help="First day, YYYY-MM-DD (inclusive).")
    @click.option("--until", help="Last day, YYYY-MM-DD (inclusive).")
    @click.option("--actor", help="Actor name, code, country or org on either side.")
    @click.option("--country", help="ISO3 country of either side.")
    @click.option("--source", help="Acting side (Actor.key): org id, else ISO3.")
    @click.option("--target", help="Receiving side (Actor.key): org id, else ISO3.")
    @click.option("--cameo", help="CAMEO code prefix, e.g. 19 or 112.")
    @click.option("--quad", type=click.IntRange(1, 4), help="QuadClass 1-4.")
    @click.option("--plover", help="PLOVER event type, e.g. ACCUSE.")
    @click.option("--text", help="Substring of the evidence sentence.")
    @click.option("--all", "include_all", is_flag=True, help="Include negated and hypothetical events.")
    @click.option("--limit", type=click.IntRange(min=0), help="At most this many events.")
    @functools.wraps(func)
    def wrapper(*args, db, since, until, actor, country, source, target, cameo, quad, plover, text,
                include_all, limit, **kwargs):
        from ..store import EventFilter

        try:
            flt = EventFilter(since=since, until=until, actor=actor, country=country, source=source,
                              target=target, cameo=cameo, quad_class=quad, plover=plover, text=text,
                              include_uncounted=include_all, limit=limit)
        except FlashpointError as exc:
            fail(str(exc), exc.exit_code)
        return func(*args, flt=flt, db_url=Settings.from_env(db=db).db, **kwargs)

    return wrapper


@contextlib.contextmanager
def _store(url: str) -> Iterator[Any]:
    """Open the store; turn any library error inside the block into a one-line exit."""
    from ..store import open_store

    store = None
    try:
        store = open_store(url)
        yield store
    except FlashpointError as exc:
        fail(str(exc), exc.exit_code)
    except BrokenPipeError:  # `flashpoint events | head` closed the pipe: not an error
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    finally:
        if store is not None:
            store.close()


def _row(e: dict[str, Any]) -> str:
    src = (e.get("source") or {}).get("name") or "-"
    tgt = (e.get("target") or {}).get("name") or "-"
    sentence = " ".join(((e.get("evidence") or {}).get("sentence") or "").split())
    sentence = sentence if len(sentence) <= 70 else sentence[:69] + "…"
    return f"{e.get('date') or '?':<10}  {src[:18]:<18} {e.get('cameo', ''):<5} {tgt[:18]:<18} {e.get('num_sources', 1):>3}  {sentence}"


@click.command("events")
@_filters
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
def events_command(flt, db_url, fmt) -> None:
    """List merged events (each counted once however many articles report it).

    \b
    Examples:
      flashpoint events --source RUS --target UKR --since 2022-02-01
      flashpoint events --cameo 19 --format jsonl --limit 100
    """
    with _store(db_url) as store:
        if fmt == "json":
            click.echo(json.dumps(list(store.events(flt)), ensure_ascii=False, indent=2))
            return
        n = 0
        for event in store.events(flt):
            click.echo(json.dumps(event, ensure_ascii=False) if fmt == "jsonl" else _row(event))
            n += 1
        if fmt == "table" and n == 0:
            click.echo("no events")


@click.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(["gdelt", "plover", "csv", "jsonl", "parquet"]))
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Output file (default stdout; parquet needs a file).")
@_filters
def export_command(fmt, output, flt, db_url) -> None:
    """Export merged events as GDELT 2.0 rows, PLOVER JSON, CSV, JSONL or Parquet.

    Every format is documented column by column in docs/OPERATIONS.md. GDELT
    written to a file also writes FILE.flashpoint.tsv with what GDELT has no
    column for (modality, negation, confidence, attribution, quantities).

    \b
    Examples:
      flashpoint export --format gdelt -o events.tsv --since 2022-01-01
      flashpoint export --format parquet -o events.parquet --cameo 19
    """
    from ..store.exports import export, side_path

    with _store(db_url) as store:
        if output == "-" and fmt == "parquet":
            raise UsageError("parquet is binary; give an output file with -o FILE.parquet")
        report = export(store.events(flt), fmt, sys.stdout if output == "-" else output)
        for line in report.lines():
            click.echo(line, err=True)
        if output != "-":
            side = f" (modality and the rest in {side_path(output)})" if fmt == "gdelt" else ""
            click.echo(f"wrote {report.written} events to {output}{side}", err=True)


@click.command("stats")
@click.option("--db", "db", help="SQLite file, postgresql:// URL or memory:.")
def stats_command(db) -> None:
    """Show row counts: articles, copies, reports, merged events, actors, failures.

    \b
    Example:
      flashpoint stats --db flashpoint.db
    """
    with _store(Settings.from_env(db=db).db) as store:
        for name, n in store.counts().items():
            click.echo(f"{name:<10} {n:>10}")


@click.command("summary")
@_filters
def summary_command(flt, db_url) -> None:
    """Summarise the store: events per dyad and CAMEO root, top actors, examples.

    \b
    Example:
      flashpoint summary --since 2022-01-01
    """
    from ..analytics import format_summary, summary

    with _store(db_url) as store:
        click.echo(format_summary(summary(store, flt)))


@click.command("series")
@click.argument("dyad_source", metavar="SOURCE")
@click.argument("dyad_target", metavar="TARGET")
@click.option("--freq", type=click.Choice(["day", "week", "month", "year"]), default="day", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@_filters
def series_command(dyad_source, dyad_target, freq, fmt, flt, db_url) -> None:
    """Events per period from SOURCE to TARGET, with the Goldstein sum.

    \b
    Example:
      flashpoint series RUS UKR --freq week --cameo 19
    """
    from ..analytics import dyad_series

    with _store(db_url) as store:
        rows = dyad_series(store, dyad_source, dyad_target, freq, flt)
        if fmt == "json":
            click.echo(json.dumps([{"period": p, "count": n, "goldstein": g} for p, n, g in rows]))
        elif fmt == "csv":
            click.echo("period,count,goldstein")
            for p, n, g in rows:
                click.echo(f"{p},{n},{g}")
        else:
            for p, n, g in rows:
                click.echo(f"{p:<10} {n:>8} {g:>10.1f}")
            if not rows:
                click.echo(f"no events from {dyad_source} to {dyad_target}")


commands = [events_command, export_command, stats_command, summary_command, series_command]
