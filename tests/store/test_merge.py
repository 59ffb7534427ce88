"""Merge rules as pure logic (no store)."""

from __future__ import annotations

import pytest

from flashpoint.store.merge import Candidate, Report, choose, normalise_date, pairwise_scores, window

from .conftest import make_article, make_event


def report(**kw) -> Report:
    base = dict(event_id="e1", article_id="a1", date="2021-11-12", source_key="RUS", target_key="BLR",
                cameo_root="04", counted=True, country=None, trigger="visited")
    base.update(kw)
    return Report(**base)


def cand(mid="m1", date="2021-11-12", country=None, counted=True, reports=(("a0", "met"),)) -> Candidate:
    return Candidate(mid, date, country, counted, reports)


@pytest.mark.parametrize(
    ("rep", "c", "joins"),
    [
        (report(), cand(), True),
        (report(date="2021-11-14"), cand(), True),
        (report(date="2021-11-15"), cand(), False),
        (report(country="BLR"), cand(country="BLR"), True),
        (report(country="BLR"), cand(country=None), True),
        (report(cameo_root="19", country="BLR"), cand(country="POL"), False),
        # where a visit or statement is placed does not make it another event
        (report(country="BLR"), cand(country="POL"), True),
        (report(counted=False), cand(), False),
        (report(), cand(reports=(("a1", "met"),)), False),
        (report(), cand(reports=(("a1", "visited"),)), True),
        (report(date=None), cand(date=None), True),
        (report(date=None), cand(), False),
    ],
)
def test_matches(rep, c, joins):
    assert (choose(rep, [c]) is not None) is joins


def test_choose_prefers_nearest_date_then_smallest_id():
    cands = [cand("m3", "2021-11-10"), cand("m2", "2021-11-13"), cand("m1", "2021-11-11")]
    assert choose(report(), cands) == "m1" or choose(report(), cands) == "m2"
    assert choose(report(), [cand("b", "2021-11-13"), cand("a", "2021-11-11")]) == "a"
    assert choose(report(), []) is None


@pytest.mark.parametrize(
    ("raw", "day"),
    [("2021-11-12", "2021-11-12"), ("2021-11-12T10:00:00Z", "2021-11-12"), ("2021-11", "2021-11-01"),
     ("2021", "2021-01-01"), ("", None), (None, None), ("yesterday", None), ("2021-13-45", None)],
)
def test_normalise_date(raw, day):
    assert normalise_date(raw) == day


def test_window_survives_calendar_edges():
    assert window("0001-01-01") == ("0001-01-01", "0001-01-03")
    assert window("9999-12-31") == ("9999-12-29", "9999-12-31")
    assert window(None) is None


def test_report_from_event_falls_back_to_article_date():
    rep = Report.from_event(make_event(date=None, source=None, trigger=" Visited "), make_article(date="2021-11-12"))
    assert (rep.date, rep.source_key, rep.trigger) == ("2021-11-12", "", "visited")


def test_pairwise_scores():
    assert pairwise_scores(["a", "a", "b"], ["x", "x", "y"])["f1"] == 1.0
    s = pairwise_scores(["a", "a", "a"], ["x", "x", "y"])
    assert (s["precision"], s["recall"]) == (1 / 3, 1.0)
    assert pairwise_scores([], [])["precision"] == 1.0
    with pytest.raises(ValueError):
        pairwise_scores(["a"], [])
