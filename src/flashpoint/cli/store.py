"""CLI commands over the store: events, export, stats, summary, series, failures.

Each command opens the store named by --db (else $FLASHPOINT_DB, else
./flashpoint.db), calls one library function and prints the result;
library errors become one-line messages with the exit codes of errors.py.
These commands only read: a database file that does not exist is an error
(exit 2), never a new empty database.
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
from .common import fail, table

DB_HELP = "SQLite file, postgresql:// URL or memory: (default $FLASHPOINT_DB or ./flashpoint.db)."


def _filters(func):
    """Add the shared event filters and --db; pass ``flt`` and ``db_url``."""

    @click.option("--db", "db", help=DB_HELP)
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
    """Open an existing store; turn any library error inside the block into a one-line exit."""
    from ..store import open_store

    store = None
    try:
        store = open_store(url, create=False)
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


def _hint_empty(store: Any, flt: Any) -> None:
    """After an empty answer: say which filter names nothing known (stderr)."""
    from ..store.hints import filter_hints

    for hint in filter_hints(store, flt):
        click.echo(f"hint: {hint}", err=True)


EVENT_HEADERS = ["date", "source", "code", "target", "modality", "srcs", "evidence"]


def _event_cells(e: dict[str, Any]) -> list[str]:
    return [e.get("date") or "?", (e.get("source") or {}).get("name") or "-", e.get("cameo") or "",
            (e.get("target") or {}).get("name") or "-",
            ("not " if e.get("negated") else "") + (e.get("modality") or ""),
            str(e.get("num_sources", 1)), (e.get("evidence") or {}).get("sentence") or ""]


def _echo_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


@click.command("events")
@_filters
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
def events_command(flt, db_url, fmt, as_json) -> None:
    """List merged events (each counted once however many articles report it).

    The table shows date, source, CAMEO code, target, modality, number of
    sources and the evidence sentence, with a header row; names are cut at
    word boundaries. JSON records validate against the merged-event schema
    (docs/EVENTS.md). A filter that names nothing known gets a hint.

    \b
    Examples:
      flashpoint events --source RUS --target UKR --since 2022-02-01
      flashpoint events --cameo 19 --format jsonl --limit 100
    """
    fmt = "json" if as_json else fmt
    with _store(db_url) as store:
        if fmt == "json":
            events = list(store.events(flt))
            _echo_json(events)
            found = len(events)
        elif fmt == "jsonl":
            found = 0
            for event in store.events(flt):
                click.echo(json.dumps(event, ensure_ascii=False))
                found += 1
        else:
            rows = [_event_cells(e) for e in store.events(flt)]
            for line in table(EVENT_HEADERS, rows, [10, 22, 4, 22, 14, 4, 80], right={5}) if rows else ["no events"]:
                click.echo(line)
            found = len(rows)
        if not found:
            _hint_empty(store, flt)


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
    CSV text cells that a spreadsheet would run as formulas get a leading '.

    \b
    Examples:
      flashpoint export --format gdelt -o events.tsv --since 2022-01-01
      flashpoint export --format parquet -o events.parquet --cameo 19
    """
    from ..store.exports import export_store, side_path

    from ..store.paths import refuse_database_path, replacing

    with _store(db_url) as store:
        if output == "-" and fmt == "parquet":
            raise UsageError("parquet is binary; give an output file with -o FILE.parquet")
        refuse_database_path(output, db_url, "-o")
        if output == "-":
            report = export_store(store, flt, fmt, sys.stdout)
        else:
            with replacing(output) as part:  # the old file stays whole if the export fails
                report = export_store(store, flt, fmt, part)
                if fmt == "gdelt":  # the side file was named after the temporary file
                    os.replace(side_path(part), side_path(output))
        for line in report.lines():
            click.echo(line, err=True)
        if output != "-":
            side = f" (modality and the rest in {side_path(output)})" if fmt == "gdelt" else ""
            click.echo(f"wrote {report.written} events to {output}{side}", err=True)
        if not report.written:
            _hint_empty(store, flt)


@click.command("stats")
@click.option("--db", "db", help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as a JSON object.")
def stats_command(db, as_json) -> None:
    """Show row counts: articles, copies, reports, merged events, actors, failures.

    \b
    Example:
      flashpoint stats --db flashpoint.db --json
    """
    with _store(Settings.from_env(db=db).db) as store:
        counts = store.counts()
        if as_json:
            _echo_json(counts)
            return
        for line in table(["table", "rows"], [[k, str(n)] for k, n in counts.items()], [None, None], right={1}):
            click.echo(line)


@click.command("summary")
@_filters
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON (counts, dyads, actors, examples).")
def summary_command(flt, db_url, as_json) -> None:
    """Summarise the store: events per dyad and CAMEO root, top actors, examples.

    \b
    Example:
      flashpoint summary --since 2022-01-01
    """
    import dataclasses

    from ..analytics import format_summary, summary

    with _store(db_url) as store:
        result = summary(store, flt)
        if as_json:
            _echo_json({
                "counts": result.counts,
                "dyads": [dict(zip(("source", "target", "cameo_root", "events"), d)) for d in result.dyads],
                "actors": [{"name": name, "events": n} for name, n in result.actors],
                "examples": [dataclasses.asdict(e) for e in result.examples],
            })
        else:
            click.echo(format_summary(result))
        if not result.examples:
            _hint_empty(store, flt)


@click.command("series")
@click.argument("dyad_source", metavar="SOURCE")
@click.argument("dyad_target", metavar="TARGET")
@click.option("--freq", type=click.Choice(["day", "week", "month", "year"]), default="day", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@_filters
def series_command(dyad_source, dyad_target, freq, fmt, as_json, flt, db_url) -> None:
    """Events per period from SOURCE to TARGET, with the Goldstein sum.

    SOURCE and TARGET are actor keys (org id, else ISO3: NATO, RUS); the
    other filters narrow the events (--source/--target are the arguments).

    \b
    Example:
      flashpoint series RUS UKR --freq week --cameo 19
    """
    from dataclasses import replace

    from ..analytics import dyad_series

    if flt.source or flt.target:
        fail("series takes the dyad as its SOURCE and TARGET arguments; drop --source/--target "
             f"(e.g. flashpoint series {flt.source or dyad_source} {flt.target or dyad_target})", 2)
    fmt = "json" if as_json else fmt
    with _store(db_url) as store:
        rows = dyad_series(store, dyad_source, dyad_target, freq, flt)
        if fmt == "json":
            click.echo(json.dumps([{"period": p, "count": n, "goldstein": g} for p, n, g in rows]))
        elif fmt == "csv":
            click.echo("period,count,goldstein")
            for p, n, g in rows:
                click.echo(f"{p},{n},{g}")
        elif rows:
            for line in table(["period", "events", "goldstein"], [[p, str(n), f"{g:.1f}"] for p, n, g in rows],
                              [None, None, None], right={1, 2}):
                click.echo(line)
        else:
            click.echo(f"no events from {dyad_source} to {dyad_target}")
        if not rows:
            _hint_empty(store, replace(flt, source=dyad_source, target=dyad_target))


@click.command("failures")
@click.option("--db", "db", help=DB_HELP)
@click.option("--stage", help="Only this stage: fetch, parse, code, store or note.")
@click.option("--json", "as_json", is_flag=True, help="Print the failures as JSON objects.")
def failures_command(db, stage, as_json) -> None:
    """List recorded failures: what failed, at which stage, how often and why.

    `flashpoint retry` retries fetch, code and store failures; fix the input
    of a parse failure and ingest it again.

    \b
    Examples:
      flashpoint failures --db events.db
      flashpoint failures --stage fetch --json
    """
    import dataclasses

    with _store(Settings.from_env(db=db).db) as store:
        rows = [f for f in store.failures() if stage is None or f.stage == stage]
        if as_json:
            _echo_json([{k: v for k, v in dataclasses.asdict(f).items() if k != "payload"} for f in rows])
            return
        if not rows:
            click.echo("no failures" + (f" at stage {stage}" if stage else ""))
            return
        cells = [[f.stage, str(f.attempts), (f.at or "")[:19], f.key, f.reason] for f in rows]
        for line in table(["stage", "tries", "last attempt", "key", "reason"], cells, [6, 5, 19, 50, 90],
                          right={1}):
            click.echo(line)


commands = [events_command, export_command, stats_command, summary_command, series_command, failures_command]
