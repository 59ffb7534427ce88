"""Kinds of error the seventh set of hand-written articles showed (session 14), each on
sentences written for this test: a count of one person of a trade ("one guard", "one engineer"),
a crowd that gathers to press a claim, officials added to a sanctions list, a veto of
accession talks (and the talks it blocks, which are not held), "X is a threat to Y" (a
description, no threat), mediators sent (not troops), an administrative act told in the
passive by the state that did it, a call to free captives aimed at the captor rather than at
the captives' own country, "It said it ... and called for ..." (the speaker, not the party its
clause named), a demonym two states share ("Guinean" in a Guinea-Bissau story), a rights
alliance, gendarmes sent, and names the knowledge base lacked (the FLNKS, the Inter-American
Commission on Human Rights)."""

from __future__ import annotations

import pytest

from flashpoint.nlp.quantities import extract_quantities

from ..coding_news.test_news_coding import coded, has, triples


@pytest.mark.parametrize(("text", "want"), [
    ("Gunmen stormed a checkpoint, killing one guard and wounding two others.", [(1, "dead"), (2, "injured")]),
    ("One Turkish engineer was killed and four workers were hurt when the camp was shelled.", [(1, "dead"), (4, "injured")]),
    ("Three traders were killed when the market was bombed.", [(3, "dead")]),
    ("One man was killed in the blast.", [(1, "dead")]),
    ("Two herders died in the raid.", [(2, "dead")]),
])
def test_a_count_of_people_by_their_trade(text, want):
    got = [(q.value, q.unit) for q in extract_quantities(text)]
    for w in want:
        assert w in got, got


def test_a_speaker_counted_before_told_is_no_casualty():
    got = [(q.value, q.unit) for q in extract_quantities("One person told reporters that five people were hurt.")]
    assert got == [(5, "injured")], got


@pytest.mark.slow
@pytest.mark.parametrize(("text", "country"), [
    ("Hundreds of opposition supporters gathered outside the electoral commission in Dodoma to demand the results.", "TZA"),
    ("Protesters gathered outside parliament in Lima on Monday to demand the president's resignation.", "PER"),
    ("Thousands of farmers rallied in Paris to protest against the trade deal.", "FRA"),
])
def test_a_crowd_gathered_to_press_a_claim_protests(text, country):
    got = triples(coded(text))
    assert any(s == country and c.startswith("14") for s, c, _ in got), got


@pytest.mark.slow
@pytest.mark.parametrize(("text", "want"), [
    ("The European Union added six Russian officials to its sanctions list on Monday.", ("EU", "163", "RUS")),
    ("Britain put two Iranian shipping firms on its sanctions blacklist.", ("GBR", "163", "IRN")),
])
def test_listed_for_sanctions_is_sanctioned(text, want):
    got = triples(coded(text))
    assert has(got, want), got


@pytest.mark.slow
def test_a_voice_added_to_calls_for_sanctions_imposes_none():
    got = triples(coded("Canada added its voice to calls for sanctions on Belarus."))
    assert not any(c == "163" for _, c, _ in got), got


@pytest.mark.slow
@pytest.mark.parametrize(("text", "want"), [
    ("Hungary said it would block the opening of Ukraine's EU accession talks.", ("HUN", "129", "UKR")),
    ("Turkey blocked Sweden's membership bid for months.", ("TUR", "129", "SWE")),
])
def test_blocking_accession_is_a_veto_and_the_blocked_talks_are_not_held(text, want):
    got = triples(coded(text))
    assert has(got, want), got
    assert not any(c.startswith("04") for _, c, _ in got), got


@pytest.mark.slow
def test_talks_called_for_are_not_held():
    got = triples(coded("The UN called for the resumption of talks between Kinshasa and the M23 rebels."))
    assert not any(c.startswith("04") for _, c, _ in got), got


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "\"Iran's harassment of ships is a threat to freedom of navigation,\" a U.S. spokesman said.",
    "Japan's defence minister said China's build-up was a threat to regional stability.",
])
def test_something_called_a_threat_threatens_nobody(text):
    got = triples(coded(text))
    assert not any(c.startswith("13") for _, c, _ in got), got


@pytest.mark.slow
@pytest.mark.parametrize(("text", "want"), [
    ("ECOWAS sent a mediation team to Bamako on Monday.", ("ECOWAS", "045", "MLI")),
    ("The African Union dispatched mediators to Juba.", ("AU", "045", "SSD")),
])
def test_mediators_sent_are_mediation_not_troops(text, want):
    got = triples(coded(text))
    assert has(got, want) and not any(c.startswith(("06", "15")) for _, c, _ in got), got


@pytest.mark.slow
@pytest.mark.parametrize(("text", "want"), [
    ("The Ugandan foreign minister said Kenya's ambassador had been summoned.", ("UGA", "114", "KEN")),
    ("Ugandan Foreign Minister Jeje Odongo said Kenya's ambassador had been summoned to explain the remarks.",
     ("UGA", "114", "KEN")),
    ("Kenyan police said two Ugandan traders had been deported.", ("KEN", "174", "UGA")),
])
def test_a_state_act_told_in_the_passive_is_the_speaking_states(text, want):
    got = triples(coded(text))
    assert has(got, want), got


@pytest.mark.slow
def test_a_curfew_told_in_the_passive_has_the_speakers_country():
    got = triples(coded("The Sri Lankan president said a curfew would be imposed in Colombo from 6 p.m."))
    assert any(s == "LKA" and c[:3] in ("172", "132") for s, c, _ in got), got


@pytest.mark.slow
def test_own_diplomats_expelled_are_not_expelled_by_their_own_state():
    got = triples(coded("Russia's foreign ministry said two Russian diplomats had been expelled from Moldova."))
    assert not any(s == "RUS" and c.startswith("17") for s, c, _ in got), got


@pytest.mark.slow
@pytest.mark.parametrize(("text", "want"), [
    ("Venezuela's navy detained a Trinidadian fishing boat and its five crew on Wednesday. Trinidad's foreign "
     "minister demanded the immediate release of the five men.", ("TTO", "1053", "VEN")),
    ("Eritrean soldiers seized three Ethiopian farmers near the border on Monday. Addis Ababa demanded the release "
     "of the three men.", ("ETH", "1053", "ERI")),
])
def test_a_call_to_free_captives_is_aimed_at_the_captor(text, want):
    got = triples(coded(text))
    assert has(got, want), got
    assert not any(c.startswith(("1053", "0253")) and s == t for s, c, t in got), got


@pytest.mark.slow
@pytest.mark.parametrize(("text", "want", "wrong"), [
    ("Kenya's foreign ministry said the deal harmed no one. It said it regretted Uganda's decision and called for "
     "dialogue.", ("KEN", "02", None), "UGA"),
    ("Kenya's foreign ministry said the deal harmed no one. It said it regretted Uganda's decision and urged Kampala "
     "to reconsider.", ("KEN", "02", "UGA"), "UGA"),
])
def test_it_said_it_is_the_speaker_not_the_party_its_clause_named(text, want, wrong):
    got = triples(coded(text))
    assert has(got, want), got
    assert not any(s == wrong and c.startswith("02") for s, c, _ in got), got


@pytest.mark.slow
def test_guinean_in_a_guinea_bissau_story_is_bissau_guinean():
    got = triples(coded("BISSAU, Guinea-Bissau — Police in Guinea-Bissau detained 30 people on Tuesday, according to "
                        "the Guinean League for Human Rights."))
    assert got and not any("GIN" in (s, t) for s, _, t in got), got


@pytest.mark.slow
@pytest.mark.parametrize(("text", "want"), [
    ("Karapatan, a human rights alliance, accused the police of beating detainees in Manila.", ("PHL", "112", "PHL")),
    ("A rights coalition in Nairobi accused the police of torturing protesters.", ("KEN", "112", "KEN")),
])
def test_a_rights_alliance_is_an_ngo_that_accuses(text, want):
    got = triples(coded(text))
    assert has(got, want), got


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "France sent 500 gendarmes to Corsica.",
    "France is sending 300 more gendarmes to the island of Mayotte.",
])
def test_gendarmes_sent_are_forces_sent(text):
    got = triples(coded(text))
    assert any(s == "FRA" and c.startswith(("15", "06")) for s, c, _ in got), got


@pytest.mark.slow
@pytest.mark.parametrize(("text", "key"), [
    ("The Kanak and Socialist National Liberation Front (FLNKS) accused Paris of forcing through the reform.", "FLNKS"),
    ("The FLNKS called on its supporters to lift the roadblocks.", "FLNKS"),
])
def test_new_caledonias_independence_alliance_is_known(text, key):
    events = coded(text)
    assert events and events[0].source.key == key, [(e.source.key, e.cameo) for e in events]


@pytest.mark.slow
def test_the_inter_american_commission_is_no_philippine_body():
    got = triples(coded("Paraguay's opposition said it would take the case to the Inter-American Commission on "
                        "Human Rights."))
    assert not any("PHL" in (s, t) for s, _, t in got), got
