"""The flat table of merged events that CSV and Parquet share.

The columns are derived from the :class:`~flashpoint.types.Event` record
itself: every field becomes one column (nested records become
``<field>_<subfield>`` columns), so a field added to the record reaches the
flat formats without an edit here. A few columns are added for analysts:
one column per common quantity (``dead``, ``injured``, ``arrested``,
``troops``), the merge counts, the first http(s) URL and the outlets.

Each column has a logical type (``str``, ``int``, ``float``, ``bool``,
``date``, ``timestamp``, ``list``) that Parquet keeps and CSV uses to decide
which cells are text (and so need formula-injection guarding).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from functools import lru_cache
from typing import Any, Callable

from ...types import Event

QUANTITY_COLUMNS = ("dead", "injured", "arrested", "troops")
# Renamed for readability and compatibility with earlier exports.
_RENAME = {"evidence_sentence": "evidence", "evidence_trigger": "trigger", "location_lat": "lat", "location_lon": "lon"}
_SCALARS = {str: "str", int: "int", float: "float", bool: "bool"}


@dataclasses.dataclass(frozen=True, slots=True)
class Column:
    """One flat column: its name, logical type and the expression that reads it.

    ``expr`` is a Python expression over the merged event ``e``; :func:`row`
    compiles all of them into one function, because calling a getter per
    cell is four times slower and exports must stream 100,000 events a second.
    Expressions are built from the record's field names only, never from data.
    """

    name: str
    kind: str
    expr: str


def _kind(hint: Any) -> tuple[str, Any]:
    """Logical kind of a type hint, and the dataclass when it is a record."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _kind(args[0])
    if origin is tuple:
        inner = args[0] if args else str
        return ("list", None) if inner is str else ("json", None)
    if dataclasses.is_dataclass(hint):
        return "record", hint
    return _SCALARS.get(hint, "json"), None


def _expr(path: tuple[str, ...], kind: str) -> str:
    # A nested field reads from a local bound once per row (see _row_function).
    expr = f"r_{'_'.join(path[:-1])}" if len(path) > 1 else "e"
    expr = f"{expr}.get({path[-1]!r})"
    if kind == "json":
        return f"_json({expr})"
    if kind == "list":
        return f"list({expr} or ())"
    return expr


def _record_columns(cls: Any, prefix: tuple[str, ...]) -> list[Column]:
    out: list[Column] = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        kind, record = _kind(hints[f.name])
        path = (*prefix, f.name)
        if record is not None:
            out += _record_columns(record, path)
            continue
        name = "_".join(path)
        if name == "date":
            kind = "date"
        out.append(Column(_RENAME.get(name, name), kind, _expr(path, kind)))
    return out


def _record_prefixes(cls: Any, prefix: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Paths of the nested records of ``cls``, parents before children."""
    out: list[tuple[str, ...]] = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        _, record = _kind(hints[f.name])
        if record is not None:
            out.append((*prefix, f.name))
            out += _record_prefixes(record, (*prefix, f.name))
    return out


def _json(value: Any) -> str | None:
    if value is None:
        return None
    if not value:
        return "[]" if isinstance(value, list) else json.dumps(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _quantities(event: dict[str, Any]) -> dict[str, int]:
    out: dict[str, int] = {}
    for q in event.get("quantities") or ():
        unit, value = q.get("unit"), q.get("value")
        if unit in QUANTITY_COLUMNS and isinstance(value, int) and value > out.get(unit, -1):
            out[unit] = value
    return out


def first_url(event: dict[str, Any]) -> str | None:
    """The first mention URL, whatever its scheme (callers vet it)."""
    return next((m.get("url") for m in event.get("mentions") or () if m.get("url")), None)


def _outlets(event: dict[str, Any]) -> list[str]:
    mentions = event.get("mentions") or ()
    if len(mentions) == 1:
        return [mentions[0]["outlet"]] if mentions[0].get("outlet") else []
    return sorted({m["outlet"] for m in event.get("mentions") or () if m.get("outlet")})


def _key(actor: dict[str, Any] | None) -> str | None:
    return (actor.get("org") or actor.get("country") or actor.get("name")) if actor else None


@lru_cache(maxsize=1)
def columns() -> tuple[Column, ...]:
    """Every flat column in file order: ``id``, the record's fields, dyad keys,
    quantities, merge facts."""
    cols = [Column("id", "str", "e.get('id')")]
    cols += _record_columns(Event, ())
    cols += [Column(f"{side}_key", "str", f"_key(e.get({side!r}))") for side in ("source", "target")]
    cols += [Column(unit, "int", f"q.get({unit!r})") for unit in QUANTITY_COLUMNS]
    cols += [Column("num_mentions", "int", "e.get('num_mentions', 1)"),
             Column("num_sources", "int", "e.get('num_sources', 1)"),
             Column("num_articles", "int", "e.get('num_articles', 1)"),
             Column("first_seen", "timestamp", "e.get('first_seen')"),
             Column("outlets", "list", "_outlets(e)"),
             Column("url", "str", "_first_url(e)")]
    return tuple(cols)


def column_names() -> tuple[str, ...]:
    return tuple(c.name for c in columns())


@lru_cache(maxsize=1)
def _row_function() -> Callable[[dict[str, Any]], list[Any]]:
    body = ",\n        ".join(c.expr for c in columns())
    lines = ["def row(e):", "    q = _quantities(e)"]
    for prefix in _record_prefixes(Event, ()):
        parent = f"r_{'_'.join(prefix[:-1])}" if len(prefix) > 1 else "e"
        lines.append(f"    r_{'_'.join(prefix)} = {parent}.get({prefix[-1]!r}) or _EMPTY")
    source = "\n".join(lines) + f"\n    return [\n        {body},\n    ]\n"
    scope: dict[str, Any] = {"_EMPTY": {}, "_json": _json, "_quantities": _quantities, "_outlets": _outlets,
                             "_first_url": first_url, "_key": _key}
    exec(compile(source, "<flashpoint.store.exports.table>", "exec"), scope)  # noqa: S102 - see Column
    return scope["row"]


def parse_date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def parse_timestamp(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        stamp = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)


def row(event: dict[str, Any]) -> list[Any]:
    """One merged event as raw values in :func:`columns` order."""
    return _row_function()(event)
