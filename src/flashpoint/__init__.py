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
    "code", "code_many", "__version__",
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
