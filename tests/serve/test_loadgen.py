"""The benchmark's load generator against a real loopback HTTP/1.1 server.

The server here is a few lines of ``socketserver``: it answers every GET on a
kept-alive connection, alternately with a ``Content-Length`` body and a
chunked one, so both ways of reading a body are exercised over real sockets.
"""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator

import pytest

from flashpoint.errors import UsageError
from flashpoint.serve import loadgen

BODY = b'{"periods": [1, 2, 3]}'
TAG = b'W/"v7"'


class _Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        n = 0
        while True:
            head = b""
            while not head.endswith(b"\r\n\r\n"):
                line = self.rfile.readline()
                if not line:
                    return
                head += line
            path = head.split(b" ")[1]
            self.server.seen.append(head)  # type: ignore[attr-defined]
            status = b"500 Internal Server Error" if path == b"/broken" else b"200 OK"
            if path == b"/hang-up":
                return
            if b"If-None-Match: " + TAG in head:
                self.wfile.write(b"HTTP/1.1 304 Not Modified\r\nETag: " + TAG + b"\r\n\r\n")  # no length: no body
                continue
            if path == b"/tagged":
                status += b"\r\nETag: " + TAG
            n += 1
            if n % 2:
                self.wfile.write(b"HTTP/1.1 " + status + b"\r\nContent-Length: %d\r\n\r\n" % len(BODY) + BODY)
            else:
                half = len(BODY) // 2
                self.wfile.write(b"HTTP/1.1 " + status + b"\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 + b"%x\r\n" % half + BODY[:half] + b"\r\n"
                                 + b"%x;ext=1\r\n" % (len(BODY) - half) + BODY[half:] + b"\r\n0\r\n\r\n")


@pytest.fixture
def server() -> Iterator[tuple[str, list[bytes]]]:
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler) as srv:
        srv.daemon_threads = True
        srv.seen = []  # type: ignore[attr-defined]
        thread = threading.Thread(target=srv.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{srv.server_address[1]}", srv.seen  # type: ignore[attr-defined]
        srv.shutdown()


def test_every_client_sends_its_requests_on_one_connection(server):
    base, seen = server
    r = loadgen.hammer(base, "/api/v1/series?freq=week", clients=3, per_client=4)
    assert r["requests"] == 12 and r["sent"] == 15  # with one warm-up each
    assert 0 <= r["p50_ms"] <= r["p95_ms"] <= r["max_ms"] and r["max_ms"] > 0 and r["rps"] > 0
    assert len(seen) == 15 and all(h.startswith(b"GET /api/v1/series?freq=week HTTP/1.1\r\n") for h in seen)
    assert all(b"Cache-Control: no-cache" in h for h in seen)  # computed, not from the answer cache


def test_cached_requests_do_not_ask_for_a_fresh_answer(server):
    base, seen = server
    loadgen.hammer(base, "/x", clients=1, per_client=2, how="cached")
    assert seen and not any(b"no-cache" in h for h in seen)


def test_revalidated_requests_send_the_first_answers_etag_and_need_a_304(server):
    base, seen = server
    r = loadgen.hammer(base, "/tagged", clients=2, per_client=3, how="revalidated")
    assert r["requests"] == 6
    assert sum(b'If-None-Match: W/"v7"' in h for h in seen) == 6  # all but the two warm-ups
    with pytest.raises(UsageError, match="has no ETag"):
        loadgen.hammer(base, "/untagged", clients=1, per_client=1, how="revalidated")
    with pytest.raises(UsageError, match="how must be one of"):
        loadgen.hammer(base, "/x", clients=1, per_client=1, how="sometimes")


@pytest.mark.parametrize("path, message", [("/broken", "/broken failed under load: 500"),
                                           ("/hang-up", "the connection to")])
def test_a_failing_server_is_a_usage_error(server, path, message):
    base, _ = server
    with pytest.raises(UsageError, match=message):
        loadgen.hammer(base, path, clients=2, per_client=1)


def test_in_its_own_process(server):
    base, seen = server
    r = loadgen.run_in_process(base, "/p", clients=2, per_client=3)
    assert r["requests"] == 6 and len(seen) == 8
    with pytest.raises(UsageError, match="failed under load: 500"):
        loadgen.run_in_process(base, "/broken", clients=1, per_client=1)


def test_percentile_is_the_nearest_rank():
    assert loadgen.percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.5) == 3.0
    assert loadgen.percentile(list(map(float, range(1, 101))), 0.95) == 95.0
