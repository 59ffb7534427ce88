"""A feed saved as a file (.xml, .rss, .atom) is ingested like a fetched one."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from flashpoint.cli import main
from flashpoint.ingest.inputs import is_feed_file, open_sources
from flashpoint.config import Settings
from flashpoint.store import open_store

from ..ingest.conftest import rss
from ..ingest.fakes import fake_coder

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Wire</title><id>urn:x</id><updated>2021-11-12T08:00:00Z</updated>
<entry><title>Talks</title><id>urn:1</id><link href="https://news.example/talks"/>
<updated>2021-11-13T08:00:00Z</updated><content type="html">&lt;p&gt;The envoys met in Geneva.&lt;/p&gt;</content></entry>
</feed>"""


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), obj={"coder": fake_coder}, catch_exceptions=False)


@pytest.mark.parametrize("suffix", [".xml", ".rss"])
def test_local_rss_file_is_ingested_from_its_entries(tmp_path, suffix):
    feed = tmp_path / f"wire{suffix}"
    feed.write_text(rss([("Envoys meet", "https://news.example/a", "The ministers met on Friday."),
                         ("Second", "https://news.example/b", "The leaders met again.")]), encoding="utf-8")
    db = tmp_path / "f.db"
    res = invoke("ingest", str(feed), "--db", str(db), "--quiet")
    assert res.exit_code == 0, res.output
    store = open_store(str(db))
    events = list(store.events())
    assert store.counts()["articles"] == 2  # the two reports merge into one event
    assert {m["outlet"] for e in events for m in e["mentions"]} == {"Test Wire"}
    assert {m["url"] for e in events for m in e["mentions"]} == {"https://news.example/a", "https://news.example/b"}
    store.close()


def test_local_atom_file_and_sources(tmp_path):
    feed = tmp_path / "wire.atom"
    feed.write_text(ATOM, encoding="utf-8")
    assert is_feed_file(str(feed)) and not is_feed_file("https://x.example/feed.xml") and not is_feed_file("a.txt")
    sources = open_sources([str(feed)], Settings(max_chars=10_000))
    items = [i for source in sources for i in source]
    assert [i.title for i in items] == ["Talks"] and items[0].date == "2021-11-13"


def test_missing_or_broken_feed_file_is_a_parse_failure(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<rss><channel><item><title>x</ti", encoding="utf-8")
    db = tmp_path / "f.db"
    res = invoke("ingest", str(broken), str(tmp_path / "missing.rss"), "--db", str(db), "--quiet")
    assert res.exit_code == 1
    store = open_store(str(db))
    stages = sorted((f.key.rsplit("/", 1)[-1][:10], f.stage) for f in store.failures())
    store.close()
    assert stages == [("broken.xml", "parse"), ("missing.rs", "parse")]


def test_ingest_report_as_json(tmp_path):
    import json

    feed = tmp_path / "wire.rss"
    feed.write_text(rss([("Envoys meet", "https://news.example/a", "The ministers met on Friday.")]), encoding="utf-8")
    res = invoke("ingest", str(feed), "--db", str(tmp_path / "j.db"), "--quiet", "--json")
    assert res.exit_code == 0
    report = json.loads(res.stdout)
    assert (report["seen"], report["new"], report["events"], report["failures"]) == (1, 1, 1, 0)
