"""The REST API under ``/api/v1``: thin routes over the store's queries.

Each route parses its parameters (:mod:`.params`), calls one library
function and shapes the answer. Errors from the library become JSON
``{"error": ...}`` answers in :mod:`.app`.
"""

# No `from __future__ import annotations`: FastAPI reads the signatures.

import hmac
import json
from dataclasses import replace
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from ..errors import InputError, UsageError
from ..store import queries
from .formats import render
from .params import FilterParams, PageParams, hint_texts

router = APIRouter(prefix="/api/v1")

EventId = Annotated[str, Path(max_length=100)]


def _store(request: Request) -> Any:
    return request.app.state.stores.get()


@router.get("/events", summary="Merged events, one page at a time")
def list_events(
    request: Request,
    filters: FilterParams = Depends(),
    page: PageParams = Depends(),
    format: Annotated[str, Query(pattern="^(json|csv|geojson|ndjson)$")] = "json",
) -> Response:
    """Merged events matching every given filter, newest first (``order=oldest``
    for the other way), ``size`` per page. Pass ``next_cursor`` back as
    ``cursor`` for the next page. An empty answer carries ``hints`` when a
    filter names no known actor, CAMEO code or PLOVER type."""
    store = _store(request)
    flt = filters.event_filter()
    result = queries.event_page(store, page.event_query(flt))
    hints = hint_texts(store, flt) if not result.events and not page.cursor else []
    body, media = render(result.events, format, {"next_cursor": result.next_cursor, "hints": hints})
    headers = {}
    if result.next_cursor:
        headers["X-Next-Cursor"] = result.next_cursor
    if hints:
        headers["X-Flashpoint-Hint"] = " | ".join(hints).encode("ascii", "replace").decode()
    return Response(body, media_type=media, headers=headers)


@router.get("/events/{event_id}", summary="One event with every report behind it")
def get_event(request: Request, event_id: EventId) -> dict[str, Any]:
    """The merged event, its reports (article, outlet, link, sentence, character
    offsets, trigger, rule, confidence, modality) and syndicated copies."""
    found = queries.event_detail(_store(request), event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}; list events at /api/v1/events")
    return found


@router.get("/series", summary="Events per period by QuadClass")
def get_series(
    request: Request,
    filters: FilterParams = Depends(),
    freq: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "week",
) -> JSONResponse:
    """Counts per QuadClass, Goldstein sum and mean and the share of conflict
    (QuadClass 3 and 4) per period, for a dyad (``source`` and ``target``), an
    actor, a country or a CAMEO prefix; periods without events are zeros."""
    store = _store(request)
    flt = filters.event_filter()
    periods = queries.series_dicts(store, flt, freq)
    hints = hint_texts(store, flt) if not any(p["count"] for p in periods) else []
    # Plain values already, so no pass of FastAPI's per-value encoder, and
    # orjson: ten years of weeks took json.dumps 0.9 ms, orjson 0.1 ms.
    return Response(orjson.dumps({"freq": freq, "periods": periods, "hints": hints}), media_type="application/json")


@router.get("/actors/{key}", summary="An actor's profile")
def get_actor(request: Request, key: Annotated[str, Path(max_length=200)], filters: FilterParams = Depends(),
              top: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    """Events, first and last seen, top partners and CAMEO codes of an actor
    (its key: org id, ISO3 country or name; also matches codes and names)."""
    store = _store(request)
    flt = replace(filters.event_filter(), actor=None)
    profile = queries.actor_profile(store, key, flt, top)
    profile["hints"] = hint_texts(store, replace(flt, actor=key)) if not profile["events"] else []
    return profile


@router.get("/dyads", summary="Directed dyads with counts and Goldstein")
def get_dyads(request: Request, filters: FilterParams = Depends(),
              top: Annotated[int, Query(ge=1, le=500)] = 20) -> dict[str, Any]:
    """The busiest directed pairs under the filters, most events first."""
    return {"dyads": queries.dyads(_store(request), filters.event_filter(), top)}


@router.get("/alerts", summary="Escalation alerts")
def get_alerts(request: Request, filters: FilterParams = Depends(),
               weeks: Annotated[int, Query(ge=1, le=104)] = 12) -> dict[str, Any]:
    """Alerts over the last ``weeks`` weeks with data (or the filters' dates),
    each with its detector, its numbers and the events behind it."""
    from ..alerts import scan

    found = scan(_store(request), request.app.state.watchlist, filters.event_filter(), weeks)
    return {"alerts": [a.as_dict() for a in found]}


@router.get("/changes", summary="New, merged and deleted events since a cursor")
def get_changes(request: Request, cursor: Annotated[str | None, Query(max_length=100)] = None,
                size: Annotated[int, Query(ge=1, le=10000)] = 500) -> dict[str, Any]:
    """Changes in the order they happened. Start without a cursor, keep the
    ``next_cursor`` and ask again later; an empty ``changes`` means up to date."""
    rows, nxt = queries.changes(_store(request), cursor, size)
    return {"changes": rows, "next_cursor": nxt}


@router.get("/stats", summary="Row counts")
def get_stats(request: Request) -> dict[str, int]:
    return _store(request).counts()


@router.post("/ingest", summary="Code and store articles (needs the server's token)")
async def post_ingest(request: Request) -> JSONResponse:
    """Body: a JSON list of records ``{"id"?, "text", "date"?, "title"?, "url"?,
    "outlet"?}`` (or one record). Send ``Authorization: Bearer TOKEN``; the
    server accepts this only when started with ``--token``."""
    token = request.app.state.config.token
    if token is None:
        raise HTTPException(403, "this server is read-only; start it with --token (or $FLASHPOINT_TOKEN) to accept ingest")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise HTTPException(401, "wrong or missing token; send Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})
    raw = await request.body()
    try:
        records = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageError("the body is not UTF-8; send JSON encoded as UTF-8") from None
    except ValueError as exc:
        raise UsageError(f"the body is not JSON: {exc}") from None
    if isinstance(records, dict):
        records = [records]
    if not isinstance(records, list) or not records:
        raise UsageError("send a JSON list of article records, each with a 'text' field")
    from starlette.concurrency import run_in_threadpool

    report = await run_in_threadpool(_ingest, request, records)
    return JSONResponse(report)


def _ingest(request: Request, records: list[Any]) -> dict[str, Any]:
    from ..ingest.records import record_items
    from ..ingest.runner import ingest
    from ..ingest.source import ListSource
    from ..pipeline import code_articles

    settings = request.app.state.config.settings
    items = [item for n, rec in enumerate(records) for item in record_items(rec, f"request:{n + 1}", settings.max_chars)]
    if not any(getattr(i, "text", None) for i in items):
        reasons = "; ".join(getattr(i, "reason", "") for i in items)[:500]
        raise InputError(f"no article could be read from the body: {reasons}")
    report = ingest(ListSource(items), _store(request), code_articles, settings)
    return report.to_dict()

