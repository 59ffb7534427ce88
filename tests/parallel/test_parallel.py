"""Coding on several processes gives what one process gives, in the same order."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from flashpoint.config import Settings
from flashpoint.errors import UsageError
from flashpoint.parallel import ParallelCoder, check_workers, code_parallel, default_workers
from flashpoint.types import Article

from ..ingest.fakes import fake_coder
from .fakes import dying_coder, pid_coder


def articles(n: int) -> list[Article]:
    out = []
    for i in range(n):
        text = f"Story {i}. The envoy met officials in district {i}." + (" FAIL" if i % 7 == 3 else "")
        out.append(Article(id=f"a{i:03d}", text=text, date="2021-11-12"))
    return out


def flat(results) -> list:
    return [(a.id, [e.to_dict() for e in events], error) for a, events, error in results]


def test_fake_coder_on_two_processes_answers_in_input_order():
    arts = articles(53)
    expected = flat(fake_coder(arts, Settings()))
    with ParallelCoder(2, coder=fake_coder, chunk=3) as coder:
        got = flat(coder(iter(arts), Settings()))
        assert got == expected
        assert flat(coder(arts, Settings())) == expected  # the pool is reused


def test_work_is_really_spread_over_processes(monkeypatch):
    monkeypatch.setenv("FAKE_CODER_DELAY", "0.02")  # a pool starts a second worker only when the first is busy
    with ParallelCoder(2, coder=pid_coder, chunk=2) as coder:
        pids = {error for _, _, error in coder(articles(40), Settings())}
    assert len(pids) == 2


def test_small_inputs_are_coded_inline():
    import os

    with ParallelCoder(2, coder=pid_coder, chunk=8) as coder:
        pids = {error for _, _, error in coder(articles(5), Settings())}
        assert pids == {str(os.getpid())} and coder._pool is None
        assert list(coder([], Settings())) == []


def test_a_killed_worker_is_replaced_and_nothing_is_lost_or_doubled(tmp_path, monkeypatch):
    monkeypatch.setenv("FP_DIE_MARK", str(tmp_path / "died"))
    arts = articles(40)
    arts[17] = Article(id="a017", text="Story 17. The envoy met officials. DIE", date="2021-11-12")
    expected = flat(fake_coder(arts, Settings()))
    with ParallelCoder(2, coder=dying_coder, chunk=3) as coder:
        assert flat(coder(arts, Settings())) == expected
        assert coder.restarts == 1
    assert (tmp_path / "died").exists()


def test_workers_option_values():
    assert check_workers(3) == 3
    assert check_workers(None) == default_workers() >= 1
    with pytest.raises(UsageError, match="1 or more"):
        check_workers(0)


@pytest.mark.slow
def test_sample_corpus_on_two_processes_gives_identical_events():
    text = (resources.files("flashpoint") / "data" / "sample" / "corpus.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.splitlines() if line.strip()]
    from flashpoint.pipeline import code_articles

    settings = Settings(batch_size=4)
    expected = flat(code_articles(records, settings))
    assert sum(len(e) for _, e, _ in expected) > 50
    got = flat(code_parallel(records, settings, workers=2))
    assert got == expected
