"""Generic actors' country (coding/generic_country.py) and organisations named after places."""

from __future__ import annotations

import pytest

from flashpoint.coding.generic_country import choose_country, clause_place_country, explain


def test_clause_place_beats_everything():
    c = choose_country("POL", clause_country="KEN", home="UGA", subject="UGA", countries=("UGA",))
    assert (c.country, c.basis) == ("KEN", "clause-place")


def test_domestic_actor_takes_the_home_country_before_the_latest_subject():
    c = choose_country("POL", None, home="KEN", subject="UGA", countries=("UGA", "KEN"))
    assert (c.country, c.basis) == ("KEN", "home")
    assert "dateline" in explain(c, "POL")


def test_state_actor_refers_back_to_the_latest_subject():
    c = choose_country("GOV", None, home="BDI", subject="RWA", countries=())
    assert (c.country, c.basis) == ("RWA", "latest-subject")


def test_the_other_side_is_never_chosen():
    c = choose_country("POL", None, home="KEN", subject="UGA", countries=(), avoid="KEN")
    assert c.country == "UGA"


def test_latest_named_country_only_when_nothing_else_speaks():
    c = choose_country("POL", None, None, None, countries=("FRA",))
    assert (c.country, c.basis) == ("FRA", "article")


@pytest.mark.parametrize(("clause", "country"), [
    ("police fired tear gas at protesters in central Nairobi on Monday", "KEN"),
    ("Police in Indian-administered Kashmir detained hundreds", "IND"),
    ("soldiers clashed with militants near Kidal", "MLI"),
    ("police fired tear gas at protesters", None),
])
def test_clause_place_country(kb, gaz, clause, country):
    assert clause_place_country(clause, kb, gaz) == country


@pytest.mark.parametrize("phrase", ["The Helsinki Foundation", "the OSCE Minsk Group", "Warsaw Pact"])
def test_capital_inside_an_organisation_name_is_not_its_country(kb, phrase):
    res = kb.resolve(phrase)
    assert res is None or res.actor.country not in ("FIN", "BLR", "POL")
    if res is not None:
        assert "part of an organisation's name" in res.why


def test_minsk_group_is_the_osce(kb):
    assert kb.resolve("the OSCE Minsk Group").actor.org == "OSCE"


@pytest.mark.parametrize(("phrase", "country"), [("Minsk", "BLR"), ("Moscow's envoy", "RUS"), ("Nairobi police", "KEN")])
def test_capitals_still_name_their_country(kb, phrase, country):
    assert kb.resolve(phrase).actor.country == country


def test_unknown_ngo_takes_the_context_country(kb):
    res = kb.resolve("The Helsinki Foundation", None, "POL")
    assert res.actor.country == "POL" and res.actor.sector == "NGO"


def test_insurgents_may_share_the_country_of_the_side_they_fight():
    # "soldiers killed dozens of the attackers": Malian soldiers, Malian insurgents
    c = choose_country("REB", None, home="MLI", subject="MLI", countries=("MLI", "DZA"), avoid="MLI")
    assert c.country == "MLI"
    # civilians are still never the attacking side's
    c = choose_country("CVL", None, home="RUS", subject="RUS", countries=("RUS", "UKR"), avoid="RUS")
    assert c.country == "UKR"


def test_police_of_a_named_place_are_its_own_whoever_attacks_them(kb, gaz):
    clause = "Armed gangs attacked a police station in the town of Mirebalais early Wednesday"
    place = clause_place_country(clause, kb, gaz, ("HTI", "KEN"))
    assert place == "HTI"  # a town below the gazetteer's size, from the small-places table
    c = choose_country("POL", place, home="HTI", subject="HTI", countries=("HTI", "KEN"), avoid="HTI")
    assert (c.country, c.basis) == ("HTI", "clause-place")


def test_a_month_is_no_clause_place(kb, gaz):
    # "March" is also a town in England
    assert clause_place_country("which it blames for an attack in March", kb, gaz, ("SSD",)) is None
    c = choose_country("OPP", None, home="SSD", subject="SSD", countries=("SSD",), avoid="SSD")
    assert c.country == "SSD"  # an opposition is its own state's
