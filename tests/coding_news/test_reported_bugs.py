"""Coder bugs reported in session 12 and fixed in session 13, each by a general rule. Every
sentence here was written for this project (several phrasings per rule, none from a gold set)."""

from __future__ import annotations

import pytest

from .wire_helpers import events, triples

pytestmark = pytest.mark.slow


# -- a coup is no confiscation of property (1711) --------------------------------------
# CAMEO has no coup code: taking the state by armed force is coded as conventional military
# force (190), by the putschists; "took power" is a coup only with the coup named.
@pytest.mark.parametrize("text, src", [
    ("Mutinous soldiers seized power in Gabon early on Wednesday.", "GAB"),
    ("Soldiers of the presidential guard grabbed power in Niger and detained the president.", "NER"),
    ("Army officers took power in Burkina Faso in a coup on Friday.", "BFA"),
    ("Colonel Doumbouya's special forces staged a coup in Guinea.", "GIN"),
])
def test_a_coup_is_force_not_a_seizure_of_property(text, src):
    got = triples(text)
    assert any(s == src and c == "190" for s, c, t in got), got
    assert not any(c.startswith("171") for s, c, t in got), got


@pytest.mark.parametrize("text", [
    "Ruto took power in Kenya after winning the election.",
    "The new prime minister took power on Monday.",
])
def test_taking_power_after_a_vote_is_no_force(text):
    assert not any(c[:2] in ("17", "18", "19") for s, c, t in triples(text))


def test_seizing_goods_is_still_a_confiscation():
    got = triples("Iranian forces seized a British oil tanker in the Strait of Hormuz.")
    assert any(s == "IRN" and c.startswith("171") for s, c, t in got), got


# -- "call in the army": troops summoned, not a telephone call ----------------------
@pytest.mark.parametrize("text, src, code", [
    ("Ecuador's president called in the army to restore order in Guayaquil.", "ECU", "154"),
    ("Kenya's government decided to call in troops after the riots.", "KEN", "154"),
    ("Serbia called up reservists on Tuesday.", "SRB", "154"),
    ("Peru's interior minister called out the army to patrol Lima.", "PER", "154"),
    ("The mayor of Lyon called in riot police to clear the square.", "FRA", "153"),
])
def test_calling_in_forces_is_mobilisation(text, src, code):
    got = triples(text)
    assert any(s == src and c == code for s, c, t in got), got
    assert not any(c.startswith("041") for s, c, t in got), got


@pytest.mark.parametrize("text, src, tgt", [
    ("Sweden called in Iran's ambassador on Monday.", "SWE", "IRN"),
    ("Ankara called in the Dutch envoy over the remarks.", "TUR", "NLD"),
])
def test_calling_in_an_envoy_is_a_summons(text, src, tgt):
    got = triples(text)
    assert (src, "114", tgt) in got, got
    assert not any(c.startswith("041") for s, c, t in got), got


def test_a_call_to_a_leader_is_still_a_phone_call():
    got = triples("Macron called Putin on Friday.")
    assert ("FRA", "041", "RUS") in got, got


# -- "receives": a visitor hosted ---------------------------------------------------
@pytest.mark.parametrize("text, src, tgt", [
    ("Egypt's Sisi receives Sudan's Burhan in Cairo.", "EGY", "SDN"),
    ("Jordan's King Abdullah received Syria's al-Sharaa in Amman on Sunday.", "JOR", "SYR"),
    ("Putin received Hungary's Orban in the Kremlin.", "RUS", "HUN"),
    ("Turkey's Erdogan receives Iraq's prime minister in Ankara.", "TUR", "IRQ"),
])
def test_receiving_a_leader_hosts_a_visit(text, src, tgt):
    got = triples(text)
    assert (src, "043", tgt) in got, got


@pytest.mark.parametrize("text", [
    "Poland received a letter from Belarus.",
    "The minister received the report on Tuesday.",
    "Chile received the award in Geneva.",
    "Thailand received almost 30 million foreign visitors last year.",
    "Portugal receives thousands of students from Brazil every year.",
])
def test_receiving_a_thing_hosts_no_one(text):
    assert not any(c.startswith("043") for s, c, t in triples(text))


# -- "the dispatch of medical teams": aid told as a noun ---------------------------------
@pytest.mark.parametrize("text, src, tgt", [
    ("Turkey announced the dispatch of medical teams to Syria.", "TUR", "SYR"),
    ("Jordan's dispatch of field hospitals to Gaza continued on Monday.", "JOR", "PSE"),
    ("China announced the dispatch of rescue teams to Myanmar after the earthquake.", "CHN", "MMR"),
    ("Morocco's airlift of relief supplies to Libya began on Sunday.", "MAR", "LBY"),
])
def test_a_dispatch_of_relief_is_humanitarian_aid(text, src, tgt):
    got = triples(text)
    assert (src, "073", tgt) in got, got


def test_a_dispatch_of_troops_is_not_humanitarian_aid():
    got = triples("Russia announced the dispatch of troops to Belarus.")
    assert not any(c == "073" for s, c, t in got), got


# -- coordinated parties and mediation (guards: these held already) ------------------------
@pytest.mark.parametrize("text, a, b", [
    ("Colombia's government and the ELN resumed peace talks in Caracas.", "COL", "COL"),
    ("Sudan's army and the RSF agreed to a truce in Jeddah.", "SDN", "SDN"),
    ("Ethiopia's government and the TPLF signed a peace deal.", "ETH", "ETH"),
    # no article on the second name: the small parser hangs both on the last noun
    ("Colombia's government and ELN rebels resumed talks in Mexico.", "COL", "COL"),
    ("Sudan's army and RSF fighters agreed to a truce in Jeddah.", "SDN", "SDN"),
    ("Iran's government and IRGC commanders met in Tehran.", "IRN", "IRN"),
])
def test_a_possessive_first_conjunct_keeps_the_second_party(text, a, b):
    evs = events(text)
    texts = {e.source.text for e in evs}
    assert len(texts) >= 2 and all(" and " not in t for t in texts), \
        [(e.source.text, e.cameo, e.target and e.target.text) for e in evs]
    assert any(e.source.country == a and e.target is not None for e in evs), \
        [(e.source.text, e.cameo, e.target and e.target.text) for e in evs]


def test_a_possessive_before_coordinated_words_that_name_no_parties_stays_one_phrase():
    assert not events("Russia's oil and gas exports fell in March.")


@pytest.mark.parametrize("text, mediator, a, b", [
    ("Qatar mediated between Israel and Hamas.", "QAT", "ISR", "PSE"),
    ("Egypt brokered talks between Ethiopia and Sudan.", "EGY", "ETH", "SDN"),
    ("Turkey is mediating between Russia and Ukraine.", "TUR", "RUS", "UKR"),
])
def test_a_mediator_acts_toward_each_party(text, mediator, a, b):
    got = triples(text)
    assert any(s == mediator and c.startswith("04") and t == a for s, c, t in got), got
    assert any(s == mediator and c.startswith("04") and t == b for s, c, t in got), got


# -- a threat or reaction is not aimed back at its own side ---------------------------------
@pytest.mark.parametrize("text, src, tgt", [
    ("NATO will deploy more troops in Estonia. Kremlin spokesman Dmitry Peskov said Moscow would take "
     "countermeasures against the alliance.", "RUS", "IGOWSTNAT"),
    ("The EU imposed new sanctions on Iran. Tehran vowed to retaliate against the bloc.", "IRN", "IGOEUREEC"),
])
def test_a_threat_against_the_alliance_is_aimed_at_the_alliance(text, src, tgt):
    got = {(s, c[:2], t) for s, c, t in triples(text)}
    assert (src, "13", tgt) in got, got


@pytest.mark.parametrize("text, src", [
    ("Moscow warned it would retaliate against the coalition.", "RUS"),
    ("Beijing vowed to punish the coalition.", "CHN"),
    ("Ankara threatened to hit back at the coalition forces.", "TUR"),
])
def test_a_threat_is_not_aimed_at_the_threatening_states_own_forces(text, src):
    got = triples(text)
    assert not any(s == src and c[:2] in ("11", "12", "13", "16") and t == src for s, c, t in got), got


def test_a_state_may_still_criticise_its_own_army_when_the_text_says_so():
    got = triples("Pakistan's government criticised Pakistan's army chief.")
    assert ("PAK", "111", "PAK") in got, got


# -- transnational armed groups and their branches ------------------------------------------
@pytest.mark.parametrize("text, country", [
    ("Islamic State Sinai Province fighters attacked a checkpoint near Arish.", "EGY"),
    ("Fighters of the Islamic State Central Africa Province killed villagers in Ituri.", "COD"),
    ("Islamic State Somalia attacked a military base in Puntland.", "SOM"),
    ("Ahrar al-Sham fighters clashed with government troops in Idlib.", "SYR"),
])
def test_a_branch_of_a_transnational_group_is_coded_where_it_fights(text, country):
    evs = events(text)
    assert any(e.source.country == country and e.source.sector == "REB" for e in evs), \
        [(e.source.text, e.source.code, e.cameo) for e in evs]


@pytest.mark.parametrize("text", [
    "Islamic State fighters attacked a convoy in Syria.",
    "Al-Qaeda claimed the bombing of the embassy.",
])
def test_the_core_transnational_group_keeps_its_cameo_group_code(text):
    evs = events(text)
    assert any(e.source.code and e.source.code.startswith("IMG") and e.source.country is None for e in evs), \
        [(e.source.text, e.source.code, e.cameo) for e in evs]


# -- "the two leaders": the pair that just met -------------------------------------------
@pytest.mark.parametrize("text, pair", [
    ("Kenya's president met Tanzania's president in Arusha. Uganda's president was absent. "
     "The two leaders signed a trade deal.", {"KEN", "TZA"}),
    ("France hosted Germany's chancellor. Italy criticised the meeting. Both leaders pledged to strengthen ties.",
     {"FRA", "DEU"}),
    ("Peru's president met Chile's president in Lima. Bolivia's army chief criticised the meeting. "
     "The two leaders agreed to cooperate on migration.", {"PER", "CHL"}),
])
def test_the_two_leaders_are_the_pair_that_met(text, pair):
    got = triples(text)
    last = [(s, t) for s, c, t in got if c[:2] in ("03", "05", "06") and t is not None]
    assert last and all({s, t} == pair for s, t in last), got


def test_the_two_governments_are_two_states_not_one_state_twice():
    got = triples("Japan and South Korea held talks in Tokyo. The two governments agreed to share intelligence.")
    agreed = {s for s, c, t in got if c.startswith("03")}
    assert agreed == {"JPN", "KOR"}, got


# -- the back-off reads no act into a sentence that tells how things are ----------------------
@pytest.mark.parametrize("text", [
    "More than 4 million Venezuelans now live in Colombia and Peru.",
    "Some 1.5 million Turks live in Germany, many of them for decades.",
    "Around 300,000 Syrian refugees reside in camps across Jordan.",
    "Kurds account for about a fifth of Turkey's population.",
])
def test_the_back_off_codes_no_state_of_affairs(text):
    assert not events(text), [(e.source.text, e.cameo, e.rule) for e in events(text)]


def test_the_back_off_still_codes_an_act():
    from flashpoint.coding.backoff_gates import DEFAULT_GATES, gate_words, judge
    from flashpoint.nlp.model import load_nlp

    sent = next(load_nlp()("Troops from Chad crossed into Sudan on Sunday.").sents)
    assert judge(sent, "19", gate_words(), DEFAULT_GATES).blocked is None
    sent = next(load_nlp()("About 2 million Nigerians live in Britain.").sents)
    assert judge(sent, "07", gate_words(), DEFAULT_GATES).blocked == "state_verbs"
    # "remained on alert" is CAMEO's own example of an act (152)
    sent = next(load_nlp()("Indian troops remained on alert along the border.").sents)
    assert judge(sent, "15", gate_words(), DEFAULT_GATES).blocked is None
