"""Command-line inputs (paths and URLs) to sources."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..config import Settings
from .feeds import FeedSource, FileFeedSource, UrlSource
from .fetch import Fetcher
from .files import FileSource
from .source import Source


FEED_SUFFIXES = (".xml", ".rss", ".atom")


def is_url(value: str) -> bool:
    """Whether a command-line input names a web address rather than a path."""
    return value.lower().startswith(("http://", "https://"))


def is_feed_file(value: str) -> bool:
    """Whether a command-line input is a feed saved as a file (``.xml``, ``.rss``, ``.atom``)."""
    return not is_url(value) and Path(value).suffix.lower() in FEED_SUFFIXES


def open_sources(
    inputs: list[str],
    settings: Settings,
    *,
    fetcher: Fetcher | None = None,
    date: str | None = None,
    feed: bool = False,
    seen: Callable[[str], bool] | None = None,
) -> list[Source]:
    """Sources for paths and URLs, in the order given.

    Paths (files and folders) become one :class:`FileSource`; feed files
    (``.xml``, ``.rss``, ``.atom``) are read as feeds, their teaser entries'
    links fetched when a fetcher is given; URLs become pages (a URL whose
    content is RSS or Atom is read as a feed), or feeds when ``feed`` is
    set. ``fetcher`` is needed only when there are URLs.
    """
    paths = [Path(v) for v in inputs if not is_url(v) and not is_feed_file(v)]
    urls = [v for v in inputs if is_url(v)]
    sources: list[Source] = []
    sources.extend(FileFeedSource(v, fetcher, max_chars=settings.max_chars, seen=seen)
                   for v in inputs if is_feed_file(v))
    if paths:
        sources.append(FileSource(paths, max_chars=settings.max_chars, date=date))
    if urls:
        if fetcher is None:
            raise ValueError("open_sources needs a fetcher for URLs")
        if feed:
            sources.extend(FeedSource(u, fetcher, max_chars=settings.max_chars, seen=seen) for u in urls)
        else:
            sources.append(UrlSource(urls, fetcher, max_chars=settings.max_chars, seen=seen))
    return sources


def estimate_total(inputs: list[str]) -> int | None:
    """About how many articles ``inputs`` hold, for a progress estimate.

    Files count one each; JSONL and CSV files one per line; folders what
    they hold. URLs and feeds are not counted (that would need fetching),
    so a run with any of them has no estimate (None).
    """
    from .files import SUFFIXES, _wanted

    total = 0
    for value in inputs:
        if is_url(value) or is_feed_file(value):
            return None
        path = Path(value)
        files = sorted(p for p in path.rglob("*") if _wanted(p, path)) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix in (".jsonl", ".csv"):
                try:
                    with file.open("rb") as fh:
                        lines = sum(1 for line in fh if line.strip())
                except OSError:
                    lines = 1
                total += max(lines - (1 if suffix == ".csv" else 0), 0)
            elif suffix in SUFFIXES or not path.is_dir():
                total += 1
    return total or None
