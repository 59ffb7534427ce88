"""What several stages read off one parsed document, computed once per document.

spaCy rebuilds ``Doc.ents`` (a walk over every token) on each access, and
``Span.ents`` reads ``Doc.ents`` whole; the candidates, dates, places and the
back-off of one document asked for them hundreds of times (docs/PERFORMANCE.md,
"The coder"). The memo lives while one document is coded
(:func:`document_memo`, opened by ``pipeline.code_doc``), so a corpus that
repeats a text gains nothing from having seen it before: every new parse pays
once. Nothing here changes what the stages compute.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# id(doc) -> (doc, memo) for the documents being coded now. Not a weak mapping:
# a memo holds spans, which hold their document, so it would never let go.
_OPEN: dict[int, tuple[Any, dict[Any, Any]]] = {}


@contextmanager
def document_memo(doc) -> Iterator[None]:
    """Within the block, what the stages read off ``doc`` is read once; the memo
    is dropped when the block ends. Outside any block nothing is kept."""
    key = id(doc)
    if key in _OPEN:  # nested: the outer block owns the memo
        yield
        return
    _OPEN[key] = (doc, {})
    try:
        yield
    finally:
        _OPEN.pop(key, None)


def memoized(doc, key: Any, compute: Callable[[], Any]) -> Any:
    """``compute()``, once per ``key`` while ``doc`` is in a :func:`document_memo` block."""
    entry = _OPEN.get(id(doc))
    if entry is None or entry[0] is not doc:
        return compute()
    memo = entry[1]
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def doc_ents(doc) -> tuple:
    """``doc.ents``, read once."""
    return memoized(doc, "ents", lambda: tuple(doc.ents))


def span_ents(span) -> list:
    """``span.ents`` (the entities wholly inside the span), from :func:`doc_ents`.

    The same walk as spaCy's ``Span.ents``, stopping at the first entity that
    starts inside the span and runs past its end; it starts at the first entity
    that starts inside the span (a bisection over the entities' starts, read once).
    """
    doc = span.doc
    ents = doc_ents(doc)
    if not ents:
        return []
    starts = memoized(doc, "ent_starts", lambda: [ent.start for ent in ents])
    out = []
    end = span.end
    for k in range(bisect_left(starts, span.start), len(ents)):
        ent = ents[k]
        if ent.end <= end:
            out.append(ent)
        else:
            break
    return out


def doc_sents(doc) -> list:
    """``list(doc.sents)``, read once (``Doc.sents`` walks the document on every call)."""
    return memoized(doc, "sents", lambda: list(doc.sents))


def doc_text(doc) -> str:
    """``doc.text``, read once (spaCy joins the tokens' text on every access)."""
    return memoized(doc, "text", lambda: doc.text)
