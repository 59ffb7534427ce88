"""Escalation detectors over a weekly count series: pure functions.

Each detector looks at week ``t`` of ``counts`` (merged events per week,
oldest first) against the weeks before it and returns a :class:`Signal`
with its numbers when it fires, else None. They know nothing about
stores or dyads, so tests drive them with synthetic series.

- :func:`rise`: this week against the mean of the prior four, with a
  floor under the baseline so a dyad going from 0 to 2 is no "infinite" rise.
- :func:`robust_z`: distance from the baseline median in MADs, once there
  are enough baseline weeks.
- :func:`cusum`: a one-sided cumulative sum that catches a persistent
  shift too small for either of the others in any single week.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Detector settings (a watchlist file may override any of them)."""

    rise_weeks: int = 4  # baseline: this many weeks before
    rise_ratio: float = 2.0  # this week >= ratio x baseline mean ...
    rise_min_count: int = 5  # ... and at least this many events (the low-baseline guard)
    rise_floor: float = 2.0  # a baseline mean below this counts as this
    z_min_weeks: int = 8  # baseline weeks needed before the z-score speaks
    z_max_weeks: int = 26
    z_threshold: float = 3.5
    z_min_count: int = 5
    cusum_warmup: int = 8  # weeks that set the reference mean and spread
    cusum_k: float = 0.5  # slack, in standard deviations
    cusum_h: float = 5.0  # decision interval, in standard deviations
    cusum_min_sd: float = 1.0
    min_sources: int = 2  # independent outlets behind the alerted events
    cooldown_weeks: int = 4  # the same detector on the same subject stays quiet this long


@dataclass(frozen=True, slots=True)
class Signal:
    detector: str
    numbers: dict[str, float | str] = field(default_factory=dict)


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 2)


def rise(counts: Sequence[float], t: int, th: Thresholds = Thresholds()) -> Signal | None:
    """This week's count against the mean of the ``rise_weeks`` before it."""
    if t < th.rise_weeks:
        return None
    base = statistics.fmean(counts[t - th.rise_weeks:t])
    now = counts[t]
    guarded = max(base, th.rise_floor)
    if now >= th.rise_min_count and now >= th.rise_ratio * guarded:
        return Signal("rise", {"count": _num(now), "baseline_mean": _num(base), "ratio": _num(now / guarded)})
    return None


def robust_z(counts: Sequence[float], t: int, th: Thresholds = Thresholds()) -> Signal | None:
    """(count - median) / (1.4826 x MAD) over up to ``z_max_weeks`` prior weeks."""
    if t < th.z_min_weeks:
        return None
    base = list(counts[max(0, t - th.z_max_weeks):t])
    med = statistics.median(base)
    mad = statistics.median(abs(x - med) for x in base)
    scale = max(1.4826 * mad, 1.0)  # a flat baseline has MAD 0: one event is one unit
    z = (counts[t] - med) / scale
    if counts[t] >= th.z_min_count and z >= th.z_threshold:
        return Signal("robust_z", {"count": _num(counts[t]), "median": _num(med), "mad": _num(mad), "z": _num(z)})
    return None


def cusum(counts: Sequence[float], t: int, th: Thresholds = Thresholds()) -> Signal | None:
    """Upper CUSUM from the first ``cusum_warmup`` weeks' mean and spread.

    S_0 = 0, S_i = max(0, S_{i-1} + (x_i - mean) / sd - k); fires at week
    ``t`` when S_t > h and S_{t-1} <= h (the week the shift is confirmed).
    """
    w = th.cusum_warmup
    if t < w + 1:
        return None
    ref = counts[:w]
    mean = statistics.fmean(ref)
    sd = max(statistics.pstdev(ref), th.cusum_min_sd)
    s, before = 0.0, 0.0
    for i in range(w, t + 1):
        before = s
        s = max(0.0, s + (counts[i] - mean) / sd - th.cusum_k)
    if s > th.cusum_h >= before:
        return Signal("cusum", {"count": _num(counts[t]), "reference_mean": _num(mean), "sd": _num(sd),
                                "cusum": _num(s)})
    return None


DETECTORS = (rise, robust_z, cusum)

# Escalation ladder: CAMEO roots by rung (threats, then mobilisation and
# posture, then force).
RUNGS = {"13": 1, "15": 2, "17": 2, "18": 3, "19": 3, "20": 3}
RUNG_NAMES = {1: "threats", 2: "mobilisation", 3: "force"}


def ladder(rungs: Sequence[int], t: int, window: int = 8) -> Signal | None:
    """Fires when week ``t`` reaches a rung above every rung of the
    ``window`` weeks before it, and those weeks climbed at least one rung
    below it (threats -> mobilisation, or mobilisation -> force)."""
    if not rungs[t]:
        return None
    prior = [r for r in rungs[max(0, t - window):t] if r]
    if prior and max(prior) < rungs[t]:
        return Signal("ladder", {"from": RUNG_NAMES[max(prior)], "to": RUNG_NAMES[rungs[t]], "rung": rungs[t]})
    return None
