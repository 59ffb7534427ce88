"""The feed poller: rounds, only new entries coded, one bad feed never stops it."""

from __future__ import annotations

import httpx
import pytest

from flashpoint.errors import UsageError
from flashpoint.ingest import Fetcher, ValidatorCache, parse_duration, read_feed_list, watch

from .conftest import ARTICLE_HTML, Route, rss
from .fakes import CountingCoder


class Wire:
    """A fake news site whose feed grows between rounds."""

    def __init__(self) -> None:
        self.items = [("One", "https://wire.example/1", "t")]
        self.requests: list[str] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        self.requests.append(path)
        if path == "/feed":
            body = rss(self.items)
            tag = f'"{len(self.items)}"'
            if request.headers.get("if-none-match") == tag:
                return httpx.Response(304)
            return httpx.Response(200, text=body, headers={"content-type": "application/rss+xml", "etag": tag})
        if path == "/down":
            return httpx.Response(503, text="maintenance")
        if path == "/garbage":
            return httpx.Response(200, text="<<<>>>\x01", headers={"content-type": "application/rss+xml"})
        if path.strip("/").isdigit():
            n = path.strip("/")
            return httpx.Response(200, text=ARTICLE_HTML.replace("crossing point", f"crossing point {n}"),
                                  headers={"content-type": "text/html"})
        return httpx.Response(404)


def test_watch_codes_only_new_entries_and_survives_bad_feeds(store, settings, tmp_path):
    wire = Wire()
    coder = CountingCoder()
    cache = ValidatorCache(tmp_path / "v.json")
    fetcher = Fetcher(transport=httpx.MockTransport(wire.handler), resolver=lambda h, p: ["93.184.216.34"], cache=cache)
    feeds = ["https://wire.example/down", "https://wire.example/garbage", "https://wire.example/feed"]
    rounds: list = []
    naps: list[float] = []

    def on_round(number, report):
        rounds.append(report)
        if number == 1:
            wire.items.append(("Two", "https://wire.example/2", "t"))

    total = watch(feeds, 600, store, coder, settings, fetcher=fetcher, rounds=3, on_round=on_round, sleep=naps.append)
    fetcher.close()
    assert [r.new for r in rounds] == [1, 1, 0]
    assert all(r.failures == 2 for r in rounds)  # the down and the garbage feed, every round
    assert total.new == 2 and len(naps) == 2 and all(0 < n <= 600 for n in naps)
    assert wire.requests.count("/1") == 1  # the old entry is not fetched again
    assert sum(len(b) for b in coder.batches) == 2
    assert (tmp_path / "v.json").exists()


@pytest.mark.network
def test_a_slow_feed_is_a_failure_for_that_feed_only(store, settings, server):
    server.routes["/slow"] = Route(200, b"<rss/>", {"Content-Type": "application/rss+xml"}, delay=2)
    server.routes["/feed"] = Route(200, rss([("A", server.url("/a"), "x" * 10)]).encode(), {"Content-Type": "application/rss+xml"})
    server.routes["/a"] = Route(200, ARTICLE_HTML.encode(), {"Content-Type": "text/html"})
    with Fetcher(allow_private=True, read_timeout=0.5) as fetcher:
        total = watch([server.url("/slow"), server.url("/feed")], 1, store, CountingCoder(), settings,
                      fetcher=fetcher, rounds=1)
    assert total.new == 1 and total.failures == 1
    assert "timed out" in store.failures()[0].reason


@pytest.mark.parametrize("text,seconds", [("90", 90), ("90s", 90), ("10m", 600), ("1.5h", 5400), ("1d", 86400), (" 2 MIN ", 120)])
def test_parse_duration(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "-5m", "10 parsecs", "m", "1e9"])
def test_parse_duration_rejects(text):
    with pytest.raises(UsageError, match="duration"):
        parse_duration(text)


def test_read_feed_list(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# wires\nhttps://a.example/rss  # main\n\nhttps://b.example/atom#frag\nhttps://a.example/rss\n")
    assert read_feed_list(path) == ["https://a.example/rss", "https://b.example/atom#frag"]
    path.write_text("# nothing\n")
    with pytest.raises(UsageError, match="lists no feed"):
        read_feed_list(path)
    path.write_text("https://ok.example/\nnot a url\n")
    with pytest.raises(UsageError, match="feeds.txt:2"):
        read_feed_list(path)
    with pytest.raises(UsageError, match="cannot read"):
        read_feed_list(tmp_path / "missing.txt")
