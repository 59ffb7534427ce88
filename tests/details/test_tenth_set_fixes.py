"""Kinds of error the tenth set of hand-written articles and the eighth wire set showed (session 18),
each on sentences written for this test (none is from those sets or a gold set): two leaders who
"spoke by telephone" with an apposition after the second ("A and his X counterpart, NAME, spoke by
phone"; the parser reads the means's "by" as a passive agent) talked to each other (041); "shot dead
N people" counts N dead, and "A ... officer was killed" one, with up to four words before the noun; a
party's name stops before what it is accused of ("accused the peacekeepers *of siding with* ...");
what an accusation alleges ("accused X of killing 40 civilians") is its content, not a second event of
the accusation's day (CAMEO codes the accusation, 112); what a vote or advice is against ("voted
against ratifying the pact") is not done; forces ordered somewhere are deployed (154); envoys,
delegations and observers sent go to meet (042), not troops."""

from __future__ import annotations

import pytest

from flashpoint.config import Settings
from flashpoint.pipeline import code_text

pytestmark = pytest.mark.slow


def coded(text: str, date: str = "2026-05-06", **settings):
    return code_text(text, date=date, doc_id="t", settings=Settings(**settings))


def triples(text: str, **settings) -> set[tuple]:
    return {(e.source.country if e.source else None, e.cameo_root, e.target.country if e.target else None)
            for e in coded(text, **settings)}


@pytest.mark.parametrize(("text", "a", "b"), [
    ("Tokayev and his Kyrgyz counterpart, Sadyr Japarov, spoke by telephone on Wednesday.", "KAZ", "KGZ"),
    ("The Indian prime minister and his Japanese counterpart, Sanae Takaichi, talked by video link on Friday.", "IND", "JPN"),
    ("Germany's chancellor and the French president, Emmanuel Macron, spoke by phone on Sunday about Ukraine.", "DEU", "FRA"),
    ("Brazil's president and his Chilean counterpart, Gabriel Boric, spoke by telephone late on Monday.", "BRA", "CHL"),
])
def test_two_leaders_who_spoke_by_phone_called_each_other(text, a, b):
    got = triples(text)
    assert (a, "04", b) in got and (b, "04", a) in got, got


@pytest.mark.parametrize(("text", "toll"), [
    ("Police shot dead three men in Lagos on Monday.", 3),
    ("Soldiers shot dead a protester in Bamako on Monday.", 1),
    ("Gunmen shot dead two campaign workers in Kingston on Tuesday.", 2),
    ("A Bulgarian border police officer was killed on Wednesday when a van rammed his car.", 1),
])
def test_shot_dead_and_one_officer_killed_count_the_dead(text, toll):
    events = coded(text)
    assert any(q.unit == "dead" and q.value == toll for e in events for q in e.quantities), \
        [(e.cameo, e.quantities) for e in events]


def test_a_senior_officer_who_speaks_is_no_casualty():
    assert not any(q.unit == "dead" for e in coded("A senior army officer was quoted on Monday as saying the talks had failed.")
                   for q in e.quantities)


@pytest.mark.parametrize(("text", "target_text", "country"), [
    ("Erhurman accused the UN peacekeepers of siding with the Greek Cypriot government.", "the UN peacekeepers", None),
    ("The ministry accused the aid workers of spying for Israel.", "the aid workers", None),
    ("Greek coast guard officers have been accused by Amnesty International of pushing migrants back into Turkish waters.",
     None, "GRC"),
])
def test_a_partys_name_stops_before_what_it_is_accused_of(text, target_text, country):
    accusations = [e for e in coded(text) if e.cameo_root == "11"]
    assert accusations, text
    e = accusations[0]
    if target_text:
        assert e.target is not None and e.target.text == target_text, e.target
    if country:
        assert e.target is not None and e.target.country == country, e.target
    assert all(" of " not in (a.text or "") for a in (e.source, e.target) if a is not None)


@pytest.mark.parametrize(("text", "accuser", "accused"), [
    ("Sudan's army accused the Rapid Support Forces on Wednesday of killing more than 40 civilians in a drone strike on a market.",
     "SDN", "SDN"),
    ("Kyiv accused Moscow of shelling a hospital in Kherson overnight.", "UKR", "RUS"),
    ("Pakistan on Monday accused India of carrying out air strikes on three villages in Kashmir.", "PAK", "IND"),
])
def test_what_an_accusation_alleges_is_no_second_event(text, accuser, accused):
    got = triples(text)
    assert (accuser, "11", accused) in got, got
    assert not any(r in ("18", "19", "20") for _, r, _ in got), got


@pytest.mark.parametrize("text", [
    "Vanuatu's parliament voted on Tuesday against ratifying a security agreement with Australia.",
    "The Dutch parliament voted against sending troops to Mali.",
    "The defence committee advised against deploying warships to the Red Sea.",
])
def test_what_a_vote_is_against_is_not_done(text):
    got = triples(text)
    assert not any(r in ("05", "06", "15", "19") for _, r, _ in got), got


def test_a_vote_to_ratify_is_still_an_agreement():
    got = triples("Lawmakers in Kenya voted on Thursday to ratify a trade agreement with China.")
    assert ("KEN", "05", "CHN") in got, got


@pytest.mark.parametrize(("text", "country"), [
    ("Bulgaria's interior minister ordered an extra 400 officers to the border with Turkey on Wednesday.", "BGR"),
    ("Thailand ordered troops to the Cambodian border on Sunday.", "THA"),
    ("Ecuador's defence minister ordered 2,000 soldiers to the northern provinces on Monday.", "ECU"),
])
def test_forces_ordered_somewhere_are_deployed(text, country):
    got = triples(text)
    assert any(s == country and r == "15" for s, r, _ in got), got


def test_troops_ordered_to_withdraw_are_not_deployed():
    got = triples("Armenia's army chief ordered his troops to withdraw from the village on Friday.")
    assert not any(r == "15" for _, r, _ in got), got


@pytest.mark.parametrize(("text", "source", "host"), [
    ("ECOWAS sent a mission led by its commission president to Conakry on Wednesday.", "ECOWAS", "GIN"),
    ("Djibouti's president sent his foreign minister to Addis Ababa with a message for Abiy on Wednesday.", "DJI", "ETH"),
    ("Qatar dispatched an envoy to Kinshasa on Monday to revive peace talks.", "QAT", "COD"),
    ("The Caribbean Community said it would send a team of observers to Jamaica.", "CARICOM", "JAM"),
])
def test_envoys_and_delegations_sent_go_to_meet(text, source, host):
    events = coded(text)
    got = {((e.source.org or e.source.country) if e.source else None, e.cameo_root, e.target.country if e.target else None)
           for e in events}
    assert any(s == source and r in ("03", "04") and t == host for s, r, t in got), got
    assert not any(r in ("15", "19") for _, r, _ in got), got


def test_a_peacekeeping_mission_sent_stays_peacekeeping():
    got = triples("The African Union sent a peacekeeping mission to Somalia in 2007.")
    assert not any(r == "04" for _, r, _ in got), got


@pytest.mark.parametrize(("text", "country"), [
    ("Guinea's government suspended the main opposition party for six months on Wednesday.", "GIN"),
    ("A court in Bangkok dissolved the opposition People's Party on Wednesday.", "THA"),
    ("Mali's junta dissolved all political parties in May.", "MLI"),
])
def test_a_party_suspended_or_dissolved_by_the_state_is_a_ban_on_parties(text, country):
    assert any(e.cameo == "1722" and e.source.country == country for e in coded(text)), [e.cameo for e in coded(text)]


def test_talks_suspended_with_the_opposition_are_no_ban():
    assert not any(e.cameo.startswith("172") for e in coded("The ruling party suspended talks with the opposition on Monday."))


def test_a_body_named_after_its_country_is_no_foreign_side_of_a_statement():
    text = ("Guinea's government suspended the main opposition party on Wednesday. Speaking from Dakar, the party's "
            "exiled leader condemned the decision. Interior Minister Ibrahima Kalil Conde said the Union of "
            "Democratic Forces of Guinea had broken the law.")
    sources = {e.source.country for e in coded(text) if e.source is not None and "Conde" in e.source.text}
    assert "SEN" not in sources, sources


def test_the_mission_is_the_body_that_sent_it():
    text = ("ECOWAS said it was deeply concerned and sent a mission led by its commission president to Conakry. "
            "The mission is due to meet President Mamadi Doumbouya on Thursday.")
    meets = [e for e in coded(text) if e.cameo_root in ("03", "04") and "mission" in e.source.text.lower()]
    assert meets and all(e.source.org == "ECOWAS" for e in meets), [(e.cameo, e.source) for e in meets]


@pytest.mark.parametrize("street", ["Spanish Town Road", "French Street", "Avenida Brasil"])
def test_a_street_named_after_a_people_is_no_party(street):
    text = (f"Gunmen opened fire from a passing car on {street} in Kingston on Tuesday. "
            "The electoral commission of Jamaica asked both parties to call off street rallies.")
    sides = {a.country for e in coded(text) for a in (e.source, e.target) if a is not None}
    assert sides <= {"JAM", None}, sides


@pytest.mark.parametrize("text", [
    "Downing Street said the prime minister had full confidence in the chancellor.",
    "Downing Street condemned the arrest of a British journalist in Minsk.",
])
def test_a_street_the_knowledge_base_lists_whole_stays_its_government(text):
    # (the street rule above must not take a metonym: "Downing Street" is the British government)
    assert any(e.source is not None and e.source.country == "GBR" for e in coded(text)), text


@pytest.mark.parametrize("text", [
    "The government said it would send troops to secure the road, and that the president had spoken by telephone "
    "with his Cameroonian counterpart, Paul Biya.",
    "The ministry said it would recall its ambassador and that the foreign minister had met the Chadian envoy on Monday.",
])
def test_a_conjunct_with_its_own_auxiliary_keeps_its_own_tense(text):
    meetings = [e for e in coded(text) if e.cameo_root == "04"]
    assert meetings and all(e.modality != "future" for e in meetings), [(e.cameo, e.modality) for e in coded(text)]


@pytest.mark.parametrize("text", [
    "The Indian prime minister's planned visit to Dhaka was postponed on Monday after a row over border killings.",
    "A trip by Germany's chancellor to Ankara has been delayed until next year, his spokesman said.",
    "The summit between Armenia and Azerbaijan was cancelled at the last minute.",
])
def test_a_visit_or_summit_called_off_is_no_meeting(text):
    got = triples(text, statements=False)
    assert not any(r == "04" for _, r, _ in got), got


def test_talks_called_off_are_still_halted():
    got = triples("Russia called off the talks with Ukraine on Monday.", statements=False)
    assert ("RUS", "16", "UKR") in got, got


@pytest.mark.parametrize("text", [
    "Ethiopia's foreign ministry urged Djibouti to reopen the crossing, saying the closure threatened supplies of fuel and food.",
    "The ministry said the blockade threatened the lives of thousands of people in the north.",
    "Kenya's foreign ministry said the ban threatened the livelihoods of traders on both sides of the border.",
])
def test_an_act_that_endangers_something_threatens_nobody(text):
    assert not any(e.cameo_root == "13" for e in coded(text)), [(e.cameo, e.source) for e in coded(text)]


def test_a_speaker_whose_forces_threaten_still_threatens():
    got = triples("Venezuela's defence minister said the armed forces would respond with force to any incursion by Guyana.",
                  statements=False)
    assert any(s == "VEN" and r == "13" for s, r, _ in got), got


@pytest.mark.parametrize(("text", "a", "b"), [
    ("Serbian and Kosovar negotiators sat down for a new round of talks in Brussels on Tuesday.", "SRB", "XKX"),
    ("Rwanda's government sat down for talks with Congo's foreign minister in Doha on Monday.", "RWA", "COD"),
])
def test_sides_that_sat_down_for_talks_met(text, a, b):
    got = triples(text, statements=False)
    assert (a, "04", b) in got and (b, "04", a) in got, got


@pytest.mark.parametrize(("text", "trainer", "trained", "root"), [
    ("Turkey trained Somali soldiers at a base in Mogadishu last year.", "TUR", "SOM", "06"),
    ("China's ambassador offered to train Vanuatu police officers in China.", "CHN", "VUT", "03"),
])
def test_training_another_states_forces_is_military_cooperation(text, trainer, trained, root):
    got = triples(text, statements=False)
    assert (trainer, root, trained) in got, got


def test_an_army_training_its_own_recruits_is_no_cooperation():
    got = triples("Mali's army trained its own recruits at a camp near Bamako.", statements=False)
    assert not any(r == "06" for _, r, _ in got), got
