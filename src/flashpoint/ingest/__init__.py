"""Ingest: sources (files, records, URLs, feeds), safe fetching, the runner.

>>> from flashpoint.ingest import FileSource, ingest
>>> report = ingest(FileSource(["news/"]), store, code_articles, settings)  # doctest: +SKIP
"""

from __future__ import annotations

from .document import Note, make_article
from .feeds import FeedSource, UrlSource, looks_like_feed, parse_feed
from .fetch import FetchResult, Fetcher, is_public
from .files import FileSource
from .retry import retry
from .runner import IngestReport, code_batch, ingest
from .source import ListSource, Source
from .validators import ValidatorCache
from .watch import parse_duration, read_feed_list, watch

__all__ = [
    "FeedSource", "FetchResult", "Fetcher", "FileSource", "IngestReport", "ListSource", "Note",
    "Source", "UrlSource", "ValidatorCache", "code_batch", "ingest", "is_public", "looks_like_feed",
    "make_article", "parse_duration", "parse_feed", "read_feed_list", "retry", "watch",
]
