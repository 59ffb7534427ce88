"""Versioned schema migrations, run when a database is opened.

Migrations are numbered SQL files in ``store/migrations``
(``0001_initial.sql``). Numbers rise but may leave gaps, so work on
parallel branches can take numbers that do not collide (the backfill's
checkpoint tables are ``0113_scale_backfill.sql``); a database gets every
migration it has not applied yet, in number order. A file named ``0002_x.postgres.sql`` or
``0002_x.sqlite.sql`` replaces ``0002_x.sql`` for that dialect only, so
variants exist only where the dialects really differ. Applied versions are
rows of ``schema_version``; each migration runs in its own transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import StoreError

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+?)(?:\.(sqlite|postgres))?\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


@lru_cache(maxsize=4)
def migrations(dialect: str) -> tuple[Migration, ...]:
    """The migrations for ``dialect`` ("sqlite" or "postgres"), oldest first."""
    chosen: dict[int, tuple[bool, Migration]] = {}
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if not match:
            continue
        version, name, variant = int(match[1]), match[2], match[3]
        if variant not in (None, dialect):
            continue
        specific = variant is not None
        if version in chosen and chosen[version][0] and not specific:
            continue
        chosen[version] = (specific, Migration(version, name, entry.read_text(encoding="utf-8")))
    found = [chosen[v][1] for v in sorted(chosen)]
    if not found or found[0].version != 1:
        raise StoreError(f"migration files must start at 0001: {[m.version for m in found]}; reinstall flashpoint")
    return tuple(found)


def latest(dialect: str) -> int:
    """The schema version this code writes."""
    return migrations(dialect)[-1].version


def check_version(current: int, dialect: str, where: str) -> None:
    """Refuse a database written by a newer Flashpoint."""
    newest = latest(dialect)
    if current > newest:
        raise StoreError(
            f"{where} has schema version {current} but this Flashpoint only knows up to "
            f"{newest}; upgrade flashpoint (pip install -U flashpoint) or use another database"
        )


CREATE_VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
)
