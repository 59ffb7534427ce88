"""No path option can overwrite the database (issue 14, item 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli import main
from flashpoint.errors import UsageError
from flashpoint.ingest.validators import ValidatorCache
from flashpoint.store import open_store
from flashpoint.store.paths import refuse_database_path, replacing
from tests.ingest.fakes import fake_coder
from tests.store.conftest import make_article, make_event


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), obj={"coder": fake_coder}, catch_exceptions=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.db"
    store = open_store(str(path))
    store.add_article(make_article("a1"), [make_event("e1", "a1")])
    store.close()
    return path


def _intact(path: Path) -> bool:
    store = open_store(str(path))
    try:
        return store.counts()["events"] == 1
    finally:
        store.close()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_export_refuses_the_database_and_its_side_files(db: Path, suffix: str) -> None:
    res = invoke("export", "--db", str(db), "--format", "csv", "-o", str(db) + suffix)
    assert res.exit_code == 2 and res.stderr.startswith("error: -o ") and "is the database" in res.stderr
    assert _intact(db)


def test_export_refuses_the_database_by_another_name(db: Path, tmp_path: Path, monkeypatch) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(db)
    monkeypatch.chdir(tmp_path)
    for target in (str(link), "./events.db", str(tmp_path / "sub" / ".." / "events.db")):
        res = invoke("export", "--db", f"sqlite:///{db.name}", "--format", "jsonl", "-o", target)
        assert res.exit_code == 2, target
    assert _intact(db)


def test_export_to_a_file_replaces_it_whole(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    res = invoke("export", "--db", str(db), "--format", "jsonl", "-o", str(out))
    assert res.exit_code == 0 and json.loads(out.read_text())["event_id"] == "e1"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "kept.csv"
    out.write_text("precious\n")
    with pytest.raises(RuntimeError), replacing(out) as part:
        part.write_text("half")
        raise RuntimeError("the export broke")
    assert out.read_text() == "precious\n" and [p.name for p in tmp_path.iterdir()] == ["kept.csv"]


def test_memory_and_postgres_stores_have_no_file_to_protect(tmp_path: Path) -> None:
    refuse_database_path(tmp_path / "x", "memory:", "-o")
    refuse_database_path(tmp_path / "x", "postgresql://u@h/db", "-o")
    with pytest.raises(UsageError):
        refuse_database_path(tmp_path / "x.db-wal", f"sqlite:///{tmp_path}/x.db", "-o")


@pytest.mark.parametrize("suffix", ["", "-wal", "-journal"])
def test_watch_refuses_the_database_as_its_cache(db: Path, tmp_path: Path, suffix: str) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://example.org/feed\n")
    res = invoke("watch", str(feeds), "--db", str(db), "--rounds", "1", "--cache", str(db) + suffix)
    assert res.exit_code == 2 and "--cache" in res.stderr and "is the database" in res.stderr
    assert _intact(db)


def test_watch_never_overwrites_a_file_that_is_not_a_cache(db: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes, not JSON\n")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://example.org/feed\n")
    res = invoke("watch", str(feeds), "--db", str(db), "--rounds", "1", "--cache", str(notes))
    assert res.exit_code == 2 and "is not a validator cache" in res.stderr
    assert notes.read_text() == "my notes, not JSON\n"
    other = tmp_path / "list.json"
    other.write_text("[1, 2, 3]")
    with pytest.raises(UsageError):
        ValidatorCache(other)


def test_the_cache_is_saved_by_rename_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    cache = ValidatorCache(path)
    cache.set("https://example.org/feed", '"v1"', None)
    cache.save()
    assert ValidatorCache(path).headers("https://example.org/feed") == {"If-None-Match": '"v1"'}
    assert [p.name for p in tmp_path.iterdir()] == ["c.json"]
