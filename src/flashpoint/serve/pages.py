"""The dashboard: server-rendered pages over the same queries as the API.

Every page reads its state from the URL (the filters of ``flashpoint
events`` plus the page's own), so a view can be bookmarked and shared.
Article text only ever reaches a template as data, and Jinja2 escapes it.
"""

# No `from __future__ import annotations`: FastAPI reads the signatures.

import datetime as dt
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..store import queries
from ..store.base import EventFilter
from . import charts
from .params import FilterParams, PageParams, hint_texts

router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1)
def _templates() -> Jinja2Templates:
    return Jinja2Templates(directory=str(resources.files("flashpoint") / "serve" / "templates"))


def _render(request: Request, name: str, filters: FilterParams | None, **context: Any) -> HTMLResponse:
    context.setdefault("hints", [])
    return _templates().TemplateResponse(
        request, name, {"f": filters or FilterParams(), "quad_names": charts.QUAD_NAMES, **context})


def _store(request: Request) -> Any:
    return request.app.state.stores.get()


def pick_freq(first: str | None, last: str | None) -> str:
    """Day bars for up to two months, weeks up to two years, else months."""
    if not first or not last:
        return "week"
    days = (dt.date.fromisoformat(last[:10]) - dt.date.fromisoformat(first[:10])).days
    return "day" if days <= 62 else "week" if days <= 731 else "month"


def _span(store: Any, flt: EventFilter) -> tuple[str, str] | None:
    """First and last event dates under ``flt`` (two index lookups)."""
    newest = queries.event_page(store, queries.EventQuery(flt=flt, size=1, newest_first=True)).events
    oldest = queries.event_page(store, queries.EventQuery(flt=flt, size=1, newest_first=False)).events
    dated = [e["date"] for e in newest + oldest if e.get("date")]
    return (min(dated), max(dated)) if dated else None


def _timeline(store: Any, flt: EventFilter, freq: str | None, width: int = 900) -> tuple[charts.Timeline, str]:
    if freq is None:
        span = _span(store, flt) if not (flt.since and flt.until) else None
        freq = pick_freq(flt.since or (span and span[0]), flt.until or (span and span[1]))
    return charts.timeline(queries.series(store, flt, freq), width=width), freq


DEFAULT_WINDOW = dt.timedelta(days=89)  # the overview opens on the latest 90 days of data


Freq = Annotated[str | None, Query(pattern="^(day|week|month|year)$")]


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, filters: FilterParams = Depends(), freq: Freq = None) -> HTMLResponse:
    """Timeline, map, busiest dyads and the latest events, all under one filter."""
    store = _store(request)
    everything = None
    if not filters.since and not filters.until:
        # 90 days, not all history: the page stays fast over millions of events,
        # and the form shows the dates so the view is still a shareable URL.
        everything = _span(store, filters.event_filter())
        if everything:
            last = dt.date.fromisoformat(everything[1][:10])
            start = max(everything[0], (last - DEFAULT_WINDOW).isoformat())
            filters = replace(filters, since=start, until=everything[1])
    flt = filters.event_filter()
    line, freq = _timeline(store, flt, freq)
    page = queries.event_page(store, queries.EventQuery(flt=flt, size=25))
    hints = hint_texts(store, flt) if not page.events else []
    return _render(request, "overview.html", filters, timeline=line, freq=freq, everything=everything,
                   dots=charts.dots(queries.located_events(store, flt)), countries=charts.country_paths(),
                   dyads=queries.dyads(store, flt, 12), events=page.events, next_cursor=page.next_cursor,
                   counts=store.counts(), hints=hints)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, filters: FilterParams = Depends(), page: PageParams = Depends()) -> HTMLResponse:
    """The event table, a page at a time; each row opens its evidence."""
    store = _store(request)
    flt = filters.event_filter()
    result = queries.event_page(store, page.event_query(flt))
    hints = hint_texts(store, flt) if not result.events and not page.cursor else []
    return _render(request, "events.html", filters, events=result.events, next_cursor=result.next_cursor,
                   page=page, hints=hints)


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: Annotated[str, Path(max_length=100)]) -> HTMLResponse:
    """One event: each report's sentence with trigger, source and target
    marked, the rule, modality, confidence, outlet and link."""
    found = queries.event_detail(_store(request), event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    for report in found["reports"]:
        src, tgt = report.get("source") or {}, report.get("target") or {}
        report["pieces"] = charts.highlight(report["sentence"] or "", [
            (report.get("trigger"), "trigger"), (src.get("text"), "source"), (tgt.get("text"), "target")])
    return _render(request, "event.html", None, event=found)


@router.get("/dyads", response_class=HTMLResponse)
def dyads_page(request: Request, filters: FilterParams = Depends(),
               a: Annotated[str | None, Query(max_length=200, pattern="^[^>]+>[^>]+$")] = None,
               b: Annotated[str | None, Query(max_length=200, pattern="^[^>]+>[^>]+$")] = None,
               freq: Freq = None) -> HTMLResponse:
    """Directed dyads with counts and Goldstein; ``a=RUS>UKR&b=BLR>POL``
    puts two dyads' timelines side by side."""
    store = _store(request)
    flt = filters.event_filter()
    table = queries.dyads(store, flt, 50)
    if a is None and table:
        a = f"{table[0]['source']}>{table[0]['target']}"
    if b is None and len(table) > 1:
        b = f"{table[1]['source']}>{table[1]['target']}"
    compare = []
    for pair in (a, b):
        if pair:
            src, tgt = (s.strip() for s in pair.split(">", 1))
            line, chosen = _timeline(store, replace(flt, source=src, target=tgt), freq, width=520)
            compare.append({"pair": pair, "source": src, "target": tgt, "timeline": line, "freq": chosen,
                            "hints": hint_texts(store, replace(flt, source=src, target=tgt)) if not line.max_count else []})
    return _render(request, "dyads.html", filters, dyads=table, compare=compare, a=a, b=b)


@router.get("/actor/{key}", response_class=HTMLResponse)
def actor_page(request: Request, key: Annotated[str, Path(max_length=200)], filters: FilterParams = Depends(),
               freq: Freq = None) -> HTMLResponse:
    """An actor's profile: partners, codes, first and last seen, timeline."""
    store = _store(request)
    flt = replace(filters.event_filter(), actor=None)
    profile = queries.actor_profile(store, key, flt, 15)
    line, freq = _timeline(store, replace(flt, actor=key), freq)
    hints = hint_texts(store, replace(flt, actor=key)) if not profile["events"] else []
    return _render(request, "actor.html", filters, profile=profile, timeline=line, freq=freq, hints=hints)


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, filters: FilterParams = Depends(),
                weeks: Annotated[int, Query(ge=1, le=104)] = 12) -> HTMLResponse:
    """Escalation alerts, each linking to the events behind it."""
    from ..alerts import scan

    found = scan(_store(request), request.app.state.watchlist, filters.event_filter(), weeks)
    return _render(request, "alerts.html", filters, alerts=found, weeks=weeks)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, rendered from the OpenAPI schema (also at /openapi.json)."""
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "where": p["in"], "required": p.get("required", False),
                       "type": _type_name(p.get("schema", {})), "about": p.get("description", "")}
                      for p in op.get("parameters", [])]
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "about": op.get("description", ""), "params": params})
    return _render(request, "docs.html", None, endpoints=endpoints, info=schema.get("info", {}))


def _type_name(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_type_name(s) for s in schema["anyOf"] if s.get("type") != "null")
    kind = schema.get("type", "any")
    limits = [f"{k} {schema[k]}" for k in ("minimum", "maximum", "maxLength", "pattern") if k in schema]
    return kind + (f" ({', '.join(limits)})" if limits else "")
