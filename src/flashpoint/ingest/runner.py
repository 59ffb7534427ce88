"""The ingest runner: sources in, coded articles and events stored.

For every article a source yields: skip it when its id is stored, record it
as a copy when the store finds an earlier duplicate, else code it in
batches (``settings.batch_size`` articles, or fewer that reach
``settings.batch_chars`` characters, so the coder can use ``nlp.pipe`` and
holds one batch's text and events at a time) and
store the coded batch in one transaction (one commit per batch, not per
article: on PostgreSQL the per-article commit was most of the storage
cost). A failure for one article (coder error, store error, unreadable
item) goes to the failures table and the run goes on: when storing a
batch fails, it is rolled back and stored again one article per
transaction, so only the article at fault is recorded as failed.

Crash safety comes from the store: a batch (or an article) and its events
are written together or not at all, and ids are content hashes, so a
killed run that is started again skips what was stored and codes the rest;
nothing is lost and nothing is stored twice. A database that goes away is
reconnected once by the store; when that fails the run stops with
:class:`~flashpoint.store.base.StoreUnavailable`, and running it again
resumes.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..config import Settings
from ..errors import FlashpointError
from ..store.base import Failure, Store, StoreUnavailable
from ..types import Article, Event
from .document import Note
from .inflight import Inflight
from .source import Source

#: The coder: ``flashpoint.pipeline.code_articles`` or a test fake.
Coder = Callable[[Iterable[Article], Settings], Iterator[tuple[Article, list[Event], "str | None"]]]
Progress = Callable[["IngestReport"], None]


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What a run did. ``seen`` counts articles read; each one ends up
    ``new``, ``skipped`` (already stored), a ``duplicate`` (stored as a copy)
    or among the ``failures``, which also count items that could not be read."""

    seen: int = 0
    new: int = 0
    skipped: int = 0
    duplicates: int = 0
    events: int = 0
    failures: int = 0
    notes: int = 0
    elapsed: float = 0.0

    @property
    def rate(self) -> float:
        """Articles read per second."""
        return self.seen / self.elapsed if self.elapsed > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "rate": round(self.rate, 2)}

    def __add__(self, other: IngestReport) -> IngestReport:
        return IngestReport(*(a + b for a, b in zip(dataclasses.astuple(self), dataclasses.astuple(other))))


class _Run:
    """Mutable counters for one run; frozen into a report on demand."""

    def __init__(self, store: Store, progress: Progress | None) -> None:
        self.store = store
        self.progress = progress
        self.inflight = Inflight(store)  # crash recovery of the coder (issue 14; see inflight.py)
        self.start = time.monotonic()
        self.counts = dict.fromkeys(("seen", "new", "skipped", "duplicates", "events", "failures", "notes"), 0)

    def report(self) -> IngestReport:
        return IngestReport(**self.counts, elapsed=time.monotonic() - self.start)

    def fail(self, failure: Failure) -> None:
        self.store.add_failure(failure)
        self.counts["failures"] += 1

    def tick(self) -> None:
        if self.progress is not None:
            self.progress(self.report())


def ingest(
    sources: Source | Iterable[Source],
    store: Store,
    coder: Coder,
    settings: Settings,
    progress: Progress | None = None,
) -> IngestReport:
    """Read every source, code what is new and store it.

    Args:
        sources: one source or several, read in order.
        store: where articles, events, copies and failures go.
        coder: ``(articles, settings) -> iterator of (article, events, error)``.
        settings: ``batch_size`` is used here; the rest is the coder's.
        progress: called with the running report after every batch.

    Raises:
        StoreError: the store itself cannot be read or written (not a
            single article's problem), so going on would lose work.
    """
    if isinstance(sources, Source):
        sources = [sources]
    sources = list(sources)
    run = _Run(store, progress)
    batch: list[Article] = []
    queued: set[str] = set()
    unread: list[Article] = []  # read, not yet looked up in the store
    size = max(1, int(settings.batch_size))
    budget = max(1, int(settings.batch_chars))  # a batch also closes at this many characters (issue 14)
    for source in sources:
        for item in source:
            if isinstance(item, Note):
                store.add_failure(item.as_failure())
                run.counts["notes"] += 1
            elif isinstance(item, Failure):
                run.fail(item)
                run.tick()
            elif isinstance(item, Article):
                run.counts["seen"] += 1
                unread.append(item)
                # Look up just enough to fill the batch, so that every lookup
                # sees all earlier batches stored.
                if len(batch) + len(unread) >= size or _chars(batch) + _chars(unread) >= budget:
                    _look_up(run, unread, batch, queued)
                    unread = []
                    if len(batch) >= size or _chars(batch) >= budget:
                        _flush(run, batch, coder, settings)
                        batch, queued = [], set()
    _look_up(run, unread, batch, queued)
    if batch:
        _flush(run, batch, coder, settings)
    for source in sources:
        source.commit()
    report = run.report()
    if progress is not None:
        progress(report)
    return report


def _chars(articles: list[Article]) -> int:
    return sum(len(a.text) for a in articles)


def _look_up(run: _Run, articles: list[Article], batch: list[Article], queued: set[str]) -> None:
    """Skip what is stored, store duplicates as copies and queue the rest for
    coding, with one store lookup for all of ``articles``."""
    if not articles:
        return
    for item, original in zip(articles, run.store.find_duplicates(articles)):
        if item.id in queued:
            run.counts["skipped"] += 1
        elif original is None:
            batch.append(item)
            queued.add(item.id)
        # The lookup names the article itself when it is stored; a hit on
        # another article needs a second look, as the id may be a stored copy.
        elif original == item.id or run.store.has_article(item.id):
            run.counts["skipped"] += 1
        else:
            _copy(run, item, original)


def _flush(run: _Run, batch: list[Article], coder: Coder, settings: Settings) -> None:
    # Code the whole batch first so no transaction stays open while the coder works;
    # the batch's ids are recorded first, so a run the kernel kills here is not stuck.
    coded = list(run.inflight.code(batch, lambda part: code_batch(part, coder, settings), article_payload))
    stored = [(article, events) for article, events, error in coded if error is None]
    outcomes: list[int | str | Failure | None] = []
    try:
        with run.store.batch():
            outcomes = [_store(run.store, article, events) for article, events in stored]
    except StoreUnavailable:
        raise
    except FlashpointError:
        # Rolled back as a whole: store one article per transaction so that
        # only the one at fault ends up among the failures.
        outcomes = [_store_alone(run.store, article, events) for article, events in stored]
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            run.fail(outcome)
        elif outcome is None:
            run.counts["duplicates"] += 1
        elif outcome == SKIPPED:
            run.counts["skipped"] += 1
        else:
            run.counts["new"] += 1
            run.counts["events"] += int(outcome)
    for article, _, error in coded:
        if error is not None:
            run.fail(Failure(key=article.id, stage="code", reason=error, payload=article_payload(article)))
    run.tick()


SKIPPED = "skipped"  # an outcome of _store: another writer stored this article meanwhile


def _store(store: Store, article: Article, events: list[Event]) -> int | str | None:
    """Store a coded article, or a copy when the store holds its original by
    now: the number of events stored, None for a copy, SKIPPED when it is
    stored already.

    The article was looked up before it was coded, but an earlier article of
    this batch or another writer (a second ``ingest``, ``watch``) may have
    stored its original since; the store decides again, under a lock, in
    the transaction that stores it (issue 14).
    """
    original = store.add_original(article, events)
    if original is None:
        return len(events)
    return SKIPPED if original == article.id else None


def _store_alone(store: Store, article: Article, events: list[Event]) -> int | str | Failure | None:
    try:
        return _store(store, article, events)
    except StoreUnavailable:
        raise
    except FlashpointError as exc:
        return Failure(key=article.id, stage="store", reason=str(exc), payload=article_payload(article))


def _copy(run: _Run, article: Article, original: str) -> None:
    try:
        run.store.add_copy(article, original)
    except StoreUnavailable:
        raise
    except FlashpointError as exc:
        run.fail(Failure(key=article.id, stage="store", reason=str(exc), payload=article_payload(article)))
        return
    run.counts["duplicates"] += 1


def code_batch(
    batch: list[Article], coder: Coder, settings: Settings
) -> Iterator[tuple[Article, list[Event], str | None]]:
    """Run the coder over a batch so that one bad document cannot sink it.

    A coder that raises mid-batch is re-run one article at a time on the
    rest, which isolates the article that breaks it; an article the coder
    never answered for comes back with an error.
    """
    by_id = {a.id: a for a in batch}
    done: set[str] = set()
    try:
        for article, events, error in coder(batch, settings):
            if article.id not in by_id or article.id in done:
                continue  # not ours, or answered twice: the first answer stands
            done.add(article.id)
            if error is None and not isinstance(events, (list, tuple)):
                error = f"coder returned {type(events).__name__}, not a list of events"
            yield by_id[article.id], list(events or ()), error
    except Exception as exc:  # noqa: BLE001 - a coder bug must cost one document, not the run
        rest = [a for a in batch if a.id not in done]
        if len(batch) == 1:
            yield batch[0], [], f"coder failed: {type(exc).__name__}: {str(exc)[:300]}"
            return
        for article in rest:
            done.add(article.id)
            yield from code_batch([article], coder, settings)
    for article in batch:
        if article.id not in done:
            yield article, [], "the coder returned no result for this article"


def article_payload(article: Article) -> str:
    """The JSON that lets ``retry`` rebuild the article."""
    return json.dumps({"kind": "article", "article": dataclasses.asdict(article)}, ensure_ascii=False)
