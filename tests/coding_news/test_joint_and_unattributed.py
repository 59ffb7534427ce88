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
