"""PostgreSQL back end (psycopg 3).

The connection runs in autocommit mode and every write opens an explicit
transaction (one per article, or one per ingest batch), so a failure rolls
back the whole article or batch. Writes run in pipeline mode: statements
whose answer is not needed yet are sent without waiting, so an article
costs one round trip instead of one per row. Concurrent writers (several
ingest workers) serialise merges per dyad with a transaction-level advisory
lock, so two reports of one event never start two merged events. A batch
holds its locks until it commits; two batches that lock the same dyads in
opposite orders deadlock, the server aborts one of them, and the ingest
runner stores that batch again article by article.

When the server goes away (restart, network, ``pg_terminate_backend``) the
store reconnects, trying again with backoff for up to ``reconnect_window``
seconds (default 60), and carries on; see ``RelationalStore._recover``.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from ..errors import StoreError
from .merge import Report
from .relational import MIGRATION_LOCK, RelationalStore, _clean, candidate_spans
from .rows import EVENT_COLUMNS

_SCHEMA = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class PostgresStore(RelationalStore):
    """A store in a PostgreSQL database (optionally in one schema)."""

    dialect = "postgres"
    hint = "check that the PostgreSQL server is running and reachable and the role may write"
    collate = ' COLLATE "C"'
    nulls_first = " NULLS FIRST"
    _conninfo: str = ""  # what open() connected with, for a reconnect
    _schema: str | None = None

    @classmethod
    def open(cls, url: str, connect_timeout: int = 10, reconnect_window: float = 60.0) -> "PostgresStore":
        """Connect to ``url`` and migrate. ``?schema=name`` keeps tables in that
        schema; ``?reconnect_window=SECONDS`` bounds how long a lost connection
        is retried (default ``reconnect_window``)."""
        import psycopg

        cls.driver_errors = (psycopg.Error,)
        _quiet_lost_pipeline()
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        schema = query.pop("schema", None)
        window = query.pop("reconnect_window", None)
        try:
            reconnect_window = float(window) if window is not None else reconnect_window
        except ValueError:
            raise StoreError(f"reconnect_window must be a number of seconds, not {window!r}") from None
        if schema is not None and not _SCHEMA.match(schema):
            raise StoreError(f"bad schema name {schema!r}; use lower-case letters, digits and _")
        query.setdefault("connect_timeout", str(connect_timeout))
        # JIT compiles a query that the planner thinks big (as a merge recount
        # over a freshly created, unanalysed table looks): ~30 ms to save far
        # less. A URL may still turn it on with options=-c jit=on.
        if "jit" not in query.get("options", ""):
            query["options"] = (query.get("options", "") + " -c jit=off").strip()
        conninfo = urlunsplit(parts._replace(query=urlencode(query, quote_via=quote)))
        where = f"PostgreSQL at {parts.hostname or 'localhost'}:{parts.port or 5432}{parts.path}"
        try:
            conn = psycopg.connect(conninfo, autocommit=True)
        except psycopg.Error as exc:
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect to {where}: {detail}; {cls.hint}") from exc
        store = cls(conn, where + (f" schema {schema}" if schema else ""))
        store._conninfo, store._schema = conninfo, schema
        store.reconnect_window = max(0.0, reconnect_window)
        try:
            if schema:
                with store._guard("select the schema"):
                    # CREATE SCHEMA IF NOT EXISTS is not safe against a concurrent
                    # one (a unique violation in pg_namespace): hold the lock migrate() takes.
                    with store._transaction():
                        store._lock_keys([MIGRATION_LOCK])
                        conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
                    conn.execute(f'SET search_path TO "{schema}"')
            store.migrate()
        except BaseException:
            conn.close()
            raise
        return store

    @staticmethod
    def _stored_text(value: Any) -> Any:
        return _params([_clean(value)])[0]

    def _run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        # A raw cursor takes numbered placeholders ($1) as PostgreSQL does, so
        # psycopg does not parse the query for %s on every call: it caches that
        # parse only for statements under 4 KB, and the multi-row inserts are
        # longer and of varying length (about a third of a writer's CPU went there).
        import psycopg

        return psycopg.RawCursor(self.conn).execute(_numbered(sql), _params(params))

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def _pipeline(self) -> contextlib.AbstractContextManager[Any]:
        return self.conn.pipeline()

    def _broken(self, exc: BaseException) -> bool:
        # The server may say it is ending the session (SQLSTATE class 57P: "terminating
        # connection due to administrator command") before the driver sees the socket
        # close, and connection exceptions are class 08.
        state = getattr(exc, "sqlstate", None) or ""
        return bool(self.conn.broken or self.conn.closed or state.startswith(("57P", "08")))

    def _contended(self, exc: BaseException) -> bool:
        # deadlock_detected, serialization_failure
        return getattr(exc, "sqlstate", None) in ("40P01", "40001")

    def _reconnect(self) -> None:
        import psycopg

        with contextlib.suppress(psycopg.Error):
            self.conn.close()
        conn = psycopg.connect(self._conninfo, autocommit=True)
        try:
            if self._schema:
                conn.execute(f'SET search_path TO "{self._schema}"')
        except BaseException:
            conn.close()
            raise
        self.conn = conn

    def _script(self, sql: str) -> None:
        self.conn.execute(sql)  # psycopg runs several statements when given no parameters

    def _lock_keys(self, keys: list[str]) -> None:
        # One statement; the locks are taken in the order of the keys (sorted by
        # the caller), so two single-article writes never wait in a cycle.
        # Dyad keys and duplicate keys ("dup|...") never collide by text.
        self._run("SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))"
                  " FROM unnest(CAST(? AS text[])) AS t(k)", [keys])

    def _new_changes(self, ids: list[str], at: str) -> None:
        # One array parameter: a third of the time of multi-row VALUES in a bulk load.
        self._send("INSERT INTO event_changes (event_id, kind, at)"
                   " SELECT k, 'new', ? FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS t(k, n) ORDER BY n",
                   [at, ids])

    def _bulk_insert(self, rows: list[Sequence[Any]]) -> None:
        with self.conn.cursor().copy(f"COPY events ({', '.join(EVENT_COLUMNS)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _recount_batch(self, ids: list[str], originals: list[str]) -> None:
        # _RECOUNT as one aggregate over all the events' reports and copies
        # instead of six correlated subqueries per event (a batch joins a few
        # hundred stored events); the same numbers and facts
        # (tests/backfill/test_batch_writer.py). The lateral subqueries (OFFSET 0
        # keeps the planner from flattening them) are index lookups per event,
        # so the cost follows the batch, not the tables: on a fresh schema, with
        # no statistics, the planner hash-joined whole tables instead.
        self._send(_RECOUNT_SET, [[_clean(i) for i in ids], [_clean(i) for i in originals]])

    def _batch_candidates(self, reports: list[Report], event_ids: list[str]) -> list[Any]:
        # The candidates of a whole batch as one join over arrays: per dyad and
        # CAMEO root, the union of its reports' date windows (and the undated
        # events for undated reports), as _candidate_query asks with one arm
        # per key; hundreds of arms cost the planner more than the lookups.
        # One-sided reports look up (source, root) whatever the target (merge
        # rule 1): their own pair of arms, served by index events_merge_source.
        spans = candidate_spans(reports, self.window_days)
        cols = ("SELECT 'candidate' AS kind, e.id, e.source_key, e.target_key, e.cameo_root, e.date,"
                " e.location_country, e.counted, r.article_id, r.trigger")
        arms, params = [], []
        for names, match in ((("s", "t", "c"), "e.source_key = q.s AND e.target_key = q.t AND e.cameo_root = q.c"),
                             (("s", "c"), "e.source_key = q.s AND e.cameo_root = q.c")):
            keys = {k: v for k, v in spans.items() if len(k) == len(names)}
            dated = [(*key, lo, hi) for key, (lo, hi, _) in keys.items() if lo is not None]
            undated = [key for key, (_, _, none) in keys.items() if none]
            for rows, columns, when in ((dated, (*names, "lo", "hi"), "e.date BETWEEN q.lo AND q.hi"),
                                        (undated, names, "e.date IS NULL")):
                if rows:
                    arms.append(f"{cols} FROM unnest({', '.join('CAST(? AS text[])' for _ in columns)})"
                                f" AS q({', '.join(columns)}) JOIN events e ON {match} AND {when}"
                                " LEFT JOIN event_reports r ON r.merged_id = e.id")
                    params += [[_clean(row[i]) for row in rows] for i in range(len(columns))]
        arms.append("SELECT 'stored', id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM event_reports"
                    " WHERE id = ANY(CAST(? AS text[]))")
        params.append([_clean(i) for i in event_ids])
        sql = " UNION ALL ".join(arms)
        # Parallel workers cost more to start (~15 ms) than this batch's index
        # lookups take; for the rest of the batch's transaction, none.
        self._send("SET LOCAL max_parallel_workers_per_gather = 0")
        return [self._send(sql, params)]

    def _stage(self, table: str, rows: Sequence[dict[str, Any]], conflict: str = "ON CONFLICT DO NOTHING") -> None:
        # The rows as one JSON parameter of one set-based insert: a statement
        # that goes out in the batch's pipeline without waiting (COPY cannot
        # run in a pipeline: it cost two round trips a table), and a text the
        # server parses in C, as it parses COPY.
        if not rows:
            return
        cols = ", ".join(rows[0])
        self._run(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM json_populate_recordset(NULL::{table}, ?)"
                  f" {conflict}", [_json_rows(rows)])

    def bulk_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        n = 0
        with self._guard(f"bulk-load {table}"), self._transaction():
            with self.conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    n += 1
        return n

    def _stream(self, sql: str, params: Sequence[Any], size: int) -> Iterator[list[tuple[Any, ...]]]:
        # A server-side cursor: the server runs the query once and sends it a
        # page at a time; REPEATABLE READ gives the mentions the cursor's snapshot.
        with self.conn.transaction():
            self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            with self.conn.cursor(name="flashpoint_event_pages") as cur:
                cur.execute(_sql(sql), _params(params))
                while rows := cur.fetchmany(size):
                    yield rows


_RECOUNT_SET = """
WITH t AS (
  SELECT unnest(CAST(? AS text[])) AS id
  UNION SELECT merged_id FROM event_reports WHERE article_id = ANY(CAST(? AS text[]))
), r AS (
  SELECT r.merged_id, r.rid, r.article_id, a.outlet, a.url
  FROM t CROSS JOIN LATERAL (SELECT merged_id, id AS rid, article_id FROM event_reports
                             WHERE merged_id = t.id OFFSET 0) r
  CROSS JOIN LATERAL (SELECT outlet, url FROM articles WHERE id = r.article_id OFFSET 0) a
), c AS (
  SELECT x.merged_id, x.n, c.id, c.outlet
  FROM (SELECT merged_id, article_id, count(*) AS n FROM r GROUP BY merged_id, article_id) x
  CROSS JOIN LATERAL (SELECT id, outlet FROM article_copies WHERE original_id = x.article_id OFFSET 0) c
), rs AS (
  SELECT merged_id, count(*) AS n,
    (array_agg(url ORDER BY rid COLLATE "C") FILTER (WHERE url <> ''))[1] AS first_url,
    COALESCE((json_agg(DISTINCT outlet COLLATE "C" ORDER BY outlet COLLATE "C") FILTER (WHERE outlet <> ''))::text,
             '[]') AS outlets
  FROM r GROUP BY merged_id
), cs AS (
  SELECT merged_id, sum(n) AS n FROM c GROUP BY merged_id
), ds AS (
  SELECT merged_id, count(DISTINCT doc) AS docs, count(DISTINCT src) AS srcs FROM (
    SELECT merged_id, article_id AS doc, COALESCE(outlet, article_id) AS src FROM r
    UNION ALL SELECT merged_id, id, COALESCE(outlet, id) FROM c) d
  GROUP BY merged_id
)
UPDATE events e SET num_mentions = rs.n + COALESCE(cs.n, 0), num_articles = ds.docs, num_sources = ds.srcs,
  first_url = rs.first_url, outlets = rs.outlets
FROM rs JOIN ds USING (merged_id) LEFT JOIN cs USING (merged_id)
WHERE e.id = rs.merged_id
"""


def _drop_lost_pipeline_notice(record: logging.LogRecord) -> bool:
    """False (drop) only for psycopg's notice that a pipeline could not be closed
    because its connection is gone; the same notice for a COPY, or for a pipeline on
    a connection still open (an error the store did not report), is kept."""
    if not str(record.msg).startswith("error ignored terminating"):
        return True
    import psycopg

    args = record.args if isinstance(record.args, tuple) else ()
    what = args[0] if args else None
    conn = getattr(what, "_conn", None)
    return not (isinstance(what, psycopg.Pipeline) and conn is not None and conn.closed)


def _quiet_lost_pipeline() -> None:
    """psycopg logs a warning when a pipeline on a lost connection cannot be
    closed; the store reports the lost connection itself, in one message
    (a broken connection is always closed, so "closed" covers both)."""
    log = logging.getLogger("psycopg")
    if _drop_lost_pipeline_notice not in log.filters:
        log.addFilter(_drop_lost_pipeline_notice)


def _sql(sql: str) -> str:
    # Our SQL uses "?" placeholders and no literal "%"; psycopg wants %s.
    return sql.replace("%", "%%").replace("?", "%s")


def _numbered(sql: str) -> str:
    """Our SQL's "?" placeholders as PostgreSQL's own ($1, $2, ...)."""
    return _number_cached(sql) if len(sql) <= _CACHED_SQL else _number(sql)


def _number(sql: str) -> str:
    parts = sql.split("?")
    out = [parts[0]]
    for n, part in enumerate(parts[1:], 1):
        out += ("$", str(n), part)
    return "".join(out)


_CACHED_SQL = 8192  # longer statements are multi-row inserts of one-off lengths: not worth keeping
_number_cached = functools.lru_cache(maxsize=512)(_number)


def _json_rows(rows: Sequence[dict[str, Any]]) -> str:
    """``rows`` as a JSON array for ``json_populate_recordset``: text PostgreSQL
    can hold (no NUL, no lone surrogate), as :func:`_params` and ``_clean`` make it."""
    text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    if "\\u0000" in text or _clean(text) is not text:  # rare: clean value by value
        text = json.dumps([{k: PostgresStore._stored_text(v) for k, v in row.items()} for row in rows],
                          ensure_ascii=False, separators=(",", ":"))
    return text


def _params(params: Sequence[Any]) -> list[Any]:
    # PostgreSQL text cannot hold NUL.
    return [p.replace("\x00", "\ufffd") if isinstance(p, str) else p for p in params]
