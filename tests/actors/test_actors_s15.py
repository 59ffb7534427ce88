"""Knowledge-base rules of session 15 (issue 9): a title's nationality against a known
person's, names that open with a country's name, capitals told as a state's or
province's name, and civil-society bodies told by their own name. Every phrase here was
written for this project."""

from __future__ import annotations

import pytest

from flashpoint.actors import KnowledgeBase
from flashpoint.actors.civil import civil_name
from flashpoint.actors.surnames import surname_like


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def code(kb, text, context=None):
    res = kb.resolve(text, "2026-12-06", context)
    return None if res is None else res.actor.code


# -- the title's nationality beats a known namesake ----------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Colombian Defence Minister Pedro Sanchez", "COLMIL"),      # the Colombian namesake the data knows
    ("Colombia's Pedro Sanchez", "COLMIL"),
    ("Venezuelan Defence Minister Pedro Sanchez", "VENMIL"),     # no namesake known: the title alone
    ("Mexican Interior Minister Pedro Sanchez", "MEXGOV"),
    ("the Brazilian envoy Benjamin Netanyahu", "BRAGOV"),
])
def test_a_title_of_another_country_is_another_person(kb, text, expected):
    assert code(kb, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Spanish Prime Minister Pedro Sanchez", "ESPGOV"),
    ("Spain's Pedro Sanchez", "ESPGOV"),
    ("Pedro Sanchez", "ESPGOV"),
    ("Israeli Prime Minister Benjamin Netanyahu", "ISRGOV"),
    ("Portuguese UN chief Antonio Guterres", "IGOUNO"),          # the organisation he serves fits
])
def test_a_fitting_title_keeps_the_known_person(kb, text, expected):
    assert code(kb, text) == expected


def test_the_namesake_is_named_in_the_answer(kb):
    res = kb.resolve("Colombian Defence Minister Pedro Sanchez", "2026-12-06")
    assert res.actor.name == "Pedro Sanchez Suarez"
    assert "another person of that name" in res.why


# -- a country's name as a person's first name ---------------------------------------------
@pytest.mark.parametrize("text, given", [
    ("Israel Adesanya", "Israel"),
    ("the Israel Adesanya", "Israel"),
    ("Jordan Henderson", "Jordan"),
    ("Cuba Gooding", "Cuba"),
])
def test_a_country_before_a_surname_is_a_given_name(kb, text, given):
    assert kb.given_name_of(text) == given


@pytest.mark.parametrize("text", [
    "Israel Katz",              # a known person: the whole alias matches
    "Israel Defense Forces",
    "Jordan Bardella",
    "Kenya Airways",            # English words after the name: a company, a valley, a paper
    "Jordan Valley",
    "China Daily",
    "Georgia Tech",
    "Russia Monday",            # a weekday after a name is time
    "Israel",
    "Israel Adesanya Foundation",  # three words: an organisation's name, not a person's
])
def test_names_that_are_no_person(kb, text):
    assert kb.given_name_of(text) is None


@pytest.mark.parametrize("word, expected", [
    ("Adesanya", True), ("Oyelaran", True), ("Valley", False), ("Airways", False), ("Monday", False),
    ("PM", False), ("tech", False),
])
def test_surname_like(word, expected):
    assert surname_like(word) is expected


# -- a capital's name told as a unit's -----------------------------------------------------
@pytest.mark.parametrize("text", [
    "prosecutors in the state of Sucre",
    "the governor of Sucre state",
    "police in the province of Sucre",
])
def test_a_unit_named_like_a_capital_takes_the_context_country(kb, text):
    assert code(kb, text, "VEN")[:3] == "VEN"
    assert kb.resolve(text, "2026-12-06").contextual  # another context may change it


@pytest.mark.parametrize("text, expected", [
    # a local agent's city is the context country's namesake where one is told (rule 11,
    # session 16: Venezuela has a Sucre municipality and state); with none the capital's
    ("police in Sucre", "VENPOL"),
    ("the mayor of Sucre", "VENGOV"),
    ("the state of Israel", "ISR"),               # a country's own name stays
    ("the State of Palestine", "PSE"),
])
def test_a_capital_or_state_name_without_a_unit_word_stays(kb, text, expected):
    assert code(kb, text, "VEN") == expected


@pytest.mark.parametrize("text, expected", [("police in Sucre", "BOLPOL"), ("the mayor of Sucre", "BOLGOV")])
def test_a_local_agents_capital_without_a_context_is_the_capitals(kb, text, expected):
    assert code(kb, text, None) == expected


def test_a_capital_told_as_a_place_is_no_government(kb):
    assert kb.is_capital("Sucre") and kb.is_capital("Kabul")
    assert not kb.is_capital("Israel") and not kb.is_capital("Brussels")  # a country; an organisation's seat


# -- civil-society bodies by their own name ------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("the Sudan Peace Coalition", "SDNNGO"),            # not the military "coalition"
    ("Mali Watch", "MLINGO"),
    ("the Kenyan Human Rights Network", "KENNGO"),
    ("the Nigerian Civil Liberties Council", "NGANGO"),
    ("the Syrian Observatory for Human Rights", "SYRNGO"),
    ("the Tunisian Forum for Economic and Social Rights", "TUNNGO"),
])
def test_a_civil_name_is_an_ngo(kb, text, expected):
    assert code(kb, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("the Saudi-led coalition", "SAUMIL"),
    ("the coalition", "MLIMIL"),
    ("the National Security Council", "MLIGOV"),
    ("Syrian Democratic Forces", "SYRREBSDF"),
    ("Ukraine", "UKR"),
])
def test_other_bodies_keep_their_sector(kb, text, expected):
    assert code(kb, text, "MLI") == expected


@pytest.mark.parametrize("name, expected", [
    ("the Sahel Rights Observatory", True),
    ("Fundación Caminos", True),
    ("the Andean Freedom Foundation", True),
    ("the Coalition for Peace in Darfur", True),
    ("the Balkan Institute for Transitional Justice", True),
    ("the coalition", False),
    ("the Coalition of Victims Families", True),
    ("the National Statistics Institute", False),
    ("the Liberation Front for Peace", False),     # an armed group's word
    ("the People's Democratic Party", False),
    ("Wagner Group", False),
])
def test_civil_name(name, expected):
    assert civil_name(name) is expected
