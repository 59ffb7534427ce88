"""Sentence -> expected event tests for the extraction and coding rules.

These use a small fake knowledge base so they test the rules (passives,
conjunctions, reported speech, nominal events, negation, modality), not
the dictionaries.
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


def code(nlp, text):
    ps = load_patterns()
    doc = nlp(text)
    cands = extract_candidates(doc, ps.verb_lemmas, ps.noun_lemmas, ps.reporting, find_quotes(doc.text))
    out = []
    for e in Coder(ps, FakeKB()).code_document(cands, date(2021, 11, 12)):
        out.append((
            e.source.key, e.code, e.target.key if e.target else None,
            e.modality, e.negated, e.attribution.key if e.attribution else None,
        ))
    return out


def dyads(events):
    return {(s, c[:2], t) for s, c, t, *_ in events}


@pytest.mark.parametrize(
    "text, expected",
    [
        # plain transitive verbs
        ("Poland accused Belarus of staging the crisis.", {("POL", "11", "BLR")}),
        ("NATO condemned Russia.", {("NATO", "11", "RUS")}),
        ("France imposed sanctions on Iran.", {("FRA", "16", "IRN")}),
        ("The Chinese foreign ministry criticised Japan on Monday.", {("CHN", "11", "JPN")}),
        # passives: the agent is the source
        ("Ukraine was attacked by Russia.", {("RUS", "19", "UKR")}),
        ("Belarus was condemned by the European Union.", {("EU", "11", "BLR")}),
        # conjunctions on both sides
        ("Estonia and Latvia condemned Russia.", {("EST", "11", "RUS"), ("LVA", "11", "RUS")}),
        ("NATO stands in solidarity with Poland and Lithuania.", {("NATO", "05", "POL"), ("NATO", "05", "LTU")}),
        # nominal events
        ("The EU announced new sanctions on Belarus.", {("EU", "16", "BLR")}),
        ("Russia launched an attack on Ukraine.", {("RUS", "19", "UKR")}),
        ("Russia has sent paratroopers to Belarus.", {("RUS", "06", "BLR")}),
        # appeals and demands
        ("NATO called on Russia to withdraw its troops.", {("NATO", "02", "RUS")}),
        # consult and cooperate
        ("The French president met the Indian prime minister in Paris.", {("FRA", "04", "IND")}),
        ("Germany will send tanks to Ukraine.", {("DEU", "03", "UKR")}),
        # denial is its own code, aimed at the accuser
        ("Poland accused Belarus of attacks. Belarus denied the allegations.", {("POL", "11", "BLR"), ("BLR", "01", "POL")}),
        # nested accusation content
        ("The Belarusian Defence Ministry accused Poland of a military build-up.", {("BLR", "11", "POL"), ("POL", "15", "BLR")}),
    ],
)
def test_dyads(nlp, text, expected):
    assert expected <= dyads(code(nlp, text))


@pytest.mark.parametrize(
    "text, modality, negated",
    [
        ("Russia attacked Ukraine.", "asserted", False),
        ("Russia did not attack Ukraine.", "asserted", True),
        ("Russia will attack Ukraine.", "future", False),
        ("If talks fail, Russia would attack Ukraine.", "hypothetical", False),
        ("Russia could attack Ukraine.", "hypothetical", False),
        ("Poland said Russia attacked Ukraine.", "reported", False),
    ],
)
def test_modality(nlp, text, modality, negated):
    events = [e for e in code(nlp, text) if e[0] == "RUS"]
    assert events, text
    assert events[0][3] == modality
    assert events[0][4] is negated


def test_refusal_is_a_rejection_not_a_meeting(nlp):
    # "refused to meet" is the refusal (125) and never a meeting that took place; the refused
    # act maps to its rejection code (modality.yaml's refusal table), as CAMEO codes refusals
    events = code(nlp, "Russia refused to meet Ukraine.")
    assert ("RUS", "125", "UKR", "asserted", False, None) in events
    assert not any(e[1].startswith("04") and e[4] is False for e in events)


def test_reported_speech_attribution(nlp):
    events = code(nlp, "Poland said Belarus attacked Lithuania.")
    assert ("BLR", "19", "LTU") in dyads(events)
    assert [e[5] for e in events if e[0] == "BLR"] == ["POL"]


def test_quote_we_is_the_speaker(nlp):
    text = 'In a statement, NATO said: "We condemn Belarus for these actions."'
    assert ("NATO", "11", "BLR") in dyads(code(nlp, text))


def test_multi_paragraph_quote_keeps_speaker(nlp):
    text = 'Poland said: "The border is calm.\n\n"We condemn Belarus."'
    events = code(nlp, text)
    assert ("POL", "11", "BLR") in dyads(events)


def test_no_event_without_actors(nlp):
    assert code(nlp, "The weather was cold and people stayed at home.") == []
    assert code(nlp, "Somebody attacked something.") == []
