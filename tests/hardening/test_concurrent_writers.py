"""Two processes ingesting complementary halves of a corpus with copies
store what one sequential run stores: no article stored twice as an
original, and the same articles, copies and merged events (issue 14, item 1)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from flashpoint.store import open_store
from tests.store.conftest import BACKENDS, fresh_url

WORKER = Path(__file__).with_name("ingest_part.py")
_WORDS = ("talks", "border", "trade", "river", "harbour", "grain", "treaty", "railway", "summit", "envoy",
          "tariff", "pipeline", "frontier", "ministry", "delegation", "cabinet", "vote", "province",
          "coast", "garrison", "aid", "loan", "court", "press", "census", "festival", "bridge", "mine")


def _corpus() -> tuple[list[dict], list[dict]]:
    """Originals in one half and their copies (same text, or the same page
    under a tracking URL) in the other, interleaved so that the two writers
    meet each key at about the same time."""
    days = [f"2021-0{m}-{d:02d}" for m in (3, 4, 5) for d in (1, 8, 15, 22)]
    rng = random.Random(14)
    left, right = [], []
    for i in range(48):
        day = days[i % len(days)]
        words = " ".join(rng.choice(_WORDS) for _ in range(30))  # distinct texts, not near-duplicates
        text = f"Story {i}. The foreign minister of Ruritania met the envoy of Freedonia. {words}."
        url = f"https://news{i % 5}.example.org/story/{i}"
        original = {"id": f"o{i}", "text": text, "date": day, "url": url, "outlet": f"news{i % 5}"}
        if i % 3 == 0:  # the same text elsewhere
            copy = {"id": f"c{i}", "text": text.replace(" ", "  "), "date": day, "url": f"https://mirror.example.net/{i}",
                    "outlet": "mirror"}
        elif i % 3 == 1:  # the same page, with tracking parameters
            copy = {"id": f"c{i}", "text": text + " Updated.", "date": day, "url": url + "?utm_source=feed",
                    "outlet": f"news{i % 5}"}
        else:
            copy = None
        first, second = (left, right) if i % 2 else (right, left)
        first.append(original)
        if copy:
            second.append(copy)
    return left, right


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _summary(url: str) -> dict:
    store = open_store(url)
    try:
        counts = store.counts()
        conn = store.conn
        cur = conn.execute("SELECT count(*) - count(DISTINCT content_hash) FROM articles")
        hash_twice = cur.fetchone()[0]
        cur = conn.execute("SELECT count(canonical_url) - count(DISTINCT canonical_url) FROM articles")
        url_twice = cur.fetchone()[0]
    finally:
        store.close()
    return {"articles": counts["articles"], "copies": counts["copies"], "events": counts["events"],
            "reports": counts["reports"], "hash_twice": int(hash_twice), "url_twice": int(url_twice)}


def _run_parts(url: str, parts: list[Path], start: Path, together: bool) -> None:
    env = {**os.environ, "FAKE_CODER_DELAY": "0.002", "BATCH": "4"}
    if not together:
        start.touch()
    procs = []
    for part in parts:
        proc = subprocess.Popen([sys.executable, str(WORKER), str(part), url, str(start)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if not together:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
        procs.append(proc)
    if together:
        start.touch()
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err


@pytest.mark.parametrize("kind", [b for b in BACKENDS if b != "memory"])
def test_two_writers_store_what_one_sequential_run_stores(kind, tmp_path: Path) -> None:
    left, right = _corpus()
    parts = [_write(tmp_path / "left.jsonl", left), _write(tmp_path / "right.jsonl", right)]
    results = []
    for together in (False, True, True):
        where = tmp_path / f"run{len(results)}"
        where.mkdir()
        start = where / "start"
        with fresh_url(kind, where) as url:
            open_store(url).close()  # migrate first: this test is about duplicates
            _run_parts(url, parts, start, together)
            results.append(_summary(url))
    sequential = results[0]
    assert sequential["hash_twice"] == 0 and sequential["url_twice"] == 0
    assert sequential["articles"] == 48 and sequential["copies"] == 32
    for concurrent in results[1:]:
        assert concurrent == sequential
