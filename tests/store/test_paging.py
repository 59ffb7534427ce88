"""``Store.events`` pages by keyset along the ``events_order`` index: every
event once, none missed, in (date, id) order with undated events first,
whatever the page size; and each page's query is a range of that index
(checked with EXPLAIN), not a scan and sort of the whole table."""

from __future__ import annotations

import pytest

from flashpoint.bench.query import synthetic_rows
from flashpoint.store import open_store, relational
from flashpoint.store.base import EventFilter
from flashpoint.store.rows import EVENT_COLUMNS, filter_clauses

from .conftest import fresh_url

DB = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
_DATE, _ID = EVENT_COLUMNS.index("date"), EVENT_COLUMNS.index("id")


def _rows(n: int) -> list[tuple]:
    """Synthetic events rows: many share a date, a few have none, ids out of date order."""
    out = []
    for i, row in enumerate(synthetic_rows(n, seed=3)):
        row = list(row)
        row[_ID] = f"{(i * 7919) % 10007:05d}-{i}"
        row[_DATE] = None if i % 23 == 0 else f"2024-01-{1 + i % 9:02d}"
        out.append(tuple(row))
    return out


def _order(rows: list[tuple]) -> list[str]:
    """(date, id) in byte order, undated first: the order events() promises."""
    undated = sorted(r[_ID] for r in rows if r[_DATE] is None)
    dated = [r[_ID] for r in sorted((r for r in rows if r[_DATE] is not None), key=lambda r: (r[_DATE], r[_ID]))]
    return undated + dated


@pytest.fixture(params=DB)
def loaded(request, tmp_path):
    rows = _rows(300)
    with fresh_url(request.param, tmp_path) as url:
        store = open_store(url)
        try:
            store.bulk_events(rows)
            yield store, rows
        finally:
            store.close()


@pytest.mark.parametrize("page", [1, 2, 7, 13, 500])
def test_paging_is_complete_and_in_order(loaded, page, monkeypatch):
    store, rows = loaded
    monkeypatch.setattr(relational, "PAGE", page)
    ids = [e["id"] for e in store.events()]
    assert len(ids) == len(set(ids)) == len(rows)
    assert ids == _order(rows)
    # a limit that stops mid-page, inside the undated run and inside the dated run
    for limit in (5, 14, 150):
        assert [e["id"] for e in store.events(EventFilter(limit=limit))] == ids[:limit]
    # a filter: the same order, restricted
    picked = [e["id"] for e in store.events(EventFilter(since="2024-01-03", cameo="1"))]
    keep = {r[_ID] for r in rows if r[_DATE] and r[_DATE] >= "2024-01-03" and r[EVENT_COLUMNS.index("cameo")].startswith("1")}
    assert picked == [i for i in ids if i in keep]


def test_the_page_order_is_the_export_order(loaded, monkeypatch):
    store, _ = loaded
    monkeypatch.setattr(relational, "PAGE", 11)
    assert [e["id"] for e in store.events()] == [r[0] for p in store.event_pages(size=17) for r in p.rows]


def _plan(store, sql: str, params: list) -> str:
    if store.dialect == "sqlite":
        return "\n".join(r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall())
    from flashpoint.store.postgres import _params, _sql

    # A table this small is read whole by any planner; with scans and sorts
    # priced out, a plan that still sorts is one the index cannot serve.
    with store.conn.transaction(), store.conn.cursor() as cur:
        cur.execute("SET LOCAL enable_seqscan = off")
        cur.execute("SET LOCAL enable_sort = off")
        cur.execute("EXPLAIN " + _sql(sql), _params(params))
        return "\n".join(r[0] for r in cur.fetchall())


def test_each_page_is_a_range_of_the_order_index(loaded):
    store, _ = loaded
    store._run("ANALYZE")
    where, params = filter_clauses(EventFilter())
    for dated, after in ((False, None), (False, (None, "00005-3")), (True, None), (True, ("2024-01-03", "00005-3"))):
        sql, page_params = store._events_page(where, params, dated, after, 500)
        plan = _plan(store, sql, page_params)
        assert "events_order" in plan, plan
        assert "TEMP B-TREE" not in plan and "Sort" not in plan and "SCAN events" not in plan, plan
    # The old order by COALESCE(date, '') could not use it: the test can tell.
    old = f"SELECT * FROM events WHERE counted ORDER BY COALESCE(date, ''){store.collate}, id{store.collate} LIMIT 500"
    plan = _plan(store, old, [])
    assert "TEMP B-TREE" in plan or "Sort" in plan, plan
