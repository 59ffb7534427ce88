"""``--petrarch-dicts DIR``: code with a PETRARCH/TABARI dictionary directory."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

import click


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
        return func(*args, settings=settings, **kwargs)

    return wrapper
