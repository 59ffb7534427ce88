"""Case-insensitive regular expressions matched at case-sensitive speed on ASCII text.

Python's ``re`` compares every character of an ``IGNORECASE`` expression through its case
folding, about ten times slower than the same expression without the flag (measured on the
event dates' expressions, docs/PERFORMANCE.md, "The coder"). For ASCII text the lower-cased
text has the same length and offsets, and an expression whose letters are all lower case
(escapes aside) matches it without the flag exactly where it matches the text with the flag:
an ASCII letter folds only to its other case. :class:`Folded` does so for ASCII text and
leaves any other text to the expression as it is (Unicode folds more: "ſ" is an "s").
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class Folded:
    """An ``IGNORECASE`` expression, answered on ASCII text by its case-sensitive twin over the
    lower-cased text. What comes back never holds the lower-cased text: a yes or no
    (:meth:`found`) or offsets (:meth:`spans`), so a caller reads the words from its own text."""

    __slots__ = ("pattern", "_lower")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE:
            raise ValueError(f"not a case-insensitive expression: {pattern.pattern!r}")
        self.pattern = pattern
        bare = re.sub(r"\\.", "", pattern.pattern)  # (an escape's letter is no literal: \s, \b, \S)
        # an upper-case letter ([A-Z], a group's name) would read otherwise on lower-cased text: left as it is
        self._lower = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE) if bare == bare.lower() else None

    def found(self, text: str) -> bool:
        """``bool(pattern.search(text))``."""
        if self._lower is not None and text.isascii():
            return self._lower.search(text.lower()) is not None
        return self.pattern.search(text) is not None

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """``(m.start(), m.end())`` of every ``m`` of ``pattern.finditer(text)``."""
        if self._lower is not None and text.isascii():
            matches = self._lower.finditer(text.lower())
        else:
            matches = self.pattern.finditer(text)
        return ((m.start(), m.end()) for m in matches)
