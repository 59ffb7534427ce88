"""The ``flashpoint`` command: a thin layer over the library.

Each submodule defines ``commands``, a list of click commands; the group
collects them here so no command module imports another.
"""

from __future__ import annotations

import importlib
import sys

import click

from .. import __version__
from ..errors import FlashpointError

COMMAND_MODULES = ("code", "demo", "actors", "ontology", "store", "ingest", "eval", "bench", "articles", "calibration",
                   "serve", "alerts", "backfill", "db")


class FlashpointGroup(click.Group):
    """The command group; click's own usage errors get the same one-line
    ``error: ...`` prefix and exit code 2 as Flashpoint's errors."""

    def main(self, *args, **kwargs):  # type: ignore[override]
        if kwargs.get("standalone_mode", True) is False:
            return super().main(*args, **kwargs)
        try:
            result = super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.format_message())  # a bare command shows its help: not an error
            sys.exit(0)
        except click.UsageError as exc:
            where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            click.echo(f"error: {exc.format_message()}{where}", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except FlashpointError as exc:  # e.g. a bad $FLASHPOINT_* value read while building Settings
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("error: aborted", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


@click.group(cls=FlashpointGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="flashpoint")
def main() -> None:
    """Flashpoint: political event data from news text, offline.

    Exit codes: 0 ok, 1 some documents failed, 2 usage error, 3 store error.
    """


for _name in COMMAND_MODULES:
    for _command in importlib.import_module(f"{__name__}.{_name}").commands:
        main.add_command(_command)
