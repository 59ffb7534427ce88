"""Flashpoint: news text in, sourced political event records out.

>>> import flashpoint
>>> events = flashpoint.code("Russia sent paratroopers to Belarus.", date="2021-11-12")
"""

from __future__ import annotations

from .config import Settings
from .errors import FlashpointError
from .types import Actor, Article, Event, Location, Quantity

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Event", "FlashpointError", "Location", "Quantity", "Settings",
    "code", "code_many", "filter_hints", "to_frame", "__version__",
]


def code(text: str, date: str | None = None, *, doc_id: str | None = None, settings: Settings | None = None) -> list[Event]:
    """Code one text into events (negated and hypothetical ones excluded unless
    ``settings.include_uncounted``)."""
    from .pipeline import code_text

    return code_text(text, date=date, doc_id=doc_id, settings=settings)


def code_many(articles, settings: Settings | None = None):
    """Stream many :class:`Article` objects (or dicts) through the coder.

    Yields ``(article, events, error)``; ``error`` is a string when that
    document failed, and the batch carries on.
    """
    from .pipeline import code_articles

    return code_articles(articles, settings=settings)


def to_frame(events):
    """Events (``flashpoint.code`` results or ``Store.events`` dicts) as a pandas
    DataFrame with the flat export columns; needs the ``pandas`` extra."""
    from .store.exports.frame import to_frame as frame

    return frame(events)


def filter_hints(store, flt):
    """Why a query came back empty: each filter value that names nothing known,
    with the nearest valid values (``flashpoint.store.hints.Hint``)."""
    from .store.hints import filter_hints as hints

    return hints(store, flt)
