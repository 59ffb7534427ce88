"""Raw pages of merged events, for exports that stream a whole store.

:meth:`Store.events` hands out one decoded dict per event. An export of a
million events spends most of its time decoding the stored JSON records
into dicts the writer then takes apart again, so a store with a database
behind it also offers ``event_pages``: the same events in the same order,
a page at a time, with each record still JSON text and the row's own
columns beside it; :func:`page_events` makes the dicts ``events`` would have
made (CSV, JSONL and PLOVER exports). Parquet and GDELT read the rows as
Arrow tables instead (:mod:`.exports.columns`).

A brief page (``event_pages(..., mentions=False)``) leaves the mentions out,
for a writer that reads only the first URL and the outlets of an event's
mentions, which the events row keeps (``first_url``, ``outlets``): no join
over reports and articles.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .rows import ROW_ACTOR, ROW_PLACE, ROW_SCALARS, merged_dict

# Columns of the events table a page carries, in this order.
PAGE_COLUMNS = ("id", "date", "num_mentions", "num_sources", "num_articles", "first_seen", "record", "first_url",
                "outlets", *(f"{side}_{k}" for side in ("source", "target") for k in ROW_ACTOR), *ROW_SCALARS,
                *(column for _, column in ROW_PLACE))
_URL, _OUTLETS = PAGE_COLUMNS.index("first_url"), PAGE_COLUMNS.index("outlets")


@dataclass(frozen=True, slots=True)
class EventPage:
    """Up to a page of merged events as stored.

    ``rows`` hold :data:`PAGE_COLUMNS` (``record`` is the JSON text of the
    first report's event, ``outlets`` a JSON array; the actor, action and
    place columns stand over the record's, see :func:`.rows.merged_dict`); ``mentions`` maps a
    merged event id to its mentions, as :meth:`Store.events` gives them, or
    is None on a brief page.
    """

    rows: tuple[tuple[Any, ...], ...]
    mentions: dict[str, list[dict[str, Any]]] | None

    def __len__(self) -> int:
        return len(self.rows)

    def columns(self) -> dict[str, tuple[Any, ...]]:
        """Every one of :data:`PAGE_COLUMNS`, for every event of the page."""
        if not self.rows:
            return {name: () for name in PAGE_COLUMNS}
        return dict(zip(PAGE_COLUMNS, zip(*self.rows)))


def page_events(page: EventPage) -> list[dict[str, Any]]:
    """The merged event dicts of a page, exactly as :meth:`Store.events` yields
    them; on a brief page, with mentions reduced to :func:`brief_mentions`."""
    if page.mentions is None:
        outlets = outlet_lists(row[_OUTLETS] for row in page.rows)
        return [merged_dict(dict(zip(PAGE_COLUMNS, row)), brief_mentions(row[_URL], names))
                for row, names in zip(page.rows, outlets)]
    return [merged_dict(dict(zip(PAGE_COLUMNS, row)), page.mentions.get(row[0], [])) for row in page.rows]


def outlet_lists(texts: Iterable[str]) -> list[list[str]]:
    """The stored ``outlets`` JSON arrays as lists; the same few recur, so
    each distinct text is decoded once (the lists are shared: do not change them)."""
    decoded: dict[str, list[str]] = {}
    out = []
    for text in texts:
        names = decoded.get(text)
        if names is None:
            names = decoded[text] = json.loads(text)
        out.append(names)
    return out


def brief_mentions(first_url: str | None, outlets: list[str]) -> list[dict[str, Any]]:
    """Stand-in mentions that carry only what the flat formats read of them:
    the first URL and the outlets (sorted, each once)."""
    out: list[dict[str, Any]] = [{"url": None, "outlet": name} for name in outlets] or [{"url": None, "outlet": None}]
    out[0]["url"] = first_url
    return out


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
