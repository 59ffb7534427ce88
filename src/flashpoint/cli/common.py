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
    """Add --actors, --db and the coder's output switches (--dyads-only,
    --known-actors-only, --open-actors, --no-statements), and pass one
    ``settings`` object to the command."""

    @click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                  help="Extra actor dictionary (YAML/TSV) extending or overriding the built-in one.")
    @click.option("--db", "db", help="Database: a SQLite file or postgresql:// URL (default $FLASHPOINT_DB or ./flashpoint.db).")
    @click.option("--dyads-only", is_flag=True, default=None,
                  help="Only events with both sides named; by default one-sided events (protests, attacks by "
                       "unnamed assailants, statements to no one in particular) are kept with no target.")
    @click.option("--known-actors-only", is_flag=True, default=None,
                  help="Only actors the knowledge base knows; by default a named person or group it does not "
                       "know is kept with its text and whatever country the context gives.")
    @click.option("--open-actors", is_flag=True, default=None,
                  help="Also accept generic actors with no country (\"the rebels\", fictional states): the setting "
                       "`flashpoint eval` codes cameo_manual, petrarch2, india_police and case2021 with.")
    @click.option("--no-statements", "statements", flag_value=False, default=None,
                  help="Leave out bare public statements (CAMEO 01x with no other event in them), as PETRARCH does.")
    @click.option("--single-actor", is_flag=True, default=None, hidden=True,
                  help="Kept for old scripts: one-sided events are now the default.")
    @functools.wraps(func)
    def wrapper(*args, actor_files=(), db=None, dyads_only=None, known_actors_only=None, open_actors=None,
                statements=None, single_actor=None, **kwargs):
        extra = tuple(Path(p) for p in actor_files)
        settings = Settings.from_env(db=db, dyads_only=dyads_only, known_actors_only=known_actors_only,
                                     open_actors=open_actors, statements=statements)
        if extra:
            from dataclasses import replace

            settings = replace(settings, actor_files=settings.actor_files + extra)
        return func(*args, settings=settings, **kwargs)

    return wrapper


def clip_words(text: str | None, width: int) -> str:
    """``text`` on one line, at most ``width`` characters, cut at a word boundary with "…".

    A single word longer than the width is cut inside the word (there is no
    better place); otherwise names and sentences are never cut mid-word.
    """
    text = " ".join((text or "").split())
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width)
    if cut < width // 2:
        cut = width - 1
    return text[:cut].rstrip(" ,;:") + "…"


def table(headers: list[str], rows: list[list[str]], widths: list[int | None], right: set[int] = frozenset()) -> list[str]:
    """Aligned text table lines with a header row; a width of None leaves the
    last column free. Cells are clipped at word boundaries to their width."""
    clipped = [[clip_words(str(c), w) if w else " ".join(str(c).split()) for c, w in zip(row, widths)] for row in rows]
    sizes = [max([len(h)] + [len(r[i]) for r in clipped]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        parts = []
        for i, cell in enumerate(cells):
            last = i == len(cells) - 1
            if i in right:
                parts.append(cell.rjust(sizes[i]))
            else:
                parts.append(cell if last else cell.ljust(sizes[i]))
        return "  ".join(parts).rstrip()

    return [line(headers)] + [line(r) for r in clipped]
