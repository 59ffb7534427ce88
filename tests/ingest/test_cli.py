"""The ingest, watch and retry commands, with a fake coder passed through click's obj."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli import main
from flashpoint.store import open_store

from .conftest import ARTICLE_HTML, Route, rss
from .fakes import fake_coder


def invoke(*args: str, coder=fake_coder):
    return CliRunner().invoke(main, list(args), obj={"coder": coder}, catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Ruritania met Freedonia.")
    (folder / "b.jsonl").write_text('{"text": "The envoys met."}\n{bad\n{"text": "Please FAIL."}\n')
    return folder


def test_ingest_then_rerun_then_retry(tmp_path: Path, corpus: Path):
    db = str(tmp_path / "ev.db")
    first = invoke("ingest", str(corpus), "--db", db, "--date", "2021-11-12")
    assert first.exit_code == 1, first.output  # one bad line, one coder refusal
    assert "2 new" in first.stderr and "2 failures" in first.stderr and "Traceback" not in first.stderr
    second = invoke("ingest", str(corpus), "--db", db, "-q")
    assert second.stderr == "" and second.exit_code == 1
    store = open_store(db)
    try:
        assert store.counts()["articles"] == 2
    finally:
        store.close()

    def forgiving(articles, settings):
        for a in articles:
            yield a, [], None

    again = invoke("retry", "--db", db, coder=forgiving)
    assert again.exit_code == 0, again.stderr
    store = open_store(db)
    try:
        assert [f.stage for f in store.failures()] == ["parse"]  # the broken line stays
        assert store.counts()["articles"] == 3
    finally:
        store.close()


@pytest.mark.parametrize("args,message,code", [
    (["ingest", "x.txt", "--date", "12/11/2021"], "YYYY-MM-DD", 2),
    (["ingest", "x.txt", "--db", "sqlite:relative"], "bad SQLite URL", 3),
    (["watch", "missing.txt"], "cannot read the feed list", 2),
    (["watch", "feeds.txt", "--every", "soon"], "not a duration", 2),
])
def test_usage_errors_are_one_line(tmp_path: Path, monkeypatch, args, message, code):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "feeds.txt").write_text("https://a.example/rss\n")
    result = invoke(*args)
    assert result.exit_code == code
    assert message in result.stderr and result.stderr.count("\n") == 1 and result.stderr.startswith("error:")


def test_missing_input_is_a_failure_not_a_crash(tmp_path: Path):
    result = invoke("ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1 and "1 failures" in result.stderr


@pytest.mark.network
def test_ingest_urls_and_watch_feeds_from_a_local_server(tmp_path: Path, server):
    server.routes["/page"] = Route(200, ARTICLE_HTML.encode(), {"Content-Type": "text/html"})
    server.routes["/feed"] = Route(200, rss([("Envoys", server.url("/page"), "teaser")]).encode(),
                                   {"Content-Type": "application/rss+xml", "ETag": '"v1"'})
    db = str(tmp_path / "web.db")
    refused = invoke("ingest", server.url("/page"), "--db", db)
    assert refused.exit_code == 1 and "1 failures" in refused.stderr
    ok = invoke("ingest", server.url("/page"), "--db", db, "--allow-private")
    assert ok.exit_code == 0 and "1 new" in ok.stderr
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(server.url("/feed") + "\n")
    watched = invoke("watch", str(feeds), "--db", db, "--allow-private", "--rounds", "2", "--every", "0.01")
    assert watched.exit_code == 0, watched.stderr
    assert "round 1: 0 articles" in watched.stderr  # the page behind the entry is stored already
    cache = json.loads((tmp_path / "web.db.http-cache.json").read_text())
    assert cache[server.url("/feed")] == {"etag": '"v1"'}
    assert [p for p, _ in server.hits] == ["/page", "/feed", "/feed"]  # refused before connecting; watch skipped the page
    assert server.hits[2][1].get("If-None-Match") == '"v1"'
