"""``flashpoint check-articles``: score hand-written test articles (events and their details)."""

from __future__ import annotations

import json

import click

from ..config import Settings
from ..errors import FlashpointError
from .common import fail, settings_options


@click.command("check-articles")
@click.argument("folder", type=click.Path(file_okay=False), default="tests/articles")
@click.option("--json", "as_json", is_flag=True, help="Print the figures and every failed check as JSON.")
@click.option("--quiet", is_flag=True, help="Print only the totals.")
@settings_options
def check_articles_command(folder: str, as_json: bool, quiet: bool, settings: Settings) -> None:
    """Code each test article in FOLDER and check it against its .expected.json.

    Prints, per article, required events found, emitted events that match an
    expected one, detail checks passed (dates, places, counts, forbidden
    events, tolls) and each failed check; then recall, precision and F1 of
    events over all articles.

    \b
    Example:
      flashpoint check-articles tests/articles
    """
    from ..eval.articles import check_folder

    try:
        results, totals = check_folder(folder, settings)
    except FlashpointError as exc:
        fail(str(exc), exc.exit_code)
    if as_json:
        click.echo(json.dumps({"totals": totals, "articles": [r.__dict__ | {"failures": list(r.failures)} for r in results]}, indent=2))
        return
    if not quiet:
        for r in results:
            click.echo(f"{r.name}: required {r.found}/{r.required}, matched {r.matched}/{r.emitted}, details {r.passed}/{r.checks}")
            for f in r.failures:
                click.echo(f"  - {f}")
    click.echo(
        f"recall {totals['recall']:.3f} ({totals['found']}/{totals['required']}), "
        f"precision {totals['precision']:.3f} ({totals['matched']}/{totals['emitted']}), F1 {totals['f1']:.3f}, "
        f"details {totals['details_right']}/{totals['details_checked']} ({totals['details_share']:.3f}): "
        + ", ".join(f"{k} {v['right']}/{v['checked']}" for k, v in totals["details_by_kind"].items())
    )


commands = [check_articles_command]
