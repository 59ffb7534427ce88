"""CLI commands: ingest, watch, retry (thin wrappers over flashpoint.ingest)."""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from pathlib import Path

import click

from ..config import Settings
from ..errors import FlashpointError
from .common import fail, settings_options

CACHE_HELP = "JSON file remembering ETag/Last-Modified per feed (default: next to a SQLite database, else ./flashpoint-http-cache.json)."


def _coder(ctx: click.Context):
    """The coder; tests hand a fake one in through ``obj={"coder": ...}``."""
    if isinstance(ctx.obj, dict) and ctx.obj.get("coder") is not None:
        return ctx.obj["coder"]
    from ..pipeline import code_articles

    return code_articles


def _cache_path(settings: Settings, given: str | None) -> Path:
    if given:
        return Path(given)
    db = settings.db
    if "://" not in db and db not in ("memory:", ":memory:"):
        return Path(db).with_name(Path(db).name + ".http-cache.json")
    return Path("flashpoint-http-cache.json")


def _progress(quiet: bool, total: int | None = None):
    from ..ingest.progress import ProgressLine

    return None if quiet else ProgressLine(total=total)


def _finish(line, report, quiet: bool) -> None:
    from ..ingest.progress import format_report

    if line is not None:
        line.finish(report)
    elif not quiet:
        click.echo(format_report(report), err=True)


class _Held:
    """Things to close when a command ends, in reverse order of opening."""

    def __init__(self) -> None:
        self.items: list = []

    def add(self, item):
        self.items.append(item)
        return item


@contextlib.contextmanager
def _session(interrupted: str | None):
    """Library errors become one-line messages; Ctrl-C says what happens next
    (``None``: a quiet stop, exit 0); the store and fetcher are always closed."""
    held = _Held()
    try:
        yield held
    except FlashpointError as exc:
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        if interrupted is None:
            click.echo("stopped", err=True)
        else:
            fail(interrupted, 130)
    finally:
        for item in reversed(held.items):
            item.close()


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--date", "pub_date", help="Publication date (YYYY-MM-DD) for text files without a sidecar.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private, loopback and link-local addresses (intranets).")
@click.option("--batch-size", type=click.IntRange(1, 100_000), help="Articles coded per batch (default 64).")
@click.option("--feed", is_flag=True, help="Read every URL as an RSS/Atom feed (by default a URL is a feed when its content is one).")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")
@click.option("--json", "as_json", is_flag=True, help="Print the run's report as a JSON object on stdout.")
@settings_options
@click.pass_context
def ingest_command(ctx, inputs, pub_date, allow_private, batch_size, feed, quiet, as_json, settings: Settings) -> None:
    """Ingest files, folders, web pages and feeds into the database.

    Files: .txt .md .html .htm .json .jsonl .csv (folders are read
    recursively), and saved feeds .xml .rss .atom. Plain text takes its title, date, URL and outlet from a
    sidecar FILE.meta.json, else the date from --date. Articles already
    stored are skipped; copies of stored articles are recorded as copies;
    failures are kept for `flashpoint retry`.

    \b
    Examples:
      flashpoint ingest news/ --db events.db --date 2021-11-12
      flashpoint ingest articles.jsonl https://example.org/world/rss.xml
      flashpoint ingest --feed https://intranet.local/feed --allow-private

    Exit codes: 0 ok, 1 some items failed, 2 usage error, 3 store error.
    """
    from ..ingest import Fetcher, ingest
    from ..ingest.files import check_date
    from ..ingest.inputs import estimate_total, is_url, open_sources
    from ..store import open_store

    settings = dataclasses.replace(settings, allow_private=allow_private or settings.allow_private,
                                   batch_size=batch_size or settings.batch_size)
    with _session("interrupted; what was stored is kept, run the same command again to continue") as held:
        date = check_date(pub_date)
        store = held.add(open_store(settings.db, settings))
        fetcher = held.add(Fetcher(allow_private=settings.allow_private)) if any(is_url(v) for v in inputs) else None
        sources = open_sources(list(inputs), settings, fetcher=fetcher, date=date, feed=feed, seen=store.has_article)
        line = _progress(quiet, None if quiet else estimate_total(list(inputs)))
        report = ingest(sources, store, _coder(ctx), settings, progress=line)
        _finish(line, report, quiet)
    if as_json:
        import json

        click.echo(json.dumps(report.to_dict()))
    sys.exit(1 if report.failures else 0)


@click.command("watch")
@click.argument("feeds_file", type=click.Path(dir_okay=False))
@click.option("--every", default="10m", show_default=True, help="Time between polls: 90s, 10m, 2h, 1d.")
@click.option("--rounds", type=click.IntRange(1), help="Stop after this many polls (default: run until stopped).")
@click.option("--allow-private", is_flag=True, help="Allow feeds on private, loopback and link-local addresses.")
@click.option("--cache", "cache_file", type=click.Path(dir_okay=False), help=CACHE_HELP)
@click.option("--quiet", "-q", is_flag=True, help="No per-round summary on stderr.")
@settings_options
@click.pass_context
def watch_command(ctx, feeds_file, every, rounds, allow_private, cache_file, quiet, settings: Settings) -> None:
    """Poll the RSS/Atom feeds listed in FEEDS_FILE and ingest new entries.

    FEEDS_FILE holds one feed URL per line (# starts a comment). Each poll
    codes only entries not stored yet and sends conditional requests, so an
    unchanged feed costs one small request. A feed that is down, slow or
    malformed is recorded as a failure and the others go on.

    \b
    Examples:
      flashpoint watch feeds.txt --every 10m --db events.db
      flashpoint watch feeds.txt --rounds 1      # one poll, e.g. from cron

    Exit codes: 0 ok (or stopped with Ctrl-C), 2 usage error, 3 store error.
    """
    from ..ingest import Fetcher, ValidatorCache, parse_duration, read_feed_list, watch
    from ..ingest.progress import format_report
    from ..store import open_store
    from ..store.paths import refuse_database_path

    settings = dataclasses.replace(settings, allow_private=allow_private or settings.allow_private)
    def on_round(number: int, report) -> None:
        if not quiet:
            click.echo(f"round {number}: {format_report(report)}", err=True)

    with _session(None) as held:
        seconds = parse_duration(every)
        feeds = read_feed_list(feeds_file)
        cache_path = _cache_path(settings, cache_file)
        refuse_database_path(cache_path, settings.db, "--cache")  # before the store opens: nothing written yet
        cache = ValidatorCache(cache_path)
        store = held.add(open_store(settings.db, settings))
        fetcher = held.add(Fetcher(allow_private=settings.allow_private, cache=cache))
        watch(feeds, seconds, store, _coder(ctx), settings, fetcher=fetcher, rounds=rounds, on_round=on_round)


@click.command("retry")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private, loopback and link-local addresses.")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
@settings_options
@click.pass_context
def retry_command(ctx, allow_private, quiet, settings: Settings) -> None:
    """Retry recorded failures (fetch, code, store) and clear those that succeed.

    Parse failures and notes are not retried: fix the input and ingest it
    again.

    \b
    Example:
      flashpoint retry --db events.db

    Exit codes: 0 all retried items succeeded, 1 some failed again, 3 store error.
    """
    from ..ingest import Fetcher, retry
    from ..store import open_store

    settings = dataclasses.replace(settings, allow_private=allow_private or settings.allow_private)
    with _session("interrupted; run flashpoint retry again to continue") as held:
        store = held.add(open_store(settings.db, settings))
        fetcher = held.add(Fetcher(allow_private=settings.allow_private))
        line = _progress(quiet)
        report = retry(store, _coder(ctx), settings, fetcher=fetcher, progress=line)
        _finish(line, report, quiet)
    sys.exit(1 if report.failures else 0)


commands = [ingest_command, watch_command, retry_command]
