"""Each gold set's scorer on hand-made records and events (no model)."""

from __future__ import annotations

import pytest

from flashpoint.coding.ontology import Ontology
from flashpoint.errors import InputError
from flashpoint.types import Actor
from flashpoint.eval.event_sets import gsr_actor, score_cameo_manual, score_petrarch2, score_plover_gsr
from flashpoint.eval.example import score_example
from flashpoint.eval.label_sets import case_label, score_case2021, score_india_police
from flashpoint.eval.labelmap import load_labelmaps

from .helpers import actor, coded, event, record


def test_cameo_manual_any_top_and_confusion():
    rows = [
        coded(record("a", ["0411"]), event("0411", confidence=0.9)),  # full and root
        coded(record("b", ["051"]), event("111", confidence=0.9), event("057", confidence=0.3)),  # root by a low event
        coded(record("c", ["190"])),  # missed
        coded(record("d", ["120"]), event("036")),  # wrong
    ]
    result = score_cameo_manual(rows)
    h = result.figures["headline"]
    assert h == {"root_any": 0.5, "full_any": 0.25, "root_top": 0.25, "full_top": 0.25,
                 "root_set_f1": 0.5,  # root sets: tp 2 (a, b), fp 2 (b, d), fn 2 (c, d)
                 "sentence_root_f1": round((1 + 2 / 3 + 0 + 0) / 4, 4)}  # per sentence, then averaged
    assert result.figures["confusion_roots"]["05"] == {"11": 1}
    assert result.figures["confusion_roots"]["19"] == {"none": 1}
    assert result.figures["root_prf"]["fp"] == 2
    assert [r["verdict"] for r in result.rows] == ["full", "root", "missed", "wrong"]


def test_cameo_manual_empty_input():
    result = score_cameo_manual([])
    assert result.figures["n"] == 0 and result.figures["headline"]["root_any"] == 0.0


def test_petrarch_exclusions_gold_errors_and_false_alarms():
    valid = {"064", "041", "042"}
    rows = [
        coded(record("ok", ["064", "041"]), event("064")),
        coded(record("skip", ["041"], meta={"sentence_sentence": "false"})),
        coded(record("err", [], meta={"gold_error": "dateline"}), event("042")),
        coded(record("none", [])),
        coded(record("odd", ["174K"]), event("174")),
    ]
    result = score_petrarch2(rows, valid)
    f = result.figures
    assert f["n"] == 4 and f["excluded"] == 1
    assert f["headline"]["code_recall"] == pytest.approx(round(1 / 3, 4))
    assert f["headline"]["code_recall_valid"] == 0.5
    assert f["headline"]["root_recall"] == pytest.approx(round(2 / 3, 4))
    assert f["headline"]["no_event_fp_rate"] == 0.5
    assert [r["verdict"] for r in result.rows] == ["partial", "excluded", "spurious", "quiet", "root"]


def test_plover_gsr_type_map_and_dyads():
    onto = Ontology.load()
    usa, isr, un = actor("USA", sector="GOV"), actor("ISR", sector="MIL"), actor(org="UN", sector="IGO")
    rows = [
        # DEMAND in 0.5b1 is REQUEST now; dyad right.
        coded(record("a", ["DEMAND"], sources=["USA"], targets=["ISR"]), event("100", usa, isr, plover="REQUEST")),
        # Type right, target wrong.
        coded(record("b", ["FIGHT"], sources=["ISR"], targets=["PSE"]), event("190", isr, usa, plover="ASSAULT")),
        # Organisations count as IGO; the gold names no target, so any target is fine.
        coded(record("c", ["AGREE"], sources=["IGO"]), event("057", un, usa, plover="AGREE")),
        # Reciprocal: either party may be the source.
        coded(record("d", ["CONSULT", "CONSULT"], sources=["USA", "ISR"],
                     meta={"reciprocal_source_target": True}), event("040", isr, usa, plover="CONSULT")),
        coded(record("e", ["THREATEN"], sources=["USA"], targets=["ISR"])),
    ]
    f = score_plover_gsr(rows, onto.old_plover_type).figures
    assert f["type_map"]["DEMAND"] == onto.old_plover_type("DEMAND")
    assert f["headline"]["type_accuracy"] == 0.8
    assert f["headline"]["dyad_accuracy_of_type_right"] == 0.75
    assert gsr_actor(actor(org="AMNESTY", sector="NGO")) == "NGO" and gsr_actor(None) is None
    assert gsr_actor(actor(org="NATO", sector="IGO")) == "IGO"
    assert gsr_actor(actor(org="HAMAS", country="PSE", sector="REB")) == "PSE"  # as the gold codes armed groups
    # a transnational armed group is CAMEO's IMG (international militarized group), not an IGO
    assert gsr_actor(Actor("al-Qaeda", "al-Qaeda", None, "ALQAEDA", "REB", "IMGMUSALQ")) == "IMG"
    assert gsr_actor(Actor("Interpol", "Interpol", None, "INTERPOL", "POL", "IGOGLBINP")) == "IGO"


def test_india_police_source_variants():
    maps = load_labelmaps()
    police, mob = actor(sector="POL", text="the police"), actor(text="a mob")
    rows = [
        coded(record("k", ["KILL", "FORCE"]), event("190", police, None, units=("dead",))),
        coded(record("a", ["ARREST"]), event("173", actor(text="cops"), None)),
        coded(record("q", []), event("182", mob, None, trigger="killed")),
        coded(record("n", ["FAIL"])),
        coded(record("z", [])),
    ]
    result = score_india_police(rows, maps["india_police"])
    h = result.figures["headline"]
    assert h["kill_f1"] == 1.0 and h["arrest_f1"] == 1.0 and h["force_f1"] == 1.0
    assert h["kill_f1_any_source"] == pytest.approx(round(2 / 3, 4))
    assert {r["id"] for r in result.rows} == {"k", "a", "q"}  # rightly quiet sentences (FAIL is unscored) are left out


def test_case2021_label_order_and_weighting():
    lm = load_labelmaps()["case2021"]
    airstrike = event("195", confidence=0.5)
    grenade = event("190", sentence="A grenade was thrown at the patrol.", confidence=0.9)
    assert case_label(coded(record("x"), airstrike, grenade), lm) == "GRENADE"  # highest confidence first
    assert case_label(coded(record("x"), event("010")), lm) == "NONE"
    rows = [
        coded(record("1", ["AIR_STRIKE"]), airstrike),
        coded(record("2", ["ARREST"]), event("173")),
        coded(record("3", ["PEACE_PROTEST"]), event("141")),
        coded(record("4", ["DIPLO"]), event("173")),  # unseen type: only in the *_all figure
    ]
    f = score_case2021(rows, lm).figures
    assert f["n_seen"] == 3
    assert f["headline"]["weighted_f1_seen"] == 1.0
    assert f["headline"]["weighted_f1_all"] < 1.0


def test_example_article_scoring():
    expected = {"events": [
        {"n": 1, "required": True, "source": "GBR", "target": "POL", "roots": ["06"], "what": "help"},
        {"n": 2, "required": True, "source": "EU", "target": "BLR", "roots": ["11"], "what": "accuse"},
        {"n": 3, "required": False, "source": "BLR", "target": None, "roots": ["01"], "what": "say"},
    ]}
    events = [event("061", actor("GBR"), actor("POL")), event("010", actor("BLR"), None),
              event("190", actor("RUS"), actor("BLR"))]
    f = score_example(events, expected)
    assert f["headline"] == {"required_found": 1, "spurious": 1, "spurious_one_sided_or_statement": 0}
    f = score_example([*events, event("010", actor("RUS"), None)], expected)
    assert f["headline"]["spurious"] == 1 and f["headline"]["spurious_one_sided_or_statement"] == 1
    assert f["missing"] == ["accuse"]
    with pytest.raises(InputError):
        score_example(events, {"events": "nope"})


def test_plover_gsr_reads_a_non_iso_gold_country_as_its_iso_code():
    # The set's README: its states use ISO-3166 alpha-3; "JAP" and "ITL" are not, and
    # can only mean Japan and Italy.
    onto = Ontology.load()
    ita, jpn = actor("ITA", sector="GOV"), actor("JPN", sector="GOV")
    rows = [coded(record("a", ["SANCTION"], sources=["ITL"], targets=["JAP"],
                         meta={"cameo_code_from_manual": "160"}), event("160", ita, jpn, plover="SANCTION"))]
    f = score_plover_gsr(rows, onto.old_plover_type).figures
    assert f["headline"]["strict_f1"] == 1.0
    assert f["headline"]["dyad_accuracy_of_type_right"] == 1.0
