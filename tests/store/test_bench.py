"""The query benchmark runs end to end on a small load and refuses unsafe targets."""

from __future__ import annotations

import pytest

from flashpoint.errors import UsageError
from flashpoint.store import open_store
from flashpoint.bench.query import bench_query

from .conftest import make_article, make_event


@pytest.mark.parametrize("store_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_bench_small(store_url):
    result = bench_query(store_url, n_events=3000, repeat=2)
    assert result["n_events"] == 3000
    assert result["series_periods"] > 0 and result["events_page_rows"] > 0
    assert result["series_median_s"] < 1.0


def test_bench_refuses_memory_and_non_empty(tmp_path):
    with pytest.raises(UsageError, match="needs a database"):
        bench_query("memory:", n_events=10)
    path = str(tmp_path / "full.db")
    s = open_store(path)
    s.add_article(make_article("a1"), [make_event()])
    s.close()
    with pytest.raises(UsageError, match="already holds events"):
        bench_query(path, n_events=10)
