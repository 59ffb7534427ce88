"""Coder bugs reported in session 14 and mended in session 15 (codes helper), each by a general
rule. Every sentence here was written for this project (several phrasings per rule, none from a
gold set); the codes are checked against the project's CAMEO table (coding/data/cameo.tsv)."""

from __future__ import annotations

import pytest

from .wire_helpers import events, triples

pytestmark = pytest.mark.slow


def codes(text: str) -> set[str]:
    return {c for s, c, t in triples(text)}


# -- emergency rule is named by "emergency" or "martial", not by any law or state ------------
# CAMEO 1724 (impose state of emergency or martial law) and 0814 (ease them).
@pytest.mark.parametrize("text", [
    "Ukraine declared the vote a violation of international law.",
    "Poland announced a protest over what it called a breach of international law.",
    "The finance ministry announced the state budget for next year.",
    "Kenya's parliament declared the new law unconstitutional.",
    "The court declared the election law void.",
])
def test_a_law_or_a_state_is_no_emergency_rule(text):
    assert not any(c in ("1724", "1324", "0814") for c in codes(text))


@pytest.mark.parametrize("text, code", [
    ("Thailand's army declared martial law on Tuesday.", "1724"),
    ("Peru declared a state of emergency in three southern provinces.", "1724"),
    ("Ecuador's president imposed a state of emergency after a prison riot.", "1724"),
    ("Sri Lanka lifted the state of emergency on Friday.", "0814"),
    ("The Thai army ended martial law in the south.", "0814"),
])
def test_emergency_rule_is_still_coded(text, code):
    assert code in codes(text)


# -- a deadline given is an ultimatum (139), not a demand ------------------------------------
@pytest.mark.parametrize("text, src, tgt", [
    ("Israel gave Hezbollah until Friday to pull its fighters back from the border.", "ISR", "LBN"),
    ("The United States gave Hamas until Sunday to free the captives.", "USA", "PSE"),
    ("Niger's junta gave the French ambassador until midnight to leave the country.", "NER", "FRA"),
    ("Russia gave Ukraine till the end of the week to accept its terms.", "RUS", "UKR"),
])
def test_a_deadline_given_is_an_ultimatum(text, src, tgt):
    got = triples(text)
    assert (src, "139", tgt) in got, got


def test_giving_something_on_a_day_is_no_ultimatum():
    assert "139" not in codes("Kenya's president gave a speech on Sunday.")
    assert "139" not in codes("Japan gave Ukraine $1 billion in aid on Monday.")


# -- warships sent somewhere show force (154); military aid is handed over to someone ---------
@pytest.mark.parametrize("text, src", [
    ("The Pentagon is sending an aircraft carrier strike group to the eastern Mediterranean.", "USA"),
    ("Britain dispatched two destroyers to the Red Sea on Monday.", "GBR"),
    ("France deployed a frigate to the Gulf of Guinea.", "FRA"),
    ("China sent a flotilla of warships into the Western Pacific.", "CHN"),
])
def test_warships_sent_are_a_show_of_force(text, src):
    got = triples(text)
    assert any(s == src and c == "154" for s, c, t in got), got
    assert not any(c.startswith("07") for s, c, t in got), got


def test_warships_sent_toward_a_country_are_aimed_at_it():
    got = triples("Russia moved three warships toward Ukraine's coast on Tuesday.")
    assert ("RUS", "154", "UKR") in got, got


@pytest.mark.parametrize("text, src, tgt", [
    ("Germany sent 40 tanks to Ukraine.", "DEU", "UKR"),
    ("The United States delivered missiles to Taiwan.", "USA", "TWN"),
])
def test_weapons_handed_over_stay_military_aid(text, src, tgt):
    got = triples(text)
    assert (src, "072", tgt) in got, got


# -- a curfew or state of emergency told as to come is CAMEO's threat to impose it -------------
# Checked against the codebook, not changed: CAMEO's own examples of 1323 and 1324 are orders announced
# ahead (a leader announcing that he will extend a curfew; a government announcing that it is ready to
# impose martial law), so "a curfew would be imposed" stays 1323, with future modality; done, 1723.
@pytest.mark.parametrize("text, code", [
    ("The Kenyan government said a curfew would be imposed in Nairobi from Friday.", "1323"),
    ("Bangladesh will impose a curfew in Dhaka from Monday.", "1323"),
    ("Kenya's government threatened to impose a curfew if the riots continued.", "1323"),
    ("Myanmar's junta threatened to declare martial law.", "1324"),
    ("Peruvian officials said a state of emergency would be declared in three provinces.", "1324"),
])
def test_an_order_to_come_is_a_threat_to_impose_it(text, code):
    evs = events(text)
    assert any(e.cameo == code and e.modality == "future" for e in evs), [(e.cameo, e.modality) for e in evs]


@pytest.mark.parametrize("text, code", [
    ("Sri Lanka imposed a curfew in Colombo on Sunday.", "1723"),
    ("Police in Nairobi imposed a dusk-to-dawn curfew.", "1723"),
])
def test_an_order_given_is_the_order(text, code):
    assert code in codes(text)


# -- people stopped at sea or at a border: movement restricted (191) --------------------------
@pytest.mark.parametrize("text, src", [
    ("Greek coast guards intercepted 40 migrants off Lesbos.", "GRC"),
    ("The Libyan coast guard intercepted hundreds of migrants at sea on Sunday.", "LBY"),
    ("Italian border police stopped a group of refugees near Ventimiglia.", "ITA"),
])
def test_migrants_intercepted_have_their_movement_restricted(text, src):
    got = triples(text)
    assert any(s == src and c == "191" for s, c, t in got), got


def test_intercepting_a_message_stops_no_one():
    assert "191" not in codes("Ukrainian intelligence intercepted a call between two Russian officers.")


# -- joining an international organisation: 057, while an -ing "joining" stays silent ---------
@pytest.mark.parametrize("text, src, org", [
    ("Finland joined NATO on Tuesday.", "FIN", "IGOWSTNAT"),
    ("Sweden formally joined NATO in March.", "SWE", "IGOWSTNAT"),
    ("Croatia joined the European Union in 2013.", "HRV", "IGOEUREEC"),
    ("South Sudan joined the African Union in July 2011.", "SSD", "IGOAFRAUN"),
])
def test_joining_an_organisation_is_a_formal_agreement(text, src, org):
    evs = events(text, statements=True)
    got = {(e.source.country or e.source.code, e.cameo, e.target.country or e.target.code if e.target else None)
           for e in evs}
    assert (src, "057", org) in got, got


@pytest.mark.parametrize("text", [
    "Australia banned the export of the chemicals, joining Britain and the European Union.",
    "Japan froze the assets of five banks on Monday, joining the European Union.",
    "Thousands marched against the plan to resume talks on joining the European Union.",
    "Hundreds of volunteers joined the protest in Tbilisi.",
    "Kosovo renewed its bid to join the Council of Europe.",
])
def test_joining_alongside_or_as_a_topic_is_no_membership(text):
    assert "057" not in codes(text)


# -- an offer of mediation between two parties is aimed at both --------------------------------
@pytest.mark.parametrize("text, src, a, b", [
    ("Turkey's offer of mediation between Russia and Ukraine was welcomed in Kyiv.", "TUR", "RUS", "UKR"),
    ("Qatar made an offer of mediation between Israel and Hamas on Monday.", "QAT", "ISR", "PSE"),
    ("Kenya renewed its offer of mediation between Ethiopia and Eritrea.", "KEN", "ETH", "ERI"),
])
def test_an_offer_to_mediate_between_two_parties_is_aimed_at_each(text, src, a, b):
    got = triples(text)
    assert (src, "039", a) in got and (src, "039", b) in got, got


# -- a response announced, its purpose told as an adverbial clause ----------------------------
@pytest.mark.parametrize("text, src", [
    ("Russia will take military-technical steps to counter the deployment of US missiles in Germany.", "RUS"),
    ("China will take firm measures to counter the new export controls, the commerce ministry said.", "CHN"),
    ("Iran said it would take steps to counter the sanctions.", "IRN"),
])
def test_steps_to_counter_announced_are_a_threat(text, src):
    got = triples(text)
    assert any(s == src and c.startswith("13") for s, c, t in got), got


def test_steps_for_one_own_good_are_no_threat():
    assert not any(c.startswith("13") for c in codes("Egypt will take steps to improve its economy."))


def test_a_threat_is_not_aimed_at_the_threatening_state():
    got = triples("The Kremlin said Russia would take steps to counter the alliance's build-up on its borders.")
    assert any(s == "RUS" and c.startswith("13") for s, c, t in got), got
    assert not any(s == "RUS" and t == "RUS" for s, c, t in got), got


# -- a recent act an "after" clause tells is news of its own, beside the act answering it ------
# CAMEO codes both; the answer stays the sentence's most confident event. Background stays out.
@pytest.mark.parametrize("text, answer, cause", [
    ("Albania recalled its envoy after Greek coast guards shot an Albanian fisherman.",
     ("ALB", "16", "GRC"), ("GRC", "18", "ALB")),
    ("Lithuania expelled two Russian diplomats after Russian hackers attacked the websites of its ministries.",
     ("LTU", "16", "RUS"), ("RUS", "17", None)),
    ("Ghana summoned Togo's ambassador after Togolese soldiers killed three Ghanaian farmers near the border.",
     ("GHA", "11", "TGO"), ("TGO", "1", "GHA")),
])
def test_a_recent_cause_stays_beside_its_answer(text, answer, cause):
    evs = events(text)
    got = {(e.source.country, e.cameo, e.target.country if e.target else None) for e in evs}
    for src, code, tgt in (answer, cause):
        assert any(s == src and c.startswith(code) and (tgt is None or t == tgt) for s, c, t in got), got
    top = max(evs, key=lambda e: e.confidence)
    assert top.source.country == answer[0] and top.cameo.startswith(answer[1]), (top.cameo, top.confidence)


@pytest.mark.parametrize("text, kept, gone", [
    ("Mexico and Britain signed a deal to keep trading after Britain leaves the European Union.", "057", "16"),
    ("Finland joined NATO after Russia invaded Ukraine in 2022.", "057", "19"),
    ("Brazil's truckers called off their strike hours after reaching a deal with the government.", "082", "057"),
    ("Burkina Faso's junta has detained dozens of officers since the coup.", "173", "19"),
])
def test_what_came_long_before_or_is_to_come_stays_background(text, kept, gone):
    got = codes(text)
    assert any(c.startswith(kept) for c in got), got
    assert not any(c.startswith(gone) for c in got), got
