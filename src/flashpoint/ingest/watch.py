"""Polling feeds on a schedule (``flashpoint watch FEEDS.txt --every 10m``).

Each round reads every feed once, codes only entries whose article id is
not stored yet, and remembers each feed's ETag / Last-Modified once its
entries are stored. A feed that is down, slow or malformed is recorded as
a failure and the other feeds go on; so does a bug that one feed triggers.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..config import Settings
from ..errors import FlashpointError, UsageError
from ..store.base import Failure, Store
from .document import Item
from .feeds import FeedSource
from .fetch import Fetcher, check_url_arg
from .runner import Coder, IngestReport, Progress, ingest

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.IGNORECASE)
_UNITS = {None: 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """Seconds in ``"90"``, ``"90s"``, ``"10m"``, ``"2h"`` or ``"1d"``.

    Raises:
        UsageError: not a positive duration.
    """
    match = _DURATION.match(text or "")
    if not match or float(match.group(1)) <= 0:
        raise UsageError(f"--every {text!r} is not a duration; use e.g. 90s, 10m, 2h")
    unit = match.group(2).lower() if match.group(2) else None
    return float(match.group(1)) * _UNITS[unit]


def read_feed_list(path: Path | str) -> list[str]:
    """Feed URLs from a text file: one per line, ``#`` starts a comment.

    Raises:
        UsageError: the file cannot be read, holds no URL or a line is not one.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read the feed list {path} ({exc.strerror or exc})") from None
    urls = []
    for number, line in enumerate(lines, 1):
        # A comment is a whole line or follows " #"; a bare "#" may be a fragment.
        line = "" if line.lstrip().startswith("#") else line.split(" #", 1)[0].strip()
        if not line:
            continue
        try:
            urls.append(check_url_arg(line))
        except UsageError as exc:
            raise UsageError(f"{path}:{number}: {exc}") from None
    if not urls:
        raise UsageError(f"{path} lists no feed URL; put one http(s) URL per line")
    return list(dict.fromkeys(urls))


class _Guarded:
    """A source whose unexpected errors become a failure for its feed."""

    def __init__(self, source: FeedSource) -> None:
        self.source = source

    def __iter__(self) -> Iterator[Item]:
        try:
            yield from self.source
        except FlashpointError as exc:
            yield Failure(key=self.source.url, stage="fetch", reason=str(exc))
        except Exception as exc:  # noqa: BLE001 - a long-running poller must outlive one feed's surprise
            yield Failure(key=self.source.url, stage="fetch", reason=f"unexpected {type(exc).__name__}: {str(exc)[:300]}")

    def commit(self) -> None:
        self.source.commit()


def watch(
    feeds: list[str],
    every: float,
    store: Store,
    coder: Coder,
    settings: Settings,
    *,
    fetcher: Fetcher,
    rounds: int | None = None,
    progress: Progress | None = None,
    on_round: Callable[[int, IngestReport], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> IngestReport:
    """Poll ``feeds`` every ``every`` seconds, ``rounds`` times (forever if None).

    Returns the report summed over all rounds (when ``rounds`` ends the loop).
    """
    total = IngestReport()
    number = 0
    while rounds is None or number < rounds:
        number += 1
        started = time.monotonic()
        sources = [
            _Guarded(FeedSource(url, fetcher, max_chars=settings.max_chars, seen=store.has_article))
            for url in feeds
        ]
        report = ingest(sources, store, coder, settings, progress)
        if fetcher.cache is not None:
            fetcher.cache.save()
        total += report
        if on_round is not None:
            on_round(number, report)
        if rounds is not None and number >= rounds:
            break
        sleep(max(0.0, every - (time.monotonic() - started)))
    return total
