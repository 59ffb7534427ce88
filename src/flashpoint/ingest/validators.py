"""HTTP validators (ETag, Last-Modified) remembered per URL between polls.

Kept in a small JSON file so ``flashpoint watch`` can send conditional
requests after a restart; a 304 answer means nothing new to ingest.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from ..errors import UsageError
from ..store.paths import sync_directory

MAX_ENTRIES = 10_000


class ValidatorCache:
    """ETag / Last-Modified per URL, in memory, optionally backed by a JSON file.

    A missing file starts an empty cache (the cost is one full download
    per feed). A file that is not a cache (not a JSON object of objects)
    is refused with a usage error rather than overwritten: a mistyped
    ``--cache`` must not replace someone's data. Saving writes a
    temporary file, flushes it to disk and renames it over the old one.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path else None
        self._entries: dict[str, dict[str, str]] = {}
        if self.path and self.path.exists():
            data = _read(self.path)
            self._entries = {
                k: {n: v for n, v in e.items() if n in ("etag", "last_modified") and isinstance(v, str)}
                for k, e in data.items()
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
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self._entries, f, indent=0, sort_keys=True)
                f.flush()
                # On disk before the rename: after an OS crash the cache is the old
                # one or the new one, never an empty file claiming nothing.
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        sync_directory(self.path.parent)


def _read(path: Path) -> dict[str, dict]:
    """The entries of a cache file, or UsageError when it is not one."""
    problem = None
    try:
        with open(path, "rb") as fh:
            raw = fh.read(64 * 1024 * 1024 + 1)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError) as exc:
        problem, data = str(exc).splitlines()[0] if str(exc) else type(exc).__name__, None
    if problem is None and not (isinstance(data, dict) and all(
            isinstance(k, str) and isinstance(e, dict) for k, e in data.items())):
        problem = "not a JSON object of feed URLs"
    if problem is not None:
        raise UsageError(f"{path} is not a validator cache ({problem[:200]}); refusing to overwrite it;"
                         " give --cache another file, or delete this one if it is a broken cache")
    return data
