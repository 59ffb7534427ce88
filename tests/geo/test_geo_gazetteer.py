"""The shipped gazetteer and a small hand-built one."""

from __future__ import annotations

import gzip
import math
from pathlib import Path

import pytest

from flashpoint.errors import DataFileError
from flashpoint.geo.gazetteer import Gazetteer, Place


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def test_load_is_fast_and_cached(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz
    assert len(gaz) > 30_000


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Lagos", "NGA", 6.45, 3.39),  # Africa
        ("Nairobi", "KEN", -1.28, 36.82),
        ("Buenos Aires", "ARG", -34.61, -58.38),  # South America
        ("Bogota", "COL", 4.61, -74.08),
        ("Chicago", "USA", 41.85, -87.65),  # North America
        ("Tokyo", "JPN", 35.69, 139.69),  # Asia
        ("Kabul", "AFG", 34.53, 69.17),
        ("Aleppo", "SYR", 36.20, 37.16),
        ("Kyiv", "UKR", 50.45, 30.52),  # Europe
        ("Kiev", "UKR", 50.45, 30.52),
        ("Sydney", "AUS", -33.87, 151.21),  # Oceania
        ("Sao Paulo", "BRA", -23.55, -46.64),
        ("São Paulo", "BRA", -23.55, -46.64),
    ],
)
def test_cities_across_continents(gaz: Gazetteer, name: str, country: str, lat: float, lon: float) -> None:
    loc = gaz.resolve(name)
    assert loc is not None and loc.country == country and loc.precision == "city"
    assert km(loc.lat, loc.lon, lat, lon) < 30


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("U.S.", "USA"), ("United States", "USA"), ("America", "USA"), ("Britain", "GBR"),
     ("UK", "GBR"), ("Burma", "MMR"), ("DRC", "COD"), ("Ivory Coast", "CIV"), ("Syria", "SYR"),
     ("Belarus'", "BLR"), ("the Netherlands", "NLD"), ("Jordan", "JOR"), ("Mexico", "MEX"),
     ("Georgia", "GEO"), ("Andorra", "AND")],
)
def test_countries_and_short_forms(gaz: Gazetteer, name: str, iso3: str) -> None:
    loc = gaz.resolve(name)
    assert loc is not None and loc.country == iso3 and loc.precision == "country"
    assert loc.lat is not None and loc.lon is not None


def test_grodno_region_in_belarus(gaz: Gazetteer) -> None:
    for text in ("the Grodno region", "Grodno region", "Grodno Oblast", "Hrodna region"):
        loc = gaz.resolve(text, ["BLR"])
        assert loc is not None, text
        assert loc.country == "BLR" and loc.precision == "region"
        assert "Hrodna" in loc.name
        assert km(loc.lat, loc.lon, 53.68, 23.83) < 30


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("Donbas", "UKR"), ("Crimea", "UKR"), ("Tigray", "ETH"), ("Darfur", "SDN"),
     ("Gaza Strip", "PSE"), ("the West Bank", "PSE"), ("Nagorno-Karabakh", "AZE"),
     ("Xinjiang", "CHN"), ("Balochistan", "PAK"), ("Kherson region", "UKR"),
     ("Zaporizhzhia Oblast", "UKR"), ("Idlib province", "SYR"), ("Texas", "USA")],
)
def test_hand_written_and_us_regions(gaz: Gazetteer, name: str, iso3: str) -> None:
    loc = gaz.resolve(name)
    assert loc is not None and loc.country == iso3 and loc.precision == "region"


def test_region_suffix_on_a_city_gives_region_precision(gaz: Gazetteer) -> None:
    loc = gaz.resolve("Kursk region")
    assert loc is not None and loc.country == "RUS" and loc.precision == "region"
    loc = gaz.resolve("province of Kandahar")
    assert loc is not None and loc.country == "AFG" and loc.precision == "region"


def test_direction_words_are_dropped_last(gaz: Gazetteer) -> None:
    loc = gaz.resolve("eastern Ukraine")
    assert loc is not None and loc.country == "UKR" and loc.precision == "region"
    north = gaz.resolve("North Korea")
    assert north is not None and north.country == "PRK"


def test_context_country_disambiguates(gaz: Gazetteer) -> None:
    assert gaz.resolve("London").country == "GBR"
    assert gaz.resolve("London", ["CAN"]).country == "CAN"
    assert gaz.resolve("Georgia", ["USA"]).precision == "region"
    assert gaz.resolve("Georgia", ["USA"]).country == "USA"
    # a world city beats a small namesake in the context country
    assert gaz.resolve("Moscow", ["USA"]).country == "RUS"
    assert gaz.resolve("Paris", ["USA"]).country == "FRA"


def test_big_city_beats_same_named_state(gaz: Gazetteer) -> None:
    assert gaz.resolve("Washington").precision == "city"
    assert gaz.resolve("New York").precision == "city"
    assert gaz.resolve("Washington State").precision == "region"


def test_candidates_are_ranked(gaz: Gazetteer) -> None:
    cands = gaz.candidates("Paris")
    assert cands[0].country == "FRA"
    assert any(c.country == "USA" for c in cands)
    assert gaz.candidates("Paris", ["USA"])[0].country == "FRA"


@pytest.mark.parametrize(
    "name",
    ["", " ", "the", "Atlantis of the Deep", "x" * 10_000, "\x00\x01", "<img src=x>",
     "Paris" * 1000, "region", "🙂 region", "' OR 1=1 --"],
)
def test_hostile_and_unknown_names(gaz: Gazetteer, name: str) -> None:
    assert gaz.resolve(name) is None
    assert gaz.candidates(name) == []


def test_huge_context_is_harmless(gaz: Gazetteer) -> None:
    context = ["XXX"] * 10_000 + ["CAN", None, 5]  # type: ignore[list-item]
    assert gaz.resolve("London", context).country == "CAN"


def fake() -> Gazetteer:
    return Gazetteer([
        (Place("Springfield", "USA", 39.8, -89.6, "city", 114_000), ["Springfield IL"]),
        (Place("Springfield", "USA", 37.2, -93.3, "city", 169_000), []),
        (Place("Springfield", "AUS", -27.6, 152.9, "city", 20_000), []),
        (Place("Freedonia", "FRD", 10.0, 10.0, "country", 1_000_000), ["Fredonia"]),
    ])


def test_fake_gazetteer_ranking() -> None:
    gaz = fake()
    assert gaz.resolve("Springfield").lat == 37.2  # larger population
    assert gaz.resolve("Springfield", ["AUS"]).country == "AUS"
    assert gaz.resolve("Fredonia").precision == "country"


def test_bad_kind_is_refused() -> None:
    with pytest.raises(DataFileError, match="kind"):
        Gazetteer([(Place("X", None, 0, 0, "planet", 0), [])])


def write_gz(path: Path, text: str) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(text)
    return path


def test_from_files_rejects_bad_tables(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="rebuild"):
        Gazetteer.from_files(tmp_path / "missing.tsv.gz")
    plain = tmp_path / "plain.tsv.gz"
    plain.write_text("not gzip")
    with pytest.raises(DataFileError):
        Gazetteer.from_files(plain)
    with pytest.raises(DataFileError, match="header"):
        Gazetteer.from_files(write_gz(tmp_path / "empty.tsv.gz", ""))
    header = "kind\tname\tcountry\tlat\tlon\tpopulation\tkeys\n"
    with pytest.raises(DataFileError, match="line 2"):
        Gazetteer.from_files(write_gz(tmp_path / "bad.tsv.gz", header + "city\tX\tAAA\tnorth\t0\t1\tx\n"))
    with pytest.raises(DataFileError, match="line 2"):
        Gazetteer.from_files(write_gz(tmp_path / "short.tsv.gz", header + "city\tX\n"))


def test_from_files_with_user_regions(tmp_path: Path) -> None:
    header = "kind\tname\tcountry\tlat\tlon\tpopulation\tkeys\n"
    table = write_gz(tmp_path / "t.tsv.gz", header + "country\tFreedonia\tFRD\t1.0\t2.0\t5\tfreedonia\n")
    regions = tmp_path / "r.yaml"
    regions.write_text(
        "version: 1\nregions:\n  - {name: Upper Vale, country: FRD, lat: 3, lon: 4, aliases: [the Vale]}\n"
    )
    aliases = tmp_path / "a.yaml"
    aliases.write_text("version: 1\naliases:\n  FRD: [Fredonia]\n  ZZZ: [Nowhere]\n")
    gaz = Gazetteer.from_files(table, [regions], [aliases])
    assert gaz.resolve("the Vale").name == "Upper Vale"
    assert gaz.resolve("Fredonia").country == "FRD"
    assert gaz.resolve("Nowhere") is None


@pytest.mark.parametrize(
    "text",
    ["", "version: 2\nregions: []\n", "version: 1\nregions:\n  - {name: X, country: xx, lat: 0, lon: 0}\n",
     "version: 1\nregions:\n  - {name: X, country: null, lat: 91, lon: 0}\n", "{{{", "- just a list"],
)
def test_bad_region_files_are_refused(tmp_path: Path, text: str) -> None:
    header = "kind\tname\tcountry\tlat\tlon\tpopulation\tkeys\n"
    table = write_gz(tmp_path / "t.tsv.gz", header)
    regions = tmp_path / "r.yaml"
    regions.write_text(text)
    with pytest.raises(DataFileError):
        Gazetteer.from_files(table, [regions])


def test_resolve_never_raises_on_arbitrary_text(gaz: Gazetteer) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.text(max_size=300), st.lists(st.text(max_size=5), max_size=4))
    def check(name: str, context: list[str]) -> None:
        loc = gaz.resolve(name, context)
        assert loc is None or loc.precision in ("city", "region", "country")

    check()
