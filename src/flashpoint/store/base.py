"""The Store protocol: the one seam between the pipeline and a database.

Back ends (``memory``, ``sqlite``, ``postgres``) implement it; the ingest
runner, the query commands, the analytics and the exports only ever see
this interface. The same test suite runs against every back end.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..errors import StoreError, UsageError
from ..types import Article, Event

FREQS = ("day", "week", "month", "year")

# Columns of a merged event that :meth:`Store.tally` may group by.
TALLY_FIELDS = (
    "source_key", "target_key", "source_name", "target_name", "source_country",
    "target_country", "source_code", "target_code", "cameo", "cameo_root",
    "quad_class", "plover_type", "location_country", "date",
)


class StoreUnavailable(StoreError):
    """The database went away and could not be reached again.

    Unlike other store errors this is never one document's problem, so the
    ingest runner stops on it instead of recording a failure and going on.
    Everything committed before it is intact; running the same command again
    resumes where the run stopped.
    """


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters shared by ``flashpoint events``, ``export``, ``series``.

    All given filters must hold (AND). String matches are exact except
    ``cameo`` (a code prefix) and ``text`` (case-insensitive substring).
    """

    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    actor: str | None = None  # matches name, code, country or org of either side
    country: str | None = None  # ISO3 of source or target
    source: str | None = None  # dyad side: Actor.key (org id, else ISO3, else name)
    target: str | None = None
    cameo: str | None = None  # a code prefix: "11", "112", "1121"
    quad_class: int | None = None
    plover: str | None = None
    text: str | None = None  # substring of the evidence sentence
    include_uncounted: bool = False  # negated and hypothetical events
    limit: int | None = None

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            raise UsageError(f"limit must be 0 or more, not {self.limit}")
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise UsageError(f"quad class must be 1, 2, 3 or 4, not {self.quad_class}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _is_iso_day(value):
                raise UsageError(f"{name} must be an ISO date like 2021-11-12, not {value!r}")


def _is_iso_day(value: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return len(value) == 10


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that failed a stage, kept so a later run can retry it."""

    key: str  # article id, URL or path
    stage: str  # fetch | parse | code | store | note | coding (a batch being coded; see ingest.runner)
    reason: str
    payload: str | None = None  # JSON of what is needed to retry
    at: str | None = None  # ISO timestamp of the latest attempt (set by the store)
    attempts: int = 1  # set by the store: how many times this key failed


def check_freq(freq: str) -> str:
    """Validate a time-series bucket name."""
    if freq not in FREQS:
        raise UsageError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    return freq


def check_fields(fields: Sequence[str]) -> tuple[str, ...]:
    """Validate :meth:`Store.tally` group-by names (they become SQL identifiers)."""
    bad = [f for f in fields if f not in TALLY_FIELDS]
    if bad or not fields:
        raise UsageError(f"cannot group by {bad or 'nothing'}; choose from {', '.join(TALLY_FIELDS)}")
    return tuple(fields)


class Store(Protocol):
    """What every back end provides. All writes are idempotent."""

    def has_article(self, article_id: str) -> bool: ...

    def find_duplicate(self, article: Article) -> str | None:
        """Id of a stored article this one duplicates (same canonical URL,
        same content hash or near-duplicate text), else None."""
        ...

    def find_duplicates(self, articles: Sequence[Article]) -> list[str | None]:
        """:meth:`find_duplicate` of each article, in one lookup where the
        back end can (one round trip for a whole ingest batch)."""
        ...

    def add_article(self, article: Article, events: Iterable[Event]) -> None:
        """Store an article with its coded events in one transaction, merging
        events that report an already stored real-world event."""
        ...

    def add_original(self, article: Article, events: Iterable[Event]) -> str | None:
        """Store ``article`` like :meth:`add_article` unless it duplicates a
        stored article, and then as a copy of it (like :meth:`add_copy`).

        The decision is taken in the transaction that stores the article,
        holding a lock on each of its duplicate keys, so concurrent writers
        never store two copies of one text as originals. Returns None when
        the article was stored as an original, the original's id when it
        was stored as a copy, and its own id when it was stored already.
        """
        ...

    def add_copy(self, article: Article, original_id: str) -> None:
        """Record ``article`` as a syndicated copy (a mention) of ``original_id``."""
        ...

    def batch(self) -> contextlib.AbstractContextManager[None]:
        """Group the writes made inside the block into one transaction.

        The database back ends commit them together when the block ends and
        roll all of them back if it raises, so a batch is stored whole or
        not at all. Inside the block ``has_article``, ``find_duplicate`` and
        ``add_copy`` see its writes; queries (``events``, ``counts``, ...)
        and the mention counts are complete once it ends. The in-memory
        store applies writes at once and has nothing to roll back.
        """
        ...

    def add_failure(self, failure: Failure) -> None:
        """Record (or count again) a failure; ``attempts`` grows per key."""
        ...

    def failures(self, stage: str | None = None) -> list[Failure]:
        """Recorded failures by key, all of them or those of one ``stage``."""
        ...

    def clear_failure(self, key: str) -> None: ...

    def events(self, flt: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
        """Merged events as dicts: the event record plus ``id``,
        ``num_mentions``, ``num_sources``, ``num_articles``, ``first_seen`` and
        ``mentions``, ordered by date then id (undated events first)."""
        ...

    def series(self, flt: EventFilter, freq: str = "day") -> list[tuple[str, int, float]]:
        """``(period, count, goldstein_sum)`` per period with events, oldest
        first; a week is labelled by its Monday, a month ``YYYY-MM``."""
        ...

    def tally(self, fields: Sequence[str], flt: EventFilter = EventFilter(), limit: int | None = None) -> list[tuple[Any, ...]]:
        """Merged event counts grouped by ``fields``: rows of the field values
        then the count, most frequent first."""
        ...

    def counts(self) -> dict[str, int]:
        """Row counts: articles, copies, reports, events, actors, failures."""
        ...

    def close(self) -> None: ...
