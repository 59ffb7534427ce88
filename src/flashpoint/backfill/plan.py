"""Planning a backfill: shards cut into batches with stable ids.

A batch is up to ``size`` consecutive articles of one shard (or of a run
of one-document files). Its id is a
hash of the shard, its place in the shard and the ids of its articles, so
the same input planned again gives the same batches, and a checkpoint
written for a batch means exactly that work. Batches never span record
files: adding a shard to a folder leaves the batches of the others as they
were.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from ..ingest.document import Item, Note
from ..store.base import Failure
from ..types import Article
from .shards import find_shards, is_document, read_shard


@dataclass(frozen=True, slots=True)
class Batch:
    """Articles coded as one task and stored as one transaction."""

    id: str
    shard: str
    ordinal: int  # place of the batch within its shard, from 0
    articles: tuple[Article, ...]


def batch_id(shard: str, ordinal: int, articles: tuple[Article, ...]) -> str:
    digest = hashlib.sha256(f"{shard}\x00{ordinal}".encode())
    for article in articles:
        digest.update(b"\x00" + article.id.encode())
    return digest.hexdigest()[:24]


def plan(sources: list[str], size: int, max_chars: int, date: str | None = None) -> Iterator[Batch | Failure | Note]:
    """Batches of every shard under ``sources``, with what could not be read.

    Consecutive one-document files (text, Markdown, HTML, JSON) share
    batches, keyed by the first file of each; record files and archives
    are cut on their own.
    """
    documents = _Batcher(size)
    for shard in find_shards(sources):
        if isinstance(shard, Failure):
            yield shard
            continue
        if is_document(shard):
            documents.start(shard.key)
            for item in read_shard(shard, max_chars, date):
                yield from documents.add(item)
            continue
        yield from documents.flush()
        records = _Batcher(size)
        records.start(shard.key)
        for item in read_shard(shard, max_chars, date):
            yield from records.add(item)
        yield from records.flush()
    yield from documents.flush()


class _Batcher:
    """Cuts articles into batches named by the shard each batch starts in."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.held: list[Article] = []
        self.shard = ""
        self.ordinals: dict[str, int] = {}

    def start(self, shard: str) -> None:
        if not self.held:
            self.shard = shard

    def add(self, item: Item) -> Iterator[Batch | Failure | Note]:
        if not isinstance(item, Article):
            yield item
            return
        self.held.append(item)
        if len(self.held) >= self.size:
            yield from self.flush()

    def flush(self) -> Iterator[Batch]:
        if not self.held:
            return
        ordinal = self.ordinals.get(self.shard, 0)
        self.ordinals[self.shard] = ordinal + 1
        arts = tuple(self.held)
        self.held = []
        yield Batch(batch_id(self.shard, ordinal, arts), self.shard, ordinal, arts)


@dataclass(frozen=True, slots=True)
class Totals:
    batches: int
    articles: int


def count(sources: list[str], size: int, max_chars: int, date: str | None = None) -> Totals:
    """How many batches and articles a backfill of ``sources`` plans (a reading pass)."""
    batches = articles = 0
    for item in plan(sources, size, max_chars, date):
        if isinstance(item, Batch):
            batches += 1
            articles += len(item.articles)
    return Totals(batches, articles)
