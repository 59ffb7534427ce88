"""``flashpoint bench --serve`` end to end on a small load, one server process against two."""

from __future__ import annotations

import re
import sys

import pytest

from flashpoint.serve.bench import bench_serve


@pytest.mark.network
@pytest.mark.slow
def test_bench_serve_compares_one_process_with_two():
    lines = list(bench_serve(n_events=2000, clients=2, per_client=2, workers=2))
    assert lines[0] == "serve sqlite: loaded 2,000 events in " + lines[0].split(" in ")[1]
    for head in ("serve sqlite, 1 worker:", "serve sqlite, 2 workers:"):
        mine = [line for line in lines if line.startswith(head)]
        series = [line for line in mine if re.search(r"weekly dyad series +computed +2 clients", line)]
        assert len(series) == 1 and re.search(r"p95 \d+ ms", series[0])
        if sys.platform == "linux":  # read from /proc
            assert float(re.search(r"server CPU ([\d.]+) ms/request", series[0]).group(1)) > 0
        assert any("dashboard first page" in line for line in mine)
        assert any(re.search(r"weekly dyad series +revalidated +2 clients: p50 \d+ ms", line) for line in mine)
