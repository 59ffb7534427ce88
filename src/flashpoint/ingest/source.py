"""The ``Source`` protocol: anything that yields articles to ingest.

A source yields :class:`~flashpoint.types.Article` records, and in place of
an item it cannot read a :class:`~flashpoint.store.base.Failure` (so one bad
file, line or URL never stops the others) or a
:class:`~flashpoint.ingest.document.Note` about an article it did read.
Sources never raise for bad input; they raise only for bad arguments.

``commit()`` is called by the runner once everything the source yielded is
stored: a feed remembers its ETag only then, so a crash mid-run never makes
the next poll answer "304, nothing new" for entries that were never stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from .document import Item


@runtime_checkable
class Source(Protocol):
    """An iterable of articles, failures and notes."""

    def __iter__(self) -> Iterator[Item]: ...

    def commit(self) -> None:
        """Called after all yielded articles are stored (may do nothing)."""
        ...


class ListSource:
    """Articles held in memory; handy in tests, examples and ``retry``."""

    def __init__(self, items: Iterable[Item]) -> None:
        self.items = list(items)

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items)

    def commit(self) -> None:
        """Nothing to remember."""
