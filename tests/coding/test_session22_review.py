"""Review of session 22's changes: a Coder reused across documents keeps nothing of the last one."""

from __future__ import annotations

from datetime import date

from flashpoint.coding.coder import Coder
from flashpoint.coding.patterns import load_patterns
from flashpoint.nlp.extract import extract_candidates
from flashpoint.nlp.quotes import find_quotes

from .fake_kb import FakeKB


def test_session22_coder_keeps_no_stake_words_past_a_document(nlp):
    ps = load_patterns()
    coder = Coder(ps, FakeKB())
    for text in ("Russia sent troops to Belarus.",
                 "China imposed sanctions on US defence firms over arms sales to Taiwan."):
        doc = nlp(text)
        cands = extract_candidates(doc, ps.verb_lemmas, ps.noun_lemmas, ps.reporting, find_quotes(doc.text))
        assert cands
        assert coder.code_document(cands, date(2024, 5, 2)), "coded, so its stake words were asked for"
        assert coder._stakes == {}, "the last document's candidates (and their parse) kept by the coder"
