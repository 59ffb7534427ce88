"""The ``flashpoint`` command: a thin layer over the library.

Each submodule defines ``commands``, a list of click commands; the group
collects them here so no command module imports another.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

COMMAND_MODULES = ("code", "demo", "actors", "ontology", "store", "ingest", "eval", "bench", "backfill")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="flashpoint")
def main() -> None:
    """Flashpoint: political event data from news text, offline.

    Exit codes: 0 ok, 1 some documents failed, 2 usage error, 3 store error.
    """


for _name in COMMAND_MODULES:
    for _command in importlib.import_module(f"{__name__}.{_name}").commands:
        main.add_command(_command)
