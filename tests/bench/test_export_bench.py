"""The export benchmark's load step."""

from __future__ import annotations

import flashpoint.store as store_module
from flashpoint.bench.export import _child
from flashpoint.store import open_store


class _Queue:
    def __init__(self) -> None:
        self.items: list[dict] = []

    def put(self, item: dict) -> None:
        self.items.append(item)


def test_the_load_opens_the_store_once_and_counts_its_disk_order(tmp_path, monkeypatch):
    # Opening a store migrates it (on PostgreSQL a round of catalogue reads); the load and the
    # count of rows out of date order share one open store.
    opened: list[str] = []

    def counting(url, *args, **kwargs):
        opened.append(url)
        return open_store(url, *args, **kwargs)

    monkeypatch.setattr(store_module, "open_store", counting)
    url = str(tmp_path / "bench.db")
    queue = _Queue()
    _child("load", 300, str(tmp_path / "unused"), url, queue)
    assert opened == [url]
    [report] = queue.items
    assert report["format"] == "load" and report["events"] == 300
    assert 0 < report["out_of_order"] < 300  # the synthetic events come in random date order
    again = _Queue()
    _child("load", 300, str(tmp_path / "unused"), url, again, reuse=True)  # held already: not loaded again
    assert again.items[0]["seconds"] == 0 and again.items[0]["out_of_order"] == report["out_of_order"]
    assert opened == [url, url]
