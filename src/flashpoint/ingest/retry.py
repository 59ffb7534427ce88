"""Re-running recorded failures (``flashpoint retry``).

Failures keep a JSON payload saying what is needed to try again: the
article itself (coder and store failures) or the URL (fetch failures).
Parse failures and notes have no payload: the input itself is at fault,
so fix it and ingest it again. A failure is cleared once its retry
succeeds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..config import Settings
from ..store.base import Failure, Store
from ..types import Article
from .document import Item
from .feeds import FeedSource, page_items
from .fetch import Fetcher
from .runner import Coder, IngestReport, Progress, ingest
from .source import ListSource


class _PageSource:
    """One page URL (with the feed metadata it came with) as a source."""

    def __init__(self, url: str, fetcher: Fetcher, max_chars: int, meta: dict) -> None:
        self.url, self.fetcher, self.max_chars, self.meta = url, fetcher, max_chars, meta

    def __iter__(self) -> Iterator[Item]:
        return page_items(self.url, self.fetcher, max_chars=self.max_chars, **self.meta)

    def commit(self) -> None:
        """Pages need no bookkeeping."""


def retry(
    store: Store,
    coder: Coder,
    settings: Settings,
    *,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Retry every failure that can be retried; clear those that now succeed.

    Returns the summed report of the retried work.
    """
    articles: dict[str, Article] = {}
    report = IngestReport()
    own_fetcher = None
    try:
        for failure in store.failures():
            payload = _payload(failure)
            if payload is None:
                continue
            if payload.get("kind") == "article":
                article = _article(payload.get("article"))
                if article is not None:
                    articles[failure.key] = article
                continue
            url = payload.get("url")
            if not isinstance(url, str):
                continue
            if fetcher is None:
                fetcher = own_fetcher = Fetcher(allow_private=settings.allow_private)
            if payload.get("kind") == "feed":
                source = FeedSource(url, fetcher, max_chars=settings.max_chars, conditional=False)
            else:
                meta = {k: v for k, v in payload.items() if k in ("title", "date", "outlet") and isinstance(v, str)}
                source = _PageSource(url, fetcher, settings.max_chars, meta)
            one = ingest(source, store, coder, settings, progress)
            report += one
            if one.failures == 0:
                store.clear_failure(failure.key)
        if articles:
            report += ingest(ListSource(articles.values()), store, coder, settings, progress)
            for key, article in articles.items():
                if store.has_article(article.id) or store.find_duplicate(article) not in (None, article.id):
                    store.clear_failure(key)
    finally:
        if own_fetcher is not None:
            own_fetcher.close()
    return report


def _payload(failure: Failure) -> dict | None:
    if failure.stage in ("note", "coding") or not failure.payload:  # coding: a marker, not a failure
        return None
    try:
        payload = json.loads(failure.payload)
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else None


def _article(data: object) -> Article | None:
    if not isinstance(data, dict):
        return None
    try:
        return Article(**{k: v for k, v in data.items() if k in Article.__dataclass_fields__})
    except TypeError:
        return None
