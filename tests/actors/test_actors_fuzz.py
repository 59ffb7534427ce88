"""Any text in, never an exception out: resolve() is called on every noun phrase."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.actors import KnowledgeBase

_KB = KnowledgeBase.load()
_WORDS = st.sampled_from([
    "the", "Russian", "Belarus'", "U.S.", "and", ",", "of", "pro-", "-backed", "troops", "NATO", "Kremlin's",
    "Lukashenko", "Ministry", "Defence", "spokesperson", "migrants", "in", "Congo", "=US", "~", "|", "'s", "Côte",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_random_text_never_raises(text):
    for res in _KB.resolve_all(text, when="2021-11-12", context_country="POL"):
        assert res.actor.text == text
    _KB.is_actor_word(text.lower())
    _KB.country_of(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12).map(" ".join))
def test_word_salad_resolves_consistently(text):
    single = _KB.resolve(text)
    every = _KB.resolve_all(text)
    assert (single is None) == (not every)
    if single is not None:
        assert single == every[0]
