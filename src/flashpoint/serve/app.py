"""The application: API and dashboard in one FastAPI app, no globals.

``create_app(config)`` wires the store pool, the routers, the security
headers (a ``default-src 'self'`` content security policy on every answer),
the request size limit and the error answers.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import FlashpointError, StoreError
from ..store import queries
from .cache import ResponseCache
from .config import ServeConfig
from .stores import StorePool

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
       " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(config: ServeConfig) -> FastAPI:
    """Build the app for ``config``; nothing is opened until it starts."""
    from ..alerts.watchlist import load_watchlist
    from . import api, pages

    stores = StorePool(config.db)
    watchlist = load_watchlist(config.watchlist)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            stores.close()

    # The stock /docs page loads its script from a CDN; ours is rendered here (pages.api_docs).
    app = FastAPI(title="Flashpoint", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political event data with the evidence behind every number. Read-only unless"
                              " started with a token.")
    app.state.config = config
    app.state.stores = stores
    app.state.watchlist = watchlist
    app.include_router(api.router)
    app.include_router(pages.router)
    static = resources.files("flashpoint") / "serve" / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(ResponseCache, version=lambda: queries.data_version(stores.get()),
                       salt=f"{config.db}|{__version__}")
    app.add_middleware(BodyLimit, max_body=config.max_body)
    app.add_middleware(SecurityHeaders)
    _errors(app)
    return app


def app_from_env() -> FastAPI:
    """The app for one of several worker processes (``flashpoint serve --workers N``).

    uvicorn starts each worker from the import string
    ``flashpoint.serve.app:app_from_env`` (a factory); the options come from
    the environment the parent left (:data:`~flashpoint.serve.config.CONFIG_ENV`).
    Each worker has its own store connections and its own answer cache, which
    stays correct across workers because it is keyed on the database's data version.
    """
    return create_app(ServeConfig.from_env())


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def _errors(app: FastAPI) -> None:
    @app.exception_handler(FlashpointError)
    async def library_error(request: Request, exc: FlashpointError) -> JSONResponse:
        status = 503 if isinstance(exc, StoreError) else 400
        return _error(status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors()[:10]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
            problems.append(f"{where}: {err.get('msg')}")
        return _error(400, "bad parameters: " + "; ".join(problems))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


class SecurityHeaders:
    """Adds the content security policy and friends to every answer (pure ASGI)."""

    HEADERS = [
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    h for h in self.HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """Refuses a request body over ``max_body`` bytes with 413, whether it
    declares its length or streams it (pure ASGI, before any route reads it)."""

    def __init__(self, app: Any, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body:
            await _too_large(self.max_body, scope, receive, send)
            return
        seen = 0

        async def counted() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await _too_large(self.max_body, scope, receive, send)


class _TooLarge(Exception):
    pass


async def _too_large(limit: int, scope: dict, receive: Any, send: Any) -> None:
    await _error(413, f"request body over {limit} bytes; send fewer articles per request")(scope, receive, send)
