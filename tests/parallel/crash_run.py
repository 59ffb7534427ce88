"""Run one ingest on two coding processes (used by test_kill.py).

Usage: python crash_run.py INPUT.jsonl DB
Prints the worker pids, then one line per stored batch, so the test knows when to kill it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))

from fakes import fake_coder  # noqa: E402

from flashpoint.config import Settings  # noqa: E402
from flashpoint.ingest import FileSource, ingest  # noqa: E402
from flashpoint.parallel import ParallelCoder  # noqa: E402
from flashpoint.store import open_store  # noqa: E402


def main() -> None:
    source, db = sys.argv[1], sys.argv[2]
    settings = Settings(batch_size=16)
    store = open_store(db)
    coder = ParallelCoder(2, coder=fake_coder, chunk=4)

    def progress(report) -> None:
        pool = coder._pool
        pids = sorted(pool._processes) if pool is not None and pool._processes else []
        print(f"batch {report.seen} {report.new} pids {' '.join(map(str, pids))}", flush=True)

    try:
        with coder:
            report = ingest(FileSource([source], max_chars=settings.max_chars), store, coder, settings, progress=progress)
    finally:
        store.close()
    print(f"done {report.new} {report.events}", flush=True)


if __name__ == "__main__":
    main()
