"""``flashpoint backfill``: code an archive on a Dask cluster, resumably."""

from __future__ import annotations

import dataclasses
import sys

import click

from ..config import Settings
from ..errors import FlashpointError, UsageError
from .common import fail, settings_options

RESUME = "interrupted; finished batches are kept: run the same command again to resume"


def _status(settings: Settings) -> None:
    from ..backfill import status
    from ..store import open_store

    store = open_store(settings.db, settings)
    try:
        for line in status(store).lines():
            click.echo(line)
    finally:
        store.close()


@click.command("backfill")
@click.argument("sources", nargs=-1)
@click.option("--scheduler", help="A running Dask scheduler, tcp://HOST:8786 (its workers need flashpoint installed).")
@click.option("--local-cluster", "local", type=int,
              help="Start a local cluster of N worker processes (default, with N = the cores capped by memory).")
@click.option("--dashboard", default=":8787", show_default=True,
              help="Address of the local cluster's dashboard (:0 for any free port).")
@click.option("--batch-size", type=click.IntRange(1, 100_000), help="Articles per batch: one task, one transaction, one checkpoint (default 64).")
@click.option("--date", "pub_date", help="Publication date (YYYY-MM-DD) for text files without one.")
@click.option("--no-plan", is_flag=True, help="Skip the counting pass before the run (no ETA in --status).")
@click.option("--status", "show_status", is_flag=True, help="Show the latest backfill's progress, rate, ETA and dashboard, and exit.")
@click.option("--prefilter", is_flag=True, help="Parse only the sentences that can yield an event (faster on general news; see docs/PERFORMANCE.md).")
@click.option("--row-writer", is_flag=True,
              help="Store batches article by article, as `flashpoint ingest` does, instead of with the batch writer"
                   " (COPY and set-based inserts; the same rows, a fraction of the storing time).")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr.")
@settings_options
@click.pass_context
def backfill_command(ctx, sources, scheduler, local, dashboard, batch_size, pub_date, no_plan, show_status, prefilter,
                     row_writer, quiet, settings: Settings) -> None:
    """Code files, folders and archives on a Dask cluster into the database.

    SOURCES are JSONL, CSV, JSON, text or HTML files, folders of them,
    gzip-compressed JSONL/CSV (.jsonl.gz, .csv.gz) and tar archives
    (.tar.gz). They are planned into batches; workers code the batches and
    this process stores them in order, with the same duplicate detection
    and event merging as `flashpoint ingest`. A checkpoint is kept per
    stored batch, so running the same command again after a crash, a lost
    worker or Ctrl-C redoes only what did not finish. Unreadable shards and
    lines go to the failures table and the rest goes on.

    \b
    Examples:
      flashpoint backfill archive/ --db postgresql://localhost/events --local-cluster 2
      flashpoint backfill s3-dump/*.jsonl.gz --db postgresql://db/events --scheduler tcp://10.0.0.5:8786
      flashpoint backfill --status --db postgresql://localhost/events

    Exit codes: 0 ok, 1 some items failed, 2 usage error, 3 store error.
    """
    if show_status:
        try:
            _status(settings)
        except FlashpointError as exc:
            fail(str(exc), exc.exit_code)
        return
    from ..backfill import backfill, connect
    from ..ingest.files import check_date
    from ..parallel import check_workers
    from ..store import open_store

    settings = dataclasses.replace(settings, batch_size=batch_size or settings.batch_size,
                                   prefilter=prefilter or settings.prefilter)
    coder = ctx.obj.get("coder") if isinstance(ctx.obj, dict) else None
    store = None
    try:
        if not sources:
            raise UsageError("give files, folders or archives to backfill (or --status); see --help")
        if scheduler and local:
            raise UsageError("give --scheduler or --local-cluster, not both")
        date = check_date(pub_date)
        workers = 0 if scheduler else check_workers(local)
        store = open_store(settings.db, settings)

        def progress(report) -> None:
            if not quiet:
                click.echo(f"stored batch: {report.line()}", err=True)

        with connect(scheduler, workers, dashboard=dashboard) as client:
            if not quiet:
                click.echo(f"cluster: {len(client.scheduler_info(n_workers=-1)['workers'])} workers; "
                           f"dashboard {client.dashboard_link}", err=True)
            report = backfill(list(sources), store, settings, client, coder=coder, date=date,
                              progress=progress, plan_first=not no_plan, scheduler=scheduler,
                              row_writer=row_writer)
        if not quiet:
            click.echo(f"done: {report.line()}", err=True)
    except FlashpointError as exc:
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        fail(RESUME, 130)
    finally:
        if store is not None:
            store.close()
    sys.exit(1 if report.failures else 0)


commands = [backfill_command]
