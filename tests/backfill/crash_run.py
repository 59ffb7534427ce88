"""Run one backfill on a local cluster of two worker processes (used by test_cluster.py).

Usage: python crash_run.py DB SOURCE...
Prints one line per stored batch, so the test knows when to kill it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from flashpoint.backfill import backfill, connect  # noqa: E402
from flashpoint.config import Settings  # noqa: E402
from flashpoint.store import open_store  # noqa: E402
from tests.ingest.fakes import fake_coder  # noqa: E402


def main() -> None:
    db, sources = sys.argv[1], sys.argv[2:]
    store = open_store(db)
    try:
        with connect(None, 2, dashboard=None) as client:
            report = backfill(sources, store, Settings(batch_size=8), client, coder=fake_coder,
                              progress=lambda r: print(f"batch {r.batches}", flush=True))
    finally:
        store.close()
    print(f"done {report.batches} {report.batches_skipped}", flush=True)


if __name__ == "__main__":
    main()
