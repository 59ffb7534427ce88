"""Ingest one JSONL file into a store once a start file appears (used by the
concurrent-writer tests, which start two of these at once).

Usage: python ingest_part.py INPUT.jsonl DB_URL START_FILE
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))

from fakes import fake_coder  # noqa: E402

from flashpoint.config import Settings  # noqa: E402
from flashpoint.ingest import FileSource, ingest  # noqa: E402
from flashpoint.store import open_store  # noqa: E402


def main() -> None:
    source, url, start = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    settings = Settings(batch_size=int(os.environ.get("BATCH", "4")))
    store = open_store(url)
    try:
        deadline = time.monotonic() + 60
        while not start.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        report = ingest(FileSource([source], max_chars=settings.max_chars), store, fake_coder, settings,
                        progress=lambda r: print(f"batch seen={r.seen}", flush=True))
    finally:
        store.close()
    print(f"done new={report.new} duplicates={report.duplicates} skipped={report.skipped} failures={report.failures}")


if __name__ == "__main__":
    main()
