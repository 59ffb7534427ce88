"""The pre-filter: which sentences are parsed, and that it never drops a trigger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.config import Settings
from flashpoint.nlp.prefilter import Triggers, hot_spans, units, words

TRIGGERS = Triggers(
    lemmas_of={"attacked": frozenset({"attack"}), "met": frozenset({"meet"}), "took": frozenset({"take"})},
    free=frozenset({"attack", "meet"}),
    needs={"take": ((frozenset({"hostage", "hostages"}),),)},
)


def kept(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in hot_spans(text, TRIGGERS)]


def test_units_are_lines_and_clear_full_stops():
    text = "Envoys met in Geneva. Mr. Smith said the U.S. Army waited.\nlucknow:\nthe talks went on."
    got = [text[a:b] for a, b in units(text)]
    assert got == ["Envoys met in Geneva. ", "Mr. Smith said the U.S. Army waited.\n", "lucknow:\n", "the talks went on."]
    assert "".join(got) == text


def test_words_keep_hyphenated_words_and_their_parts():
    assert {"air-strikes", "air", "strikes", "police's", "police", "s"} <= words("Air-strikes and the police's")


def test_a_unit_is_kept_for_a_trigger_whose_needs_are_met_nearby():
    assert kept("Rain fell. Troops attacked the town. Markets opened.") == ["Troops attacked the town."]
    assert kept("Rebels took the town. Shops closed.") == []  # "take" needs a hostage
    assert kept("Rebels took twelve. The hostages were freed.") == ["Rebels took twelve."]


def test_a_lemma_is_hot_when_free_or_when_one_pattern_has_what_it_needs():
    assert TRIGGERS.hot_lemma("attack", set())
    assert not TRIGGERS.hot_lemma("take", {"rebels", "took", "twelve"})
    assert TRIGGERS.hot_lemma("take", {"took", "hostages"})
    assert not TRIGGERS.hot_lemma("rain", {"rain"})  # no trigger at all


def test_the_words_a_trigger_needs_are_looked_for_on_its_own_line_only():
    # A sentence never crosses a line break, so "hostages" on the next line cannot be "took"'s object.
    assert kept("Rebels took twelve.\nThe hostages were freed.") == []
    assert kept("Rebels took twelve. The hostages were freed.") == ["Rebels took twelve."]


class FakeBackoff:
    """Codes any text that mentions a riot, as the statistical back-off might."""

    def predict(self, text):
        return "riot" if "riot" in text.lower() else None


def test_a_unit_the_backoff_would_code_is_kept():
    text = "Rain fell.\nA riot broke out near the market.\nShops shut."
    assert [text[a:b].strip() for a, b in hot_spans(text, TRIGGERS)] == []
    assert [text[a:b].strip() for a, b in hot_spans(text, TRIGGERS, backoff=FakeBackoff())] == [
        "A riot broke out near the market."]
    # A line of several units is also read whole (the parser may not cut it where the units do).
    line = "Rain fell. A riot broke out. Shops shut."
    assert hot_spans(line, TRIGGERS, backoff=FakeBackoff()) == [(0, len(line))]


def test_a_unit_that_refers_back_keeps_the_one_before():
    text = "The minister arrived on Monday. Later he met the rebels. Rain fell."
    assert kept(text) == ["The minister arrived on Monday. Later he met the rebels."]


def test_masking_keeps_offsets_line_breaks_and_the_lead():
    from types import SimpleNamespace

    from flashpoint.nlp import prefilter

    res = SimpleNamespace(patterns=object())
    prefilter._TRIGGERS[id(res.patterns)] = (res.patterns, TRIGGERS)
    try:
        text = "Headline\nDateline:\nRain fell all day.\n\nTroops attacked the town. Shops shut.\nShops closed early."
        [(offset, masked)] = prefilter.hot_pieces([(0, text)], res)
        assert offset == 0 and len(masked) == len(text)
        assert masked.split("\n") == ["Headline", "Dateline:", "x" * 18, "", "Troops attacked the town. Shops shut.",
                                      "x" * 19]
        assert prefilter.hot_pieces([(0, "Headline\nRain fell.\nShops closed.")], res) == []  # nothing to parse
        [(_, later)] = prefilter.hot_pieces([(100, "Headline.\nRain fell.\nTroops attacked.")], res)
        assert later == "xxxxxxxxx\nxxxxxxxxxx\nTroops attacked."  # a later chunk has no lead to keep
    finally:
        del prefilter._TRIGGERS[id(res.patterns)]


@pytest.fixture(scope="module")
def resources():
    from flashpoint.pipeline import load_resources

    return load_resources(Settings())


@pytest.mark.slow
def test_forms_come_from_the_lemmatizer_tables(resources):
    from flashpoint.nlp.prefilter import Forms

    forms = Forms(resources.nlp)
    assert {"shoot", "shoots", "shot", "shooting"} <= forms.of("shoot")
    assert {"seize", "seized", "seizes", "seizing"} <= forms.of("seize")
    assert {"air-strike", "air-strikes"} <= forms.of("air-strike")


@pytest.mark.slow
def test_every_trigger_the_extractor_sees_is_a_trigger_word(resources):
    """On the sample corpus: each token the extractor takes as a trigger is in the filter's words."""
    from flashpoint.bench import sample_articles
    from flashpoint.nlp.prefilter import triggers_for

    triggers = triggers_for(resources)
    verbs, nouns = resources.patterns.verb_lemmas, resources.patterns.noun_lemmas
    seen = 0
    for doc in resources.nlp.pipe([a.text for a in sample_articles()]):
        for tok in doc:
            lemma = tok.lemma_.lower()
            if (tok.pos_ in ("VERB", "AUX") and lemma in verbs) or (tok.pos_ in ("NOUN", "PROPN") and lemma in nouns):
                seen += 1
                assert not words(tok.text).isdisjoint(triggers.lemmas_of), (tok.text, lemma)
    assert seen > 200


@pytest.mark.slow
def test_sentences_are_coded_the_same_with_the_filter():
    """One-sentence records (as the gold sets are) give the same events with and without the filter."""
    from flashpoint.pipeline import code_articles

    path = Path(__file__).resolve().parents[1] / "data" / "actor_sentences.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    inputs = [{"id": str(i), "text": r["text"], "date": r.get("date")} for i, r in enumerate(records)]
    # The rules only: the statistical back-off reads every sentence, and a sentence the
    # filter masks is one it never sees (docs/BACKOFF.md says so).
    plain = [[e.to_dict() for e in evs] for _, evs, _ in code_articles(inputs, Settings(backoff=False))]
    filtered = [[e.to_dict() for e in evs] for _, evs, _ in code_articles(inputs, Settings(prefilter=True, backoff=False))]
    assert sum(map(len, plain)) > 20
    assert filtered == plain


@pytest.mark.slow
def test_articles_keep_their_offsets_and_lose_no_event_of_the_sample_corpus():
    from flashpoint.bench import sample_articles
    from flashpoint.pipeline import code_articles

    articles = sample_articles()
    plain = {a.id: evs for a, evs, _ in code_articles(articles, Settings(backoff=False))}
    filtered = {a.id: evs for a, evs, _ in code_articles(articles, Settings(prefilter=True, backoff=False))}
    texts = {a.id: a.text for a in articles}
    for doc, events in filtered.items():
        for e in events:
            assert texts[doc][e.evidence.start:e.evidence.end].strip() == e.evidence.sentence.strip()
    key = lambda evs: {(e.doc_id, e.cameo, e.evidence.start) for e in evs}  # noqa: E731
    lost = set().union(*map(key, plain.values())) - set().union(*map(key, filtered.values()))
    assert not lost
