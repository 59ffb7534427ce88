"""The fetcher against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import time

import pytest

from flashpoint.errors import FetchError
from flashpoint.ingest import Fetcher, ValidatorCache

from .conftest import ARTICLE_HTML, Route

pytestmark = pytest.mark.network

HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_loopback_is_refused_by_default(server):
    server.routes["/"] = Route(200, b"secret", HTML)
    with Fetcher() as f, pytest.raises(FetchError, match="--allow-private"):
        f.fetch(server.url("/"))
    assert server.hits == []  # refused before any connection


def test_page_and_redirects(server):
    server.routes["/story"] = Route(200, ARTICLE_HTML.encode(), HTML)
    server.routes["/old"] = Route(301, b"", {"Location": "/story"})
    server.routes["/loop1"] = Route(302, b"", {"Location": "/loop2"})
    server.routes["/loop2"] = Route(302, b"", {"Location": "/loop1"})
    with Fetcher(allow_private=True) as f:
        result = f.fetch(server.url("/old"))
        assert result.final_url == server.url("/story") and b"Envoys" in result.body
        with pytest.raises(FetchError, match="redirect loop"):
            f.fetch(server.url("/loop1"))
        with pytest.raises(FetchError, match="HTTP 404"):
            f.fetch(server.url("/missing"))


def test_slow_server_times_out(server):
    server.routes["/slow"] = Route(200, b"late", HTML, delay=3)
    with Fetcher(allow_private=True, read_timeout=0.5) as f:
        start = time.monotonic()
        with pytest.raises(FetchError, match="timed out"):
            f.fetch(server.url("/slow"))
        assert time.monotonic() - start < 2.5


def test_dripping_server_hits_the_total_deadline(server):
    server.routes["/drip"] = Route(200, b"x" * 40_000, {"Content-Type": "text/plain"}, drip=0.1)
    with Fetcher(allow_private=True, read_timeout=5, total_timeout=1.0) as f:
        start = time.monotonic()
        with pytest.raises(FetchError, match="gave up"):
            f.fetch(server.url("/drip"))
        assert time.monotonic() - start < 3


def test_big_body_is_cut_off(server):
    server.routes["/big"] = Route(200, b"", {"Content-Type": "text/html"}, chunks=50)  # 50 MB, no length
    server.routes["/declared"] = Route(200, b"y" * 6_000_000, {"Content-Type": "text/html"})
    with Fetcher(allow_private=True) as f:
        start = time.monotonic()
        with pytest.raises(FetchError, match="stopped reading"):
            f.fetch(server.url("/big"))
        with pytest.raises(FetchError, match="exceeds the 5000000-byte limit"):
            f.fetch(server.url("/declared"))
        assert time.monotonic() - start < 10


def test_binary_and_etag(server, tmp_path):
    server.routes["/img"] = Route(200, b"\x89PNG\x00", {"Content-Type": "image/png"})

    def feed(handler):
        if handler.headers.get("If-None-Match") == '"abc"':
            return Route(304, b"", {})
        return Route(200, b"<rss/>", {"Content-Type": "application/rss+xml", "ETag": '"abc"'})

    server.routes["/feed"] = feed
    with Fetcher(allow_private=True, cache=ValidatorCache(tmp_path / "v.json")) as f:
        with pytest.raises(FetchError, match="not text"):
            f.fetch(server.url("/img"))
        f.remember(f.fetch(server.url("/feed"), conditional=True))
        assert f.fetch(server.url("/feed"), conditional=True).not_modified
