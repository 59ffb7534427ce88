"""A town told with the unit or country that holds it ("Moscow, Idaho"): the holder decides
which town it is (geo/gazetteer.py, ``Gazetteer.qualified``). Names written for this project."""

from __future__ import annotations

import pytest

from flashpoint.geo.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("name, country", [
    ("London, Ontario", "CAN"),          # a province: not Britain's capital
    ("Paris, Texas", "USA"),             # a US state
    ("Moscow, Idaho", "USA"),
    ("Birmingham, Alabama", "USA"),
    ("Sydney, Nova Scotia", "CAN"),
    ("Perth, Western Australia", "AUS"),
    ("Perth, Scotland", "GBR"),          # a nation of the United Kingdom
    ("Tripoli, Lebanon", "LBN"),         # a country
    ("Athens, Georgia", "USA"),          # Georgia the country has no Athens: the US state has
    ("Paris, France", "FRA"),            # the famous one, told as such
    ("Kingston, Jamaica", "JAM"),
])
def test_the_holder_decides_which_town(gaz, name, country):
    place = gaz.resolve(name)
    assert place is not None and place.country == country and place.precision == "city"


def test_the_bare_name_keeps_the_famous_town(gaz):
    assert gaz.resolve("Moscow").country == "RUS"
    assert gaz.resolve("Perth").country == "AUS"


def test_a_holder_that_holds_no_such_town_is_no_reading(gaz):
    assert gaz.qualified("Moscow", "Ontario") is None   # no Moscow there: the pair says nothing
    assert gaz.qualified("Moscow", "Tuesday") is None   # not a place
    # the pair then reads as the name it would be without a holder, if any
    assert gaz.resolve("Moscow, Tuesday") is None or gaz.resolve("Moscow, Tuesday").country == "RUS"


@pytest.mark.slow
@pytest.mark.parametrize("text, country", [
    ("Police in Athens, Georgia, arrested a student after the shooting.", "USA"),
    ("Police in London, Ontario, charged a driver with murder.", "CAN"),
    ("The mayor of Moscow, Idaho, asked people to stay at home.", "USA"),
    ("Police in Perth, Western Australia, arrested two men.", "AUS"),
])
def test_the_coder_reads_the_holder(text, country):
    from flashpoint.pipeline import code_text

    sources = {e.source.country for e in code_text(text, "2025-03-01") if e.source is not None}
    assert country in sources
