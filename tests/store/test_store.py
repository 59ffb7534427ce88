"""The Store contract, run against every back end (memory, SQLite, PostgreSQL)."""

from __future__ import annotations

import pytest

from flashpoint.errors import StoreError, UsageError
from flashpoint.store import EventFilter, Failure, MemoryStore
from flashpoint.store.merge import actor_key_of

from .conftest import make_article, make_event


def test_empty_store_counts_zero(store):
    assert store.counts() == {"articles": 0, "copies": 0, "reports": 0, "events": 0, "actors": 0, "failures": 0}
    assert list(store.events()) == []
    assert store.series(EventFilter(), "week") == []
    assert store.tally(["cameo_root"]) == []


def test_re_adding_an_article_changes_nothing(store):
    article = make_article("a1")
    store.add_article(article, [make_event("e1", "a1")])
    before = (store.counts(), list(store.events()))
    store.add_article(article, [make_event("e1", "a1")])
    store.add_article(article, [make_event("e9", "a1", cameo="190", quad=4)])
    assert (store.counts(), list(store.events())) == before
    assert store.has_article("a1")
    assert not store.has_article("nope")


def test_two_articles_reporting_one_event_count_once(store):
    store.add_article(make_article("a1", outlet="Daily"), [make_event("e1", "a1")])
    store.add_article(make_article("a2", outlet="Herald"),
                      [make_event("e2", "a2", date="2021-11-13", sentence="Moscow sent envoys to Minsk.", trigger="sent")])
    (event,) = store.events()
    assert event["num_articles"] == 2
    assert event["num_sources"] == 2
    assert event["num_mentions"] == 2
    assert [m["article_id"] for m in event["mentions"]] == ["a1", "a2"]
    assert event["mentions"][1]["sentence"] == "Moscow sent envoys to Minsk."
    assert store.counts()["events"] == 1
    assert store.counts()["reports"] == 2


@pytest.mark.parametrize(
    "change",
    [
        {"date": "2021-11-15"},  # 3 days apart: outside the window
        {"cameo": "190", "quad": 4},  # another CAMEO root
        {"source": "UKR"},  # another dyad
        {"source": None},  # a missing source matches only a missing source
        {"negated": True},  # polarity differs
        {"modality": "hypothetical"},
        {"date": None},  # undated matches only undated (article date is None too)
    ],
)
def test_reports_that_differ_start_new_events(store, change):
    store.add_article(make_article("a1"), [make_event("e1", "a1")])
    store.add_article(make_article("a2", date=None), [make_event("e2", "a2", **change)])
    assert store.counts()["events"] == 2
    flt = EventFilter(include_uncounted=True)
    assert sorted(e["num_articles"] for e in store.events(flt)) == [1, 1]


def _target(event: dict) -> str:
    return actor_key_of(event["target"]) or ""


def test_a_report_without_target_joins_the_event_of_its_source_and_root(store):
    store.add_article(make_article("a1"), [make_event("e1", "a1")])
    store.add_article(make_article("a2", outlet="Herald"), [make_event("e2", "a2", target=None, trigger="visited")])
    (event,) = store.events()
    assert (event["num_articles"], _target(event)) == (2, "BLR")


def test_a_report_without_target_stays_apart_when_targets_differ(store):
    store.add_article(make_article("a1"), [make_event("e1", "a1")])
    store.add_article(make_article("a2"), [make_event("e2", "a2", target="UKR")])
    store.add_article(make_article("a3"), [make_event("e3", "a3", target=None)])
    assert sorted(_target(e) for e in store.events()) == ["", "BLR", "UKR"]


def test_a_report_without_target_joins_no_other_source_or_root(store):
    store.add_article(make_article("a1"), [make_event("e1", "a1")])
    store.add_article(make_article("a2"), [make_event("e2", "a2", source="UKR", target=None)])
    store.add_article(make_article("a3"), [make_event("e3", "a3", cameo="190", quad=4, target=None)])
    assert store.counts()["events"] == 3


def test_a_report_with_both_sides_completes_a_one_sided_event(store):
    store.add_article(make_article("a1"), [make_event("e1", "a1", target=None)])
    store.add_article(make_article("a2", outlet="Herald"), [make_event("e2", "a2")])
    store.add_article(make_article("a3"), [make_event("e3", "a3", target=None, trigger="visited")])
    (event,) = store.events()
    assert (event["num_articles"], _target(event), event["target"]["country"]) == (3, "BLR", "BLR")
    # the merged event is found, counted and charted under its new dyad
    assert [e["id"] for e in store.events(EventFilter(target="BLR"))] == [event["id"]]
    assert store.series(EventFilter(source="RUS", target="BLR"), "day") == [("2021-11-12", 1, event["goldstein"])]
    assert store.tally(["target_key"]) == [("BLR", 1)]


def test_a_dyad_prefers_its_own_event_and_completes_only_one_sided_ones(store):
    store.add_article(make_article("a1"), [make_event("e1", "a1", target=None)])
    store.add_article(make_article("a2"), [make_event("e2", "a2")])  # completes a1's event: RUS -> BLR
    store.add_article(make_article("a3"), [make_event("e3", "a3", target="UKR")])  # no one-sided event left
    store.add_article(make_article("a4"), [make_event("e4", "a4", trigger="flew")])  # joins its own dyad
    events = {_target(e): e["num_articles"] for e in store.events()}
    assert events == {"BLR": 3, "UKR": 1}


@pytest.mark.parametrize("order", [(0, 1, 2), (1, 0, 2), (2, 0, 1), (0, 2, 1), (1, 2, 0), (2, 1, 0)])
def test_one_event_told_with_and_without_its_target_counts_once_in_any_order(store, order):
    told = [make_event("e0", "a0", target=None), make_event("e1", "a1", trigger="sent"),
            make_event("e2", "a2", target=None, trigger="moved")]
    for i in order:
        store.add_article(make_article(f"a{i}"), [told[i]])
    (event,) = store.events()
    assert (event["num_articles"], _target(event)) == (3, "BLR")


def test_locations_merge_when_compatible(store):
    strike = dict(cameo="190", quad=4, goldstein=-10.0, plover="ASSAULT", trigger="struck")
    store.add_article(make_article("a1"), [make_event("e1", "a1", **strike)])  # no location
    store.add_article(make_article("a2"), [make_event("e2", "a2", country="BLR", **strike)])
    store.add_article(make_article("a3"), [make_event("e3", "a3", country="POL", **strike)])
    events = list(store.events())
    assert sorted(e["num_articles"] for e in events) == [1, 2]
    assert store.tally(["location_country"]) == [("BLR", 1), ("POL", 1)]


def test_a_visit_placed_in_two_capitals_is_still_one_event(store):
    store.add_article(make_article("a1"), [make_event("e1", "a1", country="RUS")])
    store.add_article(make_article("a2"), [make_event("e2", "a2", country="BLR")])
    (event,) = store.events()
    assert event["num_articles"] == 2


def test_same_article_two_triggers_two_events_same_trigger_one(store):
    events = [
        make_event("e1", "a1", trigger="moved", sentence="Troops moved north."),
        make_event("e2", "a1", trigger="moved", sentence="Troops moved north."),
        make_event("e3", "a1", trigger="deployed", sentence="More troops deployed."),
    ]
    store.add_article(make_article("a1"), events)
    assert store.counts()["events"] == 2
    assert sorted(e["num_mentions"] for e in store.events()) == [1, 2]


def test_undated_event_takes_the_article_date(store):
    store.add_article(make_article("a1", date="2021-11-12"), [make_event("e1", "a1", date=None)])
    store.add_article(make_article("a2"), [make_event("e2", "a2", date="2021-11-11")])
    (event,) = store.events()
    assert event["date"] == "2021-11-12"
    assert event["num_articles"] == 2


def test_copies_add_mentions_and_sources(store):
    store.add_article(make_article("a1", outlet="Wire"), [make_event("e1", "a1")])
    store.add_copy(make_article("c1", outlet="Local"), "a1")
    store.add_copy(make_article("c2", outlet="Wire"), "a1")
    store.add_copy(make_article("c2", outlet="Wire"), "a1")  # idempotent
    (event,) = store.events()
    assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (3, 3, 2)
    assert store.counts()["copies"] == 2
    assert store.has_article("c1")
    assert store.find_duplicate(make_article("c1")) == "a1"


def test_copy_of_unknown_article_is_refused(store):
    with pytest.raises(StoreError, match="add the original first"):
        store.add_copy(make_article("c1"), "missing")
    assert store.counts()["copies"] == 0


def test_find_duplicate_by_url_hash_and_near_text(store):
    text = " ".join(f"word{i}" for i in range(300))
    store.add_article(make_article("a1", text=text, url="https://example.com/story/?utm_source=rss#x"), [])
    assert store.find_duplicate(make_article("q1", url="HTTPS://EXAMPLE.COM:443/story?fbclid=1")) == "a1"
    assert store.find_duplicate(make_article("q2", text="  " + text.upper() + "\n")) == "a1"
    near = text.replace("word150", "changed") + " a trailing byline"
    assert store.find_duplicate(make_article("q3", text=near)) == "a1"
    other = " ".join(f"other{i}" for i in range(300))
    assert store.find_duplicate(make_article("q4", text=other)) is None
    assert store.find_duplicate(make_article("q5", text="")) is None


def test_failures_count_attempts_and_clear(store):
    store.add_failure(Failure("k1", "fetch", "timeout", '{"url": "http://x"}'))
    store.add_failure(Failure("k1", "fetch", "HTTP 500"))
    store.add_failure(Failure("k0", "code", "boom"))
    failures = store.failures()
    assert [f.key for f in failures] == ["k0", "k1"]
    assert failures[1].attempts == 2 and failures[1].reason == "HTTP 500"
    assert failures[1].at
    store.clear_failure("k1")
    store.clear_failure("never")
    assert [f.key for f in store.failures()] == ["k0"]


def _populate(store):
    store.add_article(make_article("a1"), [
        make_event("e1", "a1", date="2021-11-01", cameo="042", sentence="Russia's envoy visited Minsk."),
        make_event("e2", "a1", date="2021-11-09", source="USA", target="RUS", cameo="112", quad=3,
                   goldstein=-2.0, plover="ACCUSE", trigger="accused", sentence="Washington accused Moscow."),
        make_event("e3", "a1", date="2021-11-10", source="NATO", target="RUS", cameo="1121", quad=3,
                   goldstein=-2.0, plover="ACCUSE", trigger="blamed", sentence="NATO blamed Russia for 100% of it."),
        make_event("e4", "a1", date="2021-11-20", source="RUS", target="UKR", cameo="190", quad=4,
                   goldstein=-10.0, plover="FIGHT", negated=True, trigger="attack", sentence="Russia did not attack."),
        make_event("e5", "a1", date="2021-12-02", cameo="043", trigger="hosted", sentence="Minsk hosted Russian_officials."),
    ])


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(), ["e1", "e2", "e3", "e5"]),
        (EventFilter(include_uncounted=True), ["e1", "e2", "e3", "e4", "e5"]),
        (EventFilter(since="2021-11-09", until="2021-11-10"), ["e2", "e3"]),
        (EventFilter(source="RUS"), ["e1", "e5"]),
        (EventFilter(source="RUS", include_uncounted=True), ["e1", "e4", "e5"]),
        (EventFilter(source="NATO", target="RUS"), ["e3"]),
        (EventFilter(country="RUS"), ["e1", "e2", "e3", "e5"]),
        (EventFilter(actor="USA"), ["e2"]),
        (EventFilter(cameo="11"), ["e2", "e3"]),
        (EventFilter(cameo="1121"), ["e3"]),
        (EventFilter(cameo="%"), []),
        (EventFilter(quad_class=3), ["e2", "e3"]),
        (EventFilter(plover="ACCUSE"), ["e2", "e3"]),
        (EventFilter(text="MOSCOW"), ["e2"]),
        (EventFilter(text="100%"), ["e3"]),
        (EventFilter(text="a_o"), []),  # "_" is literal, not a wildcard
        (EventFilter(text="n_o"), ["e5"]),
        (EventFilter(limit=2), ["e1", "e2"]),
        (EventFilter(limit=0), []),
    ],
)
def test_filters(store, flt, expected):
    _populate(store)
    got = [e["event_id"] for e in store.events(flt)]
    assert got == expected


def test_series_and_tally(store):
    _populate(store)
    assert store.series(EventFilter(), "month") == [("2021-11", 3, -2.1), ("2021-12", 1, 1.9)]
    assert store.series(EventFilter(), "week") == [
        ("2021-11-01", 1, 1.9), ("2021-11-08", 2, -4.0), ("2021-11-29", 1, 1.9)]
    assert store.series(EventFilter(source="RUS", target="BLR"), "day") == [
        ("2021-11-01", 1, 1.9), ("2021-12-02", 1, 1.9)]
    assert store.series(EventFilter(), "year") == [("2021", 4, -0.2)]
    assert store.tally(["source_key", "target_key"]) == [("RUS", "BLR", 2), ("NATO", "RUS", 1), ("USA", "RUS", 1)]
    assert store.tally(["quad_class"], limit=1) == [(1, 2)]
    with pytest.raises(UsageError):
        store.tally(["id; DROP TABLE events"])
    with pytest.raises(UsageError):
        store.series(EventFilter(), "fortnight")


def test_paging_returns_every_event_in_order(store):
    events = [make_event(f"e{i:04d}", "a1", date=f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}",
                         trigger=f"t{i}") for i in range(1203)]
    store.add_article(make_article("a1"), events)
    got = list(store.events())
    assert len(got) == store.counts()["events"]
    keys = [(e["date"], e["id"]) for e in got]
    assert keys == sorted(keys)
    assert len(list(store.events(EventFilter(limit=701)))) == 701


HOSTILE = [
    "it's \"quoted\"; DROP TABLE events; --",
    "ünïcödé ☃ 中文 العربية \U0001F600",
    "nul\x00byte",
    "lone \ud800 surrogate",
    "%_\\ wildcards",
    "",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_round_trip_or_are_cleaned(store, value):
    article = make_article("h1", text=value, url=value or None, outlet=value)
    store.add_article(article, [make_event("e1", "h1", sentence=value or "x", trigger=value or "x",
                                           source="RUS", target="BLR")])
    (event,) = store.events()
    assert event["num_articles"] == 1
    assert store.find_duplicate(article) == "h1"
    assert store.counts()["events"] == 1


def test_huge_article(store):
    text = "Troops crossed the border near the river. " * 50_000  # about 2 MB
    store.add_article(make_article("big", text=text), [make_event("e1", "big")])
    assert store.find_duplicate(make_article("q", text=text)) == "big"


def test_closed_store_refuses_work(store_url):
    from flashpoint.store import open_store

    s = open_store(store_url)
    s.close()
    with pytest.raises(StoreError):
        s.counts()


def _merge_story(store, *, batched: bool) -> None:
    """Articles that exercise merging, location filling and copies, stored
    one call at a time or inside one batch."""
    import contextlib

    F = dict(cameo="190", quad=4, goldstein=-10.0, plover="ASSAULT")  # force: places keep events apart
    calls = [
        ("a1", [make_event("e1", "a1", **F), make_event("e1b", "a1", cameo="043", trigger="hosted")]),
        ("a2", [make_event("e2", "a2", **F, country="BLR")]),  # joins e1's event and gives it a place
        ("a3", [make_event("e3", "a3", **F, date="2021-11-13", country="BLR"), make_event("e3b", "a3", **F, country="POL")]),
        ("a4", [make_event("e4", "a4", **F, date="2021-11-20")]),  # outside the window: new
        ("a5", [make_event("e5", "a5", **F, date=None), make_event("e5b", "a5", **F, date=None, trigger="visited")]),
        ("a6", [make_event("e6", "a6", **F, negated=True)]),  # other polarity: new
        ("a8", [make_event("e8", "a8", cameo="043", target=None, trigger="hosted")]),  # no target: joins e1b's event
    ]
    with store.batch() if batched else contextlib.nullcontext():
        for article_id, events in calls:
            date = None if article_id == "a5" else "2021-11-12"
            store.add_article(make_article(article_id, date=date), events)
        store.add_copy(make_article("c1", outlet="Local"), "a2")
        store.add_article(make_article("a1"), [make_event("e1", "a1", **F)])  # again: no-op
        store.add_article(make_article("a7"), [make_event("e2", "a7", **F)])  # a stored report id: skipped


def _state(store) -> tuple:
    flt = EventFilter(include_uncounted=True)
    events = sorted(
        (e["id"], e["date"], e["num_mentions"], e["num_articles"], e["num_sources"],
         tuple(sorted(m["article_id"] for m in e["mentions"])))
        for e in store.events(flt)
    )
    return store.counts(), events, store.tally(["location_country", "date"], flt)


def test_a_batch_stores_and_merges_exactly_like_single_writes(store, tmp_path):
    from flashpoint.store import open_store

    _merge_story(store, batched=True)
    single = open_store("memory:")
    _merge_story(single, batched=False)
    assert _state(store) == _state(single)
    counts, events, places = _state(store)
    assert counts["articles"] == 8 and counts["copies"] == 1 and counts["reports"] == 10
    assert any(e[5] == ("a1", "a8") for e in events)
    merged = [e for e in events if "a2" in e[5]]
    assert merged == [(merged[0][0], "2021-11-12", 4, 4, 2, ("a1", "a2", "a3"))]
    assert ("BLR", "2021-11-12", 1) in places and ("POL", "2021-11-12", 1) in places


def test_reads_inside_a_batch_see_its_writes(store):
    text = " ".join(f"word{i}" for i in range(300))
    with store.batch():
        store.add_article(make_article("a1", text=text, url="https://example.com/a"), [make_event()])
        assert store.has_article("a1")
        assert store.find_duplicate(make_article("q1", text=text.replace("word7", "seven"))) == "a1"
        assert store.find_duplicate(make_article("q2", url="https://example.com/a/")) == "a1"
        store.add_copy(make_article("c1", outlet="Other"), "a1")
    (event,) = store.events()
    assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (2, 2, 2)


def test_a_failed_batch_is_rolled_back_on_databases(store):
    store.add_article(make_article("a0"), [make_event("e0", "a0")])
    with pytest.raises(StoreError, match="add the original first"):
        with store.batch():
            store.add_article(make_article("a1"), [make_event("e1", "a1")])
            store.add_copy(make_article("c1"), "missing")
    kept = store.counts()
    if isinstance(store, MemoryStore):  # nothing to roll back: writes applied at once
        assert kept["articles"] == 2
    else:
        assert (kept["articles"], kept["reports"], kept["events"]) == (1, 1, 1)
        assert not store.has_article("a1")
    store.add_article(make_article("a1"), [make_event("e1", "a1")])  # the store still works
    assert store.counts()["articles"] == 2
    (event,) = store.events()
    assert event["num_mentions"] == 2


def test_an_article_with_more_dyads_than_one_compound_select_holds_is_stored(store):
    # 1,200 events on 600 dyads: more merge-candidate terms than SQLite allows in one
    # compound SELECT (500), so the candidates are asked in several statements.
    countries = [f"{chr(65 + i // 26)}{chr(65 + i % 26)}X" for i in range(40)]
    events = [make_event(f"e{n}", "a1", source=countries[n % 40], target=countries[(n // 40) % 15 + 25],
                         date=f"2021-11-{1 + n % 2:02d}") for n in range(1200)]
    store.add_article(make_article("a1"), events)
    store.add_article(make_article("a1"), events)  # again: nothing doubles
    assert store.counts()["reports"] == 1200
