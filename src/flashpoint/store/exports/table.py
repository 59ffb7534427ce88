"""The flat table of merged events that CSV and Parquet share.

The columns are derived from the :class:`~flashpoint.types.Event` record
itself: every field becomes one column (nested records become
``<field>_<subfield>`` columns), so a field added to the record reaches the
flat formats without an edit here. A few columns are added for analysts:
the dyad keys, one column per common quantity (``dead``, ``injured``,
``arrested``, ``troops``), the merge counts, the outlets and the first URL.

Each column has a logical type (``str``, ``int``, ``float``, ``bool``,
``date``, ``timestamp``, ``list``, ``json``) that Parquet keeps and CSV uses
to decide which cells are text (and so need formula-injection guarding).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import lru_cache
from typing import Any, Callable

from ...types import Event

QUANTITY_COLUMNS = ("dead", "injured", "arrested", "troops")
# Renamed for readability and compatibility with earlier exports.
_RENAME = {"evidence_sentence": "evidence", "evidence_trigger": "trigger", "location_lat": "lat",
           "location_lon": "lon"}
_SCALARS = {str: "str", int: "int", float: "float", bool: "bool"}
_EMPTY: dict[str, Any] = {}


@dataclasses.dataclass(frozen=True, slots=True)
class Column:
    """One flat column: its name, logical type and where its values come from.

    A record column has ``path`` (``("source", "name")``); an added column
    has ``expr``, a Python expression over one merged event ``e`` (and its
    quantities ``q``). :func:`batch_columns` compiles all of them into one
    function of list comprehensions, column by column, because calling a
    getter per cell is several times slower and exports must stream 100,000
    events a second. The code is built from the record's field names only,
    never from data.
    """

    name: str
    kind: str
    path: tuple[str, ...] = ()
    expr: str = ""


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


def _walk(cls: Any, prefix: tuple[str, ...]) -> tuple[list[Column], list[tuple[str, ...]]]:
    """Columns of a record type, and the paths of its nested records (parents first)."""
    cols: list[Column] = []
    records: list[tuple[str, ...]] = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        kind, record = _kind(hints[f.name])
        path = (*prefix, f.name)
        if record is not None:
            records.append(path)
            sub_cols, sub_records = _walk(record, path)
            cols += sub_cols
            records += sub_records
            continue
        name = "_".join(path)
        cols.append(Column(_RENAME.get(name, name), "date" if name == "date" else kind, path=path))
    return cols, records


def _json(value: Any) -> str | None:
    if value is None:
        return None
    if not value:
        return "[]" if isinstance(value, list) else json.dumps(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _quantities(event: dict[str, Any]) -> dict[str, int]:
    quantities = event.get("quantities")
    if not quantities:
        return _EMPTY
    out: dict[str, int] = {}
    for q in quantities:
        unit, value = q.get("unit"), q.get("value")
        if unit in QUANTITY_COLUMNS and isinstance(value, int) and value > out.get(unit, -1):
            out[unit] = value
    return out


def first_url(event: dict[str, Any]) -> str | None:
    """The first mention URL, whatever its scheme (callers vet it)."""
    return mentions_url(event.get("mentions"))


def mentions_url(mentions: list[dict[str, Any]] | None) -> str | None:
    """The first URL among mentions (see :func:`first_url`)."""
    for mention in mentions or ():
        if mention.get("url"):
            return mention["url"]
    return None


def mentions_outlets(mentions: list[dict[str, Any]] | None) -> list[str]:
    """The outlets of mentions, sorted, each once (the ``outlets`` column)."""
    mentions = mentions or ()
    if len(mentions) == 1:
        return [mentions[0]["outlet"]] if mentions[0].get("outlet") else []
    return sorted({m["outlet"] for m in mentions if m.get("outlet")})


def _outlets(event: dict[str, Any]) -> list[str]:
    return mentions_outlets(event.get("mentions"))


def _key(actor: dict[str, Any] | None) -> str | None:
    return (actor.get("org") or actor.get("country") or actor.get("name")) if actor else None


@lru_cache(maxsize=1)
def _layout() -> tuple[tuple[Column, ...], tuple[tuple[str, ...], ...]]:
    record_cols, records = _walk(Event, ())
    cols = [Column("id", "str", path=("id",)), *record_cols]
    cols += [Column(f"{side}_key", "str", expr=f"_key(e.get({side!r}))") for side in ("source", "target")]
    cols += [Column(unit, "int", expr=f"q.get({unit!r})") for unit in QUANTITY_COLUMNS]
    cols += [Column("num_mentions", "int", expr="e.get('num_mentions', 1)"),
             Column("num_sources", "int", expr="e.get('num_sources', 1)"),
             Column("num_articles", "int", expr="e.get('num_articles', 1)"),
             Column("first_seen", "timestamp", path=("first_seen",)),
             Column("outlets", "list", expr="_outlets(e)"),
             Column("url", "str", expr="_first_url(e)")]
    return tuple(cols), tuple(records)


def columns() -> tuple[Column, ...]:
    """Every flat column in file order: ``id``, the record's fields, dyad keys,
    quantities, merge facts."""
    return _layout()[0]


def column_names() -> tuple[str, ...]:
    return tuple(c.name for c in columns())


def _list_name(path: tuple[str, ...]) -> str:
    return "r_" + "_".join(path) if path else "batch"


def _comprehension(col: Column) -> str:
    if col.expr:
        source = "zip(batch, qs)" if "q." in col.expr else "batch"
        target = "e, q" if "q." in col.expr else "e"
        return f"[{col.expr} for {target} in {source}]"
    value = f"x.get({col.path[-1]!r})"
    if col.kind == "json":
        value = f"_json({value})"
    elif col.kind == "list":
        value = f"list({value} or ())"
    return f"[{value} for x in {_list_name(col.path[:-1])}]"


@lru_cache(maxsize=1)
def _batch_function() -> Callable[[list[dict[str, Any]]], list[list[Any]]]:
    cols, records = _layout()
    lines = ["def batch_columns(batch):", "    qs = [_quantities(e) for e in batch]"]
    for path in records:
        lines.append(f"    {_list_name(path)} = [x.get({path[-1]!r}) or _EMPTY for x in {_list_name(path[:-1])}]")
    lines.append("    return [")
    lines += [f"        {_comprehension(c)}," for c in cols]
    lines.append("    ]")
    scope: dict[str, Any] = {"_EMPTY": _EMPTY, "_json": _json, "_quantities": _quantities, "_outlets": _outlets,
                             "_first_url": first_url, "_key": _key}
    exec(compile("\n".join(lines) + "\n", "<flashpoint.store.exports.table>", "exec"), scope)  # noqa: S102 - see Column
    return scope["batch_columns"]


def batch_columns(events: list[dict[str, Any]]) -> list[list[Any]]:
    """The values of many merged events, column by column (in :func:`columns` order)."""
    return _batch_function()(events)


def row(event: dict[str, Any]) -> list[Any]:
    """One merged event as raw values in :func:`columns` order."""
    return [values[0] for values in batch_columns([event])]
