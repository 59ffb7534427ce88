"""PostgreSQL outages: a restart during a batch write and a 10 s stop cost a
pause, not the run (issue 14, item 7). Runs against a private server (see
pgserver.py), never the shared one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flashpoint.store import open_store

from .pgserver import private_server

WORKER = Path(__file__).with_name("ingest_part.py")
pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture(scope="module")
def server():
    with private_server() as found:
        if isinstance(found, str):
            if os.environ.get("CI") == "true":
                pytest.fail(found + " (CI=true requires PostgreSQL)")
            pytest.skip(found)
        yield found


def _corpus(path: Path) -> Path:
    path.write_text("".join(json.dumps({
        "id": f"a{i:03d}", "date": f"2021-11-{1 + i % 28:02d}",
        "text": f"Dispatch {i}. The envoys of Ruritania and Freedonia met at crossing {i} on the river {i * 7}.",
    }) + "\n" for i in range(60)), encoding="utf-8")
    return path


def _counts(url: str) -> dict[str, int]:
    store = open_store(url)
    try:
        return store.counts()
    finally:
        store.close()


def _ingest(url: str, corpus: Path, start: Path, delay: str) -> subprocess.Popen:
    env = {**os.environ, "FAKE_CODER_DELAY": delay, "BATCH": "4"}
    start.touch()
    return subprocess.Popen([sys.executable, str(WORKER), str(corpus), url, str(start)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_restart_and_a_ten_second_stop_lose_nothing(server, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl")
    clean_url = server.url + "?schema=clean"
    with _ingest(clean_url, corpus, tmp_path / "go1", "0") as proc:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    clean = _counts(clean_url)

    url = server.url + "?schema=outage"
    open_store(url).close()
    with _ingest(url, corpus, tmp_path / "go2", "0.05") as proc:
        batches = 0
        for line in proc.stdout:
            batches += line.startswith("batch")
            if batches == 2:
                server.restart()  # the worker is coding or writing its third batch
            if batches == 5:
                server.stop()
                time.sleep(10)
                server.start()
        log = proc.stderr.read()
        assert proc.wait(timeout=120) == 0, log[-3000:]
    assert "reconnect attempt" in log and "reconnected" in log  # each attempt is logged
    outage = _counts(url)
    assert outage == clean and outage["articles"] == 60 and outage["failures"] == 0
