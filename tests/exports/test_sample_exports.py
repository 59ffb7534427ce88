"""The sample corpus, coded and stored: ``export_store`` (brief pages for
Parquet and GDELT, the stored mention facts instead of the mentions) writes
what the event dicts with their full mentions give, byte for byte (Parquet:
the same typed table), on SQLite and PostgreSQL."""

from __future__ import annotations

import io

import pyarrow.parquet as pq
import pytest

from flashpoint.bench import sample_articles
from flashpoint.pipeline import code_articles
from flashpoint.store import open_store
from flashpoint.store.base import EventFilter
from flashpoint.store.exports import export, export_store

from ..store.conftest import fresh_url

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def coded():
    out = []
    for article, events, error in code_articles(sample_articles()):
        assert error is None, (article.id, error)
        out.append((article, events))
    return out


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_sample_corpus_exports_from_the_store_as_from_the_dicts(kind, coded, tmp_path):
    with fresh_url(kind, tmp_path) as url:
        store = open_store(url)
        try:
            for article, events in coded:
                store.add_article(article, events)
            everything = EventFilter(include_uncounted=True)
            assert sum(1 for _ in store.events(everything)) > 100
            for fmt in ("gdelt", "csv", "jsonl", "plover"):
                reference, produced = io.StringIO(), io.StringIO()
                export(store.events(everything), fmt, reference)
                export_store(store, everything, fmt, produced)
                assert produced.getvalue() == reference.getvalue(), fmt
            a = export(store.events(everything), "parquet", tmp_path / "ref.parquet")
            b = export_store(store, everything, "parquet", tmp_path / "out.parquet")
            assert (a.written, a.notes) == (b.written, b.notes)
            expected, got = pq.read_table(tmp_path / "ref.parquet"), pq.read_table(tmp_path / "out.parquet")
            assert got.schema.equals(expected.schema) and got.equals(expected)
            assert any(len(o) for o in got.column("outlets").to_pylist())  # the facts are there to compare
        finally:
            store.close()
