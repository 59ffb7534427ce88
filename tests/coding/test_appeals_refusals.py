"""Appeals, refusals, things that are not parties, and word-list data.

Written for this project: each sentence tests one rule of the coder with the
fake knowledge base, so a change in the dictionaries does not move them.
"""

from __future__ import annotations

import pytest

from flashpoint.coding.patterns import parse_patterns
from flashpoint.yamlio import load_yaml

from .test_extraction import code, dyads

pytestmark = pytest.mark.slow


def codes(events):
    return {(s, c, t) for s, c, t, *_ in events}


def test_yaml_word_lists_keep_on_and_off_as_words():
    data = load_yaml("verbs:\n  - {id: x, lemmas: [call], prep: [on, upon], particle: off, code: '020'}\n")
    assert data["verbs"][0]["prep"] == ["on", "upon"]
    assert data["verbs"][0]["particle"] == "off"
    assert load_yaml("a: true\nb: False\nc: no") == {"a": True, "b": False, "c": "no"}
    ps = parse_patterns(data)
    assert ps.verbs["call"][0].prep == frozenset({"on", "upon"})


@pytest.mark.parametrize("text, expected", [
    # "call on X to ..." is an appeal (02), not a phone call (041)
    ("France called on Iran to release the prisoners.", {("FRA", "02", "IRN")}),
    ("The EU called on Russia to withdraw its troops.", {("EU", "02", "RUS")}),
])
def test_call_on_is_an_appeal(nlp, text, expected):
    assert dyads(code(nlp, text)) == expected


@pytest.mark.parametrize("text", [
    "The EU urged Russia to withdraw its troops from Ukraine.",
    "Poland asked NATO to send troops to the border.",
    "France demanded that Iran release the prisoners.",
])
def test_the_action_asked_for_is_not_an_event(nlp, text):
    """Only the appeal is coded: the withdrawal, deployment or release has not happened."""
    roots = {c[:2] for _, c, *_ in code(nlp, text)}
    assert roots and roots <= {"02", "10"}, roots


@pytest.mark.parametrize("text, expected", [
    ("Poland said it will not release the Belarusian soldiers.", ("POL", "1243", "BLR")),
    ("Israel will not meet Iran.", ("ISR", "125", "IRN")),
])
def test_a_future_negation_of_cooperation_is_a_refusal(nlp, text, expected):
    events = code(nlp, text)
    assert expected in codes(events)
    assert not any(e[4] for e in events if e[1] == expected[1])  # a refusal is asserted, not negated


def test_a_past_negation_stays_negated(nlp):
    events = code(nlp, "Israel did not meet Iran.")
    assert events and all(e[4] for e in events)  # negated, not a refusal
    assert all(c[:2] == "04" for _, c, *_ in events)


def test_a_negated_attack_is_not_turned_into_anything(nlp):
    events = code(nlp, "Russia will not attack Ukraine.")
    assert all(e[4] for e in events)  # still a negated (uncounted) attack


def test_a_thing_is_not_a_target(nlp):
    """"military aid" carries a sector word but names no party."""
    events = code(nlp, "The British government promised to continue military aid to Mali.")
    targets = {t for _, _, t, *_ in events}
    assert "MLI" in targets
    assert "GBR" not in targets


def test_restoring_diplomatic_ties_is_recognition(nlp):
    assert ("POL", "054", "BLR") in codes(code(nlp, "Poland restored full diplomatic ties with Belarus."))


def test_demanding_a_meeting_is_a_demand(nlp):
    assert {c for _, c, *_ in code(nlp, "Ukraine demanded a meeting with Russia.")} == {"106"}


def test_peacekeepers_are_protection_not_troops(nlp):
    assert ("FRA", "074", "MLI") in codes(code(nlp, "France sent 300 peacekeepers to Mali."))


def test_a_date_is_neither_a_preposition_nor_a_target(nlp):
    """"on Tuesday" does not turn a phone call into "call on"; "Monday" is no actor."""
    # (a call is reciprocal in CAMEO: one event each way)
    assert dyads(code(nlp, "Poland telephoned Belarus on Tuesday.")) == {("POL", "04", "BLR"), ("BLR", "04", "POL")}
    assert dyads(code(nlp, "France imposed sanctions on Iran on Monday.")) == {("FRA", "16", "IRN")}


def test_would_in_reported_speech_is_the_future(nlp):
    events = code(nlp, "Russia said it would send troops to Belarus.")
    assert [e[3] for e in events if e[1][:2] == "03"] == ["future"]
    conditional = code(nlp, "Russia said it would send troops to Belarus if NATO expanded.")
    assert conditional and all(e[3] == "hypothetical" for e in conditional)


def test_a_protest_with_no_target_is_aimed_at_the_home_government(nlp):
    events = code(nlp, "Thousands of Polish farmers protested in Warsaw on Sunday.")
    assert ("POL", "14", "POL") in dyads(events)
