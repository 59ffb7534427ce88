"""Kinds of error the ninth set of hand-written articles showed (session 16), and four
article-level bugs reported before it, each on sentences written for this test: a strike told
by its weapon ("Drone strike kills two in ...") with nobody named is force, not a labour
strike, aimed at the place where it killed; "two men" with no article are new people, not a
back-reference to the two parties last told; a kill count stays on the force event; a crime a
charge names ("charged with the 2019 killing of ...") is the charge's content, no act of the
charge's day; a generic subject is not of the foreign country its object's own words name
("the junta gave French troops until midnight to leave"); someone who dies in custody abroad
died at the hands of that place's police, not of his own country's; the Cook Islands and
Niue, self-governing states the knowledge base lacked."""

from __future__ import annotations

import pytest

from flashpoint.actors import KnowledgeBase
from flashpoint.config import Settings
from flashpoint.pipeline import code_text

pytestmark = pytest.mark.slow

FORCE = ("18", "19", "20")


def coded(text: str, date: str = "2026-03-10"):
    return code_text(text, date=date, doc_id="n", settings=Settings())


def dead(e) -> int | None:
    return next((q.value for q in e.quantities if q.unit == "dead"), None)


@pytest.mark.parametrize(("text", "country", "toll"), [
    ("Drone strike kills two in northern Mali", "MLI", 2),
    ("Drone strike kills five at wedding in Yemen", "YEM", 5),
    ("An air strike killed 14 in Idlib on Sunday.", "SYR", 14),
    ("Drone strike kills two in Mogadishu\n\nMOGADISHU (Reuters) - A drone strike killed two men in a car on Monday, "
     "officials said.", "SOM", 2),
    ("A missile strike killed two men in Idlib on Monday.", "SYR", 2),
])
def test_a_strike_by_its_weapon_is_force_with_its_toll(text, country, toll):
    events = coded(text)
    assert not any(e.cameo_root == "14" for e in events), [(e.cameo, e.evidence.trigger) for e in events]
    force = [e for e in events if e.cameo_root in FORCE]
    assert force, [(e.cameo, e.evidence.trigger) for e in events]
    assert any(e.target is not None and e.target.country == country for e in force)
    assert any(dead(e) == toll for e in force)


@pytest.mark.parametrize(("text", "toll"), [
    ("KHARTOUM (Reuters) - Shelling killed more than 460 people in El Fasher.", 460),
    ("KHARTOUM (Reuters) - More than 460 people were killed in El Fasher, the WHO said.", 460),
    ("KHARTOUM (Reuters) - The paramilitary force killed more than 460 people in the city.", 460),
])
def test_a_bounded_kill_count_stays_on_the_force_event(text, toll):
    events = coded(text)
    force = [e for e in events if e.cameo_root in FORCE]
    assert force and any(dead(e) == toll for e in force), [(e.cameo, e.quantities) for e in events]
    assert sum(dead(e) or 0 for e in events if e.counted) == toll  # told once


@pytest.mark.parametrize("text", [
    "KABUL (Reuters) - Police arrested three men on Monday. They were charged with the 2019 killing of a journalist.",
    "LIMA (Reuters) - Police arrested two men on Wednesday and charged them with arson and the attempted murder of "
    "police officers.",
    "LAGOS (Reuters) - A court convicted a former soldier on Tuesday of the murder of a student.",
    "ISLAMABAD (Reuters) - Police detained five men on Friday on charges of murder and arson.",
    "QUITO (Reuters) - Two guards were indicted over the killing of an inmate, prosecutors said on Thursday.",
])
def test_a_crime_a_charge_names_is_no_act_of_the_charge_day(text):
    events = coded(text)
    assert not any(e.cameo_root in FORCE for e in events), [(e.cameo, e.evidence.trigger, e.date) for e in events]


def test_the_arrest_beside_a_charge_stays():
    events = coded("LIMA (Reuters) - Police arrested two men on Wednesday and charged them with arson.")
    assert any(e.cameo.startswith("173") and e.source.country == "PER" for e in events)


@pytest.mark.parametrize(("text", "want"), [
    ("NIAMEY, Niger (AP) - France said it would not recognise the decision. The junta gave French troops until "
     "midnight to leave.", ("NER", "FRA")),
    ("BAMAKO (Reuters) - France said it regretted the move. The military government ordered French soldiers to leave "
     "within a week.", ("MLI", "FRA")),
    ("OUAGADOUGOU (Reuters) - The United States criticised the decision. The ministry expelled two American "
     "diplomats.", ("BFA", "USA")),
    # the object's words name the story's own country: the subject stays there
    ("BAMAKO (Reuters) - The junta arrested four Malian soldiers on Monday.", ("MLI", "MLI")),
])
def test_a_generic_subject_is_not_of_the_foreign_side_its_object_names(text, want):
    events = coded(text)
    got = {(e.source.country, e.target.country if e.target else None) for e in events if e.cameo_root in ("13", "16", "17")}
    assert want in got, got


@pytest.mark.parametrize(("text", "police"), [
    ("BAKU (Reuters) - Two Azerbaijani brothers died in custody following a police operation in the Siberian city of "
     "Novosibirsk.", "RUS"),
    ("TBILISI (Reuters) - A Georgian citizen died in custody in the Russian city of Vladikavkaz last week.", "RUS"),
    ("ISLAMABAD (Reuters) - Two Pakistani men died in custody in Dubai on Friday.", "ARE"),
])
def test_who_dies_in_custody_abroad_died_at_the_hands_of_that_place(text, police):
    events = [e for e in coded(text) if e.cameo.startswith("18")]
    assert events and all(e.source.country == police for e in events), [(e.source, e.cameo) for e in events]


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


@pytest.mark.parametrize(("text", "country"), [
    ("the Cook Islands", "COK"),
    ("Cook Islands Prime Minister", "COK"),
    ("Cook Islanders", "COK"),
    ("Avarua", "COK"),
    ("Niue's premier", "NIU"),
    ("Niuean", "NIU"),
])
def test_the_cook_islands_and_niue_are_states(kb, text, country):
    res = kb.resolve(text, None, None)
    assert res is not None and res.actor.country == country
