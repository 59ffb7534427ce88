"""flashpoint/folded.py: a case-insensitive expression answered on ASCII text at case-sensitive
speed gives what the expression gives, on the event dates' and places' own expressions."""

from __future__ import annotations

import random
import re

import pytest

from flashpoint.folded import Folded
from flashpoint.geo import fallback
from flashpoint.nlp import event_dates

EXPRESSIONS = {
    "dates": event_dates._EXPR,
    "habitual": event_dates._HABITUAL,
    "moved on": event_dates._MOVED_ON,
    "then": event_dates._THEN,
    "back reference": fallback._BACK_REFERENCE,
}

# Our own sentences, in several cases and spacings, with and without letters past ASCII.
SENTENCES = [
    "The envoy flew to Nairobi on MONDAY and met the foreign minister the next day.",
    "Late on Friday night the garrison came under fire; Since Then the road has stayed shut.",
    "Talks resume next WEEK, the mediator said, after a pause that began Jan. 4, 2025.",
    "Protesters have ROUTINELY blocked the highway for years, a resident told reporters.",
    "Troops deployed IN THE Province chased the gunmen two days later.",
    "The ministry said it would respond by then - a statement issued Tuesday morning.",
    "The then-president visited the border town of Şırnak in 1999.",  # past ASCII: the expression itself
    "Gendarmes in Ağrı reported the clash during the ſame attack on Sunday.",
    "On 12 March the council met; earlier this month it had met twice.",
    "",
]


def _words() -> list[str]:
    words = [w for s in SENTENCES for w in s.split()]
    return words + ["\t", "\n", "  ", "-", "\u2013", "K", "\u212a", "ﬁ"]


@pytest.mark.parametrize("name", sorted(EXPRESSIONS))
def test_session22_folded_gives_what_the_expression_gives(name):
    pattern = EXPRESSIONS[name]
    folded = Folded(pattern)
    assert folded._lower is not None, "these expressions have no upper-case letter: they take the fast way"
    rng = random.Random(22)
    words = _words()
    texts = SENTENCES + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    for text in texts:
        assert folded.found(text) == (pattern.search(text) is not None), text
        assert list(folded.spans(text)) == [m.span() for m in pattern.finditer(text)], text


def test_session22_folded_leaves_upper_case_letters_to_the_expression():
    # "[A-Z]" under IGNORECASE reads lower-case letters too: no case-sensitive twin for it
    pattern = re.compile(r"\bin\s+[A-Z][a-z]+", re.IGNORECASE)
    folded = Folded(pattern)
    assert folded._lower is None
    assert folded.found("clashes in kharkiv") and list(folded.spans("IN Kharkiv")) == [(0, 10)]


def test_session22_folded_takes_case_insensitive_expressions_only():
    with pytest.raises(ValueError):
        Folded(re.compile(r"\bthen\b"))


@pytest.mark.parametrize("expression, text", [
    (r"\x41rmy", "ARMY"),  # a letter named by its code
    (r"\u0041rmy", "army"),
    (r"\N{LATIN CAPITAL LETTER A}rmy", "Army"),
    (r"\101rmy", "aRMY"),  # (octal)
    ("\u017ftate", "STATE"),  # a long s folds to "s"
    ("\u0131n the", "In the"),  # a dotless i folds to "i"
])
def test_session22_folded_reads_letters_named_by_escapes_and_those_that_fold_to_ascii(expression, text):
    pattern = re.compile(expression, re.IGNORECASE)
    folded = Folded(pattern)
    assert folded._lower is None, "no case-sensitive twin for a letter it cannot see on lower-cased text"
    assert folded.found(text) == bool(pattern.search(text)) is True
    assert list(folded.spans(text)) == [m.span() for m in pattern.finditer(text)]


def test_session22_folded_keeps_the_twin_for_escapes_that_name_no_letter():
    # (the "then" expression's en dash, an escaped tab and a back-reference)
    assert Folded(re.compile(r"\bthen\b(?![-\u2013])\t(a)\1", re.IGNORECASE))._lower is not None
