"""What the wire-sentence tests read off the coder: (source, root, target) triples, --no-statements."""

from __future__ import annotations

from flashpoint.config import Settings
from flashpoint.pipeline import code_text


def dyads(text: str, backoff: bool = True) -> set[tuple]:
    """(source country or organisation, root, target country or organisation), --no-statements."""
    events = code_text(text, date="2026-12-06", doc_id="w", settings=Settings(statements=False, backoff=backoff))

    def side(a):
        return None if a is None else (a.country or a.code)

    return {(side(e.source), e.cameo_root, side(e.target)) for e in events}


def has(got: set[tuple], source, root, target) -> bool:
    """An event of ``root`` from ``source`` (any, if None) to ``target`` (any, if None)."""
    return any((source is None or s == source) and r == root and (target is None or t == target) for s, r, t in got)
