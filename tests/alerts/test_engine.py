"""Alerts from a real store: merged events, two sources, cooldown, watchlists, webhook, CLI."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading

import pytest
from click.testing import CliRunner

from flashpoint.alerts import Watchlist, load_watchlist, scan
from flashpoint.alerts.detectors import Thresholds
from flashpoint.alerts.webhook import post_alerts
from flashpoint.cli import main
from flashpoint.errors import DataFileError, FetchError
from flashpoint.store import EventFilter, open_store

from ..store.conftest import fresh_url, make_article, make_event

MONDAY = dt.date(2023, 1, 2)
CONFLICT_ROOTS = [str(r) for r in range(10, 21)]  # distinct roots never merge with each other


def add_week(store, week: int, n: int, outlets=("Wire One", "Wire Two"), source="ARM", target="AZE", roots=None):
    """``n`` distinct conflict events in ``week``, each reported by every outlet."""
    day = (MONDAY + dt.timedelta(weeks=week)).isoformat()
    for i in range(n):
        root = (roots or CONFLICT_ROOTS)[i % len(roots or CONFLICT_ROOTS)]
        for outlet in outlets:
            aid = f"{source}{target}-{week}-{i}-{outlet}"
            store.add_article(make_article(aid, outlet=outlet, date=day), [
                make_event(f"e-{aid}", aid, date=day, source=source, target=target, cameo=root + "0",
                           quad=3 if root < "15" else 4, goldstein=-5.0, plover=None,
                           sentence=f"Forces of {source} attacked {target} ({week}.{i}).")])


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path):
    """(URL, open store) of a fresh database per back end."""
    with fresh_url(request.param, tmp_path) as url:
        s = open_store(url)
        yield url, s
        s.close()


@pytest.fixture
def store(db):
    return db[1]


def test_a_jump_reported_by_two_outlets_alerts_with_its_events(store):
    for week in range(6):
        add_week(store, week, 1)
    add_week(store, 6, 8)
    found = [a for a in scan(store, Watchlist(), weeks=4) if a.detector == "rise"]
    assert len(found) == 1
    alert = found[0]
    assert (alert.kind, alert.subject, alert.week) == ("dyad", ("ARM", "AZE"), (MONDAY + dt.timedelta(weeks=6)).isoformat())
    assert alert.sources == ("Wire One", "Wire Two")
    assert len(alert.event_ids) == 8
    week_events = {e["id"] for e in store.events(EventFilter(since=alert.week, until=alert.week_end))}
    assert set(alert.event_ids) == week_events
    assert alert.as_dict()["events_url"] == f"/events?source=ARM&target=AZE&since={alert.week}&until={alert.week_end}"


def test_one_outlet_is_not_enough(store):
    for week in range(6):
        add_week(store, week, 1, outlets=("Only Wire",))
    add_week(store, 6, 8, outlets=("Only Wire",))
    assert scan(store, Watchlist(), weeks=4) == []


def test_cooldown_silences_a_repeat(store):
    for week in range(5):
        add_week(store, week, 1)
    add_week(store, 5, 6)
    add_week(store, 6, 11)  # rises again against a baseline the first jump lifted
    rises = [a.week for a in scan(store, Watchlist(), weeks=8) if a.detector == "rise"]
    assert rises == [(MONDAY + dt.timedelta(weeks=5)).isoformat()]
    no_cooldown = Watchlist(thresholds=Thresholds(cooldown_weeks=0))
    assert len([a for a in scan(store, no_cooldown, weeks=8) if a.detector == "rise"]) == 2


def test_ladder_and_first_contact(store):
    add_week(store, 0, 1, source="SRB", target="XKX", roots=["13"])  # threats (verbal conflict, no first_contact)
    add_week(store, 2, 1, source="SRB", target="XKX", roots=["15"])  # posture: mobilisation
    add_week(store, 4, 1, source="SRB", target="XKX", roots=["19"])  # force
    add_week(store, 4, 1, source="TUR", target="GRC", roots=["19"])  # a new dyad starting with force
    found = {(a.subject, a.detector, a.numbers.get("to")) for a in scan(store, Watchlist(), weeks=10)}
    assert (("SRB", "XKX"), "ladder", "mobilisation") in found
    assert (("SRB", "XKX"), "ladder", "force") in found
    assert (("TUR", "GRC"), "first_contact", None) in found
    assert not any(s == ("SRB", "XKX") and d == "first_contact" for s, d, _ in found)


def test_watchlist_countries_and_window(store):
    for week in range(6):
        add_week(store, week, 1)
    add_week(store, 6, 8)
    only_country = Watchlist(countries=("AZE",))
    found = scan(store, only_country, weeks=3)
    assert {(a.kind, a.subject) for a in found} == {("country", ("AZE",))}
    before_jump = EventFilter(until=(MONDAY + dt.timedelta(weeks=5, days=6)).isoformat())
    assert scan(store, only_country, before_jump, weeks=3) == []


def test_watchlist_file_is_validated(tmp_path):
    good = tmp_path / "watch.yaml"
    good.write_text("dyads: ['RUS>UKR', [BLR, POL]]\ncountries: [LTU]\nthresholds: {rise_ratio: 3, cooldown_weeks: 2}\n"
                    "webhook: https://alerts.example.org/hook\n")
    wl = load_watchlist(good)
    assert wl.dyads == (("RUS", "UKR"), ("BLR", "POL")) and wl.countries == ("LTU",)
    assert wl.thresholds.rise_ratio == 3.0 and wl.thresholds.cooldown_weeks == 2
    for text, message in [("dyads: [RUSUKR]", "a dyad is"), ("thresholds: {speed: 1}", "thresholds may set"),
                          ("thresholds: {rise_ratio: -1}", "non-negative"), ("colour: red", "unknown keys"),
                          ("webhook: ftp://x", "http"), ("top: 0", "top must"), ("[1, 2", "not valid YAML")]:
        bad = tmp_path / "bad.yaml"
        bad.write_text(text)
        with pytest.raises(DataFileError, match=message):
            load_watchlist(bad)


def test_webhook_refuses_private_addresses_without_leave():
    with pytest.raises(FetchError, match="non-public address 127.0.0.1"):
        post_alerts("http://127.0.0.1:9/hook", [])
    with pytest.raises(FetchError, match="only http and https"):
        post_alerts("file:///etc/passwd", [])


@pytest.mark.network
def test_webhook_posts_json_to_a_local_server(store):
    got: list[dict] = []

    class Hook(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the stdlib's name
            got.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    for week in range(6):
        add_week(store, week, 1)
    add_week(store, 6, 8)
    alerts = scan(store, Watchlist(), weeks=2)
    status = post_alerts(f"http://127.0.0.1:{server.server_port}/hook", alerts, allow_private=True)
    thread.join(5)
    server.server_close()
    assert status == 204
    assert [a["detector"] for a in got[0]["alerts"]] == [a.detector for a in alerts]


def test_cli_lists_alerts_and_reports_bad_input(tmp_path):
    db = str(tmp_path / "a.db")
    s = open_store(db)
    for week in range(6):
        add_week(s, week, 1)
    add_week(s, 6, 8)
    s.close()
    runner = CliRunner()
    out = runner.invoke(main, ["alerts", "--db", db, "--weeks", "3"])
    assert out.exit_code == 0 and "ARM → AZE" in out.output and "rise" in out.output
    as_json = json.loads(runner.invoke(main, ["alerts", "--db", db, "--format", "json"]).output)
    assert {a["detector"] for a in as_json} >= {"rise"}
    bad = tmp_path / "w.yaml"
    bad.write_text("dyads: [x]")
    out = runner.invoke(main, ["alerts", "--db", db, "--watchlist", str(bad)])
    assert out.exit_code == 2 and out.output.startswith("error: ") and "a dyad is" in out.output
    out = runner.invoke(main, ["alerts", "--db", db, "--since", "soon"])
    assert out.exit_code == 2 and "since must be an ISO date" in out.output
    out = runner.invoke(main, ["alerts", "--db", db, "--webhook"])
    assert out.exit_code == 2 and "needs a webhook URL" in out.output


def test_alerts_over_the_api_and_on_the_page(db, tmp_path):
    from ..serve.conftest import client_for

    url, store = db
    for week in range(6):
        add_week(store, week, 1)
    add_week(store, 6, 8)
    watch = tmp_path / "watch.yaml"
    watch.write_text("dyads: ['ARM>AZE']\nthresholds: {cooldown_weeks: 2}\n")
    with client_for(url, watchlist=watch) as client:
        body = client.get("/api/v1/alerts", params={"weeks": 3}).json()
        rise = next(a for a in body["alerts"] if a["detector"] == "rise")
        assert rise["label"] == "ARM → AZE" and len(rise["event_ids"]) == 8 and rise["sources"] == ["Wire One", "Wire Two"]
        page = client.get("/alerts", params={"weeks": 3}).text
        assert all(f'href="/event/{eid}"' in page for eid in rise["event_ids"])
        assert client.get(rise["events_url"]).status_code == 200
