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


def run(source: Path, db: Path, delay: str = "0", kill_after: int | None = None) -> str:
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


def snapshot(db: Path) -> dict:
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
@pytest.mark.parametrize("kill_after", [1, 4, 9])
def test_kill_and_rerun_matches_an_uninterrupted_run(tmp_path: Path, kill_after: int):
    source = tmp_path / "in.jsonl"
    corpus(source)
    clean = tmp_path / "clean.db"
    run(source, clean)
    expected = snapshot(clean)
    assert expected["counts"]["articles"] > 250 and expected["counts"]["copies"] >= 9
    assert len(expected["failures"]) == 13  # 12 coder refusals and the broken line

    crashed = tmp_path / "crashed.db"
    run(source, crashed, delay="0.005", kill_after=kill_after)
    partial = snapshot(crashed)
    assert 0 < partial["counts"]["articles"] < expected["counts"]["articles"]
    assert "done" in run(source, crashed)
    assert snapshot(crashed) == expected
    run(source, crashed)  # a third run changes nothing
    assert snapshot(crashed) == expected
