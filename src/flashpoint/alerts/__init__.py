"""Escalation alerts on directed dyads and countries.

>>> from flashpoint.store import open_store
>>> from flashpoint.alerts import Watchlist, scan
>>> scan(open_store("memory:"), Watchlist())
Traceback (most recent call last):
...
flashpoint.errors.UsageError: this query needs a database store (SQLite or PostgreSQL), not memory:
"""

from __future__ import annotations

from .detectors import Thresholds
from .engine import Alert, scan
from .watchlist import Watchlist, load_watchlist

__all__ = ["Alert", "Thresholds", "Watchlist", "load_watchlist", "scan"]
