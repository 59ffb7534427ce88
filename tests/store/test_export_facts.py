"""The mention facts on the events row (``first_url``, ``outlets``): the
recount keeps them equal to what the event's mentions say, and migration
0124 fills them in a store written before it."""

from __future__ import annotations

import json

import pytest

from flashpoint.store import open_store
from flashpoint.store.base import EventFilter
from flashpoint.store.exports.table import mentions_outlets, mentions_url
from flashpoint.store.pages import brief_mentions

from .conftest import fresh_url, make_article, make_event

DB = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _facts(store) -> dict[str, tuple]:
    rows = store._rows("SELECT id, first_url, outlets FROM events")
    return {r["id"]: (r["first_url"], json.loads(r["outlets"])) for r in rows}


def _expected(store) -> dict[str, tuple]:
    """Each event's first URL and outlets as its mentions give them."""
    events = store.events(EventFilter(include_uncounted=True))
    return {e["id"]: (mentions_url(e["mentions"]), mentions_outlets(e["mentions"])) for e in events}


def _fill(store) -> None:
    """One event reported by four articles: the first (by report id) has no
    URL, outlets repeat, sort out of insertion order and include non-ASCII
    and an empty name; and a second event whose only article has neither."""
    reports = [("a1", None, "Zeta Wire"), ("a2", "https://b.example/2", "Émile Post"),
               ("a3", "https://c.example/3", "Zeta Wire"), ("a4", "", "")]
    for i, (doc, url, outlet) in enumerate(reports):
        store.add_article(make_article(doc, url=url, outlet=outlet),
                          [make_event(f"e{i}", doc, trigger=f"visited{i}")])
    store.add_article(make_article("b1", url=None, outlet=None, date="2022-01-01"),
                      [make_event("f1", "b1", date="2022-01-01", cameo="190", quad=4, goldstein=-10.0)])


@pytest.fixture(params=DB)
def filled_url(request, tmp_path):
    """The URL of a store :func:`_fill` wrote (closed again)."""
    with fresh_url(request.param, tmp_path) as url:
        store = open_store(url)
        try:
            _fill(store)
        finally:
            store.close()
        yield url


def test_the_recount_keeps_the_facts_of_the_mentions(filled_url):
    store = open_store(filled_url)
    try:
        facts = _facts(store)
        assert len(facts) == 2  # the four reports merged into one event
        assert facts == _expected(store)
        assert sorted(facts.values(), key=str) == sorted(
            [("https://b.example/2", ["Zeta Wire", "Émile Post"]), (None, [])], key=str)
        for url, outlets in facts.values():  # brief mentions say the same
            brief = brief_mentions(url, outlets)
            assert (mentions_url(brief), mentions_outlets(brief)) == (url, outlets)
    finally:
        store.close()


def test_migration_fills_the_facts_of_an_older_store(filled_url):
    store = open_store(filled_url)
    try:
        expected = _expected(store)
        # Back to the schema before 0124: the columns gone, the version unapplied.
        with store._transaction():
            store._run("ALTER TABLE events DROP COLUMN first_url")
            store._run("ALTER TABLE events DROP COLUMN outlets")
            store._run("DELETE FROM schema_version WHERE version = 124")
    finally:
        store.close()
    store = open_store(filled_url)
    try:
        assert store.schema_version() >= 124
        assert _facts(store) == expected
    finally:
        store.close()
