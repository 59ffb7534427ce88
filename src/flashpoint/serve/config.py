"""What one ``flashpoint serve`` process is started with."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import UsageError

MAX_BODY = 1_000_000  # bytes of an ingest request
TOKEN_ENV = "FLASHPOINT_TOKEN"
# Where a server started with several worker processes leaves its options for
# them: uvicorn starts each worker from an import string, not from an object.
CONFIG_ENV = "FLASHPOINT_SERVE_CONFIG"


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

    def to_json(self) -> str:
        """The options as JSON (paths as strings), for :data:`CONFIG_ENV`."""
        return json.dumps(asdict(self), default=str)

    @classmethod
    def from_json(cls, text: str) -> "ServeConfig":
        """The inverse of :meth:`to_json`."""
        try:
            raw = json.loads(text)
            given = raw.get("settings") or {"db": raw["db"]}
            settings = {f.name: given[f.name] for f in fields(Settings) if f.name in given}
            settings["actor_files"] = tuple(Path(p) for p in settings.get("actor_files", ()))
            if settings.get("petrarch_dicts") is not None:
                settings["petrarch_dicts"] = Path(settings["petrarch_dicts"])
            return cls(db=raw["db"], settings=Settings(**settings), token=raw.get("token"),
                       max_body=int(raw.get("max_body", MAX_BODY)),
                       watchlist=Path(raw["watchlist"]) if raw.get("watchlist") else None)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise UsageError(f"${CONFIG_ENV} is not a serve configuration ({exc}); start the server"
                             " with flashpoint serve") from None

    @classmethod
    def from_env(cls, environ: Any = None) -> "ServeConfig":
        """The configuration ``flashpoint serve --workers N`` left in :data:`CONFIG_ENV`."""
        text = (os.environ if environ is None else environ).get(CONFIG_ENV)
        if not text:
            raise UsageError(f"${CONFIG_ENV} is not set; start the server with flashpoint serve --workers N")
        return cls.from_json(text)
