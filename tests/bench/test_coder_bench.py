"""The coder benchmark runs end to end on a small corpus (its figures are not asserted:
benchmarks are commands, not timed tests)."""

from __future__ import annotations

import pytest


@pytest.mark.slow
def test_coder_bench_reports_every_line():
    from flashpoint.bench import bench_coder

    result = bench_coder(3_000, rounds=1)
    assert result.documents > 0 and result.words > 0
    assert result.coder_words_per_s > 0 and result.spacy_words_per_s > 0
    lines = list(result.lines())
    assert any("coder / spaCy throughput" in line for line in lines)
    assert any("peak memory" in line for line in lines)
