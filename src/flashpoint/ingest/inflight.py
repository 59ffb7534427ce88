"""Which batch was being coded when the process died, and which article did it.

The coder's memory grows with the documents it parses; when the kernel
kills the process for it nothing would say which document was to blame,
and every rerun would die at the same batch. So the ids of a batch are
recorded before it is coded, as a marker row among the failures (stage
``coding``), and the marker is removed once the batch is coded. A run that
finds markers left by a dead run codes those articles one at a time, each
under its own marker; an article whose own marker survives a second death
is the culprit: the next run records it as a ``code`` failure instead of
coding it again, and the others are stored.

Markers are ordinary failure rows, so they need no schema of their own and
show in ``flashpoint stats`` while a batch is being coded. A marker left by
another run that is still going makes this run code those articles one at
a time too: slower, never wrong.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from typing import Any

from ..store.base import Failure, Store
from ..types import Article, Event

STAGE = "coding"
BATCH = "coding:batch:"
ALONE = "coding:article:"
CULPRIT = ("the process died while coding this article (out of memory, or killed) and it is not coded again"
           " automatically; shorten it, or lower --batch-size / max_chars, then run `flashpoint retry`")

Coded = Iterator[tuple[Article, list[Event], "str | None"]]


class Inflight:
    """The markers of one run: what dead runs left, and this run's own."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.batches: dict[str, set[str]] = {}  # a dead run's batch marker -> ids not coded since
        self.culprits: set[str] = set()  # articles a run died on while coding them alone
        for marker in store.failures(STAGE):
            if marker.key.startswith(ALONE):
                self.culprits.add(marker.key[len(ALONE):])
            elif marker.key.startswith(BATCH):
                self.batches[marker.key] = set(_ids(marker.payload))

    def suspect(self, article_id: str) -> bool:
        return any(article_id in ids for ids in self.batches.values())

    def code(self, batch: list[Article], code: Callable[[list[Article]], Coded],
             payload: Callable[[Article], str]) -> Coded:
        """Code ``batch`` with ``code`` under markers: whole, or one article
        at a time when a dead run left it suspect; a known culprit is
        answered with an error instead of being coded."""
        rest = []
        for article in batch:
            if article.id in self.culprits:
                self.culprits.discard(article.id)
                self._done(article.id)
                self.store.clear_failure(ALONE + article.id)
                yield article, [], f"{_name(article)}: {CULPRIT}"
            else:
                rest.append(article)
        if not rest:
            return
        if not any(self.suspect(a.id) for a in rest):
            ids = sorted(a.id for a in rest)
            key = BATCH + hashlib.sha256("\n".join(ids).encode("utf-8", "surrogatepass")).hexdigest()[:32]
            self._mark(key, f"coding a batch of {len(ids)} articles", json.dumps({"kind": "batch", "ids": ids}))
            yield from _drain(code(rest))
            self.store.clear_failure(key)
            return
        for article in rest:
            self._mark(ALONE + article.id, "coding this article alone: a run died while coding its batch",
                       payload(article))
            yield from _drain(code([article]))
            self.store.clear_failure(ALONE + article.id)
            self._done(article.id)

    def _mark(self, key: str, reason: str, payload: str) -> None:
        self.store.add_failure(Failure(key=key, stage=STAGE, reason=reason + " (a marker: if the process dies now,"
                                       " the next run codes these articles one at a time)", payload=payload))

    def _done(self, article_id: str) -> None:
        for key in [k for k, ids in self.batches.items() if article_id in ids]:
            self.batches[key].discard(article_id)
            if not self.batches[key]:
                del self.batches[key]
                self.store.clear_failure(key)


def _drain(results: Coded) -> list[tuple[Article, list[Event], str | None]]:
    # The whole batch is coded before its marker goes: a death mid-batch leaves it.
    return list(results)


def _name(article: Article) -> str:
    """How a failure names an article: its URL or title, with its id and size."""
    label = article.url or (article.title or "")[:80]
    return f"article {article.id}" + (f" ({label})" if label else "") + f", {len(article.text):,} characters"


def _ids(payload: str | None) -> list[str]:
    try:
        data: Any = json.loads(payload or "")
    except ValueError:
        return []
    ids = data.get("ids") if isinstance(data, dict) else None
    return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []
