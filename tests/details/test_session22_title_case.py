"""Title Case headlines (session 22, issue 9): the small model reads a capitalised verb as part of
a name ("Kenya Hosts Somali President"), so such a headline had no verb and gave no event. It is
now parsed a second time with its small words and its possible trigger verbs in lower case
(flashpoint.nlp.reparse.title_case_text), names keeping their capitals. Every sentence here was
written for this test."""

from __future__ import annotations

import pytest

from flashpoint.nlp.model import load_nlp
from flashpoint.nlp.reparse import title_case_text

from .test_session22_wire import roots

VERBS = frozenset({"host", "expel", "protest", "recall", "sign", "meet", "accuse", "warn"})


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _one(nlp, text):
    return next(iter(nlp(text).sents))


@pytest.mark.parametrize("text, want", [
    ("Ghana Recalls Envoy From Burkina Faso Over Border Raid", "Ghana recalls Envoy from Burkina Faso over Border Raid"),
    ("Norway Warns Russia Against Arctic Drills", "Norway warns Russia against Arctic Drills"),
    ("Peru And Chile Sign Fishing Accord In Lima", "Peru and Chile sign Fishing Accord in Lima"),
])
def test_title_case_headline_is_lowered_where_it_may_hide_a_verb(nlp, text, want):
    lowered = title_case_text(_one(nlp, text), VERBS)
    assert lowered == want and len(lowered) == len(text)


@pytest.mark.parametrize("text", [
    "Ghana recalled its envoy from Burkina Faso on Monday after a raid on a border post.",  # prose
    "Ghana recalls envoy from Burkina Faso over border raid",  # a headline in sentence case
    "Accra Talks End",  # too short to tell
    "",
])
def test_other_text_is_left_alone(nlp, text):
    sents = list(nlp(text).sents)
    assert not sents or title_case_text(sents[0], VERBS) is None


@pytest.mark.slow
@pytest.mark.parametrize("text, want", [
    ("Ghana Recalls Envoy From Burkina Faso Over Border Raid", ("GHA", "16", "BFA")),
    ("Norway Hosts Colombian President For Peace Talks", ("NOR", "04", "COL")),
    ("Vietnam Protests Chinese Survey Ship In Its Waters", ("VNM", "11", "CHN")),
    ("Senegal Expels Malian Diplomat Over Spying Claims", ("SEN", "16", "MLI")),
])
def test_title_case_headlines_are_coded(text, want):
    assert want in roots(text)
