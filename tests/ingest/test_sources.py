"""Odds and ends of sources: retrying fetch failures, big feeds, wide encodings, inputs."""

from __future__ import annotations

import httpx

from flashpoint.ingest import FeedSource, Fetcher, FileSource, ListSource, Source, ingest, retry
from flashpoint.ingest.document import decode
from flashpoint.ingest.feeds import MAX_ENTRIES
from flashpoint.ingest.inputs import is_url, open_sources

from .conftest import ARTICLE_HTML, rss
from .fakes import fake_coder
from .test_records import split


class Flaky:
    """A site that is down until switched on."""

    def __init__(self) -> None:
        self.up = False

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if not self.up:
            return httpx.Response(503)
        if request.url.path == "/feed":
            return httpx.Response(200, text=rss([("A", "https://s.example/a", "t")]),
                                  headers={"content-type": "application/rss+xml"})
        return httpx.Response(200, text=ARTICLE_HTML, headers={"content-type": "text/html"})


def test_fetch_failures_are_retried_and_cleared(store, settings):
    site = Flaky()
    with Fetcher(transport=httpx.MockTransport(site), resolver=lambda h, p: ["93.184.216.34"]) as f:
        sources = open_sources(["https://s.example/page"], settings, fetcher=f) + [FeedSource("https://s.example/feed", f)]
        report = ingest(sources, store, fake_coder, settings)
        assert report.failures == 2 and {x.stage for x in store.failures()} == {"fetch"}
        assert retry(store, fake_coder, settings, fetcher=f).failures == 2  # still down: kept
        assert len(store.failures()) == 2 and all(x.attempts == 2 for x in store.failures())
        site.up = True
        again = retry(store, fake_coder, settings, fetcher=f)
    assert again.new + again.duplicates == 2 and store.failures() == []  # the entry links the same page


def test_a_huge_feed_is_capped(settings):
    items = [(f"T{i}", f"https://s.example/{i}", "x" * 1600) for i in range(MAX_ENTRIES + 100)]

    def handler(request):
        return httpx.Response(200, text=rss(items), headers={"content-type": "application/rss+xml"})

    with Fetcher(transport=httpx.MockTransport(handler), resolver=lambda h, p: ["93.184.216.34"]) as f:
        arts, fails, _ = split(FeedSource("https://s.example/feed", f))
    assert len(arts) == MAX_ENTRIES and not fails


def test_wide_encodings_are_not_taken_for_binary():
    text, note = decode("Talks resumed.".encode("utf-16"), "k")
    assert text == "Talks resumed." and note is None
    text, _ = decode("Talks resumed.".encode("utf-16-le"), "k", charset="utf-16-le")
    assert text == "Talks resumed."


def test_inputs_split_into_files_and_urls(tmp_path, settings):
    assert is_url("HTTPS://x.example") and not is_url("ftp://x") and not is_url("news/")
    (tmp_path / "a.txt").write_text("words")
    sources = open_sources([str(tmp_path)], settings)
    assert len(sources) == 1 and isinstance(sources[0], FileSource)
    assert all(isinstance(s, Source) for s in (sources[0], ListSource([])))
