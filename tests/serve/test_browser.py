"""The dashboard in a real browser: Debian's chromium driven by Playwright.

A fresh database is ingested from the sample corpus (real coding, so this
is slow), plus one article whose headline holds a ``<script>`` and a
hand-built dyad whose conflict jumps (so the alerts page has an alert).
uvicorn serves it on a free loopback port. Every test fails if the page
asks for anything outside its own origin.

Screenshots go to $FLASHPOINT_SCREENSHOTS when set (docs/screenshots is
made that way), else to a temporary directory.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from ..store.conftest import make_article, make_event
from .conftest import SCRIPT_TITLE

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _build(path: Path) -> None:
    from flashpoint.cli.demo import sample_corpus_path
    from flashpoint.config import Settings
    from flashpoint.ingest.files import FileSource
    from flashpoint.ingest.records import record_items
    from flashpoint.ingest.runner import ingest
    from flashpoint.ingest.source import ListSource
    from flashpoint.pipeline import code_articles
    from flashpoint.store import open_store

    settings = Settings(db=str(path))
    store = open_store(str(path))
    try:
        ingest([FileSource([sample_corpus_path()], max_chars=settings.max_chars)], store, code_articles, settings)
        record = {"id": "script-headline", "date": "2022-04-04", "outlet": "Night Desk", "title": SCRIPT_TITLE,
                  "url": "https://example.org/night-desk/script",
                  "text": "Russia accused Ukraine of shelling the border town of Belgorod on Monday."}
        report = ingest(ListSource(record_items(record, "script", settings.max_chars)), store, code_articles, settings)
        assert report.events >= 1, "the <script> headline article must code to an event"
        # A dyad whose conflict jumps in one week, each event reported by two
        # outlets; distinct CAMEO roots keep the jump week's events from merging.
        n = 0
        for week, roots in enumerate([["11"], ["11"], ["11"], ["11"], [str(r) for r in range(10, 18)]]):
            for root in roots:
                day = (dt.date(2023, 9, 4) + dt.timedelta(weeks=week)).isoformat()
                for outlet in ("Wire One", "Wire Two"):
                    n += 1
                    aid = f"jump-{n}"
                    store.add_article(make_article(aid, outlet=outlet, date=day), [
                        make_event(f"jump-e{n}", aid, date=day, source="ARM", target="AZE", cameo=root + "0",
                                   quad=3 if root < "15" else 4, goldstein=-5.0, plover=None, trigger="shelled",
                                   sentence=f"Armenian forces shelled Azerbaijani positions ({root}).")])
    finally:
        store.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from flashpoint.serve import ServeConfig, create_app

    db = tmp_path_factory.mktemp("browser") / "dash.db"
    _build(db)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(ServeConfig(db=str(db))), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: apt-get install -y chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true requires the browser tests)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A page that records (and blocks) every request outside the server's origin."""
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    p = context.new_page()
    foreign: list[str] = []
    errors: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(server + "/") or url.startswith("data:"):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    p.route("**/*", guard)
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield p
    context.close()
    assert not foreign, f"requests left the origin: {foreign}"
    assert not errors, f"errors in the page: {errors}"


def _shot(page, name: str, tmp_path: Path) -> None:
    where = Path(os.environ.get("FLASHPOINT_SCREENSHOTS") or tmp_path)
    where.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(where / f"{name}.png"), full_page=True)


def _api(page, server: str, path: str, params: dict) -> dict:
    response = page.request.get(server + path, params=params)
    assert response.ok
    return response.json()


def test_date_range_rescopes_every_panel(page, server, tmp_path):
    page.goto(server + "/")
    opened = page.locator("input[name=since]").input_value(), page.locator("input[name=until]").input_value()
    latest = _api(page, server, "/api/v1/events", {"size": 1})["events"][0]["date"]
    start = (dt.date.fromisoformat(latest) - dt.timedelta(days=89)).isoformat()
    assert opened == (start, latest)  # the latest 90 days of data; the form holds the state
    page.locator("a.all-dates").click()
    page.wait_for_url("**/?*since=2021-*")
    assert page.locator("figure.timeline svg g.bar").count() > 3
    assert page.locator("svg.map-svg path.land").count() > 150
    _shot(page, "overview", tmp_path)
    bars = page.locator("figure.timeline svg g.bar rect.hit")
    first, last = bars.nth(1).bounding_box(), bars.nth(3).bounding_box()
    before = page.url
    page.mouse.move(first["x"] + 2, first["y"] + 50)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] - 2, last["y"] + 50, steps=5)
    page.mouse.up()
    page.wait_for_url(lambda url: url != before)
    query = {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}
    since, until = query["since"], query["until"]
    assert since < until
    assert page.locator("input[name=since]").input_value() == since  # the filter form shows the state
    dates = page.locator("table.events tbody tr td:first-child").all_inner_texts()
    assert dates and all(since <= d <= until for d in dates if d != "?")
    scoped = {"since": since, "until": until}
    located = _api(page, server, "/api/v1/events", {**scoped, "format": "geojson", "size": 1000})["features"]
    assert page.locator("svg.map-svg circle.dot").count() == len(located)
    dyads = _api(page, server, "/api/v1/dyads", {**scoped, "top": 12})["dyads"]
    assert page.locator("section.dyads tbody tr").count() == max(1, len(dyads))
    first_period = page.locator("figure.timeline svg g.bar").first.get_attribute("data-period")
    assert first_period >= since[: len(first_period)] or first_period <= since  # bucket holding `since`
    assert page.locator("figure.timeline .range").inner_text().split(" – ")[1] <= until


def test_map_draws_located_events(page, server):
    page.goto(server + "/")
    scope = {"since": page.locator("input[name=since]").input_value(),
             "until": page.locator("input[name=until]").input_value()}
    located = _api(page, server, "/api/v1/events", {**scope, "format": "geojson", "size": 1000})["features"]
    assert located, "the sample corpus has located events"
    dots = page.locator("svg.map-svg circle.dot")
    assert dots.count() == len(located)
    cx = float(dots.first.get_attribute("cx"))
    assert 0 <= cx <= 720


def test_event_opens_its_highlighted_evidence(page, server, tmp_path):
    page.goto(server + "/events?source=POL&target=BLR")
    _shot(page, "events", tmp_path)
    page.locator("table.events a.evidence").first.click()
    page.wait_for_url("**/event/*")
    assert page.locator("blockquote.sentence mark.trigger").count() >= 1
    assert page.locator("blockquote.sentence mark.source").count() >= 1
    assert page.locator(".report .outlet").count() >= 1
    assert "rule" in page.locator(".report .meta").nth(1).inner_text()
    _shot(page, "event", tmp_path)


def test_script_headline_stays_text(page, server):
    found = _api(page, server, "/api/v1/events", {"source": "RUS", "target": "UKR", "since": "2022-04-04",
                                                  "until": "2022-04-04"})["events"]
    event = next(e for e in found if any(m["article_id"] == "script-headline" for m in e["mentions"]))
    page.goto(f"{server}/event/{event['id']}")
    assert SCRIPT_TITLE in page.locator(".report .meta").first.inner_text()
    assert page.evaluate("typeof window.pwned") == "undefined"


def test_alert_links_to_its_events(page, server, tmp_path):
    page.goto(server + "/alerts?weeks=6&until=2023-10-08")  # the week of the jump and five before
    alert = page.locator("article.alert.rise")
    assert alert.count() >= 1
    assert "ARM → AZE" in alert.first.inner_text()
    _shot(page, "alerts", tmp_path)
    alert.first.locator("a.alert-event").first.click()
    page.wait_for_url("**/event/*")
    assert "Armenian forces shelled" in page.locator("blockquote.sentence").first.inner_text()


def test_dyads_side_by_side_and_actor_page(page, server, tmp_path):
    page.goto(server + "/dyads?a=POL>BLR&b=ARM>AZE")
    assert page.locator("section.side").count() == 2
    assert page.locator("section.side figure.timeline svg").count() == 2
    _shot(page, "dyads", tmp_path)
    page.goto(server + "/actor/RUS")
    assert "events" in page.locator("main section.panel").first.inner_text()
    _shot(page, "actor", tmp_path)
