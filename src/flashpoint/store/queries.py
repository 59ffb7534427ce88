"""Read queries the API and dashboard need beyond the Store protocol.

Pages of events with a keyset cursor and the API's extra filters
(modality, confidence, bounding box, ``updated_since``), one event with
every report behind it, series split by QuadClass with empty periods as
zeros, actor profiles and the changes feed. Every query builds on
:func:`~flashpoint.store.rows.filter_clauses`, so a filter means the same
here as in ``flashpoint events``. They need a database back end
(:class:`~flashpoint.store.relational.RelationalStore`).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import UsageError
from ..types import MODALITIES
from . import rollup
from .base import EventFilter, Store, check_freq
from .rows import filter_clauses, merged_dict

MAX_PAGE = 1000


@dataclass(frozen=True, slots=True)
class EventQuery:
    """A page request: the shared filter plus what only the API offers."""

    flt: EventFilter = field(default_factory=EventFilter)
    modality: str | None = None
    min_confidence: float | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    updated_since: str | None = None  # ISO timestamp or day
    cursor: str | None = None  # from the previous page
    size: int = 50
    newest_first: bool = True

    def __post_init__(self) -> None:
        if self.modality is not None and self.modality not in MODALITIES:
            raise UsageError(f"modality must be one of {', '.join(MODALITIES)}, not {self.modality!r}")
        if not 1 <= self.size <= MAX_PAGE:
            raise UsageError(f"page size must be 1 to {MAX_PAGE}, not {self.size}")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise UsageError(f"min_confidence must be between 0 and 1, not {self.min_confidence}")
        if self.bbox is not None:
            west, south, east, north = self.bbox
            if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
                raise UsageError("bbox is west,south,east,north in degrees (south <= north)")


@dataclass(frozen=True, slots=True)
class Page:
    events: list[dict[str, Any]]
    next_cursor: str | None


def _relational(store: Store) -> Any:
    if not hasattr(store, "_rows"):
        raise UsageError("this query needs a database store (SQLite or PostgreSQL), not memory:")
    return store


def encode_cursor(values: list[Any]) -> str:
    """An opaque, URL-safe cursor for keyset paging."""
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, arity: int) -> list[Any]:
    """Undo :func:`encode_cursor`; a cursor that is not ours is a usage error."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        values = None
    if not isinstance(values, list) or len(values) != arity:
        raise UsageError("bad cursor; pass the next_cursor of a previous page unchanged")
    return values


def _confidence(dialect: str) -> str:
    if dialect == "postgres":
        return "CAST(CAST(record AS json)->>'confidence' AS double precision)"
    return "CAST(json_extract(record, '$.confidence') AS REAL)"


def clauses(flt: EventFilter) -> tuple[list[str], list[Any]]:
    """:func:`filter_clauses` plus what they imply that an index can use: a
    CAMEO prefix of two digits or more fixes ``cameo_root``, the third column
    of the ``events_merge`` index (source, target, root, date), where a
    ``LIKE`` cannot use one. A two-digit prefix is the root itself, and the
    ``LIKE`` is left out: PostgreSQL would count its selectivity twice, think
    the dyad's page tiny and read and sort every event of the dyad and root."""
    root_only = bool(flt.cameo) and len(flt.cameo or "") == 2
    where, params = filter_clauses(replace(flt, cameo=None) if root_only else flt)
    if flt.cameo and len(flt.cameo) >= 2:
        where.append("cameo_root = ?")
        params.append(flt.cameo[:2])
    return where, params


def query_clauses(store: Any, q: EventQuery) -> tuple[list[str], list[Any]]:
    """WHERE conditions for ``q`` (the shared filter's, then the API's own)."""
    where, params = clauses(q.flt)
    if q.modality:
        where.append("modality = ?")
        params.append(q.modality)
    if q.min_confidence is not None:
        where.append(f"{_confidence(store.dialect)} >= ?")
        params.append(q.min_confidence)
    if q.bbox is not None:
        west, south, east, north = q.bbox
        where.append("lat BETWEEN ? AND ?")
        params += [south, north]
        if west <= east:
            where.append("lon BETWEEN ? AND ?")
            params += [west, east]
        else:  # the box crosses the antimeridian
            where.append("(lon >= ? OR lon <= ?)")
            params += [west, east]
    if q.updated_since:
        where.append("id IN (SELECT event_id FROM event_changes WHERE at >= ?)")
        params.append(q.updated_since)
    return where, params


def _keyset(c: str, newest_first: bool, day: str | None, eid: str) -> tuple[str, list[Any]]:
    """The condition "after (day, eid)" in page order: by date, then id;
    undated events sort before every date (so they come last, newest first)."""
    op = "<" if newest_first else ">"
    if day is None:  # the cursor sits among the undated events
        if newest_first:
            return f"(date IS NULL AND id{c} < ?)", [eid]
        return f"((date IS NULL AND id{c} > ?) OR date IS NOT NULL)", [eid]
    later = f"(date {op} ? OR (date = ? AND id{c} {op} ?))"
    return (f"({later} OR date IS NULL)" if newest_first else later), [day, day, eid]


def event_page(store: Store, q: EventQuery) -> Page:
    """One page of merged events in (date, id) order and the cursor of the next.

    The order is the ``events_order`` index's, so the first page of a
    million events is read off the index rather than sorted.
    """
    db = _relational(store)
    where, params = query_clauses(db, q)
    c = db.collate
    if q.cursor:
        day, eid = decode_cursor(q.cursor, 2)
        cond, more_params = _keyset(c, q.newest_first, None if day is None else str(day), str(eid))
        where.append(cond)
        params += more_params
    # SQLite puts NULLs first ascending and last descending, as wanted; PostgreSQL
    # is told so (and its index is built NULLS FIRST to match). ISO dates sort
    # alike in every collation, so ``date`` keeps the default one, which lets
    # the same index serve the date-range filters; ids are compared bytewise.
    nulls = "" if db.dialect == "sqlite" else (" NULLS LAST" if q.newest_first else " NULLS FIRST")
    direction = "DESC" if q.newest_first else "ASC"
    sql = ("SELECT * FROM events" + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY date {direction}{nulls}, id{c} {direction} LIMIT ?")
    with db._guard("read a page of events"):
        rows = db._rows(sql, [*params, q.size + 1])
        more = len(rows) > q.size
        rows = rows[:q.size]
        mentions = db._mentions([r["id"] for r in rows])
    events = [merged_dict(r, mentions.get(r["id"], [])) for r in rows]
    cursor = encode_cursor([rows[-1]["date"], rows[-1]["id"]]) if more and rows else None
    return Page(events, cursor)


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """One merged event with every report: article, outlet, link, sentence,
    offsets, trigger, rule, confidence; and the syndicated copies. None if unknown."""
    db = _relational(store)
    with db._guard("read an event"):
        rows = db._rows("SELECT * FROM events WHERE id = ?", [event_id])
        if not rows:
            return None
        reports = db._rows(
            "SELECT r.id, r.article_id, r.trigger, r.sentence, r.record, a.title, a.outlet, a.url, a.date"
            f" FROM event_reports r JOIN articles a ON a.id = r.article_id WHERE r.merged_id = ? ORDER BY r.id{db.collate}",
            [event_id])
        ids = sorted({r["article_id"] for r in reports})
        copies = db._rows(
            "SELECT id, original_id, outlet, url, date FROM article_copies"
            f" WHERE original_id IN ({', '.join('?' for _ in ids)}) ORDER BY id{db.collate}", ids) if ids else []
    out = merged_dict(rows[0], [])
    out.pop("mentions", None)
    out["reports"] = [_report(r) for r in reports]
    out["copies"] = copies
    return out


def _report(row: dict[str, Any]) -> dict[str, Any]:
    record = json.loads(row["record"])
    evidence = record.get("evidence") or {}
    return {
        "id": row["id"], "article_id": row["article_id"], "title": row["title"], "outlet": row["outlet"],
        "url": row["url"], "date": row["date"], "sentence": row["sentence"], "trigger": row["trigger"],
        "start": evidence.get("start"), "end": evidence.get("end"), "rule": record.get("rule"),
        "confidence": record.get("confidence"), "modality": record.get("modality"),
        "cameo": record.get("cameo"), "source": record.get("source"), "target": record.get("target"),
    }


@dataclass(frozen=True, slots=True)
class Period:
    """One bucket of a series: counts per QuadClass and Goldstein figures."""

    period: str
    count: int
    quad: tuple[int, int, int, int]  # QuadClass 1..4
    goldstein_sum: float

    @property
    def goldstein_mean(self) -> float:
        return round(self.goldstein_sum / self.count, 3) if self.count else 0.0

    @property
    def conflict_share(self) -> float:
        return round((self.quad[2] + self.quad[3]) / self.count, 3) if self.count else 0.0

    def as_dict(self) -> dict[str, Any]:
        return period_dict(self.period, *self.quad, self.goldstein_sum)


def period_dict(period: str, q1: int, q2: int, q3: int, q4: int, g: float) -> dict[str, Any]:
    """One period of a series as the API answers it (``g`` already rounded)."""
    n = q1 + q2 + q3 + q4
    return {"period": period, "count": n, "quad1": q1, "quad2": q2, "quad3": q3, "quad4": q4,
            "goldstein_sum": g, "goldstein_mean": round(g / n, 3) if n else 0.0,
            "conflict_share": round((q3 + q4) / n, 3) if n else 0.0}


def series(store: Store, flt: EventFilter, freq: str = "week", use_rollup: bool = True) -> list[Period]:
    """Merged events per period by QuadClass, every period from the first
    (``flt.since`` when given) to the last (``flt.until``) with zeros where
    nothing happened.

    Answered from the daily roll-up (:mod:`~flashpoint.store.rollup`) when it
    holds the filter's grain, else from the events table; both give the same
    numbers (tested against each other); ``use_rollup=False`` reads the events.
    """
    return [Period(p, q1 + q2 + q3 + q4, (q1, q2, q3, q4), g)
            for p, q1, q2, q3, q4, g in filled(store, flt, freq, use_rollup)]


def series_dicts(store: Store, flt: EventFilter, freq: str = "week") -> list[dict[str, Any]]:
    """:func:`series` as the API's period objects (:func:`period_dict`),
    without building a :class:`Period` for each on the way."""
    return [period_dict(*row) for row in filled(store, flt, freq)]


_ZERO = (0, 0, 0, 0, 0.0)


def filled(store: Store, flt: EventFilter, freq: str = "week",
           use_rollup: bool = True) -> list[tuple[str, int, int, int, int, float]]:
    """``(label, q1, q2, q3, q4, goldstein sum)`` of every period of :func:`series`."""
    found = _found(_relational(store), flt, freq, use_rollup)
    if not found and not (flt.since and flt.until):
        return []
    if check_freq(freq) == "week":
        # Weeks stay whole numbers until their label is written: one range,
        # no date arithmetic per empty week.
        first = _week(flt.since) if flt.since else min(found)
        last = _week(flt.until) if flt.until else max(found)
        keys: Any = range(first, min(last + 1, first + MAX_PERIODS, _LAST_WEEK + 1))
        label = _monday
    else:
        first_label = period_of(flt.since, freq) if flt.since else min(found)
        keys = periods(first_label, period_of(flt.until, freq) if flt.until else max(found), freq)
        label = str
    get = found.get
    return [(label(k), *get(k, _ZERO)) for k in keys]


def totals(store: Store, flt: EventFilter, freq: str = "day") -> list[tuple[str, int, float]]:
    """``(period, count, goldstein_sum)`` of each period with events, oldest
    first: :func:`series` without its empty periods, from the same tallies
    (the roll-up where it answers). A database store's ``series`` is this, so
    ``flashpoint series`` and ``/api/v1/series`` give the same numbers."""
    found = _found(_relational(store), flt, freq)
    label = _monday if check_freq(freq) == "week" else str
    return [(label(k), q1 + q2 + q3 + q4, g) for k, (q1, q2, q3, q4, g) in sorted(found.items())
            if q1 + q2 + q3 + q4]


def _found(db: Any, flt: EventFilter, freq: str, use_rollup: bool = True) -> dict[Any, tuple[int, int, int, int, float]]:
    """Period -> (q1, q2, q3, q4, rounded Goldstein sum) of each period with
    events; a period is its label, or for weeks the week number (:func:`_monday`)."""
    acc: dict[Any, list[Any]] = {}
    weekly = check_freq(freq) == "week"
    for period, q1, q2, q3, q4, g in _tallies(db, flt, freq, use_rollup):
        if period is None:  # not a calendar date
            continue
        key = int(period) if weekly else period
        cell = acc.get(key)
        if cell is None:
            acc[key] = [int(q1 or 0), int(q2 or 0), int(q3 or 0), int(q4 or 0), float(g or 0.0)]
        else:  # the events table answers one row per period and QuadClass
            cell[0] += int(q1 or 0)
            cell[1] += int(q2 or 0)
            cell[2] += int(q3 or 0)
            cell[3] += int(q4 or 0)
            cell[4] += float(g or 0.0)
    return {k: (q1, q2, q3, q4, round(g, 3)) for k, (q1, q2, q3, q4, g) in acc.items()}


def _period(dialect: str, freq: str, column: str) -> str:
    if freq == "week":
        return _WEEK_NUMBER[dialect].format(column)
    return {"day": column, "month": f"substr({column}, 1, 7)", "year": f"substr({column}, 1, 4)"}[freq]


def _tallies(db: Any, flt: EventFilter, freq: str, use_rollup: bool = True) -> list[tuple[Any, ...]]:
    """Tuples of (period, q1, q2, q3, q4, g): events and Goldstein sum per
    QuadClass per period with any events, from the roll-up when it can answer."""
    planned = rollup.plan(flt) if use_rollup else None
    if planned is not None:
        where, params = planned
        period = _period(db.dialect, freq, "day")
        quads = rollup.QUADS if flt.quad_class is None else (flt.quad_class,)
        sql = (f"SELECT {period} AS period, {rollup.sums(flt.quad_class)} FROM event_rollup"
               f" WHERE {' AND '.join(where)} GROUP BY {period}"
               f" HAVING sum({' + '.join(f'n{q}' for q in quads)}) > 0")
        with db._guard("compute a time series"):
            # Plain tuples: a dict per row cost more than the query itself.
            return db._send(sql, params).fetchall()
    period = _period(db.dialect, freq, "date")
    where, params = clauses(flt)
    where.append("date IS NOT NULL")
    sql = (f"SELECT {period} AS period, quad_class AS q, count(*) AS n, sum(goldstein) AS g FROM events"
           f" WHERE {' AND '.join(where)} GROUP BY {period}, quad_class")
    with db._guard("compute a time series"):
        rows = db._send(sql, params).fetchall()
    return [(p, *(n if int(q) == k else 0 for k in rollup.QUADS), g) for p, q, n, g in rows]


# Weeks as whole numbers since Monday 0001-01-01: integer arithmetic per row
# is about twice as fast as formatting each row's Monday as text in SQL. The
# SQLite expression is also the key of the roll-up's week index (migration
# 0211): change one, change the other, or weekly series lose the index.
_WEEK_NUMBER = {
    "sqlite": "CAST((julianday({0}) - 1721425.5) / 7 AS INTEGER)",
    "postgres": "((CAST({0} AS date) - DATE '0001-01-01') / 7)",
}


def _monday(week: int) -> str:
    return dt.date.fromordinal(1 + 7 * week).isoformat()


def _week(day: str) -> int:
    """The week number (as :data:`_WEEK_NUMBER` counts) of ISO ``day``."""
    return (dt.date.fromisoformat(day[:10]).toordinal() - 1) // 7


_LAST_WEEK = _week(dt.date.max.isoformat())


def period_of(day: str, freq: str) -> str:
    """The label of the period holding ISO ``day``."""
    d = dt.date.fromisoformat(day[:10])
    if freq == "week":
        return (d - dt.timedelta(days=min(d.weekday(), d.toordinal() - 1))).isoformat()
    return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": d.isoformat()[:4]}[freq]


MAX_PERIODS = 20_000


def periods(first: str, last: str, freq: str) -> list[str]:
    """Every period label from ``first`` to ``last`` inclusive."""
    out: list[str] = []
    if freq in ("day", "week"):
        d, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        step = dt.timedelta(days=1 if freq == "day" else 7)
        while d <= end and len(out) < MAX_PERIODS:
            out.append(d.isoformat())
            if dt.date.max - d < step:
                break
            d += step
    elif freq == "month":
        y, m = int(first[:4]), int(first[5:7])
        while f"{y:04d}-{m:02d}" <= last and len(out) < MAX_PERIODS:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        out = [f"{y:04d}" for y in range(int(first), int(last) + 1)][:MAX_PERIODS]
    return out


def actor_profile(store: Store, actor: str, flt: EventFilter | None = None, top: int = 10) -> dict[str, Any]:
    """Partners, codes, first and last seen of ``actor`` (name, code, ISO3 or org)."""

    db = _relational(store)
    base = replace(flt or EventFilter(), actor=actor, limit=None)
    partners: dict[tuple[str, str], int] = {}
    for src, tgt, n in store.tally(("source_key", "target_key"), base):
        # The partner is the other side; where neither key is the actor (it
        # matched by name, code or org), the target is taken as the partner.
        other, role = (src, "source") if tgt == actor and src != actor else (tgt, "target")
        partners[(other, role)] = partners.get((other, role), 0) + n
    where, params = filter_clauses(base)
    with db._guard("read an actor"):
        span = db._rows(f"SELECT min(date) AS first, max(date) AS last, count(*) AS n FROM events WHERE {' AND '.join(where)}",
                        params)[0]
        names = db._rows("SELECT name, country, org, code, sector FROM actors WHERE key = ? OR name = ? OR code = ?"
                         " GROUP BY name, country, org, code, sector"
                         f" ORDER BY name{db.collate}, code{db.collate} LIMIT 20", [actor, actor, actor])
    return {
        "actor": actor,
        "events": int(span["n"]),
        "first_seen": span["first"],
        "last_seen": span["last"],
        "names": names,
        "partners": [{"key": k, "role": role, "events": n}
                     for (k, role), n in sorted(partners.items(), key=lambda kv: (-kv[1], kv[0]))[:top]],
        "codes": [{"cameo": c, "events": n} for c, n in store.tally(("cameo",), base, limit=top)],
        "quad": {str(q): n for q, n in store.tally(("quad_class",), base)},
    }


def changes(store: Store, cursor: str | None = None, size: int = 500) -> tuple[list[dict[str, Any]], str | None]:
    """Changes after ``cursor`` (new, merged, deleted events), oldest first,
    and the cursor to pass next time (the same one when nothing changed)."""
    db = _relational(store)
    if not 1 <= size <= MAX_PAGE * 10:
        raise UsageError(f"page size must be 1 to {MAX_PAGE * 10}, not {size}")
    after = int(decode_cursor(cursor, 1)[0]) if cursor else 0
    with db._guard("read the changes feed"):
        rows = db._rows("SELECT seq, event_id, kind, at FROM event_changes WHERE seq > ? ORDER BY seq LIMIT ?",
                        [after, size])
    last = rows[-1]["seq"] if rows else after
    return [{**r, "seq": int(r["seq"])} for r in rows], encode_cursor([int(last)])


def located_events(store: Store, flt: EventFilter, limit: int = 2000) -> list[dict[str, Any]]:
    """(id, lat, lon, place, quad) of located events for the map, newest first."""
    db = _relational(store)
    where, params = clauses(flt)
    where += ["lat IS NOT NULL", "lon IS NOT NULL"]
    with db._guard("read located events"):
        return db._rows("SELECT id, date, lat, lon, location_name, quad_class, cameo, source_name, target_name"
                        f" FROM events WHERE {' AND '.join(where)} ORDER BY date DESC LIMIT ?", [*params, limit])


def dyads(store: Store, flt: EventFilter, top: int = 20) -> list[dict[str, Any]]:
    """The busiest directed dyads: events, Goldstein sum and mean, conflict share."""
    db = _relational(store)
    where, params = clauses(flt)
    sql = ("SELECT source_key, target_key, count(*) AS n, sum(goldstein) AS g,"
           " sum(CASE WHEN quad_class >= 3 THEN 1 ELSE 0 END) AS conflict FROM events"
           + (" WHERE " + " AND ".join(where) if where else "")
           + f" GROUP BY source_key, target_key ORDER BY n DESC, source_key{db.collate}, target_key{db.collate} LIMIT ?")
    with db._guard("count dyads"):
        rows = db._rows(sql, [*params, top])
    return [{"source": r["source_key"], "target": r["target_key"], "events": int(r["n"]),
             "goldstein_sum": round(float(r["g"] or 0), 2),
             "goldstein_mean": round(float(r["g"] or 0) / int(r["n"]), 2) if r["n"] else 0.0,
             "conflict_share": round(int(r["conflict"] or 0) / int(r["n"]), 3) if r["n"] else 0.0}
            for r in rows]


def data_version(store: Store) -> int:
    """A number that grows whenever a merged event is created, merged into or
    deleted (the changes feed's last sequence number): cached answers made
    under an older number are stale."""
    db = _relational(store)
    with db._guard("read the data version"):
        return int(db._rows("SELECT max(seq) AS v FROM event_changes")[0]["v"] or 0)
