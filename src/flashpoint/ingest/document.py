"""Building :class:`~flashpoint.types.Article` records from raw pieces.

Every source (files, records, URLs, feeds) ends here, so ids, dates, text
decoding and the length cap behave the same whatever the input was.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputError
from ..store.base import Failure
from ..types import Article, content_id

# A control character other than tab, newline and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SNIFF = 8192
MAX_ID = 256


@dataclass(frozen=True, slots=True)
class Note:
    """Something worth knowing about an article that was still read
    (replaced bytes, truncation, an unreadable date). Stored as a failure
    with stage ``note``; ``retry`` leaves notes alone."""

    key: str
    reason: str

    def as_failure(self) -> Failure:
        return Failure(key=self.key, stage="note", reason=self.reason)


#: What a source yields: an article, or why an item could not be read.
Item = Article | Failure | Note


def decode(data: bytes, key: str, charset: str | None = None) -> tuple[str, Note | None]:
    """Decode bytes as text, replacing invalid sequences instead of failing.

    Raises:
        InputError: the bytes are empty or look binary (NUL bytes early on).
    """
    if not data.strip():
        raise InputError(f"{key}: empty input; nothing to ingest")
    bom16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    encoding = _known_encoding(charset) or ("utf-16" if bom16 else "utf-8-sig")
    if b"\x00" in data[:_SNIFF] and not (bom16 or encoding.startswith(("utf-16", "utf-32"))):
        raise InputError(f"{key}: looks like a binary file (NUL bytes); give text, HTML, JSONL or CSV")
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as exc:
        text = data.decode(encoding, errors="replace")
        return text, Note(key, f"invalid {encoding} at byte {exc.start}; bad bytes replaced with U+FFFD")


def _known_encoding(charset: str | None) -> str | None:
    if not charset:
        return None
    import codecs

    try:
        name = codecs.lookup(charset.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    return "utf-8-sig" if name == "utf-8" else name


def clean_text(text: str) -> str:
    """Drop control characters (PostgreSQL refuses NUL) and outer blank space."""
    return _CONTROL.sub("", text).strip()


def normalise_date(value: object) -> str | None:
    """An ISO ``YYYY-MM-DD`` from a date, datetime, struct_time or ISO-like string.

    Raises:
        InputError: the value is present but is not a recognisable date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
        except ValueError as exc:
            raise InputError(f"unreadable date {tuple(value)[:3]}: {exc}") from None
    if isinstance(value, str):
        head = value.strip()[:10]
        try:
            return dt.date.fromisoformat(head).isoformat()
        except ValueError:
            pass
    raise InputError(f"unreadable date {str(value)[:40]!r}; use YYYY-MM-DD")


def article_id(url: str | None, text: str, title: str | None) -> str:
    """The article id: a hash of the canonical URL, else of title and text."""
    if url:
        from ..store.dedup import canonical_url

        return content_id("url", canonical_url(url))
    return content_id("text", title or "", text)


def make_article(
    key: str,
    text: str,
    *,
    max_chars: int,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    date: object = None,
    outlet: str | None = None,
    language: str | None = None,
) -> Iterator[Item]:
    """Yield a finished article (and notes about it), or an :class:`InputError`.

    ``key`` names the item in notes and failures (a path, ``path:line``, a URL).

    Raises:
        InputError: no text left after cleaning.
    """
    text = clean_text(text)
    if not text:
        raise InputError(f"{key}: no text; the record needs a non-empty 'text'")
    if len(text) > max_chars:
        yield Note(key, f"text cut from {len(text)} to {max_chars} characters (settings.max_chars)")
        text = text[:max_chars]
    try:
        iso = normalise_date(date)
    except InputError as exc:
        yield Note(key, f"date dropped: {exc}")
        iso = None
    title = clean_text(title)[:1000] or None if isinstance(title, str) else None
    url = clean_text(url)[:2000] or None if isinstance(url, str) else None
    given = clean_text(str(id)) if id is not None else ""
    if len(given) > MAX_ID:
        raise InputError(f"{key}: 'id' longer than {MAX_ID} characters; use a shorter id or none")
    yield Article(
        id=given or article_id(url, text, title),
        text=text,
        date=iso,
        title=title,
        url=url,
        outlet=clean_text(outlet)[:200] or None if isinstance(outlet, str) else None,
        language=(language.strip()[:12] or "en") if isinstance(language, str) else "en",
    )
