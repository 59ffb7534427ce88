"""Ontology lookups, inheritance and loading of broken or hostile data files."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.coding.ontology import CameoCode, Ontology
from flashpoint.errors import DataFileError, UsageError
from flashpoint.types import Plover

HEADER = "code\tlevel\tparent\troot\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_source\tdefinition\n"
ROW_11 = "11\t1\t\t11\tDISAPPROVE\t-2.0\t3\tACCUSE\t\tcrosswalk\tCriticism and complaints of any kind.\n"
ROW_112 = "112\t2\t11\t11\tAccuse\t-2.0\t3\t\t\tnone\tCharging someone with a wrong.\n"
PLOVER = """version: 1
types:
  - {name: ACCUSE, quad_class: 3, definition: Criticism., modes: [{name: allege, definition: Charges.}]}
old_types: {DISAPPROVE: ACCUSE}
"""


def _files(tmp_path: Path, cameo: str, plover: str = PLOVER) -> tuple[Path, Path]:
    c, p = tmp_path / "cameo.tsv", tmp_path / "plover.yaml"
    c.write_text(cameo, encoding="utf-8")
    p.write_text(plover, encoding="utf-8")
    return c, p


def test_lookup(ontology):
    c = ontology["112"]
    assert isinstance(c, CameoCode)
    assert (c.name, c.root, c.parent, c.quad_class, c.goldstein) == ("Accuse", "11", "11", 3, -2.0)
    assert "112" in ontology and " 112 " in ontology and "1129" not in ontology and 112 not in ontology
    assert ontology.get("0874").goldstein == 10.0
    assert ontology.get("nope") is None and ontology.get(None) is None


def test_tree(ontology):
    assert [c.code for c in ontology.path("1123")] == ["11", "112", "1123"]
    assert [c.code for c in ontology.path("11")] == ["11"]
    assert [c.code for c in ontology.children("112")] == ["1121", "1122", "1123", "1124", "1125"]
    assert ontology.children("1121") == []
    assert len(ontology.descendants("19")) == 7


def test_plover_mapping(ontology):
    assert ontology.plover("1123") == Plover("ACCUSE", "allege")
    assert ontology.plover("042") == Plover("CONSULT", "visit")
    assert ontology.plover("163") == Plover("SANCTION", "discontinue")
    assert ontology.plover("023") == Plover("REQUEST", "assist")
    assert ontology.plover("010") is None


def test_plover_falls_back_to_parent(tmp_path):
    ont = Ontology.load(*_files(tmp_path, HEADER + ROW_11 + ROW_112))
    assert ont["112"].plover_type is None
    assert ont.plover("112") == Plover("ACCUSE", None)


@pytest.mark.parametrize("bad", ["1129", "99", "", "   ", "x" * 100_000, "0101", "１１２", "11\x00", "../etc"])
def test_unknown_codes_raise_usage_error_with_a_hint(ontology, bad):
    with pytest.raises(UsageError, match="ontology list"):
        ontology[bad]
    assert bad not in ontology


@pytest.mark.parametrize("bad", [None, 112, 1.5, ("11",)])
def test_non_string_codes(ontology, bad):
    with pytest.raises(UsageError):
        ontology[bad]
    with pytest.raises(UsageError):
        ontology.path(bad)


def test_unknown_plover_names(ontology):
    with pytest.raises(UsageError, match="known"):
        ontology.old_plover_type("SHOUT")
    with pytest.raises(UsageError):
        ontology.plover_type("")
    assert ontology.old_plover("FIGHT", "no-such-mode") == Plover("ASSAULT", None)


def test_default_load_is_cached():
    assert Ontology.load() is Ontology.load()


def test_custom_files_load(tmp_path):
    ont = Ontology.load(*_files(tmp_path, "# comment\n" + HEADER + ROW_11))
    assert ont.codes == ("11",)
    assert ont.old_plover_type("DISAPPROVE") == "ACCUSE"


@pytest.mark.parametrize("cameo", [
    "",                                                   # empty
    HEADER,                                               # header only
    "code\tname\n11\tx\n",                                # wrong header
    HEADER + "11\t1\t\t11\tDISAPPROVE\n",                 # short row
    HEADER + ROW_11.replace("-2.0", "abc"),               # not a number
    HEADER + ROW_11.replace("-2.0", "-11.0"),             # Goldstein out of range
    HEADER + ROW_11.replace("\t3\t", "\t1\t"),            # wrong quad class for root
    HEADER + ROW_112,                                     # parent missing
    HEADER + ROW_11 + ROW_11,                             # duplicate
    HEADER + ROW_11.replace("ACCUSE", "SHOUT"),           # unknown PLOVER type
    HEADER + ROW_11.replace("ACCUSE\t\t", "ACCUSE\tbogus\t"),  # unknown mode
    HEADER + ROW_11.replace("crosswalk", "none"),         # 'none' with a type
    HEADER + ROW_11.replace("11\t1\t\t11", "99\t1\t\t99"),  # not a CAMEO code
    HEADER + ROW_11.replace("Criticism", "x" * 5000),      # huge cell
    "\x00\x01\x02" * 1000,                                # binary junk
])
def test_broken_cameo_files_raise_data_file_error(tmp_path, cameo):
    with pytest.raises(DataFileError):
        Ontology.load(*_files(tmp_path, cameo))


@pytest.mark.parametrize("plover", [
    "", "[", "- just\n- a list\n", "version: 1\ntypes: []\nold_types: {}\n",
    PLOVER.replace("DISAPPROVE: ACCUSE", "DISAPPROVE: SHOUT"),
    PLOVER + "extra: 1\n",
    "a: &a [*a]\n",                                       # self-referencing alias
    "x: " + "[" * 5000 + "]" * 5000 + "\n",              # deep nesting
])
def test_broken_plover_files_raise_data_file_error(tmp_path, plover):
    with pytest.raises(DataFileError):
        Ontology.load(*_files(tmp_path, HEADER + ROW_11, plover))


def test_unreadable_file(tmp_path):
    c, p = _files(tmp_path, HEADER + ROW_11)
    c.write_bytes(b"\xff\xfe\xfa")
    with pytest.raises(DataFileError, match="UTF-8"):
        Ontology.load(c, p)
    with pytest.raises(DataFileError):
        Ontology.load(tmp_path / "missing.tsv", p)
