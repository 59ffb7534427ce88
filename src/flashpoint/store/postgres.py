"""PostgreSQL back end (psycopg 3).

The connection runs in autocommit mode and every write opens an explicit
transaction, so a failure rolls back the whole article. Concurrent writers
(several ingest workers) serialise merges per dyad with a transaction-level
advisory lock, so two reports of one event never start two merged events.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import StoreError
from .relational import RelationalStore
from .rows import EVENT_COLUMNS

_SCHEMA = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class PostgresStore(RelationalStore):
    """A store in a PostgreSQL database (optionally in one schema)."""

    dialect = "postgres"
    hint = "check that the PostgreSQL server is running and reachable and the role may write"
    collate = ' COLLATE "C"'

    @classmethod
    def open(cls, url: str, connect_timeout: int = 10) -> "PostgresStore":
        """Connect to ``url`` and migrate. ``?schema=name`` keeps tables in that schema."""
        import psycopg

        cls.driver_errors = (psycopg.Error,)
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        schema = query.pop("schema", None)
        if schema is not None and not _SCHEMA.match(schema):
            raise StoreError(f"bad schema name {schema!r}; use lower-case letters, digits and _")
        query.setdefault("connect_timeout", str(connect_timeout))
        conninfo = urlunsplit(parts._replace(query=urlencode(query)))
        where = f"PostgreSQL at {parts.hostname or 'localhost'}:{parts.port or 5432}{parts.path}"
        try:
            conn = psycopg.connect(conninfo, autocommit=True)
        except psycopg.Error as exc:
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect to {where}: {detail}; {cls.hint}") from exc
        store = cls(conn, where + (f" schema {schema}" if schema else ""))
        try:
            if schema:
                with store._guard("select the schema"):
                    conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
                    conn.execute(f'SET search_path TO "{schema}"')
            store.migrate()
        except BaseException:
            conn.close()
            raise
        return store

    def _run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        # Our SQL uses "?" placeholders and no literal "%"; psycopg wants %s.
        params = [p.replace("\x00", "\ufffd") if isinstance(p, str) else p for p in params]
        return self.conn.execute(sql.replace("%", "%%").replace("?", "%s"), params, prepare=False)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def _script(self, sql: str) -> None:
        self.conn.execute(sql)  # psycopg runs several statements when given no parameters

    def _week(self, column: str) -> str:
        return f"to_char(date_trunc('week', CAST({column} AS date)), 'YYYY-MM-DD')"

    def _lock_dyad(self, key: str) -> None:
        self._run("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", [key])

    def bulk_events(self, rows: Iterable[Sequence[Any]]) -> int:
        n = 0
        with self._guard("bulk-load events"), self._transaction():
            with self.conn.cursor().copy(f"COPY events ({', '.join(EVENT_COLUMNS)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    n += 1
        return n
