"""``--no-backoff``: code with the rules alone, without the statistical back-off."""

from __future__ import annotations

import functools
from dataclasses import replace

import click


def backoff_option(func):
    """Add ``--no-backoff`` and fold it into the command's ``settings``
    (apply it below :func:`~flashpoint.cli.common.settings_options`, which makes ``settings``)."""

    @click.option("--no-backoff", "no_backoff", is_flag=True, default=False,
                  help="Rules only: do not let the statistical back-off code the sentences the rules leave "
                       "uncoded (its events have rule backoff:tfidf-lr).")
    @functools.wraps(func)
    def wrapper(*args, no_backoff=False, settings=None, **kwargs):
        if no_backoff:
            settings = replace(settings, backoff=False)
        return func(*args, settings=settings, **kwargs)

    return wrapper
