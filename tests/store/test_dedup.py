"""Deduplication keys: canonical URLs, content hashes, MinHash and LSH bands."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashpoint.store import dedup


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://News.Example.COM:443/a/b/?utm_source=x&b=2&a=1#top", "https://news.example.com/a/b?a=1&b=2"),
        ("http://example.com:80/", "http://example.com"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("https://example.com/x?fbclid=1&gclid=2&mc_cid=3&ref=rss&UTM_Medium=m", "https://example.com/x"),
        ("https://user:pw@example.com/x", "https://example.com/x"),
        ("https://example.com/x?q=a%20b&q=c", "https://example.com/x?q=a+b&q=c"),
        ("https://[2001:db8::1]:443/x", "https://[2001:db8::1]/x"),
        ("not a url", "not a url"),
        ("", ""),
        ("http://[::1", "http://[::1"),
        ("http://example.com:99999/", "http://example.com:99999/"),
        ("/relative/path/", "/relative/path/"),
    ],
)
def test_canonical_url(url, expected):
    assert dedup.canonical_url(url) == expected


@given(st.text(max_size=200))
def test_canonical_url_never_raises_and_is_stable(url):
    once = dedup.canonical_url(url)
    assert dedup.canonical_url(once) == once or "://" in url


def test_canonical_url_huge():
    url = "https://example.com/" + "a" * 100_000 + "?utm_source=x&" + "k=v&" * 10_000
    assert dedup.canonical_url(url).startswith("https://example.com/aaa")


def test_content_hash_ignores_case_and_spacing():
    assert dedup.content_hash("Troops  crossed\nthe Border") == dedup.content_hash("troops crossed the border ")
    assert dedup.content_hash("a") != dedup.content_hash("b")
    assert len(dedup.content_hash("")) == 64
    assert dedup.content_hash("lone \ud800") == dedup.content_hash("LONE \ud800")


def test_minhash_and_bands():
    words = [f"w{i}" for i in range(400)]
    a = dedup.minhash(" ".join(words))
    b = dedup.minhash(" ".join(words[:-5] + ["x", "y"]))
    c = dedup.minhash(" ".join(f"z{i}" for i in range(400)))
    assert len(a) == dedup.NUM_PERM
    assert dedup.jaccard(a, b) >= dedup.THRESHOLD
    assert dedup.jaccard(a, c) < 0.2
    assert set(dedup.lsh_bands(a)) & set(dedup.lsh_bands(b))
    assert not set(dedup.lsh_bands(a)) & set(dedup.lsh_bands(c))
    assert dedup.minhash(" ".join(words)) == a  # fixed seed: stable across runs


@pytest.mark.parametrize("text", ["", "   \n\t", "!!! ... ???"])
def test_minhash_of_wordless_text_is_empty(text):
    assert dedup.minhash(text) == ()
    assert dedup.lsh_bands(()) == []
    assert dedup.jaccard((), ()) == 0.0


def test_short_text_is_one_shingle():
    assert dedup.shingles("Russia attacked") == {"russia attacked"}


def test_signature_packing_round_trips_and_rejects_garbage():
    sig = dedup.minhash("one two three four five six seven")
    assert dedup.unpack_signature(dedup.pack_signature(sig)) == sig
    for junk in (None, "", "zz", "abc", "0" * 7):
        assert dedup.unpack_signature(junk) == ()


def test_best_match_prefers_most_similar_then_smallest_id():
    sig = tuple(range(128))
    close = sig[:120] + (0,) * 8
    assert dedup.best_match(sig, [("b", sig), ("a", sig), ("c", close)]) == "a"
    assert dedup.best_match(sig, [("x", (0,) * 128)]) is None
