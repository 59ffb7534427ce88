"""Resident memory of this process (Linux), for the benchmarks and the backfill workers."""

from __future__ import annotations

import resource
from pathlib import Path


def rss_mb() -> float:
    """Current resident memory, in MB (0 where /proc is missing)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * resource.getpagesize() / 1e6


def peak_rss_mb() -> float:
    """Peak resident memory since the process started, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
