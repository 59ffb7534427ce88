"""Coder bugs reported in session 13 and mended in session 14, each by a general rule. Every
sentence here was written for this project (several phrasings per rule, none from a gold set)."""

from __future__ import annotations

import pytest

from .wire_helpers import events, triples

pytestmark = pytest.mark.slow


# -- leaving an international organisation: 161, not a threat or a retreat --------------
# Membership of a body is diplomatic exchange with it; leaving ends it (CAMEO 161, "terminate
# diplomatic exchange"). 166 ends a group's presence in a country, not a membership.
@pytest.mark.parametrize("text, src, org", [
    ("Burkina Faso quit ECOWAS on Sunday.", "BFA", "IGOWAFWAS"),
    ("Niger's junta announced that the country was quitting ECOWAS with immediate effect.", "NER", "IGOWAFWAS"),
    ("Mali formally left ECOWAS last week.", "MLI", "IGOWAFWAS"),
    ("Britain left the European Union in 2020.", "GBR", "IGOEUREEC"),
    ("Russia exited the Council of Europe in March.", "RUS", "IGOEURCOE"),
    ("Burkina Faso withdrew from ECOWAS last year.", "BFA", "IGOWAFWAS"),
    ("Venezuela pulled out of the Organization of American States.", "VEN", "IGOWHMOAS"),
    ("Nicaragua announced its withdrawal from the Organization of American States.", "NIC", "IGOWHMOAS"),
])
def test_leaving_an_organisation_ends_relations_with_it(text, src, org):
    got = triples(text)
    assert (src, "161", org) in got, got
    assert not any(c.startswith(("13", "0874", "08")) for s, c, t in got), got


@pytest.mark.parametrize("text, src, org", [
    ("Mali's military rulers said they would withdraw from ECOWAS.", "MLI", "IGOWAFWAS"),
    ("Niger threatened to quit ECOWAS.", "NER", "IGOWAFWAS"),
])
def test_a_withdrawal_to_come_is_a_threat_to_end_relations(text, src, org):
    got = triples(text)
    assert (src, "1313", org) in got, got
    assert not any(c == "0356" for s, c, t in got), got


@pytest.mark.parametrize("text", [
    "The US envoy left Kabul on Monday.",
    "Troops withdrew from the town of Kherson.",
])
def test_leaving_a_place_is_no_break_with_an_organisation(text):
    assert not any(c == "161" for s, c, t in triples(text))


def test_a_treaty_left_stays_a_reduction_of_relations():
    got = triples("Russia withdrew from the New START treaty.")
    assert any(s == "RUS" and c == "160" for s, c, t in got), got


# -- joining an international organisation: 057, not a yielding -------------------------
# Joining a body finalises its founding treaty for the new member (CAMEO 057: ratify, finalise a
# treaty); joining still to come is an intent (032), as 057's intent form is.
@pytest.mark.parametrize("text, src, org", [
    ("Sweden became a member of NATO on Thursday.", "SWE", "IGOWSTNAT"),
    ("The Comoros became the 164th member of the WTO.", "COM", "IGOUNOWTO"),
    ("East Timor became a full member of ASEAN.", "TLS", "IGOSEAASN"),
])
def test_becoming_a_member_is_a_formal_agreement(text, src, org):
    got = triples(text)
    assert (src, "057", org) in got, got
    assert not any(c.startswith(("08", "13")) for s, c, t in got), got


@pytest.mark.parametrize("text", [
    "Thousands joined the protest in Nairobi.",
    "The ministers joined the talks in Geneva.",
    "Turkey's parliament approved Sweden's application to join NATO.",
    "Kosovo renewed its bid to join the Council of Europe.",
    "The United States closed its airspace to Russian planes, joining Canada and the European Union.",
    "Thousands protested the decision to suspend talks on joining the European Union.",
])
def test_joining_what_is_no_organisation_is_no_membership(text):
    assert not any(c == "057" for s, c, t in triples(text))


# -- seizing a place is occupying territory (192), not confiscating property (1711) -------
@pytest.mark.parametrize("text, src", [
    ("Houthi fighters seized the capital Sanaa in 2014.", "YEM"),
    ("Islamic State militants seized Mosul in June 2014.", "IMGMUSISI"),
    ("Taliban fighters seized the strategic town of Kunduz.", "AFG"),
])
def test_seizing_a_place_is_occupation(text, src):
    got = triples(text)
    assert any(s == src and c == "192" for s, c, t in got), got
    assert not any(c.startswith("171") for s, c, t in got), got


@pytest.mark.parametrize("text", [
    "Iranian forces seized a British oil tanker in the Strait of Hormuz.",
    "The authorities seized the assets of three Russian banks.",
])
def test_seizing_goods_stays_a_confiscation(text):
    got = triples(text)
    assert any(c.startswith("171") for s, c, t in got), got
    assert not any(c == "192" for s, c, t in got), got


# -- the armed forces taking power is a coup (190); a president taking office is none ----
@pytest.mark.parametrize("text, src", [
    ("The military took power in Mali in August.", "MLI"),
    ("Soldiers took power in Niger in July.", "NER"),
])
def test_the_military_taking_power_is_force(text, src):
    got = triples(text)
    assert any(s == src and c == "190" for s, c, t in got), got
    assert not any(c.startswith("08") for s, c, t in got), got


def test_taking_power_after_an_election_stays_no_event():
    assert not any(c[:2] in ("08", "17", "18", "19") for s, c, t in triples("Ruto took power in Kenya after winning the election."))


# -- killings told by their count are unconventional violence (18), not mass killing (20) --
# CAMEO 202 relies "primarily on the specific terminology used by reporters": a massacre or mass
# killing is 20; a death toll alone, however large, is not.
@pytest.mark.parametrize("text, src", [
    ("Gunmen killed at least 63 people in an attack on a village in Burkina Faso.", "BFA"),
    ("Jihadists killed more than 100 villagers in Niger on Sunday.", "NER"),
])
def test_a_death_toll_is_no_mass_killing(text, src):
    got = triples(text)
    assert any(s == src and c[:2] == "18" for s, c, t in got), got
    assert not any(c[:2] == "20" for s, c, t in got), got


def test_a_massacre_is_mass_killing():
    got = triples("Militants massacred 40 villagers in northern Nigeria.")
    assert any(s == "NGA" and c == "202" for s, c, t in got), got


# -- a ban with nobody of another side to aim at is no embargo (163) -----------------------
@pytest.mark.parametrize("text", [
    "Kenya banned the export of raw cashew nuts.",
    "Authorities banned the sale of alcohol during the election.",
    "The government banned the sale of books by the dissident author.",
])
def test_a_domestic_ban_is_no_embargo(text):
    assert not any(c.startswith("163") for s, c, t in triples(text))


@pytest.mark.parametrize("text, src, tgt", [
    ("Iran banned the import of American cars.", "IRN", "USA"),
    ("China halted imports of Japanese seafood.", "CHN", "JPN"),
    ("The United States banned imports of Russian oil.", "USA", "RUS"),
])
def test_a_ban_aimed_at_another_country_is_an_embargo(text, src, tgt):
    assert (src, "163", tgt) in triples(text)


# -- the back-off guesses no event on a trip ---------------------------------------------
@pytest.mark.parametrize("text", [
    "The ambassador returned to Beijing on Friday.",
    "The president flew back to Abuja on Sunday.",
    "The foreign minister arrived in Nairobi late on Tuesday.",
])
def test_a_trip_is_no_event(text):
    assert not [e for e in events(text) if e.rule.startswith("backoff")]


# -- accusations told as a thing voiced are the voicer's accusation (112) -----------------
@pytest.mark.parametrize("text, src, tgt", [
    ("The accusations against Rwanda were raised by Congo's foreign minister.", "COD", "RWA"),
    ("Human Rights Watch published accusations against Saudi border guards.", "NGOHRIHRW", "SAU"),
    ("Kinshasa repeated its accusations against Kigali on Monday.", "COD", "RWA"),
    ("Ukraine's foreign ministry voiced new allegations against Belarus.", "UKR", "BLR"),
])
def test_voiced_accusations_are_accusations(text, src, tgt):
    got = triples(text)
    assert (src, "112", tgt) in got, got
    assert not any(c.startswith("01") for s, c, t in got), got
