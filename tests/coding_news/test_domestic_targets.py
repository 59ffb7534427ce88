"""Whom a domestic group's demand is aimed at, and names beside a known party
(issue 9). Sentences written for this project."""

from __future__ import annotations

import pytest

from .test_news_coding import coded, has, triples

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, want", [
    ("The main opposition party in Zambia renewed its demands for early elections.", ("ZMB", "10", "ZMB")),
    ("Rebels in eastern Congo rejected the offer on Friday.", ("COD", "12", "COD")),
])
def test_a_domestic_groups_demand_is_aimed_at_its_government(text, want):
    got = triples(coded(text))
    assert has(got, want), got


def test_a_government_demand_with_no_one_named_stays_one_sided():
    got = triples(coded("The Kenyan government demanded an explanation on Monday."))
    assert not any(s == "KEN" and t == "KEN" for s, c, t in got), got


def test_an_unknown_name_beside_a_known_party_is_not_a_second_target():
    events = coded("Ghana's foreign minister summoned Togo's envoy Kossi Adjamagbo on Tuesday.")
    summons = [e for e in events if e.cameo.startswith("11")]
    assert summons and all(e.target is not None and e.target.country == "TGO" for e in summons), summons


def test_a_name_the_knowledge_base_does_not_know_still_makes_a_one_sided_event():
    events = coded("Tendai Mukorera threatened to boycott the vote.")
    assert any(e.cameo.startswith("13") and e.source.text == "Tendai Mukorera" and e.target is None for e in events), events


@pytest.mark.parametrize("text, want", [
    ("Chile said it would not accept the proposal put forward by Bolivia.", ("CHL", "12", "BOL")),
    ("Kenya and Somalia failed to reach an agreement on the maritime border.", ("KEN", "12", "SOM")),
])
def test_a_stated_or_failed_act_of_cooperation_is_a_rejection(text, want):
    got = triples(coded(text))
    assert has(got, want), got


def test_a_suspension_of_aid_is_not_aid():
    got = triples(coded("Norway announced a suspension of aid to Malawi on Thursday."))
    assert any(s == "NOR" and c.startswith("16") and t == "MWI" for s, c, t in got), got
    assert not any(c.startswith("07") for s, c, t in got), got


def test_a_month_is_not_a_march():
    got = triples(coded("The Dutch prime minister cancelled a planned visit to Jakarta in March."))
    assert any(s == "NLD" and c.startswith("16") and t == "IDN" for s, c, t in got), got


def test_a_stative_passive_keeps_its_subject_as_the_actor():
    events = coded("Chad's army said it was engaged in fierce fighting with Boko Haram near Lake Chad.")
    assert any(e.cameo.startswith("19") and e.source.country == "TCD" for e in events), events


def test_drills_off_a_coast_are_aimed_at_its_country():
    got = triples(coded("Russia staged naval drills off the coast of Norway on Tuesday."))
    assert any(s == "RUS" and c.startswith("15") and t == "NOR" for s, c, t in got), got


def test_rejecting_a_claim_targets_the_speaker_who_made_it():
    events = coded("A Serbian government spokesman said the village remained part of Serbia. Kosovo rejected the claim.")
    assert any((e.cameo.startswith("12") or e.cameo == "016") and e.source.country == "XKX" and e.target is not None
               and e.target.country == "SRB" for e in events), events


def test_protests_breaking_out_in_a_city_are_its_countrys_protests():
    got = triples(coded("Tanzania's president visited Kenya. Protests erupted in Kampala on Monday."))
    assert any(s == "UGA" and c.startswith("14") for s, c, t in got), got


def test_a_reaction_drawn_from_someone_is_theirs_and_aimed_at_what_drew_it():
    got = triples(coded("Russia's seizure of an Estonian ship drew condemnation from Tallinn."))
    assert any(s == "EST" and c.startswith("11") and t == "RUS" for s, c, t in got), got


def test_accepting_an_offer_targets_who_made_it():
    got = triples(coded("Armenia offered to hold talks in Tbilisi. Azerbaijan welcomed the offer on Friday."))
    assert any(s == "AZE" and c[:2] in ("03", "05") and t == "ARM" for s, c, t in got), got


def test_he_after_a_meeting_is_the_subject_who_met():
    got = triples(coded("Spain's foreign minister met his Moroccan counterpart in Rabat. He promised more aid."))
    assert any(s == "ESP" and c.startswith("03") for s, c, t in got), got


def test_a_mediation_between_two_parties_is_the_mediators_act_towards_each():
    got = triples(coded("Qatar's mediation between Rwanda and Congo produced a ceasefire."))
    assert ("QAT", "045", "RWA") in got and ("QAT", "045", "COD") in got, got
    assert not any(s == "RWA" and t == "COD" and c.startswith("04") for s, c, t in got), got


def test_a_claim_of_responsibility_makes_the_claimant_the_attacker():
    got = triples(coded("Boko Haram claimed responsibility for the bombing of a market in Maiduguri."))
    assert any(c.startswith("18") and s == "NGA" for s, c, t in got), got


def test_shaking_hands_is_meeting():
    got = triples(coded("The Kenyan president shook hands with the Somali leader in Nairobi on Monday."))
    assert ("KEN", "040", "SOM") in got, got


@pytest.mark.parametrize("verb", ["carrying out", "launching"])
def test_air_strikes_inside_an_accusation_are_the_accusations_content(verb):
    # Since the eighteenth session violence an accusation alleges is the accusation's content only (CAMEO codes
    # the accusation, 112x; PETRARCH codes nothing for the allegation): the accused is the accusation's target,
    # and neither side is made the attacker.
    got = triples(coded(f"Sudan accused Chad of {verb} air strikes in Darfur."))
    assert any(s == "SDN" and c.startswith("112") and t == "TCD" for s, c, t in got), got
    assert not any(c[:2] in ("14", "19") for s, c, t in got), got
