"""Fuzzing every parser: hostile bytes give failures, never a stray exception."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from flashpoint.errors import InputError
from flashpoint.ingest import FileSource, looks_like_feed, parse_feed
from flashpoint.ingest.document import Note
from flashpoint.ingest.html import extract_page, html_to_text
from flashpoint.ingest.records import csv_items, json_items, jsonl_items
from flashpoint.store.base import Failure
from flashpoint.types import Article

FAST = hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Bytes that look a little like the format, so the fuzzer reaches past the first check.
json_bits = st.sampled_from([b"{", b"}", b"[", b"]", b'"text"', b'"id"', b'"date"', b":", b",", b'"x"', b"1",
                             b"null", b"true", b"\n", b"\\u0000", b"\xff", b"\x00", b'"2021-11-12"', b"\\"])
csv_bits = st.sampled_from([b"text", b"id", b"date", b",", b'"', b"\n", b"\r", b"\x00", b"\xfe", b"abc", b" "])
html_bits = st.sampled_from([b"<html>", b"<p>", b"</p>", b"<script>", b"<!--", b"-->", b"<![CDATA[", b"&amp;",
                             b"&#0;", b"<title>", b"<meta charset='x'>", b"text ", b"\x00", b"\xc3", b"<", b">",
                             b"<article>", b"<div><div><div>", b"<?xml?>"])
feed_bits = st.sampled_from([b"<?xml version='1.0'?>", b"<rss version='2.0'>", b"<channel>", b"<item>", b"</item>",
                             b"<title>", b"</title>", b"<link>", b"http://x.example/", b"</link>", b"<feed>",
                             b"<entry>", b"<pubDate>", b"Fri, 99 Nov 2021", b"</pubDate>", b"<!ENTITY a 'b'>",
                             b"<!DOCTYPE r [", b"]>", b"&a;", b"<content type='html'>", b"&lt;p&gt;", b"\x00", b"\xff"])


def structured(bits):
    return st.one_of(st.binary(max_size=400), st.lists(bits, max_size=60).map(b"".join))


def check_items(items) -> None:
    for item in items:
        assert isinstance(item, (Article, Failure, Note))
        if isinstance(item, Article):
            assert item.text and item.id and "\x00" not in item.text


@FAST
@given(structured(json_bits))
def test_fuzz_jsonl(data):
    check_items(jsonl_items(io.BytesIO(data), "f.jsonl", 1000))
    check_items(json_items(data, "f.json", 1000))


@FAST
@given(structured(csv_bits))
def test_fuzz_csv(data):
    check_items(csv_items(data, "f.csv", 1000))


@FAST
@given(st.one_of(structured(html_bits), st.text(max_size=300)))
def test_fuzz_html(data):
    html = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    try:
        page = extract_page(html, url="https://x.example/a")
        assert page.text
    except InputError:
        pass
    try:
        html_to_text(html)
    except InputError:
        pass


@FAST
@given(structured(feed_bits))
def test_fuzz_feed(data):
    looks_like_feed(data, None)
    try:
        parse_feed(data, "feed")
    except InputError:
        pass


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".csv"]))
def test_fuzz_files(tmp_path_factory, data, suffix):
    folder = tmp_path_factory.mktemp("fz")
    (folder / f"x{suffix}").write_bytes(data)
    check_items(FileSource([folder], max_chars=500))


def test_billion_laughs_feed_is_harmless():
    bomb = (b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'>"
            + b"".join(b"<!ENTITY %s '%s'>" % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10) for i in range(8))
            + b"]><rss version='2.0'><channel><title>&i;</title><item><title>&i;</title></item></channel></rss>")
    try:
        title, entries = parse_feed(bomb, "bomb")
    except InputError:
        return
    assert len(title or "") < 1_000_000


def test_external_entities_are_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    feed = (f"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file://{secret}'>]>"
            "<rss version='2.0'><channel><title>&x;</title><item><title>t &x;</title>"
            "<link>https://x.example/</link></item></channel></rss>").encode()
    try:
        title, entries = parse_feed(feed, "xxe")
    except InputError:
        return
    assert "TOPSECRET" not in repr((title, entries))


@hsettings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=st.one_of(structured(feed_bits), structured(html_bits)),
    ctype=st.sampled_from([None, "text/html", "application/rss+xml", "text/plain; charset=bogus", "text/xml; charset=utf-16"]),
    status=st.sampled_from([200, 200, 200, 301, 404, 500]),
)
def test_fuzz_web_sources_never_raise(body, ctype, status):
    import httpx

    from flashpoint.ingest import Fetcher, UrlSource

    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"content-type": ctype} if ctype else {}
        if status == 301:
            headers["location"] = "/again"
        return httpx.Response(status, content=body, headers=headers)

    with Fetcher(transport=httpx.MockTransport(handler), resolver=lambda h, p: ["93.184.216.34"]) as f:
        check_items(UrlSource(["https://x.example/a", "https://x.example/feed"], f, max_chars=500))
