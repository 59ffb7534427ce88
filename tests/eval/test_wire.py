"""The wire set's strict-F1 scorer and the reciprocal gold of plover_gsr (no model)."""

from __future__ import annotations

import json
from pathlib import Path

from flashpoint.config import Settings
from flashpoint.coding.ontology import Ontology
from flashpoint.eval.event_sets import gold_triples, score_plover_gsr
from flashpoint.eval.gold import GoldEvent, detect_set, read_gold
from flashpoint.eval.wire import score_wire, wire_settings

from .helpers import actor, coded, event, record

DATA = Path(__file__).resolve().parents[1] / "data"


def test_reciprocal_gold_is_one_event_each_way():
    two = (GoldEvent("CONSULT", "USA", None), GoldEvent("CONSULT", "RUS", None))
    assert gold_triples(two, "04", reciprocal=True) == {("USA", "RUS", "04"), ("RUS", "USA", "04")}
    assert gold_triples(two, "04") == {("USA", None, "04"), ("RUS", None, "04")}
    # Two parties of one country (a government and its rebels) make one domestic triple.
    home = (GoldEvent("AGREE", "SDN", None), GoldEvent("AGREE", "SDN", None))
    assert gold_triples(home, "05", reciprocal=True) == {("SDN", "SDN", "05")}


def test_plover_gsr_strict_f1_counts_both_directions_of_a_reciprocal_record():
    usa, rus = actor("USA", sector="GOV"), actor("RUS", sector="GOV")
    meta = {"reciprocal_source_target": True, "cameo_code_from_manual": "041"}
    rec = record("r", ["CONSULT", "CONSULT"], sources=["USA", "RUS"], meta=meta)
    both = coded(rec, event("041", usa, rus, plover="CONSULT"), event("041", rus, usa, plover="CONSULT"))
    one = coded(rec, event("041", usa, rus, plover="CONSULT"))
    assert score_plover_gsr([both], Ontology.load().old_plover_type).figures["headline"]["strict_f1"] == 1.0
    assert score_plover_gsr([one], Ontology.load().old_plover_type).figures["headline"]["strict_f1"] == round(2 / 3, 4)


def test_wire_scorer_matches_country_target_and_root():
    ukr, pol, un = actor("UKR", sector="GOV"), actor("POL", sector="GOV"), actor(org="UN", sector="IGO")
    meta = {"constructions": ["reciprocal"]}
    rows = [
        coded(record("a", ["041", "041"], sources=["UKRGOV", "POLGOV"], targets=["POLGOV", "UKRGOV"], meta=meta),
              event("041", ukr, pol), event("042", pol, ukr)),  # a visit back is root 04 too
        coded(record("b", ["073"], sources=["IGOUNO"], targets=["AFG"]), event("073", un, actor("AFG"))),
        coded(record("c", ["173"], sources=["MARCOP"], targets=["MAR"])),
        coded(record("d", ["190"], sources=["RUSMIL"], targets=["UKR"]), event("111", actor("RUS"), actor("UKR"))),
    ]
    result = score_wire(rows)
    f = result.figures
    assert f["strict_prf"]["tp"] == 3 and f["strict_prf"]["fn"] == 2 and f["strict_prf"]["fp"] == 1
    assert [r["verdict"] for r in result.rows] == ["exact", "exact", "missed", "wrong"]
    assert f["recall_by_construction"]["reciprocal"] == "2/2"


def test_wire_set_reads_runs_without_statements_and_has_a_first_run():
    records = read_gold(DATA / "own_wire.jsonl")
    assert len(records) == 80 and detect_set(DATA / "own_wire.jsonl") == "own_wire"
    roots = {(g.code or "")[:2] for r in records for g in r.expected}
    assert roots == {f"{n:02d}" for n in range(1, 21)}  # every CAMEO root
    assert not any(g.code == "010" for r in records for g in r.expected)  # no bare statements
    assert wire_settings(Settings()).statements is False
    first = json.loads((DATA / "own_wire_first_run.json").read_text(encoding="utf-8"))
    assert first["headline"]["strict_f1"] == 0.6147


def test_second_wire_set_is_read_as_a_wire_set_and_has_a_first_run():
    records = read_gold(DATA / "own_wire2.jsonl")
    assert len(records) == 86 and detect_set(DATA / "own_wire2.jsonl") == "own_wire"
    roots = {(g.code or "")[:2] for r in records for g in r.expected}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert sum(not r.expected for r in records) == 2  # two bare statements: nothing to code
    first = json.loads((DATA / "own_wire2_first_run.json").read_text(encoding="utf-8"))
    assert first["headline"]["strict_f1"] == 0.7624 and first["n"] == 86


def test_third_wire_set_is_read_as_a_wire_set_and_has_a_first_run():
    records = read_gold(DATA / "own_wire3.jsonl")
    assert len(records) == 90 and detect_set(DATA / "own_wire3.jsonl") == "own_wire"
    roots = {(g.code or "")[:2] for r in records for g in r.expected}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert sum(not r.expected for r in records) == 3  # a bare statement and two reports of no political act
    first = json.loads((DATA / "own_wire3_first_run.json").read_text(encoding="utf-8"))
    assert first["headline"]["strict_f1"] == 0.6748 and first["n"] == 90
    assert set(first["verdicts"]) == {r.id for r in records}


def test_fourth_wire_set_is_read_as_a_wire_set_and_has_a_first_run():
    records = read_gold(DATA / "own_wire4.jsonl")
    assert len(records) == 100 and detect_set(DATA / "own_wire4.jsonl") == "own_wire"
    roots = {(g.code or "")[:2] for r in records for g in r.expected}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert sum(not r.expected for r in records) == 2  # a bare statement and a report of no political act
    assert all(25 <= len(r.text.split()) <= 45 for r in records)  # long wire leads
    first = json.loads((DATA / "own_wire4_first_run.json").read_text(encoding="utf-8"))
    assert first["headline"]["strict_f1"] == 0.6426 and first["n"] == 100
    assert set(first["verdicts"]) == {r.id for r in records}


def test_fifth_wire_set_is_read_as_a_wire_set_and_has_a_first_run():
    records = read_gold(DATA / "own_wire5.jsonl")
    assert len(records) == 100 and detect_set(DATA / "own_wire5.jsonl") == "own_wire"
    roots = {(g.code or "")[:2] for r in records for g in r.expected}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert sum(not r.expected for r in records) == 2  # a bare statement and a negated act
    assert all(25 <= len(r.text.split()) <= 45 for r in records)  # long wire leads
    first = json.loads((DATA / "own_wire5_first_run.json").read_text(encoding="utf-8"))
    assert first["headline"]["strict_f1"] == 0.6647 and first["n"] == 100
    assert set(first["verdicts"]) == {r.id for r in records}


def test_sixth_wire_set_is_read_as_a_wire_set_and_has_a_first_run():
    records = read_gold(DATA / "own_wire6.jsonl")
    assert len(records) == 107 and detect_set(DATA / "own_wire6.jsonl") == "own_wire"
    roots = {(g.code or "")[:2] for r in records for g in r.expected}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert sum(not r.expected for r in records) == 2  # a bare statement and a negated act
    assert all(25 <= len(r.text.split()) <= 45 for r in records)  # long wire leads
    first = json.loads((DATA / "own_wire6_first_run.json").read_text(encoding="utf-8"))
    assert first["headline"]["strict_f1"] == 0.6748 and first["n"] == 107
    assert set(first["verdicts"]) == {r.id for r in records}


def test_seventh_wire_set_is_read_as_a_wire_set_and_has_a_first_run():
    records = read_gold(DATA / "own_wire7.jsonl")
    assert len(records) == 113 and detect_set(DATA / "own_wire7.jsonl") == "own_wire"
    roots = {(g.code or "")[:2] for r in records for g in r.expected}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert sum(not r.expected for r in records) == 2  # a report of no act and a bare statement
    assert all(25 <= len(r.text.split()) <= 45 for r in records)  # long wire leads
    first = json.loads((DATA / "own_wire7_first_run.json").read_text(encoding="utf-8"))
    assert first["headline"]["strict_f1"] == 0.6689 and first["n"] == 113
    assert set(first["verdicts"]) == {r.id for r in records}


def test_eighth_wire_set_is_read_as_a_wire_set_and_has_a_first_run():
    records = read_gold(DATA / "own_wire8.jsonl")
    assert len(records) == 126 and detect_set(DATA / "own_wire8.jsonl") == "own_wire"
    roots = {(g.code or "")[:2] for r in records for g in r.expected}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert sum(not r.expected for r in records) == 3  # a visit postponed, a data release, a request never made
    assert all(25 <= len(r.text.split()) <= 45 for r in records)  # long wire leads
    first = json.loads((DATA / "own_wire8_first_run.json").read_text(encoding="utf-8"))
    assert first["headline"]["strict_f1"] == 0.7119 and first["n"] == 126
    assert set(first["verdicts"]) == {r.id for r in records}
