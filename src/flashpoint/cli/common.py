"""Options and error handling shared by CLI commands."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import NoReturn

import click

from ..config import Settings


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a one-line error and exit with ``code`` (never a traceback)."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def settings_options(func):
    """Add --actors, --db and --single-actor, and pass one ``settings`` object to the command."""

    @click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                  help="Extra actor dictionary (YAML/TSV) extending or overriding the built-in one.")
    @click.option("--db", "db", help="Database: a SQLite file or postgresql:// URL (default $FLASHPOINT_DB or ./flashpoint.db).")
    @click.option("--single-actor", is_flag=True, default=None,
                  help="Also code events whose target the text does not name (\"Russia threatened to walk out\"); "
                       "by default an event needs both sides.")
    @functools.wraps(func)
    def wrapper(*args, actor_files=(), db=None, single_actor=None, **kwargs):
        extra = tuple(Path(p) for p in actor_files)
        settings = Settings.from_env(db=db, single_actor=single_actor)
        if extra:
            from dataclasses import replace

            settings = replace(settings, actor_files=settings.actor_files + extra)
        return func(*args, settings=settings, **kwargs)

    return wrapper
