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
"""

from __future__ import annotations

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

    def __init__(self, app: Any, version: Callable[[], Any], entries: int = 512, max_bytes: int = 2_000_000) -> None:
        self.app = app
        self.version = version
        self.entries = entries
        self.max_bytes = max_bytes
        self._store: OrderedDict[tuple[str, bytes, Any], tuple[dict, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def _cacheable(self, scope: dict) -> bool:
        path = scope.get("path", "")
        if not (scope["type"] == "http" and scope.get("method") == "GET" and path.startswith(CACHED_PREFIX)
                and not path.startswith(NOT_CACHED)):
            return False
        # A client asking "Cache-Control: no-cache" gets a freshly computed answer.
        control = dict(scope.get("headers", [])).get(b"cache-control", b"").lower()
        return b"no-cache" not in control and b"no-store" not in control

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        try:
            version = await run_in_threadpool(self.version)
        except FlashpointError:  # the store is down: let the route answer (and report) it
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""), version)
        with self._lock:
            hit = self._store.get(key)
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
