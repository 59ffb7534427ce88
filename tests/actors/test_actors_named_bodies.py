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


# -- rule 11: a capital told as where a local agent works; the context country decides ----------
@pytest.mark.parametrize("phrase, context, code", [
    ("Police in Tripoli", "LBN", "LBNPOL"),      # Lebanon's Tripoli
    ("the mayor of Kingston", "CAN", "CANGOV"),  # Ontario's Kingston
    ("a Santiago court", "DOM", "DOMJUD"),       # Santiago de los Caballeros
    ("Police in Tripoli", None, "LBYPOL"),       # no story: the capital's
    ("Officials in Kabul", "PAK", "AFGGOV"),     # officials are no local agent: the government's seat
    ("Kabul", "PAK", "AFGGOV"),
])
def test_a_capital_where_a_local_agent_works_takes_the_context(kb, phrase, context, code):
    res = kb.resolve(phrase, "2025-06-01", context)
    assert res is not None and res.actor.code == code, res


def test_a_local_agents_capital_is_contextual(kb):
    assert kb.resolve("Police in Tripoli", "2025-06-01").contextual
    assert not kb.resolve("Kabul", "2025-06-01").contextual


# -- a region named with a country's word is another country's ----------------------------------
@pytest.mark.parametrize("phrase, code", [
    ("Niger Delta militants", "NGAREB"),
    ("gunmen from the Niger Delta", "NGAREB"),
    ("Niger Delta youths", "NGACVL"),
    ("Niger's army", "NERMIL"),
])
def test_the_niger_delta_is_nigerias(kb, phrase, code):
    res = kb.resolve(phrase, "2025-06-01")
    assert res is not None and res.actor.code.startswith(code), res
