"""``flashpoint demo``: the main job of ``make run``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click

from ..config import Settings
from ..errors import FlashpointError
from .common import fail, settings_options


def sample_corpus_path() -> Path:
    return Path(str(resources.files("flashpoint") / "data" / "sample" / "corpus.jsonl"))


@click.command("demo")
@settings_options
def demo_command(settings: Settings) -> None:
    """Ingest the bundled sample corpus into the database and print a summary.

    \b
    Example:
      flashpoint demo --db flashpoint.db
    """
    from ..analytics.summary import format_summary, summary
    from ..ingest.files import FileSource
    from ..ingest.progress import format_report
    from ..ingest.runner import ingest
    from ..pipeline import code_articles
    from ..store import open_store

    try:
        store = open_store(settings.db, settings)
        try:
            source = FileSource([sample_corpus_path()], max_chars=settings.max_chars)
            report = ingest([source], store, code_articles, settings)
            click.echo(f"{settings.db}: {format_report(report)}")
            click.echo()
            click.echo(format_summary(summary(store)))
        finally:
            store.close()
    except FlashpointError as exc:
        fail(str(exc), exc.exit_code)


commands = [demo_command]
