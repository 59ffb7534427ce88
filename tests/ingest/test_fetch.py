"""The safe fetcher against httpx.MockTransport (no sockets)."""

from __future__ import annotations

import httpx
import pytest

from flashpoint.errors import FetchError, UsageError
from flashpoint.ingest import Fetcher, ValidatorCache, is_public

PUBLIC = "93.184.216.34"


def resolver_for(table: dict[str, list[str]]):
    def resolve(host: str, port: int) -> list[str]:
        return table.get(host, [PUBLIC])
    return resolve


def fetcher(handler, **kwargs) -> Fetcher:
    kwargs.setdefault("resolver", resolver_for({}))
    return Fetcher(transport=httpx.MockTransport(handler), **kwargs)


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "224.0.0.1",
    "240.0.0.1", "100.64.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "fe80::1%eth0",
])
def test_non_public_addresses(address):
    assert not is_public(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946"])
def test_public_addresses(address):
    assert is_public(address)


def test_fetch_pins_the_checked_address_and_keeps_the_host_name():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers["host"], request.extensions.get("sni_hostname")))
        return httpx.Response(200, text="<p>hello</p>", headers={"content-type": "text/html; charset=utf-8"})

    with fetcher(handler) as f:
        result = f.fetch("https://news.example/story?id=1")
    assert result.body == b"<p>hello</p>" and result.charset == "utf-8" and result.content_type == "text/html"
    assert seen == [(f"https://{PUBLIC}/story?id=1", "news.example", "news.example")]


@pytest.mark.parametrize("url,message", [
    ("ftp://news.example/x", "only http and https"),
    ("file:///etc/passwd", "only http and https"),
    ("javascript:alert(1)", "only http and https"),
    ("http:///nohost", "no host"),
    ("http://[::1", "malformed URL"),
    ("http://127.0.0.1/admin", "non-public address 127.0.0.1"),
    ("http://[::1]:8080/", "non-public address ::1"),
    ("http://intranet.example/", "non-public address 10.0.0.5"),
    ("http://mixed.example/", "non-public address 192.168.0.1"),
])
def test_refused_urls(url, message):
    resolve = resolver_for({"intranet.example": ["10.0.0.5"], "mixed.example": [PUBLIC, "192.168.0.1"]})
    with fetcher(lambda r: httpx.Response(200, text="x"), resolver=resolve) as f:
        with pytest.raises(FetchError, match=message.replace("[", r"\[")):
            f.fetch(url)


def test_allow_private_lets_intranet_through():
    resolve = resolver_for({"intranet.example": ["10.0.0.5"]})
    with fetcher(lambda r: httpx.Response(200, text="ok"), resolver=resolve, allow_private=True) as f:
        assert f.fetch("http://intranet.example/").body == b"ok"


def test_redirects_are_followed_and_each_hop_checked():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/a":
            return httpx.Response(301, headers={"location": "/b"})
        if request.url.path == "/b":
            return httpx.Response(302, headers={"location": "http://evil.example/c"})
        return httpx.Response(200, text="final")

    resolve = resolver_for({"evil.example": ["169.254.169.254"]})
    with fetcher(handler, resolver=resolve) as f:
        with pytest.raises(FetchError, match="non-public address 169.254.169.254"):
            f.fetch("http://news.example/a")
    with fetcher(handler) as f:
        result = f.fetch("http://news.example/a")
    assert result.final_url == "http://evil.example/c" and result.body == b"final"


def test_redirect_to_a_literal_private_address_is_refused():
    handler = lambda r: httpx.Response(307, headers={"location": "http://127.0.0.1:6379/"})  # noqa: E731
    with fetcher(handler) as f, pytest.raises(FetchError, match="non-public"):
        f.fetch("http://news.example/")


def test_redirect_limits():
    loop = lambda r: httpx.Response(302, headers={"location": r.url.path})  # noqa: E731
    with fetcher(loop) as f, pytest.raises(FetchError, match="redirect loop"):
        f.fetch("http://news.example/x")

    def chain(request: httpx.Request) -> httpx.Response:
        n = int(request.url.path.strip("/") or 0)
        return httpx.Response(302, headers={"location": f"/{n + 1}"})

    with fetcher(chain, max_redirects=3) as f, pytest.raises(FetchError, match="more than 3 redirects"):
        f.fetch("http://news.example/0")
    with fetcher(lambda r: httpx.Response(302), max_redirects=3) as f, pytest.raises(FetchError, match="without a Location"):
        f.fetch("http://news.example/0")


@pytest.mark.parametrize("status", [400, 403, 404, 410, 429, 500, 502, 503])
def test_http_errors(status):
    with fetcher(lambda r: httpx.Response(status, text="no")) as f, pytest.raises(FetchError, match=f"HTTP {status}"):
        f.fetch("http://news.example/")


@pytest.mark.parametrize("ctype", ["image/png", "application/pdf", "application/octet-stream", "video/mp4"])
def test_non_text_is_refused(ctype):
    with fetcher(lambda r: httpx.Response(200, content=b"\x89PNG", headers={"content-type": ctype})) as f:
        with pytest.raises(FetchError, match="not text"):
            f.fetch("http://news.example/")


def test_oversize_bodies_are_refused():
    big = lambda r: httpx.Response(200, content=b"a" * 2000, headers={"content-type": "text/plain"})  # noqa: E731
    with fetcher(big, max_bytes=1000) as f, pytest.raises(FetchError, match="1000-byte limit"):
        f.fetch("http://news.example/")

    def streamed(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"a" * 600, b"b" * 600]), headers={"content-type": "text/plain"})

    with fetcher(streamed, max_bytes=1000) as f, pytest.raises(FetchError, match="stopped reading"):
        f.fetch("http://news.example/")


def test_timeouts_and_connection_errors_become_fetch_errors():
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with fetcher(slow) as f, pytest.raises(FetchError, match="timed out"):
        f.fetch("http://news.example/")

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with fetcher(refused) as f, pytest.raises(FetchError, match="ConnectError"):
        f.fetch("http://news.example/")


def test_conditional_requests(tmp_path):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304)
        return httpx.Response(200, text="feed", headers={"etag": '"v1"', "last-modified": "Fri, 12 Nov 2021 08:00:00 GMT"})

    path = tmp_path / "validators.json"
    with fetcher(handler, cache=ValidatorCache(path)) as f:
        first = f.fetch("http://news.example/feed", conditional=True)
        assert not first.not_modified and first.etag == '"v1"'
        again = f.fetch("http://news.example/feed", conditional=True)
        assert not again.not_modified  # not remembered yet: the entries were not stored
        f.remember(first)
        f.cache.save()
    with fetcher(handler, cache=ValidatorCache(path)) as f:  # survives a restart
        assert f.fetch("http://news.example/feed", conditional=True).not_modified
        assert not f.fetch("http://news.example/feed").not_modified  # unconditional


def test_a_file_that_is_not_a_validator_cache_is_refused_not_overwritten(tmp_path):
    path = tmp_path / "v.json"
    for junk in ("{oops", "[]", '{"u": 5}', "\xff"):
        path.write_text(junk)
        with pytest.raises(UsageError, match="not a validator cache"):
            ValidatorCache(path)
    path.write_text('{"u": {"etag": 7}}')  # a cache, with a value of the wrong type: ignored
    assert ValidatorCache(path).headers("u") == {}
