"""Extraction reads some word attributes off the document's arrays instead of
Tokens (nlp/extract.py, ``_word_arrays``): the same words and the same answers.
Sentences written for this project."""

from __future__ import annotations

from flashpoint.nlp.extract import _noun_key, _phrase_bounds, _trigger_words

TEXT = (
    "Rebels shelled the port city on Monday, and the army's cease-fire collapsed.\n"
    "Protesters marched to their parliament; police fired tear gas at the crowd.\n"
    "The minister's anti-corruption drive angered the ruling party, its spokesman said."
)


def test_trigger_words_are_every_word_the_full_test_can_keep(nlp):
    doc = nlp(TEXT)
    verbs = frozenset({"shell", "march", "fire", "anger", "say", "collapse"})
    nouns = frozenset({"cease-fire", "anti-corruption", "drive", "gas"})
    for sent in doc.sents:
        kept = {t.i for t in _trigger_words(doc, sent, verbs, nouns)}
        full = {t.i for t in sent if (t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in verbs)
                or (t.pos_ in ("NOUN", "PROPN") and _noun_key(t) in nouns)}
        assert full <= kept  # the caller tests each kept word in full
        assert all(doc[i].pos_ in ("VERB", "AUX", "NOUN", "PROPN") for i in kept)


def test_phrase_bounds_drop_edge_punctuation_as_the_tokens_say(nlp):
    doc = nlp(TEXT)
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        left, right = _phrase_bounds(tok)
        assert left <= tok.i <= right
        assert left == tok.i or not doc[left].is_punct
        assert right == tok.i or not doc[right].is_punct
