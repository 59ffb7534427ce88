"""The runner with the real coder (loads the spaCy model)."""

from __future__ import annotations

import pytest

from flashpoint.ingest import ListSource, ingest
from flashpoint.types import Article


@pytest.mark.slow
def test_real_coder_through_the_runner(store, settings):
    pipeline = pytest.importorskip("flashpoint.pipeline")
    items = [
        Article(id="r1", text="Ruritanian troops attacked a border post in Freedonia on Monday.", date="2021-11-12"),
        Article(id="r2", text="", date="2021-11-12"),  # an empty text must not sink the batch
        Article(id="r3", text="The weather was mild.", date="2021-11-12"),
    ]
    report = ingest(ListSource(items), store, pipeline.code_articles, settings)
    assert report.seen == 3 and report.new + report.failures == 3
    assert store.has_article("r1") and store.has_article("r3")
