"""Fixtures for the backfill tests: shard files, a Dask client, store snapshots."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import tarfile
from pathlib import Path

import pytest

from flashpoint.store import open_store

from ..store.conftest import fresh_url


def record(i: int) -> dict:
    text = f"Story {i}. The envoy of Ruritania met officials in district {i}. Talks went on."
    if i % 13 == 5:
        text = f"Please FAIL story {i}."
    if i % 17 == 9:  # a copy of story i-1 under another URL
        text = f"Story {i - 1}. The envoy of Ruritania met officials in district {i - 1}. Talks went on."
    return {"id": f"s{i:04d}", "text": text, "url": f"https://wire.example/{i}", "date": "2021-11-12"}


def jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def make_archive(root: Path, n: int = 120) -> Path:
    """A folder of shards: plain JSONL, gzip JSONL, gzip CSV, a tar.gz of JSONL,
    a corrupt gzip and a JSONL with a malformed line."""
    root.mkdir(parents=True, exist_ok=True)
    recs = [record(i) for i in range(n)]
    part = n // 6
    (root / "a.jsonl").write_bytes(jsonl(recs[:part]))
    (root / "b.jsonl.gz").write_bytes(gzip.compress(jsonl(recs[part:2 * part])))
    rows = ["id,text,url,date"] + [f'{r["id"]},"{r["text"]}",{r["url"]},{r["date"]}' for r in recs[2 * part:3 * part]]
    (root / "c.csv.gz").write_bytes(gzip.compress(("\n".join(rows) + "\n").encode()))
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for k, chunk in enumerate((recs[3 * part:4 * part], recs[4 * part:5 * part])):
            data = jsonl(chunk)
            info = tarfile.TarInfo(f"day{k}.jsonl")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    (root / "d.tar.gz").write_bytes(buf.getvalue())
    good = gzip.compress(jsonl([record(10_000 + i) for i in range(40)]))
    (root / "e-corrupt.jsonl.gz").write_bytes(good[: len(good) // 2])  # cut mid-stream
    tail = jsonl(recs[5 * part:])
    (root / "f.jsonl").write_bytes(tail[:200] + b"{not json\n" + tail[200:].split(b"\n", 1)[1])
    return root


def snapshot(url: str) -> dict:
    store = open_store(url)
    try:
        events = sorted((e["id"], e["num_mentions"], e["num_articles"]) for e in store.events())
        return {"events": events, "counts": store.counts(),
                "failures": sorted((f.key, f.stage) for f in store.failures())}
    finally:
        store.close()


@pytest.fixture(scope="module")
def thread_client():
    """A Dask client on an in-process cluster of two threaded workers (fast; fake coders)."""
    from flashpoint.backfill import connect

    with connect(None, 2, processes=False, dashboard=None) as client:
        yield client


@contextlib.contextmanager
def two_stores(kind: str, tmp_path: Path):
    """Fresh databases of back end ``kind``: ``(reference, under test)``."""
    (tmp_path / "ref").mkdir()
    with fresh_url(kind, tmp_path / "ref") as ref, fresh_url(kind, tmp_path) as url:
        yield ref, url
