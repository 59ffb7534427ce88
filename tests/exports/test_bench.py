"""``flashpoint bench --export`` runs end to end (figures are reported, never asserted)."""

from __future__ import annotations

import pytest

from flashpoint.store.export_bench import bench_export, format_lines, synthetic_events
from flashpoint.store.merged_schema import merged_event_schema


def test_synthetic_events_are_merged_events():
    import jsonschema

    validator = jsonschema.Draft202012Validator(merged_event_schema())
    events = list(synthetic_events(50))
    assert len({e["id"] for e in events}) == 50
    for event in events:
        assert [e.message for e in validator.iter_errors(event)] == []


@pytest.mark.slow
def test_bench_export_runs_each_format_in_its_own_process():
    results = bench_export(300)
    assert [r["format"] for r in results] == ["generate", "parquet", "gdelt"]
    assert all(r["events"] == 300 and r["peak_rss_mb"] > 0 for r in results)
    assert all(r["bytes"] > 0 for r in results[1:])
    assert len(format_lines(results)) == 3
