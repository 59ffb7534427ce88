"""CLI commands that maintain the store: ``flashpoint db optimize``."""

from __future__ import annotations

import json

import click

from ..store.maintenance import LOCK_TIMEOUT
from .store import DB_HELP, _store


@click.group("db")
def db_group() -> None:
    """Maintain the database (a quiet-moment step: it takes the write lock)."""


@db_group.command("optimize")
@click.option("--db", "db", help=DB_HELP)
@click.option("--force", is_flag=True, help="Rewrite the events table even when it is in date order already.")
@click.option("--no-vacuum", is_flag=True, help="SQLite: keep the old table's pages inside the file (no VACUUM).")
@click.option("--lock-timeout", type=click.FloatRange(min=0.001), default=LOCK_TIMEOUT, show_default=True,
              help="PostgreSQL: seconds to wait for the events table's lock before giving up.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def optimize_command(db, force, no_vacuum, lock_timeout, as_json) -> None:
    """Put the events table's rows in date order on disk (exports and date queries then read it in sequence).

    SQLite: the table is rewritten in (date, id) order in one transaction (indexes, triggers and
    statistics made again as they were), then VACUUM (a VACUUM that fails after the rewrite is a
    warning: the rewrite stands). PostgreSQL: CLUSTER events USING events_order, then ANALYZE,
    waiting at most --lock-timeout for the table. A table in order already is left alone. A
    million events take about two minutes of CPU and free disk of more than the file's size;
    writers wait meanwhile.
    """
    from ..config import Settings
    from ..store.maintenance import cluster_events

    with _store(Settings.from_env(db=db).db) as store:
        report = cluster_events(store, force=force, vacuum=not no_vacuum, lock_timeout=lock_timeout,
                                progress=lambda line: click.echo(f"{line}...", err=True))
    if report.warning:
        click.echo(f"warning: {report.warning}", err=True)
    if as_json:
        click.echo(json.dumps({"events": report.events, "out_of_order": report.out_of_order,
                               "rewritten": report.rewritten, "seconds": round(report.seconds, 2),
                               "warning": report.warning}))
        return
    late = "" if report.out_of_order is None else f", {report.out_of_order} out of date order on disk"
    if report.rewritten:
        done = "rewritten in date order"
    elif report.out_of_order is None:
        done = "no disk order to keep (in-memory store): nothing to do"
    else:
        done = "already in date order: left as it is"
    click.echo(f"events: {report.events}{late}; {done} ({report.seconds:.1f} s)")


commands = [db_group]
