"""Code choice where the parties are plain (session 22, the code-choice probes own_codes1): the
sentence is read and the dyad found, but a sibling code or a competing trigger wins. Each case on
sentences written for this test (none is from that set or a gold set): a meeting in a third
country's place is 044; a warned strike aimed at a place is armed force, not a stoppage of work; a
vessel or vehicle handed back is property returned (0842); forces sent as part of a security or
peacekeeping mission protect (074); the act a trip was made for ("flew to Vilnius to sign a pact")
is its traveller's."""

from __future__ import annotations

import pytest

from .coded import coded, triples

pytestmark = pytest.mark.slow



@pytest.mark.parametrize(("text", "pair"), [
    ("Lithuania's president met Croatia's prime minister in Geneva on Monday.", ("LTU", "HRV")),
    ("The Paraguayan and Bolivian presidents held talks in Madrid.", ("PRY", "BOL")),
    ("Kazakhstan's foreign minister met his Mongolian counterpart in Tokyo.", ("KAZ", "MNG")),
])
def test_session22_a_meeting_in_a_third_country_is_044(text, pair):
    got = triples(text)
    assert (pair[0], "044", pair[1]) in got, got
    assert (pair[0], "040", pair[1]) not in got, got


@pytest.mark.parametrize("text", [
    "Lithuania's president met Croatia's prime minister in Zagreb.",  # the target's own capital
    "Egypt and Sudan met in Cairo.",
    "Kenya's president met Uganda's president at State House in Nairobi.",
])
def test_session22_a_meeting_in_either_sides_country_is_no_third_place(text):
    assert not any(code == "044" for _, code, _ in triples(text))


def test_session22_a_strike_aimed_at_a_place_is_force_not_a_stoppage():
    got = triples("Seoul warned Pyongyang that a pre-emptive strike against its bases would mean war.")
    assert any(s == "KOR" and c.startswith("138") and t == "PRK" for s, c, t in got), got


def test_session22_a_workers_strike_warned_of_stays_dissent():
    got = triples("Unions in Nigeria warned the government of a strike on Monday.")
    assert not any(c.startswith("138") for _, c, _ in got), got


@pytest.mark.parametrize(("text", "pair"), [
    ("Senegal returned a seized Spanish fishing trawler to Spain.", ("SEN", "ESP")),
    ("Sri Lanka returned a seized Indian fishing boat to India on Monday.", ("LKA", "IND")),
    ("Iran handed back the tanker to Panama on Friday.", ("IRN", "PAN")),
])
def test_session22_a_vessel_handed_back_is_property_returned(text, pair):
    assert (pair[0], "0842", pair[1]) in triples(text)


@pytest.mark.parametrize(("text", "pair"), [
    ("Rwanda sent soldiers to Mozambique as part of a stabilisation mission.", ("RWA", "MOZ")),
    ("Chad sent police officers to Haiti with a UN-backed security mission.", ("TCD", "HTI")),
])
def test_session22_forces_sent_on_a_security_mission_protect(text, pair):
    assert (pair[0], "074", pair[1]) in triples(text)


def test_session22_forces_sent_for_joint_drills_stay_cooperation():
    got = triples("Belarus deployed troops to Russia as part of joint drills.")
    assert ("BLR", "062", "RUS") in got and not any(c == "074" for _, c, _ in got), got


@pytest.mark.parametrize(("text", "act"), [
    ("Poland's president flew to Vilnius to sign a defence pact with Lithuania.", ("POL", "057", "LTU")),
    ("Hungary's prime minister travelled to Beijing to praise China's peace plan.", ("HUN", "051", "CHN")),
])
def test_session22_the_act_a_trip_was_for_is_the_travellers(text, act):
    got = triples(text)
    assert act in got, got
    assert any(c == "042" for _, c, _ in got), got  # the trip stays


def test_session22_a_trip_to_talk_is_one_meeting():
    got = triples("Japan's foreign minister went to Seoul to discuss the dispute with South Korea.")
    assert ("JPN", "042", "KOR") in got and ("KOR", "040", "JPN") not in got, got


def test_session22_a_purpose_under_an_attack_is_no_deed():
    got = triples("Azerbaijani troops launched an offensive to capture the town from Armenian forces.")
    assert not any(c == "192" for _, c, _ in got), got


@pytest.mark.parametrize(("text", "act"), [
    ("Slovenia extended formal recognition to Kosovo.", ("SVN", "054", None)),
    ("Uzbekistan granted an amnesty to Kazakh border violators.", ("UZB", "056", None)),
])
def test_session22_a_light_verbs_own_phrase_names_the_party(text, act):
    got = triples(text)
    assert any(s == act[0] and c == act[1] and t is not None for s, c, t in got), got


def test_session22_a_light_verbs_phrase_in_a_later_clause_is_no_party():
    got = triples("Belarus stripped twelve activists of their citizenship after deporting them to Lithuania.")
    assert not any(c.startswith("172") and t == "LTU" for _, c, t in got), got


def test_session22_talks_between_two_sides_are_not_aimed_at_their_topic():
    got = triples("Serbian and Kosovar negotiators held talks on the draft of a border deal in Brussels.")
    assert not any(t == "BEL" or s == "BEL" for s, _, t in got), got


def test_session22_a_noun_of_a_light_verb_takes_the_verbs_party():
    assert ("FRA", "073", "MAR") in triples("France made a donation of tents and blankets to Morocco after the earthquake.")


def test_session22_talks_called_for_with_a_party_are_aimed_at_it():
    assert ("EST", "026", "LVA") in triples("Estonia called for talks with Latvia on the shared power grid.")


@pytest.mark.parametrize(("text", "act"), [
    ("Ghana's president expressed regret over the deaths of Nigerian traders in a fire in Accra.", ("GHA", "018", "NGA")),
    ("Chile's foreign minister voiced sorrow over the deaths of Bolivian miners in the Atacama.", ("CHL", "018", "BOL")),
])
def test_session22_regret_over_deaths_is_sympathy_not_apology(text, act):
    got = triples(text)
    assert act in got and not any(c == "055" for _, c, _ in got), got


def test_session22_regret_for_ones_own_words_stays_an_apology():
    got = triples("Japan expressed regret for the remarks of its trade minister about Korea.")
    assert any(s == "JPN" and c == "055" for s, c, _ in got), got


@pytest.mark.parametrize(("text", "code"), [
    ("Iran threatened to expel Afghan migrants en masse.", "137"),
    ("Syria's army threatened to use chemical weapons against the rebels.", "1385"),
])
def test_session22_mass_violence_threatened_by_its_kind(text, code):
    got = triples(text)
    assert any(c == code for _, c, _ in got), got
    if code != "1385":
        assert not any(c == "1385" for _, c, _ in got), got


@pytest.mark.parametrize(("text", "src"), [
    ("Slovakia's prime minister said he would not support new EU sanctions on Russia.", "SVK"),
    ("Georgia said it would not recognise the results of the vote in Abkhazia.", "GEO"),
])
def test_session22_backing_stated_as_withheld_is_a_rejection(text, src):
    got = triples(text)
    assert any(s == src and c.startswith("12") for s, c, _ in got), got


@pytest.mark.parametrize("text", [
    "Pakistan warned India that any attack on its soil would meet a crushing response.",
    "Iran warned Israel that it would retaliate against any raid on its oil terminals.",
])
def test_session22_a_warning_of_a_crushing_answer_threatens_force(text):
    got = triples(text)
    assert any(c.startswith("138") for _, c, _ in got), got


def test_session22_will_not_stand_by_is_no_withheld_backing():
    got = triples("\"Ghana will not stand by while its neighbour's constitution is torn up,\" the minister said.")
    assert not any(c.startswith("12") for _, c, _ in got), got
