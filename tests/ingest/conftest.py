"""Fixtures for the ingest tests: settings, a memory store, a local web server."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from flashpoint.config import Settings
from flashpoint.store import MemoryStore

ARTICLE_HTML = """<!doctype html><html lang="en"><head><title>Envoys meet at the border</title>
<meta property="og:site_name" content="The Test Gazette">
<meta property="article:published_time" content="2021-11-12T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Envoys meet at the border</h1>
<p>The foreign minister of Ruritania met his Freedonian counterpart on Friday at a crossing point.</p>
<p>Both sides said the talks were useful and agreed to meet again next month in the capital.</p>
<p>Officials from the two governments had not met in public since the spring dispute over fishing rights.</p>
</article><footer>Copyright the Test Gazette</footer></body></html>"""


def rss(items: list[tuple[str, str, str]], title: str = "Test Wire") -> str:
    """An RSS 2.0 document from (title, link, description) triples."""
    body = "".join(
        f"<item><title>{t}</title><link>{l}</link><description>{d}</description>"
        f"<pubDate>Fri, 12 Nov 2021 08:00:00 GMT</pubDate></item>"
        for t, l, d in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'


@pytest.fixture
def settings() -> Settings:
    return Settings(batch_size=4, max_chars=10_000)


@pytest.fixture
def store() -> Iterator[MemoryStore]:
    s = MemoryStore()
    yield s
    s.close()


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    drip: float = 0.0  # seconds between 1 KB chunks
    chunks: int = 0  # stream this many 1 MB chunks instead of body


class Server:
    """A real HTTP server on 127.0.0.1 in a thread; routes are set per test."""

    def __init__(self) -> None:
        self.routes: dict[str, Route | Callable[[http.server.BaseHTTPRequestHandler], Route]] = {}
        self.hits: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                server.hits.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                if callable(route):
                    route = route(self)
                if route is None:
                    route = Route(404, b"not here", {"Content-Type": "text/plain"})
                time.sleep(route.delay)
                try:
                    self.send_response(route.status)
                    for k, v in route.headers.items():
                        self.send_header(k, v)
                    if route.chunks:
                        self.send_header("Connection", "close")
                        self.end_headers()
                        for _ in range(route.chunks):
                            self.wfile.write(b"a" * 1_000_000)
                        return
                    self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    if route.drip:
                        for i in range(0, len(route.body), 1024):
                            self.wfile.write(route.body[i:i + 1024])
                            self.wfile.flush()
                            time.sleep(route.drip)
                    else:
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    yield s
    s.close()
