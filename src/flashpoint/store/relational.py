"""The relational store: all SQL and logic shared by SQLite and PostgreSQL.

Subclasses supply a small dialect seam: how to run a statement, open a
transaction, bucket dates by week, lock a dyad while merging, bulk-load
rows, and which driver exceptions mean "the database failed". SQL here is
written with ``?`` placeholders and portable syntax (``ON CONFLICT``, row
values, ``LIKE ... ESCAPE``), which both engines accept.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar

from ..errors import StoreError
from ..types import Article, Event
from . import dedup, migrate
from .base import EventFilter, Failure, check_fields, check_freq
from .merge import Candidate, Report, choose, merged_id, window
from .rows import (
    EVENT_COLUMNS, actor_rows, article_row, event_row, filter_clauses, merged_dict, now, report_row,
)

PAGE = 500  # events fetched per round trip when streaming results
LSH_CANDIDATES = 50  # articles confirmed per near-duplicate lookup, most shared bands first

_RECOUNT = """
UPDATE events SET
  num_mentions =
    (SELECT count(*) FROM event_reports r WHERE r.merged_id = ?)
    + (SELECT count(*) FROM event_reports r JOIN article_copies c ON c.original_id = r.article_id
       WHERE r.merged_id = ?),
  num_articles = (SELECT count(*) FROM (
      SELECT r.article_id AS doc FROM event_reports r WHERE r.merged_id = ?
      UNION SELECT c.id FROM event_reports r JOIN article_copies c ON c.original_id = r.article_id
      WHERE r.merged_id = ?) docs),
  num_sources = (SELECT count(*) FROM (
      SELECT COALESCE(a.outlet, a.id) AS src FROM event_reports r JOIN articles a ON a.id = r.article_id
      WHERE r.merged_id = ?
      UNION SELECT COALESCE(c.outlet, c.id) FROM event_reports r
      JOIN article_copies c ON c.original_id = r.article_id WHERE r.merged_id = ?) srcs)
WHERE id = ?
"""


def _insert(table: str, row: dict[str, Any], conflict: str = "ON CONFLICT DO NOTHING") -> tuple[str, list[Any]]:
    cols = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    return f"INSERT INTO {table} ({cols}) VALUES ({marks}) {conflict}", list(row.values())


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

    def __init__(self, conn: Any, where: str, window_days: int = 2) -> None:
        self.conn = conn
        self.where = where  # a printable name of the database, without password
        self.window_days = window_days

    # -- dialect seam -----------------------------------------------------

    def _run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Execute one statement; return a cursor."""
        raise NotImplementedError

    def _transaction(self) -> contextlib.AbstractContextManager[Any]:
        raise NotImplementedError

    def _script(self, sql: str) -> None:
        """Run several statements (inside the current transaction)."""
        raise NotImplementedError

    def _week(self, column: str) -> str:
        """SQL for the ISO day (Monday) starting the week of ``column``."""
        raise NotImplementedError

    def _lock_dyad(self, key: str) -> None:
        """Serialise concurrent merges into one dyad (no-op where writers are serial)."""

    def bulk_events(self, rows: Iterable[Sequence[Any]]) -> int:
        """Fast-path load of events-table rows (``EVENT_COLUMNS`` order), for benchmarks."""
        raise NotImplementedError

    # -- plumbing ----------------------------------------------------------

    @contextlib.contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Turn driver errors into a StoreError that says what to check."""
        try:
            yield
        except StoreError:
            raise
        except self.driver_errors as exc:
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"could not {action} in {self.where}: {detail}; {self.hint}") from exc

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self._run(sql, [_clean(p) for p in params])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self._run(sql, [_clean(p) for p in params]).rowcount

    def migrate(self) -> None:
        """Bring the schema up to date, refusing databases from newer code."""
        with self._guard("read the schema version"):
            with self._transaction():
                self._run(migrate.CREATE_VERSION_TABLE)
                current = self._rows("SELECT max(version) AS v FROM schema_version")[0]["v"] or 0
        migrate.check_version(current, self.dialect, self.where)
        for step in migrate.migrations(self.dialect):
            if step.version <= current:
                continue
            with self._guard(f"apply migration {step.version:04d}_{step.name}"):
                with self._transaction():
                    self._script(step.sql)
                    self._exec(
                        "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                        (step.version, step.name, now()),
                    )

    def schema_version(self) -> int:
        with self._guard("read the schema version"):
            return int(self._rows("SELECT max(version) AS v FROM schema_version")[0]["v"] or 0)

    # -- articles -----------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self._guard("look up an article"):
            return bool(self._rows(
                "SELECT 1 AS x FROM articles WHERE id = ? UNION ALL SELECT 1 FROM article_copies WHERE id = ?",
                (article_id, article_id),
            ))

    def find_duplicate(self, article: Article) -> str | None:
        with self._guard("look for duplicates"):
            probes = [("id", article.id)]
            if article.url:
                probes.append(("canonical_url", dedup.canonical_url(article.url)))
            probes.append(("content_hash", dedup.content_hash(article.text)))
            for column, value in probes:
                hit = self._rows(
                    f"SELECT id FROM articles WHERE {column} = ? UNION ALL "
                    f"SELECT original_id FROM article_copies WHERE {column} = ?",
                    (value, value),
                )
                if hit:
                    return min(h["id"] for h in hit)
            signature = dedup.minhash(article.text)
            bands = dedup.lsh_bands(signature)
            if not bands:
                return None
            marks = ", ".join("?" for _ in bands)
            rows = self._rows(
                "SELECT a.id, a.minhash FROM articles a JOIN ("
                f" SELECT article_id, count(*) AS shared FROM lsh_bands WHERE band IN ({marks})"
                " GROUP BY article_id ORDER BY shared DESC, article_id LIMIT ?) c ON c.article_id = a.id",
                (*bands, LSH_CANDIDATES),
            )
            return dedup.best_match(signature, ((r["id"], dedup.unpack_signature(r["minhash"])) for r in rows))

    def add_article(self, article: Article, events: Iterable[Event]) -> None:
        events = list(events)  # compute before the transaction opens
        canonical = dedup.canonical_url(article.url) if article.url else None
        signature = dedup.minhash(article.text)
        row = article_row(article, canonical, dedup.content_hash(article.text), dedup.pack_signature(signature))
        with self._guard(f"store article {article.id!r}"), self._transaction():
            if self._rows("SELECT 1 AS x FROM article_copies WHERE id = ?", (article.id,)):
                return
            if self._exec(*_insert("articles", row)) == 0:
                return  # already stored: re-adding changes nothing
            for band in dedup.lsh_bands(signature):
                self._exec(*_insert("lsh_bands", {"band": band, "article_id": article.id}))
            touched: set[str] = set()
            for event in events:
                touched.add(self._add_report(event, Report.from_event(event, article)))
            for actor in (a for e in events for a in actor_rows(e)):
                self._exec(*_insert("actors", actor))
            for mid in sorted(touched - {""}):
                self._exec(_RECOUNT, (mid,) * 7)

    def _add_report(self, event: Event, report: Report) -> str:
        if self._rows("SELECT 1 AS x FROM event_reports WHERE id = ?", (event.event_id,)):
            return ""
        self._lock_dyad(f"{report.source_key}|{report.target_key}|{report.cameo_root}")
        target = choose(report, self._candidates(report), self.window_days)
        if target is None:
            target = merged_id(report)
            self._exec(*_insert("events", event_row(target, event, report)))
        elif report.country and event.location is not None:
            loc = event.location
            self._exec(
                "UPDATE events SET location_name = ?, location_country = ?, lat = ?, lon = ?"
                " WHERE id = ? AND location_country IS NULL",
                (loc.name, loc.country, loc.lat, loc.lon, target),
            )
        self._exec(*_insert("event_reports", report_row(event, report, target)))
        return target

    def _candidates(self, report: Report) -> list[Candidate]:
        sql = "SELECT id, date, location_country, counted FROM events WHERE source_key = ? AND target_key = ? AND cameo_root = ?"
        params: list[Any] = [report.source_key, report.target_key, report.cameo_root]
        bounds = window(report.date, self.window_days)
        if bounds is None:
            sql += " AND date IS NULL"
        else:
            sql += " AND date BETWEEN ? AND ?"
            params += bounds
        found = self._rows(sql, params)
        if not found:
            return []
        marks = ", ".join("?" for _ in found)
        reports: dict[str, list[tuple[str, str]]] = {}
        for r in self._rows(
            f"SELECT merged_id, article_id, trigger FROM event_reports WHERE merged_id IN ({marks})",
            [f["id"] for f in found],
        ):
            reports.setdefault(r["merged_id"], []).append((r["article_id"], r["trigger"]))
        return [
            Candidate(f["id"], f["date"], f["location_country"], bool(f["counted"]), tuple(reports.get(f["id"], ())))
            for f in found
        ]

    def add_copy(self, article: Article, original_id: str) -> None:
        row = {
            "id": article.id, "url": article.url,
            "canonical_url": dedup.canonical_url(article.url) if article.url else None,
            "outlet": article.outlet, "date": article.date,
            "content_hash": dedup.content_hash(article.text), "original_id": original_id, "added_at": now(),
        }
        with self._guard(f"store copy {article.id!r}"), self._transaction():
            if self._rows("SELECT 1 AS x FROM articles WHERE id = ?", (article.id,)):
                return
            if not self._rows("SELECT 1 AS x FROM articles WHERE id = ?", (original_id,)):
                raise StoreError(f"no stored article {original_id!r} to be a copy of; add the original first")
            if self._exec(*_insert("article_copies", row)) == 0:
                return
            for r in self._rows("SELECT DISTINCT merged_id FROM event_reports WHERE article_id = ?", (original_id,)):
                self._exec(_RECOUNT, (r["merged_id"],) * 7)

    # -- failures -----------------------------------------------------------

    def add_failure(self, failure: Failure) -> None:
        row = {"key": failure.key, "stage": failure.stage, "reason": failure.reason,
               "payload": failure.payload, "attempts": 1, "at": now()}
        conflict = ("ON CONFLICT (key) DO UPDATE SET stage = excluded.stage, reason = excluded.reason,"
                    " payload = excluded.payload, attempts = failures.attempts + 1, at = excluded.at")
        with self._guard("record a failure"), self._transaction():
            self._exec(*_insert("failures", row, conflict))

    def failures(self) -> list[Failure]:
        with self._guard("read failures"):
            rows = self._rows(f"SELECT * FROM failures ORDER BY key{self.collate}")
        return [Failure(r["key"], r["stage"], r["reason"], r["payload"], r["at"], int(r["attempts"])) for r in rows]

    def clear_failure(self, key: str) -> None:
        with self._guard("clear a failure"), self._transaction():
            self._exec("DELETE FROM failures WHERE key = ?", (key,))

    # -- queries ------------------------------------------------------------

    def events(self, flt: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
        where, params = filter_clauses(flt)
        left = flt.limit
        after: tuple[str, str] | None = None
        order = f"COALESCE(date, ''){self.collate}, id{self.collate}"
        while left is None or left > 0:
            page_where = list(where)
            page_params = list(params)
            if after is not None:  # keyset paging: no cursor stays open between yields
                page_where.append(f"(COALESCE(date, ''){self.collate} > ? OR (COALESCE(date, '') = ? AND id{self.collate} > ?))")
                page_params += [after[0], after[0], after[1]]
            size = PAGE if left is None else min(PAGE, left)
            sql = "SELECT * FROM events" + (" WHERE " + " AND ".join(page_where) if page_where else "")
            with self._guard("read events"):
                rows = self._rows(f"{sql} ORDER BY {order} LIMIT ?", [*page_params, size])
                mentions = self._mentions([r["id"] for r in rows])
            for row in rows:
                yield merged_dict(row, mentions.get(row["id"], []))
            if len(rows) < size:
                return
            after = (rows[-1]["date"] or "", rows[-1]["id"])
            if left is not None:
                left -= len(rows)

    def _mentions(self, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        out: dict[str, list[dict[str, Any]]] = {}
        for r in self._rows(
            "SELECT r.merged_id, a.id AS article_id, a.outlet, a.url, a.date, r.sentence, r.trigger"
            f" FROM event_reports r JOIN articles a ON a.id = r.article_id WHERE r.merged_id IN ({marks})"
            f" ORDER BY r.id{self.collate}",
            ids,
        ):
            mid = r.pop("merged_id")
            out.setdefault(mid, []).append(r)
        return out

    def series(self, flt: EventFilter, freq: str = "day") -> list[tuple[str, int, float]]:
        period = {"day": "date", "month": "substr(date, 1, 7)", "year": "substr(date, 1, 4)"}.get(
            check_freq(freq)
        ) or self._week("date")
        where, params = filter_clauses(flt)
        where.append("date IS NOT NULL")
        sql = (f"SELECT {period} AS period, count(*) AS n, sum(goldstein) AS g FROM events"
               f" WHERE {' AND '.join(where)} GROUP BY {period} ORDER BY 1")
        with self._guard("compute a time series"):
            rows = self._rows(sql, params)
        return [(r["period"], int(r["n"]), round(float(r["g"] or 0.0), 3)) for r in rows]

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

