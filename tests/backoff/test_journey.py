"""The back-off's journey gate: a sentence that tells a trip (a verb of going or coming with
no object) is no guess of an event. Own sentences."""

from __future__ import annotations

import pytest

from flashpoint.coding.backoff_gates import DEFAULT_GATES, GATES, gate_words, judge


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp.model import load_nlp

    return load_nlp()


def _sent(nlp, text):
    return next(nlp(text).sents)


WORDS = gate_words(frozenset({"say", "tell"}))  # the coder's reporting verbs, as the pipeline passes them


@pytest.mark.parametrize("text", [
    "The ambassador returned to Beijing on Friday.",
    "The president flew back to Abuja on Sunday after the summit.",
    "The foreign minister arrived in Nairobi late on Tuesday.",
    "The delegation travelled to Addis Ababa overnight.",
    "The envoy headed home after two days in Doha, officials said.",
])
@pytest.mark.parametrize("root", ["08", "04", "16"])
def test_a_trip_is_no_backoff_event(nlp, text, root):
    assert judge(_sent(nlp, text), root, WORDS, DEFAULT_GATES).blocked == "journey"


@pytest.mark.parametrize("text", [
    "Kenya returned two fishing boats to Uganda on Monday.",
    "The rebels left the town in flames after looting it.",
    "The army reached the outskirts of the capital and shelled the airport.",
    "Protesters marched on parliament and clashed with police.",
])
def test_an_act_on_someone_stands(nlp, text):
    assert judge(_sent(nlp, text), "08", WORDS, DEFAULT_GATES).blocked != "journey"


def test_the_gate_can_be_turned_off(nlp):
    sent = _sent(nlp, "The ambassador returned to Beijing on Friday.")
    assert "journey" in GATES
    assert judge(sent, "08", WORDS, DEFAULT_GATES - {"journey"}).blocked != "journey"
