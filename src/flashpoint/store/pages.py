"""Raw pages of merged events, for exports that stream a whole store.

:meth:`Store.events` hands out one decoded dict per event. An export of a
million events spends most of its time decoding the stored JSON records
into dicts the writer then takes apart again, so a store with a database
behind it also offers ``event_pages``: the same events in the same order,
a page at a time, with each record still JSON text. A writer decodes a page
the way that suits it (Parquet hands the text to Arrow's JSON reader in
C++); :func:`page_events` makes the dicts ``events`` would have made.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .rows import merged_dict

# Columns of the events table a page carries, in this order.
PAGE_COLUMNS = ("id", "date", "num_mentions", "num_sources", "num_articles", "first_seen", "record")


@dataclass(frozen=True, slots=True)
class EventPage:
    """Up to a page of merged events as stored.

    ``rows`` hold :data:`PAGE_COLUMNS` (``record`` is the JSON text of the
    first report's event); ``mentions`` maps a merged event id to its
    mentions, as :meth:`Store.events` gives them.
    """

    rows: tuple[tuple[Any, ...], ...]
    mentions: dict[str, list[dict[str, Any]]]

    def __len__(self) -> int:
        return len(self.rows)

    def columns(self) -> dict[str, tuple[Any, ...]]:
        """Every one of :data:`PAGE_COLUMNS`, for every event of the page."""
        if not self.rows:
            return {name: () for name in PAGE_COLUMNS}
        return dict(zip(PAGE_COLUMNS, zip(*self.rows)))


def page_events(page: EventPage) -> list[dict[str, Any]]:
    """The merged event dicts of a page, exactly as :meth:`Store.events` yields them."""
    return [merged_dict(dict(zip(PAGE_COLUMNS, row)), page.mentions.get(row[0], [])) for row in page.rows]


def events_of(pages: Iterable[EventPage]) -> Iterator[dict[str, Any]]:
    """Merged event dicts, one at a time, from pages."""
    for page in pages:
        yield from page_events(page)


class EventPages:
    """A stream of :class:`EventPage`, marked as such: the exports take it
    where they take merged event dicts and use the pages where they can."""

    def __init__(self, pages: Iterable[EventPage]) -> None:
        self._pages = pages

    def __iter__(self) -> Iterator[EventPage]:
        return iter(self._pages)

    def events(self) -> Iterator[dict[str, Any]]:
        """The merged event dicts of every page, one at a time."""
        return events_of(self._pages)
