"""``flashpoint serve`` from the command line, and the hint ``make run`` prints."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from flashpoint.cli import main
from flashpoint.cli.demo import serve_hint
from flashpoint.errors import UsageError

from .conftest import fill


def test_demo_prints_how_to_serve_its_database():
    assert serve_hint("demo db.sqlite").startswith("flashpoint serve --db 'demo db.sqlite'")


@pytest.mark.parametrize("args, code, message", [
    (["--db", "memory:"], 2, "not memory:"),
    (["--db", "/nonexistent/dir/x.db"], 3, "cannot open SQLite database"),
    (["--db", "x.db", "--token", "short"], 2, "at least 16 characters"),
    (["--db", "x.db", "--port", "70000"], 2, "70000"),
])
def test_bad_options_fail_with_a_message(tmp_path, monkeypatch, args, code, message):
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(main, ["serve", *args])
    assert out.exit_code == code and message in out.output


@contextlib.contextmanager
def _serving(tmp_path: Path, db: str, *options: str) -> Iterator[tuple[subprocess.Popen, str]]:
    """``flashpoint serve`` in a child process on a free port; (process, base URL) once it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "serve.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "flashpoint", "serve", "--db", db, "--port", str(port), *options],
                                stdout=subprocess.DEVNULL, stderr=err)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/v1/stats", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-500:]
                time.sleep(0.2)
        yield proc, base
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(15)


@pytest.mark.network
def test_serve_answers_on_loopback(tmp_path):
    db = str(tmp_path / "s.db")
    fill(db)
    with _serving(tmp_path, db) as (_, base):
        assert httpx.get(base + "/api/v1/stats").json()["events"] == 5
        assert "default-src 'self'" in httpx.get(base + "/").headers["content-security-policy"]


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(c) for c in (task / "children").read_text().split())
    return found


def _serves_http(pid: int) -> bool:
    """Whether process ``pid`` holds a listening TCP socket (a uvicorn worker does; the resource tracker does not)."""
    inodes = set()
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except FileNotFoundError:  # a short-lived child (not a worker) has gone
        return False
    for fd in fds:
        try:  # a descriptor listed can be closed before it is read (the worker keeps working)
            link = os.readlink(f"/proc/{pid}/fd/{fd}")
        except FileNotFoundError:
            continue
        if link.startswith("socket:"):
            inodes.add(link[8:-1])
    listening = {line.split()[9] for name in ("tcp", "tcp6") for line in
                 Path(f"/proc/{pid}/net/{name}").read_text().splitlines()[1:] if line.split()[3] == "0A"}
    return bool(inodes & listening)


@pytest.mark.network
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads worker processes from /proc (Linux)")
def test_serve_with_two_workers_answers_and_stops_cleanly(tmp_path):
    db = str(tmp_path / "s.db")
    fill(db)
    with _serving(tmp_path, db, "--workers", "2") as (proc, base):
        workers = {c for c in _children(proc.pid) if _serves_http(c)}
        assert len(workers) == 2
        answers = []

        def ask(n: int) -> None:
            with httpx.Client(base_url=base, timeout=30) as http:
                for path in ("/api/v1/stats", "/api/v1/series?source=RUS&target=UKR&freq=week", "/"):
                    r = http.get(path)
                    answers.append((r.status_code, path, r.json() if path.startswith("/api") else None))

        threads = [threading.Thread(target=ask, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(answers) == 24 and all(code == 200 for code, _, _ in answers)
        series = [body for _, path, body in answers if "series" in path]
        assert all(body == series[0] for body in series)
        assert sum(p["count"] for p in series[0]["periods"]) == 3  # r1 and r2 are one event
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
        assert not any(Path(f"/proc/{pid}").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text()
                       for pid in workers)


def test_a_worker_reads_the_options_its_parent_left(tmp_path, monkeypatch):
    from flashpoint.config import Settings
    from flashpoint.serve.app import app_from_env
    from flashpoint.serve.config import CONFIG_ENV, ServeConfig

    config = ServeConfig(db=str(tmp_path / "s.db"), token="x" * 20, max_body=5000,
                         settings=Settings(db=str(tmp_path / "s.db"), actor_files=(tmp_path / "a.yml",)))
    assert ServeConfig.from_json(config.to_json()) == config
    monkeypatch.delenv(CONFIG_ENV, raising=False)
    with pytest.raises(UsageError, match="flashpoint serve --workers"):
        app_from_env()
    for bad in ("{not json", "[1, 2]", '{"db": 5}', '{"token": "x"}'):
        monkeypatch.setenv(CONFIG_ENV, bad)
        with pytest.raises(UsageError, match="not a serve configuration"):
            app_from_env()
    monkeypatch.setenv(CONFIG_ENV, config.to_json())
    assert app_from_env().state.config == config
    monkeypatch.setenv(CONFIG_ENV, '{"db": "events.db"}')  # as docs/OPERATIONS.md shows for plain uvicorn
    assert ServeConfig.from_env().settings.db == "events.db"
