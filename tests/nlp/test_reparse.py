"""Headlines and captions the small model reads without a verb are parsed again
with a hint; offsets map back to the original text. Sentences written for this
project."""

from __future__ import annotations

import pytest

from flashpoint.nlp.reparse import HINT, Variant, _verb_forms


def test_offsets_map_back_around_the_hint():
    v = Variant(doc=None, start=100, insert_at=6, length=30)
    assert v.char(0) == 100 and v.char(5) == 105
    assert v.char(6 + len(HINT)) == 106  # the word after the hint starts where it did
    assert v.char(8) == 106  # inside the hint: its place
    assert v.char(20) == 120 - len(HINT)


def test_verb_forms_of_a_present_tense_word():
    assert "order" in _verb_forms("orders")
    assert "accuse" in _verb_forms("accuses")
    assert "deny" in _verb_forms("denies")
    assert "fire" in _verb_forms("fire")


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, source, target", [
    ("Police fire tear gas at protesters in Nairobi", "fire", "KEN", "KEN"),
    ("Chinese President Xi Jinping talks with Brazilian President Lula da Silva during a meeting in Beijing.",
     "talks", "CHN", "BRA"),
])
def test_a_verbless_headline_or_caption_is_coded(text, trigger, source, target):
    from flashpoint.pipeline import code_text

    events = code_text(text, date="2024-05-02", doc_id="h")
    hit = [e for e in events if e.evidence.trigger == trigger]
    assert any(e.source.country == source and e.target and e.target.country == target for e in hit), events
    for e in hit:  # evidence and offsets are the original text's, without the hint
        assert e.evidence.sentence.strip() == text
        assert e.evidence.start == 0


@pytest.mark.slow
def test_prose_with_a_verb_is_parsed_once():
    from flashpoint.config import Settings
    from flashpoint.coding.coder import triggers
    from flashpoint.nlp.reparse import reparse
    from flashpoint.pipeline import load_resources

    res = load_resources(Settings())
    doc = res.nlp("Russia sent troops to the border. The talks ended.")
    assert reparse(res.nlp, doc, triggers(res.patterns).verbs) == {}
    doc = res.nlp("Niger junta orders French ambassador out\n\nThe talks ended.")
    assert set(reparse(res.nlp, doc, triggers(res.patterns).verbs)) == {0}
