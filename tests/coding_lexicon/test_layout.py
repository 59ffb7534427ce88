"""The pattern folder: one file per CAMEO root, shared tables apart, merged on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.coding.patterns import default_patterns_path, load_patterns, pattern_files
from flashpoint.errors import DataFileError

CLASSES = "classes:\n  talks: [talk, negotiation]\n"
DEFAULTS = "defaults:\n  verb_target: [obj]\nreporting: [say]\n"
ROOT_04 = """verbs:
  - {id: meet, lemmas: [meet], code: "040"}
  - {id: hold-talks, lemmas: [hold], object: "@talks", code: "040", target: [prep:with]}
"""
ROOT_19 = "verbs:\n  - {id: attack, lemmas: [attack], code: \"190\"}\nnouns:\n  - {id: n-clash, lemmas: [clash], code: \"190\"}\n"


def folder(tmp_path: Path, **files: str) -> Path:
    root = tmp_path / "patterns"
    root.mkdir(parents=True)
    for name, text in {"classes": CLASSES, "defaults": DEFAULTS, "04": ROOT_04, "19": ROOT_19, **files}.items():
        if text is not None:
            (root / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


def test_packaged_folder_has_one_file_per_root_and_shared_tables():
    names = {p.name for p in pattern_files(default_patterns_path())}
    assert {f"{r:02d}.yaml" for r in range(1, 21)} <= names
    assert {"classes.yaml", "defaults.yaml", "modality.yaml", "subcodes.yaml"} <= names


def test_packaged_root_files_hold_only_their_root():
    ps = load_patterns()
    for p in ps.patterns:
        assert p.code[:2] in {f"{r:02d}" for r in range(1, 21)}
    assert ps.reporting and ps.intent and ps.refusal and ps.subcodes


def test_folder_merges_files_in_order(tmp_path):
    ps = load_patterns.__wrapped__(str(folder(tmp_path)))
    assert [p.id for p in ps.patterns] == ["meet", "hold-talks", "attack", "n-clash"]
    assert ps.match("verb", "hold", ["talk"], [], [], None, None, None).id == "hold-talks"
    assert ps.reporting == frozenset({"say"})
    assert ps.verbs["meet"][0].target == ("obj",)  # the default from defaults.yaml


def test_a_single_file_still_loads(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(CLASSES + ROOT_04, encoding="utf-8")
    assert len(load_patterns.__wrapped__(str(f)).patterns) == 2


def test_error_names_file_and_pattern(tmp_path):
    bad = "verbs:\n  - {id: meet, lemmas: [meet], code: \"040\"}\n  - {id: greet, lemmas: [greet], code: \"040\", colour: red}\n"
    with pytest.raises(DataFileError, match=r"04\.yaml: verbs\[1\] \(id 'greet'\): unknown keys \['colour'\]"):
        load_patterns.__wrapped__(str(folder(tmp_path, **{"04": bad})))


def test_pattern_under_the_wrong_root_is_refused(tmp_path):
    wrong = "verbs:\n  - {id: shell, lemmas: [shell], code: \"194\"}\n"
    with pytest.raises(DataFileError, match=r"04\.yaml: verbs\[0\] \(id 'shell'\): code '194' is not under root 04; move the pattern to 19\.yaml"):
        load_patterns.__wrapped__(str(folder(tmp_path, **{"04": wrong})))


def test_class_defined_twice_names_both_files(tmp_path):
    with pytest.raises(DataFileError, match=r"extra\.yaml: classes\.talks is already defined in .*classes\.yaml"):
        load_patterns.__wrapped__(str(folder(tmp_path, extra=CLASSES)))


def test_duplicate_id_across_files_names_both(tmp_path):
    dup = "verbs:\n  - {id: attack, lemmas: [hit], code: \"190\"}\n"
    with pytest.raises(DataFileError, match=r"duplicate pattern id 'attack' \(also at .*19\.yaml"):
        load_patterns.__wrapped__(str(folder(tmp_path, extra=dup)))


def test_unknown_section_is_refused(tmp_path):
    with pytest.raises(DataFileError, match=r"extra\.yaml: unknown section 'verb'"):
        load_patterns.__wrapped__(str(folder(tmp_path, extra="verb: []\n")))


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(DataFileError, match="no such file or folder"):
        load_patterns.__wrapped__(str(tmp_path / "absent"))


def test_priority_breaks_ties_between_equally_specific_patterns(tmp_path):
    two = """verbs:
  - {id: sign-any, lemmas: [sign], object: [deal], code: "057"}
  - {id: sign-trade, lemmas: [sign], object: [trade], code: "057", priority: 1}
"""
    ps = load_patterns.__wrapped__(str(folder(tmp_path, **{"05": two})))
    assert ps.match("verb", "sign", ["trade", "deal"], [], [], None, None, None).id == "sign-trade"
    assert ps.match("verb", "sign", ["deal"], [], [], None, None, None).id == "sign-any"
    with pytest.raises(DataFileError, match="priority must be a whole number"):
        load_patterns.__wrapped__(str(folder(tmp_path / "x", **{"05": two.replace("priority: 1", "priority: high")})))


def test_trigger_entries_and_forms():
    ps = load_patterns()
    forms = {t.form for t in ps.triggers()}
    assert forms == {"verb", "phrasal", "light", "noun"}
    light = [t for t in ps.triggers("163") if t.form == "light"]
    assert any(t.lemma == "impose" and "embargo" in t.text for t in light)
    assert any(t.text == "call off" for t in ps.triggers("082"))
