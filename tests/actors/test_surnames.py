"""A surname told after the full name resolves to the one earlier person who bears it."""

from __future__ import annotations

import pytest

from flashpoint.actors.surnames import earlier_person
from flashpoint.types import Actor

GRAHAM = Actor("Senator Lindsey Graham", "Lindsey Graham", "USA", None, "LEG", "USALEG")
SUDANI = Actor("Iraqi Prime Minister Mohammed Shia al-Sudani", "Mohammed Shia al-Sudani", "IRQ", None, "GOV", "IRQGOV")
ZELENSKY = Actor("Zelensky", "Volodymyr Zelensky", "UKR", None, "GOV", "UKRGOV")


@pytest.mark.parametrize("mention", ["Graham", "Mr. Graham", "Senator Graham", "Sen. Graham", "Graham's"])
def test_a_surname_or_title_and_surname_names_the_earlier_person(mention: str) -> None:
    assert earlier_person(mention, [ZELENSKY, GRAHAM]) is GRAHAM


def test_an_arabic_article_does_not_change_the_surname() -> None:
    assert earlier_person("Sudani", [SUDANI]) is SUDANI
    assert earlier_person("al-Sudani", [SUDANI]) is SUDANI


@pytest.mark.parametrize("mention", ["John Graham", "Grahamstown", "Graham Lindsey", "the", "Mr.", ""])
def test_another_name_or_no_surname_is_not_the_earlier_person(mention: str) -> None:
    assert earlier_person(mention, [GRAHAM]) is None


def test_two_earlier_people_with_the_surname_stay_unresolved() -> None:
    franklin = Actor("Franklin Graham", "Franklin Graham")  # known to nobody, but a Graham all the same
    assert earlier_person("Graham", [GRAHAM, franklin]) is None
    other = Actor("Prime Minister Graham", "Jane Graham", "NZL", None, "GOV", "NZLGOV")
    assert earlier_person("Graham", [GRAHAM, other]) is None


def test_the_same_person_told_twice_is_one_person() -> None:
    assert earlier_person("Graham", [GRAHAM, ZELENSKY, GRAHAM]) is GRAHAM


def test_an_earlier_person_with_no_country_gives_nothing() -> None:
    assert earlier_person("Doe", [Actor("John Doe", "John Doe")]) is None
