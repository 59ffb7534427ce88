"""The analyst's desk: a REST API and a server-rendered dashboard over a store.

``create_app(ServeConfig(db=...))`` builds the FastAPI application;
``flashpoint serve`` runs it with uvicorn. Needs the ``serve`` extra
(``pip install 'flashpoint[serve]'``).
"""

from __future__ import annotations

from .config import ServeConfig

__all__ = ["ServeConfig", "create_app"]


def create_app(config: ServeConfig):  # noqa: ANN201 - FastAPI is an optional import
    """Build the application (see :func:`flashpoint.serve.app.create_app`)."""
    from .app import create_app as build

    return build(config)
