"""The series roll-up answers exactly what the events table answers.

A generated store is written through the ordinary write path (merges,
uncounted, undated and unlocated events, several countries), then changed by
hand the ways only SQL does (deleting events, changing their QuadClass,
Goldstein, date or dyad); after each step every series the roll-up can
answer must equal the one computed from the events, and the table must equal
a rebuild from scratch (so the Python write path and the migration's SQL
agree). The bulk path and the migration of a database written before the
roll-up existed are held to the same.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from flashpoint.bench.query import synthetic_rows
from flashpoint.store import EventFilter, open_store, queries, rollup
from flashpoint.store.migrate import migrations
from flashpoint.types import Actor

from .conftest import fresh_url, make_article, make_event

DB = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
ACTORS = ("RUS", "UKR", "POL", "BLR", "nato")
FILTERS = [
    EventFilter(source="RUS", target="UKR"), EventFilter(source="RUS"), EventFilter(source="nato", target="RUS"),
    EventFilter(source="RUS", target="wagner"), EventFilter(country="RUS"),
    EventFilter(source="RUS", target="UKR", quad_class=4), EventFilter(source="POL", include_uncounted=True),
    EventFilter(source="RUS", since="2021-02-01", until="2021-03-31"), EventFilter(country="UKR"),
    EventFilter(country="POL", quad_class=3, include_uncounted=True), EventFilter(), EventFilter(cameo="19"),
    EventFilter(cameo="1"), EventFilter(cameo="0", since="2021-01-10"), EventFilter(include_uncounted=True),
    EventFilter(quad_class=2, until="2021-02-15"),
]
NOT_ROLLED_UP = [EventFilter(actor="RUS"), EventFilter(target="UKR"), EventFilter(cameo="190"),
                 EventFilter(source="RUS", country="UKR"), EventFilter(text="shelled")]


def _generate(store, seed: int = 11, articles: int = 60) -> None:
    rng = random.Random(seed)
    for a in range(articles):
        events = []
        for e in range(rng.randint(1, 4)):
            source, target = rng.sample(ACTORS, 2)
            root = rng.choice(["01", "04", "06", "11", "13", "17", "19", "20"])
            quad = 1 if root <= "05" else 2 if root <= "09" else 3 if root <= "17" else 4
            day = None if rng.random() < 0.1 else f"2021-{rng.randint(1, 4):02d}-{rng.randint(1, 28):02d}"
            events.append(make_event(
                f"e{a}-{e}", f"a{a}", date=day, source=source, target=target, cameo=root + "0", quad=quad,
                goldstein=round(rng.uniform(-10, 10), 1), plover=None,
                modality="hypothetical" if rng.random() < 0.15 else "asserted",
                sentence=f"Sentence {a}-{e} about {source} and {target}.", trigger="did"))
        if rng.random() < 0.3:  # both sides in one country (counted once for it) or a side without one
            other = rng.choice([Actor(text="Wagner", name="Wagner", country="RUS", org="wagner"),
                                Actor(text="crowd", name="crowd")])
            events[0] = replace(events[0], target=other)
        if a and rng.random() < 0.3:  # another report of an earlier event: merged, counted once
            events.append(make_event(f"m{a}", f"a{a}", **_again(store, rng)))
        store.add_article(make_article(f"a{a}", outlet=f"Outlet {a % 7}"), events)


def _again(store, rng: random.Random) -> dict:
    row = rng.choice(store._rows("SELECT * FROM events WHERE date IS NOT NULL ORDER BY id"))
    return dict(date=row["date"], source=row["source_key"], target=row["target_key"], cameo=row["cameo"],
                quad=row["quad_class"], goldstein=row["goldstein"], plover=None,
                sentence="Another outlet's sentence on it.", trigger="again")


def _cells(store) -> dict[tuple, tuple]:
    rows = store._rows("SELECT * FROM event_rollup")
    return {(r["grain"], r["k1"], r["k2"], r["day"], bool(r["counted"])):
            tuple(int(r[f"n{q}"]) for q in rollup.QUADS) + tuple(round(float(r[f"g{q}"]), 6) for q in rollup.QUADS)
            for r in rows if any(int(r[f"n{q}"]) for q in rollup.QUADS)}


def _check(store) -> None:
    for flt in FILTERS:
        assert rollup.plan(flt) is not None, flt
        for freq in ("day", "week", "month", "year"):
            assert queries.series(store, flt, freq) == queries.series(store, flt, freq, use_rollup=False), (flt, freq)
    kept = _cells(store)
    with store._transaction():
        for sql in rollup.REBUILD:
            store._send(sql)
    assert _cells(store) == kept


def test_filters_the_rollup_cannot_answer_go_to_the_events():
    for flt in NOT_ROLLED_UP:
        assert rollup.plan(flt) is None, flt


@pytest.mark.parametrize("kind", DB)
def test_rollup_equals_direct_through_merges_deletions_and_edits(kind, tmp_path: Path):
    with fresh_url(kind, tmp_path) as url:
        store = open_store(url)
        try:
            _generate(store)
            merged = store._rows("SELECT count(*) AS n FROM events WHERE num_mentions > 1")[0]["n"]
            assert merged > 0  # the generator really merged reports
            assert queries.series(store, EventFilter(source="RUS"), "week")
            _check(store)
            ids = [r["id"] for r in store._rows("SELECT id FROM events ORDER BY id")]
            with store._transaction():
                for eid in ids[::5]:  # hand-run deletions
                    store._send("DELETE FROM event_reports WHERE merged_id = ?", [eid])
                    store._send("DELETE FROM events WHERE id = ?", [eid])
            _check(store)
            with store._transaction():  # hand-run edits of what an event is counted under
                store._send("UPDATE events SET quad_class = 4, goldstein = -9.5 WHERE id = ?", [ids[1]])
                store._send("UPDATE events SET date = '2021-05-02', source_key = 'POL' WHERE id = ?", [ids[2]])
                store._send("UPDATE events SET counted = ? WHERE id = ?", [False, ids[3]])
                store._send("UPDATE events SET date = NULL WHERE id = ?", [ids[4]])
            _check(store)
            _generate(store, seed=12, articles=15)  # writes after the edits still add up
            _check(store)
        finally:
            store.close()


@pytest.mark.parametrize("kind", DB)
def test_bulk_load_fills_rollup_and_changes_feed(kind, tmp_path: Path):
    with fresh_url(kind, tmp_path) as url:
        store = open_store(url)
        try:
            assert store.bulk_events(synthetic_rows(3000)) == 3000
            _check(store)
            kinds = store._rows("SELECT kind, count(*) AS n FROM event_changes GROUP BY kind")
            assert [(r["kind"], int(r["n"])) for r in kinds] == [("new", 3000)]
            assert queries.data_version(store) == 3000
        finally:
            store.close()


@pytest.mark.parametrize("kind", DB)
def test_migration_fills_rollup_of_an_older_database(kind, tmp_path: Path):
    """A database at schema version 3 (before the roll-up), holding events
    written by version 3's triggers, gains a correct roll-up when opened."""
    from flashpoint.store.rows import EVENT_COLUMNS

    with fresh_url(kind, tmp_path) as url:
        old = _raw_store(kind, url)
        with old._transaction():
            old._run("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                     " applied_at TEXT NOT NULL)")
            for step in migrations(kind):
                if step.version <= 3:
                    old._script(step.sql)
                    old._run("INSERT INTO schema_version VALUES (?, ?, 'then')", (step.version, step.name))
            cols = EVENT_COLUMNS[:EVENT_COLUMNS.index("record") + 1]  # the columns version 3 has
            marks = ", ".join("?" for _ in cols)
            for row in synthetic_rows(1500):
                old._run(f"INSERT INTO events ({', '.join(cols)}) VALUES ({marks})", row[:len(cols)])
        old.close()
        store = open_store(url)
        try:
            assert store.schema_version() > 3
            assert store._rows("SELECT count(*) AS n FROM event_changes")[0]["n"] == 1500  # version 3's trigger
            _check(store)
        finally:
            store.close()


def _raw_store(kind: str, url: str):
    """A store on ``url`` that has not migrated (to build an old schema by hand)."""
    if kind == "sqlite":
        import sqlite3

        from flashpoint.store.sqlite import SQLiteStore

        return SQLiteStore(sqlite3.connect(url, isolation_level=None), url)
    import psycopg

    from flashpoint.store.postgres import PostgresStore

    base, schema = re.split(r"[?&]schema=", url)
    PostgresStore.driver_errors = (psycopg.Error,)
    conn = psycopg.connect(base, autocommit=True)
    conn.execute(f'CREATE SCHEMA "{schema}"')
    conn.execute(f'SET search_path TO "{schema}"')
    return PostgresStore(conn, url)


@pytest.mark.parametrize("kind", DB)
def test_completing_a_one_sided_event_drops_only_the_cell_of_its_own_day(kind, tmp_path: Path):
    """Merge rule 1 gives a one-sided event its target; the trigger empties that event's
    one-sided cell, which the store drops. A zero cell of the same source on another day
    (a hand-run edit's, which the triggers leave) is not that completion's to drop."""
    with fresh_url(kind, tmp_path) as url:
        store = open_store(url)
        try:
            fired = dict(source="RUS", target=None, cameo="190", quad=4, goldstein=-10.0, plover=None, trigger="fired")
            store.add_article(make_article("a1", outlet="One"),
                              [make_event("e1", "a1", date="2021-03-01", sentence="Russia fired on Monday.", **fired)])
            store.add_article(make_article("a2", outlet="Two"),
                              [make_event("e2", "a2", date="2021-03-05", sentence="Russia fired on Friday.", **fired)])
            with store._transaction():  # a hand-run edit gives the first its target: its cell is left empty
                store._send("UPDATE events SET target_key = 'POL' WHERE date = '2021-03-01'", [])
            store.add_article(make_article("a3", outlet="Three"),  # the second told with its target
                              [make_event("e3", "a3", date="2021-03-05", sentence="Russia fired at Ukraine on Friday.",
                                          **{**fired, "target": "UKR"})])
            empty = {(r["day"], int(r["counted"])) for r in store._rows(
                "SELECT day, counted FROM event_rollup WHERE grain = 'dyad' AND k1 = 'RUS' AND k2 = ''"
                " AND n1 = 0 AND n2 = 0 AND n3 = 0 AND n4 = 0")}
            assert {str(d)[:10] for d, _ in empty} == {"2021-03-01"}, empty
            _check(store)
        finally:
            store.close()
