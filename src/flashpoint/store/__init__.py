"""Event storage: one protocol, several back ends.

>>> from flashpoint.store import open_store
>>> store = open_store("memory:")
>>> store.counts()["events"]
0
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from ..config import Settings
from ..errors import StoreError, UsageError
from .base import EventFilter, Failure, Store
from .memory import MemoryStore

__all__ = ["EventFilter", "Failure", "MemoryStore", "Store", "open_store"]


def open_store(url: str, settings: Settings | None = None, *, create: bool = True) -> Store:
    """Open (and migrate) the store named by ``url``.

    Args:
        url: ``"memory:"`` for a throwaway in-memory store; a file path or
            ``"sqlite:///relative.db"`` / ``"sqlite:////abs/path.db"`` for
            SQLite (query options ``mode=ro`` and ``timeout=SECONDS``);
            ``"postgresql://user:pass@host/db"`` for PostgreSQL (query option
            ``schema=NAME`` keeps the tables in that schema).
        settings: ``reconnect_window`` (seconds a lost PostgreSQL connection
            is retried) is used; a ``reconnect_window=SECONDS`` URL option wins.
        create: False for readers: a SQLite file that does not exist is a
            :class:`UsageError` instead of a new, empty database.

    Raises:
        StoreError: the database cannot be opened or migrated.
    """
    window = settings.reconnect_window if settings is not None else Settings.reconnect_window
    if not isinstance(url, str) or not url.strip():
        raise StoreError("no database given; pass a path, 'memory:' or a postgresql:// URL (or set FLASHPOINT_DB)")
    url = url.strip()
    if url in ("memory:", ":memory:"):
        return MemoryStore()
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore.open(url, reconnect_window=window)
    if url.startswith("sqlite:"):
        parts = urlsplit(url)
        if not parts.path.startswith("/") or parts.netloc:
            raise StoreError(f"bad SQLite URL {url!r}; write sqlite:///relative.db or sqlite:////absolute/path.db")
        path = parts.path[1:]
        options = dict(parse_qsl(parts.query))
    else:
        path, options = url, {}
    from .sqlite import SQLiteStore

    if not create and not Path(path).exists():
        raise UsageError(f"no database at {path}; give the right --db (or set FLASHPOINT_DB), "
                         "or create one with flashpoint ingest / flashpoint demo")
    try:
        timeout = float(options.get("timeout", 5.0))
    except ValueError:
        raise StoreError(f"timeout must be a number of seconds, not {options['timeout']!r}") from None
    return SQLiteStore.open(path, read_only=options.get("mode") == "ro", timeout=timeout)
