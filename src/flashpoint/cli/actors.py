"""CLI commands: actors (lookup, validate, probe, list), thin wrappers over flashpoint.actors."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Callable

import click

from ..config import Settings
from ..errors import DataFileError, FlashpointError
from ..types import to_dict


def _fail_on_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into a one-line message and the error's exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except FlashpointError as exc:
            click.echo(f"error: {exc}", err=True)
            raise SystemExit(exc.exit_code) from None

    return wrapper


def _load(actor_files: tuple[Path, ...]):
    from ..actors import KnowledgeBase

    settings = Settings.from_env()
    return KnowledgeBase.load((*settings.actor_files, *actor_files))


_ACTORS_OPTION = click.option(
    "--actors", "actor_files", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
    help="Extra actor file (YAML or people TSV) that adds or overrides entries; repeatable. "
         "FLASHPOINT_ACTORS adds files too.")


@click.group()
def actors() -> None:
    """Look up, validate and list the actor knowledge base."""


@actors.command()
@click.argument("phrase")
@click.option("--date", "when", help="Date deciding who holds which office (YYYY-MM-DD).")
@click.option("--context-country", help="ISO3 country for generic words such as 'police'.")
@click.option("--place", "place_country", help="ISO3 country of the place the clause happens in ('in Nairobi': KEN).")
@click.option("--home", "home_country", help="ISO3 home country of the story (the dateline's, else the most mentioned).")
@click.option("--latest", "latest_country", help="ISO3 country of the latest named subject.")
@_ACTORS_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@_fail_on_errors
def lookup(phrase: str, when: str | None, context_country: str | None, place_country: str | None,
           home_country: str | None, latest_country: str | None, actor_files: tuple[Path, ...], as_json: bool) -> None:
    """Resolve a noun phrase to actors and say why.

    With --place, --home or --latest, a generic actor ("police", "the army")
    takes its country as the coder would choose it, and the choice is explained.

    Example: flashpoint actors lookup "the Kremlin" --date 2021-11-12
    Example: flashpoint actors lookup police --place KEN --latest UGA
    Example: flashpoint actors lookup "West Bengal Chief Minister"
    """
    kb = _load(actor_files)
    choice_note = None
    if context_country is None:
        # A place the phrase itself names ("West Bengal Chief Minister", "the mayor of Kharkiv")
        # beats every other evidence, as in the coder.
        from ..coding.generic_country import mention_place_country
        from ..geo.gazetteer import Gazetteer

        own = mention_place_country(phrase, kb, Gazetteer.load())
        if own:
            context_country, choice_note = own, f"{own} from the place the phrase names"
    if context_country is None and (place_country or home_country or latest_country):
        from ..coding.generic_country import choose_country, explain

        bare = kb.resolve(phrase, when, None)
        sector = bare.actor.sector if bare is not None else None
        choice = choose_country(sector, place_country, home_country, latest_country, ())
        context_country, choice_note = choice.country, explain(choice, sector)
    found = kb.resolve_all(phrase, when=when, context_country=context_country)
    if as_json:
        click.echo(json.dumps([{"actor": to_dict(r.actor), "entry_ids": list(r.entry_ids), "why": r.why,
                                "generic_country": choice_note} for r in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(f"no actor in {phrase!r}")
        return
    for res in found:
        a = res.actor
        click.echo(f"{phrase} -> {a.name}")
        click.echo(f"  country: {a.country or '-'}  org: {a.org or '-'}  sector: {a.sector or '-'}  code: {a.code or '-'}")
        click.echo(f"  entries: {', '.join(res.entry_ids)}")
        click.echo(f"  why: {res.why}")
        if choice_note and a.country == context_country and "context country" in res.why:
            click.echo(f"  generic country: {choice_note}")


@actors.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON report.")
def validate(file: Path, as_json: bool) -> None:
    """Check a user actor file: schema errors with line numbers, then collisions
    with package entries. Exit 0 when clean, 1 otherwise.

    Example: flashpoint actors validate my_actors.yaml
    """
    from ..actors import KnowledgeBase
    from ..actors.datafiles import read_entries
    from ..actors.kb import package_entries

    report: dict[str, Any] = {"file": str(file), "errors": [], "collisions": [], "entries": 0, "overrides": 0}
    try:
        entries = read_entries(file)
        package_ids = {e.id for e in package_entries()}
        report["entries"] = len(entries)
        report["overrides"] = sum(1 for e in entries if e.id in package_ids)
        kb = KnowledgeBase.load([file])
        own = str(file)
        report["collisions"] = [c for c in kb.collisions if own in c]
    except DataFileError as exc:
        report["errors"].extend(str(exc).splitlines())  # one per bad entry
    ok = not report["errors"] and not report["collisions"]
    if as_json:
        click.echo(json.dumps({**report, "ok": ok}, ensure_ascii=False, indent=2))
    else:
        for line in report["errors"]:
            click.echo(f"error: {line}")
        for line in report["collisions"]:
            click.echo(f"collision: {line}")
        if ok:
            click.echo(f"ok: {file}: {report['entries']} entries, {report['overrides']} overriding package entries")
    raise SystemExit(0 if ok else 1)


@actors.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--events", is_flag=True, help="Also code each sentence and count the probes whose actor is an event's source or target.")
@_ACTORS_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print a JSON report.")
@_fail_on_errors
def probe(file: Path, events: bool, actor_files: tuple[Path, ...], as_json: bool) -> None:
    """Score actor probes: one sentence, one mention and its expected code a line
    (format in flashpoint/eval/actor_probes.py); print the share resolved right, by kind, and the misses.

    Example: flashpoint actors probe tests/data/actor_probes.jsonl
    """
    from ..eval.actor_probes import event_hits, read_probes, resolve_probes, summarise

    probes = read_probes(file)
    results = resolve_probes(_load(actor_files), probes)
    settings = Settings.from_env()
    if actor_files:
        from dataclasses import replace

        settings = replace(settings, actor_files=(*settings.actor_files, *actor_files))
    report = summarise(results, event_hits(probes, settings) if events else None)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    click.echo(f"{report['probes']} probes: mention level {report['mention_level']:.1%}"
               + (f", event level {report['event_level']:.1%}" if events else ""))
    click.echo("by kind: " + ", ".join(f"{k} {v}" for k, v in report["by_kind"].items()))
    for m in report["misses"]:
        click.echo(f"miss {m['id']}: {m['mention']!r} expected {m['expect']}, got {m['got'] or '-'}")


@actors.command(name="list")
@click.option("--country", help="Only entries of this ISO3 country (people: any office there).")
@click.option("--kind", type=click.Choice(["country", "org", "agent", "person", "block"]), help="Only this kind of entry.")
@_ACTORS_OPTION
@_fail_on_errors
def list_entries(country: str | None, kind: str | None, actor_files: tuple[Path, ...]) -> None:
    """List knowledge-base entries, tab-separated: id, kind, name, country, org, sector, code.

    Example: flashpoint actors list --kind org
    """
    kb = _load(actor_files)
    for e in kb.search(kind=kind, country=country.upper() if country else None):
        cells = (e.id, e.kind, e.name, e.country or "", e.org or "", e.sector or "", e.code or e.cameo or "")
        click.echo("\t".join(cells))


commands = [actors]
