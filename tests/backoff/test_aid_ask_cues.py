"""The back-off's aid and asking gates (session 16): a guess of aid (root 07) needs a word of aid
or of giving, a guess of an appeal or a demand (roots 02, 10) a word of asking (an appeal guess
without one falls back on the other root of its QuadClass, a statement)."""

from __future__ import annotations

import pytest

from flashpoint.coding.backoff_gates import DEFAULT_GATES, GATES, gate_words, judge


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp.model import load_nlp

    return load_nlp()


def _sent(nlp, text):
    return next(nlp(text).sents)


@pytest.mark.parametrize("text", [
    "The band's farewell tour has sold more than two million tickets across Europe.",
    "The new tram line in Casablanca carried half a million passengers in its first month.",
])
def test_an_aid_guess_without_a_word_of_aid_is_no_event(nlp, text):
    assert judge(_sent(nlp, text), "07", gate_words(), DEFAULT_GATES).blocked == "aid_cue"


@pytest.mark.parametrize("text", [
    "Japan shipped tents and generators to the earthquake zone.",
    "The Gulf state will provide $2 billion to shore up the central bank.",
])
def test_an_aid_guess_with_a_word_of_aid_stands(nlp, text):
    assert judge(_sent(nlp, text), "07", gate_words(), DEFAULT_GATES).blocked != "aid_cue"


def test_a_demand_guess_without_a_word_of_asking_is_no_event(nlp):
    sent = _sent(nlp, "The president toured the flooded districts on Wednesday.")
    assert judge(sent, "10", gate_words(), DEFAULT_GATES).blocked == "ask_cue"


def test_an_appeal_guess_without_a_word_of_asking_falls_back_on_a_statement(nlp):
    sent = _sent(nlp, "The minister said the new port would open to ships by the end of next year.")
    verdict = judge(sent, "02", gate_words(), DEFAULT_GATES)
    assert verdict.blocked is None and verdict.barred == frozenset({"02"})


@pytest.mark.parametrize("text", [
    "The opposition pressed the government for an early vote.",
    "Farmers want the ministry to scrap the new levy.",
])
def test_an_appeal_guess_with_a_word_of_asking_stands(nlp, text):
    assert judge(_sent(nlp, text), "02", gate_words(), DEFAULT_GATES).blocked != "ask_cue"


def test_the_gates_leave_other_roots_and_can_be_turned_off(nlp):
    sent = _sent(nlp, "The band's farewell tour has sold more than two million tickets across Europe.")
    assert judge(sent, "04", gate_words(), DEFAULT_GATES).blocked not in ("aid_cue", "ask_cue")
    assert {"aid_cue", "ask_cue"} <= set(GATES)
    assert judge(sent, "07", gate_words(), DEFAULT_GATES - {"aid_cue"}).blocked != "aid_cue"
