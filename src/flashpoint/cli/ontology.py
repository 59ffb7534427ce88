"""CLI commands: ``flashpoint ontology`` (show, list, plover, contexts)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..errors import FlashpointError, UsageError

_PATTERNS_OPT = click.option("--patterns", "patterns_path", type=click.Path(path_type=Path),
                             default=None, help="Pattern folder or file to cross-reference (default: the packaged folder).")
TRIGGER_FORMS = (("verb", "verbs"), ("phrasal", "phrasal verbs"), ("light", "light verbs"), ("noun", "nouns"))
_JSON_OPT = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def _fail(exc: FlashpointError) -> click.ClickException:
    err = click.ClickException(str(exc))
    err.exit_code = exc.exit_code
    return err


def _ontology():
    from ..coding.ontology import Ontology

    return Ontology.load()


def _emit(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.group()
def ontology() -> None:
    """Browse the CAMEO codes, PLOVER types and context tags.

    Example: flashpoint ontology show 112
    """


@ontology.command()
@click.argument("code")
@_PATTERNS_OPT
@_JSON_OPT
def show(code: str, patterns_path: Path | None, as_json: bool) -> None:
    """Show one CAMEO code: its place in the tree, meaning, scores, PLOVER
    mapping, the patterns that produce it and their triggers (verbs, phrasal
    verbs, light-verb constructions, event nouns).

    Example: flashpoint ontology show 112
    """
    from ..coding.ontology import QUAD_CLASS_NAMES, pattern_ids_by_code

    try:
        ont = _ontology()
        c = ont[code]
        chain, kids, plover = ont.path(code), ont.children(code), ont.plover(code)
        below = [d.code for d in ont.descendants(code)]
    except FlashpointError as exc:
        raise _fail(exc) from None
    patterns: dict[str, Any] = {"file": True, "ids": [], "under_descendants": 0, "error": None}
    try:
        index = pattern_ids_by_code(patterns_path)
    except FlashpointError as exc:
        index, patterns["error"] = {}, str(exc)
    if index is None:
        patterns["file"] = False
    else:
        patterns["ids"] = index.get(c.code, [])
        patterns["under_descendants"] = sum(len(index.get(d, ())) for d in below)
    triggers, trigger_error = _triggers(c.code, patterns_path) if patterns["file"] else ({}, None)
    if as_json:
        _emit({
            "code": c.code, "name": c.name, "level": c.level, "parent": c.parent, "root": c.root,
            "path": [p.code for p in chain], "children": [k.code for k in kids],
            "definition": c.definition, "goldstein": c.goldstein, "quad_class": c.quad_class,
            "quad_class_name": QUAD_CLASS_NAMES[c.quad_class],
            "plover": None if plover is None else {
                "type": plover.type, "mode": plover.mode,
                "source": c.plover_source if c.plover_type else "inherited"},
            "patterns": patterns,
            "triggers": {form: [t.text for t in triggers.get(form, ())] for form, _ in TRIGGER_FORMS},
            "triggers_error": trigger_error,
        })
        return
    click.echo(f"{c.code}  {c.name}")
    click.echo("tree:       " + " > ".join(f"{p.code} {p.name}" for p in chain))
    click.echo("children:   " + (", ".join(f"{k.code} {k.name}" for k in kids) or "none"))
    click.echo(f"definition: {c.definition}")
    click.echo(f"goldstein:  {c.goldstein:+.1f}")
    click.echo(f"quadclass:  {c.quad_class} ({QUAD_CLASS_NAMES[c.quad_class]})")
    if plover is None:
        click.echo("plover:     none (no PLOVER equivalent)")
    else:
        how = c.plover_source if c.plover_type else "inherited from parent"
        click.echo(f"plover:     {plover.type}" + (f" / {plover.mode}" if plover.mode else "") + f"  [{how}]")
    if patterns["error"]:
        click.echo(f"patterns:   unavailable ({patterns['error']})")
    elif not patterns["file"]:
        click.echo("patterns:   no patterns file")
    else:
        click.echo(f"patterns:   {len(patterns['ids'])}" + (f" ({', '.join(patterns['ids'])})" if patterns["ids"] else ""))
        if below:
            click.echo(f"            {patterns['under_descendants']} more under its {len(below)} descendant codes")
        if trigger_error:
            click.echo(f"triggers:   unavailable ({trigger_error})")
        else:
            click.echo(f"triggers:   {sum(len(v) for v in triggers.values())}")
            for form, label in TRIGGER_FORMS:
                for n, line in enumerate(_grouped(triggers.get(form, ()))):
                    click.echo(f"  {(label + ':') if n == 0 else '':<15} {line}")


def _grouped(triggers) -> list[str]:
    """One line per pattern: its lemmas joined ("hold|conduct + talk|...")."""
    by_pattern: dict[str, list] = {}
    for t in triggers:
        by_pattern.setdefault(t.pattern, []).append(t)
    return [ts[0].source.describe("|".join(t.lemma for t in ts)) for ts in by_pattern.values()]


def _triggers(code: str, path: Path | None) -> tuple[dict[str, list], str | None]:
    """The code's trigger entries by form, read from the validated pattern files."""
    from ..coding.patterns import load_patterns

    try:
        ps = load_patterns(str(path) if path is not None else None)
    except FlashpointError as exc:
        return {}, str(exc)
    out: dict[str, list] = {}
    for t in ps.triggers(code):
        out.setdefault(t.form, []).append(t)
    return out, None


@ontology.command(name="list")
@click.option("--root", default=None, help="Only codes under this two-digit root, e.g. 11.")
@_JSON_OPT
def list_codes(root: str | None, as_json: bool) -> None:
    """List CAMEO codes with Goldstein value, QuadClass and PLOVER type.

    Example: flashpoint ontology list --root 11
    """
    try:
        ont = _ontology()
        if root is not None:
            r = ont[root.strip().zfill(2)]
            if r.level != 1:
                raise UsageError(f"--root takes a two-digit root code such as {r.root}, not {r.code}")
            codes = [r] + ont.descendants(r.code)
        else:
            codes = [ont[x] for x in ont.codes]
        rows = [(c, ont.plover(c.code)) for c in codes]
    except FlashpointError as exc:
        raise _fail(exc) from None
    if as_json:
        _emit([{"code": c.code, "name": c.name, "level": c.level, "goldstein": c.goldstein,
                "quad_class": c.quad_class, "plover_type": p.type if p else None,
                "plover_mode": p.mode if p else None} for c, p in rows])
        return
    for c, p in rows:
        indent = "  " * (c.level - 1)
        plover = (p.type + (f"/{p.mode}" if p.mode else "")) if p else "-"
        click.echo(f"{indent}{c.code:<{10 - len(indent)}} {c.goldstein:+5.1f}  Q{c.quad_class}  {plover:<24} {c.name}")


@ontology.command()
@_JSON_OPT
def plover(as_json: bool) -> None:
    """List the PLOVER event types with their modes and CAMEO roots.

    Example: flashpoint ontology plover
    """
    try:
        ont = _ontology()
    except FlashpointError as exc:
        raise _fail(exc) from None
    roots: dict[str, list[str]] = {}
    for r in ont.roots():
        p = ont.plover(r.code)
        if p is not None:
            roots.setdefault(p.type, []).append(r.code)
    if as_json:
        _emit([{"type": t.name, "quad_class": t.quad_class, "definition": t.definition,
                "modes": [{"name": m.name, "definition": m.definition} for m in t.modes],
                "cameo_roots": roots.get(t.name, [])} for t in ont.plover_types])
        return
    for t in ont.plover_types:
        click.echo(f"{t.name:<10} Q{t.quad_class}  CAMEO roots: {', '.join(roots.get(t.name, [])) or '-'}")
        click.echo(f"    {t.definition}")
        for m in t.modes:
            click.echo(f"    - {m.name}: {m.definition}")


@ontology.command()
@click.argument("text", required=False)
@_JSON_OPT
def contexts(text: str | None, as_json: bool) -> None:
    """List the context tags, or tag TEXT with them.

    Example: flashpoint ontology contexts "Troops massed at the border."
    """
    from ..coding.contexts import ContextTagger

    try:
        tagger = ContextTagger.load()
    except FlashpointError as exc:
        raise _fail(exc) from None
    if text is not None:
        hits = tagger.hits(text)
        tags = tagger.tag(text)
        if as_json:
            _emit({"tags": list(tags), "cues": {t: sorted(hits[t]) for t in tags}})
        else:
            for t in tags:
                click.echo(f"{t}: {', '.join(sorted(hits[t]))}")
        return
    if as_json:
        _emit([{"name": t.name, "description": t.description, "plover": list(t.plover), "cues": len(t.cues)}
               for t in tagger.tags])
        return
    for t in tagger.tags:
        click.echo(f"{t.name:<15} {len(t.cues):>3} cues  {t.description}")


commands = [ontology]
