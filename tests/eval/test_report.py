"""Report rendering, figure files and the guard's comparison (no model)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from flashpoint.errors import UsageError
from flashpoint.eval.guard import regressions
from flashpoint.eval.report import TARGETS, fmt, read_figures, render_markdown, write_report

from .helpers import coded, event, record


def _figures():
    from flashpoint.eval.runner import score_variants

    # "a" and "b" fall in the tuning part of cameo_manual, "f" and "h" in the held-aside part.
    rows = [coded(record("a", ["0411"]), event("0411")), coded(record("b", ["190"])),
            coded(record("f", ["190"])), coded(record("h", ["120"]), event("120"))]
    cameo = score_variants("cameo_manual", {"main": rows}).figures
    return {
        "generated": "2024-01-01", "commit": "abc1234", "evaldata": "/x",
        "sets": {"cameo_manual": cameo,
                 "example_article": {"events": 3, "headline": {"required_found": 10, "spurious": 3},
                                     "required_total": 10, "missing": [], "spurious_events": []}},
        "subset": {"cameo_manual": cameo}, "subset_limits": {"cameo_manual": None, "india_police": 3000},
    }


def test_markdown_has_targets_status_and_confusion():
    md = render_markdown(_figures())
    assert md.startswith("# Accuracy")
    assert "abc1234" in md and "2024-01-01" in md
    assert "| cameo_manual | root right (any event) | 50.0% | 50.0% | 50.0% | ≥ 80.0% | **short** |" in md
    assert "| example_article | required events found (of 10) | 10 |  |  | ≥ 10 | met |" in md
    assert "| example_article | spurious dyadic events | 3 |  |  | ≤ 2 | **short** |" in md
    assert "held aside" in md and "Split: 2 tuning, 2 held aside" in md
    assert "gold \\ predicted" in md
    assert "india_police first 3000" in md


def test_markdown_shows_sentence_root_f1_and_the_own_sets():
    figures = _figures()
    figures["project"] = {"own_sets": {
        "raters' root sets": {"file": "own_raters.jsonl", "n": 80, "now": {"sentence_root_f1": 0.9},
                              "first_run": {"sentence_root_f1": 0.8912}},
        "own probes": {"file": "own_probes.jsonl", "n": 70, "now": {"passed": 0.8, "sentence_root_f1": 0.85},
                       "first_run": {"passed": 0.629}}}}
    md = render_markdown(figures)
    assert "| cameo_manual | sentence_root_f1 | 50.0% | 50.0% | 50.0% |" in md  # tuning a 1, b 0; held f 0, h 1
    assert "`sentence_root_f1`" in md
    assert "| raters' root sets (`own_raters.jsonl`) | 80 | – | – | 89.1% | 90.0% |" in md
    assert "| own probes (`own_probes.jsonl`) | 70 | 62.9% | 80.0% | – | 85.0% |" in md


def test_every_target_names_a_headline_metric():
    from flashpoint.eval import event_sets, label_sets

    assert {t.set for t in TARGETS} <= {"cameo_manual", "petrarch2", "plover_gsr", "india_police", "case2021",
                                        "conflibert", "probes", "example_article"}
    assert event_sets and label_sets  # targets are checked against real output in the guard test


def test_fmt():
    assert fmt("root_any", 0.8123) == "81.2%"
    assert fmt("spurious", 1) == "1"
    assert fmt("x", None) == "–"


def test_write_and_read_figures(tmp_path):
    figs = _figures()
    write_report(figs, tmp_path / "ACCURACY.md", tmp_path / "accuracy.json")
    assert read_figures(tmp_path / "accuracy.json") == json.loads(json.dumps(figs))
    assert (tmp_path / "ACCURACY.md").read_text(encoding="utf-8").startswith("# Accuracy")
    with pytest.raises(UsageError):
        write_report(figs, tmp_path / "no" / "such" / "dir.md", None)


@pytest.mark.parametrize("content", ["", "{", "[1]", "\x00\xff"])
def test_read_figures_refuses_bad_files(tmp_path, content):
    path = tmp_path / "f.json"
    path.write_text(content, encoding="latin-1")
    with pytest.raises(UsageError, match="make accuracy"):
        read_figures(path)


def test_guard_regressions():
    committed = {"a": {"headline": {"root": 0.80, "no_event_fp_rate": 0.10, "note": "text"}}}
    assert regressions(committed, {"a": {"headline": {"root": 0.79, "no_event_fp_rate": 0.11}}}) == []
    bad = regressions(committed, {"a": {"headline": {"root": 0.77, "no_event_fp_rate": 0.13}}})
    assert bad == ["a.no_event_fp_rate: 0.1 -> 0.13", "a.root: 0.8 -> 0.77"]
    assert regressions(committed, {}) == ["a.no_event_fp_rate: 0.1 -> missing", "a.root: 0.8 -> missing"]
    assert regressions({}, {"a": {"headline": {"root": 0.1}}}) == []


def test_guard_reads_variant_false_alarm_rates_as_lower_is_better():
    committed = {"p": {"headline": {"petrarch_dicts_no_event_fp_rate": 0.12}}}
    assert regressions(committed, {"p": {"headline": {"petrarch_dicts_no_event_fp_rate": 0.05}}}) == []
    assert regressions(committed, {"p": {"headline": {"petrarch_dicts_no_event_fp_rate": 0.20}}}) == [
        "p.petrarch_dicts_no_event_fp_rate: 0.12 -> 0.2"]


def test_status_is_judged_on_the_held_aside_part():
    from flashpoint.eval.runner import score_variants

    # the tuning records are all right, the held-aside ones all wrong: the target is short
    rows = [coded(record("a", ["0411"]), event("0411")), coded(record("b", ["190"]), event("190")),
            coded(record("f", ["190"])), coded(record("h", ["120"]))]
    figs = score_variants("cameo_manual", {"main": rows}).figures
    assert figs["parts"]["tuning"]["headline"]["root_any"] == 1.0
    assert figs["parts"]["held"]["headline"]["root_any"] == 0.0
    md = render_markdown({"sets": {"cameo_manual": figs}, "subset": {}})
    assert "| cameo_manual | root right (any event) | 50.0% | 100.0% | 0.0% | ≥ 80.0% | **short** |" in md


def test_guard_watches_the_held_aside_part():
    committed = {"a": {"headline": {"root": 0.5}, "parts": {"held": {"headline": {"root": 0.80}}}}}
    fell_in_tuning = {"a": {"headline": {"root": 0.1}, "parts": {"held": {"headline": {"root": 0.80}}}}}
    fell_in_held = {"a": {"headline": {"root": 0.9}, "parts": {"held": {"headline": {"root": 0.70}}}}}
    assert regressions(committed, fell_in_tuning) == []
    assert regressions(committed, fell_in_held) == ["a.root: 0.8 -> 0.7"]


def test_backoff_section_sets_rules_alone_beside_the_backoff():
    from flashpoint.coding.backoff import RULE
    from flashpoint.eval.runner import score_variants, without_backoff

    backoff = replace(event("190"), rule=RULE)
    rows = [coded(record("a", ["190"]), backoff), coded(record("f", ["190"]), backoff),
            coded(record("h", ["120"]), event("120"))]
    assert [len(c.events) for c in without_backoff(rows)] == [0, 0, 1]
    figs = score_variants("cameo_manual", {"main": rows, "no_backoff": without_backoff(rows)}).figures
    assert figs["headline"]["root_any"] == 1.0 and figs["headline"]["no_backoff_root_any"] == round(1 / 3, 4)
    md = render_markdown({"sets": {"cameo_manual": figs}, "subset": {}})
    assert "## The statistical back-off: with and without" in md
    assert "| cameo_manual | root_any | 50.0% | 100.0% | 33.3% | 100.0% |" in md
