"""An irregular past the small model tags as a present form gets its lemma from the
lemmatizer's own table of irregular forms; a form that is a verb of its own keeps its."""

from __future__ import annotations

import pytest

from flashpoint.config import Settings
from flashpoint.pipeline import load_resources


@pytest.mark.slow
@pytest.mark.parametrize("text, word, lemma", [
    ("Azerbaijani troops retook three villages.", "retook", "retake"),
    ("Rebels will lay down their weapons.", "lay", "lay"),
])
def test_irregular_past_lemmas(text, word, lemma):
    doc = load_resources(Settings()).nlp(text)
    (tok,) = [t for t in doc if t.text == word]
    assert tok.lemma_ == lemma
