"""RSS and Atom feeds, and single web pages, as sources.

A feed is fetched through the safe :class:`~flashpoint.ingest.fetch.Fetcher`
and parsed with ``feedparser``; each entry becomes an article from its own
content when that is the full story, else from its linked page (fetched
through the same fetcher, so every link is checked too). Entries whose id
is already known (``seen``) are not fetched again.
"""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from ..errors import FetchError, InputError
from ..store.base import Failure
from .document import Item, Note, article_id, decode, make_article, normalise_date
from .fetch import FetchResult, Fetcher
from .html import extract_page, html_to_text

#: Entry content at least this long (in characters of text) is taken as the
#: full story; shorter content is a teaser and the linked page is fetched.
FULL_CONTENT_CHARS = 1500
MAX_ENTRIES = 500

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed entry, as plain values."""

    link: str | None
    title: str | None
    date: str | None  # ISO YYYY-MM-DD
    content: str  # HTML or text; may be a teaser
    guid: str | None = None


def looks_like_feed(body: bytes, content_type: str | None = None) -> bool:
    """Whether a response is an RSS or Atom feed (by type, else by its root element)."""
    if content_type and content_type.startswith(_FEED_TYPES):
        return True
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    while head.startswith((b"<?", b"<!--", b"<!doctype")):
        end = head.find(b">")
        if end < 0:
            return False
        head = head[end + 1:].lstrip()
    return head.startswith(_FEED_ROOTS)


def parse_feed(body: bytes, key: str) -> tuple[str | None, list[FeedEntry]]:
    """Parse feed bytes into the feed title and its entries.

    Raises:
        InputError: the bytes are not a feed feedparser can read.
    """
    import feedparser

    if not body.strip():
        raise InputError(f"{key}: empty feed")
    try:
        # A stream, never a string: feedparser treats a string as a URL or
        # a file name and would open it itself, bypassing our fetcher.
        parsed = feedparser.parse(io.BytesIO(body), resolve_relative_uris=False, sanitize_html=True)
    except Exception as exc:  # noqa: BLE001 - feedparser's lower layers raise assorted errors on hostile XML
        raise InputError(f"{key}: cannot parse feed ({type(exc).__name__})") from None
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise InputError(f"{key}: not an RSS or Atom feed{f' ({str(reason)[:200]})' if reason else ''}")
    entries = []
    for entry in parsed.entries[:MAX_ENTRIES]:
        content = ""
        for part in entry.get("content") or ():
            if isinstance(part, dict) and isinstance(part.get("value"), str) and len(part["value"]) > len(content):
                content = part["value"]
        if not content and isinstance(entry.get("summary"), str):
            content = entry["summary"]
        link = entry.get("link")
        entries.append(FeedEntry(
            link=link if isinstance(link, str) and link.strip() else None,
            title=entry.get("title") if isinstance(entry.get("title"), str) else None,
            date=_entry_date(entry),
            content=content,
            guid=entry.get("id") if isinstance(entry.get("id"), str) else None,
        ))
    title = parsed.feed.get("title") if isinstance(parsed.feed.get("title"), str) else None
    return title, entries


class FeedSource:
    """Articles from one RSS or Atom feed URL.

    Args:
        url: the feed URL.
        fetcher: the safe fetcher (shared between sources).
        seen: tells whether an article id is already stored, so known
            entries cost no download.
        conditional: send ETag / Last-Modified; on 304 the feed yields nothing.
    """

    def __init__(self, url: str, fetcher: Fetcher, *, max_chars: int = 2_000_000,
                 seen: Callable[[str], bool] | None = None, conditional: bool = True,
                 body: FetchResult | None = None) -> None:
        self.url = url
        self.fetcher = fetcher
        self.max_chars = max_chars
        self.seen = seen or (lambda _id: False)
        self.conditional = conditional
        self._prefetched = body
        self._done: FetchResult | None = None

    def __iter__(self) -> Iterator[Item]:
        try:
            result = self._prefetched or self._fetch_feed()
        except FetchError as exc:
            yield _fetch_failure(self.url, "feed", str(exc))
            return
        except InputError as exc:
            yield Failure(key=self.url, stage="parse", reason=str(exc))
            return
        if result.not_modified:
            return
        try:
            feed_title, entries = parse_feed(result.body, self.url)
        except InputError as exc:
            yield Failure(key=self.url, stage="parse", reason=str(exc))
            return
        for entry in entries:
            if entry.link:
                # Relative links are relative to where the feed really was.
                entry = dataclasses.replace(entry, link=urljoin(result.final_url, entry.link.strip()))
            yield from self._entry(entry, feed_title)
        self._done = result

    def _fetch_feed(self) -> FetchResult:
        return self.fetcher.fetch(self.url, conditional=self.conditional)

    def commit(self) -> None:
        """Remember the feed's validators once its entries are stored."""
        if self._done is not None and self.fetcher is not None:
            self.fetcher.remember(self._done)
        self._done = None

    def _entry(self, entry: FeedEntry, feed_title: str | None) -> Iterator[Item]:
        key = entry.link or entry.guid or f"{self.url}#{entry.title}"
        try:
            if entry.link and self.seen(article_id(entry.link, "", None)):
                return
            text = html_to_text(entry.content) if entry.content else ""
            own = dict(max_chars=self.max_chars, title=entry.title, url=entry.link, date=entry.date,
                       outlet=feed_title)
            if len(text) >= FULL_CONTENT_CHARS or not entry.link or self.fetcher is None:
                yield from make_article(key, text, **own)
                return
            items = list(page_items(entry.link, self.fetcher, max_chars=self.max_chars,
                                    title=entry.title, date=entry.date, outlet=feed_title))
            failed = next((i for i in items if isinstance(i, Failure) and i.stage == "fetch"), None)
            if failed is not None and text.strip():
                # The entry carries its own text: code that rather than lose the story.
                yield Note(key, f"linked page not fetched ({failed.reason}); coded the feed entry's own text")
                yield from make_article(key, text, **own)
                return
            yield from items
        except InputError as exc:
            yield Failure(key=key, stage="parse", reason=str(exc))


class FileFeedSource(FeedSource):
    """An RSS or Atom feed saved as a local file (``.xml``, ``.rss``, ``.atom``).

    Entries are read as from a fetched feed; a teaser entry's link is
    fetched only when a fetcher is given, else the entry's own text is coded.
    """

    def __init__(self, path: str, fetcher: Fetcher | None = None, *, max_chars: int = 2_000_000,
                 seen: Callable[[str], bool] | None = None) -> None:
        super().__init__(path, fetcher, max_chars=max_chars, seen=seen, conditional=False)  # type: ignore[arg-type]

    def _fetch_feed(self) -> FetchResult:
        from pathlib import Path

        try:
            body = Path(self.url).read_bytes()
        except OSError as exc:
            raise InputError(f"{self.url}: cannot read ({exc.strerror or exc})") from None
        uri = Path(self.url).resolve().as_uri()
        return FetchResult(url=uri, final_url=uri, status=200, content_type="application/rss+xml",
                           charset=None, body=body)


class UrlSource:
    """Articles from web page URLs; a URL that turns out to be a feed is read as one."""

    def __init__(self, urls: list[str], fetcher: Fetcher, *, max_chars: int = 2_000_000,
                 seen: Callable[[str], bool] | None = None, feeds: bool = True) -> None:
        self.urls = urls
        self.fetcher = fetcher
        self.max_chars = max_chars
        self.seen = seen
        self.feeds = feeds
        self._feeds: list[FeedSource] = []

    def __iter__(self) -> Iterator[Item]:
        for url in self.urls:
            try:
                result = self.fetcher.fetch(url, conditional=False)
            except FetchError as exc:
                yield _fetch_failure(url, "url", str(exc))
                continue
            if self.feeds and looks_like_feed(result.body, result.content_type):
                feed = FeedSource(url, self.fetcher, max_chars=self.max_chars, seen=self.seen, body=result)
                self._feeds.append(feed)
                yield from feed
                continue
            try:
                yield from result_items(result, max_chars=self.max_chars)
            except InputError as exc:
                yield Failure(key=url, stage="parse", reason=str(exc))

    def commit(self) -> None:
        """Pass the commit on to the feeds found among the URLs."""
        for feed in self._feeds:
            feed.commit()


def page_items(url: str, fetcher: Fetcher, *, max_chars: int, **meta: object) -> Iterator[Item]:
    """Fetch one page and yield its article, or a fetch failure that ``retry`` can redo."""
    try:
        result = fetcher.fetch(url)
    except FetchError as exc:
        yield _fetch_failure(url, "url", str(exc), meta)
        return
    yield from result_items(result, max_chars=max_chars, **meta)


def result_items(result: FetchResult, *, max_chars: int, **meta: object) -> Iterator[Item]:
    """Turn a fetched page (HTML or plain text) into an article.

    Raises:
        InputError: the body cannot be decoded or holds no text.
    """
    text, note = decode(result.body, result.url, result.charset)
    if note:
        yield Note(note.key, note.reason)
    fields: dict = {"url": result.url}
    if result.content_type in (None, "text/html", "application/xhtml+xml") or text.lstrip()[:1] == "<":
        page = extract_page(text, url=result.final_url)
        text = page.text
        fields.update(title=page.title, date=page.date, outlet=page.outlet, language=page.language)
    # The feed's own title, date and outlet are better than a page guess.
    fields.update({k: v for k, v in meta.items() if v})
    yield from make_article(result.url, text, max_chars=max_chars, **fields)


def _entry_date(entry: dict) -> str | None:
    for name in ("published_parsed", "updated_parsed"):
        try:
            # dict.get, not entry.get: feedparser maps one key onto the other
            # with a DeprecationWarning (feedparser issue 310).
            iso = normalise_date(dict.get(entry, name))
        except InputError:
            continue
        if iso:
            return iso
    return None


def _fetch_failure(url: str, kind: str, reason: str, meta: dict | None = None) -> Failure:
    payload = {"kind": kind, "url": url}
    for name, value in (meta or {}).items():
        if isinstance(value, str):
            payload[name] = value
    return Failure(key=url, stage="fetch", reason=reason, payload=json.dumps(payload))
