"""Conjoined verbs and conjoined demonyms in the extraction (issue 10; spaCy model)."""

from __future__ import annotations

import pytest

from flashpoint.nlp.extract import _clause_flags, expand

pytestmark = pytest.mark.slow


def test_a_past_tense_conjunct_keeps_its_own_tense(nlp):
    doc = nlp("The prime minister said he would send a team to Cairo on Sunday but rejected any deal.")
    rejected = next(t for t in doc if t.lower_ == "rejected")
    send = next(t for t in doc if t.lower_ == "send")
    assert _clause_flags(rejected)["future"] is False
    assert _clause_flags(send)["hypothetical"] or _clause_flags(send)["future"]


def test_a_demonym_keeps_its_compound_words(nlp):
    doc = nlp("South Korean and U.S. forces will hold a drill near the border.")
    forces = next(t for t in doc if t.lower_ == "forces")
    assert [m.text for m in expand(forces, "subj")] == ["South Korean forces", "U.S. forces"]
