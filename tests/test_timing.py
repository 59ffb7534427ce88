"""The ratio check that replaces wall-clock limits tells linear work from quadratic work."""

from __future__ import annotations

import pytest

from .timing import assert_scales_linearly


def _pairs(n: int) -> int:
    return sum(1 for i in range(n) for j in range(n) if i != j)


def test_linear_work_passes_and_returns_the_big_result():
    assert assert_scales_linearly(lambda s: s.count("a"), lambda n: "ab" * n, 2_000_000) == 2_000_000


def test_quadratic_work_fails():
    with pytest.raises(AssertionError, match="for 10x the input"):
        assert_scales_linearly(_pairs, lambda n: n, 3_000)
