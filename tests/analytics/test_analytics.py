"""Dyad series and the summary, against every store back end."""

from __future__ import annotations

import pytest

from flashpoint.analytics import dyad_series, format_summary, summary
from flashpoint.store import EventFilter

from ..store.conftest import make_article, make_event
from ..store.conftest import store  # noqa: F401 - the parametrized fixture


def _fill(store):
    store.add_article(make_article("a1"), [
        make_event("e1", "a1", date="2021-11-01"),
        make_event("e2", "a1", date="2021-11-03", trigger="met", cameo="040", goldstein=1.0),
        make_event("e3", "a1", date="2021-11-20", source="USA", target="RUS", cameo="112", quad=3,
                   goldstein=-2.0, trigger="accused", sentence="Washington accused Moscow of meddling."),
    ])
    store.add_article(make_article("a2", outlet="Other"), [make_event("e4", "a2", date="2021-11-02")])


def test_dyad_series(store):
    _fill(store)
    assert dyad_series(store, "RUS", "BLR", "month") == [("2021-11", 2, 2.9)]
    assert dyad_series(store, "RUS", "BLR", "day") == [("2021-11-01", 1, 1.9), ("2021-11-03", 1, 1.0)]
    assert dyad_series(store, "RUS", "BLR", "week", EventFilter(cameo="040", source="USA")) == [("2021-11-01", 1, 1.0)]
    assert dyad_series(store, "BLR", "RUS") == []
    assert dyad_series(store, "x'; DROP TABLE events; --", "RUS") == []


def test_summary_reads_well(store):
    _fill(store)
    s = summary(store)
    assert s.dyads[0] == ("RUS", "BLR", "04", 2)
    assert s.actors[0] == ("RUS", 3)
    text = format_summary(s)
    assert "3 events from 4 reports in 2 articles" in text
    assert "RUS -> BLR" in text
    assert "Washington accused Moscow" in text


def test_summary_of_empty_store(store):
    text = format_summary(summary(store))
    assert text.startswith("0 events")
    assert "No events yet" in text
