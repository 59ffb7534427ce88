"""HTML to article text and metadata (title, date, site name) with trafilatura.

Web pages are untrusted input: every parser error becomes an
:class:`~flashpoint.errors.InputError`, the caller records it and goes on.
"""

from __future__ import annotations

import logging
from configparser import ConfigParser
from dataclasses import dataclass
from functools import lru_cache

from ..errors import InputError

# Pages with more elements than this are pruned by trafilatura rather than
# parsed whole, which bounds the time one hostile page can take.
MAX_TREE_SIZE = 200_000
MAX_FILE_SIZE = 50_000_000


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config["DEFAULT"]["MAX_TREE_SIZE"] = str(MAX_TREE_SIZE)
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
        raise InputError(f"{url or 'HTML'}: no text found in the page")
    return Page(
        text=text,
        title=_str(meta.get("title")),
        date=_str(meta.get("date")),
        outlet=_str(meta.get("sitename")),
        language=_str(meta.get("language")),
        url=_str(meta.get("url")) or url,
    )


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
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError, lxml.etree.XMLSyntaxError):
        return ""
    except Exception as exc:  # noqa: BLE001 - lxml raises assorted errors on hostile input
        raise InputError(f"cannot parse HTML fragment ({type(exc).__name__})") from None
    parts: list[str] = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("script", "style", "noscript", "template"):
            continue
        if tag in _BLOCKS:
            parts.append("\n")
        if el.text and isinstance(el.tag, str) and el.getparent() is not None and _visible(el):
            parts.append(el.text)
        elif el.text and el.getparent() is None:
            parts.append(el.text)
        if el.tail and el.getparent() is not None and _visible(el.getparent()):
            parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def _visible(el) -> bool:
    while el is not None:
        if el.tag in ("script", "style", "noscript", "template", "head"):
            return False
        el = el.getparent()
    return True


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
