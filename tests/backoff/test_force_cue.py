"""The back-off's force gate: a guess of force (roots 18-20) needs a word of violence."""

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
    "The leave of all senior police officers in the district has been cancelled.",
    "The order was signed by the deputy commissioner of police on Friday.",
    "A senior police officer said both groups were to blame.",
])
@pytest.mark.parametrize("root", ["18", "19", "20"])
def test_a_force_guess_without_a_word_of_violence_is_no_event(nlp, text, root):
    assert judge(_sent(nlp, text), root, gate_words(), DEFAULT_GATES).blocked == "force_cue"


@pytest.mark.parametrize("text", [
    "Police opened fire on the mob near the bus stand, witnesses said.",
    "Two constables were injured when villagers pelted stones at them.",
    "Gunmen ambushed a convoy on the highway outside the town.",
    "Militants stormed a checkpoint before dawn.",
])
def test_a_force_guess_with_a_word_of_violence_stands(nlp, text):
    assert judge(_sent(nlp, text), "18", gate_words(), DEFAULT_GATES).blocked != "force_cue"


def test_the_gate_leaves_other_roots_and_can_be_turned_off(nlp):
    sent = _sent(nlp, "The leave of all senior police officers in the district has been cancelled.")
    assert judge(sent, "17", gate_words(), DEFAULT_GATES).blocked != "force_cue"
    assert "force_cue" in GATES
    assert judge(sent, "18", gate_words(), DEFAULT_GATES - {"force_cue"}).blocked != "force_cue"
