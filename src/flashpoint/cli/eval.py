"""``flashpoint eval``: score the coder against gold sets and write the accuracy report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..config import Settings
from ..errors import FlashpointError
from .common import fail, settings_options
from .backoff_option import backoff_option
from .petrarch_option import petrarch_option

SET_CHOICES = ("auto", "cameo_manual", "petrarch2", "plover_gsr", "india_police", "case2021", "conflibert", "probes",
               "raters", "event_location")


def _print_figures(figures: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(figures, indent=1, sort_keys=True))
        return
    from ..eval.report import fmt

    sets = figures.get("sets") if "sets" in figures else {figures.get("set", "?"): figures}
    for name, figs in sets.items():
        n = figs.get("n")
        click.echo(f"{name}" + (f" ({n} records)" if n is not None else ""))
        parts = figs.get("parts") or {}
        if parts:
            click.echo(f"  {'':<40} {'all':>7} {'tuning':>7} {'held':>7}")
        for metric, value in (figs.get("headline") or {}).items():
            split = "".join(f" {fmt(metric, (parts[p].get('headline') or {}).get(metric)):>7}" for p in ("tuning", "held")
                            if p in parts)
            click.echo(f"  {metric:<40} {fmt(metric, value):>7}{split}")
        for variant in ("gold_relabel", "all"):
            if isinstance(figs.get(variant), dict):
                r = figs[variant]
                click.echo(f"  {variant:<14} n={r['n']} exact F1 {fmt('f', r['exact']['f1'])} "
                           f"overlap F1 {fmt('f', r['overlap']['f1'])}")
        if "exact" in figs:
            click.echo(f"  exact F1 {fmt('f', figs['exact']['f1'])}  overlap F1 {fmt('f', figs['overlap']['f1'])}")


@click.command("eval")
@click.argument("dataset", required=False, type=click.Path(dir_okay=False))
@click.option("--set", "set_name", type=click.Choice(SET_CHOICES), default="auto", show_default=True,
              help="Which gold set the file is (auto: from its name or label scheme).")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="Score only the first N records.")
@click.option("--diff", "diff_path", type=click.Path(dir_okay=False), default=None,
              help="Write one JSONL line per record (gold, predicted events, verdict) for error analysis.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--all", "run_every", is_flag=True, help="Score every gold set under --evaldata.")
@click.option("--write", "write_md", type=click.Path(dir_okay=False), default=None,
              help="With --all: write the Markdown report here (and the JSON figures beside it).")
@click.option("--figures", "figures_path", type=click.Path(dir_okay=False), default=None,
              help="With --all: where to write the JSON figures (default: accuracy.json beside --write).")
@click.option("--evaldata", type=click.Path(file_okay=False), default=None,
              help="Gold directory (default $FLASHPOINT_EVALDATA or ../shared/evaldata beside the repository).")
@click.option("--no-locations", is_flag=True, help="With --all: skip event locations (the slowest set).")
@click.option("--coded", "coded_path", type=click.Path(dir_okay=False, exists=True), default=None,
              help="Score these events (`flashpoint code --jsonl DATASET` output) instead of coding DATASET.")
@settings_options
@backoff_option
@petrarch_option
def eval_command(dataset, set_name, limit, diff_path, as_json, run_every, write_md, figures_path, evaldata,
                 no_locations, coded_path, settings: Settings) -> None:
    """Score the coder against a gold set, or every set with --all.

    \b
    Example:
      flashpoint eval ../shared/evaldata/cameo_manual_examples.jsonl --diff /tmp/diff.jsonl
      flashpoint eval --all --write docs/ACCURACY.md
      flashpoint code --jsonl gold.jsonl > events.jsonl && flashpoint eval gold.jsonl --coded events.jsonl

    The headline of each set is coded with the settings docs/ACCURACY.md names
    ("Through the CLI"); `--coded` scores the CLI's own output with the set's scorer.
    """
    from ..eval.runner import evaluate_file, run_all

    try:
        if run_every:
            if dataset or diff_path or limit is not None or coded_path:
                fail("--all scores whole sets: drop DATASET, --limit, --diff and --coded")
            figures = run_all(evaldata, settings, progress=lambda m: click.echo(m, err=True),
                              locations=not no_locations)
            if write_md or figures_path:
                from ..eval.report import write_report

                json_path = figures_path or (Path(write_md).with_name("accuracy.json") if write_md else None)
                write_report(figures, write_md, json_path)
                click.echo(f"wrote {', '.join(str(p) for p in (write_md, json_path) if p)}", err=True)
            _print_figures(figures, as_json)
            return
        if not dataset:
            fail("give a DATASET.jsonl to score, or --all")
        if write_md or figures_path:
            fail("--write and --figures go with --all")
        figures = evaluate_file(dataset, set_name, limit, diff_path, settings, coded=coded_path)
        _print_figures(figures, as_json)
    except FlashpointError as exc:
        fail(str(exc), exc.exit_code)


commands = [eval_command]
