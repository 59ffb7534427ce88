"""Wire-service constructions, third round (issue 9, session 12), from the false positives and
misses on the tuning part of plover_gsr and on our own wire sets. Every sentence here was
written for this project (none is from a gold set)."""

from __future__ import annotations

import pytest

from .wire_helpers import dyads

pytestmark = pytest.mark.slow



# An accusation's claim is coded with it (reported); what is told deeper inside the claim, describing
# a party of the claimed act, is not counted (CAMEO 112: an allegation "does not in any way imply that
# the alleged events have taken place"); with --all it is kept.
@pytest.mark.parametrize("text, accuser, accused, deeper", [
    # (an armed group's attack on villages is unconventional violence, 18: attack-soft-target, session 12)
    ("Kenya accused Uganda on Friday of arming militias that attacked villages in Turkana.", "KEN", "UGA", "18"),
    ("Serbia's interior minister accused Croatia of training gunmen who attacked a police station near the border.",
     "SRB", "HRV", "19"),
])
def test_what_is_told_deeper_inside_an_accusation_is_not_counted(text, accuser, accused, deeper):
    got = dyads(text)
    assert (accuser, "11", accused) in got, got
    assert not any(r == deeper for s, r, t in got), got
    assert any(r == deeper for s, r, t in dyads(text, include_uncounted=True))  # kept with --all


def test_the_act_an_accusation_names_is_still_coded_as_reported():
    got = dyads("Bolivia accused Chile of deploying troops along the Silala river.")
    assert ("BOL", "11", "CHL") in got and any(s == "CHL" and r in ("06", "15") for s, r, t in got), got


# "agreed to" is intent (03: 030-039 "offer, promise, agree to"), a ceasefire too (0356, as the
# CAMEO manual codes it); a ceasefire declared or observed is 0871.
@pytest.mark.parametrize("text, root", [
    ("The Yemeni government and the Houthis agreed to a nationwide truce on Saturday, the UN envoy said.", "03"),
    ("Ethiopia agreed to pull its troops out of the disputed border town within a month.", "03"),
    ("Azerbaijan declared a unilateral ceasefire with Armenia on Sunday after two days of fighting.", "08"),
])
def test_agreeing_is_intent_and_a_declared_ceasefire_is_a_ceasefire(text, root):
    got = dyads(text)
    assert root in {r for s, r, t in got}, got
    assert ({"03", "08"} - {root}).isdisjoint({r for s, r, t in got}), got


@pytest.mark.parametrize("text", [
    "Brazil's president praised Chile for its handling of the floods, calling the rescue effort a model for the region.",
    "Iran dismissed the European proposal on Tuesday, with its foreign minister calling it a political trap.",
])
def test_calling_something_a_name_is_no_phone_call(text):
    assert not any(r == "04" for s, r, t in dyads(text)), dyads(text)


def test_a_plain_call_is_still_a_phone_call():
    got = dyads("The Turkish president called his Azerbaijani counterpart on Sunday.")
    assert ("TUR", "04", "AZE") in got, got


def test_taking_office_is_no_seizure_of_territory():
    text = ("Canada's new prime minister flew to London on Monday on his first trip abroad since taking office, "
            "where he was to discuss trade controls with British officials.")
    got = dyads(text)
    assert not any(r == "19" for s, r, t in got), got
    assert ("CAN", "04", "GBR") in got, got


def test_aircraft_carrying_relief_supplies_are_aid_not_troops():
    got = dyads("Jordan dispatched three military planes carrying tents, blankets and medicine to earthquake-hit Syria.")
    assert ("JOR", "07", "SYR") in got and not any(r == "06" for s, r, t in got), got


def test_an_accusation_told_as_an_ing_adjunct_is_an_act_of_its_own():
    got = dyads("Burkina Faso expelled two French diplomats on Thursday, accusing Paris of spying on its army.")
    assert ("BFA", "16", "FRA") in got and ("BFA", "11", "FRA") in got, got


def test_a_denunciation_told_as_what_a_march_was_for_stays_with_the_march():
    got = dyads("Thousands of Togolese marched in Lome on Saturday, denouncing the president's new constitution.")
    assert {r for s, r, t in got} == {"14"}, got


@pytest.mark.parametrize("text, third", [
    ("Kuwait mediated two days of talks between Sudan's army and the Rapid Support Forces in Jeddah.", "KWT"),
    ("Switzerland offered to host a fresh round of negotiations between Armenia and Azerbaijan in Geneva.", "CHE"),
])
def test_talks_a_third_party_mediates_or_offers_are_its_act_not_the_parties(text, third):
    got = dyads(text)
    assert got and all(s == third for s, r, t in got), got


def test_talks_between_two_parties_with_no_third_party_stay_the_parties():
    got = dyads("Talks between Ethiopia and Egypt on the Nile dam resumed in Cairo on Monday.")
    assert ("ETH", "04", "EGY") in got and ("EGY", "04", "ETH") in got, got


@pytest.mark.parametrize("text, roots", [
    # since session 15 a recent act an "after" clause tells (own subject, past verb) is coded beside the act
    # answering it, as CAMEO codes both (background.py, recent_words); the answer stays the main event
    ("Ghana recalled its ambassador from Abuja on Friday, two days after Nigeria's foreign minister criticised "
     "Ghanaian trade rules.", {"16", "11"}),
    ("Finland closed its eastern border crossings after Russia allowed hundreds of migrants to reach the frontier.", {"16"}),
])
def test_an_after_clause_sets_the_scene_of_the_sentence_act(text, roots):
    got = dyads(text)
    assert {r for s, r, t in got} == roots, got


def test_an_after_clause_alone_is_still_coded():
    got = dyads("The talks collapsed on Friday after Israeli jets bombed a school in Gaza.")
    assert any(s == "ISR" and r == "19" for s, r, t in got), got


# What a demand, an appeal or a threat asks for or threatens is its content, at any depth, not an
# act done; a content verb that carries the act's own code ("threatened to impose tariffs": 1312) stays.
@pytest.mark.parametrize("text, root, content", [
    ("Farmers' unions in Ghana demanded support from parliament in regaining control over the land they lost to miners.",
     "10", "19"),
    ("Brazil's president said on Monday that the United States must be ready to mediate between Venezuela and Guyana.",
     "10", "03"),
])
def test_what_a_demand_or_threat_contains_is_not_done(text, root, content):
    got = dyads(text)
    assert not any(r == content for s, r, t in got), got


def test_a_threat_carried_by_its_content_verb_stays():
    got = dyads("India threatened on Friday to impose steep tariffs on Chinese steel.")
    assert ("IND", "13", "CHN") in got, got


def test_force_told_in_an_after_clause_is_kept():
    got = dyads("Nine villagers were killed on Sunday after Boko Haram fighters attacked a market in Borno state.")
    assert any(r in ("18", "19") for s, r, t in got), got
