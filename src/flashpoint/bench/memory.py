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


def own_peak_rss_mb() -> float:
    """Peak resident memory of this process image, in MB (``VmHWM``).

    ``ru_maxrss`` survives fork and exec, so a process spawned by a big
    parent reports the parent's peak; ``VmHWM`` starts afresh at exec.
    Falls back to :func:`peak_rss_mb` where /proc is missing.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return peak_rss_mb()
