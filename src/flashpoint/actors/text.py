"""Turn a noun phrase or an alias into the word sequence the index matches on.

Phrases and aliases go through the same function, so "U.S.", "US" and
"u.s." meet, "Belarus'" and "Belarus's" both read as the possessive of
"Belarus", and hyphens split words ("Russian-backed" -> "russian backed").
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# A word starts with a letter or digit and may carry inner dots and
# apostrophes ("U.S.", "d'Ivoire", "Russia's"); a few punctuation marks are
# kept as words because they join conjuncts ("Mali, Niger & Chad").
_WORD = re.compile(r"[^\W_][\w.'’]*|[,&;/]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})

# Limits a phrase to this many characters: noun phrases are short, and a
# caller that passes a whole document by mistake must not cost seconds.
MAX_PHRASE_CHARS = 400


class Tokens(NamedTuple):
    """A phrase split into words.

    Attributes:
        lower: the words lower-cased, without dots or a possessive ending.
        cased: the same words with their original case (for "=US" aliases).
        possessive: whether each word ended in "'s" or "'".
    """

    lower: tuple[str, ...]
    cased: tuple[str, ...]
    possessive: tuple[bool, ...]


def fold(text: str) -> str:
    """Strip accents and unify apostrophes ("Brasília" -> "Brasilia")."""
    if text.isascii():
        return text
    text = text.translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str) -> Tokens:
    """Split a phrase into words the alias index can match.

    Args:
        text: a noun phrase as written, or an alias from a data file.

    Returns:
        The words, lower-cased and cased, with a possessive flag each.
    """
    words = _WORD.findall(fold(text[:MAX_PHRASE_CHARS]))
    lower: list[str] = []
    cased: list[str] = []
    poss: list[bool] = []
    for word in words:
        if "." in word:
            word = word.replace(".", "")
        is_poss = False
        if "'" in word:
            if word.endswith("'s") or word.endswith("'S"):
                word, is_poss = word[:-2], True
            elif word.endswith("'"):
                word, is_poss = word.rstrip("'"), True
        if not word:
            continue
        cased.append(word)
        lower.append(word.lower())
        poss.append(is_poss)
    return Tokens(tuple(lower), tuple(cased), tuple(poss))


def word_spans(folded: str) -> list[tuple[int, int]]:
    """The character span of each word :func:`tokenize` finds in an already folded phrase
    (one span a word, in order; a caller checks the count against the tokens)."""
    return [m.span() for m in _WORD.finditer(folded)]


_LEADING = frozenset({"the", "a", "an"})


def alias_key(alias: str) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
    """The index key of an alias: its lower-case words and, for "=X", the cased words.

    A leading article is dropped ("The Hague" -> ("hague",)) because the
    matcher skips articles in phrases too.

    Args:
        alias: the alias as written in a data file.

    Returns:
        ``(lower_words, cased_words_or_None)``; empty words for an empty alias.
    """
    exact = alias.startswith("=")
    if exact:
        alias = alias[1:]
    toks = tokenize(alias)
    lower, cased = toks.lower, toks.cased
    while lower and lower[0] in _LEADING and len(lower) > 1:
        lower, cased = lower[1:], cased[1:]
    return lower, (cased if exact else None)


def words_for_prefilter(text: str) -> list[str]:
    """Lower-case words of an ASCII phrase, cheaply, for the "any actor word?" test.

    Words with dots or apostrophes are cleaned as :func:`tokenize` would;
    the caller falls back to :func:`tokenize` for non-ASCII text.
    """
    words = _WORD.findall(text[:MAX_PHRASE_CHARS].lower())
    for i, word in enumerate(words):
        if "." in word or "'" in word:
            word = word.replace(".", "")
            if word.endswith("'s"):
                word = word[:-2]
            words[i] = word.rstrip("'")
    return words
