"""Wire-service constructions, seventh round (issue 9, session 16), from the failures of the seventh
blind wire set (tests/data/own_wire7.jsonl) and the verb bugs reported with it, by kind: a party
talked with by telephone though the parser hung "with X" on the means ("spoke by telephone with X":
041 each way); a name that starts with a function word ("To Lam", "Than Shwe") kept whole, so the host
who receives a visitor is found (043); a person expelled from a country is deported by that country
(174), a member expelled from a body is suspended from it (160); shelling by jets, warplanes or
helicopters is an air strike (195); warplanes sent to a region, a base or amid a standoff are
deployed (154) at the rival named ("amid tension with Venezuela"), jets handed to a state stay aid
(072); talks called off are halted (164); aid cut off is reduced (162); a person pardoned is released
(0841). Every sentence here was written for this project (none is from a gold set or from the wire
set)."""

from __future__ import annotations

import pytest

from .wire_helpers import dyads, has, triples

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, a, b", [
    ("French President Emmanuel Macron spoke by telephone with Ukrainian President Volodymyr Zelensky on Saturday.", "FRA", "UKR"),
    ("Brazil's president spoke over the phone with Chinese President Xi Jinping on Monday, his office said.", "BRA", "CHN"),
    ("Germany's chancellor spoke by video link with Japanese Prime Minister Sanae Takaichi on Tuesday.", "DEU", "JPN"),
    ("Egypt's president talked by phone to King Abdullah of Jordan on Sunday about Gaza.", "EGY", "JOR"),
])
def test_a_party_talked_with_by_telephone_is_the_calls_other_side(text, a, b):
    got = dyads(text)
    assert has(got, a, "04", b) and has(got, b, "04", a), got
    assert all(t is not None for s, r, t in got if r == "04"), got


@pytest.mark.parametrize("text, host, guest", [
    ("The Malaysian king was received in Hanoi by To Lam, the general secretary of the Communist Party, on Thursday.", "VNM", "MYS"),
    ("To Lam received the Malaysian king in Hanoi on Thursday.", "VNM", "MYS"),
    ("Vietnam's To Lam hosted the Indonesian president at the party headquarters on Friday.", "VNM", "IDN"),
    ("The Indonesian foreign minister was received by Saudi Crown Prince Mohammed bin Salman in Riyadh on Monday.", "SAU", "IDN"),
])
def test_the_host_who_receives_a_visitor_hosts_him(text, host, guest):
    assert has(dyads(text), host, "04", guest), dyads(text)


def test_a_name_that_starts_with_a_function_word_is_one_party():
    got = dyads("The Malaysian king met To Lam in Hanoi on Thursday.")
    assert has(got, "MYS", "04", "VNM"), got


@pytest.mark.parametrize("text, state, person", [
    ("A Russian journalist was expelled from Uzbekistan on Monday.", "UZB", "RUS"),
    ("Two American missionaries were expelled from Nicaragua on Friday, their church said.", "NIC", "USA"),
    ("A French researcher held for three months was expelled from Azerbaijan on Saturday and flown to Paris.", "AZE", "FRA"),
])
def test_a_person_expelled_from_a_country_is_deported_by_it(text, state, person):
    assert ((state, "174", person)) in {(s, c, t) for s, c, t in triples(text, statements=False)}, triples(text)


def test_a_member_expelled_from_a_body_is_suspended_from_it():
    assert has(dyads("ECOWAS expelled Niger from the bloc."), "IGOWAFWAS", "16", "NER")


@pytest.mark.parametrize("text, source, target", [
    ("Saudi-led coalition jets pounded Houthi positions around the port of Hodeidah on Sunday.", "SAU", "YEM"),
    ("Russian jets pounded rebel-held towns in Idlib province overnight.", "RUS", "SYR"),
    ("Israeli helicopters bombarded the outskirts of Rafah.", "ISR", "PSE"),
])
def test_shelling_by_aircraft_is_an_air_strike(text, source, target):
    assert (source, "195", target) in triples(text), triples(text)


def test_shelling_by_guns_stays_artillery():
    assert ("RUS", "194", "UKR") in triples("Russian artillery pounded Ukrainian positions near Bakhmut.")


@pytest.mark.parametrize("text, source, target", [
    ("The United States sent a squadron of F-35 fighter jets to Puerto Rico on Friday amid rising tension with Venezuela.", "USA", "VEN"),
    ("Greece moved fighter jets to Crete amid a standoff with Turkey over gas exploration.", "GRC", "TUR"),
    ("Poland deployed fighter jets to its eastern border amid a standoff with Belarus.", "POL", "BLR"),
    ("Britain sent fighter jets to the region on Monday.", "GBR", None),
    ("The United States sent two destroyers to the Caribbean on Friday amid rising tension with Venezuela.", "USA", "VEN"),
])
def test_warplanes_sent_to_a_region_are_deployed(text, source, target):
    got = dyads(text)
    assert has(got, source, "15", target) and not has(got, source, "07", None), got


def test_jets_handed_to_a_state_stay_military_aid():
    assert has(dyads("The Netherlands sent F-16 jets to Ukraine as military aid."), "NLD", "07", "UKR")


@pytest.mark.parametrize("text, source, root, target", [
    # talks called off
    ("The United States called off trade negotiations with Canada on Friday over a television advertisement.", "USA", "16", "CAN"),
    ("Seoul called off talks with Tokyo on Monday.", "KOR", "16", "JPN"),
    # aid cut off
    ("Sweden has cut off all development aid to Tanzania's government over the crackdown.", "SWE", "16", "TZA"),
    ("The Netherlands cut off aid to Rwanda on Tuesday.", "NLD", "16", "RWA"),
    # a person pardoned is freed
    ("Morocco's King Mohammed VI pardoned a French businessman on Saturday.", "MAR", "08", "FRA"),
    ("Kazakhstan's president pardoned a jailed Russian blogger on Wednesday.", "KAZ", "08", "RUS"),
])
def test_seventh_round_lexicon(text, source, root, target):
    got = dyads(text)
    assert has(got, source, root, target), got
