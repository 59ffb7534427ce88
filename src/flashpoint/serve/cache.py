"""Answers to repeated API reads, kept until the data changes.

Dashboards and scripts ask the same questions again and again (this week's
series of a dyad, the first page of events). The cache keeps the full
answer of a successful GET under its path and query string together with
the store's data version (:func:`flashpoint.store.queries.data_version`,
the changes feed's last sequence number, one index lookup); any new,
merged or deleted event moves the version on, so a cached answer is never
served once the events behind it changed. Bounded by entries and by bytes
per answer; ``X-Cache: hit`` marks what came from it, and a request
with ``Cache-Control: no-cache`` is always computed afresh.

Each such answer also carries an ``ETag`` made from the same data version
(and the database and package version), so a client that kept an answer can
ask again with ``If-None-Match`` and get ``304 Not Modified``, without a
body, as long as no event changed: the one lookup of the version, nothing
computed, nothing sent. That holds with ``Cache-Control: no-cache`` too,
which asks for exactly this check with the origin.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool

from ..errors import FlashpointError

CACHED_PREFIX = "/api/v1/"
NOT_CACHED = ("/api/v1/stats", "/api/v1/ingest")


class ResponseCache:
    """Pure ASGI middleware; ``version`` is called (in a worker thread) once per cacheable request."""

    def __init__(self, app: Any, version: Callable[[], Any], entries: int = 512, max_bytes: int = 2_000_000,
                 salt: str = "") -> None:
        self.app = app
        self.version = version
        self.salt = salt  # the database and package version: a tag from another one never matches
        self.entries = entries
        self.max_bytes = max_bytes
        self._store: OrderedDict[tuple[str, bytes, Any], tuple[dict, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def _tag(self, scope: dict, version: Any) -> bytes:
        raw = f"{self.salt}|{version}|{scope['path']}?{scope.get('query_string', b'').decode('latin-1')}"
        return b'W/"' + hashlib.blake2b(raw.encode(), digest_size=12).hexdigest().encode() + b'"'

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if not (scope["type"] == "http" and scope.get("method") == "GET" and path.startswith(CACHED_PREFIX)
                and not path.startswith(NOT_CACHED)):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        control = headers.get(b"cache-control", b"").lower()
        fresh = b"no-cache" in control or b"no-store" in control  # asks for a freshly computed answer
        asked = headers.get(b"if-none-match")
        if fresh and asked is None:  # nothing to check: compute, as the client asked
            await self.app(scope, receive, send)
            return
        try:
            version = await run_in_threadpool(self.version)
        except FlashpointError:  # the store is down: let the route answer (and report) it
            await self.app(scope, receive, send)
            return
        tag = self._tag(scope, version)
        if asked is not None and _matches(asked, tag):
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", tag)]})
            await send({"type": "http.response.body", "body": b""})
            return
        key = (path, scope.get("query_string", b""), version)
        with self._lock:
            hit = None if fresh else self._store.get(key)
            if hit is not None:
                self._store.move_to_end(key)
        if hit is not None:
            start, body = hit
            await send({**start, "headers": [*start["headers"], (b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        captured: dict[str, Any] = {"start": None, "body": [], "size": 0}

        async def keep(message: dict) -> None:
            if message["type"] == "http.response.start":
                if message.get("status") == 200:
                    message = {**message, "headers": [*message.get("headers", []), (b"etag", tag)]}
                captured["start"] = message
            elif message["type"] == "http.response.body":
                captured["size"] += len(message.get("body", b""))
                if captured["size"] <= self.max_bytes:
                    captured["body"].append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._remember(key, captured)
            await send(message)

        await self.app(scope, receive, keep)

    def _remember(self, key: tuple[str, bytes, Any], captured: dict[str, Any]) -> None:
        start = captured["start"]
        if start is None or start.get("status") != 200 or captured["size"] > self.max_bytes:
            return
        with self._lock:
            self._store[key] = (start, b"".join(captured["body"]))
            while len(self._store) > self.entries:
                self._store.popitem(last=False)


def _matches(asked: bytes, tag: bytes) -> bool:
    """Whether an ``If-None-Match`` value names ``tag`` (weak comparison, RFC 9110 13.1.2)."""
    if asked.strip() == b"*":
        return True
    bare = tag.removeprefix(b"W/")
    return any(t.strip().removeprefix(b"W/") == bare for t in asked.split(b","))
