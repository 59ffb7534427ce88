"""nlp/quotes.find_quotes visits only the marks and line breaks (session 22): the same quotes as
the walk over every character, on our own paragraphs and on random ones."""

from __future__ import annotations

import random

from flashpoint.nlp.quotes import CLOSE_MARKS, OPEN_MARKS, Quote, _opens, find_quotes


def _every_character(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    n = len(text)
    i = 0
    start = None
    while i < n:
        ch = text[i]
        if start is None:
            if ch in OPEN_MARKS and _opens(text, i):
                start = i + 1
        elif ch in CLOSE_MARKS:
            quotes.append(Quote(start, i))
            start = None
        elif ch == "\n":
            j = i
            while j < n and text[j] in "\n\r \t":
                j += 1
            if "\n" in text[i + 1 : j] or j >= n or text[j] in OPEN_MARKS:
                if j < n and text[j] in OPEN_MARKS:
                    i = j
                else:
                    quotes.append(Quote(start, i))
                    start = None
        i += 1
    if start is not None:
        quotes.append(Quote(start, n))
    return quotes


OWN = [
    'The harbour master said: "No ship may leave before the inspection.\n\n"Crews will be told on Friday," he added.',
    "\u201cWe will not sign,\u201d the delegate told reporters, \u00abnot this week\u00bb.",
    'A 12" gun and a "loan" of "200 tonnes\nof grain" arrived.\n\n\n"Unfinished',
]


def test_session22_find_quotes_own_paragraphs():
    for text in OWN:
        assert find_quotes(text) == _every_character(text)
    assert find_quotes(OWN[1]) == [Quote(1, 18), Quote(50, 63)]  # "We will not sign,", "not this week"


def test_session22_find_quotes_random_text():
    rng = random.Random(22)
    pieces = ['"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\n", "\n\n", " \n \t\n", "\r", "word", "a1", " ", "  ", ".", "x\""]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert find_quotes(text) == _every_character(text), repr(text)
