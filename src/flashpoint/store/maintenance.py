"""Store maintenance: put the events table's rows in date order on disk.

Exports, :meth:`Store.events` and the date-range queries read events in
(date, id) order along the ``events_order`` index. Where the rows lie on
disk in that order too, each page of the table is read once, in sequence;
where they lie in another order (a store bulk-loaded or backfilled out of
date order) every row is a look-up of its own. On a 1,000,000-event SQLite
file loaded in random date order the export's read costs about three times
the CPU time of the same read in disk order, most of it in system calls
(one page read per row instead of one per page); see docs/PERFORMANCE.md.

:func:`cluster_events` rewrites the table in (date, id) order:

* SQLite: a copy of the table, made with the table's own ``CREATE TABLE``
  text and filled in (date, id) order, takes the table's place in one
  transaction; the indexes, triggers and the planner's statistics
  (``sqlite_stat1``) are made again as they were. ``VACUUM`` then returns
  the old table's pages to the file system (``vacuum=False`` leaves them
  free inside the file for later writes). Rows keep every value; only their
  rowids (which nothing refers to) change.
  A failed ``VACUUM`` after the rewrite committed leaves the rewritten
  table as it is: the step succeeds, with a warning (the file keeps the old
  table's pages free inside it).
* PostgreSQL: ``CLUSTER events USING events_order`` and ``ANALYZE`` in one
  transaction, waiting at most ``lock_timeout`` seconds for the table's lock
  (CLUSTER needs it alone, and every reader and writer that comes after
  would queue behind a CLUSTER left waiting).
* The in-memory store has no disk order: nothing to do.

On both, a table in date order already (counted along the disk order: rowid
on SQLite, ctid on PostgreSQL) is left alone unless ``force``.

Both take the store's write lock for the whole rewrite (SQLite: writers
wait or time out; PostgreSQL's CLUSTER blocks readers too). It is a
maintenance step for a quiet moment, as ``flashpoint db optimize``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError

# Rows whose (date, id) is before the previous row's in disk order; an undated event sorts first.
_OUT_OF_ORDER_SQLITE = """
SELECT count(*) AS n, coalesce(sum(CASE WHEN coalesce(d, '') < coalesce(pd, '')
    OR (coalesce(d, '') = coalesce(pd, '') AND id < pid) THEN 1 ELSE 0 END), 0) AS late
FROM (SELECT date AS d, id, lag(date) OVER w AS pd, lag(id, 1, '') OVER w AS pid
      FROM events WINDOW w AS (ORDER BY rowid))
"""
# The same along PostgreSQL's disk order (ctid), in the order of the events_order index
# (date NULLS FIRST, then id COLLATE "C").
_OUT_OF_ORDER_POSTGRES = """
SELECT count(*) AS n, coalesce(sum(CASE WHEN pid IS NOT NULL AND (coalesce(d, '') < coalesce(pd, '')
    OR (coalesce(d, '') = coalesce(pd, '') AND id COLLATE "C" < pid COLLATE "C")) THEN 1 ELSE 0 END), 0) AS late
FROM (SELECT date AS d, id, lag(date) OVER w AS pd, lag(id) OVER w AS pid
      FROM events WINDOW w AS (ORDER BY ctid)) s
"""
_STATS = ("sqlite_stat1", "sqlite_stat4")
LOCK_TIMEOUT = 30.0  # seconds PostgreSQL's CLUSTER waits for the events table's lock
_NEW = "events__clustered"


@dataclass(frozen=True)
class ClusterReport:
    """What :func:`cluster_events` found and did.

    ``events``: rows in the table; ``out_of_order``: rows whose (date, id)
    came before the row before them on disk, before the rewrite (None where
    the back end does not tell); ``rewritten``: whether the table was
    rewritten; ``seconds``: wall time of the whole step; ``warning``: what
    went wrong after the rewrite was done (a failed ``VACUUM``), else None.
    """

    events: int
    out_of_order: int | None
    rewritten: bool
    seconds: float
    warning: str | None = None


def out_of_order(store: Any) -> tuple[int, int | None]:
    """(events, events out of date order on disk) of ``store``; the second
    is None where the back end keeps no disk order it can tell."""
    dialect = getattr(store, "dialect", None)
    if dialect not in ("sqlite", "postgres"):
        return store.counts()["events"], None
    with store._guard("read the events' disk order"):
        row = store._rows(_OUT_OF_ORDER_SQLITE if dialect == "sqlite" else _OUT_OF_ORDER_POSTGRES)[0]
    return int(row["n"]), int(row["late"])


def cluster_events(store: Any, force: bool = False, vacuum: bool = True,
                   progress: Callable[[str], None] | None = None,
                   lock_timeout: float = LOCK_TIMEOUT) -> ClusterReport:
    """Rewrite ``store``'s events table in (date, id) order (see the module
    docstring). A table already in that order is left alone unless
    ``force``. ``progress`` is told, in a line, each long step as it starts.
    ``lock_timeout``: PostgreSQL, seconds to wait for the table's lock.

    Raises:
        StoreError: the rewrite failed (the store is left as it was), or on
            PostgreSQL another session held the table past ``lock_timeout``.
    """
    t0 = time.perf_counter()
    dialect = getattr(store, "dialect", None)
    say = progress or (lambda line: None)
    if dialect not in ("sqlite", "postgres"):
        return ClusterReport(store.counts()["events"], None, False, time.perf_counter() - t0)
    n, late = out_of_order(store)
    if late == 0 and not force:
        return ClusterReport(n, late, False, time.perf_counter() - t0)
    if dialect == "postgres":
        say(f"clustering {n} events by date ({late} out of order on disk; CLUSTER, then ANALYZE)")
        _cluster_postgres(store, lock_timeout)
        return ClusterReport(n, late, True, time.perf_counter() - t0)
    say(f"rewriting {n} events in date order ({late} out of order on disk)")
    _rewrite_sqlite(store)
    warning = None
    if vacuum:
        say("giving the old table's pages back (VACUUM)")
        try:
            with store._guard("vacuum the database"):
                store._run("VACUUM")
        except StoreError as exc:
            # the rewrite has committed: the table is in date order, only the free pages stay in the file
            warning = (f"the events table was rewritten in date order, but VACUUM failed ({exc}); the old "
                       "table's pages stay free inside the file (run VACUUM later to give them back)")
    return ClusterReport(n, late, True, time.perf_counter() - t0, warning)


def _cluster_postgres(store: Any, lock_timeout: float) -> None:
    try:
        with store._guard("cluster the events table"), store._transaction():
            # in milliseconds; SET takes no parameter, so the number is written in
            store._run(f"SET LOCAL lock_timeout = {max(1, int(lock_timeout * 1000))}")
            store._run("CLUSTER events USING events_order")
            store._run("ANALYZE events")
    except StoreError as exc:
        if getattr(exc.__cause__, "sqlstate", None) == "55P03":  # lock_not_available
            raise StoreError(f"could not cluster the events table in {store.where}: another session held it for "
                             f"more than {lock_timeout:g} s; run it again in a quiet moment, or wait longer "
                             "with --lock-timeout") from exc
        raise


def _rewrite_sqlite(store: Any) -> None:
    conn = store.conn
    if conn.in_transaction:
        raise StoreError("cannot rewrite the events table inside a transaction")
    with store._guard("rewrite the events table in date order"):
        # Foreign keys (event_reports -> events) are checked by no one while the table is away; the
        # rename must not re-check the views and triggers that name "events" (legacy mode).
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA legacy_alter_table = ON")
        try:
            with store._transaction():
                # read under the write lock: an index or statistics added meanwhile are kept
                schema = store._rows("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'events' "
                                     "AND sql IS NOT NULL ORDER BY rowid")
                table = next(r["sql"] for r in schema if r["type"] == "table")
                create = re.sub(r'^CREATE TABLE\s+(?:"events"|events)\s*\(', f"CREATE TABLE {_NEW} (", table, count=1)
                if create == table:
                    raise StoreError(f"cannot read the events table's definition in {store.where}: {table[:60]!r}")
                others = [r["sql"] for r in schema if r["type"] in ("index", "trigger")]
                present = {r["name"] for r in store._rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
                stats = {t: store._rows(f"SELECT * FROM {t} WHERE tbl = 'events'") for t in _STATS if t in present}
                conn.execute(create)
                conn.execute(f"INSERT INTO {_NEW} SELECT * FROM events ORDER BY date, id")
                conn.execute("DROP TABLE events")
                conn.execute(f"ALTER TABLE {_NEW} RENAME TO events")
                for sql in others:
                    conn.execute(sql)
                for name, rows in stats.items():
                    conn.execute(f"DELETE FROM {name} WHERE tbl = 'events'")
                    for row in rows:
                        cols = list(row)
                        conn.execute(f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                                     [row[c] for c in cols])
        finally:
            conn.execute("PRAGMA legacy_alter_table = OFF")
            conn.execute("PRAGMA foreign_keys = ON")
