"""``flashpoint serve`` from the command line, and the hint ``make run`` prints."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import pytest
from click.testing import CliRunner

from flashpoint.cli import main
from flashpoint.cli.demo import serve_hint

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


@pytest.mark.network
def test_serve_answers_on_loopback(tmp_path):
    db = str(tmp_path / "s.db")
    fill(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "serve.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "flashpoint", "serve", "--db", db, "--port", str(port)],
                                stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/v1/stats", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-500:]
                time.sleep(0.2)
        assert r.json()["events"] == 5
        assert "default-src 'self'" in httpx.get(f"http://127.0.0.1:{port}/").headers["content-security-policy"]
    finally:
        proc.terminate()
        proc.wait(10)
