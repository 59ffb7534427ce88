"""Exports give a merged event as its events row stands now, not as its first
report's record had it: a place found by a later report reaches every format."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pyarrow.parquet as pq
import pytest

from flashpoint.store import open_store
from flashpoint.store.base import EventFilter
from flashpoint.store.exports import GDELT_COLUMNS, export_store
from flashpoint.types import Article, Location

from ..store.conftest import BACKENDS, fresh_url
from .conftest import BELARUS, NATO, _event

HRODNA = Location("Hrodna", "BLR", 53.6758, 23.8289, "city")


def _located_late(store) -> None:
    """One event reported twice: first with no place, then (a day later, in
    another article) at Hrodna. The merge puts Hrodna on the events row."""
    first = _event("e00000000000f001", "f1", "NATO condemned Belarus.", "condemned", NATO, BELARUS, "111", 3, -2.0,
                   ("ACCUSE", None))
    second = dataclasses.replace(first, event_id="e00000000000f002", doc_id="f2", date="2021-11-13",
                                 location=HRODNA)
    store.add_article(Article("f1", "text one", "2021-11-12", "First", "https://example.com/f1", "Wire One"), [first])
    store.add_article(Article("f2", "text two", "2021-11-13", "Second", "https://example.com/f2", "Wire Two"), [second])


@pytest.mark.parametrize("kind", BACKENDS)
def test_a_place_found_by_a_later_report_is_exported(kind, tmp_path):
    with fresh_url(kind, tmp_path) as url:
        store = open_store(url)
        try:
            _located_late(store)
            [event] = store.events(EventFilter())
            assert event["num_mentions"] == 2  # one merged event
            assert event["location"] == dataclasses.asdict(HRODNA)

            gdelt = io.StringIO()
            export_store(store, EventFilter(), "gdelt", gdelt)
            row = dict(zip(GDELT_COLUMNS, gdelt.getvalue().rstrip("\n").split("\t")))
            assert (row["ActionGeo_Type"], row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("4", "Hrodna", "BO")
            assert (float(row["ActionGeo_Lat"]), float(row["ActionGeo_Long"])) == (HRODNA.lat, HRODNA.lon)

            table = io.StringIO()
            export_store(store, EventFilter(), "csv", table)
            [flat] = list(csv.DictReader(io.StringIO(table.getvalue())))
            assert (flat["location_name"], flat["location_precision"], flat["lat"]) == ("Hrodna", "city", "53.6758")

            export_store(store, EventFilter(), "parquet", tmp_path / "out.parquet")
            [flat] = pq.read_table(tmp_path / "out.parquet").to_pylist()
            assert (flat["location_name"], flat["location_country"], flat["location_precision"], flat["lat"],
                    flat["lon"]) == ("Hrodna", "BLR", "city", HRODNA.lat, HRODNA.lon)

            for fmt in ("jsonl", "plover"):
                out = io.StringIO()
                export_store(store, EventFilter(), fmt, out)
                assert "Hrodna" in json.dumps(json.loads(out.getvalue()))
        finally:
            store.close()
