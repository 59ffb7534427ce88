"""First-level administrative units (geo/data/admin1.yaml): resolution, collisions, end to end."""

from __future__ import annotations

import math
from importlib import resources

import pytest
import yaml

from flashpoint.geo.gazetteer import Gazetteer
from flashpoint.geo.names import name_key

DATA = resources.files("flashpoint.geo") / "data"


@pytest.fixture(scope="module")
def older() -> Gazetteer:
    """The gazetteer as it was before admin1.yaml: the table, the hand regions and country aliases."""
    with resources.as_file(DATA) as folder:
        return Gazetteer.from_files(folder / "gazetteer.tsv.gz", regions=[folder / "regions.yaml"],
                                    country_aliases=[folder / "country_aliases.yaml"])


@pytest.fixture(scope="module")
def units() -> list[dict]:
    return yaml.safe_load((DATA / "admin1.yaml").read_text(encoding="utf-8"))["regions"]


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(("name", "country", "near"), [
    # (as written in news, ISO3, a point inside the unit: its capital or a town in it)
    ("West Bengal", "IND", (22.57, 88.36)),
    ("Madhya Pradesh", "IND", (23.26, 77.41)),
    ("Kerala", "IND", (8.52, 76.94)),
    ("Orissa", "IND", (20.27, 85.84)),
    ("Johor", "MYS", (1.49, 103.74)),
    ("Sabah", "MYS", (5.98, 116.07)),
    ("Queensland", "AUS", (-23.44, 144.25)),
    ("Western Australia", "AUS", (-26.6, 118.5)),
    ("Gilgit-Baltistan", "PAK", (35.92, 74.31)),
    ("Kunduz province", "AFG", (36.73, 68.86)),
    ("Rivers State", "NGA", (4.82, 7.03)),
    ("Lagos State", "NGA", (6.6, 3.35)),
    ("Somali Region", "ETH", (9.35, 42.8)),
    ("Turkana", "KEN", (3.12, 35.6)),
    ("Hiraan", "SOM", (4.74, 45.2)),
    ("Gezira", "SDN", (14.4, 33.52)),
    ("Jonglei", "SSD", (6.8, 31.6)),
    ("Tshopo", "COD", (0.52, 25.2)),
    ("Mopti region", "MLI", (14.49, -4.2)),
    ("Centre-Nord", "BFA", (13.09, -1.08)),
    ("Zinder region", "NER", (13.8, 8.99)),
    ("Nampula province", "MOZ", (-15.12, 39.27)),
    ("KwaZulu-Natal", "ZAF", (-29.6, 30.38)),
    ("Dakahlia", "EGY", (31.04, 31.38)),
    ("Cyrenaica", "LBY", (32.12, 20.07)),
    ("Dhi Qar", "IRQ", (31.05, 46.26)),
    ("Rif Dimashq", "SYR", (33.51, 36.29)),
    ("Shabwa", "YEM", (14.53, 46.83)),
    ("Mazandaran", "IRN", (36.57, 53.06)),
    ("Hatay", "TUR", (36.2, 36.16)),
    ("Asir", "SAU", (18.22, 42.5)),
    ("Tatarstan", "RUS", (55.79, 49.12)),
    ("Kiev region", "UKR", (50.45, 30.52)),
    ("Zakarpattia", "UKR", (48.62, 22.29)),
    ("Sichuan", "CHN", (30.66, 104.06)),
    ("Central Java", "IDN", (-6.97, 110.42)),
    ("BARMM", "PHL", (7.22, 124.25)),
    ("Chin State", "MMR", (22.65, 93.6)),
    ("British Columbia", "CAN", (48.43, -123.37)),
    ("Chiapas", "MEX", (16.75, -93.12)),
    ("Minas Gerais", "BRA", (-19.92, -43.94)),
    ("Norte de Santander", "COL", (7.89, -72.5)),
    ("Zulia", "VEN", (10.65, -71.64)),
    ("Chubut", "ARG", (-43.3, -65.1)),
    ("Loreto", "PER", (-3.75, -73.25)),
    ("North Rhine-Westphalia", "DEU", (51.23, 6.78)),
    ("Brittany", "FRA", (48.11, -1.68)),
    ("Andalusia", "ESP", (37.39, -5.98)),
    ("Lombardy", "ITA", (45.46, 9.19)),
])
def test_units_resolve_to_their_country_near_their_capital(gaz, name, country, near):
    loc = gaz.resolve(name)
    assert loc is not None and loc.country == country and loc.precision == "region", loc
    # A centroid lies within a large unit's reach of a place inside it.
    assert _km((loc.lat, loc.lon), near) < 900


@pytest.mark.parametrize(("name", "context", "country", "precision"), [
    ("Georgia", [], "GEO", "country"),          # the country, as before
    ("Georgia", ["USA"], "USA", "region"),      # the state in a US story, as before
    ("Lagos", [], "NGA", "city"),               # the city, not the state
    ("Lagos", ["NGA"], "NGA", "city"),
    ("Kano", ["NGA"], "NGA", "city"),
    ("Mexico", [], "MEX", "country"),           # the country, not the State of Mexico
    ("Mexico", ["MEX"], "MEX", "country"),
    ("State of Mexico", [], "MEX", "region"),
    ("Washington", [], "USA", "city"),          # the capital, not the state
    ("Washington", ["USA"], "USA", "city"),
    ("Hama", [], "SYR", "city"),                # a governorate named after its city
    ("Basra", ["IRQ"], "IRQ", "city"),
    ("Kabul", [], "AFG", "city"),
    ("Punjab", [], None, "region"),             # two countries' Punjab: none without context
    ("Punjab", ["IND"], "IND", "region"),
    ("Punjab", ["PAK"], "PAK", "region"),
    ("Amazonas", ["COL"], "COL", "region"),
    ("Eastern Province", ["SAU"], "SAU", "region"),
    ("Eastern Province", ["LKA"], None, "region"),
    ("Victoria", [], "HKG", "city"),            # the big city without context ...
    ("Victoria", ["AUS"], "AUS", "region"),     # ... the state in an Australian story
])
def test_collisions_keep_country_and_city_readings(gaz, name, context, country, precision):
    loc = gaz.resolve(name, context)
    assert loc is not None and (loc.country, loc.precision) == (country, precision), loc


# Bare names whose usual reading is the unit although a town shares it (admin1.yaml's header).
UNIT_FIRST = {"Bali", "Okinawa", "Jiangxi", "Santa Catarina", "Goias", "Tocantins", "Nasarawa"}


def test_older_readings_of_country_and_city_names_are_unchanged(gaz, older, units):
    # Every name the file adds that used to give a country, a city of the
    # unit's own country or a city of 100,000 people or more by that place's
    # own name gives it still, with and without the unit's country as context.
    changed = []
    for unit in units:
        for name in (unit["name"], *(unit.get("aliases") or ())):
            for context in ([], [unit["country"]] if unit["country"] else []):
                found = older.candidates(name, context)
                if not found or name_key(found[0].name) != name_key(name):
                    continue  # unknown before, or matched on an alternate name only
                before = found[0]
                if before.kind == "region" or name in UNIT_FIRST or (
                        before.kind == "city" and before.country != unit["country"]
                        and (before.population < 100_000 or context)):
                    continue  # a foreign city losing to a unit of the context country is the context rule
                after = gaz.resolve(name, context)
                if (after.name, after.country, after.precision) != (before.name, before.country, before.kind):
                    changed.append((name, context, before.name, after.name))
    assert changed == []


def test_file_repeats_no_hand_region(older, units):
    for unit in units:
        hits = older.candidates(unit["name"], [unit["country"]] if unit["country"] else [])
        assert not [p for p in hits if p.kind == "region" and p.country == unit["country"]
                    and name_key(p.name) == name_key(unit["name"])], unit["name"]


def test_every_iso3_code_is_a_country_the_table_knows(gaz, units):
    codes = {u["country"] for u in units if u["country"]}
    assert {c for c in codes if gaz.country_place(c) is None} == set()
    assert len(units) >= 800


def test_leading_unit_gives_a_generic_actor_its_country(gaz):
    from flashpoint.actors import KnowledgeBase
    from flashpoint.coding.generic_country import mention_place_country

    kb = KnowledgeBase.load()
    assert mention_place_country("West Bengal Chief Minister", kb, gaz) == "IND"
    assert mention_place_country("The Johor government", kb, gaz) == "MYS"
    assert mention_place_country("the Rivers State police", kb, gaz) == "NGA"
    # A title is not a place, and a bare shared name stays undecided.
    assert mention_place_country("Chief Minister Mamata Banerjee", kb, gaz) is None
    assert mention_place_country("Central Bank officials", kb, gaz) is None
    assert mention_place_country("the Punjab government", kb, gaz) is None
    assert mention_place_country("the Punjab government", kb, gaz, ("PAK",)) == "PAK"


def test_actors_lookup_explains_the_unit_it_read():
    from click.testing import CliRunner

    from flashpoint.cli import main

    result = CliRunner().invoke(main, ["actors", "lookup", "West Bengal Chief Minister"])
    assert result.exit_code == 0, result.output
    assert "code: INDGOV" in result.output
    assert "IND from the place the phrase names" in result.output


@pytest.mark.slow
@pytest.mark.parametrize(("text", "source", "place"), [
    ("Police in Madhya Pradesh arrested 12 protesters on Monday.", "IND", "Madhya Pradesh"),
    ("Protesters clashed with police in Kerala on Sunday.", "IND", "Kerala"),
    ("The Johor government banned the rally on Friday.", "MYS", None),
])
def test_domestic_news_keeps_its_country(text, source, place):
    from flashpoint import code

    events = code(text, "2025-03-04")
    assert events, text
    top = max(events, key=lambda e: e.confidence)
    assert top.source is not None and top.source.country == source
    if place is not None:
        assert top.location is not None and top.location.name == place and top.location.country == source
