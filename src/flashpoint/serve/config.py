"""What one ``flashpoint serve`` process is started with."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..errors import UsageError

MAX_BODY = 1_000_000  # bytes of an ingest request
TOKEN_ENV = "FLASHPOINT_TOKEN"


@dataclass(frozen=True)
class ServeConfig:
    """Options of the server; built once by the CLI (or a test) and passed down.

    ``token`` turns on ``POST /api/v1/ingest`` (read-only without one);
    ``watchlist`` is an alerts config file (see :mod:`flashpoint.alerts.watchlist`).
    """

    db: str
    settings: Settings = field(default_factory=Settings)
    token: str | None = None
    max_body: int = MAX_BODY
    watchlist: Path | None = None

    def __post_init__(self) -> None:
        if self.token is not None and len(self.token) < 16:
            raise UsageError("the ingest token must be at least 16 characters; generate one with"
                             " python -c 'import secrets; print(secrets.token_urlsafe())'")
        if self.db.strip() in ("memory:", ":memory:"):
            raise UsageError("serve needs a database file or postgresql:// URL, not memory:")
