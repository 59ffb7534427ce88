"""Killing an ingest at any point loses nothing and duplicates nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from flashpoint.store import open_store

from ..store.conftest import fresh_url

SCRIPT = Path(__file__).resolve().parent / "crash_run.py"


def corpus(path: Path, n: int = 300) -> None:
    lines = []
    for i in range(n):
        text = f"Story {i}. The envoy of Ruritania met officials in district {i}. Talks went on."
        if i % 25 == 7:
            text = "Please FAIL this one " + str(i)
        if i % 30 == 11:  # a syndicated copy of story i-1 under another URL
            text = f"Story {i - 1}. The envoy of Ruritania met officials in district {i - 1}. Talks went on."
        lines.append(json.dumps({"text": text, "url": f"https://wire.example/{i}", "date": "2021-11-12"}))
    lines.insert(50, "{broken json")
    path.write_text("\n".join(lines) + "\n")


def run(source: Path, db: Path | str, delay: str = "0", kill_after: int | None = None) -> str:
    env = {**os.environ, "FAKE_CODER_DELAY": delay}
    command = [sys.executable, str(SCRIPT), str(source), str(db)]
    if kill_after is None:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env) as proc:
        assert proc.stdout is not None
        batches = 0
        for line in proc.stdout:
            batches += line.startswith("batch")
            if batches >= kill_after:
                break
        proc.send_signal(signal.SIGKILL)  # mid-batch: the coder is busy with the next batch
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return ""


def snapshot(db: Path | str) -> dict:
    store = open_store(str(db))
    try:
        events = sorted(
            (e["event_id"] if "event_id" in e else e.get("id"), e.get("num_mentions"), e.get("num_articles"))
            for e in store.events()
        )
        counts = store.counts()
        failures = sorted((f.key, f.stage) for f in store.failures())
    finally:
        store.close()
    return {"events": events, "counts": counts, "failures": failures}


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
@pytest.mark.parametrize("kill_after", [1, 4, 9])
def test_kill_and_rerun_matches_an_uninterrupted_run(tmp_path: Path, kill_after: int, kind: str):
    source = tmp_path / "in.jsonl"
    corpus(source)
    for name in ("clean", "crashed"):
        (tmp_path / name).mkdir()
    with fresh_url(kind, tmp_path / "clean") as clean, fresh_url(kind, tmp_path / "crashed") as crashed:
        run(source, clean)
        expected = snapshot(clean)
        assert expected["counts"]["articles"] > 250 and expected["counts"]["copies"] >= 9
        assert len(expected["failures"]) == 13  # 12 coder refusals and the broken line

        run(source, crashed, delay="0.005", kill_after=kill_after)
        partial = snapshot(crashed)
        assert 0 < partial["counts"]["articles"] < expected["counts"]["articles"]
        assert "done" in run(source, crashed)
        assert snapshot(crashed) == expected
        run(source, crashed)  # a third run changes nothing
        assert snapshot(crashed) == expected


def _ingest(url: str, source: Path, progress=None):
    from flashpoint.config import Settings
    from flashpoint.ingest import FileSource, ingest

    from .fakes import fake_coder

    store = open_store(url)
    try:
        return ingest(FileSource([str(source)]), store, fake_coder, Settings(batch_size=16), progress=progress)
    finally:
        store.close()


class _PullThePlug:
    """Ends the store's PostgreSQL server process on the ``after``-th call:
    as a progress callback that is between two batches, wrapped round the
    coder it is just before a batch is stored. ``for_good`` makes the
    reconnect fail too."""

    def __init__(self, store_of, after: int, for_good: bool = False) -> None:
        self.store_of, self.after, self.for_good, self.calls = store_of, after, for_good, 0

    def __call__(self, *args) -> None:
        import psycopg

        from ..store.conftest import postgres_url

        self.calls += 1
        if self.calls != self.after:
            return
        store = self.store_of()
        if self.for_good:  # the server cannot really stay down under other tests
            store._conninfo = "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"
            store.reconnect_window = 1.0  # retried with backoff this long (60 s by default)
        with psycopg.connect(postgres_url(), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [store.conn.info.backend_pid])

    def coder(self, inner):
        def code(articles, settings):
            articles = list(articles)
            self()
            yield from inner(articles, settings)
        return code


@pytest.mark.postgres
@pytest.mark.parametrize("for_good", [False, True])
@pytest.mark.parametrize("when", ["between batches", "before storing a batch"])
def test_postgres_going_away_mid_ingest_loses_and_duplicates_nothing(tmp_path: Path, for_good: bool, when: str):
    from flashpoint.config import Settings
    from flashpoint.ingest import FileSource, ingest
    from flashpoint.store.base import StoreUnavailable

    from .fakes import fake_coder

    source = tmp_path / "in.jsonl"
    corpus(source, n=120)
    with fresh_url("postgres", tmp_path) as clean, fresh_url("postgres", tmp_path) as cut:
        _ingest(clean, source)
        expected = snapshot(clean)

        store = open_store(cut)
        plug = _PullThePlug(lambda: store, after=3, for_good=for_good)
        coder, progress = (fake_coder, plug) if when == "between batches" else (plug.coder(fake_coder), None)
        try:
            if for_good:
                with pytest.raises(StoreUnavailable, match="reconnecting failed"):
                    ingest(FileSource([str(source)]), store, coder, Settings(batch_size=16), progress=progress)
            else:
                report = ingest(FileSource([str(source)]), store, coder, Settings(batch_size=16), progress=progress)
                assert report.new == expected["counts"]["articles"]
                assert report.failures == len(expected["failures"])
        finally:
            store.close()
        assert plug.calls >= 3
        if for_good:
            partial = snapshot(cut)
            assert 0 < partial["counts"]["articles"] < expected["counts"]["articles"]
            _ingest(cut, source)  # the server is back: run again to resume
        assert snapshot(cut) == expected
