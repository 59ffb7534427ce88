"""The runner with the real coder (loads the spaCy model)."""

from __future__ import annotations

import pytest

from flashpoint.config import Settings
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


@pytest.mark.parametrize("fault", [ImportError("no module named 'flashpoint.coding.broken'"), SyntaxError("invalid syntax")])
def test_a_broken_install_is_raised_not_recorded_per_document(monkeypatch, fault):
    # One bad document becomes an error row; a module that will not import is no document's fault
    # and must stop the run loudly rather than leave every record empty.
    pipeline = pytest.importorskip("flashpoint.pipeline")

    def broken(*args, **kwargs):
        raise fault

    monkeypatch.setattr(pipeline, "code_doc", broken)
    with pytest.raises(type(fault)):
        list(pipeline.code_articles([Article(id="b1", text="Chad closed its border with Sudan.", date="2024-01-02")], Settings()))


def test_one_failing_document_is_an_error_row_and_the_next_is_coded(monkeypatch):
    pipeline = pytest.importorskip("flashpoint.pipeline")
    real = pipeline.code_doc

    def flaky(doc, *args, **kwargs):
        if "Chad" in doc.text:
            raise ValueError("a fault of this document")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(pipeline, "code_doc", flaky)
    out = list(pipeline.code_articles([Article(id="e1", text="Chad closed its border with Sudan.", date="2024-01-02"),
                                       Article(id="e2", text="Kenya recalled its ambassador to Uganda.", date="2024-01-02")], Settings()))
    assert out[0][2] and "ValueError" in out[0][2] and out[0][1] == []
    assert out[1][2] is None and out[1][1]
