"""What the wire-sentence and reported-bug tests read off the coder: each side as a country or an
organisation code, (source, root, target) triples coded --no-statements, and (source, full code,
target) triples at default settings."""

from __future__ import annotations

from flashpoint.config import Settings
from flashpoint.pipeline import code_text


def side(actor) -> str | None:
    """An actor as the wire tests compare it: its country, else its CAMEO code (organisations)."""
    return None if actor is None else (actor.country or actor.code)


def dyads(text: str, **settings) -> set[tuple]:
    """(source country or organisation, root, target country or organisation), --no-statements."""
    events = code_text(text, date="2026-12-06", doc_id="w", settings=Settings(statements=False, **settings))
    return {(side(e.source), e.cameo_root, side(e.target)) for e in events}


def has(got: set[tuple], source, root, target) -> bool:
    """An event of ``root`` from ``source`` (any, if None) to ``target`` (any, if None)."""
    return any((source is None or s == source) and r == root and (target is None or t == target) for s, r, t in got)


def events(text: str, **settings):
    """The coder's events for ``text`` at default settings (or those given)."""
    return code_text(text, date="2026-12-06", doc_id="b", settings=Settings(**settings))


def triples(text: str, **settings) -> set[tuple]:
    """(source country or code, full CAMEO code, target country or code), at default settings."""
    return {(side(e.source), e.cameo, side(e.target)) for e in events(text, **settings)}
