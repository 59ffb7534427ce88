"""Quoted spans in a document and who speaks them.

News copy quotes in two ways that matter for coding: a speaker introduces
a quote (``A spokesperson said: "..."``) or tags it afterwards
(``"...", NATO said``). A quote that runs over several paragraphs repeats
the opening mark at the start of each paragraph and closes only at the
end of the last one, so a paragraph break closes an open quote only when
the next paragraph does not reopen it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_MARKS = {'"', "\u201c", "\u00ab"}
CLOSE_MARKS = {'"', "\u201d", "\u00bb"}
_MARKS = re.compile("[" + re.escape("".join(sorted(OPEN_MARKS | CLOSE_MARKS))) + "\n]")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # character offsets of the quoted text (inside the marks)
    end: int


def find_quotes(text: str) -> list[Quote]:
    """Return the quoted spans of ``text`` in order, multi-paragraph quotes joined."""
    quotes: list[Quote] = []
    n = len(text)
    start: int | None = None
    after = 0  # the walk goes on from here (past a reopening mark it skipped to)
    # only the marks and line breaks can change anything: the walk visits those alone
    for m in _MARKS.finditer(text):
        i = m.start()
        if i < after:
            continue
        ch = text[i]
        if start is None:
            if ch in OPEN_MARKS and _opens(text, i):
                start = i + 1
        elif ch in CLOSE_MARKS:
            quotes.append(Quote(start, i))
            start = None
        elif ch == "\n":
            # A paragraph break: the quote goes on only if the next paragraph reopens it.
            j = i
            while j < n and text[j] in "\n\r \t":
                j += 1
            if "\n" in text[i + 1 : j] or j >= n or text[j] in OPEN_MARKS:
                if j < n and text[j] in OPEN_MARKS:
                    after = j + 1  # skip the reopening mark; the quote continues
                else:
                    quotes.append(Quote(start, i))
                    start = None
    if start is not None:
        quotes.append(Quote(start, n))
    return quotes


def _opens(text: str, i: int) -> bool:
    """A straight double quote opens when it is not glued to the word before it."""
    if text[i] != '"':
        return True
    return i == 0 or not text[i - 1].isalnum()


def quote_at(quotes: list[Quote], offset: int) -> int | None:
    """Index of the quote containing character ``offset``, else None."""
    lo, hi = 0, len(quotes)
    while lo < hi:
        mid = (lo + hi) // 2
        if quotes[mid].end < offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(quotes) and quotes[lo].start <= offset < quotes[lo].end:
        return lo
    return None
