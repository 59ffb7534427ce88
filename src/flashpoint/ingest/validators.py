"""HTTP validators (ETag, Last-Modified) remembered per URL between polls.

Kept in a small JSON file so ``flashpoint watch`` can send conditional
requests after a restart; a 304 answer means nothing new to ingest.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

MAX_ENTRIES = 10_000


class ValidatorCache:
    """ETag / Last-Modified per URL, in memory, optionally backed by a JSON file.

    A missing or corrupt file starts an empty cache (the cost is one full
    download per feed), never an error.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path else None
        self._entries: dict[str, dict[str, str]] = {}
        if self.path and self.path.is_file():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
            if isinstance(data, dict):
                self._entries = {
                    k: {n: v for n, v in e.items() if n in ("etag", "last_modified") and isinstance(v, str)}
                    for k, e in data.items() if isinstance(k, str) and isinstance(e, dict)
                }

    def headers(self, url: str) -> dict[str, str]:
        """Conditional request headers for ``url`` (empty when unknown)."""
        entry = self._entries.get(url, {})
        headers = {}
        if entry.get("etag"):
            headers["If-None-Match"] = entry["etag"]
        if entry.get("last_modified"):
            headers["If-Modified-Since"] = entry["last_modified"]
        return headers

    def set(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Remember the validators of a response (forget them when it has none)."""
        self._entries.pop(url, None)
        if etag or last_modified:
            entry = {}
            if etag:
                entry["etag"] = etag[:500]
            if last_modified:
                entry["last_modified"] = last_modified[:100]
            self._entries[url] = entry
            while len(self._entries) > MAX_ENTRIES:  # oldest first: dicts keep insertion order
                self._entries.pop(next(iter(self._entries)))

    def save(self) -> None:
        """Write the cache atomically (a crash leaves the old file whole)."""
        if not self.path:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".validators-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(self._entries, f, indent=0, sort_keys=True)
        os.replace(tmp, self.path)
