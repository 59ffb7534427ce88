"""The conflibert and probes scorers, the strict and root-set figures (no model)."""

from __future__ import annotations

import pytest

from flashpoint.eval.event_sets import score_petrarch2, score_plover_gsr
from flashpoint.eval.gold import detect_set
from flashpoint.types import Actor
from flashpoint.eval.news_sets import (actor_matches, code_matches, quad_class, score_conflibert, score_probes,
                                       score_raters)

from .helpers import actor, coded, event, record


@pytest.mark.parametrize("root, quad", [("01", "0"), ("02", "0"), ("04", "1"), ("07", "2"), ("12", "3"),
                                        ("16", "3"), ("14", "4"), ("15", "4"), ("19", "4"), (None, None)])
def test_quad_class_of_roots(root, quad):
    assert quad_class(root) == quad


def test_conflibert_found_and_top_quad_class():
    rows = [
        coded(record("1", ["4"]), event("190", confidence=0.9), event("042", confidence=0.4)),  # right
        coded(record("2", ["1"]), event("111", confidence=0.9), event("042", confidence=0.4)),  # top is wrong
        coded(record("3", ["3"])),  # nothing found
        coded(record("4", [None]), event("010")),  # spans only: counts for "found" only
    ]
    f = score_conflibert(rows).figures
    assert f["n"] == 4 and f["labelled"] == 3
    assert f["headline"] == {"event_found": 0.75, "quad_right": round(1 / 3, 4)}
    assert f["quad_confusion"] == {"1": {"3": 1}, "3": {"none": 1}, "4": {"4": 1}}


@pytest.mark.parametrize("gold, code, ok", [("042", "042", True), ("042", "043", False), ("12", "128", True),
                                            ("12", "112", False), ("16x", "163", True), ("16x", "061", False)])
def test_probe_code_depths(gold, code, ok):
    assert code_matches(gold, code) is ok


def test_probe_actor_forms():
    assert actor_matches("KEN", actor("KEN", sector="GOV"))
    assert actor_matches("MLIREB", actor("MLI", sector="REB"))
    assert not actor_matches("MLIREB", actor("MLI", sector="MIL"))
    assert actor_matches("UN", actor(org="UN", sector="IGO"))
    assert actor_matches(None, None)
    assert not actor_matches(None, actor("KEN"))  # a null target is a one-sided event
    assert not actor_matches("KEN", None)


def test_probes_need_every_expected_event_and_silent_controls():
    ken, som = actor("KEN"), actor("SOM")
    rows = [
        coded(record("S1", ["010"], sources=["KEN"], targets=["SOM"]), event("010", ken, som)),
        coded(record("N1", ["040", "040"], sources=["KEN", "SOM"], targets=["SOM", "KEN"]), event("040", ken, som)),
        coded(record("W6", [])),
        coded(record("W7", []), event("010", ken)),
    ]
    f = score_probes(rows).figures
    # roots per sentence: {01}={01} 1.0, {04}={04} 1.0, {}={} 1.0, {} vs {01} 0.0
    assert f["headline"] == {"passed": 0.5, "controls_silent": 0.5, "sentence_root_f1": 0.75}
    assert f["negative_controls"] == 2
    assert f["by_kind"] == {"N": {"passed": 0, "n": 1}, "S": {"passed": 1, "n": 1}, "W": {"passed": 1, "n": 2}}


def test_plover_strict_and_root_set_f1():
    usa, isr = actor("USA", sector="GOV"), actor("ISR", sector="MIL")
    rows = [
        # strict: the dyad and the root agree
        coded(record("a", ["CONSULT"], meta={"cameo_code_from_manual": "040"}, sources=["USA"], targets=["ISR"]),
              event("042", usa, isr, plover="CONSULT")),
        # right root, reversed dyad: root set right, strict wrong
        coded(record("b", ["CONSULT"], meta={"cameo_code_from_manual": "043"}, sources=["USA"], targets=["ISR"]),
              event("043", isr, usa, plover="CONSULT")),
        # no manual code: left out of both figures
        coded(record("c", ["CONSULT"], sources=["USA"], targets=["ISR"]), event("190", usa, isr)),
    ]
    h = score_plover_gsr(rows, lambda t: t).figures["headline"]
    assert h["root_set_f1"] == 1.0
    assert h["sentence_root_f1"] == 1.0
    assert h["strict_f1"] == 0.5  # tp 1, fp 1, fn 1


def test_petrarch_strict_uses_the_suites_actor_codes():
    arn, gon = Actor(text="Arnor", name="Arnor", code="ARNGOV"), Actor(text="Gondor", name="Gondor", code="GON")
    rows = [coded(record("x", ["064"], sources=["ARN"], targets=["GON"]), event("064", arn, gon)),
            coded(record("y", []), event("120", arn, gon))]
    h = score_petrarch2(rows, {"064", "120"}).figures["headline"]
    assert h["strict_f1"] == round(2 * 0.5 * 1.0 / 1.5, 4)  # the false alarm in "y" costs precision
    assert h["root_set_f1"] == h["strict_f1"]


def test_new_sets_are_detected_by_file_name():
    assert detect_set("conflibert_cameo_train.jsonl") == "conflibert"
    assert detect_set("generalisation.jsonl") == "probes"
    assert detect_set("own_raters.jsonl") == "raters"
    assert detect_set("x.jsonl", record("1", meta={"label_scheme": "CAMEO root set (raters' majority)"})) == "raters"


def test_raters_sentence_root_f1_counts_each_sentence_once():
    rows = [
        coded(record("q1", [])),  # quiet and silent: 1.0
        coded(record("q2", []), event("010")),  # quiet, coded: 0.0
        coded(record("o1", ["173"]), event("173"), event("010")),  # one extra root: 2/3
        coded(record("t1", ["04", "06"]), event("042")),  # one of two: 2/3
        coded(record("t2", ["18", "19"]), event("190"), event("183"), event("181")),  # same roots twice: 1.0
    ]
    result = score_raters(rows)
    h = result.figures["headline"]
    assert h["sentence_root_f1"] == round((1 + 0 + 2 / 3 + 2 / 3 + 1) / 5, 4)
    # micro: tp 4 (17, 04, 18, 19), fp 2 (01 twice), fn 1 (06)
    assert (h["root_precision"], h["root_recall"]) == (round(4 / 6, 4), 0.8)
    assert h["quiet_silent"] == 0.5
    assert result.figures["by_gold_size"] == {"0": {"n": 2, "sentence_root_f1": 0.5},
                                              "1": {"n": 1, "sentence_root_f1": 0.6667},
                                              "2+": {"n": 2, "sentence_root_f1": round((2 / 3 + 1) / 2, 4)}}
    assert [r["verdict"] for r in result.rows] == ["right", "extra", "extra", "short", "right"]
    assert result.rows[2]["predicted_roots"] == ["01", "17"]


def test_wire_set_reports_sentence_root_f1_too():
    from flashpoint.eval.wire import score_wire

    ukr, pol = actor("UKR", sector="GOV"), actor("POL", sector="GOV")
    rows = [coded(record("a", ["041"], sources=["UKRGOV"], targets=["POLGOV"]), event("042", pol, ukr)),  # root right
            coded(record("c", ["173"], sources=["MARCOP"], targets=["MAR"]))]  # missed
    assert score_wire(rows).figures["headline"]["sentence_root_f1"] == 0.5
