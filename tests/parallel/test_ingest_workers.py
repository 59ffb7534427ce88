"""Ingest with several coding processes: the same store as one process, and kill-safe."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli import main

from ..ingest.fakes import fake_coder
from ..ingest.test_crash import corpus, snapshot
from ..store.conftest import fresh_url

SCRIPT = Path(__file__).resolve().parent / "crash_run.py"


def _cli_ingest(source: Path, db: str, workers: int) -> None:
    result = CliRunner().invoke(
        main, ["ingest", str(source), "--db", db, "--batch-size", "16", "--workers", str(workers), "-q"],
        obj={"coder": fake_coder},
    )
    assert result.exit_code == 1, result.output  # the corpus holds refusals and a broken line


def test_ingest_with_two_workers_stores_what_one_worker_stores(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    corpus(source, n=120)
    _cli_ingest(source, str(tmp_path / "one.db"), 1)
    _cli_ingest(source, str(tmp_path / "two.db"), 2)
    one, two = snapshot(tmp_path / "one.db"), snapshot(tmp_path / "two.db")
    assert one == two and one["counts"]["articles"] > 100


def test_workers_must_be_positive(tmp_path: Path):
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--workers", "0"])
    assert result.exit_code == 2 and "error: --workers must be 1 or more" in result.output


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its reaper is gone for our purpose
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def _run_and_kill(source: Path, db: str, kill_after: int) -> list[int]:
    env = {**os.environ, "FAKE_CODER_DELAY": "0.005"}
    command = [sys.executable, str(SCRIPT), str(source), db]
    pids: list[int] = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env) as proc:
        assert proc.stdout is not None
        batches = 0
        for line in proc.stdout:
            if line.startswith("batch"):
                batches += 1
                pids = [int(p) for p in line.split("pids", 1)[1].split()]
            if batches >= kill_after:
                break
        proc.send_signal(signal.SIGKILL)  # the workers are busy with the next batch
        proc.wait(timeout=30)
    return pids


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_killing_a_two_worker_ingest_loses_and_doubles_nothing(tmp_path: Path, kind: str):
    source = tmp_path / "in.jsonl"
    corpus(source)
    for name in ("clean", "crashed"):
        (tmp_path / name).mkdir()
    with fresh_url(kind, tmp_path / "clean") as clean, fresh_url(kind, tmp_path / "crashed") as crashed:
        subprocess.run([sys.executable, str(SCRIPT), str(source), clean], check=True, capture_output=True, timeout=300)
        expected = snapshot(clean)
        workers = _run_and_kill(source, crashed, kill_after=3)
        assert len(workers) == 2
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(p) for p in workers), "coding workers outlived the killed run"
        partial = snapshot(crashed)
        assert 0 < partial["counts"]["articles"] < expected["counts"]["articles"]
        done = subprocess.run([sys.executable, str(SCRIPT), str(source), crashed], capture_output=True, text=True, timeout=300)
        assert "done" in done.stdout, done.stderr
        assert snapshot(crashed) == expected
