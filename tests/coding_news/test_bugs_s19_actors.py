"""Actor bugs of session 19 (issue 9), each mended by a general rule or data entry. Every
sentence here was written for this project, several phrasings per rule, none from a gold set
or a probe."""

from __future__ import annotations

import pytest

from flashpoint.config import Settings
from flashpoint.pipeline import code_text

pytestmark = pytest.mark.slow


def events(text: str):
    return code_text(text, date="2026-12-06", doc_id="b19", settings=Settings())


def countries(text: str) -> set:
    return {a.country for e in events(text) for a in (e.source, e.target) if a is not None}


# -- a sea or gulf named after a country is no actor's country and no target ------------------
@pytest.mark.parametrize("text, wrong", [
    ("Pirates seized a fishing trawler in the Gulf of Guinea.", "GIN"),
    ("Gunmen kidnapped six sailors from a tanker in the Gulf of Guinea on Friday.", "GIN"),
    ("Smugglers abandoned forty migrants on a boat in the Gulf of Mexico.", "MEX"),
])
def test_a_sea_named_after_a_country_is_not_that_country(text, wrong):
    assert wrong not in countries(text)


# -- dual nationals: the nationality the other side does not hold -----------------------------
@pytest.mark.parametrize("text, expected, wrong", [
    ("Tehran jailed a British-Iranian engineer for espionage.", "GBR", None),
    ("Moscow sentenced a German-Russian journalist to six years.", "DEU", None),
    ("Iran freed a French-Iranian academic after two years in Evin prison.", "FRA", None),
])
def test_a_dual_national_is_the_foreigner(text, expected, wrong):
    targets = {e.target.country for e in events(text) if e.target is not None}
    assert expected in targets


# -- two hyphened peoples before an event noun are the event's two parties, not one dual national --
# (the noun's mention is the pair alone: "Armenian-Azerbaijani" of "Armenian-Azerbaijani talks")
@pytest.mark.parametrize("text, pair", [
    ("Serbian-Kosovar talks in Brussels ended without a deal on Friday.", {"SRB", "XKX"}),
    ("Indian-Pakistani talks in Geneva broke up after two days.", {"IND", "PAK"}),
    ("Chilean-Bolivian negotiations on the water dispute resumed in Lima.", {"CHL", "BOL"}),
])
def test_a_hyphened_pair_before_talks_is_both_parties(text, pair):
    dyads = {(e.source.country, e.target.country) for e in events(text)
             if e.cameo.startswith("04") and e.source is not None and e.target is not None}
    a, b = sorted(pair)
    assert dyads >= {(a, b), (b, a)}


# -- the two Cypriot communities are Cyprus's, one actor each mention --------------------------
@pytest.mark.parametrize("text", [
    "Turkish Cypriot police detained two Greek Cypriot farmers near the buffer zone.",
    "The Turkish Cypriot leader criticised the Greek Cypriot government's arms purchases.",
])
def test_cypriot_communities_are_no_turkish_or_greek_actors(text):
    found = countries(text)
    assert "TUR" not in found and "GRC" not in found


# -- a UN mission named by its acronym is the UN's: "it" after it is the mission ---------------
@pytest.mark.parametrize("text", [
    "NICOSIA -- Turkey's vice president visited the north on Monday. UNFICYP said the crossing points "
    "were open. It called on both sides to show restraint.",
    "Israel's army said it had fired warning shots. UNDOF said its patrols had seen the incident. "
    "It urged Israel to respect the 1974 agreement.",
])
def test_a_un_mission_is_the_source_of_its_statement(text):
    its = [e for e in events(text) if e.source is not None and e.source.text == "It"]
    assert its and all(e.source.code.startswith("IGOUNO") for e in its)


# -- a local agent's place gives its country ---------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Police in Nakuru arrested twelve protesters.", "KENPOL"),
    ("Authorities in Bauchi state imposed a curfew after the clashes.", "NGAGOV"),
    ("Sindh's chief minister met the army chief in Karachi.", "PAKGOV"),
])
def test_a_local_agent_takes_its_places_country(text, expected):
    assert expected in {e.source.code for e in events(text) if e.source is not None}
