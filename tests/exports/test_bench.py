"""``flashpoint bench --export`` runs end to end (figures are reported, never asserted)."""

from __future__ import annotations

import pytest

from flashpoint.bench.export import bench_export, format_lines, synthetic_events
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
    assert [(r["source"], r["format"]) for r in results] == [
        ("memory", "generate"), ("memory", "parquet"), ("memory", "gdelt"),
        ("sqlite", "load"), ("sqlite", "read"), ("sqlite", "parquet"), ("sqlite", "gdelt")]
    runs = [r for r in results if r["format"] != "load"]
    assert all(r["events"] == 300 and r["peak_rss_mb"] > 0 for r in runs)
    assert all(r["bytes"] > 0 for r in runs if r["format"] in ("parquet", "gdelt"))
    lines = format_lines(results)
    assert len(lines) == 7 and "writer alone" in lines[-1]


def test_a_filled_store_exports_its_events(tmp_path):
    from flashpoint.store import open_store
    from flashpoint.store.base import EventFilter

    from flashpoint.bench.export import fill_store

    url = str(tmp_path / "bench.db")
    fill_store(url, 40)
    store = open_store(url)
    try:
        stored = list(store.events(EventFilter()))
    finally:
        store.close()
    made = {e["id"]: e for e in synthetic_events(40)}
    assert len(stored) == 40 and {e["id"] for e in stored} == set(made)
    def undated(event):  # a mention's date is its article's: the date of the article's first event
        return {**event, "mentions": [{k: v for k, v in m.items() if k != "date"} for m in event["mentions"]]}

    for event in stored:  # what the store gives back is the event that was made
        assert undated(event) == undated(made[event["id"]])
