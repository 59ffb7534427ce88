"""The daily roll-up behind the time series (table ``event_rollup``).

Per day, per *grain* and key, and per ``counted``: merged events by QuadClass
(``n1``..``n4``) and their Goldstein sums (``g1``..``g4``). The grains:

- ``dyad``: ``k1`` the source key, ``k2`` the target key;
- ``country``: ``k1`` an ISO3 code on either side (an event whose two sides
  share a country counts once, as ``country=`` does on the events table);
- ``code``: ``k1`` the CAMEO root (also every series with no actor filter).

A weekly dyad series then sums at most one row per day of that dyad instead
of reading every event of it, so its cost no longer grows with the dyad's
size. The store keeps the table in step in the transaction that writes the
events (:func:`cells` of every insert, including the bulk path, upserted);
migrations 0011 and 0012 fill it for existing data and install triggers for what the
store never does itself but a hand-run statement may (deleting events or
updating their dyad, date, code, QuadClass, Goldstein or ``counted``).

:func:`plan` says whether a filter can be answered from the table exactly;
when it cannot (actor names, PLOVER, text, a CAMEO prefix of three digits or
more, or combinations across grains) the series is computed from the events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .base import EventFilter
from .rows import escape_like

QUADS = (1, 2, 3, 4)
COLUMNS = ("grain", "k1", "k2", "day", "counted", *(f"n{q}" for q in QUADS), *(f"g{q}" for q in QUADS))

# What an event contributes, in this order (names of the events table).
FIELDS = ("date", "source_key", "target_key", "source_country", "target_country", "cameo_root",
          "quad_class", "goldstein", "counted")
CONFLICT = ("ON CONFLICT (grain, k1, k2, day, counted) DO UPDATE SET "
            + ", ".join(f"{c} = event_rollup.{c} + excluded.{c}" for c in COLUMNS[5:]))


# Refill the table from the events (the migration does the same for a
# database written before it): one sorted aggregate, far cheaper per event
# than upserting cell by cell, so a bulk load ends with it.
REBUILD = (
    "DELETE FROM event_rollup",
    f"INSERT INTO event_rollup ({', '.join(COLUMNS)}) SELECT grain, k1, k2, day, counted, "
    + ", ".join(f"sum(CASE WHEN quad_class = {q} THEN 1 ELSE 0 END)" for q in QUADS) + ", "
    + ", ".join(f"sum(CASE WHEN quad_class = {q} THEN goldstein ELSE 0 END)" for q in QUADS)
    # In key order, so one dyad's days sit together on disk (PostgreSQL has
    # no clustered tables; a dyad's series then reads a few pages, not 3,650).
    + " FROM event_rollup_rows GROUP BY grain, k1, k2, day, counted ORDER BY grain, k1, k2, day, counted",
)


def cells(events: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    """Roll-up rows adding up ``events`` (tuples of :data:`FIELDS`), one per
    cell, to be upserted with :data:`CONFLICT`. The view
    ``event_rollup_rows`` of migration 0012 says the same in SQL (for the
    rebuild and the triggers); the tests hold the two to equal answers."""
    acc: dict[tuple[Any, ...], list[float]] = {}
    for day, source, target, source_country, target_country, root, quad, goldstein, counted in events:
        if day is None:
            continue
        keys = [("dyad", source, target), ("code", root, "")]
        if source_country is not None:
            keys.append(("country", source_country, ""))
        if target_country is not None and target_country != source_country:
            keys.append(("country", target_country, ""))
        for key in keys:
            cell = acc.setdefault((*key, day, bool(counted)), [0, 0, 0, 0, 0.0, 0.0, 0.0, 0.0])
            if quad in QUADS:
                cell[quad - 1] += 1
                cell[quad + 3] += goldstein
    return [dict(zip(COLUMNS, (*key, *values))) for key, values in acc.items()]


def plan(flt: EventFilter) -> tuple[list[str], list[Any]] | None:
    """WHERE conditions on ``event_rollup`` equivalent to ``flt``, or None
    when the roll-up cannot answer it exactly. ``quad_class`` is applied by
    the caller (it picks columns, not rows)."""
    if flt.actor or flt.plover or flt.text or (flt.cameo and len(flt.cameo) > 2):
        return None
    where: list[str] = []
    params: list[Any] = []
    if flt.source:
        if flt.country or flt.cameo:
            return None
        where.append("grain = 'dyad' AND k1 = ?")
        params.append(flt.source)
        if flt.target:
            where.append("k2 = ?")
            params.append(flt.target)
    elif flt.target:
        return None  # no index leads with the target; the events table has one per dyad
    elif flt.country:
        if flt.cameo:
            return None
        where.append("grain = 'country' AND k1 = ?")
        params.append(flt.country)
    else:
        where.append("grain = 'code'")
        if flt.cameo and len(flt.cameo) == 2:
            where.append("k1 = ?")
            params.append(flt.cameo)
        elif flt.cameo:  # one digit: every root it starts (CAMEO codes have two digits or more)
            where.append("k1 LIKE ? ESCAPE '\\'")
            params.append(escape_like(flt.cameo) + "%")
    if not flt.include_uncounted:
        where.append("counted = TRUE")  # an equality, so SQLite's week index (0211) can serve it
    if flt.since:
        where.append("day >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("day <= ?")
        params.append(flt.until)
    return where, params


def sums(quad_class: int | None) -> str:
    """The SELECT list summing counts per QuadClass and the Goldstein total,
    keeping only ``quad_class`` when the filter names one."""
    quads = QUADS if quad_class is None else (quad_class,)
    counts = [f"sum(n{q}) AS q{q}" if q in quads else f"0 AS q{q}" for q in QUADS]
    return ", ".join(counts) + ", sum(" + " + ".join(f"g{q}" for q in quads) + ") AS g"
