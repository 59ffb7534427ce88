"""Session 21 (issue 9, the tenth actor probes and the thirteenth articles): knowledge-base rules
the blind sets showed missing, each on phrases written for this test (none is from a probe set or
a gold set): a group named by longer words than a known group's generic alias is not that group;
a country's word before a force's cause words names an armed group; a state's missiles are its
military's; a country's word inside the name told after what a body is names no country; a radio
or television named after a country is its media; collective heads of a transition are a government."""

from __future__ import annotations

import pytest


def code(kb, text, context=None, when="2025-09-01"):
    res = kb.resolve(text, when, context)
    return res.actor.code if res else None


@pytest.mark.parametrize("text", [
    "the United Resistance Front",
    "Members of the Popular Liberation Army",
    "the Kivu Salvation Front",
])
def test_session21_a_longer_name_is_not_the_generic_alias(kb, text):
    assert not (code(kb, text) or "").startswith(("INDREBTRF", "COLREBELN", "MKDREBNLA"))


@pytest.mark.parametrize(("text", "want"), [
    ("The Resistance Front", "INDREBTRF"),           # the alias itself still names the group
    ("the Lebanese Hezbollah", "LBNREBHEZ"),         # a people's word before a one-word name
    ("the Pakistani Taliban", "PAKREBTTP"),
    ("the Sunni Islamic State", "IMGMUSISI"),        # a community's word the base knows
    ("Chhatra League activists", "BGDOPPAWL"),       # the Awami League's student wing (a fact added)
])
def test_session21_known_groups_still_resolve(kb, text, want):
    assert code(kb, text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("the Myanmar National Liberation Army", "MMRREB"),
    ("the Nigeria Liberation Army", "NGAREB"),
    ("The Free Syrian Army", "SYRREB"),
])
def test_session21_a_country_before_cause_words_names_an_armed_group(kb, text, want):
    assert code(kb, text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Russian missiles", "RUSMIL"),
    ("a North Korean missile", "PRKMIL"),
    ("Iran's ballistic missiles", "IRNMIL"),
])
def test_session21_a_states_missiles_are_its_military(kb, text, want):
    assert code(kb, text) == want


@pytest.mark.parametrize("text", ["a missile", "the cruise missiles", "missile debris"])
def test_session21_a_missile_alone_names_no_one(kb, text):
    assert code(kb, text) is None


@pytest.mark.parametrize(("text", "want"), [
    ("the Guatemalan rights group Guatemala Libre", "GTMNGO"),
    ("Kenya's opposition Kenya First party", "KENOPP"),
    ("the Peruvian newspaper Peru Hoy", "PERMED"),
])
def test_session21_a_country_inside_the_name_after_the_body(kb, text, want):
    assert code(kb, text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Radio Uganda", "UGAMED"),
    ("Sudan TV", "SDNMED"),
    ("Zambia Television", "ZMBMED"),
])
def test_session21_a_broadcaster_named_after_a_country(kb, text, want):
    assert code(kb, text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Libya's Presidential Council", "LBYGOV"),
    ("Sudan's Transitional Sovereignty Council", "SDNGOV"),
])
def test_session21_collective_heads_of_a_transition_govern(kb, text, want):
    assert code(kb, text) == want


def test_session21_a_town_the_news_spells_otherwise(gaz):
    loc = gaz.resolve("Tal Rifaat")
    assert loc is not None and loc.country == "SYR" and loc.precision == "city"
    assert gaz.resolve("Tel Rifaat").lat == loc.lat
