"""``flashpoint code`` reads HTML and sidecars exactly as ``ingest`` does."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from flashpoint.cli import main

pytestmark = pytest.mark.slow

PAGE = """<html><head><title>Belarus accuses Poland - Meridian Wire</title>
<meta property="og:title" content="Belarus accuses Poland">
<meta property="og:site_name" content="Meridian Wire">
</head><body><nav>Home | World | Europe</nav><article><h1>Belarus accuses Poland</h1>
<p>The Belarusian Defence Ministry accused Poland on Thursday of an aggressive build-up of troops near the border.</p>
<p>NATO condemned Belarus on Friday for using migrants as a weapon.</p></article>
<footer>Copyright Meridian Wire</footer></body></html>"""


def code(*args):
    res = CliRunner().invoke(main, ["code", *args, "--format", "jsonl"])
    assert "Traceback" not in res.output, res.output
    return res, [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def test_html_is_coded_from_its_article_text_with_sidecar_metadata(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.html.meta.json").write_text(json.dumps({"date": "2021-11-12", "outlet": "Sidecar"}))
    res, events = code(str(page))
    assert res.exit_code == 0 and events
    for event in events:
        sentence = event["evidence"]["sentence"]
        assert "<" not in sentence and "Home | World" not in sentence and "Copyright" not in sentence
        assert sentence.count("Belarus accuses Poland") == 0
        assert event["doc_id"] == "page"
    accusation = next(e for e in events if e["evidence"]["trigger"] == "accused")
    assert accusation["date"] == "2021-11-11"  # "on Thursday" resolved against the sidecar's date


def test_text_sidecar_sets_date_and_id(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Russia sent troops to Belarus on Thursday.", encoding="utf-8")
    (tmp_path / "story.txt.meta.json").write_text(json.dumps({"id": "given-id", "date": "2021-11-12"}))
    res, events = code(str(story))
    assert res.exit_code == 0 and events and {e["doc_id"] for e in events} == {"given-id"}
    assert events[0]["date"] == "2021-11-11"


def test_bad_sidecar_is_one_error_line(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Russia sent troops to Belarus.", encoding="utf-8")
    (tmp_path / "story.txt.meta.json").write_text("{not json")
    res, events = code(str(story))
    assert res.exit_code == 1 and events == []
    assert res.stderr.startswith("error: ") and "invalid sidecar JSON" in res.stderr
