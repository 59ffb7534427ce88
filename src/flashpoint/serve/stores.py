"""One store connection per server thread.

FastAPI runs plain ``def`` endpoints in a thread pool. A SQLite or
PostgreSQL connection must not be used by two threads at once, so each
worker thread opens its own on first use and keeps it; the pool closes
them all at shutdown.
"""

from __future__ import annotations

import threading
from typing import Any

from ..store import Store, open_store


class StorePool:
    """Lazily opened, thread-local stores for one database URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.url)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def check(self) -> dict[str, Any]:
        """Open a connection now, so a bad --db fails at start, not at the first request."""
        return self.get().counts()

    def close(self) -> None:
        with self._lock:
            stores, self._all = self._all, []
        for store in stores:
            store.close()
