"""Each detector on synthetic weekly series: a jump, a slow drift, a flat low baseline."""

from __future__ import annotations

import pytest

from flashpoint.alerts.detectors import Thresholds, cusum, ladder, rise, robust_z

JUMP = [5, 6, 5, 4, 6, 5, 5, 6, 4, 5, 5, 6, 20, 6, 5]  # a jump at week 12
DRIFT = [5, 5, 6, 5, 5, 6, 5, 5, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11]  # +0.5 a week from week 8
LOW = [0, 1, 0, 0, 2, 0, 1, 0, 0, 1, 0, 3, 0, 1, 0, 2]  # a quiet dyad

DETECTORS = {"rise": rise, "robust_z": robust_z, "cusum": cusum}


def fires(detector, series):
    return [t for t in range(len(series)) if detector(series, t)]


def test_jump_fires_rise_and_z_at_the_jump():
    assert fires(rise, JUMP) == [12]
    assert fires(robust_z, JUMP) == [12]
    signal = rise(JUMP, 12)
    assert signal.numbers == {"count": 20, "baseline_mean": 5, "ratio": 4}  # weeks 8-11: 4, 5, 5, 6
    z = robust_z(JUMP, 12).numbers
    assert z["median"] == 5 and z["z"] >= 3.5


def test_cusum_confirms_the_jump_once():
    assert fires(cusum, JUMP) == [12]


def test_slow_drift_is_left_to_cusum():
    assert fires(rise, DRIFT) == []
    assert fires(robust_z, DRIFT) == []
    hits = fires(cusum, DRIFT)
    assert len(hits) == 1 and 10 <= hits[0] <= 14  # confirmed a few weeks into the drift
    assert cusum(DRIFT, hits[0]).numbers["cusum"] > Thresholds().cusum_h


@pytest.mark.parametrize("name", sorted(DETECTORS))
def test_flat_low_baseline_stays_quiet(name):
    assert fires(DETECTORS[name], LOW) == []


def test_low_baseline_guard_needs_a_real_count():
    # 0 -> 4 is "infinite" against a zero baseline; the floor and minimum count hold it back.
    assert rise([0, 0, 0, 0, 4], 4) is None
    assert rise([0, 0, 0, 0, 6], 4).numbers["ratio"] == 3  # 6 against the floor of 2
    assert rise([0, 0, 0, 0, 6], 4, Thresholds(rise_min_count=7)) is None


def test_z_score_waits_for_enough_baseline_weeks():
    assert robust_z([5, 5, 5, 40], 3) is None
    assert robust_z([5] * 8 + [40], 8).numbers["z"] == 35  # flat baseline: MAD floor of one event


def test_ladder_climbs_threats_mobilisation_force():
    rungs = [0, 1, 0, 2, 0, 3, 3, 0]
    hits = [(t, ladder(rungs, t).numbers["to"]) for t in range(len(rungs)) if ladder(rungs, t)]
    assert hits == [(3, "mobilisation"), (5, "force")]
    assert ladder([0, 0, 3], 2) is None  # force without a lower rung before it is not a climb
    assert ladder([3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3], 11).numbers["from"] == "threats"
