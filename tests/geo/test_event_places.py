"""Issue 10: places to the finest level the text allows, never the dateline's by default."""

from __future__ import annotations

import math

import pytest

from flashpoint.geo.fallback import refine_location
from flashpoint.geo.small_places import SmallPlaces
from flashpoint.types import Location


def _km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(("name", "near"), [
    ("Black Sea", (43.4, 34.0)), ("the South China Sea", (12.0, 114.0)), ("Second Thomas Shoal", (9.7, 115.9)),
    ("Strait of Hormuz", (26.6, 56.3)), ("Taiwan Strait", (24.0, 119.5)),
])
def test_seas_straits_and_shoals_resolve(gaz, name, near):
    loc = gaz.resolve(name)
    assert loc is not None and loc.precision == "region" and _km((loc.lat, loc.lon), near) < 50


def test_village_from_the_small_places_table():
    loc = SmallPlaces.load().resolve("Pahalgam", ["IND"])
    assert loc is not None and loc.country == "IND" and _km((loc.lat, loc.lon), (34.02, 75.32)) < 5


def test_ambiguous_small_place_outside_context_stays_unresolved():
    # Many villages share a name; without a story country none is taken.
    assert SmallPlaces([("x", "X", "AAA", 1.0, 1.0, 600), ("x", "X", "BBB", 2.0, 2.0, 700)]).resolve("X") is None
    assert SmallPlaces([("x", "X", "AAA", 1.0, 1.0, 600), ("x", "X", "BBB", 2.0, 2.0, 700)]).resolve("X", ["BBB"]).lat == 2.0


def test_unknown_village_falls_back_to_the_region_its_sentence_names(gaz):
    unknown = Location("Ogossagou", None, None, None, "city")
    sentence = "Gunmen killed more than 40 villagers in the village of Ogossagou in central Mali's Mopti region on Saturday."
    loc, basis = refine_location(unknown, sentence, gaz, ["MLI"], None, None, SmallPlaces([]))
    assert basis == "sentence-region" and loc.name == "Ogossagou" and loc.precision == "region"
    # The Mopti region's own centroid (admin1.yaml), within a region's reach of Mopti town.
    region = gaz.resolve("Mopti region", ["MLI"])
    assert (loc.lat, loc.lon) == (region.lat, region.lon)
    assert _km((loc.lat, loc.lon), (14.5, -4.2)) < 100


def test_unknown_place_with_nothing_nearer_falls_back_to_the_home_country(gaz):
    unknown = Location("Nowhere Creek", None, None, None, "city")
    loc, basis = refine_location(unknown, "It happened near Nowhere Creek.", gaz, ["KEN"], "KEN", None, SmallPlaces([]))
    assert basis == "country" and loc.country == "KEN" and loc.precision == "country" and loc.lat is not None


def test_article_place_is_used_only_at_country_level(gaz):
    # The sentence names no place: a town named elsewhere is not where this happened.
    town = gaz.resolve("Bujumbura")
    loc, basis = refine_location(town, "Gunmen attacked an army post near the border.", gaz, ["BDI"], "BDI", town)
    assert basis == "article-country" and loc.precision == "country" and loc.country == "BDI"


@pytest.mark.slow
def test_example_paratroopers_drill_is_in_the_grodno_region():
    from flashpoint.pipeline import code_text

    from ..conftest import shared_path

    text = shared_path("examples", "belarus_border_2021.txt").read_text(encoding="utf-8")
    events = code_text(text, date="2021-11-12", doc_id="belarus_border_2021")
    drill = [e for e in events if "parachute" in e.evidence.sentence and e.source and e.source.country == "RUS"]
    assert drill, "no event for the paratroopers' drill"
    loc = drill[0].location
    assert loc.precision == "region" and _km((loc.lat, loc.lon), (53.68, 23.83)) < 100


def test_the_province_refers_back_to_the_last_placed_event(gaz):
    from flashpoint.geo.fallback import back_reference

    macomia = gaz.resolve("Macomia")
    rwanda = Location("Rwanda", "RWA", -1.9, 29.9, "country")
    s = "Rwandan troops deployed in the province pursued the attackers on Tuesday."
    assert back_reference(rwanda, "article-country", s, macomia) == (macomia, "back-reference")
    # a place the clause names is kept; a sentence with no back-reference is left alone
    assert back_reference(macomia, "clause", s, None) == (macomia, "clause")
    assert back_reference(rwanda, "article-country", "Rwanda thanked Mozambique.", macomia)[1] == "article-country"
    # an incident told again is where it happened
    assert back_reference(rwanda, "article-country", "Two soldiers were wounded in the clash.", macomia)[0] == macomia


def test_an_organisation_name_is_no_sentence_region(gaz):
    # "The African Union" must not fall back to a town called Union in another story country
    unknown = Location("Hiraan-ish district", None, None, None, "region")
    s = "The African Union mission said it would send more troops to Hiraan-ish district next month."
    loc, basis = refine_location(unknown, s, gaz, ["USA", "SOM"], "SOM", None, SmallPlaces([]))
    assert (loc.country, basis) == ("SOM", "country")


@pytest.mark.parametrize(("name", "country"), [("the Senkaku Islands", None), ("Hiraan region", "SOM"),
                                               ("Middle Juba", "SOM"), ("Sughd region", "TJK")])
def test_conflict_regions_resolve(gaz, name, country):
    loc = gaz.resolve(name)
    assert loc is not None and loc.country == country and loc.lat is not None


def test_unknown_village_takes_the_country_its_sentence_names_before_the_home(gaz):
    unknown = Location("Bint Jbeil", None, None, None, "city")
    s = "An Israeli drone strike killed a commander in the village of Bint Jbeil in southern Lebanon on Monday."
    loc, basis = refine_location(unknown, s, gaz, ["ISR", "LBN"], "ISR", None, SmallPlaces([]))
    assert (loc.country, loc.precision, basis) == ("LBN", "country", "sentence-country")


def test_a_target_place_named_after_of_places_the_event(gaz):
    loc, basis = refine_location(None, "Russian drones struck the port of Odesa overnight.", gaz, ["UKR"], "UKR",
                                 None, SmallPlaces([]), "the port of Odesa")
    assert (loc.name, basis) == ("Odesa", "target-place")
