"""SQLite back end (stdlib ``sqlite3``): WAL mode, busy timeout, foreign keys.

One file, no server: the default store. Writers are serialised by SQLite
(``BEGIN IMMEDIATE`` takes the write lock up front, so a second writer
waits up to the busy timeout instead of failing half-way).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .relational import Contention, RelationalStore
from .rows import EVENT_COLUMNS


class SQLiteStore(RelationalStore):
    """A store in one SQLite file."""

    dialect = "sqlite"
    driver_errors = (sqlite3.Error,)
    hint = ("check that the file is a Flashpoint database, that it and its directory are writable, "
            "and that no other program holds a long write lock")

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False, timeout: float = 5.0) -> "SQLiteStore":
        """Open (creating and migrating unless ``read_only``) the database at ``path``."""
        where = str(path)
        try:
            if read_only:
                uri = Path(path).resolve().as_uri() + "?mode=ro"
                conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None,
                                       check_same_thread=False)
            else:
                conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None,
                                       check_same_thread=False)
        except (sqlite3.Error, ValueError, OSError) as exc:
            raise StoreError(f"cannot open SQLite database {where}: {exc}; check the path exists and is readable") from exc
        store = cls(conn, where)
        try:
            store._set_up(read_only, timeout)
            if read_only:
                store._check_read_only()
            else:
                store.migrate()
        except BaseException:
            conn.close()
            raise
        return store

    def _set_up(self, read_only: bool, timeout: float) -> None:
        """Set the connection's pragmas, waiting out other openers.

        Switching a fresh file to WAL needs the exclusive lock, and SQLite
        answers "database is locked" at once, without its busy handler,
        when two connections would otherwise wait on each other (as several
        commands opening one new database do). Such a refusal is tried
        again until ``timeout`` has passed.
        """
        deadline = time.monotonic() + timeout
        pause = 0.005
        while True:
            try:
                with self._guard("open the database"):
                    self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
                    self.conn.execute("PRAGMA foreign_keys = ON")
                    if not read_only:
                        self.conn.execute("PRAGMA journal_mode = WAL")
                        self.conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL, much faster commits
                return
            except Contention:
                if time.monotonic() + pause > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.2)

    def _check_read_only(self) -> None:
        from . import migrate

        with self._guard("read the schema version"):
            has = self._rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
            current = self.schema_version() if has else 0
        migrate.check_version(current, self.dialect, self.where)
        if current < migrate.latest(self.dialect):
            raise StoreError(f"{self.where} is at schema version {current} and opened read-only; "
                             "open it once without mode=ro to migrate it")

    def _contended(self, exc: BaseException) -> bool:
        # Another writer held the write lock for longer than the busy timeout.
        return isinstance(exc, sqlite3.OperationalError) and "database is locked" in str(exc)

    def _run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, params)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.conn.in_transaction:  # nested use joins the outer transaction
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _script(self, sql: str) -> None:
        # executescript() would COMMIT first; run statement by statement instead
        # so a migration is all-or-nothing with its schema_version row.
        for statement in _statements(sql):
            self.conn.execute(statement)

    def bulk_events(self, rows: Iterable[Sequence[Any]]) -> int:
        # The indexes of a large load outgrow the default 2 MB page cache at
        # once; 256 MB for the load only (a third less time for 100,000 events).
        previous = self._rows("PRAGMA cache_size")[0]["cache_size"]
        self.conn.execute("PRAGMA cache_size = -262144")
        try:
            return super().bulk_events(rows)
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(previous)}")

    def _bulk_insert(self, rows: list[Sequence[Any]]) -> None:
        marks = ", ".join("?" for _ in EVENT_COLUMNS)
        self.conn.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({marks})", rows)

    def bulk_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        with self._guard(f"bulk-load {table}"), self._transaction():
            cur = self.conn.executemany(sql, rows)
            return cur.rowcount


def _statements(script: str) -> list[str]:
    """Split a migration into statements (complete per sqlite3.complete_statement)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip().strip(";").strip() and not _only_comments(buf):
                out.append(buf)
            buf = ""
    if buf.strip() and not _only_comments(buf):
        out.append(buf)
    return out


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in text.splitlines())
