"""Feeds and page URLs as sources, through MockTransport."""

from __future__ import annotations

import httpx
import pytest

from flashpoint.errors import InputError
from flashpoint.ingest import FeedSource, Fetcher, UrlSource, looks_like_feed, parse_feed
from flashpoint.ingest.document import article_id

from .conftest import ARTICLE_HTML, rss
from .test_records import split

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Wire</title><id>urn:x</id><updated>2021-11-12T08:00:00Z</updated>
<entry><title>Full story</title><id>urn:1</id><link href="https://news.example/full"/>
<updated>2021-11-13T08:00:00Z</updated><content type="html">&lt;p&gt;{body}&lt;/p&gt;</content></entry>
</feed>"""


def site(pages: dict[str, tuple[int, str, str]]) -> Fetcher:
    def handler(request: httpx.Request) -> httpx.Response:
        status, ctype, body = pages.get(request.url.path, (404, "text/plain", "missing"))
        return httpx.Response(status, text=body, headers={"content-type": ctype})

    return Fetcher(transport=httpx.MockTransport(handler), resolver=lambda h, p: ["93.184.216.34"])


FEED = rss([
    ("Envoys meet", "https://news.example/story", "Short teaser."),
    ("Gone", "https://news.example/gone", "Teaser two."),
    ("Picture", "https://news.example/pic", "Teaser three."),
])
PAGES = {
    "/feed.xml": (200, "application/rss+xml", FEED),
    "/story": (200, "text/html", ARTICLE_HTML),
    "/gone": (500, "text/plain", "oops"),
    "/pic": (200, "image/jpeg", "xx"),
    "/atom": (200, "application/xml", ATOM.format(body="The ministers met. " * 100)),
    "/page": (200, "text/html; charset=utf-8", ARTICLE_HTML),
    "/plain": (200, "text/plain", "Plain words about talks."),
    "/junkfeed": (200, "application/rss+xml", "<rss><channel><item><title>x</ti"),
    "/notfeed": (200, "application/rss+xml", "just words, no markup at all"),
}


def test_rss_entries_fetch_their_pages_and_keep_their_own_text_when_a_link_fails():
    with site(PAGES) as f:
        arts, fails, notes = split(FeedSource("https://news.example/feed.xml", f, max_chars=10_000))
    assert len(arts) == 3 and fails == []
    art = arts[0]
    assert art.url == "https://news.example/story" and art.id == article_id(art.url, "", None)
    assert art.title == "Envoys meet" and art.outlet == "Test Wire" and art.date == "2021-11-12"
    assert "crossing point" in art.text
    gone = arts[1]
    assert gone.url == "https://news.example/gone" and gone.text == "Teaser two." and gone.title == "Gone"
    assert [n.key for n in notes] == ["https://news.example/gone", "https://news.example/pic"]
    assert all("coded the feed entry's own text" in n.reason for n in notes)


def test_an_entry_without_text_whose_link_fails_is_a_fetch_failure():
    feed = rss([("Empty", "https://news.example/gone", "")])
    with site({**PAGES, "/empty.xml": (200, "application/rss+xml", feed)}) as f:
        arts, fails, _ = split(FeedSource("https://news.example/empty.xml", f, max_chars=10_000))
    assert arts == [] and [(x.key, x.stage) for x in fails] == [("https://news.example/gone", "fetch")]
    assert '"kind": "url"' in fails[0].payload and '"title": "Empty"' in fails[0].payload


def test_atom_full_content_is_used_without_fetching():
    with site(PAGES) as f:
        arts, fails, _ = split(FeedSource("https://news.example/atom", f))
    assert not fails and arts[0].text.startswith("The ministers met.")
    assert arts[0].date == "2021-11-13" and arts[0].outlet == "Atom Wire"


def test_seen_entries_are_not_fetched():
    fetched = []
    pages = dict(PAGES)

    def handler(request):
        fetched.append(request.url.path)
        status, ctype, body = pages.get(request.url.path, (404, "text/plain", "x"))
        return httpx.Response(status, text=body, headers={"content-type": ctype})

    known = {article_id("https://news.example/story", "", None)}
    with Fetcher(transport=httpx.MockTransport(handler), resolver=lambda h, p: ["93.184.216.34"]) as f:
        list(FeedSource("https://news.example/feed.xml", f, seen=known.__contains__))
    assert "/story" not in fetched and "/gone" in fetched


def test_malformed_and_fake_feeds():
    with site(PAGES) as f:
        _, fails, _ = split(FeedSource("https://news.example/notfeed", f))
        assert fails[0].stage == "parse" and "not an RSS or Atom feed" in fails[0].reason
        _, fails, _ = split(FeedSource("https://news.example/nothing", f))
        assert fails[0].stage == "fetch" and '"kind": "feed"' in fails[0].payload
        arts, fails, _ = split(FeedSource("https://news.example/junkfeed", f))
        assert not arts  # a truncated feed gives what it can, here nothing useful


def test_url_source_pages_text_and_feed_detection():
    urls = ["https://news.example/page", "https://news.example/plain", "https://news.example/feed.xml",
            "https://news.example/gone", "ftp://news.example/x"]
    with site(PAGES) as f:
        arts, fails, _ = split(UrlSource(urls, f))
    assert arts[0].title == "Envoys meet at the border" and arts[0].outlet == "The Test Gazette"
    assert arts[1].text == "Plain words about talks." and arts[1].title is None
    assert arts[2].title == "Envoys meet"  # from the feed found at the third URL
    assert {x.key for x in fails} >= {"https://news.example/gone", "ftp://news.example/x"}


@pytest.mark.parametrize("body,ctype,expected", [
    (b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0">', None, True),
    (b"\xef\xbb\xbf<feed xmlns='http://www.w3.org/2005/Atom'>", "text/xml", True),
    (b"<rdf:RDF xmlns:rdf='x'>", None, True),
    (b"<!doctype html><html>", "text/html", False),
    (b"", "application/atom+xml", True),
    (b"plain", None, False),
])
def test_looks_like_feed(body, ctype, expected):
    assert looks_like_feed(body, ctype) is expected


def test_parse_feed_never_opens_names_itself(tmp_path):
    path = tmp_path / "local.xml"
    path.write_text(rss([("t", "https://x.example/", "d")]))
    with pytest.raises(InputError):
        parse_feed(str(path).encode(), "k")  # a path as bytes is data, not a file to open


def test_relative_entry_links_resolve_against_the_feed():
    feed = rss([("Rel", "/story", "teaser")])
    with site({**PAGES, "/news/feed": (200, "application/rss+xml", feed)}) as f:
        arts, fails, _ = split(FeedSource("https://news.example/news/feed", f))
    assert not fails and arts[0].url == "https://news.example/story"
