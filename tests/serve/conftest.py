"""Fixtures for the API tests: a small database per back end and a client.

The database holds hand-built events (no spaCy): a RUS->UKR dyad over
several weeks with two outlets, a located event, a hypothetical one, and an
article whose headline holds a ``<script>``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from flashpoint.store import open_store
from flashpoint.types import Location

from ..store.conftest import fresh_url, make_article, make_event

DB_BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
TOKEN = "t0ken-for-tests-0123456789"
SCRIPT_TITLE = "<script>window.pwned=1</script> Kyiv shelled"


def fill(url: str) -> dict[str, str]:
    """Store the fixture events; return names -> event ids."""
    from dataclasses import replace

    s = open_store(url)
    try:
        ids = {}
        s.add_article(make_article("a1", outlet="Meridian", date="2022-03-01"), [
            make_event("r1", "a1", date="2022-03-01", source="RUS", target="UKR", cameo="190", quad=4,
                       goldstein=-10.0, plover="ASSAULT", sentence="Russian forces shelled Kharkiv.", trigger="shelled"),
            make_event("c1", "a1", date="2022-03-02", source="RUS", target="UKR", cameo="130", quad=3,
                       goldstein=-4.4, plover="THREATEN", sentence="Russia threatened Ukraine.", trigger="threatened"),
        ])
        located = replace(make_event("l1", "a2", date="2022-03-15", source="POL", target="BLR", cameo="112", quad=3,
                                     goldstein=-2.0, plover="ACCUSE", sentence="Poland accused Belarus.",
                                     trigger="accused"),
                          location=Location(name="Warsaw", country="POL", lat=52.23, lon=21.01, precision="city"))
        s.add_article(make_article("a2", outlet="Baltic Post", date="2022-03-15"), [located])
        s.add_article(make_article("a3", outlet="Baltic Post", date="2022-03-02"), [
            make_event("r2", "a3", date="2022-03-01", source="RUS", target="UKR", cameo="190", quad=4,
                       goldstein=-10.0, plover="ASSAULT", sentence="Russian troops shelled Kharkiv overnight.",
                       trigger="shelled")])
        s.add_article(make_article("a4", outlet="Daily", date="2022-03-20"), [
            make_event("h1", "a4", date="2022-03-20", source="USA", target="CHN", cameo="036", quad=1, goldstein=4.0,
                       modality="hypothetical", sentence="The US might meet China.", trigger="meet")])
        article = make_article("a5", outlet="Night Desk", date="2022-04-04")
        s.add_article(replace(article, title=SCRIPT_TITLE), [
            make_event("x1", "a5", date="2022-04-04", source="RUS", target="UKR", cameo="190", quad=4, goldstein=-10.0,
                       sentence="Russian forces <b>shelled</b> Kyiv.", trigger="shelled")])
        for name in ("r1", "c1", "l1", "h1", "x1"):
            ids[name] = next(e["id"] for e in s.events(_all()) if e["event_id"] == name)
        return ids
    finally:
        s.close()


def _all():
    from flashpoint.store import EventFilter

    return EventFilter(include_uncounted=True)


@pytest.fixture(params=DB_BACKENDS)
def served(request, tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """(database URL, event ids) of a filled database per back end."""
    with fresh_url(request.param, tmp_path) as url:
        yield url, fill(url)


def client_for(url: str, **options):
    from fastapi.testclient import TestClient

    from flashpoint.serve import ServeConfig, create_app

    return TestClient(create_app(ServeConfig(db=url, **options)))


@pytest.fixture
def api(served):
    """(TestClient, event ids) over the filled database."""
    url, ids = served
    with client_for(url) as client:
        yield client, ids
