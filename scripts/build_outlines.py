#!/usr/bin/env python3
"""Build the dashboard's country outlines from Natural Earth (public domain).

Source: the ``naturalearth_lowres`` shapefile (Natural Earth 1:110m admin-0
countries) shipped inside the geopandas 0.14.4 wheel on PyPI. Run once by a
maintainer; the output is committed, so nothing is fetched at run time:

    pip download geopandas==0.14.4 --no-deps -d /tmp/ne
    python scripts/build_outlines.py /tmp/ne/geopandas-0.14.4-py3-none-any.whl \
        src/flashpoint/serve/static/outlines.json

The output maps each ISO3 code to its rings ([[lon, lat], ...]), rounded to
0.1 degree with points closer than ``MIN_STEP`` degrees dropped.
"""

from __future__ import annotations

import json
import struct
import sys
import zipfile

MIN_STEP = 0.35
BASE = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"


def read_dbf(data: bytes) -> list[dict[str, str]]:
    n, header_len, record_len = struct.unpack("<xxxxIHH", data[:12])
    fields = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    out = []
    for i in range(n):
        rec = data[header_len + i * record_len: header_len + (i + 1) * record_len]
        at, row = 1, {}
        for name, size in fields:
            row[name] = rec[at:at + size].decode("utf-8", "replace").strip()
            at += size
        out.append(row)
    return out


def read_polygons(data: bytes) -> list[list[list[tuple[float, float]]]]:
    pos, shapes = 100, []
    while pos < len(data):
        _, length = struct.unpack(">ii", data[pos:pos + 8])
        body = data[pos + 8: pos + 8 + length * 2]
        pos += 8 + length * 2
        kind = struct.unpack("<i", body[:4])[0]
        if kind != 5:
            shapes.append([])
            continue
        n_parts, n_points = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", body[44:44 + 4 * n_parts])) + [n_points]
        at = 44 + 4 * n_parts
        pts = [struct.unpack("<dd", body[at + 16 * i: at + 16 * i + 16]) for i in range(n_points)]
        shapes.append([pts[parts[i]:parts[i + 1]] for i in range(n_parts)])
    return shapes


def simplify(ring: list[tuple[float, float]]) -> list[list[float]]:
    kept = [ring[0]]
    for x, y in ring[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= MIN_STEP:
            kept.append((x, y))
    return [[round(x, 1), round(y, 1)] for x, y in kept]


def main(wheel: str, out: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        rows = read_dbf(z.read(BASE + ".dbf"))
        shapes = read_polygons(z.read(BASE + ".shp"))
    outlines: dict[str, list] = {}
    for row, rings in zip(rows, shapes):
        code = row.get("iso_a3") or ""
        if code in ("", "-99"):
            code = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX"}.get(row.get("name", ""), "")
        if not code:
            continue
        kept = [r for r in (simplify(ring) for ring in rings) if len(r) >= 4]
        if kept:
            outlines.setdefault(code, []).extend(kept)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump({"source": "Natural Earth 1:110m admin-0 (public domain), via geopandas 0.14.4",
                   "countries": outlines}, fh, separators=(",", ":"))
    print(f"{len(outlines)} countries -> {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
