"""``flashpoint serve``: the REST API and the dashboard over one database."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..config import Settings
from ..errors import FlashpointError
from .common import fail


@click.command("serve")
@click.option("--db", "db", help="SQLite file or postgresql:// URL (default $FLASHPOINT_DB or ./flashpoint.db).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--token", default=None, help="Accept POST /api/v1/ingest with this bearer token "
              "(default $FLASHPOINT_TOKEN); without one the server is read-only.")
@click.option("--watchlist", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Alerts watchlist (YAML; see docs/OPERATIONS.md).")
@click.option("--max-body", default=1_000_000, show_default=True, type=click.IntRange(1_000, 100_000_000),
              help="Largest ingest request body, in bytes.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes sharing the port (each with its own connections and answer cache).")
def serve_command(db, host, port, token, watchlist, max_body, workers) -> None:
    """Serve the API (/api/v1, reference at /docs) and the dashboard (/).

    With --workers N, N processes answer requests side by side; a request's
    Python work (filters, JSON) then runs on every core instead of one.

    \b
    Examples:
      flashpoint serve --db flashpoint.db
      flashpoint serve --db flashpoint.db --workers 2
      FLASHPOINT_TOKEN=... flashpoint serve --db postgresql://localhost/events --port 8080
    """
    try:
        import orjson  # noqa: F401 - the API's JSON encoder, imported by the app when it is built
        import uvicorn

        from ..serve import ServeConfig, create_app
        from ..serve.config import CONFIG_ENV
    except ImportError as exc:
        fail(f"serve needs the serve extra ({exc.name} is missing); pip install 'flashpoint[serve]'")
    settings = Settings.from_env(db=db)
    try:
        config = ServeConfig(db=settings.db, settings=settings, token=token or os.environ.get("FLASHPOINT_TOKEN") or None,
                             watchlist=watchlist, max_body=max_body)
        app = create_app(config)
        app.state.stores.check()
    except FlashpointError as exc:
        fail(str(exc), exc.exit_code)
    mode = "ingest enabled (token)" if config.token else "read-only"
    procs = f", {workers} worker processes" if workers > 1 else ""
    click.echo(f"serving {settings.db} at http://{host}:{port}/ ({mode}{procs}); API reference at /docs", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
        return
    # uvicorn starts each worker from an import string; the app factory there
    # reads this process's options from the environment the workers inherit.
    app.state.stores.close()
    os.environ[CONFIG_ENV] = config.to_json()
    uvicorn.run("flashpoint.serve.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                log_level="warning", server_header=False)


commands = [serve_command]
