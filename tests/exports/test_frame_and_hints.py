"""The Python API: flashpoint.to_frame and flashpoint.filter_hints."""

from __future__ import annotations

from importlib import resources

import pandas as pd

import flashpoint
from flashpoint.store import EventFilter, open_store
from flashpoint.store.exports import column_names
from flashpoint.store.hints import nearest
from flashpoint.types import event_from_dict

from .conftest import corpus_events


def test_to_frame_from_merged_dicts(events):
    frame = flashpoint.to_frame(events)
    assert list(frame.columns) == list(column_names()) and len(frame) == 6
    assert str(frame["quad_class"].dtype) == "Int64" and str(frame["negated"].dtype) == "boolean"
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert str(frame["first_seen"].dtype).startswith("datetime64") and frame["first_seen"].dt.tz is not None
    rsf = frame[frame["source_org"] == "RSF"].iloc[0]
    assert rsf["dead"] == 40 and rsf["contexts"] == ["military"]
    assert pd.isna(frame[frame["source_org"] == "NATO"].iloc[0]["dead"])


def test_to_frame_from_event_objects():
    events = [event for _, evs in corpus_events() for event in evs]
    frame = flashpoint.to_frame(events)
    assert len(frame) == 6 and frame["event_id"].tolist() == [e.event_id for e in events]
    assert frame["num_sources"].tolist() == [1] * 6
    assert event_from_dict(events[0].to_dict()) == events[0]


def test_filter_hints_in_the_python_api():
    store = open_store("memory:")
    for article, evs in corpus_events():
        store.add_article(article, evs)
    hints = flashpoint.filter_hints(store, EventFilter(actor="nato", plover="accuse", cameo="999"))
    by_option = {h.option: h for h in hints}
    assert by_option["actor"].suggestions[0] == "NATO"
    assert by_option["plover"].suggestions == ("ACCUSE",)
    assert by_option["cameo"].suggestions == () and "2-4 digits" in str(by_option["cameo"])
    assert flashpoint.filter_hints(store, EventFilter(actor="NATO", cameo="19")) == []
    empty = open_store("memory:")
    assert "holds no events" in str(flashpoint.filter_hints(empty, EventFilter(source="RUS"))[0])


def test_nearest():
    assert nearest("nato", ["NATO", "NAT", "UN"]) == ["NATO", "NAT"]
    assert nearest("Belarsu", ["Belarus", "Poland"]) == ["Belarus"]
    assert nearest("zzz", ["Belarus"]) == []


def test_package_is_typed():
    assert (resources.files("flashpoint") / "py.typed").is_file()
