"""Back-end specific failure modes: migrations, read-only and locked files,
a PostgreSQL server that goes away."""

from __future__ import annotations

import os
import sqlite3

import pytest

from flashpoint.errors import StoreError
from flashpoint.store import Failure, open_store
from flashpoint.store.base import StoreUnavailable
from flashpoint.store.migrate import latest, migrations

from .conftest import fresh_url, make_article, make_event, postgres_url

DB_BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def test_migrations_are_numbered_and_shared():
    versions = [m.version for m in migrations("sqlite")]
    assert versions == sorted(set(versions)) and versions[0] == 1 and versions[-1] == latest("sqlite")
    assert latest("sqlite") == latest("postgres")


@pytest.mark.parametrize("kind", DB_BACKENDS)
def test_open_twice_keeps_data_and_version(kind, tmp_path):
    with fresh_url(kind, tmp_path) as url:
        s = open_store(url)
        s.add_article(make_article("a1"), [make_event()])
        s.close()
        s = open_store(url)
        assert s.schema_version() == latest(s.dialect)
        assert s.counts()["events"] == 1
        s.close()


@pytest.mark.parametrize("kind", DB_BACKENDS)
def test_newer_schema_is_refused_with_advice(kind, tmp_path):
    with fresh_url(kind, tmp_path) as url:
        s = open_store(url)
        with s._transaction():
            s._send("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)", (999, "future", "x"))
        s.close()
        with pytest.raises(StoreError, match="schema version 999.*upgrade flashpoint"):
            open_store(url)


def test_read_only_sqlite_reads_but_refuses_writes(tmp_path):
    path = tmp_path / "ro.db"
    s = open_store(str(path))
    s.add_article(make_article("a1"), [make_event()])
    s.close()
    ro = open_store(f"sqlite:///{path}?mode=ro")
    assert ro.counts()["events"] == 1
    with pytest.raises(StoreError, match="readonly|read-only"):
        ro.add_article(make_article("a2"), [make_event("e2", "a2")])
    ro.close()
    assert open_store(str(path)).counts()["articles"] == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_permissions(tmp_path):
    path = tmp_path / "perm.db"
    open_store(str(path)).close()
    os.chmod(path, 0o444)
    os.chmod(tmp_path, 0o555)
    try:
        with pytest.raises(StoreError):
            s = open_store(str(path))
            s.add_article(make_article("a1"), [make_event()])
    finally:
        os.chmod(tmp_path, 0o755)
        os.chmod(path, 0o644)


def test_read_only_missing_file_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open"):
        open_store(f"sqlite:///{tmp_path}/absent.db?mode=ro")


def test_locked_sqlite_times_out_cleanly_and_keeps_data(tmp_path):
    path = tmp_path / "locked.db"
    s = open_store(f"sqlite:///{path}?timeout=0.1")
    s.add_article(make_article("a1"), [make_event()])
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked"):
            s.add_article(make_article("a2"), [make_event("e2", "a2")])
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert s.counts()["articles"] == 1
    s.add_article(make_article("a2"), [make_event("e2", "a2")])
    assert s.counts()["articles"] == 2
    s.close()


@pytest.mark.parametrize("content", [b"", b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_garbage_file_is_a_store_error(tmp_path, content):
    path = tmp_path / "junk.db"
    path.write_bytes(content)
    if not content:  # an empty file is a valid empty SQLite database
        open_store(str(path)).close()
        return
    with pytest.raises(StoreError):
        open_store(str(path))


@pytest.mark.parametrize("url", ["", "   ", "sqlite://host/x.db", "sqlite:relative", "sqlite:///x.db?timeout=abc"])
def test_bad_urls(url):
    with pytest.raises(StoreError):
        open_store(url)


def test_missing_directory_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open|could not"):
        open_store(str(tmp_path / "no" / "such" / "dir" / "x.db"))


def _terminate(store) -> None:
    """End the store's server process from another connection, as a server
    restart or a dropped network link would."""
    import psycopg

    with psycopg.connect(postgres_url(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [store.conn.info.backend_pid])


@pytest.fixture
def pg_store(tmp_path):
    """An open PostgreSQL store holding article a1 (one event), and its URL."""
    with fresh_url("postgres", tmp_path) as url:
        s = open_store(url)
        try:
            s.add_article(make_article("a1"), [make_event()])
            yield s, url
        finally:
            s.close()


@pytest.mark.postgres
def test_postgres_server_gone_reconnects_and_keeps_data(pg_store, caplog):
    s, url = pg_store
    _terminate(s)
    s.add_article(make_article("a2"), [make_event("e2", "a2")])  # reconnects, then stores
    assert "lost the connection" in caplog.text and "reconnected" in caplog.text
    _terminate(s)
    assert s.has_article("a1") and s.has_article("a2")  # reads reconnect too
    _terminate(s)
    s.add_failure(Failure("k1", "fetch", "timeout"))
    assert [f.attempts for f in s.failures()] == [1]
    again = open_store(url)
    assert (again.counts()["articles"], again.counts()["reports"]) == (2, 2)
    (event,) = again.events()
    assert event["num_mentions"] == 2
    again.close()


@pytest.mark.postgres
def test_postgres_server_gone_mid_batch_rolls_the_batch_back_and_reconnects(pg_store):
    s, _ = pg_store
    with pytest.raises(StoreError, match="lost the connection.*reconnected.*rolled back"):
        with s.batch():
            s.add_article(make_article("a2"), [make_event("e2", "a2")])
            _terminate(s)
            s.add_article(make_article("a3"), [make_event("e3", "a3")])
    assert s.counts()["articles"] == 1  # a2 went with the batch; a1 is intact
    with s.batch():  # the caller stores the batch again
        s.add_article(make_article("a2"), [make_event("e2", "a2")])
        s.add_article(make_article("a3"), [make_event("e3", "a3")])
    (event,) = s.events()
    assert (event["num_mentions"], s.counts()["reports"]) == (3, 3)


@pytest.mark.postgres
def test_postgres_server_gone_for_good_is_store_unavailable(pg_store):
    s, url = pg_store
    # The server cannot be stopped under the other tests, so point the
    # reconnect at a closed port: the attempt fails as it would then.
    s._conninfo = "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"
    s.reconnect_window = 1.0  # retried with backoff for this long (60 s by default)
    _terminate(s)
    with pytest.raises(StoreUnavailable, match="lost the connection.*reconnecting failed.*run the same command again"):
        s.add_article(make_article("a2"), [make_event("e2", "a2")])
    again = open_store(url)
    assert again.counts()["articles"] == 1
    again.close()


@pytest.mark.postgres
def test_postgres_unreachable_is_a_store_error():
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody:wrong@127.0.0.1:1/none?connect_timeout=2")


@pytest.mark.postgres
def test_postgres_bad_schema_name():
    with pytest.raises(StoreError, match="bad schema"):
        open_store(postgres_url() + "?schema=x;drop")


def test_missing_postgres_fails_under_ci(monkeypatch):
    monkeypatch.delenv("FLASHPOINT_TEST_PG", raising=False)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        postgres_url()
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match="postgres-up.sh"):
        postgres_url()


@pytest.mark.postgres
def test_postgres_concurrent_batched_writers_count_each_event_once(tmp_path):
    """Two ingest runs at once, batches of several articles, the same 24 real
    events reported by both in opposite orders (so their dyad locks cross):
    every event is merged once with both reports, whatever the interleaving
    (a deadlock between two batches costs a replay, not a wrong count)."""
    import threading

    from flashpoint.config import Settings
    from flashpoint.ingest import ListSource, ingest

    n = 24

    def coder(articles, settings):
        for a in articles:
            i = int(a.id.split("-")[1])
            yield a, [make_event(f"e-{a.id}", a.id, source=f"ORG{i}", target=f"ORG{(i * 7) % n}x")], None

    def articles(side: str) -> list:
        order = range(n) if side == "a" else reversed(range(n))
        return [make_article(f"{side}-{i}", text=f"Side {side} story {i}: " + " ".join(f"w{side}{i}_{k}" for k in range(40)))
                for i in order]

    with fresh_url("postgres", tmp_path) as url:
        open_store(url).close()  # migrate once, before the writers race
        reports, errors = [], []

        def work(side: str) -> None:
            store = open_store(url)
            try:
                reports.append(ingest(ListSource(articles(side)), store, coder, Settings(batch_size=6)))
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
            finally:
                store.close()

        threads = [threading.Thread(target=work, args=(side,)) for side in "ab"]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not errors and [r.failures for r in reports] == [0, 0]
        s = open_store(url)
        try:
            events = list(s.events())
            assert len(events) == n
            assert all(e["num_articles"] == 2 and e["num_mentions"] == 2 for e in events)
        finally:
            s.close()


@pytest.mark.postgres
def test_postgres_server_ending_the_session_counts_as_a_lost_connection(pg_store):
    """The server's "terminating connection" notice can arrive before the driver sees
    the socket close; it must still be read as a lost connection, not a failed write."""
    s, _ = pg_store

    class SessionEnded(Exception):
        sqlstate = "57P01"

    class BadValue(Exception):
        sqlstate = "22001"

    assert s._broken(SessionEnded()) and not s._broken(BadValue())


def _psycopg_notice(what, error: str):
    import logging

    return logging.LogRecord("psycopg", logging.WARNING, __file__, 1, "error ignored terminating %r: %s",
                             (what, Exception(error)), None)


def test_the_lost_pipeline_filter_keeps_a_copy_notice():
    pytest.importorskip("psycopg")
    from flashpoint.store.postgres import _drop_lost_pipeline_notice

    class Copy:  # psycopg's COPY logs the same words when ending it failed
        _conn = None

    assert _drop_lost_pipeline_notice(_psycopg_notice(Copy(), "COPY failed"))
    other = _psycopg_notice(Copy(), "x")
    other.msg = "error ignored in rollback on %s: %s"
    assert _drop_lost_pipeline_notice(other)


@pytest.mark.postgres
def test_the_lost_pipeline_filter_drops_only_a_pipeline_on_a_lost_connection():
    # The store reports a lost connection itself; a pipeline that failed to close on a
    # connection still open is an error nobody else reports, and must stay in the log.
    import psycopg

    from flashpoint.store.postgres import _drop_lost_pipeline_notice

    conn = psycopg.connect(postgres_url(), autocommit=True)
    try:
        pipeline = psycopg.Pipeline(conn)
        assert _drop_lost_pipeline_notice(_psycopg_notice(pipeline, "server refused the sync"))  # kept
    finally:
        conn.close()
    assert not _drop_lost_pipeline_notice(_psycopg_notice(pipeline, "consuming input failed"))  # dropped
