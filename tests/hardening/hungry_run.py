"""Ingest a folder with a memory-hungry fake coder, in a process that dies
like one the kernel kills for memory (used by test_memory.py).

Usage: python hungry_run.py INPUT DB (--kill-above-mb N | --address-space-mb N)

The coder holds ``BYTES_PER_CHAR`` bytes per character of every article of
its batch while it codes it, as a parser holds its documents. With
``--kill-above-mb`` the process sends itself SIGKILL as soon as its
resident size passes N MB above where it started (what the kernel's OOM
killer does, without a warning). The check runs right after the memory is
touched, not in a polling thread: a thread can miss the peak on a loaded
machine, since the touching holds the GIL and the memory is freed soon
after. With ``--address-space-mb`` the address
space is limited with setrlimit, so allocations fail with MemoryError.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))

from fakes import fake_coder  # noqa: E402

from flashpoint.config import Settings  # noqa: E402
from flashpoint.ingest import FileSource, ingest  # noqa: E402
from flashpoint.store import open_store  # noqa: E402

KILL_ABOVE_MB: float | None = None
START_MB = 0.0
BYTES_PER_CHAR = 100  # 500 under --address-space-mb: a 10M-character article asks for 5 GB


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def hungry_coder(articles, settings):
    batch = list(articles)
    per_char = BYTES_PER_CHAR * (5 if resource.getrlimit(resource.RLIMIT_AS)[0] != resource.RLIM_INFINITY else 1)
    held = [bytearray(len(a.text) * per_char) for a in batch]  # touched: counts as resident
    for block in held:
        block[::4096] = b"\x01" * len(block[::4096])
    if KILL_ABOVE_MB is not None and rss_mb() - START_MB > KILL_ABOVE_MB:
        os.kill(os.getpid(), signal.SIGKILL)
    yield from fake_coder(batch, settings)
    del held


def main() -> None:
    source, db, option, value = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    store = open_store(db)
    if option == "--kill-above-mb":
        global KILL_ABOVE_MB, START_MB
        KILL_ABOVE_MB, START_MB = value, rss_mb()
    else:
        limit = int(value * 2**20)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    settings = Settings(batch_size=4)
    try:
        report = ingest(FileSource([source], max_chars=settings.max_chars), store, hungry_coder, settings)
    finally:
        store.close()
    print(f"new={report.new} failures={report.failures}", flush=True)


if __name__ == "__main__":
    main()
