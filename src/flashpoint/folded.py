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

import codecs
import re
from collections.abc import Iterator


# An escape: one that names a character by its code or name (group 1; a back-reference's digits, read as
# octal, name a control character, no letter) or any other (a class such as \s, an escaped mark).
_ESCAPE = re.compile(r"\\(?:(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|N\{[^}]*\}|[0-7]{1,3})|.)", re.DOTALL)


def _named(m: re.Match[str]) -> str:
    """The character an escape names, else nothing."""
    if m.group(1) is None:
        return ""
    try:
        return codecs.decode(m.group(0), "unicode_escape")
    except (UnicodeDecodeError, ValueError):
        return "A"  # (an escape re would refuse too: an upper-case letter, so no twin)


class Folded:
    """An ``IGNORECASE`` expression, answered on ASCII text by its case-sensitive twin over the
    lower-cased text. What comes back never holds the lower-cased text: a yes or no
    (:meth:`found`) or offsets (:meth:`spans`), so a caller reads the words from its own text."""

    __slots__ = ("pattern", "_lower")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE:
            raise ValueError(f"not a case-insensitive expression: {pattern.pattern!r}")
        self.pattern = pattern
        # (an escape's letter is no literal: \s, \b, \S; one that names a character, \x41 or \N{...}, is that character)
        bare = _ESCAPE.sub(_named, pattern.pattern)
        # an upper-case letter ([A-Z], "\x41", a group's name) would read otherwise on lower-cased text, and so
        # would a letter past ASCII that folds to an ASCII one ("ſ" is an "s", "ı" an "i"): left as it is
        plain = bare == bare.lower() and all(ch.isascii() or not ch.isalpha() for ch in bare)
        self._lower = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE) if plain else None

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
