"""The packaged CAMEO and PLOVER data: complete, consistent, and in our own words."""

from __future__ import annotations

import re

import pytest

from flashpoint.coding.ontology import PLOVER_SOURCES
from .conftest import read_jsonl

# Root 01 has no PLOVER counterpart except the two codes we filled (018, 019).
NO_PLOVER = {"01", "010", "011", "012", "013", "014", "015", "016", "017"}


def test_has_all_312_codes(ontology):
    assert len(ontology) == 312
    assert len(ontology.roots()) == 20
    assert [r.code for r in ontology.roots()] == [f"{i:02d}" for i in range(1, 21)]


def test_codes_match_the_codebook(ontology, codebook):
    assert list(ontology.codes) == [r["code"] for r in codebook]
    for r in codebook:
        c = ontology[r["code"]]
        assert c.goldstein == r["goldstein"], c.code
        assert c.quad_class == r["quad_class"], c.code
        assert c.parent == r["parent_code"] and c.root == r["root_code"], c.code
        assert c.name.lower() == r["name"].lower(), c.code


def test_tree_is_consistent(ontology):
    for code in ontology.codes:
        c = ontology[code]
        assert c.level == len(code) - 1
        assert c.root == code[:2]
        if c.parent is None:
            assert c.level == 1
        else:
            assert c.parent in ontology and code.startswith(c.parent)
            assert ontology[c.parent].level == c.level - 1
        root = int(c.root)
        assert c.quad_class == (1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4)
        assert -10 <= c.goldstein <= 10
        assert c.plover_source in PLOVER_SOURCES
        assert c.definition.endswith(".") and len(c.definition.split()) >= 4


def test_every_code_reaches_a_plover_type_except_documented(ontology):
    types = {t.name: t for t in ontology.plover_types}
    missing = set()
    for code in ontology.codes:
        p = ontology.plover(code)
        if p is None:
            missing.add(code)
            continue
        assert p.type in types
        assert p.mode is None or p.mode in types[p.type].mode_names, code
    assert missing == NO_PLOVER


def test_crosswalk_rows_agree_with_the_codebook(ontology, codebook):
    for r in codebook:
        c = ontology[r["code"]]
        if c.plover_source == "crosswalk":
            assert c.plover_type == r.get("plover_event"), c.code
            assert c.plover_mode == r.get("plover_mode"), c.code
        elif c.plover_source == "filled":
            assert not r.get("plover_event"), f"{c.code} is marked filled but the crosswalk has it"


def test_plover_types_are_the_current_sixteen(ontology):
    assert [t.name for t in ontology.plover_types] == [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def test_plover_modes_match_the_plover_codebook(ontology):
    rows = read_jsonl("plover_codebook.jsonl")
    for r in rows:
        if r["mode"]:
            assert r["mode"] in ontology.plover_type(r["event"]).mode_names, r


def test_every_old_plover_type_in_the_gold_records_maps(ontology):
    rows = read_jsonl("plover_gsr_cameo.jsonl")
    current = {t.name for t in ontology.plover_types}
    for r in rows:
        for e in r["expected"]:
            p = ontology.old_plover(e["code"], e.get("mode"))
            assert p.type in current
            assert p.mode is None or p.mode in ontology.plover_type(p.type).mode_names
    assert ontology.old_plover_type("DEMAND") == "REQUEST"
    assert ontology.old_plover_type("disapprove") == "ACCUSE"
    assert ontology.old_plover_type("FIGHT") == "ASSAULT"
    assert ontology.old_plover("INVESTIGATE", "").mode == "investigate"
    assert ontology.old_plover("PROTEST", "strike-hun").mode == "hunger"


def _grams(text: str | None, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", (text or "").lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_definitions_share_no_long_word_runs_with_the_codebook(ontology, codebook):
    third_party = set()
    for r in codebook:
        for key in ("description", "usage_notes", "example"):
            third_party |= _grams(r.get(key), 8)
    for r in read_jsonl("plover_codebook.jsonl"):
        for key in ("event_def", "mode_def", "extraction_notes"):
            third_party |= _grams(r.get(key), 8)
    ours = [(c, ontology[c].definition) for c in ontology.codes]
    ours += [(t.name, t.definition) for t in ontology.plover_types]
    ours += [(f"{t.name}/{m.name}", m.definition) for t in ontology.plover_types for m in t.modes]
    copied = [(who, text) for who, text in ours if _grams(text, 8) & third_party]
    assert copied == []


@pytest.mark.parametrize("name", ["cameo.tsv", "plover.yaml", "contexts.yaml"])
def test_data_files_hold_no_codebook_examples(name, codebook):
    from importlib import resources

    text = resources.files("flashpoint.coding").joinpath("data", name).read_text(encoding="utf-8").lower()
    for r in codebook:
        for key in ("example", "description"):
            value = (r.get(key) or "").lower()
            if len(value.split()) >= 8:
                assert value[:60] not in text, (name, r["code"])


def test_packaged_patterns_use_known_codes(ontology):
    from flashpoint.coding.ontology import pattern_ids_by_code

    index = pattern_ids_by_code()
    if index is None:
        pytest.skip("no packaged pattern folder")
    assert sorted(code for code in index if code not in ontology) == []
