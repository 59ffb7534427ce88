"""``flashpoint alerts``: escalation alerts on dyads and countries."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..config import Settings
from ..errors import FlashpointError
from .common import fail


@click.command("alerts")
@click.option("--db", "db", help="SQLite file or postgresql:// URL (default $FLASHPOINT_DB or ./flashpoint.db).")
@click.option("--watchlist", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="YAML watchlist: dyads, countries, thresholds, webhook (see docs/OPERATIONS.md).")
@click.option("--weeks", default=12, show_default=True, type=click.IntRange(1, 520),
              help="Scan this many weeks back from the latest event (or --until).")
@click.option("--since", help="First day scanned, YYYY-MM-DD.")
@click.option("--until", help="Last day scanned, YYYY-MM-DD (default: the latest event).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--webhook/--no-webhook", default=False, help="POST the alerts to the watchlist's webhook.")
@click.option("--allow-private", is_flag=True, help="Let the webhook be a private or loopback address.")
def alerts_command(db, watchlist, weeks, since, until, fmt, webhook, allow_private) -> None:
    """List escalation alerts: rises, robust z-scores, CUSUM shifts, ladder steps.

    Each alert names its detector, its numbers, the events behind it and
    at least two independent sources.

    \b
    Examples:
      flashpoint alerts --db flashpoint.db --weeks 8
      flashpoint alerts --watchlist watch.yaml --format json --webhook
    """
    from ..alerts import load_watchlist, scan
    from ..store import EventFilter, open_store

    settings = Settings.from_env(db=db)
    store = None
    try:
        wl = load_watchlist(watchlist)
        flt = EventFilter(since=since, until=until)
        store = open_store(settings.db, settings)
        found = scan(store, wl, flt, weeks)
        if fmt == "json":
            click.echo(json.dumps([a.as_dict() for a in found], ensure_ascii=False, indent=2))
        else:
            for a in found:
                click.echo(f"{a.week}  {a.subject_label:<16} {a.detector:<13} {a.message}")
                click.echo(f"            sources: {', '.join(a.sources)}; events: {', '.join(a.event_ids[:10])}")
            if not found:
                click.echo("no alerts")
        if webhook:
            if not wl.webhook:
                fail("--webhook needs a webhook URL in the watchlist file", 2)
            from ..alerts.webhook import post_alerts

            status = post_alerts(wl.webhook, found, allow_private=allow_private)
            click.echo(f"posted {len(found)} alerts to the webhook (HTTP {status})", err=True)
    except FlashpointError as exc:
        fail(str(exc), exc.exit_code)
    finally:
        if store is not None:
            store.close()


commands = [alerts_command]
