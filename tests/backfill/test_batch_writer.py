"""The batch writer stores what the row writer stores, and a re-run after a crash loses and doubles nothing."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from flashpoint.backfill import backfill
from flashpoint.backfill.runner import _replay
from flashpoint.config import Settings
from flashpoint.ingest import ListSource, ingest
from flashpoint.store import open_store
from flashpoint.store.batched import Keys, write_batch
from flashpoint.store.rows import event_record

from ..ingest.fakes import fake_coder
from ..store.conftest import fresh_url, make_article, make_event
from .conftest import make_archive, snapshot, two_stores
from .test_backfill import one_process

KINDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
SCRIPT = Path(__file__).resolve().parent / "crash_run.py"
WORDS = [f"word{i}" for i in range(120)]
LONG = " ".join(WORDS)


def article(aid: str, text: str | None = None, url: str | None = None, date: str | None = "2021-11-12",
            outlet: str | None = "Daily"):
    return make_article(aid, text=text, url=f"https://wire.example/{aid}" if url is None else url, date=date,
                        outlet=outlet)


def batches() -> list[list[tuple]]:
    """Batches of ``(article, events, error)`` that take every branch of the row writer:
    merges across articles and batches, a place found by a later report (for an event of
    this batch and for a stored one), copies of stored articles and of articles earlier in
    the batch (exact and near), an id twice, a coder error, an undated report, a re-run."""
    a1 = article("a1")
    a2 = article("a2", outlet="Ämter Post", url="")
    a3 = article("a3", text=a1.text, outlet=None)  # an exact copy of a1, in its batch
    a4 = article("a4", text="The coder refused this one.")
    a5 = article("a5", text=LONG)
    a6 = article("a6", text=LONG.replace("word119", "last"))  # a near copy of a5
    a8 = article("a8")
    b1 = article("b1", outlet="")
    b2 = article("b2", text=a8.text, url="https://other.example/b2", outlet="Other")  # a copy of a stored article
    b3 = article("b3", date=None)
    b4 = article("b4")
    a9, a10, a11 = article("a9"), article("a10"), article("a11")
    b5, b6 = article("b5"), article("b6")
    strike = dict(cameo="190", quad=4, goldstein=-10, plover="ASSAULT", trigger="struck")
    threat = dict(cameo="138", quad=3, goldstein=-7, plover="THREATEN", trigger="threatened")
    first = [
        (a1, [make_event("e1", "a1"), make_event("e1b", "a1", cameo="190", quad=4, goldstein=-10, trigger="attacked",
                                                  source="USA", target="IRQ")], None),
        (a2, [make_event("e2", "a2", date="2021-11-13", country="BLR"),
              make_event("e2b", "a2", date=None, source="FRA", target="DEU", trigger="met")], None),
        (a3, [make_event("e3", "a3")], None),
        (a4, [], "fake coder refused this text"),
        (a2, [make_event("e2", "a2", date="2021-11-13", country="BLR")], None),  # the same id again
        (a5, [make_event("e5", "a5", source="CHN", target="JPN", cameo="112", quad=3, goldstein=-2)], None),
        (a6, [make_event("e6", "a6", source="CHN", target="JPN", cameo="112", quad=3, goldstein=-2)], None),
        (a8, [make_event("e8", "a8", source="USA", target="CHN", cameo="111", quad=3, goldstein=-2),
              make_event("e8b", "a8", source="USA", target="CHN", cameo="111", quad=3, goldstein=-2)], None),
        # merge rule 1 inside a batch: a one-sided report, then a dyad that completes it
        (a9, [make_event("e9", "a9", source="IRN", target=None, **strike)], None),
        (a10, [make_event("e10", "a10", source="IRN", target="ISR", **strike)], None),
        (a11, [make_event("e11", "a11", source="TUR", target=None, **threat)], None),
    ]
    second = [
        (b1, [make_event("f1", "b1", source="USA", target="CHN", cameo="111", quad=3, goldstein=-2, country="CHN",
                         date="2021-11-11"),
              make_event("f1b", "b1", negated=True)], None),
        (b2, [], None),
        (b3, [make_event("f3", "b3", date=None, source="FRA", target="DEU", trigger="met")], None),
        (a1, [make_event("e1", "a1")], None),  # stored before: skipped
        (b4, [make_event("f4", "b4", cameo="043", trigger="visited", date="2021-11-14")], None),
        # across batches: a dyad completes a stored one-sided event; a one-sided report joins a stored dyad
        (b5, [make_event("f5", "b5", source="TUR", target="SYR", **threat)], None),
        (b6, [make_event("f6", "b6", source="USA", target=None, cameo="111", quad=3, goldstein=-2,
                         trigger="criticised")], None),
    ]
    return [first, second, first]


def _rows(url: str) -> dict:
    store = open_store(url)
    try:
        events = [{k: v for k, v in e.items() if k != "first_seen"} for e in store.events(
            __import__("flashpoint.store.base", fromlist=["EventFilter"]).EventFilter(include_uncounted=True))]
        rollup = sorted(tuple(r.values()) for r in store._rows("SELECT * FROM event_rollup"))
        copies = sorted((r["id"], r["original_id"]) for r in store._rows("SELECT id, original_id FROM article_copies"))
        facts = sorted(tuple(r.values()) for r in store._rows(
            "SELECT id, num_mentions, num_sources, num_articles, first_url, outlets FROM events"))
        failures = sorted((f.key, f.stage, f.reason, f.attempts) for f in store.failures())
        return {"events": events, "rollup": rollup, "copies": copies, "failures": failures, "counts": store.counts(),
                "facts": facts}
    finally:
        store.close()


def both_writers(ref: str, url: str, items_of_batches: list[list[tuple]], budget: int = 200_000,
                 records: bool = True) -> None:
    """Store each batch of ``(article, events, error)`` with the row writer into
    ``ref`` and with the batch writer into ``url`` (given the events' record JSON as
    a worker makes it, with ``records``); their counts must agree."""
    settings = Settings(batch_chars=budget)
    row, batch = open_store(ref), open_store(url)
    try:
        for items in items_of_batches:
            articles = [a for a, _, _ in items]
            results = [(a.id, events, error) for a, events, error in items]
            report = ingest([ListSource(articles)], row, _replay(results),
                            dataclasses.replace(settings, batch_size=len(articles)))
            if records:
                results = [(*r, tuple(event_record(e) for e in r[1])) for r in results]
            with batch.bulk_batch():
                out = write_batch(batch, articles, results, len(articles), budget, [Keys.of(a) for a in articles])
                for failure in out.failures:
                    batch.add_failure(failure)
            assert (out.seen, out.new, out.skipped, out.duplicates, out.events, len(out.failures)) == (
                report.seen, report.new, report.skipped, report.duplicates, report.events, report.failures)
    finally:
        row.close()
        batch.close()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("budget", "records"), [(200_000, True), (400, False)])
def test_the_batch_writer_stores_what_the_row_writer_stores(tmp_path: Path, kind: str, budget: int, records: bool):
    with two_stores(kind, tmp_path) as (ref, url):
        both_writers(ref, url, batches(), budget, records)
        expected = _rows(ref)
        assert expected["copies"] == [("a3", "a1"), ("a6", "a5"), ("b2", "a8")]
        places = {tuple(m["article_id"] for m in e["mentions"]): (e["location"] or {}).get("country")
                  for e in expected["events"]}
        assert places[("a1", "a2", "b4")] == "BLR" and places[("a8", "a8", "b1", "b6")] == "CHN"  # places found by later reports
        targets = {tuple(m["article_id"] for m in e["mentions"]): (e["target"] or {}).get("name")
                   for e in expected["events"]}
        assert targets[("a10", "a9")] == "ISR" and targets[("a11", "b5")] == "SYR"  # one-sided events completed
        assert _rows(url) == expected


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_text_is_stored_as_the_row_writer_stores_it(tmp_path: Path, kind: str):
    # NUL, a lone surrogate, quotes, backslashes and JSON's own escapes in every text the
    # batch writer sends (on PostgreSQL as one JSON text a table, cleaned as the row writer cleans).
    hostile = ["nul\x00byte", "lone \ud800 surrogate", 'it\'s "quoted" \\u0000 \\ %_', "ünïcödé ☃ \U0001F600"]
    items = [(make_article(f"h{i}", text=f"Story {i}: {v}", url=f"https://x.example/{i}", outlet=v),
              [make_event(f"e{i}", f"h{i}", sentence=v, trigger=v, source="RUS", target=f"T{i}", country="BLR")],
              None) for i, v in enumerate(hostile)]
    with two_stores(kind, tmp_path) as (ref, url):
        both_writers(ref, url, [items])
        expected = _rows(ref)
        assert expected["counts"]["articles"] == len(hostile) and expected["counts"]["events"] == len(hostile)
        assert _rows(url) == expected


def backfill_beside_one_process(tmp_path: Path, kind: str, client, **options) -> tuple:
    """A backfill of the test archive (batches of 8, the fake coder) and a one-process
    ingest of it, into fresh stores: ``(report, its rows, the one-process rows)``."""
    sources = [str(make_archive(tmp_path / "in"))]
    with two_stores(kind, tmp_path) as (ref, url):
        one_process(sources, ref)
        store = open_store(url)
        try:
            report = backfill(sources, store, Settings(batch_size=8), client, coder=fake_coder, **options)
        finally:
            store.close()
        return report, (snapshot(url), _rows(url)), (snapshot(ref), _rows(ref))


@pytest.mark.parametrize("kind", KINDS)
def test_a_failing_batch_is_stored_again_by_the_row_writer(tmp_path: Path, thread_client, kind: str, monkeypatch):
    from flashpoint.errors import StoreError
    from flashpoint.store import batched

    calls = []

    def refuse(self) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise StoreError("the database refused the batch")
        return write(self)

    write = batched._Replay.write
    monkeypatch.setattr(batched._Replay, "write", refuse)
    report, got, expected = backfill_beside_one_process(tmp_path, kind, thread_client)
    assert len(calls) > 3 and report.new > 90
    assert got == expected


@pytest.mark.postgres
def test_a_statement_the_server_refuses_inside_the_pipeline_rolls_the_batch_back(tmp_path: Path, thread_client,
                                                                                  monkeypatch):
    # The error comes back only when the pipeline is waited for (at the commit): the batch is
    # rolled back whole, the connection is usable, and the row writer stores the batch again.
    from flashpoint.store.postgres import PostgresStore

    calls = []
    stage = PostgresStore._stage

    def refused(self, table, rows, conflict="ON CONFLICT DO NOTHING"):
        if table == "event_reports":
            calls.append(1)
            if len(calls) == 3:
                self._run("INSERT INTO event_reports (id) VALUES (NULL)")  # NOT NULL: the server refuses
        return stage(self, table, rows, conflict)

    monkeypatch.setattr(PostgresStore, "_stage", refused)
    from flashpoint.backfill import runner

    again = []
    row_writer = runner.ingest
    monkeypatch.setattr(runner, "ingest", lambda *a, **k: again.append(1) or row_writer(*a, **k))
    report, got, expected = backfill_beside_one_process(tmp_path, "postgres", thread_client)
    assert len(calls) > 3 and report.new > 90 and again == [1]  # that one batch, by the row writer
    assert got == expected


def test_the_row_writer_is_still_there(tmp_path: Path, thread_client):
    _, got, expected = backfill_beside_one_process(tmp_path, "sqlite", thread_client, row_writer=True)
    assert got == expected


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_a_client_killed_inside_a_batch_transaction_loses_and_doubles_nothing(tmp_path: Path, kind: str):
    sources = [str(make_archive(tmp_path / "in"))]
    with two_stores(kind, tmp_path) as (ref, url):
        one_process(sources, ref)
        env = {**os.environ, "FLASHPOINT_TEST_DIE_IN_BATCH": "4"}
        with subprocess.Popen([sys.executable, str(SCRIPT), url, *sources], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, env=env, start_new_session=True) as proc:
            out, _ = proc.communicate(timeout=300)
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the cluster the client left behind
        except ProcessLookupError:
            pass
        assert proc.returncode == -signal.SIGKILL and "dying inside batch 4" in out
        partial = snapshot(url)
        stored = sum(line.startswith("batch") for line in out.splitlines())
        assert stored == 3 and 0 < partial["counts"]["articles"] <= 3 * 8  # the 4th batch was rolled back whole
        done = subprocess.run([sys.executable, str(SCRIPT), url, *sources], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        batches_done, skipped = map(int, done.stdout.split("done", 1)[1].split())
        assert skipped == 3 and batches_done > 0
        assert snapshot(url) == snapshot(ref)


@pytest.mark.parametrize("kind", KINDS)
def test_a_batch_checkpoint_counts_the_wait_at_the_commit(tmp_path: Path, thread_client, kind: str, monkeypatch):
    # The batch writer marks a batch's checkpoint inside its transaction; on PostgreSQL the
    # pipelined writes are waited for when the block ends (at the commit). A wait there is
    # storing time too, and the checkpoint's seconds must hold it.
    import contextlib
    import time

    from flashpoint.store.relational import RelationalStore

    bulk_batch = RelationalStore.bulk_batch
    wait = 0.3

    @contextlib.contextmanager
    def slow_at_the_end(self):
        with bulk_batch(self):
            yield
            time.sleep(wait)  # what the server's answers to the pipelined writes cost

    monkeypatch.setattr(RelationalStore, "bulk_batch", slow_at_the_end)
    sources = [str(make_archive(tmp_path / "in", n=40))]
    with fresh_url(kind, tmp_path) as url:
        store = open_store(url)
        try:
            report = backfill(sources, store, Settings(batch_size=8), thread_client, coder=fake_coder)
            rows = store._rows("SELECT seconds FROM backfill_batches")
        finally:
            store.close()
    assert report.batches >= 4 and len(rows) == report.batches
    assert min(float(r["seconds"]) for r in rows) >= wait
