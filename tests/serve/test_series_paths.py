"""``flashpoint series`` and ``/api/v1/series`` answer from the same tallies (the roll-up)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from flashpoint.cli import main
from flashpoint.store import EventFilter, open_store

from .conftest import client_for, fill


@pytest.mark.parametrize("freq, extra", [
    ("week", {}),
    ("day", {}),
    ("month", {"cameo": "19"}),
    ("year", {"all": True}),
    ("week", {"quad": 4, "since": "2022-03-02"}),
    ("day", {"until": "2022-03-01"}),
])
def test_cli_and_api_give_the_same_series(served, freq, extra):
    url, _ = served
    options = [part for k, v in extra.items() for part in ((f"--{k}",) if v is True else (f"--{k}", str(v)))]
    out = CliRunner().invoke(main, ["series", "RUS", "UKR", "--freq", freq, "--json", "--db", url, *options])
    assert out.exit_code == 0, out.output
    cli = json.loads(out.stdout)
    with client_for(url) as client:
        params = {"source": "RUS", "target": "UKR", "freq": freq, **{k: "1" if v is True else v for k, v in extra.items()}}
        api = client.get("/api/v1/series", params=params).json()["periods"]
    assert cli  # every case has events
    assert cli == [{"period": p["period"], "count": p["count"], "goldstein": p["goldstein_sum"]} for p in api if p["count"]]


@pytest.fixture
def traced(tmp_path) -> Iterator[tuple[Any, list[str]]]:
    """(a filled SQLite store, the SQL it runs from now on)."""
    url = str(tmp_path / "s.db")
    fill(url)
    store = open_store(url)
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    try:
        yield store, seen
    finally:
        store.conn.set_trace_callback(None)
        store.close()


def test_a_database_store_series_reads_the_rollup(traced):
    store, seen = traced
    assert store.series(EventFilter(source="RUS", target="UKR"), "week") == [("2022-02-28", 2, -14.4), ("2022-04-04", 1, -10.0)]
    assert any("FROM event_rollup" in sql for sql in seen) and not any("FROM events" in sql for sql in seen)


def test_a_weekly_dyad_series_reads_the_week_index_on_sqlite(traced):
    """Migration 0211's expression must stay the one queries.series groups by."""
    from flashpoint.store import queries

    store, seen = traced
    queries.series(store, EventFilter(source="RUS", target="UKR"), "week")
    (sql,) = [q for q in seen if "FROM event_rollup" in q]
    details = " ".join(str(row[-1]) for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert "event_rollup_week" in details and "TEMP B-TREE" not in details, details
