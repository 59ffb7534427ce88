"""``--petrarch-dicts DIR``: code with a PETRARCH/TABARI dictionary directory."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

import click

from ..errors import FlashpointError
from .common import fail

SHOWN_PROBLEMS = 5


def petrarch_option(func):
    """Add ``--petrarch-dicts`` and fold it into the command's ``settings``
    (apply it below :func:`~flashpoint.cli.common.settings_options`, which makes ``settings``)."""

    @click.option("--petrarch-dicts", "petrarch_dicts", type=click.Path(exists=True, file_okay=False, path_type=Path),
                  default=None, help="Code with the PETRARCH/TABARI dictionaries in DIR (*verbs*.txt, *actors*.txt, "
                                     "*agents*.txt, *discards*.txt) instead of the built-in patterns.")
    @functools.wraps(func)
    def wrapper(*args, petrarch_dicts=None, settings=None, **kwargs):
        if petrarch_dicts is not None:
            settings = replace(settings, petrarch_dicts=petrarch_dicts.resolve())
            _read_now(settings.petrarch_dicts)
        return func(*args, settings=settings, **kwargs)

    return wrapper


def _read_now(directory: Path) -> None:
    """Read the dictionaries before any coding: fail at once on a fatal problem, and
    say which lines were skipped."""
    from ..coding.petrarch import load_dictionaries

    try:
        dicts = load_dictionaries(directory)
    except FlashpointError as exc:
        fail(str(exc), exc.exit_code)
    if dicts.problems:
        click.echo(f"note: {len(dicts.problems)} dictionary lines could not be read and were skipped:", err=True)
        for line in dicts.problems[:SHOWN_PROBLEMS]:
            click.echo(f"note:   {line}", err=True)
        if len(dicts.problems) > SHOWN_PROBLEMS:
            click.echo(f"note:   ... and {len(dicts.problems) - SHOWN_PROBLEMS} more", err=True)
