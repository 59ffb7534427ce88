"""Rule 10 of actors/resolve.py (session 16): a proper name made of one country's word and the
words of a newspaper's or an airline's name is that country's media or business, not the
country, its government or a person whose first name is the country's. Own sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("name, code", [
    ("Israel Hayom", "ISRMED"),
    ("The Moscow Times", "RUSMED"),
    ("The Nigerian Tribune", "NGAMED"),
    ("The Kabul Times", "AFGMED"),
    ("Pakistan Today", "PAKMED"),
    ("The Ghanaian Chronicle", "GHAMED"),
])
def test_a_newspaper_named_after_a_country_or_capital_is_its_media(kb, name, code):
    res = kb.resolve(name, "2025-06-01")
    assert res is not None and res.actor.code == code, res


@pytest.mark.parametrize("name, code", [
    ("Iran Air", "IRNBUS"),
    ("Ethiopian Airlines", "ETHBUS"),
    ("Pakistan International Airlines", "PAKBUS"),
    ("Air Zimbabwe", "ZWEBUS"),
    ("Uganda Airlines", "UGABUS"),
])
def test_an_airline_named_after_a_country_is_its_business(kb, name, code):
    res = kb.resolve(name, "2025-06-01")
    assert res is not None and res.actor.code == code, res


@pytest.mark.parametrize("name, code", [
    ("The Israel Defense Forces", "ISRMIL"),   # another word of the name: not a newspaper
    ("Israel", "ISR"),
    ("the Kenyan air force", "KENMIL"),       # "air" inside a phrase is no airline
    ("The Times", None),                       # no country's word: nothing to say
])
def test_names_without_a_bodys_words_stay(kb, name, code):
    res = kb.resolve(name, "2025-06-01")
    assert (res.actor.code if res is not None else None) == code, res


def test_a_newspapers_country_word_is_no_first_name(kb):
    assert kb.first_name_of("Israel Hayom") is None
    assert kb.first_name_of("Kenya Airways") is None
    assert kb.first_name_of("Chad Smith") == "Chad"
