"""The backfill on a Dask cluster: same store as one process, resumable, bad shards recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.backfill import backfill, find_shards, read_shard, status
from flashpoint.config import Settings
from flashpoint.ingest import ListSource, ingest
from flashpoint.store import open_store

from ..ingest.fakes import fake_coder
from .conftest import make_archive, snapshot, two_stores

KINDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
SETTINGS = Settings(batch_size=8)


def one_process(sources: list[str], url: str) -> None:
    """The reference: every shard's items through the plain ingest runner, in one process."""
    items = []
    for shard in find_shards(sources):
        items.extend([shard] if not hasattr(shard, "path") else read_shard(shard, SETTINGS.max_chars))
    store = open_store(url)
    try:
        ingest([ListSource(items)], store, fake_coder, SETTINGS)
    finally:
        store.close()


def run(sources: list[str], url: str, client, progress=None, plan_first: bool = True):
    store = open_store(url)
    try:
        return backfill(sources, store, SETTINGS, client, coder=fake_coder, progress=progress, plan_first=plan_first)
    finally:
        store.close()


class Stop(Exception):
    pass


def stop_after(n: int):
    def progress(report) -> None:
        if report.batches >= n:
            raise Stop
    return progress


@pytest.mark.parametrize("kind", KINDS)
def test_backfill_stores_what_one_process_stores_and_records_bad_shards(tmp_path: Path, thread_client, kind: str):
    sources = [str(make_archive(tmp_path / "in"))]
    with two_stores(kind, tmp_path) as (ref, url):
        one_process(sources, ref)
        report = run(sources, url, thread_client)
        expected = snapshot(ref)
        assert snapshot(url) == expected
        assert expected["counts"]["articles"] > 90 and expected["counts"]["copies"] >= 5
        keys = {key for key, _ in expected["failures"]}
        assert any("e-corrupt.jsonl.gz" in k for k in keys)  # the corrupt gzip
        assert any("f.jsonl:" in k for k in keys)  # the malformed line
        assert report.new == expected["counts"]["articles"]
        assert report.batches == report.planned_batches and report.batches_skipped == 0
        # A second run has nothing left to do and changes nothing.
        again = run(sources, url, thread_client)
        assert again.batches == 0 and again.batches_skipped == report.batches
        assert snapshot(url) == expected


@pytest.mark.parametrize("kind", KINDS)
def test_an_interrupted_backfill_resumes_where_it_stopped(tmp_path: Path, thread_client, kind: str):
    sources = [str(make_archive(tmp_path / "in"))]
    with two_stores(kind, tmp_path) as (ref, url):
        one_process(sources, ref)
        with pytest.raises(Stop):
            run(sources, url, thread_client, progress=stop_after(4))
        partial = snapshot(url)
        assert 0 < partial["counts"]["articles"] < snapshot(ref)["counts"]["articles"]
        store = open_store(url)
        try:
            st = status(store)
            assert st.progress.batches == 4 and st.run.finished_at is None
            assert any(line.startswith("batches done: 4/") for line in st.lines())
        finally:
            store.close()
        report = run(sources, url, thread_client)
        assert report.batches_skipped == 4 and report.batches > 0
        assert snapshot(url) == snapshot(ref)


def test_status_without_a_backfill_says_how_to_start_one(tmp_path: Path):
    from flashpoint.errors import UsageError

    store = open_store(str(tmp_path / "empty.db"))
    try:
        with pytest.raises(UsageError, match="flashpoint backfill SOURCE"):
            status(store)
    finally:
        store.close()


def test_the_resources_plugin_stops_dasks_profiler():
    """Dask's statistical profiler grew a coding worker by ~4 MB per 1,000 articles
    (docs/PERFORMANCE.md); the plugin removes it from every worker it sets up."""
    from flashpoint.backfill import connect
    from flashpoint.backfill.worker import PLUGIN_NAME, PROFILER_CALLBACKS, ResourcesPlugin

    def profiler(dask_worker) -> list:
        return sorted(n for n in PROFILER_CALLBACKS if n in dask_worker.periodic_callbacks) + [
            len(dask_worker.profile_history)]

    with connect(None, 1, processes=False, dashboard=None) as client:
        assert list(client.run(profiler).values())[0][:2] == sorted(PROFILER_CALLBACKS)
        client.register_plugin(ResourcesPlugin(SETTINGS, fake_coder), name=PLUGIN_NAME)
        assert list(client.run(profiler).values()) == [[0]]


def test_a_batch_sent_as_several_tasks_stores_what_one_process_stores(tmp_path: Path, thread_client, monkeypatch):
    from flashpoint.backfill import runner

    monkeypatch.setattr(runner, "TASK_ARTICLES", 3)  # batches of 8: tasks of 3, 3 and 2
    assert [len(p) for p in runner.pieces(list(range(8)))] == [3, 3, 2]
    sources = [str(make_archive(tmp_path / "in"))]
    with two_stores("sqlite", tmp_path) as (ref, url):
        one_process(sources, ref)
        report = run(sources, url, thread_client)
        assert snapshot(url) == snapshot(ref) and report.new > 90
