"""A place named as the modifier of an event noun is where it happened ("the Mosul
offensive"); a possessive is who acted ("Russia's attack on Ukraine"), not where.

The tier was written long ago but compared spaCy Tokens by identity, which is never
true (spaCy builds a new Token on every read), so it never fired until the
thirteenth session compared token indices."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")


def _place(nlp, gaz, text: str, trigger: str):
    from flashpoint.nlp.places import event_location

    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    return event_location(tok.sent, tok, gaz)


@pytest.mark.parametrize("text, trigger, country", [
    ("The Kandahar bombing killed nine people, officials said.", "bombing", "AFG"),
    ("The Mosul offensive displaced thousands of families.", "offensive", "IRQ"),
    ("Ministers praised the Doha talks on Thursday.", "talks", "QAT"),
])
def test_a_place_modifying_the_event_noun_is_where(nlp, gaz, text: str, trigger: str, country: str) -> None:
    loc = _place(nlp, gaz, text, trigger)
    assert loc is not None and loc.country == country and loc.precision == "city"


@pytest.mark.parametrize("text, trigger", [
    ("Russia's attack on Ukraine drew sharp criticism.", "attack"),
    ("Turkey's naval exercises alarmed Greece.", "exercises"),
    ("Moscow's offensive stalled near the river.", "offensive"),
])
def test_a_possessive_is_who_acted_not_where(nlp, gaz, text: str, trigger: str) -> None:
    assert _place(nlp, gaz, text, trigger) is None


def test_the_walk_up_the_tree_stops_at_the_root(nlp) -> None:
    from flashpoint.nlp.extract import _heads

    doc = nlp("Officials said the army shelled the town of Avdiivka overnight.")
    tok = next(t for t in doc if t.text == "Avdiivka")
    heads = _heads(tok)
    assert len(heads) == len(set(heads))  # the root once, not again and again
    assert heads[-1] == next(t.i for t in doc if t.dep_ == "ROOT")
