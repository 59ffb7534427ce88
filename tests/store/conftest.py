"""Fixtures for the store tests: an event factory and a store per back end.

The ``store`` fixture runs each test against memory, SQLite and PostgreSQL.
PostgreSQL needs FLASHPOINT_TEST_PG (``eval "$(scripts/postgres-up.sh)"``);
without it those cases skip, except under CI=true where they fail.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from flashpoint.store import open_store
from flashpoint.types import Actor, Article, Event, Evidence, Location, Plover

BACKENDS = ["memory", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def actor(key: str | None, sector: str | None = None) -> Actor | None:
    """An actor whose key is ``key``: upper-case three letters are a country."""
    if key is None:
        return None
    if len(key) == 3 and key.isupper():
        return Actor(text=key, name=key, country=key, sector=sector, code=key + (sector or ""))
    return Actor(text=key, name=key, org=key, sector=sector, code=key)


def make_event(
    event_id: str = "e1",
    doc_id: str = "a1",
    *,
    date: str | None = "2021-11-12",
    source: str | None = "RUS",
    target: str | None = "BLR",
    cameo: str = "042",
    quad: int = 1,
    goldstein: float = 1.9,
    plover: str | None = "CONSULT",
    negated: bool = False,
    modality: str = "asserted",
    country: str | None = None,
    sentence: str = "Russian officials visited Minsk.",
    trigger: str = "visited",
) -> Event:
    """A hand-built Event with sensible defaults; override what a test needs."""
    location = Location(name=country, country=country, lat=1.0, lon=2.0, precision="country") if country else None
    return Event(
        event_id=event_id, doc_id=doc_id, date=date, date_precision="day" if date else None,
        source=actor(source), target=actor(target), cameo=cameo, cameo_root=cameo[:2],
        quad_class=quad, goldstein=goldstein, plover=Plover(plover) if plover else None,
        negated=negated, modality=modality, attribution=None, location=location, quantities=(),
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger=trigger),
        rule="test", confidence=0.9,
    )


def make_article(article_id: str = "a1", *, text: str | None = None, outlet: str | None = "Daily",
                 date: str | None = "2021-11-12", url: str | None = None) -> Article:
    """An Article whose text is unique to its id unless given."""
    body = text if text is not None else f"Article {article_id} reports on events in the region. " * 3
    return Article(id=article_id, text=body, date=date, title=f"Title {article_id}", url=url, outlet=outlet)


def postgres_url() -> str:
    """FLASHPOINT_TEST_PG, or skip (fail under CI=true) when unset."""
    url = os.environ.get("FLASHPOINT_TEST_PG")
    if not url:
        message = 'FLASHPOINT_TEST_PG is unset; run eval "$(scripts/postgres-up.sh)" first'
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true requires PostgreSQL)")
        pytest.skip(message)
    return url


def _drop_schema(url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@contextlib.contextmanager
def fresh_url(kind: str, tmp_path: Path) -> Iterator[str]:
    """A URL naming a fresh, empty database of back end ``kind``."""
    if kind == "memory":
        yield "memory:"
    elif kind == "sqlite":
        yield str(tmp_path / "test.db")
    else:
        base = postgres_url()
        schema = f"t_{uuid.uuid4().hex[:12]}"
        sep = "&" if "?" in base else "?"
        try:
            yield f"{base}{sep}schema={schema}"
        finally:
            _drop_schema(base, schema)


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path: Path) -> Iterator[str]:
    """A fresh database URL per back end (for tests that open it themselves)."""
    with fresh_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path: Path):
    """A fresh, open store of each back end, closed after the test."""
    with fresh_url(request.param, tmp_path) as url:
        s = open_store(url)
        try:
            yield s
        finally:
            s.close()
