"""A page of events as JSON, CSV, GeoJSON or NDJSON.

CSV and NDJSON reuse the exporters of :mod:`flashpoint.store.export`, so a
file from the API and one from ``flashpoint export`` have the same columns.
"""

from __future__ import annotations

import io
import json
from typing import Any

from ..store.export import export, flat

FORMATS = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "ndjson": "application/x-ndjson",
}


def geojson(events: list[dict[str, Any]]) -> dict[str, Any]:
    """Located events as a FeatureCollection (unlocated ones are left out)."""
    features = []
    for event in events:
        row = flat(event)
        if row["lat"] is None or row["lon"] is None:
            continue
        props = {k: v for k, v in row.items() if k not in ("lat", "lon")}
        features.append({"type": "Feature", "id": row["id"],
                         "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
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
