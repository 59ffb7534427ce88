"""A total deadline on every fetch, headers included (issue 14, item 4)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from flashpoint.errors import FetchError
from flashpoint.ingest import Fetcher, watch
from flashpoint.store import MemoryStore
from tests.ingest.conftest import ARTICLE_HTML, Route, rss
from tests.ingest.fakes import fake_coder

DEADLINE = 2.0


class DrippingServer:
    """Accepts connections and sends a status line, then one header byte
    every ``every`` seconds, for ever (until the client goes or the test ends)."""

    def __init__(self, every: float = 0.3) -> None:
        self.every = every
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                while not self.stop.is_set():
                    conn.sendall(b"a")
                    time.sleep(self.every)
            except OSError:
                return

    def url(self, path: str = "/feed") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@pytest.fixture
def dripping() -> Iterator[DrippingServer]:
    server = DrippingServer()
    yield server
    server.close()


def test_a_server_dripping_header_bytes_fails_within_the_deadline(dripping: DrippingServer) -> None:
    with Fetcher(allow_private=True, total_timeout=DEADLINE, read_timeout=10) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError, match="gave up after 2s"):
            fetcher.fetch(dripping.url())
        took = time.monotonic() - started
    assert took < DEADLINE + 5, took


def test_watch_stores_the_next_feed_in_the_same_round(dripping: DrippingServer, server, settings) -> None:
    server.routes["/page"] = Route(200, ARTICLE_HTML.encode(), {"Content-Type": "text/html"})
    server.routes["/feed"] = Route(200, rss([("Envoys", server.url("/page"), "teaser")]).encode(),
                                   {"Content-Type": "application/rss+xml"})
    store = MemoryStore()
    with Fetcher(allow_private=True, total_timeout=DEADLINE, read_timeout=10) as fetcher:
        started = time.monotonic()
        report = watch([dripping.url(), server.url("/feed")], 0.0, store, fake_coder, settings,
                       fetcher=fetcher, rounds=1)
        took = time.monotonic() - started
    assert report.new == 1 and store.counts()["articles"] == 1
    (failure,) = store.failures()
    assert failure.key == dripping.url() and failure.stage == "fetch" and "gave up" in failure.reason
    assert took < DEADLINE + 5 + 5, took
