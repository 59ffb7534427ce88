"""Every API endpoint against SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json

import pytest

from flashpoint.store import open_store

from .conftest import SCRIPT_TITLE, TOKEN, client_for


def test_events_page_filters_and_order(api):
    client, ids = api
    body = client.get("/api/v1/events").json()
    assert [e["id"] for e in body["events"]] == [ids["x1"], ids["l1"], ids["c1"], ids["r1"]]  # newest first
    assert body["next_cursor"] is None and body["hints"] == []
    oldest = client.get("/api/v1/events", params={"order": "oldest", "source": "RUS", "target": "UKR"}).json()
    assert [e["id"] for e in oldest["events"]] == [ids["r1"], ids["c1"], ids["x1"]]
    assert [e["id"] for e in client.get("/api/v1/events", params={"cameo": "13"}).json()["events"]] == [ids["c1"]]
    assert [e["id"] for e in client.get("/api/v1/events", params={"quad": 3, "country": "POL"}).json()["events"]] == [ids["l1"]]
    everything = client.get("/api/v1/events", params={"all": "true"}).json()["events"]
    assert ids["h1"] in {e["id"] for e in everything}
    assert [e["id"] for e in client.get("/api/v1/events", params={"all": "true", "modality": "hypothetical"}).json()["events"]] == [ids["h1"]]
    assert client.get("/api/v1/events", params={"min_confidence": 0.95}).json()["events"] == []
    assert len(client.get("/api/v1/events", params={"min_confidence": 0.5}).json()["events"]) == 4
    boxed = client.get("/api/v1/events", params={"bbox": "14,49,24,55"}).json()["events"]
    assert [e["id"] for e in boxed] == [ids["l1"]]
    assert client.get("/api/v1/events", params={"bbox": "170,-10,-170,10"}).json()["events"] == []
    assert len(client.get("/api/v1/events", params={"updated_since": "2000-01-01"}).json()["events"]) == 4
    assert client.get("/api/v1/events", params={"updated_since": "2999-01-01"}).json()["events"] == []


def test_keyset_pages_cover_everything_once(api):
    client, ids = api
    seen, cursor = [], None
    while True:
        params = {"size": 1, "all": "true"} | ({"cursor": cursor} if cursor else {})
        r = client.get("/api/v1/events", params=params)
        body = r.json()
        seen += [e["id"] for e in body["events"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
        assert r.headers["x-next-cursor"] == cursor
    assert sorted(seen) == sorted(ids.values()) and len(seen) == len(set(seen))


def test_formats(api):
    client, ids = api
    r = client.get("/api/v1/events", params={"format": "csv"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["id"] for row in rows} == {ids["x1"], ids["l1"], ids["c1"], ids["r1"]}
    geo = client.get("/api/v1/events", params={"format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection"
    assert [(f["id"], f["geometry"]["coordinates"]) for f in geo["features"]] == [(ids["l1"], [21.01, 52.23])]
    nd = client.get("/api/v1/events", params={"format": "ndjson"})
    assert [json.loads(line)["id"] for line in nd.text.splitlines()] == [ids["x1"], ids["l1"], ids["c1"], ids["r1"]]


def test_one_event_with_all_its_reports(api):
    client, ids = api
    event = client.get(f"/api/v1/events/{ids['r1']}").json()
    assert event["num_sources"] == 2 and event["cameo"] == "190"
    reports = {r["outlet"]: r for r in event["reports"]}
    assert set(reports) == {"Meridian", "Baltic Post"}
    one = reports["Meridian"]
    assert one["sentence"] == "Russian forces shelled Kharkiv." and one["trigger"] == "shelled"
    assert (one["start"], one["end"], one["rule"], one["confidence"]) == (0, len(one["sentence"]), "test", 0.9)
    assert one["title"] == "Title a1"
    r = client.get("/api/v1/events/nope")
    assert r.status_code == 404 and "no event 'nope'" in r.json()["error"]


def test_series_by_quad_with_zero_weeks(api):
    client, _ = api
    body = client.get("/api/v1/series", params={"source": "RUS", "target": "UKR", "freq": "week"}).json()
    periods = body["periods"]
    assert [p["period"] for p in periods] == ["2022-02-28", "2022-03-07", "2022-03-14", "2022-03-21", "2022-03-28", "2022-04-04"]
    first = periods[0]
    assert (first["count"], first["quad3"], first["quad4"], first["goldstein_sum"]) == (2, 1, 1, -14.4)
    assert first["goldstein_mean"] == -7.2 and first["conflict_share"] == 1.0
    assert periods[1]["count"] == 0 and periods[1]["goldstein_mean"] == 0.0
    months = client.get("/api/v1/series", params={"country": "POL", "freq": "month", "since": "2022-01-01",
                                                  "until": "2022-04-30"}).json()["periods"]
    assert [(p["period"], p["count"]) for p in months] == [("2022-01", 0), ("2022-02", 0), ("2022-03", 1), ("2022-04", 0)]
    assert client.get("/api/v1/series", params={"cameo": "19", "freq": "year"}).json()["periods"][0]["count"] == 2


@pytest.mark.parametrize("since, until", [
    ("2022-03-02", "2022-03-20"),  # both mid-week: the weeks holding them
    ("2022-02-28", None), (None, "2022-03-13"),  # a Monday; a Sunday
    ("2022-04-10", "2022-03-01"),  # until before since: no periods
    ("2021-12-29", "2022-01-12"),  # no events at all: every week a zero
])
def test_weekly_periods_are_the_weeks_the_dates_fall_in(api, since, until):
    from flashpoint.store.queries import period_of, periods

    client, _ = api
    params = {"source": "RUS", "target": "UKR", "freq": "week", "since": since, "until": until}
    got = client.get("/api/v1/series", params={k: v for k, v in params.items() if v}).json()["periods"]
    first = period_of(since, "week") if since else "2022-02-28"
    last = period_of(until, "week") if until else "2022-04-04"
    assert [p["period"] for p in got] == periods(first, last, "week")


def test_actor_profile_and_dyads(api):
    client, _ = api
    rus = client.get("/api/v1/actors/RUS").json()
    assert rus["events"] == 3 and (rus["first_seen"], rus["last_seen"]) == ("2022-03-01", "2022-04-04")
    assert rus["partners"] == [{"key": "UKR", "role": "target", "events": 3}]
    assert {c["cameo"] for c in rus["codes"]} == {"190", "130"}
    ukr = client.get("/api/v1/actors/UKR").json()
    assert ukr["partners"] == [{"key": "RUS", "role": "source", "events": 3}]
    dyads = client.get("/api/v1/dyads").json()["dyads"]
    assert dyads[0] == {"source": "RUS", "target": "UKR", "events": 3, "goldstein_sum": -24.4,
                        "goldstein_mean": -8.13, "conflict_share": 1.0}


def test_unknown_names_answer_with_a_hint(api):
    client, _ = api
    body = client.get("/api/v1/events", params={"actor": "rus"}).json()
    assert body["events"] == [] and body["hints"][0].startswith("actor 'rus' matches nothing known; did you mean RUS")
    body = client.get("/api/v1/events", params={"cameo": "999"}).json()
    assert body["hints"][0].startswith("cameo '999' matches nothing known")
    r = client.get("/api/v1/events", params={"plover": "assault", "format": "csv"})
    assert "did you mean ASSAULT" in r.headers["x-flashpoint-hint"]
    hints = client.get("/api/v1/series", params={"source": "RUS", "target": "ukr"}).json()["hints"]
    assert hints[0].startswith("target 'ukr' matches nothing known; did you mean UKR")
    assert client.get("/api/v1/actors/ukr").json()["hints"][0].startswith("actor 'ukr' matches nothing known; did you mean UKR")


def test_changes_feed_new_merged_deleted(served):
    url, ids = served
    with client_for(url) as client:
        first = client.get("/api/v1/changes").json()
        kinds = [(c["event_id"], c["kind"]) for c in first["changes"]]
        assert (ids["r1"], "new") in kinds and (ids["r1"], "merged") in kinds  # a3 joined a1's event
        assert client.get("/api/v1/changes", params={"cursor": first["next_cursor"]}).json()["changes"] == []
        s = open_store(url)
        with s._transaction():
            s._send("DELETE FROM event_reports WHERE merged_id = ?", [ids["c1"]])
            s._send("DELETE FROM events WHERE id = ?", [ids["c1"]])
        s.close()
        later = client.get("/api/v1/changes", params={"cursor": first["next_cursor"]}).json()
        assert [(c["event_id"], c["kind"]) for c in later["changes"]] == [(ids["c1"], "deleted")]
        assert client.get("/api/v1/changes", params={"size": 2}).json()["next_cursor"] != first["next_cursor"]


@pytest.mark.parametrize("params, message", [
    ({"size": 100000}, "size"), ({"size": 0}, "size"), ({"since": "yesterday"}, "since must be an ISO date"),
    ({"quad": 7}, "quad"), ({"cursor": "not-a-cursor"}, "bad cursor"), ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "0,50,10,40"}, "bbox"), ({"cameo": "1'; DROP TABLE events"}, "cameo must be digits"),
    ({"modality": "sure"}, "modality must be one of"), ({"format": "xml"}, "format"),
    ({"min_confidence": "high"}, "min_confidence"), ({"actor": "x" * 500}, "actor"),
])
def test_bad_parameters_are_400_with_a_message(api, params, message):
    client, _ = api
    r = client.get("/api/v1/events", params=params)
    assert r.status_code == 400 and message in r.json()["error"]


def test_security_headers_and_read_only(api):
    client, _ = api
    r = client.get("/api/v1/stats")
    assert r.headers["content-security-policy"].startswith("default-src 'self'")
    assert r.json()["events"] == 5
    r = client.post("/api/v1/ingest", json=[{"text": "Russia threatened Ukraine."}])
    assert r.status_code == 403 and "read-only" in r.json()["error"]


def test_ingest_refuses_bad_requests_and_changes_nothing(served):
    url, _ = served
    with client_for(url, token=TOKEN, max_body=2000) as client:
        before = client.get("/api/v1/stats").json()
        ok = {"Authorization": f"Bearer {TOKEN}"}
        assert client.post("/api/v1/ingest", json=[{"text": "x"}]).status_code == 401
        r = client.post("/api/v1/ingest", json=[{"text": "x"}], headers={"Authorization": f"Bearer {TOKEN[:-1]}X"})
        assert r.status_code == 401 and "wrong or missing token" in r.json()["error"]
        r = client.post("/api/v1/ingest", content=b'[{"text": "caf\xe9"}]', headers=ok)
        assert r.status_code == 400 and "not UTF-8" in r.json()["error"]
        r = client.post("/api/v1/ingest", content=b"[{", headers=ok)
        assert r.status_code == 400 and "not JSON" in r.json()["error"]
        r = client.post("/api/v1/ingest", json=[{"title": "no text"}], headers=ok)
        assert r.status_code == 400 and "no article could be read" in r.json()["error"]
        r = client.post("/api/v1/ingest", content=b"[" + b'"x",' * 1000 + b'"x"]', headers=ok)
        assert r.status_code == 413
        assert client.get("/api/v1/stats").json() == before


def test_dashboard_pages_escape_article_text(api):
    client, ids = api
    for path in ["/", "/events", "/dyads", "/alerts", "/actor/RUS", "/docs", f"/event/{ids['x1']}",
                 "/?since=2022-03-01&until=2022-03-07", "/dyads?a=RUS>UKR&b=POL>BLR"]:
        r = client.get(path)
        assert r.status_code == 200, path
        assert "<script>window" not in r.text, path
    page = client.get(f"/event/{ids['x1']}").text
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt; Kyiv shelled" in page
    assert "&lt;b&gt;<mark class=\"trigger\">shelled</mark>&lt;/b&gt;" in page
    assert client.get("/?actor=rus").text.count("Hint: actor &#39;rus&#39; matches nothing known; did you mean RUS") == 1


@pytest.mark.slow
def test_ingest_with_the_token_codes_and_stores(served):
    url, _ = served
    with client_for(url, token=TOKEN) as client:
        before = client.get("/api/v1/stats").json()["articles"]
        r = client.post("/api/v1/ingest", headers={"Authorization": f"Bearer {TOKEN}"}, json=[
            {"id": "api-1", "date": "2022-05-02", "outlet": "Wire", "title": SCRIPT_TITLE,
             "text": "Russia accused Ukraine of shelling the city of Belgorod on Monday."}])
        assert r.status_code == 200 and r.json()["new"] == 1
        assert client.get("/api/v1/stats").json()["articles"] == before + 1


def test_repeated_reads_are_cached_until_an_event_changes(served):
    from ..store.conftest import make_article, make_event

    url, _ = served
    with client_for(url) as client:
        params = {"source": "RUS", "target": "UKR", "freq": "week"}
        first = client.get("/api/v1/series", params=params)
        again = client.get("/api/v1/series", params=params)
        assert "x-cache" not in first.headers and again.headers["x-cache"] == "hit"
        assert again.json() == first.json()
        fresh = client.get("/api/v1/series", params=params, headers={"Cache-Control": "no-cache"})
        assert "x-cache" not in fresh.headers and fresh.json() == first.json()
        assert "x-cache" not in client.get("/api/v1/stats").headers
        s = open_store(url)
        s.add_article(make_article("late", outlet="Late Wire", date="2022-04-20"), [
            make_event("late1", "late", date="2022-04-20", source="RUS", target="UKR", cameo="190", quad=4,
                       goldstein=-10.0, plover="ASSAULT", sentence="Russian forces shelled Odesa.")])
        s.close()
        fresh = client.get("/api/v1/series", params=params)
        assert "x-cache" not in fresh.headers
        assert fresh.json()["periods"][-1] == {**fresh.json()["periods"][-1], "period": "2022-04-18", "count": 1}
        assert len(fresh.json()["periods"]) == len(first.json()["periods"]) + 2


def test_an_unchanged_answer_is_not_modified_until_an_event_changes(served):
    from ..store.conftest import make_article, make_event

    url, _ = served
    with client_for(url) as client:
        params = {"source": "RUS", "target": "UKR", "freq": "week"}
        first = client.get("/api/v1/series", params=params)
        tag = first.headers["etag"]
        assert tag.startswith('W/"') and client.get("/api/v1/series", params=params).headers["etag"] == tag
        assert client.get("/api/v1/series", params={**params, "freq": "day"}).headers["etag"] != tag
        for asked in (tag, f'"other", {tag}', "*", tag.removeprefix("W/")):
            same = client.get("/api/v1/series", params=params, headers={"If-None-Match": asked})
            assert same.status_code == 304 and same.content == b"" and same.headers["etag"] == tag, asked
        # no-cache asks the origin to check; with a validator that check is the 304
        again = client.get("/api/v1/series", params=params, headers={"If-None-Match": tag, "Cache-Control": "no-cache"})
        assert again.status_code == 304
        assert client.get("/api/v1/series", params=params, headers={"If-None-Match": 'W/"nope"'}).json() == first.json()
        s = open_store(url)
        s.add_article(make_article("late-etag", outlet="Late Wire", date="2022-04-20"), [
            make_event("late-e1", "late-etag", date="2022-04-20", source="RUS", target="UKR", cameo="190", quad=4,
                       goldstein=-10.0, plover="ASSAULT", sentence="Russian forces shelled Odesa.")])
        s.close()
        changed = client.get("/api/v1/series", params=params, headers={"If-None-Match": tag})
        assert changed.status_code == 200 and changed.headers["etag"] != tag
        assert changed.json()["periods"][-1]["period"] == "2022-04-18" and changed.json() != first.json()
        assert client.get("/api/v1/series", params=params,
                          headers={"If-None-Match": changed.headers["etag"]}).status_code == 304
        assert "etag" not in client.get("/api/v1/stats").headers
        assert "etag" not in client.get("/api/v1/series", params={"freq": "fortnight"}).headers


@pytest.mark.parametrize("newest_first", [True, False])
def test_keyset_pages_with_undated_events(served, newest_first):
    from flashpoint.store import EventFilter
    from flashpoint.store.queries import EventQuery, event_page

    from ..store.conftest import make_article, make_event

    url, _ = served
    s = open_store(url)
    try:
        for i in range(3):
            s.add_article(make_article(f"u{i}", date=None), [
                make_event(f"u{i}", f"u{i}", date=None, source="IRN", target="ISR", cameo=f"1{i}0", quad=3,
                           sentence=f"Iran warned Israel ({i}).")])
        whole = event_page(s, EventQuery(flt=EventFilter(), size=100, newest_first=newest_first)).events
        dates = [e["date"] for e in whole]
        undated = [d for d in dates if d is None]
        assert len(undated) == 3
        assert (dates[-3:] if newest_first else dates[:3]) == [None] * 3  # undated last when newest come first
        dated = [d for d in dates if d]
        assert dated == sorted(dated, reverse=newest_first)
        seen, cursor = [], None
        while True:
            page = event_page(s, EventQuery(flt=EventFilter(), size=2, cursor=cursor, newest_first=newest_first))
            seen += [e["id"] for e in page.events]
            cursor = page.next_cursor
            if cursor is None:
                break
        assert seen == [e["id"] for e in whole]
    finally:
        s.close()
