"""The bound on any pre-filter: words left under filters that know more (figures not asserted)."""

from __future__ import annotations

import pytest

from flashpoint.bench.filter_bound import Bound


def test_the_ceiling_is_spacy_time_over_the_filter_and_the_coding_left():
    bound = Bound(words=1000, kept={"candidate": 0.8, "pattern": 0.5, "event": 0.2})
    # bare spaCy 10 s; the coder 13 s for all the words; the filter's own decision 0.5 s
    assert bound.ceiling("pattern", 10.0, 13.0, 0.5) == pytest.approx(10.0 / (0.5 + 6.5))
    assert bound.ceiling("event", 10.0, 13.0, 0.5) > bound.ceiling("pattern", 10.0, 13.0, 0.5)
    assert Bound(0, {"event": 0.0}).ceiling("event", 10.0, 13.0, 0.0) == 0.0


@pytest.mark.slow
def test_sentences_are_counted_at_each_level_they_reach():
    from flashpoint.bench.filter_bound import sentence_bound
    from flashpoint.config import Settings
    from flashpoint.pipeline import code_articles, load_resources

    settings = Settings(backoff=False)
    res = load_resources(settings)
    text = "Rain fell on the hills all day long.\nPolice arrested five protesters in Delhi on Monday."
    [(_, events, _)] = list(code_articles([{"id": "a", "text": text, "date": "2020-01-06"}], settings))
    assert events
    bound = sentence_bound([(text, [e.evidence.start for e in events])], res)
    assert bound.words == len(text.split())
    share = len(text.splitlines()[1].split()) / bound.words  # the second line only, at every level
    assert bound.kept == pytest.approx({"candidate": share, "pattern": share, "event": share})
    none = sentence_bound([(text, [])], res)
    assert none.kept["event"] == 0.0 and none.kept["pattern"] == pytest.approx(share)
