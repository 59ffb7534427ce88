"""Violence and protest coding: who used force, killings, territory, protests.

Sentences written for these tests; the fake knowledge base keeps them about
the rules (who is the source of an agentless killing, which code a phrase
gets), not about the dictionaries.
"""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.coding.coder import Coder
from flashpoint.coding.patterns import load_patterns
from flashpoint.nlp.extract import extract_candidates
from flashpoint.nlp.quotes import find_quotes

from .fake_kb import FakeKB

pytestmark = pytest.mark.slow


def events(nlp, text):
    ps = load_patterns()
    doc = nlp(text)
    cands = extract_candidates(doc, ps.verb_lemmas, ps.noun_lemmas, ps.reporting, find_quotes(doc.text))
    coder = Coder(ps, FakeKB(), open_actors=True)
    return [(e.source.sector or e.source.key, e.code, e.pattern.id, cands[e.cand_index].trigger)
            for e in coder.code_document(cands, date(2022, 3, 4), countries=("IND",))]


def has(evs, sector, code_prefix):
    return any(s == sector and c.startswith(code_prefix) for s, c, *_ in evs)


@pytest.mark.parametrize("text", [
    # the force noun names who used it, also when the parser misreads "police firing"
    "Two villagers were killed in police firing near the market on Sunday.",
    "a shopkeeper was killed in police firing as the crowd ran.",
    "Three men died in police firing outside the station.",
    "Six people were shot dead by police during the night.",
    "A student was killed and three were hurt when police opened fire on the crowd.",
])
def test_deaths_in_police_firing_have_the_police_as_source(nlp, text):
    evs = events(nlp, text)
    assert any(s == "POL" and c[:2] in ("17", "18", "19") for s, c, *_ in evs), evs


def test_force_noun_with_a_national_modifier(nlp):
    evs = events(nlp, "Four fishermen were killed in an Israeli airstrike on the harbour.")
    assert any(s == "ISR" and c[:2] in ("18", "19") for s, c, *_ in evs), evs


def test_temporal_preposition_is_not_an_instrument(nlp):
    # "following an operation" says when, not who: the arrest keeps the police as implicit source
    evs = events(nlp, "Forty men were arrested following a search operation in the old town.")
    assert has(evs, "POL", "173"), evs


def test_object_of_force_verb_does_the_complement(nlp):
    evs = events(nlp, "Stone-throwing crowds forced the police to open fire.")
    assert any(s == "POL" and c.startswith("19") for s, c, *_ in evs), evs


def test_gerund_after_preposition_shares_the_subject(nlp):
    evs = events(nlp, "The police resorted to firing after the talks failed.")
    assert has(evs, "POL", "17"), evs


def test_shot_dead_is_one_trigger(nlp):
    evs = events(nlp, "Police shot dead two robbers in the town.")
    assert any(t == "shot dead" for *_, t in evs), evs


def test_tear_gas_without_agent_is_police(nlp):
    evs = events(nlp, "Tear gas shells were lobbed at the marchers.")
    assert has(evs, "POL", "175"), evs


def test_chemical_agents_are_not_riot_control(nlp):
    evs = events(nlp, "The rebels used chlorine gas against the army post.")
    assert any(c == "2041" for _, c, *_ in evs), evs
    assert not any(c == "175" for _, c, *_ in evs), evs


def test_rape_is_sexual_violence(nlp):
    evs = events(nlp, "Soldiers raped two women in the camp.")
    assert any(c == "1821" for _, c, *_ in evs), evs


@pytest.mark.parametrize("text, code", [
    ("Army units drove the rebels out of three villages.", "192"),
    ("Government troops freed the town from the militants.", "192"),
    ("The army has taken control of the border district.", "192"),
    ("Turkish troops have set up a new observation post near the town.", "150"),
    ("The army fired mortar shells at the rebel positions.", "194"),
    ("Rebels gunned down a trader in the market.", "180"),
    ("The army pulled out of the border town overnight.", "0874"),
    ("Rebels accused soldiers of the rape of two women.", "1821"),
    ("The rioters were blamed for the looting of shops in the old city.", "1712"),
])
def test_force_phrases(nlp, text, code):
    evs = events(nlp, text)
    assert any(c == code for _, c, *_ in evs), evs


@pytest.mark.parametrize("text", [
    "Thousands of protesters took to the streets of the capital.",
    "Hundreds of protesters took part in a march to the ministry.",
    "Angry protests erupted in the city after the verdict.",
])
def test_street_protests(nlp, text):
    evs = events(nlp, text)
    assert any(c == "141" for _, c, *_ in evs), evs


def test_an_explosion_alone_is_not_a_bombing(nlp):
    evs = events(nlp, "A gas cylinder explosion damaged the factory roof.")
    assert not any(c.startswith("183") for _, c, *_ in evs), evs
