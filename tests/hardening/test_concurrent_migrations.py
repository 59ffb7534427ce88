"""Five commands opening one fresh database at once all succeed: the schema
is read and migrated under one lock (issue 14, item 2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from flashpoint.store import open_store
from flashpoint.store.migrate import latest
from tests.store.conftest import BACKENDS, fresh_url

PROCESSES = 5


@pytest.mark.parametrize("kind", [b for b in BACKENDS if b != "memory"])
def test_five_commands_on_a_fresh_database_all_exit_0(kind, tmp_path: Path) -> None:
    for attempt in range(3):  # a race may be lost or won; try it a few times
        where = tmp_path / str(attempt)
        where.mkdir()
        with fresh_url(kind, where) as url:
            start = where / "go"
            # Each process waits for the start file, so all open the database together.
            code = ("import os, sys, time\n"
                    "while not os.path.exists(sys.argv[1]): time.sleep(0.002)\n"
                    "from flashpoint.cli import main\n"
                    "sys.argv = ['flashpoint', 'retry', '--quiet', '--db', sys.argv[2]]\n"
                    "main()\n")
            procs = [subprocess.Popen([sys.executable, "-c", code, str(start), url], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, env=dict(os.environ))
                     for _ in range(PROCESSES)]
            start.touch()
            results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
            for p in procs:
                p.stdout.close()
                p.stderr.close()
            assert [rc for rc, _ in results] == [0] * PROCESSES, [err for _, err in results]
            store = open_store(url)
            try:
                assert store.schema_version() == latest(store.dialect)
            finally:
                store.close()


def test_sqlite_open_waits_out_a_writer_instead_of_failing_at_once(tmp_path: Path) -> None:
    """Switching a file to WAL while another connection holds its write lock
    is refused at once by SQLite (no busy handler: it would deadlock); the
    open tries again until the writer is done, within its timeout."""
    import sqlite3
    import threading
    import time

    from flashpoint.store.sqlite import SQLiteStore

    path = tmp_path / "held.db"
    writer = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    writer.execute("CREATE TABLE held (a)")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO held VALUES (1)")
    release = threading.Timer(0.4, lambda: writer.execute("COMMIT"))
    release.start()
    started = time.monotonic()
    try:
        store = SQLiteStore.open(path, timeout=10)
    finally:
        release.join()
        writer.close()
    try:
        assert store.schema_version() == latest("sqlite")
        assert time.monotonic() - started >= 0.3  # it waited for the writer
    finally:
        store.close()
