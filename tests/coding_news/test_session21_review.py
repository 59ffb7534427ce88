"""The session-21 review's three mended regressions, each on sentences of its own (in no set).

- "its president" / "their leader" stands for the first party of the latest sentence that told one,
  and only when that party is an organisation (``coder._recent_org``);
- a noun that "came from" someone is that one's act only when it is a reaction, an offer or help
  (``extract.ARRIVAL_NOUNS``): an attack that "came from" a territory restates the attack;
- a toll told again drops only for a known doer in the same place (``reports.toll_told_once``): two
  strikes by an unnamed air force in two towns keep a toll each.
"""

from __future__ import annotations

import pytest

from .tables import never_root, reads, table
from .test_news_coding import coded, triples


def _codes(text: str) -> set[tuple]:
    return {(e.source.code, e.cameo[:2], e.target.code if e.target else None) for e in coded(text)}


@pytest.mark.slow
@pytest.mark.parametrize("text, officer_of, not_of", [
    ("The Red Cross said on Tuesday that Ethiopia had barred its convoys. Kenya reopened its border. "
     "Its president welcomed the move.", "KEN", "ICRC"),
    ("UNICEF said Nepal had cut school meals. Bhutan closed its schools. Its president criticised the cuts.",
     "BTN", "UNICEF"),
])
def test_session21_its_president_after_a_state_is_the_states(text, officer_of, not_of):
    (e,) = [e for e in coded(text) if e.cameo.startswith(("11", "05"))]
    assert e.source.country == officer_of and not_of not in (e.source.code or ""), (e.source, triples(coded(text)))


@pytest.mark.slow
@pytest.mark.parametrize("text, group", [
    ("ADF fighters raided a UN camp near Beni. Their leader threatened more raids.", "UGA"),
    ("Houthi rebels fired on a UN convoy near Hodeidah. Their spokesman warned of more attacks.", "YEM"),
])
def test_session21_their_leader_is_the_subject_group_not_the_object(text, group):
    officers = [e for e in coded(text) if e.cameo.startswith("13")]
    assert officers and all(not (e.source.code or "").startswith("IGO") for e in officers), triples(coded(text))


test_session21_an_attack_that_came_from_a_place_is_no_new_act = table("text, not_root", [
    ("Armed men stormed a border post in Niger on Friday. The raid came from Malian soil, the army said.", "19"),
    ("A drone hit an oil depot in Belgorod. The strike came from Ukrainian territory, the governor said.", "19x"),
], lambda text, root: _no_second_act(text, root))


def _no_second_act(text: str, root: str) -> None:
    acts = [e for e in coded(text) if e.cameo.startswith(root.rstrip("x"))]
    assert len(acts) <= 1, triples(coded(text))


test_session21_a_reaction_that_came_from_a_party_is_still_its = table("text, want", [
    ("Turkey shelled a village in northern Iraq. Criticism of the shelling came quickly from Baghdad.", ("IRQ", "11", "TUR")),
    ("Floods hit Pakistan. Offers of help poured in from Qatar.", ("QAT", "03", None)),
], reads)


@pytest.mark.slow
def test_session21_two_unnamed_strikes_in_two_towns_keep_their_tolls():
    events = [e for e in coded("An air strike killed 4 people in Maarat al-Numan on Monday. "
                               "Another air strike killed 4 people in Saraqib on Tuesday.") if e.cameo.startswith("19")]
    assert len(events) == 2 and all(e.quantities for e in events), [(e.location, e.quantities) for e in events]


@pytest.mark.slow
def test_session21_a_toll_told_again_by_a_known_doer_is_still_told_once():
    events = [e for e in coded("Police in Nairobi arrested 23 protesters on Monday. "
                               "Rights groups said police had arrested 23 protesters during the march.")
              if e.cameo.startswith("17")]
    assert sum(1 for e in events if e.quantities) == 1, [(e.evidence.text, e.quantities) for e in events]


@pytest.mark.slow
@pytest.mark.parametrize("text, code", [
    ("Russian rockets hit a power plant in Kharkiv on Monday.", "RUSMIL"),
    ("Israeli shells struck a village in southern Lebanon on Sunday.", "ISRMIL"),
    ("Azerbaijani mortars hit a farm near the Armenian border.", "AZEMIL"),
])
def test_session21_a_states_rockets_and_shells_are_its_militarys(text, code):
    assert any(e.source.code == code for e in coded(text)), triples(coded(text))
