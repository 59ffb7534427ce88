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


def die_in_batch(n: int) -> None:
    """Kill this process (SIGKILL, as the kernel's OOM killer would) once the
    batch writer has sent the rows of its ``n``-th batch, before the commit."""
    import os
    import signal

    from flashpoint.store import batched

    write = batched._Replay.write
    calls = []

    def write_then_die(self) -> None:
        write(self)
        with self.store._pipeline():  # leaving a nested pipeline waits: the rows ran on the server, only the commit is missing
            pass
        calls.append(1)
        if len(calls) == n:
            print(f"dying inside batch {n}", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

    batched._Replay.write = write_then_die


def main() -> None:
    import os

    db, sources = sys.argv[1], sys.argv[2:]
    if os.environ.get("FLASHPOINT_TEST_DIE_IN_BATCH"):
        die_in_batch(int(os.environ["FLASHPOINT_TEST_DIE_IN_BATCH"]))
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
