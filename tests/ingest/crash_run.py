"""Run one ingest of a JSONL file into a SQLite file (used by test_crash.py).

Usage: python crash_run.py INPUT.jsonl DB.sqlite
Prints one line per batch so the test knows when to kill it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fakes import fake_coder  # noqa: E402

from flashpoint.config import Settings  # noqa: E402
from flashpoint.ingest import FileSource, ingest  # noqa: E402
from flashpoint.store import open_store  # noqa: E402


def main() -> None:
    source, db = sys.argv[1], sys.argv[2]
    settings = Settings(batch_size=16)
    store = open_store(db)
    try:
        report = ingest(
            FileSource([source], max_chars=settings.max_chars), store, fake_coder, settings,
            progress=lambda r: print(f"batch {r.seen} {r.new}", flush=True),
        )
    finally:
        store.close()
    print(f"done {report.new} {report.events}", flush=True)


if __name__ == "__main__":
    main()
