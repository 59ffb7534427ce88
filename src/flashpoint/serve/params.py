"""Query parameters shared by the API and the dashboard, parsed once.

The names follow ``flashpoint events`` (``since``, ``until``, ``actor``,
``country``, ``source``, ``target``, ``cameo``, ``quad``, ``plover``,
``text``, ``all``) so a CLI filter and a URL read the same. Bad values
raise :class:`~flashpoint.errors.UsageError`, which the app turns into a
400 answer.
"""

# No `from __future__ import annotations`: FastAPI reads these dataclasses'
# signatures at run time.
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query

from ..errors import UsageError
from ..store.base import EventFilter
from ..store.queries import EventQuery

MAX_TEXT = 200  # characters of any one filter value

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]


@dataclass(frozen=True)
class FilterParams:
    """The filters of ``flashpoint events`` as query parameters."""

    since: Text = None
    until: Text = None
    actor: Text = None
    country: Text = None
    source: Text = None
    target: Text = None
    cameo: Text = None
    quad: Annotated[int | None, Query(ge=1, le=4)] = None
    plover: Text = None
    text: Text = None
    all: bool = False

    def event_filter(self) -> EventFilter:
        blank = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in self.__dict__.items()}
        if blank["cameo"] is not None and not blank["cameo"].isdigit():
            raise UsageError(f"cameo must be digits (a code prefix like 19 or 112), not {blank['cameo']!r}")
        return EventFilter(since=blank["since"], until=blank["until"], actor=blank["actor"],
                           country=blank["country"], source=blank["source"], target=blank["target"],
                           cameo=blank["cameo"], quad_class=blank["quad"], plover=blank["plover"],
                           text=blank["text"], include_uncounted=blank["all"])

    def pairs(self) -> list[tuple[str, object]]:
        """The filters that are set, as (name, value) pairs."""
        return [(k, v) for k, v in self.__dict__.items() if v not in (None, "", False)]

    def query_string(self, **override: object) -> str:
        """These filters as a URL query (for links that keep the view's state)."""
        from urllib.parse import urlencode

        values = {**{k: v for k, v in self.__dict__.items() if v not in (None, "", False)}, **override}
        return urlencode({k: ("1" if v is True else v) for k, v in values.items() if v not in (None, "", False)})


@dataclass(frozen=True)
class PageParams:
    """What only the events endpoint adds: API filters and paging."""

    modality: Text = None
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north in degrees")] = None
    updated_since: Text = None
    cursor: Annotated[str | None, Query(max_length=500)] = None
    size: Annotated[int, Query(ge=1, le=1000)] = 50
    order: Annotated[str, Query(pattern="^(newest|oldest)$")] = "newest"

    def event_query(self, flt: EventFilter) -> EventQuery:
        return EventQuery(flt=flt, modality=self.modality or None, min_confidence=self.min_confidence,
                          bbox=parse_bbox(self.bbox), updated_since=self.updated_since or None,
                          cursor=self.cursor or None, size=self.size, newest_first=self.order == "newest")


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    parts = value.split(",")
    try:
        nums = tuple(float(p) for p in parts)
    except ValueError:
        nums = ()
    if len(nums) != 4 or any(n != n or n in (float("inf"), float("-inf")) for n in nums):
        raise UsageError(f"bbox must be four numbers west,south,east,north, not {value[:100]!r}")
    return nums  # type: ignore[return-value]


def hint_texts(store: Any, flt: EventFilter) -> list[str]:
    """The CLI's filter hints (:func:`flashpoint.store.hints.filter_hints`) as sentences."""
    from ..store.hints import filter_hints

    return [str(h) for h in filter_hints(store, flt)]
