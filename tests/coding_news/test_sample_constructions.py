"""Constructions found missing on the sample corpus's key events (issue 9, session 12):
an obligation stated with "has to", "the allies" after an alliance is told, a resignation, a negation that
is itself an act ("did not rule out force", "had not agreed to"), an answer announced
("would respond"). Every sentence here was written for this project;
none is a sentence of the corpus."""

from __future__ import annotations

import pytest

from flashpoint.config import Settings
from flashpoint.pipeline import code_text

pytestmark = pytest.mark.slow


def coded(text: str, **settings):
    return code_text(text, date="2026-11-20", doc_id="s", settings=Settings(**settings))


def dyads(events) -> set[tuple]:
    """(source key, root, target key) of each event."""
    return {(e.source.key if e.source else None, e.cameo_root, e.target.key if e.target else None) for e in events}


@pytest.mark.parametrize("text, want", [
    ("Greek negotiators said Ankara still had to do more against smugglers.", ("GRC", "10", "TUR")),
    ("The Chilean foreign minister said Bolivia has to respect the court's ruling.", ("CHL", "10", "BOL")),
])
def test_has_to_in_a_statement_is_a_demand_on_its_subject(text, want):
    assert want in dyads(coded(text))


def test_has_as_possession_is_no_demand():
    got = dyads(coded("The Chilean foreign minister said Bolivia has two ports to offer."))
    assert not any(root == "10" for _, root, _ in got), got


def test_the_allies_point_back_to_the_alliance_told():
    got = dyads(coded("NATO foreign ministers gathered in Madrid on Tuesday. "
                      "The Georgian president thanked the allies for their support."))
    assert ("GEO", "05", "NATO") in got, got


def test_has_to_be_is_a_need_not_a_demand():
    got = dyads(coded("The Estonian prime minister said the country had to be ready for sabotage."))
    assert not any(root == "10" for _, root, _ in got), got


@pytest.mark.parametrize("text", [
    "Kenya's finance minister Njuguna Ndungu resigned on Friday.",
    "The Peruvian prime minister stepped down on Friday after weeks of protests.",
])
def test_an_office_holder_giving_up_office_yields_power(text):
    got = coded(text)
    assert any(e.cameo == "0831" and e.source and e.source.country in ("KEN", "PER") for e in got), dyads(got)


def test_a_sports_manager_resigning_is_no_political_event():
    assert not any(e.cameo == "0831" for e in coded("The club's manager resigned after the cup defeat on Saturday."))


def test_a_particle_tagged_as_an_adverb_still_makes_the_phrasal_verb():
    got = coded("Iranian police cracked down on students in Tehran on Sunday.")
    assert any(e.cameo_root == "17" for e in got), dyads(got)


def test_a_threat_to_resign_is_the_threat_only():
    got = coded("The Peruvian finance minister threatened to resign over the budget cuts.")
    assert any(e.cameo_root == "13" for e in got) and not any(e.cameo_root in ("03", "08") for e in got), dyads(got)


def test_cutting_down_aid_kills_no_one():
    assert not any(e.cameo_root == "18" for e in coded("The Serbian government cut down its aid to Bosnia."))
    assert any(e.cameo_root == "18" for e in coded("Chinese police cut down protesters in Lhasa on Friday."))


@pytest.mark.parametrize("text, want", [
    ("Washington did not rule out military action against Caracas, the State Department said.", ("USA", "13", "VEN")),
    ("Moscow would not exclude an invasion of Moldova, the Kremlin said on Monday.", ("RUS", "13", None)),
])
def test_not_ruling_out_force_threatens_force(text, want):
    got = dyads(coded(text))
    assert any(g[:2] == want[:2] and (want[2] is None or g[2] == want[2]) for g in got), got


def test_not_ruling_out_talks_threatens_nothing():
    got = dyads(coded("Paris did not rule out talks with the junta in Bamako."))
    assert not any(root == "13" for _, root, _ in got), got


def test_an_agreement_denied_is_a_rejection():
    got = dyads(coded("Vietnam would not agree to the Chinese plan for the islands."))
    assert ("VNM", "12", "CHN") in got, got
    got = dyads(coded("The Austrian government said on Friday that it had not agreed to the Hungarian proposal."))
    assert any(src == "AUT" and root == "12" for src, root, _ in got), got


def test_a_resignation_to_come_is_not_a_resignation():
    got = coded("The Peruvian president will resign next week, the speaker of parliament said.")
    assert not any(e.cameo == "0831" for e in got), [(e.cameo, e.rule) for e in got]
    got = coded("The Peruvian president decided to resign on Sunday.")
    assert {e.cameo_root for e in got} == {"03"}, [(e.cameo, e.rule) for e in got]


@pytest.mark.parametrize("text, want", [
    ("The Chinese spokesman said that Beijing would respond.", ("CHN", "13", None)),
    ("Tehran will take retaliatory measures against Britain, the Iranian foreign ministry said.", ("IRN", "13", "GBR")),
    ("The Chinese defence ministry said Beijing would respond firmly to any provocation.", ("CHN", "13", None)),
])
def test_an_answer_announced_is_a_threat(text, want):
    got = dyads(coded(text))
    assert any(g[:2] == want[:2] and (want[2] is None or g[2] == want[2]) for g in got), got


@pytest.mark.parametrize("text", [
    "The Kenyan ministry will respond to the letter by Friday.",
    "The Indian foreign ministry responded to the Chinese proposal on Monday.",
])
def test_an_answer_to_a_letter_or_one_given_is_no_threat(text):
    got = dyads(coded(text))
    assert not any(root == "13" for _, root, _ in got), got
