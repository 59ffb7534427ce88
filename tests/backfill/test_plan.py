"""Shards and batches: what is read from files and archives, and stable batch ids."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

from flashpoint.backfill import find_shards, plan, read_shard
from flashpoint.backfill.plan import Batch
from flashpoint.backfill.shards import Shard
from flashpoint.store.base import Failure
from flashpoint.types import Article

from ..store.conftest import fresh_url
from .conftest import jsonl, make_archive, record


def test_every_kind_of_shard_is_read(tmp_path: Path):
    root = make_archive(tmp_path / "in", n=60)
    shards = list(find_shards([str(root)]))
    assert [Path(s.path).name for s in shards] == ["a.jsonl", "b.jsonl.gz", "c.csv.gz", "d.tar.gz",
                                                   "e-corrupt.jsonl.gz", "f.jsonl"]
    by_name = {Path(s.path).name: list(read_shard(s, 10_000)) for s in shards}
    for name in ("a.jsonl", "b.jsonl.gz", "c.csv.gz"):
        assert len([i for i in by_name[name] if isinstance(i, Article)]) == 10, name
    assert len([i for i in by_name["d.tar.gz"] if isinstance(i, Article)]) == 20
    corrupt = by_name["e-corrupt.jsonl.gz"]
    assert isinstance(corrupt[-1], Failure) and "unreadable after" in corrupt[-1].reason
    assert "what was read before is kept" in corrupt[-1].reason
    bad_lines = [i for i in by_name["f.jsonl"] if isinstance(i, Failure)]
    assert len(bad_lines) == 1 and "invalid JSON" in bad_lines[0].reason


def test_missing_and_unsupported_inputs_are_failures(tmp_path: Path):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    items = list(find_shards([str(tmp_path / "nope"), str(tmp_path / "notes.docx")]))
    assert [type(i) for i in items] == [Failure, Failure]
    assert "no such file" in items[0].reason and "unsupported file type" in items[1].reason


def test_archive_members_of_an_unsupported_kind_are_failures(tmp_path: Path):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, data in (("page.html", b"<p>hi</p>"), ("ok.jsonl", jsonl([record(1)]))):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    path = tmp_path / "mixed.tar.gz"
    path.write_bytes(buf.getvalue())
    items = list(read_shard(Shard(str(path)), 10_000))
    assert isinstance(items[0], Failure) and items[0].key.endswith("!page.html")
    assert isinstance(items[1], Article)


def test_batch_ids_are_stable_and_batches_stay_in_their_shard(tmp_path: Path):
    root = make_archive(tmp_path / "in", n=60)
    first = [i for i in plan([str(root)], 4, 10_000) if isinstance(i, Batch)]
    again = [i for i in plan([str(root)], 4, 10_000) if isinstance(i, Batch)]
    assert [b.id for b in first] == [b.id for b in again]
    assert len({b.id for b in first}) == len(first)
    assert all(len(b.articles) <= 4 for b in first)
    assert all(len({a.id for a in b.articles}) == len(b.articles) for b in first)
    (root / "a.jsonl").write_bytes(jsonl([record(i) for i in range(9)]))  # one shard changed
    changed = [i for i in plan([str(root)], 4, 10_000) if isinstance(i, Batch)]
    moved = {b.id for b in first} ^ {b.id for b in changed}
    assert moved and all("a.jsonl" in b.shard for b in first + changed if b.id in moved)


def test_one_document_files_share_batches(tmp_path: Path):
    for i in range(5):
        (tmp_path / f"story{i}.txt").write_text(f"Story {i}. The envoy met officials.")
    batches = [i for i in plan([str(tmp_path)], 2, 10_000, date="2021-11-12") if isinstance(i, Batch)]
    assert [len(b.articles) for b in batches] == [2, 2, 1]
    assert batches[1].shard.endswith("story2.txt")


def test_the_checkpoint_migration_is_applied_to_an_older_database(tmp_path: Path):
    from flashpoint.store import open_store

    with fresh_url("sqlite", tmp_path) as url:
        store = open_store(url)
        with store._transaction():
            store._send("DROP TABLE backfill_batches")
            store._send("DROP TABLE backfill_runs")
            store._send("DELETE FROM schema_version WHERE version = 113")
        store.close()
        store = open_store(url)  # a database from before the backfill
        try:
            assert {"articles", "backfill_runs"} <= {r["name"] for r in store._rows(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            assert 113 in {r["version"] for r in store._rows("SELECT version FROM schema_version")}
        finally:
            store.close()
