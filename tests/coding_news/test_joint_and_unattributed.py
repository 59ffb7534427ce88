"""Joint military exercises and attacks nobody is named for (issue 9, session 11).
Sentences written for this project."""

from __future__ import annotations

import pytest

from .test_news_coding import coded, has, triples

pytestmark = pytest.mark.slow


# -- joint exercises: CAMEO 062 ("joint military games and maneuvers"), both ways ----------

@pytest.mark.parametrize("text, a, b", [
    ("Indian and Japanese destroyers held naval manoeuvres in the Arabian Sea on Tuesday.", "IND", "JPN"),
    ("Russia and China began naval drills in the East China Sea.", "RUS", "CHN"),
    ("Poland held military exercises with Lithuanian troops.", "POL", "LTU"),
    ("Poland held joint exercises with Lithuania.", "POL", "LTU"),
    ("The joint exercises between Indonesia and Australia ended on Friday.", "IDN", "AUS"),
])
def test_exercises_held_together_are_military_cooperation_each_way(text, a, b):
    got = triples(coded(text))
    assert has(got, (a, "062", b)) and has(got, (b, "062", a)), got


def test_exercises_planned_together_are_an_intent_each_way():
    got = triples(coded("Kenya will hold military drills with Uganda next month."))
    assert has(got, ("KEN", "031", "UGA")) and has(got, ("UGA", "031", "KEN")), got


@pytest.mark.parametrize("text, doer", [
    ("Iran held naval drills in the Gulf.", "IRN"),
    ("The Egyptian army and navy held exercises near Alexandria.", "EGY"),
])
def test_exercises_of_one_country_stay_a_show_of_force(text, doer):
    got = triples(coded(text))
    assert any(s == doer and c.startswith("15") for s, c, t in got), got
    assert not any(c.startswith("06") for s, c, t in got), got


def test_exercises_near_a_border_are_aimed_at_the_neighbour_not_done_with_it():
    got = triples(coded("Egypt staged war games near the Libyan border."))
    assert has(got, ("EGY", "15", "LBY")) and not any(c.startswith("06") for s, c, t in got), got


# -- unattributed bombings: the place's country is the source (CAMEO's note on 1833) ----

@pytest.mark.parametrize("text, place, victim", [
    ("A roadside bomb near the town of Kirkuk killed two Turkish engineers on Monday, police said.", "IRQ", "TUR"),
    ("A car bomb explosion in central Kabul killed a German aid worker.", "AFG", "DEU"),
    ("A car bomb killed a Lebanese journalist in Beirut.", "LBN", "LBN"),
    ("An attempt to assassinate the governor of the Kemerovo region was thwarted in Novosibirsk, police said.",
     "RUS", "RUS"),
])
def test_a_bombing_by_nobody_named_takes_its_places_country_as_source(text, place, victim):
    events = [e for e in coded(text) if e.cameo.startswith("18")]
    assert any(e.source.country == place and e.target is not None and e.target.country == victim
               for e in events), events
    assert all(e.source.text == "(unknown)" for e in events), events  # still nobody named


def test_an_air_strike_by_nobody_named_keeps_an_unknown_source():
    # conventional force needs an air force: the place is no guess at who did it
    events = [e for e in coded("Three soldiers were killed in an air strike in Idlib.") if e.cameo.startswith("19")]
    assert events and all(e.source.country is None for e in events), events


def test_a_bombing_deep_in_a_place_phrase_still_takes_its_country():
    events = coded("A journalist was killed in a car bomb explosion in a residential quarter of western Beirut.")
    assert any(e.cameo.startswith("18") and e.source.country == "LBN" for e in events), events


@pytest.mark.parametrize("text, victim", [
    ("An anti-Syria lawmaker was killed when a bomb exploded near his car in Beirut.", "LBN"),
    ("A prominent anti-Iran cleric was shot dead in a car park in Baghdad.", "IRQ"),
])
def test_a_leaning_is_not_the_victims_country(text, victim):
    # "anti-Syria" describes the lawmaker; it neither makes him Syrian nor makes the story Syria's
    events = [e for e in coded(text) if e.cameo.startswith("18")]
    assert events and all(e.target is not None and e.target.country == victim for e in events), events


# -- a one-sided act told after an act between two parties is what that act is about ------

@pytest.mark.parametrize("text, kept, gone", [
    ("Kenya condemned the Ugandan raid and promised to investigate.", ("KEN", "11", "UGA"), "09"),
])
def test_a_one_sided_verbal_act_after_a_dyad_is_not_an_event_of_its_own(text, kept, gone):
    got = triples(coded(text))
    assert has(got, kept), got
    assert not any(c.startswith(gone) and t is None for s, c, t in got), got


@pytest.mark.parametrize("text, kept, own", [
    # an appeal or intent told by a verb of its own is a root raters give the sentence too (session 12)
    ("Bolivia rejected a Chilean offer to hold talks, and agreed to resume mediation.", ("BOL", "12", "CHL"), "03"),
    ("Norway expelled two Russian diplomats and pledged to review its visa policy.", ("NOR", "16", "RUS"), "03"),
])
def test_an_appeal_or_intent_with_a_verb_of_its_own_stays_beside_the_dyad(text, kept, own):
    got = triples(coded(text))
    assert has(got, kept), got
    assert any(c.startswith(own) and s == kept[0] for s, c, t in got), got


@pytest.mark.parametrize("text, want", [
    ("Police arrested 40 protesters in Lagos, and the army mobilised reserves.", ("NGA", "15", None)),
    ("Japan pledged to help rebuild the port; China sent engineers to Sri Lanka.", ("JPN", "03", None)),
])
def test_force_posture_and_an_act_told_first_stay_one_sided(text, want):
    got = triples(coded(text))
    assert has(got, want), got


# -- a demand or refusal about what happens in a place is aimed at that place's country ---

@pytest.mark.parametrize("text, want", [
    ("The Red Cross demanded access to detainees held in Libya.", ("ICRC", "10", "LBY")),
    ("The European Union demanded an end to the violence in Mozambique.", ("EU", "10", "MOZ")),
])
def test_a_demand_about_a_place_is_aimed_at_its_country(text, want):
    got = triples(coded(text))
    assert has(got, want), got


def test_another_partys_one_sided_act_after_a_dyad_stays():
    got = triples(coded("Thousands of protesters stormed the presidential palace in Lima on Saturday, and the "
                        "speaker of parliament said the president had agreed to step down."))
    assert has(got, ("PER", "14", "PER")) and has(got, ("PER", "034", None)), got


# -- what an act answers ("in protest of the arrest") is its grounds, not news of its own ----

@pytest.mark.parametrize("text, kept, gone", [
    ("Opposition parties in Zambia called a general strike in protest of the arrest of their leader.",
     ("ZMB", "14", "ZMB"), "17"),
    ("Hundreds of refugees staged a sit-in in protest of the Kenyan government's refusal to grant them asylum.",
     ("KEN", "14", "KEN"), "12"),
])
def test_the_grounds_of_a_protest_are_not_an_event_of_their_own(text, kept, gone):
    got = triples(coded(text))
    assert has(got, kept), got
    assert not any(c.startswith(gone) for s, c, t in got), got


def test_expertise_shared_with_a_partner_is_cooperation_each_way():
    got = triples(coded("Cuba has been sharing medical expertise with Venezuela for a decade."))
    assert has(got, ("CUB", "06", "VEN")) and has(got, ("VEN", "06", "CUB")), got


def test_know_how_transferred_to_a_country_goes_one_way():
    got = triples(coded("Japan transferred training know-how to Vietnam."))
    assert has(got, ("JPN", "06", "VNM")) and not has(got, ("VNM", "06", "JPN")), got
