"""``flashpoint calibration``: fit and measure how often events at each confidence are right."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..config import Settings
from ..errors import FlashpointError
from .common import fail, settings_options


@click.command("calibration")
@click.option("--evaldata", type=click.Path(file_okay=False), default=None,
              help="Folder of gold sets (default $FLASHPOINT_EVALDATA or ../shared/evaldata).")
@click.option("--articles", type=click.Path(file_okay=False), default="tests/articles", show_default=True,
              help="Folder of hand-written test articles to include (skipped when absent).")
@click.option("--fit", "do_fit", is_flag=True,
              help="Refit the curve on the tuning part and save it as the package's calibration.json.")
@click.option("--write", "write_md", type=click.Path(dir_okay=False), default=None,
              help="Write the held-aside reliability table as Markdown (docs/CALIBRATION.md).")
@click.option("--json", "as_json", is_flag=True, help="Print the table as JSON.")
@settings_options
def calibration_command(evaldata, articles, do_fit, write_md, as_json, settings: Settings) -> None:
    """Code the gold sets, label each event right or wrong, and report calibration.

    The curve is fitted on the tuning part of each set only; the reliability
    table and the expected calibration error (ECE) are measured on the
    held-aside part.

    \b
    Example:
      flashpoint calibration --fit --write docs/CALIBRATION.md
    """
    from ..coding.confidence import save, shipped
    from ..eval.calibration import collect, fit_curve, reliability, write_markdown
    from ..eval.runner import default_evaldata

    folder = Path(evaldata) if evaldata else default_evaldata()
    if not folder.is_dir():
        fail(f"{folder}: no gold sets there; give --evaldata or set FLASHPOINT_EVALDATA")
    try:
        labelled = collect(folder, settings, Path(articles) if articles else None)
    except FlashpointError as exc:
        fail(str(exc), exc.exit_code)
    if not labelled:
        fail(f"{folder}: no events coded from the gold sets found there")
    cal = fit_curve(labelled) if do_fit else shipped()
    if do_fit:
        click.echo(f"curve saved to {save(cal)}", err=True)
    table = reliability(labelled, cal)
    per_set = {name: reliability([x for x in labelled if x.set_name == name], cal)
               for name in sorted({x.set_name for x in labelled})}
    if write_md:
        write_markdown(table, cal, Path(write_md), per_set)
    if as_json:
        click.echo(json.dumps({"held": table, "sets": per_set, "fitted_on": cal.fitted_on}, indent=2))
        return
    click.echo(f"held-aside events {table['events']}, right {table['right']}, ECE {table['ece']:.3f} (raw {table['ece_raw']:.3f})")
    for b in table["bins"]:
        if b["events"]:
            click.echo(f"  {b['bin']}: {b['events']:4d} events, confidence {b['confidence']:.3f}, right {b['right']:.3f}")


commands = [calibration_command]
