"""A page of events as JSON, CSV, GeoJSON or NDJSON.

CSV and NDJSON reuse the exporters of :mod:`flashpoint.store.exports`, so a
file from the API and one from ``flashpoint export`` have the same columns.
"""

from __future__ import annotations

import io
import json
from typing import Any

from ..store.exports import export
from ..store.exports.table import column_names, row

FORMATS = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "ndjson": "application/x-ndjson",
}


def geojson(events: list[dict[str, Any]]) -> dict[str, Any]:
    """Located events as a FeatureCollection (unlocated ones are left out)."""
    features = []
    names = column_names()
    for event in events:
        flat = dict(zip(names, row(event)))
        if flat["lat"] is None or flat["lon"] is None:
            continue
        props = {k: v for k, v in flat.items() if k not in ("lat", "lon")}
        features.append({"type": "Feature", "id": flat["id"],
                         "geometry": {"type": "Point", "coordinates": [flat["lon"], flat["lat"]]},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


def render(events: list[dict[str, Any]], fmt: str, meta: dict[str, Any]) -> tuple[str, str]:
    """Body and media type of ``events`` in ``fmt``; ``meta`` (cursor, hints)
    goes into the JSON envelope (other formats carry it in headers)."""
    if fmt == "json":
        return json.dumps({**meta, "events": events}, ensure_ascii=False), FORMATS[fmt]
    if fmt == "geojson":
        return json.dumps({**geojson(events), **meta}, ensure_ascii=False), FORMATS[fmt]
    out = io.StringIO()
    export(events, "csv" if fmt == "csv" else "jsonl", out)
    return out.getvalue(), FORMATS[fmt]
