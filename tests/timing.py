"""Speed limits for pathological input, as ratios measured in the same process.

A wall-clock limit ("under 10 s") fails whenever the shared machine is busy, and says nothing
on a fast one. What these tests guard is the shape of the cost: a hostile input of size n must
cost about ten times what the same input of size n/10 costs (linear work), not a hundred times
(quadratic) or worse. Both are timed in CPU seconds of this process, which other processes on
the machine do not inflate; the smaller is the best of three runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

FLOOR = 0.002  # CPU seconds: below this, timer noise and fixed costs dominate the small run


def cpu_seconds(fn: Callable[[Any], Any], arg: Any, rounds: int = 1) -> tuple[float, Any]:
    """The best CPU time of ``rounds`` calls of ``fn(arg)``, and what the last call returned."""
    best, out = float("inf"), None
    for _ in range(rounds):
        start = time.process_time()
        out = fn(arg)
        best = min(best, time.process_time() - start)
    return best, out


def assert_scales_linearly(fn: Callable[[Any], Any], make: Callable[[int], Any], n: int,
                           scale: int = 10, slack: float = 3.0) -> Any:
    """``fn(make(n))`` costs at most ``slack`` times what linear growth from ``make(n // scale)``
    allows: 30x the small run for the default scale and slack, where quadratic work costs 100x.
    Returns what ``fn(make(n))`` returned, for the test's own checks."""
    small, _ = cpu_seconds(fn, make(n // scale), rounds=3)
    big, out = cpu_seconds(fn, make(n))
    assert big <= slack * scale * max(small, FLOOR), (
        f"n={n}: {big:.3f} CPU s against {small:.4f} CPU s at n={n // scale}: "
        f"{big / max(small, FLOOR):.0f}x for {scale}x the input")
    return out
