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
            click.echo()
            click.echo(f"Open the dashboard (and the API at /docs):\n  {serve_hint(settings.db)}")
        finally:
            store.close()
    except FlashpointError as exc:
        fail(str(exc), exc.exit_code)


def serve_hint(db: str) -> str:
    """The command that serves ``db``, spelled as this program was started."""
    import shlex
    import sys

    program = sys.argv[0] if Path(sys.argv[0]).name == "flashpoint" else "flashpoint"
    return f"{shlex.quote(program)} serve --db {shlex.quote(db)}   # then open http://127.0.0.1:8000/"


commands = [demo_command]
