"""Kinds of error the eleventh set of hand-written articles and own_wire9 showed (session 19), each on
sentences written for this test (none is from those sets or a gold set): a curfew or a state of
emergency lifted falls on the state's own people (0813/0814, own_country), as one imposed does; riot
police deployed at home are police mobilised (153) against the state's own people; any extradition
is judicial cooperation (063) with the state that receives the person, and one told in the passive
("was extradited from Spain") is done by the state the person leaves; hackers who steal
cryptocurrency or data carry out a cyber attack (170) on whom they take it from; a number's comma
("killed 20,000 people since 2015") is no clause break, so a running toll takes the period it names;
and the article scorer sums the story's tolls, not a toll the coder dates to the past, and does not
charge a background event with the date of the story's own event of the same dyad and root."""

from __future__ import annotations

import json
from datetime import date

import pytest

from flashpoint.config import Settings
from flashpoint.eval.articles import check_folder
from flashpoint.nlp.event_dates import event_date
from flashpoint.pipeline import code_text

pytestmark = pytest.mark.slow


def coded(text: str, when: str = "2026-05-06"):
    return code_text(text, date=when, doc_id="t", settings=Settings())


def quads(text: str) -> set[tuple]:
    return {(e.source.country if e.source else None, e.cameo, e.target.country if e.target else None) for e in coded(text)}


@pytest.mark.parametrize(("text", "who", "code"), [
    ("Kenya's government lifted the curfew in Mombasa on Monday.", "KEN", "0813"),
    ("Authorities in Nepal lifted a curfew in Kathmandu after two days of calm.", "NPL", "0813"),
    ("The Ecuadorean government lifted the state of emergency in Guayas province on Friday.", "ECU", "0814"),
    ("Peru's president ended the state of emergency in Lima on Tuesday.", "PER", "0814"),
])
def test_a_curfew_or_emergency_lifted_falls_on_the_own_people(text, who, code):
    assert (who, code, who) in quads(text)


@pytest.mark.parametrize(("text", "who"), [
    ("Belarus pardoned and freed 14 political prisoners on Saturday.", "BLR"),
    ("Myanmar's military government released 3,000 prisoners on Monday under an amnesty.", "MMR"),
    ("Cuba freed 500 inmates under a deal with the Vatican.", "CUB"),
])
def test_prisoners_freed_with_no_nationality_named_are_the_states_own(text, who):
    assert (who, "0841", who) in quads(text)


def test_prisoners_of_a_named_people_stay_theirs():
    assert ("ISR", "0841", "PSE") in quads("Israel released 90 Palestinian prisoners on Sunday.")


@pytest.mark.parametrize(("text", "who"), [
    ("Serbia deployed riot police in Belgrade on Saturday.", "SRB"),
    ("The Georgian government deployed riot police in central Tbilisi ahead of the rally.", "GEO"),
    ("Bolivia sent riot police to La Paz to clear the blockades.", "BOL"),
])
def test_riot_police_deployed_at_home_are_police_mobilised_against_the_own_people(text, who):
    assert (who, "153", who) in quads(text)


def test_troops_sent_abroad_are_still_no_police_at_home():
    got = quads("Kenya deployed 400 police officers to Haiti on Tuesday.")
    assert not any(c == "153" and t == "KEN" for _, c, t in got), got


@pytest.mark.parametrize(("text", "triple"), [
    ("Spain extradited a Colombian man wanted for murder to Colombia on Tuesday.", ("ESP", "063", "COL")),
    ("Argentina extradited the former Chilean officer on Wednesday.", ("ARG", "063", "CHL")),
    ("A former Peruvian army officer was extradited from the United States on Friday.", ("USA", "063", "PER")),
    ("The drug lord was extradited from Spain to Honduras on Monday.", ("ESP", "063", "HND")),
])
def test_an_extradition_is_judicial_cooperation_with_the_receiving_state(text, triple):
    got = quads(text)
    assert triple in got, got
    assert not any(c.startswith("17") for _, c, _ in got), got


@pytest.mark.parametrize(("text", "triple"), [
    ("North Korean hackers stole cryptocurrency from a Japanese exchange last month.", ("PRK", "170", "JPN")),
    ("North Korean hackers stole $40 million in digital currency from a Japanese exchange last month.", ("PRK", "170", "JPN")),
    ("Iranian hackers stole data from Israel's defence ministry.", ("IRN", "170", "ISR")),
    ("Chinese hackers stole passwords from the Czech foreign ministry.", ("CHN", "170", "CZE")),
])
def test_hackers_who_steal_money_or_data_carry_out_a_cyber_attack(text, triple):
    assert triple in quads(text)


@pytest.mark.parametrize(("sentence", "trigger", "year"), [
    ("The insurgency has killed more than 20,000 people since 2015, according to a monitoring group.", "killed", "2015"),
    ("Militants have kidnapped 1,400 students since 2014, the group said.", "kidnapped", "2014"),
])
def test_a_numbers_comma_is_no_clause_break_for_a_running_toll(sentence, trigger, year):
    got = event_date((), sentence, sentence, sentence.find(trigger), date(2026, 3, 4))
    assert got.date.startswith(year) and got.historical, got


def test_the_scorer_sums_the_storys_toll_and_spares_a_background_event_the_storys_date(tmp_path):
    (tmp_path / "burkina.txt").write_text(
        "Gunmen kill four soldiers in northern Burkina Faso\n\n"
        "OUAGADOUGOU, March 4 (Reuters) - Gunmen killed four soldiers in an attack on an army post in northern "
        "Burkina Faso on Tuesday, the army said.\n\n"
        "The insurgency has killed more than 20,000 people since 2015, according to a monitoring group.\n",
        encoding="utf-8")
    (tmp_path / "burkina.expected.json").write_text(json.dumps({
        "published": "2026-03-04",
        "events": [
            {"n": 1, "what": "gunmen kill four soldiers on Tuesday", "required": True,
             "source": ["BFA", None], "target": ["BFA", None], "roots": ["18", "19"], "date": "2026-03-03"},
            {"n": 2, "what": "a background attack of the same dyad", "required": False,
             "source": ["BFA", None], "target": ["BFA", None], "roots": ["18", "19"], "not_day": "2026-03-03"}],
        "tolls": {"dead": 4}}), encoding="utf-8")
    (result,), _ = check_folder(tmp_path)
    assert not [f for f in result.failures if f.startswith(("toll", "#2"))], result.failures
