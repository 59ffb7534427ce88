"""``flashpoint db optimize``: the events table rewritten in date order keeps
every event, index, trigger and statistic, and every export's bytes."""

from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner

from flashpoint.bench.export import fill_store
from flashpoint.cli import main
from flashpoint.store import EventFilter, open_store
from flashpoint.store.exports import export_store
from flashpoint.store.maintenance import cluster_events, out_of_order

from .conftest import fresh_url, make_article, make_event

N = 1_500  # the bench's synthetic events: dates in random order


def _digests(url: str, folder) -> dict[str, str]:
    store = open_store(url)
    try:
        out = {}
        for fmt in ("gdelt", "parquet", "jsonl", "plover", "csv"):
            path = folder / f"out.{fmt}"
            export_store(store, EventFilter(), fmt, str(path), side_file=fmt == "gdelt")
            out[fmt] = hashlib.sha256(path.read_bytes()).hexdigest()
        out["side"] = hashlib.sha256((folder / "out.flashpoint.tsv").read_bytes()).hexdigest()
        out["events"] = hashlib.sha256(repr(list(store.events(EventFilter(include_uncounted=True)))).encode()).hexdigest()
        out["series"] = repr(store.series(EventFilter(), "month"))
        return out
    finally:
        store.close()


def _schema(store) -> list[tuple[str, str]]:
    rows = store._rows("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'events' AND sql IS NOT NULL")
    return sorted((r["name"], r["sql"].replace('CREATE TABLE "events"', "CREATE TABLE events")) for r in rows)


def test_sqlite_rewrite_keeps_every_export_byte_and_the_schema(tmp_path):
    url = str(tmp_path / "bench.db")
    fill_store(url, N)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    before = _digests(url, tmp_path / "a")
    store = open_store(url)
    try:
        schema, stats = _schema(store), store._rows("SELECT * FROM sqlite_stat1 WHERE tbl = 'events' ORDER BY idx")
        n, late = out_of_order(store)
        assert n == N and late > N // 4
        said: list[str] = []
        report = cluster_events(store, progress=said.append)
        assert (report.events, report.out_of_order, report.rewritten) == (N, late, True)
        assert said == [f"rewriting {N} events in date order ({late} out of order on disk)",
                        "giving the old table's pages back (VACUUM)"]
        assert out_of_order(store) == (N, 0)
        assert _schema(store) == schema
        assert store._rows("SELECT * FROM sqlite_stat1 WHERE tbl = 'events' ORDER BY idx") == stats
        assert store._rows("PRAGMA integrity_check") == [{"integrity_check": "ok"}]
        assert store._rows("PRAGMA foreign_key_check") == []
        assert store._rows("PRAGMA foreign_keys")[0]["foreign_keys"] == 1
        again = cluster_events(store)
        assert (again.out_of_order, again.rewritten) == (0, False)
    finally:
        store.close()
    assert _digests(url, tmp_path / "b") == before


def test_triggers_and_writes_work_after_the_rewrite(tmp_path):
    url = str(tmp_path / "t.db")
    store = open_store(url)
    try:
        store.add_article(make_article("a2", date="2022-01-02"), [make_event("e2", "a2", date="2022-01-02")])
        store.add_article(make_article("a1"), [make_event("e1", "a1")])
        assert out_of_order(store) == (2, 1)
        assert cluster_events(store, vacuum=False).rewritten
        store.add_article(make_article("a3"), [make_event("e3", "a3", cameo="043")])  # merges into e1
        store.add_article(make_article("a4", date="2023-01-01"),
                          [make_event("e4", "a4", date="2023-01-01", source="USA", target="CHN")])
        assert [(e["date"], e["num_mentions"]) for e in store.events()] == [
            ("2021-11-12", 2), ("2022-01-02", 1), ("2023-01-01", 1)]
        assert sum(n for _, n, _ in store.series(EventFilter(source="RUS", target="BLR"), "year")) == 2
        kinds = {r["kind"] for r in store._rows("SELECT kind FROM event_changes")}
        assert "merged" in kinds  # the table's trigger was made again
    finally:
        store.close()


@pytest.mark.parametrize("kind", ["memory", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_other_back_ends(kind, tmp_path):
    with fresh_url(kind, tmp_path) as url:
        store = open_store(url)
        try:
            for i, day in enumerate(("2022-01-02", "2021-11-12")):
                store.add_article(make_article(f"a{i}", date=day),
                                  [make_event(f"e{i}", f"a{i}", date=day, source=("RUS", "USA")[i])])
            before = list(store.events())
            report = cluster_events(store)
            if kind == "memory":
                assert (report.events, report.out_of_order, report.rewritten) == (2, None, False)
            else:  # the second event is the earlier: one row out of order along the disk order (ctid)
                assert (report.events, report.out_of_order, report.rewritten) == (2, 1, True)
                assert out_of_order(store) == (2, 0)
                again = cluster_events(store)
                assert (again.out_of_order, again.rewritten) == (0, False)  # in order: left alone
                assert cluster_events(store, force=True).rewritten  # unless forced
            assert list(store.events()) == before
        finally:
            store.close()


def test_a_failed_vacuum_after_the_rewrite_is_a_warning(tmp_path, monkeypatch):
    # VACUUM needs free disk as large as the file; when it fails, the rewrite has committed
    # already: the table is in date order and the step has done its work.
    import sqlite3

    from flashpoint.store.sqlite import SQLiteStore

    url = str(tmp_path / "bench.db")
    fill_store(url, 200)
    run = SQLiteStore._run

    def no_room(self, sql, params=()):
        if sql == "VACUUM":
            raise sqlite3.OperationalError("database or disk is full")
        return run(self, sql, params)

    monkeypatch.setattr(SQLiteStore, "_run", no_room)
    store = open_store(url)
    try:
        report = cluster_events(store)
        assert report.rewritten and report.out_of_order > 0
        assert "VACUUM failed" in report.warning and "disk is full" in report.warning
        assert out_of_order(store) == (200, 0)
    finally:
        store.close()
    fill_store(str(tmp_path / "again.db"), 200)
    result = CliRunner().invoke(main, ["db", "optimize", "--db", str(tmp_path / "again.db"), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rewritten"] and "warning: the events table was rewritten" in result.stderr


@pytest.mark.postgres
def test_postgres_cluster_gives_up_on_a_held_table(tmp_path):
    # CLUSTER needs the table alone; left waiting behind a long reader it would queue every
    # later reader and writer behind it. It waits lock_timeout at most.
    import threading

    with fresh_url("postgres", tmp_path) as url:
        store, reader = open_store(url), open_store(url)
        try:
            store.add_article(make_article("a1", date="2022-01-02"), [make_event("e1", "a1", date="2022-01-02")])
            store.add_article(make_article("a2"), [make_event("e2", "a2")])
            reader.conn.execute("BEGIN")
            reader.conn.execute("SELECT count(*) FROM events").fetchall()  # holds the table until it ends
            outcome: list = []

            def cluster() -> None:
                try:
                    outcome.append(cluster_events(store, lock_timeout=0.5))
                except Exception as exc:  # noqa: BLE001 - what the test looks at
                    outcome.append(exc)

            worker = threading.Thread(target=cluster, daemon=True)
            worker.start()
            worker.join(timeout=20)
            waited = worker.is_alive()
            reader.conn.execute("ROLLBACK")
            worker.join(timeout=60)
            assert not waited, "CLUSTER waited for the table with no limit"
            assert "another session held it for more than 0.5 s" in str(outcome[0])
            assert out_of_order(store) == (2, 1)  # nothing done
            assert cluster_events(store, lock_timeout=0.5).rewritten  # free now
        finally:
            reader.close()
            store.close()


def test_cli_db_optimize(tmp_path):
    url = str(tmp_path / "bench.db")
    fill_store(url, 200)
    runner = CliRunner()
    first = runner.invoke(main, ["db", "optimize", "--db", url, "--json"])
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert report["events"] == 200 and report["out_of_order"] > 0 and report["rewritten"]
    assert "rewriting 200 events in date order" in first.stderr
    second = runner.invoke(main, ["db", "optimize", "--db", url])
    assert second.exit_code == 0 and "already in date order" in second.stdout and not second.stderr
    missing = runner.invoke(main, ["db", "optimize", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no database" in missing.output
