"""Words that are never a place on their own (geo/data/not_places.yaml)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from flashpoint.errors import DataFileError
from flashpoint.geo.gazetteer import Gazetteer, Place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("word", ["north", "the north", "central", "center", "downtown", "the mainland"])
def test_a_direction_or_part_is_no_place(gaz, word):
    assert gaz.resolve(word) is None


@pytest.mark.parametrize("name, country", [
    ("North Darfur", "SDN"), ("central Mali", "MLI"), ("eastern Ukraine", "UKR"),
    ("Central African Republic", "CAF"), ("North Korea", "PRK"), ("Upper Nile", "SSD"),
])
def test_names_holding_such_words_still_match(gaz, name, country):
    assert gaz.resolve(name).country == country


def test_forget_and_the_file_schema(tmp_path: Path):
    gaz = Gazetteer([(Place("North", "USA", 40.0, -111.0, "city", 20000), ["Northtown"])])
    gaz.forget(["north"])
    assert gaz.resolve("North") is None and gaz.resolve("Northtown").country == "USA"
    table = tmp_path / "t.tsv.gz"
    with gzip.open(table, "wt", encoding="utf-8") as fh:
        fh.write("kind\tname\tcountry\tlat\tlon\tpopulation\tkeys\n")
    bad = tmp_path / "n.yaml"
    bad.write_text("version: 1\nwords: north\n")
    with pytest.raises(DataFileError, match="schema"):
        Gazetteer.from_files(table, not_places=[bad])
