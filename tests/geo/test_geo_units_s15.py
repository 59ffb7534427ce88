"""A unit named like a capital (session 15, issue 9): "the state of Sucre" is Venezuela's
state, "Sucre" alone Bolivia's capital. Phrases written for this project."""

from __future__ import annotations

import pytest

from flashpoint.geo.gazetteer import Gazetteer
from flashpoint.geo.names import unit_around


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("text, name, expected", [
    ("the crew was handed to prosecutors in the state of Sucre.", "Sucre", "state of Sucre"),
    ("Police in Sucre state arrested five men.", "Sucre", "Sucre state"),
    ("fighting in the Province of Kandahar", "Kandahar", "province of Kandahar"),
    ("He flew to Sucre on Monday.", "Sucre", None),
    ("the statement of Sucre's mayor", "Sucre", None),
])
def test_unit_around(text, name, expected):
    start = text.index(name)
    assert unit_around(text, start, start + len(name)) == expected


@pytest.mark.parametrize("name, country", [
    ("the state of Sucre", "VEN"),
    ("Sucre state", "VEN"),
    ("the department of Sucre", "COL"),
    ("Kabul province", "AFG"),
])
def test_a_unit_is_looked_up_as_a_unit(gaz, name, country):
    place = gaz.resolve(name)
    assert (place.country, place.precision) == (country, "region")


def test_a_unit_of_a_name_prefers_a_region_of_that_name(gaz):
    # no "state of Bolivar" alias: the region called Bolivar, not a town of that name
    assert gaz.resolve("the state of Bolivar").precision == "region"
    assert gaz.resolve("Sucre").country == "BOL"  # the bare name is still the capital


@pytest.mark.parametrize("clause, country", [
    ("police fired tear gas at protesters in Port of Spain", "TTO"),   # not "Port" (Le Port, Reunion), nor Spain
    ("pirates seized a ship in the Gulf of Aden", None),               # a sea: not Aden
    ("troops patrolled the streets of Dar es Salaam", None),
    ("troops patrolled in Dar es Salaam", "TZA"),
    ("police raided a market in the state of Sucre", "VEN"),
])
def test_a_clause_place_with_of_inside_its_name(gaz, clause, country):
    from flashpoint.actors import KnowledgeBase
    from flashpoint.coding.generic_country import clause_place_country

    assert clause_place_country(clause, KnowledgeBase.load(), gaz, ()) == country


def test_port_alone_is_no_place(gaz):
    assert gaz.resolve("Port") is None
    assert gaz.resolve("Le Port").country == "REU" and gaz.resolve("Port Sudan").country == "SDN"
