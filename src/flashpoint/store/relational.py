"""The relational store: all SQL and logic shared by SQLite and PostgreSQL.

Subclasses supply a small dialect seam: how to run a statement (one or
many rows), open a transaction, queue statements without waiting for each
answer, bucket dates by week, lock a dyad while merging, bulk-load rows,
which driver exceptions mean "the database failed" and how to reconnect.
SQL here is written with ``?`` placeholders and portable syntax
(``ON CONFLICT``, ``RETURNING``, ``LIKE ... ESCAPE``), which both engines
accept.

Writes are arranged so a client-server database answers in few round
trips: an article's existence check, duplicate-report check, dyad locks
and merge candidates go out together and are read back together, and the
rows that need no answer (bands, reports, actors, counts) are sent without
waiting. :meth:`RelationalStore.batch` puts many articles in one
transaction, so there is one commit per batch rather than per article.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar

from ..errors import StoreError
from ..types import Article, Event
from . import dedup, migrate, rollup
from .base import EventFilter, Failure, StoreUnavailable, check_fields
from .merge import Candidate, Report, actor_key, choose, completes, lock_keys, lookup_keys, merged_id, offered, window
from .pages import PAGE_COLUMNS, EventPage
from .rows import (
    EVENT_COLUMNS, actor_rows, article_row, event_record, event_row, filter_clauses, merged_dict, now,
    report_row, target_columns,
)

PAGE = 500  # events fetched per round trip when streaming results
EXPORT_PAGE = 10_000  # events per page of event_pages (one Parquet row group)
LSH_CANDIDATES = 50  # articles confirmed per near-duplicate lookup, most shared bands first
LOOKUP_CHUNK = 200  # articles per duplicate lookup statement
MAX_PARAMS = 30_000  # parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535
BULK_CHUNK = 20_000  # rows per step of a bulk load

# Recount mentions, articles and sources of the merged events picked by the
# trailing condition (appended by the caller). Every lookup is a correlated
# subquery on an indexed key, so the plan stays index-only however stale the
# table statistics are (a fresh PostgreSQL table has none until autovacuum
# analyses it, and a join plan chosen then scans whole tables).
_RECOUNT = """
UPDATE events SET
  num_mentions = (SELECT count(*) + COALESCE(sum(
      (SELECT count(*) FROM article_copies c WHERE c.original_id = r.article_id)), 0)
    FROM event_reports r WHERE r.merged_id = events.id),
  num_articles = (SELECT count(*) FROM (
      SELECT r.article_id AS doc FROM event_reports r WHERE r.merged_id = events.id
      UNION SELECT c.id FROM article_copies c WHERE c.original_id IN (
        SELECT r.article_id FROM event_reports r WHERE r.merged_id = events.id)) docs),
  num_sources = (SELECT count(*) FROM (
      SELECT (SELECT COALESCE(a.outlet, a.id) FROM articles a WHERE a.id = r.article_id) AS src
      FROM event_reports r WHERE r.merged_id = events.id
      UNION SELECT COALESCE(c.outlet, c.id) FROM article_copies c WHERE c.original_id IN (
        SELECT r.article_id FROM event_reports r WHERE r.merged_id = events.id)) srcs),
{facts}
WHERE """

# What the flat exports read from the mentions, kept on the events row (the
# migration 0124_export_facts fills stores written before it the same way):
# the first URL by report id, and the distinct outlets, sorted, as JSON.
_FIRST_URL = ("  first_url = (SELECT a.url FROM event_reports r JOIN articles a ON a.id = r.article_id"
              " WHERE r.merged_id = events.id AND a.url <> '' ORDER BY r.id{c} LIMIT 1),\n")
_OUTLETS_FROM = ("FROM event_reports r JOIN articles a ON a.id = r.article_id"
                 " WHERE r.merged_id = events.id AND a.outlet <> ''")
_MENTION_FACTS = {
    # A subquery with ORDER BY under an aggregate is not flattened: SQLite keeps its order.
    "sqlite": _FIRST_URL.format(c="") + "  outlets = (SELECT json_group_array(o) FROM ("
              f"SELECT DISTINCT a.outlet AS o {_OUTLETS_FROM} ORDER BY o))",
    "postgres": _FIRST_URL.format(c=' COLLATE "C"') + "  outlets = (SELECT COALESCE(json_agg(o ORDER BY o)::text, '[]')"
                f' FROM (SELECT DISTINCT a.outlet COLLATE "C" AS o {_OUTLETS_FROM}) d)',
}

# Merge candidates of one (source, target, CAMEO root) over a date range, or
# undated, with the (article, trigger) of each of their reports.
_CANDIDATES = (
    "SELECT 'candidate' AS kind, e.id, e.source_key, e.target_key, e.cameo_root, e.date, e.location_country, e.counted,"
    " r.article_id, r.trigger"
    " FROM events e LEFT JOIN event_reports r ON r.merged_id = e.id"
    " WHERE e.source_key = ? AND e.target_key = ? AND e.cameo_root = ? AND "
)
# A one-sided report's candidates: its source and root, any target (merge rule 1;
# index events_merge_source, migration 0914).
_SOURCE_CANDIDATES = _CANDIDATES.replace("e.target_key = ? AND ", "")


def _insert(table: str, row: dict[str, Any], conflict: str = "ON CONFLICT DO NOTHING") -> tuple[str, list[Any]]:
    cols = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    return f"INSERT INTO {table} ({cols}) VALUES ({marks}) {conflict}", list(row.values())


COMPOUND_ARMS = 400  # terms of one compound SELECT (SQLite's limit is 500)
STORED_IDS_PER_ARM = 5_000  # bound parameters of one IN list


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


class ConnectionLost(StoreError):
    """The connection broke mid-operation (raised by ``_guard``; see ``_call``)."""


class Contention(StoreError):
    """The server aborted a transaction to break a deadlock between writers
    (raised by ``_guard``; ``_call`` runs the transaction again)."""


MIGRATION_LOCK = "flashpoint|schema"  # the lock key held while migrating
CONTENTION_RETRIES = 5
RECONNECT_FIRST_DELAY = 0.5  # seconds before the second reconnect attempt; doubles up to the max
RECONNECT_MAX_DELAY = 5.0  # a transaction aborted to break a deadlock is run again up to this often


def _clean(value: Any) -> Any:
    # Lone surrogates (from bad decoding upstream) cannot be encoded as UTF-8
    # by either driver; replace them rather than lose the whole article.
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "replace").decode("utf-8")
    return value


class RelationalStore:
    """A :class:`~flashpoint.store.base.Store` over a DB-API connection."""

    dialect: ClassVar[str]
    driver_errors: ClassVar[tuple[type[BaseException], ...]] = ()
    hint: ClassVar[str] = ""
    collate: ClassVar[str] = ""  # makes text ORDER BY agree across engines
    nulls_first: ClassVar[str] = ""  # where ascending order does not already put NULL first
    reconnect_window: float = 0.0  # seconds a lost connection is retried (set by a back end that reconnects)

    def __init__(self, conn: Any, where: str, window_days: int = 2) -> None:
        self.conn = conn
        self.where = where  # a printable name of the database, without password
        self.window_days = window_days
        self._depth = 0  # > 0 inside a write transaction (batch or single write)
        self._pending = _Pending()  # rows of the open write transaction not sent yet

    # -- dialect seam -----------------------------------------------------

    def _run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Execute one statement; return a cursor."""
        raise NotImplementedError

    def _transaction(self) -> contextlib.AbstractContextManager[Any]:
        raise NotImplementedError

    def _pipeline(self) -> contextlib.AbstractContextManager[Any]:
        """Let statements go out before earlier answers come back (a no-op
        for an embedded database, where there is no round trip to save)."""
        return contextlib.nullcontext()

    def _broken(self, exc: BaseException) -> bool:
        """Whether ``exc`` means the connection itself is lost (not just one statement failed)."""
        return False

    def _reconnect(self) -> None:
        """Open a new connection in place of a lost one, or raise a driver error."""
        raise NotImplementedError

    def _contended(self, exc: BaseException) -> bool:
        """Whether ``exc`` means the server aborted the transaction to break
        a deadlock (running it again will do)."""
        return False

    def _script(self, sql: str) -> None:
        """Run several statements (inside the current transaction)."""
        raise NotImplementedError

    def _lock_keys(self, keys: list[str]) -> None:
        """Hold a lock on each key until the transaction ends, taking them in
        the order given (no-op where writers are serial: SQLite's
        ``BEGIN IMMEDIATE`` already holds the database's one write lock)."""

    def _lock_dyads(self, keys: list[str]) -> None:
        """Serialise concurrent merges into these dyads (see :meth:`_lock_keys`)."""
        self._lock_keys(keys)

    def _bulk_insert(self, rows: list[Sequence[Any]]) -> None:
        """Insert events-table rows (``EVENT_COLUMNS`` order) the fastest way
        the engine has, inside the open transaction."""
        raise NotImplementedError

    def bulk_events(self, rows: Iterable[Sequence[Any]]) -> int:
        """Fast-path load of events-table rows (``EVENT_COLUMNS`` order), for
        benchmarks: one transaction, the changes feed written per chunk and
        the series roll-up rebuilt at the end."""
        n = 0
        it = iter(rows)
        with self._guard("bulk-load events"), self._transaction():
            while chunk := list(itertools.islice(it, BULK_CHUNK)):
                self._bulk_insert(chunk)
                self._events_added([row[0] for row in chunk])
                n += len(chunk)
            for sql in rollup.REBUILD:
                self._run(sql)
        return n

    def bulk_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Fast-path load of rows into ``table`` in one transaction, for benchmarks."""
        raise NotImplementedError

    def _stream(self, sql: str, params: Sequence[Any], size: int) -> Iterator[list[tuple[Any, ...]]]:
        """Rows of one query, ``size`` at a time, from one open cursor (the
        default suits an embedded database: the cursor reads one snapshot)."""
        cur = self.conn.execute(sql, [_clean(p) for p in params])
        try:
            while rows := cur.fetchmany(size):
                yield rows
        finally:
            cur.close()

    # -- plumbing ----------------------------------------------------------

    @contextlib.contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Turn driver errors into a StoreError that says what to check."""
        try:
            yield
        except StoreError:
            raise
        except self.driver_errors as exc:
            detail = _first_line(exc)
            if self._broken(exc):
                raise ConnectionLost(f"lost the connection to {self.where} while trying to {action}: {detail}") from exc
            if self._contended(exc):
                raise Contention(f"could not {action} in {self.where}: {detail}") from exc
            raise StoreError(f"could not {action} in {self.where}: {detail}; {self.hint}") from exc

    def _call(self, action: str, fn: Any, *args: Any) -> Any:
        """Run ``fn(*args)`` as one guarded operation.

        When the connection is lost, reconnect once and run it again: every
        operation called this way is a read or a write in its own
        transaction that is idempotent (an interrupted transaction was
        rolled back by the server). Inside a batch the error goes up
        instead, for :meth:`batch` to handle. A failed reconnect raises
        :class:`StoreUnavailable`. A transaction the server aborted to break
        a deadlock between concurrent writers is run again, a few times.
        """
        for attempt in range(CONTENTION_RETRIES):
            try:
                with self._guard(action):
                    return fn(*args)
            except Contention:
                # Rolled back whole by the server; a batch is redone by its caller.
                if self._depth or attempt == CONTENTION_RETRIES - 1:
                    raise
            except ConnectionLost as exc:
                if self._depth:
                    raise
                self._recover(exc)
                break
        with self._guard(action):
            return fn(*args)

    def _recover(self, lost: ConnectionLost) -> None:
        """Reconnect after ``lost``, trying again with backoff (0.5 s doubling
        to 5 s) until ``reconnect_window`` seconds have passed, so a server
        restart or an outage of a few seconds costs a pause, not the run;
        StoreUnavailable when the window closes. Each attempt is logged (a
        warning on stderr unless the caller configured logging)."""
        log = logging.getLogger("flashpoint.store")
        deadline = time.monotonic() + self.reconnect_window
        delay, attempt = RECONNECT_FIRST_DELAY, 0
        while True:
            attempt += 1
            try:
                self._reconnect()
            except self.driver_errors as exc:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise StoreUnavailable(
                        f"{lost}; reconnecting failed for {self.reconnect_window:g}s ({attempt} attempts,"
                        f" last: {_first_line(exc)}). Everything committed before this is kept; run the"
                        " same command again once the database is back to resume"
                    ) from exc
                wait = min(delay, left)
                log.warning("%s; reconnect attempt %d failed (%s); trying again in %.1fs",
                            lost, attempt, _first_line(exc), wait)
                time.sleep(wait)
                delay = min(delay * 2, RECONNECT_MAX_DELAY)
                continue
            log.warning("%s; reconnected (attempt %d), going on", lost, attempt)
            return

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction for every write in the block (see Store.batch).

        When the connection is lost the batch's writes are rolled back by
        the server; this reconnects once and raises StoreError, so the
        caller can store the batch again, or StoreUnavailable when the
        database cannot be reached.
        """
        if self._depth:
            yield
            return
        try:
            with self._guard("store a batch"), self._writing():
                yield
        except ConnectionLost as exc:
            self._recover(exc)
            raise StoreError(f"{exc}; reconnected, and the batch's unfinished writes were rolled back") from exc

    @contextlib.contextmanager
    def bulk_batch(self) -> Iterator[None]:
        """One transaction for a batch written by the batch writer
        (:mod:`.batched`), in pipeline mode: its reads wait once, its writes,
        the failures and checkpoint made inside it, and the commit go out
        together and are waited for once. A lost connection is handled as in
        :meth:`batch`."""
        if self._depth:
            raise StoreError("a batch is already open; the batch writer needs its own transaction")
        self._pending = _Pending()
        try:
            with self._guard("store a batch"), self._pipeline(), self._atomic():
                yield
        except ConnectionLost as exc:
            self._recover(exc)
            raise StoreError(f"{exc}; reconnected, and the batch's unfinished writes were rolled back") from exc
        finally:
            self._pending = _Pending()

    def _stage(self, table: str, rows: Sequence[dict[str, Any]], conflict: str = "ON CONFLICT DO NOTHING") -> None:
        """Insert rows sharing their columns, in the open transaction, the
        fastest way the engine has for a whole batch (PostgreSQL: one
        ``INSERT ... SELECT`` of the rows sent as one JSON text)."""
        self._insert_many(table, rows, conflict)

    @contextlib.contextmanager
    def _atomic(self) -> Iterator[None]:
        """A write transaction, or the one already open (a batch)."""
        if self._depth:
            yield
            return
        self._depth += 1
        try:
            with self._transaction():
                yield
        finally:
            self._depth -= 1

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """A pipelined write transaction, or the batch already open (entering
        a pipeline again would wait for every answer when it ends).

        Rows that nothing in the transaction reads back at once (LSH bands,
        new merged events, reports, actors, recounts) are collected while it
        is open and sent as a few multi-row statements when a read needs
        them (:meth:`_settle`) or just before it commits."""
        if self._depth:
            yield
            return
        self._pending = _Pending()
        try:
            with self._pipeline(), self._atomic():
                yield
                self._settle()
                p = self._pending
                self._insert_many("actors", [p.actors[k] for k in sorted(p.actors)])
                touched = sorted(p.recount)
                for start in range(0, len(touched), MAX_PARAMS):
                    part = touched[start:start + MAX_PARAMS]
                    self._send(_RECOUNT.format(facts=_MENTION_FACTS[self.dialect]) + f"id IN ({_marks(len(part))})", part)
        finally:
            self._pending = _Pending()

    def _settle(self) -> None:
        """Send the pending bands, merged events and reports, so that a read
        in this transaction sees them (and before it commits)."""
        p = self._pending
        self._insert_many("lsh_bands", p.bands)
        self._insert_many("events", list(p.events.values()))
        self._events_added(list(p.events), [tuple(row[f] for f in rollup.FIELDS) for row in p.events.values()])
        self._insert_many("event_reports", p.reports)
        p.bands, p.events, p.reports = [], {}, []

    def _events_added(self, ids: list[str], contributions: Sequence[tuple[Any, ...]] = ()) -> None:
        """Record merged events just inserted in this transaction: a 'new'
        row each in the changes feed, and their ``contributions`` (tuples of
        ``rollup.FIELDS``) in the series roll-up."""
        if not ids:
            return
        self._new_changes(ids, now())
        self._insert_many("event_rollup", rollup.cells(contributions), rollup.CONFLICT)

    def _new_changes(self, ids: list[str], at: str) -> None:
        """A 'new' row in the changes feed for each of ``ids``."""
        self._insert_many("event_changes", [{"event_id": i, "kind": "new", "at": at} for i in ids])

    @staticmethod
    def _stored_text(value: Any) -> Any:
        """``value`` as the database keeps it when it is a parameter."""
        return _clean(value)

    def _send(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Execute a statement and return its cursor; in a pipeline the
        answer is only awaited when :meth:`_fetch` reads it."""
        return self._run(sql, [_clean(p) for p in params])

    @staticmethod
    def _fetch(cur: Any) -> list[dict[str, Any]]:
        rows = cur.fetchall()
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in rows]

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return self._fetch(self._send(sql, params))

    def _insert_many(self, table: str, rows: Sequence[dict[str, Any]], conflict: str = "ON CONFLICT DO NOTHING") -> None:
        """INSERT ... ON CONFLICT DO NOTHING (or ``conflict``) of rows sharing
        their columns, as multi-row statements (one per chunk, not one per row)."""
        if not rows:
            return
        cols = list(rows[0])
        per = max(1, MAX_PARAMS // len(cols))
        one = f"({_marks(len(cols))})"
        for start in range(0, len(rows), per):
            chunk = rows[start:start + per]
            self._send(f"INSERT INTO {table} ({', '.join(cols)}) VALUES {', '.join([one] * len(chunk))}"
                       f" {conflict}", [row[c] for row in chunk for c in cols])

    def migrate(self) -> None:
        """Bring the schema up to date, refusing databases from newer code.

        The version is read and every missing migration applied in one
        transaction under one lock (SQLite's write lock, a PostgreSQL
        advisory lock), so of several processes opening a fresh database at
        once one migrates and the others then see the new version.
        """
        with self._guard("migrate the schema"), self._transaction():
            self._lock_keys([MIGRATION_LOCK])
            self._run(migrate.CREATE_VERSION_TABLE)
            applied = {int(r["v"]) for r in self._rows("SELECT version AS v FROM schema_version")}
            migrate.check_version(max(applied, default=0), self.dialect, self.where)
            for step in migrate.migrations(self.dialect):
                if step.version in applied:  # numbers may have gaps: apply what is missing
                    continue
                self._script(step.sql)
                self._send(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (step.version, step.name, now()),
                )

    def schema_version(self) -> int:
        with self._guard("read the schema version"):
            return int(self._rows("SELECT max(version) AS v FROM schema_version")[0]["v"] or 0)

    # -- articles -----------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self._call("look up an article", lambda: self._settle() or bool(self._rows(
            "SELECT 1 AS x FROM articles WHERE id = ? UNION ALL SELECT 1 FROM article_copies WHERE id = ?",
            (article_id, article_id),
        )))

    def find_duplicate(self, article: Article) -> str | None:
        return self.find_duplicates([article])[0]

    def find_duplicates(self, articles: Sequence[Article], keys: Sequence[Any] | None = None) -> list[str | None]:
        """See Store.find_duplicates; ``keys``: the articles' :class:`.batched.Keys`
        when the caller has them (so MinHash is not computed again)."""
        out: list[str | None] = []
        for start in range(0, len(articles), LOOKUP_CHUNK):
            part = keys[start:start + LOOKUP_CHUNK] if keys is not None else None
            out += self._call("look for duplicates", self._find_duplicates, articles[start:start + LOOKUP_CHUNK], part)
        return out

    def _find_duplicates(self, articles: Sequence[Article], keys: Sequence[Any] | None = None) -> list[str | None]:
        return [hit for hit, _ in self._lookup(articles, keys)]

    def _lookup(self, articles: Sequence[Article], keys: Sequence[Any] | None = None) -> list[tuple[str | None, bool]]:
        """Per article: the id of the stored article it duplicates (or None),
        and whether the article itself is stored (as an original or a copy)."""
        # One statement for every key of every article: the exact keys (id,
        # canonical URL, content hash; the first that hits wins) and the LSH
        # bands; a second only fetches the signatures of near-duplicate
        # candidates, when an article has no exact hit.
        self._settle()
        if keys is not None:
            probes = [list(k.probes) for k in keys]
            signatures = [k.signature for k in keys]
            bands = [list(k.bands) for k in keys]
        else:
            probes = [_probes(a) for a in articles]
            signatures = [dedup.minhash(a.text) for a in articles]
            bands = [dedup.lsh_bands(sig) for sig in signatures]
        hits: dict[tuple[str, str], list[str]] = {}
        for r in self._rows(*lookup_sql(probes, bands)):
            hits.setdefault((r["probe"], r["k"]), []).append(r["hit"])
        out: list[str | None] = [None] * len(articles)
        itself = [bool(hits.get(ps[0])) for ps in probes]  # the first probe is the id
        near: dict[int, list[str]] = {}
        for i, ps in enumerate(probes):
            exact = next((found for found in (hits.get(p) for p in ps) if found), None)
            if exact:
                out[i] = min(exact)
                continue
            shared = Counter(hit for b in bands[i] for hit in hits.get(("band", b), ()))
            ranked = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:LSH_CANDIDATES]
            if ranked:
                near[i] = [cid for cid, _ in ranked]
        if near:
            ids = sorted({cid for cids in near.values() for cid in cids})
            stored = {r["id"]: dedup.unpack_signature(r["minhash"]) for r in self._rows(
                f"SELECT id, minhash FROM articles WHERE id IN ({_marks(len(ids))})", ids)}
            for i, cids in near.items():
                out[i] = dedup.best_match(signatures[i], ((c, stored[c]) for c in cids if c in stored))
        return list(zip(out, itself))

    def add_article(self, article: Article, events: Iterable[Event]) -> None:
        events = list(events)
        self._call(f"store article {article.id!r}", self._write_article, *self._article_rows(article, events))

    def add_original(self, article: Article, events: Iterable[Event]) -> str | None:
        events = list(events)
        rows = self._article_rows(article, events)
        return self._call(f"store article {article.id!r}", self._write_original, article, rows)

    def _article_rows(self, article: Article, events: list[Event]) -> tuple[Any, ...]:
        """The rows of an article, computed before any transaction opens."""
        canonical = dedup.canonical_url(article.url) if article.url else None
        signature = dedup.minhash(article.text)
        row = article_row(article, canonical, dedup.content_hash(article.text), dedup.pack_signature(signature))
        bands = [{"band": band, "article_id": article.id} for band in dedup.lsh_bands(signature)]
        reports = [Report.from_event(event, article) for event in events]
        return row, bands, events, reports

    def _write_original(self, article: Article, rows: tuple[Any, ...]) -> str | None:
        # The copy-or-original decision is taken in the transaction that stores
        # the article, holding a lock on each of its duplicate keys (SQLite: the
        # write lock that BEGIN IMMEDIATE took; PostgreSQL: an advisory lock per
        # key), so a concurrent writer that stores a duplicate either committed
        # before this look-up or waits until this transaction commits.
        with self._writing():
            self._lock_keys(sorted("dup|" + _clean(k) for k in dedup.duplicate_keys(article.text, article.url)))
            [(original, itself)] = self._lookup([article])
            if itself:
                return article.id
            if original is not None:
                self._write_copy(_copy_row(article, original))
                return original
            self._write_article(*rows)
            return None

    def _write_article(self, row: dict[str, Any], bands: list[dict[str, Any]], events: list[Event],
                       reports: list[Report]) -> None:
        with self._writing():
            # Sent together, read back together: the article insert (a no-op when it
            # is stored, or stored as a copy), the dyad locks, the merge candidates
            # of every dyad the article reports and which of its reports are stored.
            insert, params = _insert("articles", row)
            inserted = self._send(
                insert.replace(f"VALUES ({_marks(len(row))})",
                               f"SELECT {_marks(len(row))} WHERE NOT EXISTS"
                               " (SELECT 1 FROM article_copies WHERE id = ?)") + " RETURNING id",
                [*params, row["id"]],
            )
            found = None
            if events:
                self._lock_dyads([_clean(k) for k in lock_keys(reports)])
                found = self._candidate_query(reports, [e.event_id for e in events])
            if not self._fetch(inserted):
                return  # already stored: re-adding changes nothing
            pending = self._pending
            pending.bands += bands
            if found is None:
                return
            rows = [r for sent in found for r in self._fetch(sent)]
            seen = {r["id"] for r in rows if r["kind"] == "stored"}
            stored = _merged_states(r for r in rows if r["kind"] == "candidate")
            for event, report in zip(events, reports):
                if event.event_id in seen or event.event_id in pending.report_ids:
                    continue
                seen.add(event.event_id)
                record = event_record(event)
                target = choose(report, pending.candidates(report, stored, self.window_days), self.window_days)
                if target is None:
                    target = merged_id(report)
                    pending.events[target] = event_row(target, event, report, record)
                    pending.start(target, report)
                else:
                    if pending.complete(target, report, stored):
                        self._complete(target, event, pending.events.get(target))
                    if report.country and event.location is not None and pending.locate(target, report.country, stored):
                        self._locate(target, event, pending.events.get(target))
                    pending.join(target, report, stored)
                pending.reports.append(report_row(event, report, target, record))
                pending.report_ids.add(event.event_id)
            pending.actors.update((a["id"], a) for e in events for a in actor_rows(e))

    def _complete(self, mid: str, event: Event, pending: dict[str, Any] | None) -> None:
        """Give the one-sided merged event ``mid`` the target of ``event`` (merge
        rule 1); ``pending`` is its row when this article started it and it is not
        sent yet. The roll-up follows through the events table's trigger."""
        values = target_columns(event)
        if pending is not None:
            pending.update(values)
            return
        self._send(f"UPDATE events SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ? AND target_key = ''",
                   [*values.values(), mid])
        # The trigger moved the event's roll-up counts to its new dyad and left the
        # one-sided cell it emptied (the merged event's day): dropped, so the table is what
        # a rebuild gives. Only that day's: a point delete, not a scan of every day of the source.
        self._send("DELETE FROM event_rollup WHERE grain = 'dyad' AND k1 = ? AND k2 = ''"
                   " AND day = (SELECT date FROM events WHERE id = ?) AND n1 = 0 AND n2 = 0"
                   " AND n3 = 0 AND n4 = 0", [actor_key(event.source), mid])

    def _locate(self, mid: str, event: Event, pending: dict[str, Any] | None) -> None:
        """Give merged event ``mid`` the location of ``event`` (it had none);
        ``pending`` is its row when this article started it and it is not sent yet."""
        loc = event.location
        assert loc is not None
        values = {"location_name": loc.name, "location_country": loc.country, "lat": loc.lat, "lon": loc.lon,
                  "location_precision": loc.precision}
        if pending is not None:
            pending.update(values)
            return
        self._send(f"UPDATE events SET {', '.join(f'{k} = ?' for k in values)}"
                   " WHERE id = ? AND location_country IS NULL", [*values.values(), mid])

    def _recount_batch(self, ids: list[str], originals: list[str]) -> None:
        """Recount the merged events ``ids`` and those reported by ``originals``
        (articles that got copies), as a write transaction does before it commits."""
        recount = _RECOUNT.format(facts=_MENTION_FACTS[self.dialect])
        for start in range(0, max(len(ids), 1), MAX_PARAMS):
            part = ids[start:start + MAX_PARAMS]
            conds = [f"id IN ({_marks(len(part))})"] if part else []
            params: list[Any] = list(part)
            if start == 0 and originals:
                conds.append("id IN (SELECT merged_id FROM event_reports WHERE article_id IN"
                             f" ({_marks(len(originals))}))")
                params += originals
            if conds:
                self._send(recount + " OR ".join(conds), params)

    def _batch_candidates(self, reports: list[Report], event_ids: list[str]) -> list[Any]:
        """:meth:`_candidate_query` for the reports of a whole batch (the batch writer's)."""
        return self._candidate_query(reports, event_ids)

    def _candidate_query(self, reports: list[Report], event_ids: list[str]) -> list[Any]:
        """Send one query for the merge candidates of all ``reports`` (rows of
        kind ``candidate``: per dyad and CAMEO root, the stored events over the
        union of the reports' date windows, and the undated ones for undated
        reports) and for which of ``event_ids`` are stored already (kind ``stored``)."""
        spans: dict[tuple[str, ...], list[tuple[str, str] | None]] = {}
        for report in reports:  # merge rule 1: a one-sided report asks for its source and root, any target
            for key in lookup_keys(report):
                spans.setdefault(key, []).append(window(report.date, self.window_days))
        arms: list[str] = []
        params_per_arm: list[list[Any]] = []
        for key, bounds in spans.items():
            select = _SOURCE_CANDIDATES if len(key) == 2 else _CANDIDATES
            dated = [b for b in bounds if b is not None]
            if dated:
                arms.append(select + "e.date BETWEEN ? AND ?")
                params_per_arm.append([*key, min(b[0] for b in dated), max(b[1] for b in dated)])
            if len(dated) < len(bounds):
                arms.append(select + "e.date IS NULL")
                params_per_arm.append(list(key))
        pieces = list(zip(arms, params_per_arm))
        for i in range(0, len(event_ids), STORED_IDS_PER_ARM):
            ids = event_ids[i:i + STORED_IDS_PER_ARM]
            pieces.append(("SELECT 'stored', id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM event_reports"
                           f" WHERE id IN ({_marks(len(ids))})", ids))
        # SQLite refuses a compound SELECT of more than 500 terms: an article with
        # thousands of dyads is asked in several statements, sent together.
        return [self._send(" UNION ALL ".join(a for a, _ in chunk), [x for _, ps in chunk for x in ps])
                for chunk in (pieces[i:i + COMPOUND_ARMS] for i in range(0, len(pieces), COMPOUND_ARMS))]

    def add_copy(self, article: Article, original_id: str) -> None:
        self._call(f"store copy {article.id!r}", self._write_copy, _copy_row(article, original_id))

    def _write_copy(self, row: dict[str, Any]) -> None:
        with self._writing():
            self._settle()
            present = {r["id"] for r in self._rows("SELECT id FROM articles WHERE id IN (?, ?)",
                                                    (row["id"], row["original_id"]))}
            if row["id"] in present:
                return
            if row["original_id"] not in present:
                raise StoreError(f"no stored article {row['original_id']!r} to be a copy of; add the original first")
            if not self._rows(_insert("article_copies", row)[0] + " RETURNING id", list(row.values())):
                return
            self._pending.recount.update(r["merged_id"] for r in self._rows(
                "SELECT DISTINCT merged_id FROM event_reports WHERE article_id = ?", (row["original_id"],)))

    # -- failures -----------------------------------------------------------

    def add_failure(self, failure: Failure) -> None:
        row = {"key": failure.key, "stage": failure.stage, "reason": failure.reason,
               "payload": failure.payload, "attempts": 1, "at": now()}
        conflict = ("ON CONFLICT (key) DO UPDATE SET stage = excluded.stage, reason = excluded.reason,"
                    " payload = excluded.payload, attempts = failures.attempts + 1, at = excluded.at")
        self._call("record a failure", self._write, *_insert("failures", row, conflict))

    def _write(self, sql: str, params: Sequence[Any]) -> None:
        with self._atomic():
            self._send(sql, params)

    def failures(self, stage: str | None = None) -> list[Failure]:
        where, params = (" WHERE stage = ?", [stage]) if stage is not None else ("", [])
        rows = self._call("read failures", self._rows, f"SELECT * FROM failures{where} ORDER BY key{self.collate}", params)
        return [Failure(r["key"], r["stage"], r["reason"], r["payload"], r["at"], int(r["attempts"])) for r in rows]

    def clear_failure(self, key: str) -> None:
        self._call("clear a failure", self._write, "DELETE FROM failures WHERE key = ?", (key,))

    # -- queries ------------------------------------------------------------

    def events(self, flt: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
        where, params = filter_clauses(flt)
        left = flt.limit
        # Keyset paging (no cursor stays open between yields) in two runs along
        # the events_order index: the undated events first, then the dated.
        for dated in (False, True):
            after: tuple[str, str] | None = None
            while left is None or left > 0:
                size = PAGE if left is None else min(PAGE, left)
                sql, page_params = self._events_page(where, params, dated, after, size)
                with self._guard("read events"):
                    rows = self._rows(sql, page_params)
                    mentions = self._mentions([r["id"] for r in rows])
                for row in rows:
                    yield merged_dict(row, mentions.get(row["id"], []))
                if left is not None:
                    left -= len(rows)
                if len(rows) < size:
                    break
                after = (rows[-1]["date"], rows[-1]["id"])

    def _events_page(self, where: list[str], params: list[Any], dated: bool, after: tuple[str, str] | None,
                     size: int) -> tuple[str, list[Any]]:
        """One page of :meth:`events`: the events after ``after`` (date, id),
        among the dated or the undated ones, in the ``events_order`` index's
        order. Each condition is a range of that index, so a page starts
        where the last one stopped instead of scanning and sorting the table
        again (a comparison of row values is one range on both engines)."""
        c = self.collate
        conds = [*where, "date IS NOT NULL" if dated else "date IS NULL"]
        page_params = list(params)
        if after is not None:
            if dated:
                conds.append(f"(date, id{c}) > (?, ?)")
                page_params += list(after)
            else:
                conds.append(f"id{c} > ?")
                page_params.append(after[1])
        sql = (f"SELECT * FROM events WHERE {' AND '.join(conds)}"
               f" ORDER BY date{self.nulls_first}, id{c} LIMIT ?")
        return sql, [*page_params, size]

    def event_pages(self, flt: EventFilter = EventFilter(), size: int = EXPORT_PAGE,
                    mentions: bool = True) -> Iterator[EventPage]:
        """The events of :meth:`events`, in its order, as raw pages for exports.

        One query streams the whole result (a server-side cursor on
        PostgreSQL) instead of one keyset query per page: at a million
        events the pages' repeated range scans cost more than the export.
        Records stay JSON text (see :mod:`.pages`). Without ``mentions`` the
        pages are brief: the rows' ``first_url`` and ``outlets`` stand for them.
        """
        where, params = filter_clauses(flt)
        # NULL dates first, as in events(), in the order of the (date, id) index.
        sql = (f"SELECT {', '.join(PAGE_COLUMNS)} FROM events" + (" WHERE " + " AND ".join(where) if where else "")
               + f" ORDER BY date{self.collate}{self.nulls_first}, id{self.collate}")
        if flt.limit is not None:
            sql += " LIMIT ?"
            params.append(flt.limit)
        with self._guard("read events"):
            for rows in self._stream(sql, params, size):
                yield EventPage(tuple(rows), self._mentions([r[0] for r in rows]) if mentions else None)

    def _mentions(self, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        out: dict[str, list[dict[str, Any]]] = {}
        for r in self._rows(
            "SELECT r.merged_id, a.id AS article_id, a.outlet, a.url, a.date, a.title, a.language, r.sentence, r.trigger"
            f" FROM event_reports r JOIN articles a ON a.id = r.article_id WHERE r.merged_id IN ({marks})"
            f" ORDER BY r.id{self.collate}",
            ids,
        ):
            mid = r.pop("merged_id")
            out.setdefault(mid, []).append(r)
        return out

    def series(self, flt: EventFilter, freq: str = "day") -> list[tuple[str, int, float]]:
        # The API's tallies (the daily roll-up where it answers), so the CLI,
        # the library and /api/v1/series agree; periods without events are absent.
        from . import queries

        return queries.totals(self, flt, freq)

    def tally(self, fields: Sequence[str], flt: EventFilter = EventFilter(), limit: int | None = None) -> list[tuple[Any, ...]]:
        cols = check_fields(fields)
        where, params = filter_clauses(flt)
        order = ", ".join(f"COALESCE(CAST({c} AS TEXT), ''){self.collate}" for c in cols)
        sql = (f"SELECT {', '.join(cols)}, count(*) AS n FROM events"
               + (" WHERE " + " AND ".join(where) if where else "")
               + f" GROUP BY {', '.join(cols)} ORDER BY n DESC, {order}")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._guard("count events"):
            rows = self._rows(sql, params)
        return [(*(r[c] for c in cols), int(r["n"])) for r in rows]

    def counts(self) -> dict[str, int]:
        tables = {"articles": "articles", "copies": "article_copies", "reports": "event_reports",
                  "events": "events", "actors": "actors", "failures": "failures"}
        with self._guard("count rows"):
            return {name: int(self._rows(f"SELECT count(*) AS n FROM {t}")[0]["n"]) for name, t in tables.items()}

    def close(self) -> None:
        with contextlib.suppress(*self.driver_errors):
            self.conn.close()



def lookup_sql(probes: Iterable[Iterable[tuple[str, str]]], bands: Iterable[Iterable[str]]) -> tuple[str, list[Any]]:
    """The duplicate look-up of some articles: one statement whose rows are
    ``(probe, k, hit)``, the stored article ``hit`` that shares the exact key
    ``k`` (``probe``: id, canonical_url, content_hash; a copy answers with its
    original) or the LSH band ``k`` (``probe`` 'band')."""
    probes, arms, params = list(probes), [], []
    for column in ("id", "canonical_url", "content_hash"):
        values = sorted({v for ps in probes for c, v in ps if c == column})
        if values:
            arms.append(f"SELECT '{column}' AS probe, {column} AS k, id AS hit FROM articles"
                        f" WHERE {column} IN ({_marks(len(values))}) UNION ALL SELECT '{column}', {column},"
                        f" original_id FROM article_copies WHERE {column} IN ({_marks(len(values))})")
            params += values * 2
    wanted = sorted({b for bs in bands for b in bs})
    if wanted:
        arms.append(f"SELECT 'band', band, article_id FROM lsh_bands WHERE band IN ({_marks(len(wanted))})")
        params += wanted
    return " UNION ALL ".join(arms), params


def candidate_spans(reports: Iterable[Report],
                    days: int) -> dict[tuple[str, ...], tuple[str | None, str | None, bool]]:
    """Per look-up key of ``reports`` (``merge.lookup_keys``: (source, target,
    CAMEO root), or (source, CAMEO root) for one-sided reports): the first and
    last day of the union of their date windows (None when all are undated),
    and whether any is undated: where their merge candidates are."""
    out: dict[tuple[str, ...], tuple[str | None, str | None, bool]] = {}
    for report in reports:
        bounds = window(report.date, days)
        for key in lookup_keys(report):
            lo, hi, undated = out.get(key, (None, None, False))
            if bounds is None:
                undated = True
            else:
                lo = bounds[0] if lo is None else min(lo, bounds[0])
                hi = bounds[1] if hi is None else max(hi, bounds[1])
            out[key] = (lo, hi, undated)
    return out


def _copy_row(article: Article, original_id: str) -> dict[str, Any]:
    return {
        "id": article.id, "url": article.url,
        "canonical_url": dedup.canonical_url(article.url) if article.url else None,
        "outlet": article.outlet, "date": article.date,
        "content_hash": dedup.content_hash(article.text), "original_id": original_id, "added_at": now(),
    }


def _probes(article: Article) -> list[tuple[str, str]]:
    """The exact duplicate keys of an article, in the order they are tried."""
    out = [("id", article.id)]
    if article.url:
        out.append(("canonical_url", dedup.canonical_url(article.url)))
    out.append(("content_hash", dedup.content_hash(article.text)))
    return out


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _merged_states(rows: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Stored merged events (candidate rows, one per report) as merge states."""
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        state = out.setdefault(r["id"], {
            "key": (r["source_key"], r["target_key"], r["cameo_root"]), "date": r["date"],
            "country": r["location_country"], "counted": bool(r["counted"]), "reports": [],
        })
        if r["article_id"] is not None:
            state["reports"].append((r["article_id"], r["trigger"]))
    return out


class _Pending:
    """The open write transaction's rows not sent yet, and the merge state of
    every merged event it started or joined, so a later report of the same
    transaction sees what earlier ones did, as it would in the database."""

    def __init__(self) -> None:
        self.bands: list[dict[str, Any]] = []
        self.events: dict[str, dict[str, Any]] = {}  # new merged events by id
        self.reports: list[dict[str, Any]] = []
        self.report_ids: set[str] = set()
        self.actors: dict[str, dict[str, Any]] = {}
        self.recount: set[str] = set()
        self.merged: dict[str, dict[str, Any]] = {}  # merged id -> state, as after this transaction
        self._by_key: dict[tuple[str, str, str], set[str]] = {}
        self._by_source: dict[tuple[str, str], set[str]] = {}  # (source, root) -> merged ids, for one-sided reports

    def candidates(self, report: Report, stored: dict[str, dict[str, Any]], days: int) -> list[Candidate]:
        """Candidates for ``report``: the stored ones the database returned
        (in the state this transaction left them) and those it started."""
        mids = {m for m, st in stored.items() if offered(report, st["key"])}
        for key in lookup_keys(report):
            mids |= (self._by_source if len(key) == 2 else self._by_key).get(key, set())
        bounds = window(report.date, days)
        out = []
        for mid in sorted(mids):
            st = self.merged.get(mid) or stored[mid]
            date = st["date"]
            if (date is None and bounds is None) or (
                    date is not None and bounds is not None and bounds[0] <= date <= bounds[1]):
                out.append(Candidate(mid, date, st["country"], st["counted"], tuple(st["reports"]), st["key"][1]))
        return out

    def start(self, mid: str, report: Report) -> None:
        key = (report.source_key, report.target_key, report.cameo_root)
        self.merged[mid] = {"key": key, "date": report.date, "country": report.country,
                            "counted": report.counted, "reports": [(report.article_id, report.trigger)]}
        self._index(mid, key)
        self.recount.add(mid)

    def _state(self, mid: str, stored: dict[str, dict[str, Any]]) -> dict[str, Any]:
        if mid not in self.merged:
            st = stored[mid]
            self.merged[mid] = {**st, "reports": list(st["reports"])}
            self._index(mid, st["key"])
        return self.merged[mid]

    def _index(self, mid: str, key: tuple[str, str, str]) -> None:
        self._by_key.setdefault(key, set()).add(mid)
        self._by_source.setdefault((key[0], key[2]), set()).add(mid)

    def join(self, mid: str, report: Report, stored: dict[str, dict[str, Any]]) -> None:
        self._state(mid, stored)["reports"].append((report.article_id, report.trigger))
        self.recount.add(mid)

    def complete(self, mid: str, report: Report, stored: dict[str, dict[str, Any]]) -> bool:
        """Give the one-sided ``mid`` the target of ``report`` when it completes it
        (merge rule 1); whether it did."""
        st = self._state(mid, stored)
        if not completes(report, st["key"][1]):
            return False
        st["key"] = (st["key"][0], report.target_key, st["key"][2])
        self._index(mid, st["key"])
        return True

    def locate(self, mid: str, country: str, stored: dict[str, dict[str, Any]]) -> bool:
        """Give ``mid`` the country when it has none; whether it changed."""
        st = self._state(mid, stored)
        if st["country"] is not None:
            return False
        st["country"] = country
        return True
