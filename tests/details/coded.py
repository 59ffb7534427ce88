"""What the session tests of this folder read off the coder: its events for a text, and each event as
(source, code, target) with each side its country, else its key (an organisation)."""

from __future__ import annotations

from flashpoint.config import Settings
from flashpoint.pipeline import code_text


def coded(text: str, when: str = "2026-12-08", **settings):
    """The coder's events for ``text`` published on ``when`` (default settings, or those given)."""
    return code_text(text, date=when, doc_id="t", settings=Settings(**settings))


def _side(actor) -> str | None:
    return None if actor is None else (actor.country or actor.key)


def triples(text: str, when: str = "2026-12-08", **settings) -> set[tuple]:
    """(source, full CAMEO code, target) of every event."""
    return {(_side(e.source), e.cameo, _side(e.target)) for e in coded(text, when, **settings)}


def roots(text: str, when: str = "2026-12-08", **settings) -> set[tuple]:
    """(source, CAMEO root, target) of every event."""
    return {(s, c[:2], t) for s, c, t in triples(text, when, **settings)}
