"""The backfill on real worker processes: the real coder, a killed worker, a killed client."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

from flashpoint.backfill import backfill, connect
from flashpoint.config import Settings
from flashpoint.ingest import FileSource, ingest
from flashpoint.store import open_store

from .conftest import make_archive, snapshot, two_stores
from .test_backfill import one_process

KINDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
SCRIPT = Path(__file__).resolve().parent / "crash_run.py"
SETTINGS = Settings(batch_size=3)


@pytest.fixture(scope="module")
def process_client():
    """Two single-threaded worker processes, each loading the real resources once."""
    with connect(None, 2, dashboard=None) as client:
        yield client


def sample_shards(root: Path) -> list[str]:
    lines = [line for line in (resources.files("flashpoint") / "data" / "sample" / "corpus.jsonl")
             .read_text(encoding="utf-8").splitlines() if line.strip()]
    root.mkdir()
    half = len(lines) // 2
    (root / "one.jsonl").write_text("\n".join(lines[:half]) + "\n")
    (root / "two.jsonl").write_text("\n".join(lines[half:]) + "\n")
    return [str(root)]


def ingest_one_process(sources: list[str], url: str) -> None:
    from flashpoint.pipeline import code_articles

    store = open_store(url)
    try:
        ingest(FileSource(sources), store, code_articles, SETTINGS)
    finally:
        store.close()


def events_of(url: str) -> list[dict]:
    store = open_store(url)
    try:
        return [{k: v for k, v in e.items() if k != "first_seen"} for e in store.events()]
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_two_workers_store_the_events_of_a_one_process_ingest(tmp_path: Path, process_client, kind: str):
    sources = sample_shards(tmp_path / "in")
    with two_stores(kind, tmp_path) as (ref, url):
        ingest_one_process(sources, ref)
        store = open_store(url)
        try:
            report = backfill(sources, store, SETTINGS, process_client)
        finally:
            store.close()
        expected = events_of(ref)
        assert len(expected) > 50
        assert json.dumps(events_of(url), sort_keys=True, default=str) == json.dumps(expected, sort_keys=True, default=str)
        assert snapshot(url) == snapshot(ref)
        assert report.workers == 2 and report.peak_worker_mb > 100 and report.worker_mb > 100


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_a_worker_killed_mid_run_loses_and_doubles_nothing(tmp_path: Path, process_client, kind: str):
    sources = sample_shards(tmp_path / "in")
    with two_stores(kind, tmp_path) as (ref, url):
        ingest_one_process(sources, ref)
        killed: list[int] = []

        def kill_one(report) -> None:
            if report.batches == 2 and not killed:
                pids = process_client.run(os.getpid)
                killed.append(next(iter(pids.values())))
                os.kill(killed[0], signal.SIGKILL)

        store = open_store(url)
        try:
            report = backfill(sources, store, SETTINGS, process_client, progress=kill_one)
        finally:
            store.close()
        assert killed and report.failures == 0
        assert snapshot(url) == snapshot(ref)
        assert events_of(url) == events_of(ref)
        _until_two_live_workers(process_client, killed[0])  # the nanny brings the worker back


def _until_two_live_workers(client, dead_pid: int, timeout: float = 120.0) -> None:
    """Wait until the scheduler has dropped the killed worker and the nanny's new one has joined: the next test
    of this module's cluster needs both (``wait_for_workers(2)`` alone can count the dead worker, which the
    scheduler has not yet noticed, and return while only one worker lives)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            pids = set(client.run(os.getpid).values())
        except Exception:  # a worker that died between the listing and the call
            pids = set()
        if len(pids) == 2 and dead_pid not in pids:
            return
        assert time.monotonic() < deadline, f"workers after the kill: {pids}"
        time.sleep(0.5)


def _priorities() -> set[int]:
    """The CPU priorities (nice) of every thread of this process."""
    return {os.getpriority(os.PRIO_PROCESS, int(t)) for t in os.listdir("/proc/self/task")}


@pytest.mark.slow
@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="reads thread priorities from /proc")
def test_local_workers_yield_the_cpu_to_the_writer(process_client):
    from flashpoint.backfill.worker import PLUGIN_NAME, WORKER_NICE, ResourcesPlugin

    from ..ingest.fakes import fake_coder

    mine = _priorities()
    process_client.register_plugin(ResourcesPlugin(SETTINGS, fake_coder), name=PLUGIN_NAME)
    process_client.register_plugin(ResourcesPlugin(SETTINGS, fake_coder), name=PLUGIN_NAME)  # again: not lower still
    workers = process_client.run(lambda: {os.getpriority(os.PRIO_PROCESS, int(t)) for t in os.listdir("/proc/self/task")})
    assert len(workers) == 2 and all(p == {WORKER_NICE} for p in workers.values())
    coding = process_client.submit(os.getpriority, os.PRIO_PROCESS, 0, pure=False).result()  # the task's thread
    assert coding == WORKER_NICE
    assert _priorities() == mine  # the client (the writer, and the local scheduler) keeps its priority


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="reads thread priorities from /proc")
def test_thread_workers_in_the_writer_process_leave_its_priority(thread_client):
    from flashpoint.backfill.worker import PLUGIN_NAME, ResourcesPlugin

    from ..ingest.fakes import fake_coder

    mine = _priorities()
    thread_client.register_plugin(ResourcesPlugin(SETTINGS, fake_coder), name=PLUGIN_NAME)
    assert _priorities() == mine


def _kill_after(db: str, sources: list[str], batches: int) -> None:
    command = [sys.executable, str(SCRIPT), db, *sources]
    env = {**os.environ, "FAKE_CODER_DELAY": "0.02"}
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
                          start_new_session=True) as proc:
        assert proc.stdout is not None
        seen = 0
        for line in proc.stdout:
            seen += line.startswith("batch")
            if seen >= batches:
                break
        os.killpg(proc.pid, signal.SIGKILL)  # the client, its scheduler and its workers
        proc.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_resume_after_the_client_is_killed(tmp_path: Path, kind: str):
    sources = [str(make_archive(tmp_path / "in"))]
    with two_stores(kind, tmp_path) as (ref, url):
        one_process(sources, ref)
        _kill_after(url, sources, 3)
        partial = snapshot(url)
        assert 0 < partial["counts"]["articles"] < snapshot(ref)["counts"]["articles"]
        done = subprocess.run([sys.executable, str(SCRIPT), url, *sources], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        batches, skipped = map(int, done.stdout.split("done", 1)[1].split())
        assert skipped >= 3 and batches > 0
        assert snapshot(url) == snapshot(ref)
