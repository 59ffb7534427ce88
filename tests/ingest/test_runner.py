"""The ingest runner and retry, with a memory store and fake coders."""

from __future__ import annotations

import json

import pytest

from flashpoint.errors import StoreError
from flashpoint.ingest import IngestReport, ListSource, code_batch, ingest, retry
from flashpoint.ingest.document import Note
from flashpoint.store import MemoryStore
from flashpoint.store.base import Failure
from flashpoint.types import Article

from .fakes import CountingCoder, fake_coder


def art(n: int, text: str | None = None, **kw) -> Article:
    return Article(id=f"a{n}", text=text or f"Article {n}: Ruritania met Freedonia in town {n}.", **kw)


def test_new_articles_are_coded_in_batches_and_stored(store, settings):
    coder = CountingCoder()
    report = ingest(ListSource([art(i) for i in range(10)]), store, coder, settings)
    assert (report.seen, report.new, report.events, report.failures) == (10, 10, 10, 0)
    assert [len(b) for b in coder.batches] == [4, 4, 2]
    assert store.counts()["articles"] == 10
    again = ingest(ListSource([art(i) for i in range(10)]), store, coder, settings)
    assert (again.skipped, again.new, len(coder.batches)) == (10, 0, 3)


def test_duplicates_become_copies_even_within_one_batch(store, settings):
    text = "Ruritania met Freedonia at the border on Friday, officials said."
    items = [art(1, text, url="https://a.example/x"), art(2, text, url="https://b.example/y"),
             art(1, text, url="https://a.example/x")]
    report = ingest(ListSource(items), store, fake_coder, settings)
    assert (report.new, report.duplicates, report.skipped) == (1, 1, 1)
    later = ingest(ListSource([art(3, text)]), store, fake_coder, settings)
    assert later.duplicates == 1 and store.counts()["copies"] == 2


def test_coder_errors_and_crashes_cost_one_article(store, settings):
    items = [art(1), art(2, "Please FAIL here."), art(3, "This one will CRASH the coder."), art(4)]
    report = ingest(ListSource(items), store, fake_coder, settings)
    assert (report.new, report.failures) == (2, 2)
    fails = {f.key: f for f in store.failures()}
    assert fails["a2"].reason == "fake coder refused this text" and fails["a2"].stage == "code"
    assert "RuntimeError" in fails["a3"].reason
    assert json.loads(fails["a3"].payload)["article"]["text"] == "This one will CRASH the coder."


def test_code_batch_handles_odd_coders(settings):
    def silent(articles, settings):
        return iter(())

    def strays(articles, settings):
        yield Article(id="stranger", text="x"), [], None
        for a in articles:
            yield a, None, None  # events must be a list
            yield a, [], None  # answered twice

    batch = [art(1), art(2)]
    assert [e for _, _, e in code_batch(batch, silent, settings)] == ["the coder returned no result for this article"] * 2
    errors = [e for _, _, e in code_batch(batch, strays, settings)]
    assert errors == ["coder returned NoneType, not a list of events"] * 2


class FlakyStore(MemoryStore):
    """A memory store whose writes of chosen articles fail."""

    def __init__(self, bad: set[str]) -> None:
        super().__init__()
        self.bad = bad

    def add_article(self, article, events):
        if article.id in self.bad:
            raise StoreError("disk full (test)")
        super().add_article(article, events)


def test_store_errors_are_failures_and_retry_clears_them(settings):
    store = FlakyStore({"a2"})
    report = ingest(ListSource([art(1), art(2), art(3)]), store, fake_coder, settings)
    assert (report.new, report.failures) == (2, 1)
    assert store.failures()[0].stage == "store"
    store.bad.clear()
    redo = retry(store, fake_coder, settings)
    assert redo.new == 1 and store.failures() == [] and store.has_article("a2")


def test_retry_keeps_what_still_fails_and_skips_unretryable(store, settings):
    ingest(ListSource([art(1, "Please FAIL now."), Failure("in.jsonl:3", "parse", "bad JSON"),
                       Note("x.txt", "bytes replaced")]), store, fake_coder, settings)
    assert {f.stage for f in store.failures()} == {"code", "parse", "note"}
    retry(store, fake_coder, settings)
    assert len(store.failures()) == 3
    store.add_failure(Failure("junk", "code", "?", payload="{not json"))
    store.add_failure(Failure("junk2", "code", "?", payload='{"kind": "article", "article": {"bogus": 1}}'))
    retry(store, fake_coder, settings)  # unreadable payloads are left alone, not raised


def test_retry_of_an_article_stored_meanwhile_clears_it(store, settings):
    store.add_failure(Failure("a1", "code", "was down", payload=json.dumps({"kind": "article", "article": {"id": "a1", "text": "t"}})))
    ingest(ListSource([art(1)]), store, fake_coder, settings)
    retry(store, fake_coder, settings)
    assert store.failures() == []


def test_progress_is_called_and_report_adds_up(store, settings):
    seen: list[IngestReport] = []
    report = ingest([ListSource([art(i) for i in range(6)]), ListSource([art(9)])], store, fake_coder, settings, seen.append)
    assert len(seen) >= 3 and seen[-1].seen == 7 == report.seen
    assert report.rate > 0 and (report + report).seen == 14
    assert set(report.to_dict()) >= {"seen", "new", "rate", "elapsed"}


def test_a_broken_store_stops_the_run(settings):
    store = MemoryStore()
    store.close()
    with pytest.raises(StoreError):
        ingest(ListSource([art(1)]), store, fake_coder, settings)


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
def test_a_store_error_in_a_batch_costs_only_that_article(tmp_path, settings, kind):
    """The batch is rolled back and stored again one article at a time, so
    the bad article is the only failure and nothing is stored twice."""
    from flashpoint.store.sqlite import SQLiteStore

    base = MemoryStore if kind == "memory" else SQLiteStore

    class RefusesOne(base):  # a fake: the real store, except for one article
        def add_original(self, article, events):  # what the runner stores articles with
            if article.id == "a5":
                raise StoreError("this disk refuses article a5")
            return super().add_original(article, events)

    store = RefusesOne() if kind == "memory" else RefusesOne.open(tmp_path / "x.db")
    try:
        report = ingest(ListSource([art(i) for i in range(10)]), store, fake_coder, settings)
        assert (report.new, report.failures, report.events) == (9, 1, 9)
        (failure,) = store.failures()
        assert (failure.key, failure.stage, failure.attempts) == ("a5", "store", 1)
        assert "refuses" in failure.reason and json.loads(failure.payload)["article"]["id"] == "a5"
        assert store.counts()["articles"] == 9 and store.counts()["reports"] == 9
    finally:
        store.close()
