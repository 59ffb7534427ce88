"""Constructions found missing on the sample corpus's key events (issue 9, session 12):
an obligation stated with "has to", "the allies" after an alliance is told. Every sentence here was written for this project;
none is a sentence of the corpus."""

from __future__ import annotations

import pytest

from flashpoint.config import Settings
from flashpoint.pipeline import code_text

pytestmark = pytest.mark.slow


def coded(text: str, **settings):
    return code_text(text, date="2026-11-20", doc_id="s", settings=Settings(**settings))


def dyads(events) -> set[tuple]:
    """(source key, root, target key) of each event."""
    return {(e.source.key if e.source else None, e.cameo_root, e.target.key if e.target else None) for e in events}


@pytest.mark.parametrize("text, want", [
    ("Greek negotiators said Ankara still had to do more against smugglers.", ("GRC", "10", "TUR")),
    ("The Chilean foreign minister said Bolivia has to respect the court's ruling.", ("CHL", "10", "BOL")),
])
def test_has_to_in_a_statement_is_a_demand_on_its_subject(text, want):
    assert want in dyads(coded(text))


def test_has_as_possession_is_no_demand():
    got = dyads(coded("The Chilean foreign minister said Bolivia has two ports to offer."))
    assert not any(root == "10" for _, root, _ in got), got


def test_the_allies_point_back_to_the_alliance_told():
    got = dyads(coded("NATO foreign ministers gathered in Madrid on Tuesday. "
                      "The Georgian president thanked the allies for their support."))
    assert ("GEO", "05", "NATO") in got, got


def test_has_to_be_is_a_need_not_a_demand():
    got = dyads(coded("The Estonian prime minister said the country had to be ready for sabotage."))
    assert not any(root == "10" for _, root, _ in got), got
