"""The Store protocol: the one seam between the pipeline and a database.

Back ends (``memory``, ``sqlite``, ``postgres``) implement it; the ingest
runner, the query commands and the exports only ever see this interface.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from ..types import Article, Event


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters shared by ``flashpoint events`` and ``flashpoint export``."""

    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    actor: str | None = None  # matches name, code, country or org of either side
    country: str | None = None  # ISO3 of source or target
    source: str | None = None  # dyad side: ISO3, org id or actor code
    target: str | None = None
    cameo: str | None = None  # a code prefix: "11", "112", "1121"
    quad_class: int | None = None
    plover: str | None = None
    text: str | None = None  # substring of the evidence sentence
    include_uncounted: bool = False  # negated and hypothetical events
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    key: str  # article id, URL or path
    stage: str  # fetch | parse | code | store
    reason: str
    payload: str | None = None  # JSON of what is needed to retry
    at: str | None = None


class Store(Protocol):
    """What every back end provides. All writes are idempotent."""

    def has_article(self, article_id: str) -> bool: ...

    def find_duplicate(self, article: Article) -> str | None:
        """Id of a stored article this one duplicates (same canonical URL,
        same content hash or near-duplicate text), else None."""
        ...

    def add_article(self, article: Article, events: Iterable[Event]) -> None:
        """Store an article with its coded events in one transaction, merging
        events that report an already stored real-world event."""
        ...

    def add_copy(self, article: Article, original_id: str) -> None:
        """Record ``article`` as a syndicated copy (a mention) of ``original_id``."""
        ...

    def add_failure(self, failure: Failure) -> None: ...

    def failures(self) -> list[Failure]: ...

    def clear_failure(self, key: str) -> None: ...

    def events(self, flt: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
        """Merged events as dicts: the event record plus ``num_mentions``,
        ``num_sources``, ``num_articles`` and ``mentions``."""
        ...

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...
