"""GDELT rows from a store's pages, built a column at a time.

The dict path (:func:`.gdelt.write_gdelt`) decodes each stored record with
``json.loads`` (about 18 µs a record, most of a GDELT export). Here Arrow's
JSON reader decodes only the two dozen fields the rows print
(:mod:`.records`), and each column of a page becomes its cells in one pass:
actors, places, days and the action's cells through the same bounded memos,
the rest with ``str``. The bytes are the dict path's; where they might not
be, the page goes the dict path instead (:class:`_AsDicts`):

* a value Arrow cannot read as the record's type (``1.0`` for an integer,
  ``0`` for a flag, a string for a number): the reader raises;
* a whole number in a float field: ``json.loads`` gives ``3`` for ``3`` and
  ``3.0`` for ``3.0`` and GDELT prints what it got, while Arrow gives
  ``3.0`` for both, so such a value must be written ``3.0`` in its record
  (Flashpoint writes its floats that way);
* a full page (with mentions) rather than a brief one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import IO, Any

from ...errors import StoreError
from ..pages import EventPage, page_events
from . import codes
from .gdelt import _ACTORS, _ADDED, _DAYS, _NO_GEO, _Memo, _cell, _geo_cells, global_id, side_header, write_rows
from .records import read_records, subschema
from .report import SAFE_SCHEMES, ExportReport, safe_url

_ACTOR = ("code", "name", "country", "org", "sector")
_PLACE = ("name", "country", "lat", "lon", "precision")
_ROW_FIELDS = {"date": None, "source": _ACTOR, "target": _ACTOR, "cameo": None, "cameo_root": None,
               "quad_class": None, "goldstein": None, "location": _PLACE}
_SIDE_FIELDS = {"modality": None, "negated": None, "confidence": None, "attribution": ("code",),
                "date_precision": None, "quantities": None, "rule": None, "evidence": ("trigger",),
                "statement": None}
_UNITS = ("dead", "injured", "arrested", "troops")
# Between NumArticles and ActionGeo: AvgTone, then the two actor geo blocks (Flashpoint places events).
_MIDDLE = "\t".join(("0", _NO_GEO, _NO_GEO))


class _AsDicts(Exception):
    """This page must be written from dicts (see the module docstring)."""


def _action_cells(key: tuple[Any, ...]) -> str:
    cameo, root, quad, goldstein = key
    cameo = cameo or ""
    return "\t".join(("1", _cell(cameo), _cell(cameo[:3]), _cell(root), "" if quad is None else str(quad),
                      "" if goldstein is None else str(goldstein)))


# Keyed by Arrow's floats only: a dict key does not tell 3 from 3.0, so these
# memos are not shared with the dict path, whose values may be either.
_ACTIONS = _Memo(_action_cells)
_PLACES = _Memo(lambda key: "\t".join(_geo_cells(key)))


@lru_cache(maxsize=2)
def _schema(side: bool) -> Any:
    from .parquet import _record_schema

    return subschema(_record_schema(), {**_ROW_FIELDS, **(_SIDE_FIELDS if side else {})})


def _floats(records: Sequence[str], flat: Any, key: str, column: str) -> list[Any]:
    """The values of a float column as the dict path prints them.

    Raises :class:`_AsDicts` unless every whole number is written as a
    float (``3.0``) in its record. A negative zero comes back as the text
    ``"-0.0"``: as a memo key ``-0.0`` would find ``0.0``'s cells.
    """
    import numpy as np

    array = flat.column(column)
    values = array.to_numpy(zero_copy_only=False)
    out = array.to_pylist()
    with np.errstate(invalid="ignore"):
        whole = np.isfinite(values) & (values == np.floor(values))
    for i in np.flatnonzero(whole).tolist():
        if f'"{key}":{out[i]!r}' not in records[i]:
            raise _AsDicts(key)
    for i in np.flatnonzero(whole & (values == 0) & np.signbit(values)).tolist():
        out[i] = "-0.0"
    return out


def _url_cell(url: str | None, report: ExportReport) -> str:
    if not url:
        return ""
    if not url.startswith(SAFE_SCHEMES):
        url = safe_url(url, report)
        if url is None:
            return ""
    return _cell(url)


def _flag(value: bool | None) -> str:
    return "" if value is None else ("1" if value else "0")


def _side_lines(gids: list[str], ids: Sequence[str], get: Any) -> list[str]:
    amounts = [{q["unit"]: q["value"] for q in qs} if qs else {} for qs in get("quantities")]
    cells = zip(gids, map(_cell, ids), map(_cell, get("modality")), map(_flag, get("negated")),
                map(_cell, get("confidence")), (_cell(codes.cameo_actor_code(c)) for c in get("attribution.code")),
                map(_cell, get("date_precision")), map(_cell, get("location.precision")),
                *([_cell(a.get(unit)) for a in amounts] for unit in _UNITS),
                map(_cell, get("rule")), map(_cell, get("evidence.trigger")), map(_flag, get("statement")))
    return ["\t".join(row) for row in cells]


def page_lines(page: EventPage, report: ExportReport, side: bool) -> tuple[list[str], list[str]]:
    """The GDELT rows (and side-file rows when ``side``) of a brief page, without newlines.

    Raises:
        _AsDicts: the page must be written from dicts.
    """
    if page.mentions is not None:
        raise _AsDicts("mentions")
    cols = page.columns()
    records = cols["record"]
    try:
        flat = read_records(records, _schema(side)).flatten()
    except StoreError as exc:
        raise _AsDicts(str(exc)) from exc

    floats = {"goldstein": "goldstein", "location.lat": "lat", "location.lon": "lon", **({"confidence": "confidence"} if side else {})}
    # Float fields, each key once in a record: checked first, so a page bound for the dict path costs little.
    checked = {column: _floats(records, flat, key, column) for column, key in floats.items()}

    def get(name: str) -> list[Any]:
        return checked[name] if name in checked else flat.column(name).to_pylist()

    ids = cols["id"]
    gids = [global_id(i) for i in ids]
    days = [_DAYS[row if row is not None else rec] for row, rec in zip(cols["date"], get("date"))]
    actors = [map(_ACTORS.__getitem__, zip(*(get(f"{side_}.{k}") for k in _ACTOR))) for side_ in ("source", "target")]
    actions = map(_ACTIONS.__getitem__, zip(get("cameo"), get("cameo_root"), get("quad_class"), get("goldstein")))
    counts = [[str(int(n)) for n in cols[name]] for name in ("num_mentions", "num_sources", "num_articles")]
    places = map(_PLACES.__getitem__, zip(*(get(f"location.{k}") for k in _PLACE)))
    added = [_ADDED[seen or ""] for seen in cols["first_seen"]]
    urls = [_url_cell(url, report) for url in cols["first_url"]]
    lines = ["\t".join(row) for row in zip(gids, days, *actors, actions, *counts, [_MIDDLE] * len(ids), places,
                                           added, urls)]
    return lines, (_side_lines(gids, ids, get) if side else [])


def write_gdelt_pages(pages: Iterable[EventPage], fh: IO[str], report: ExportReport,
                      side: IO[str] | None = None) -> None:
    """What :func:`.gdelt.write_gdelt` writes for the pages' events, a page at a time."""
    if side is not None:
        side_header(side)
    for page in pages:
        try:
            lines, side_rows = page_lines(page, report, side is not None)
        except _AsDicts:
            write_rows(page_events(page), fh, report, side)
            continue
        if lines:
            fh.write("\n".join(lines) + "\n")
            if side is not None:
                side.write("\n".join(side_rows) + "\n")
        report.written += len(lines)
