"""HTML to article text and metadata (title, date, site name) with trafilatura.

Web pages are untrusted input: every parser error becomes an
:class:`~flashpoint.errors.InputError`, the caller records it and goes on.
"""

from __future__ import annotations

import logging
import re
from configparser import ConfigParser
from dataclasses import dataclass
from functools import lru_cache

from ..errors import InputError

# trafilatura's time grows faster than linearly with the number of
# elements (a 100,000-row table takes 15 s); news pages have a few thousand,
# so past this many tags the page is read with the plain text fallback.
MAX_TAGS = 50_000
MAX_FILE_SIZE = 20_000_000
# libxml2 checks attributes pairwise: one tag with 100,000 attributes takes
# a minute. No real tag is this long, so such tags are dropped before parsing.
_HUGE_TAG = re.compile(r"<[^<>]{20000,}>?")


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config["DEFAULT"]["MAX_FILE_SIZE"] = str(MAX_FILE_SIZE)
    # The timeout uses SIGALRM, which only works in the main thread; our
    # size limits bound the work instead.
    config["DEFAULT"]["EXTRACTION_TIMEOUT"] = "0"
    return config


@dataclass(frozen=True, slots=True)
class Page:
    """What one HTML page gives: its main text and the metadata found."""

    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    language: str | None = None
    url: str | None = None


def extract_page(html: str, url: str | None = None) -> Page:
    """Extract the main text and metadata of an HTML page.

    Falls back to all visible text when trafilatura finds no main content
    (short pages, bare fragments).

    Raises:
        InputError: the markup cannot be parsed or carries no text at all.
    """
    import trafilatura

    # trafilatura logs every page it cannot handle at WARNING/ERROR; the
    # caller records a failure instead, so keep the log quiet.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    if not html.strip():
        raise InputError(f"{url or 'HTML'}: empty page")
    html = _HUGE_TAG.sub(" ", html)
    if html.count("<") > MAX_TAGS:
        text = html_to_text(html)
        if not text:
            raise InputError(f"{url or 'HTML'}: no text found in the page ({len(html):,} characters of markup;"
                         " no visible text outside scripts, styles and tags)")
        return Page(text=text, url=url)
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            config=_config(),
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - hostile markup can break any parser layer
        raise InputError(f"{url or 'HTML'}: cannot parse HTML ({type(exc).__name__}: {exc})") from None
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (meta.get("text") or "").strip()
    if not text:
        text = html_to_text(html)
    if not text:
        raise InputError(f"{url or 'HTML'}: no text found in the page ({len(html):,} characters of markup;"
                         " no visible text outside scripts, styles and tags)")
    return Page(
        text=text,
        title=_str(meta.get("title")),
        date=_str(meta.get("date")),
        outlet=_str(meta.get("sitename")),
        language=_str(meta.get("language")),
        url=_str(meta.get("url")) or url,
    )


_HIDDEN = {"script", "style", "noscript", "template", "head"}
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote"}


def html_to_text(html: str) -> str:
    """All visible text of an HTML fragment (feed entry content, short pages).

    Returns an empty string for markup with no text; never raises for bad
    markup except :class:`InputError`.
    """
    import lxml.etree
    import lxml.html

    if not html.strip():
        return ""
    html = _HUGE_TAG.sub(" ", html)
    try:
        # huge_tree lifts libxml2's nesting (256 levels) and text-node (10 MB)
        # limits, past which it drops the text; the callers' byte caps bound the input.
        root = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (lxml.etree.ParserError, ValueError, lxml.etree.XMLSyntaxError):
        return ""
    except Exception as exc:  # noqa: BLE001 - lxml raises assorted errors on hostile input
        raise InputError(f"cannot parse HTML fragment ({type(exc).__name__})") from None
    parts: list[str] = []
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""  # comments and PIs have no str tag
        if event == "start":
            if tag in _HIDDEN:
                walker.skip_subtree()  # its "end" event still comes and adds the tail
                continue
            if tag in _BLOCKS:
                parts.append("\n")
            if el.text and tag:
                parts.append(el.text)
        else:
            if tag in _BLOCKS:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
