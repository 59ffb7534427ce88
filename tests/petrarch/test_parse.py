"""The PETRARCH dictionary parsers: the formats, and empty, malformed, huge and hostile input."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.coding.petrarch import dictionary_files, load_dictionaries
from flashpoint.coding.petrarch.model import COMPOUND, SOURCE, SYNSET, TARGET, WORD, Code
from flashpoint.coding.petrarch.parse import (
    Problems, parse_actors, parse_agents, parse_code, parse_discards, parse_verbs, phrase, pieces, plural,
)
from flashpoint.errors import DataFileError

from ..timing import assert_scales_linearly
from .dicts import ACTORS, AGENTS, DISCARDS, VERBS, write_dicts


def test_verb_blocks_patterns_and_synsets():
    v = parse_verbs(VERBS, "t")
    names = [b.name for b in v.blocks]
    assert names == ["PLEDGE", "CRITICIZE", "TALK", "ARREST", "SEAL", "SAID"]
    # nested sets expanded; a word entry also stands for its plural
    assert v.synsets["GIFTS"] == (("DOLLARS",), ("EUROS",), ("SWISS", "FRANCS"), ("FOOD", "AID"), ("FOOD", "AIDS"))
    assert parse_verbs("&BARE_\n+LOAN\n\n--- A [010] ---\nA\n", "t").synsets["BARE"] == (("LOAN",),)
    assert v.blocks[0].verbs[0].forms == {"PLEDGE", "PLEDGES", "PLEDGED", "PLEDGING"}  # regular forms
    pledge = v.blocks[0]
    assert pledge.code == Code("050")
    first, second = pledge.patterns
    assert first.code == Code("071") and first.after[0].kind == SYNSET and first.after[0].name == "GIFTS"
    assert [t.kind for t in second.after] == [WORD, WORD, WORD, TARGET]
    assert [t.glued for t in second.after] == [False, True, False, False]
    crit = v.blocks[1]
    assert crit.verbs[0].forms == {"CRITICIZE", "CRITICISED", "CRITICIZED"}
    assert crit.patterns[2].code is None and crit.patterns[2].verb_glued_before
    talk = v.blocks[2]
    assert talk.code == Code("031", "031") and talk.patterns[0].before[0].kind == COMPOUND
    arrest = v.blocks[3].patterns[0]
    assert [t.kind for t in arrest.before] == [TARGET, WORD] and arrest.after[-1].kind == SOURCE
    seal_off = v.blocks[4].verbs[1]
    assert (seal_off.head, seal_off.after, seal_off.code) == ("SEAL", ("OFF",), Code("1921"))
    assert v.blocks[4].code is None


def test_compound_verb_head_marked_with_plus():
    v = parse_verbs("--- TAP [171] ---\nWIRE_+TAP {WIRE_+TAPPED}\n", "t")
    verb = v.blocks[0].verbs[0]
    assert (verb.head, verb.before, verb.forms) == ("TAP", ("WIRE",), frozenset({"TAP", "TAPPED"}))


def test_block_header_with_comment_inside():
    v = parse_verbs("--- FRET  [---] # NOUN ---\nFRET\n- SAID *  [131]\n", "t")
    assert v.blocks[0].name == "FRET" and v.blocks[0].patterns[0].code == Code("131")


def test_actors_synonyms_and_dated_codes():
    actors = parse_actors(ACTORS, "t")
    assert [a.names[0] for a in actors] == [("VELMORA",), ("KASTOR",), ("RED", "DELTA", "FRONT"), ("PEOPLE", "'S", "GUARD"),
                                            ("OLD", "REPUBLIC")]
    assert actors[0].names == (("VELMORA",), ("VELMORAN",))
    old = actors[4]
    assert old.codes_on(date(1985, 5, 1)) == ("ORP",)
    assert old.codes_on(date(1990, 1, 1)) == ("NRP",)
    assert old.codes_on(date(2005, 1, 1)) == ("MOD",)
    assert old.codes_on(None) == ("MOD",)


def test_actor_with_several_codes_and_two_digit_years():
    (a,) = parse_actors("THE_TRIO [AAA/BBB/CCC]\n", "t")
    assert a.codes_on(None) == ("AAA", "BBB", "CCC")
    (b,) = parse_actors("OLDLAND\n  [OLD < 911226]\n", "t")
    assert b.codes[0].end == date(1991, 12, 25)
    assert b.codes_on(date(1995, 1, 1)) == ()  # no code after the period: not an actor then


def test_agents_plurals_substitutions_and_prefix():
    agents = {a.names[0]: a for a in parse_agents(AGENTS, "t")}
    assert agents[("POLICE",)].names == (("POLICE",),)  # {}: no plural
    assert ("MINISTERS",) in agents[("MINISTER",)].names
    assert ("AID", "AGENCIES") in agents[("AID", "AGENCY")].names and agents[("AID", "AGENCY")].prefix
    spk = [a for a in agents.values() if a.code == "SPK"][0]
    assert {("SPOKESMAN",), ("SPOKESWOMEN",), ("SPOKESMEN",)} <= set(spk.names)


def test_discards():
    d = parse_discards(DISCARDS, "t")
    assert [(x.words, x.story) for x in d] == [(("FOOTBALL", "MATCH"), False), (("HOROSCOPE",), True)]


def test_pieces_follow_spacy_tokens():
    assert pieces("state-owned") == ("STATE", "-", "OWNED")
    assert pieces("DON'T") == ("DO", "N'T")
    assert phrase("UNITED_NATIONS_") == ("UNITED", "NATIONS")
    assert plural(("SECURITY", "AGENCY")) == ("SECURITY", "AGENCIES")
    assert plural(("BOSS",)) == ("BOSSES",)


def test_codes():
    assert parse_code("032:033", "t", 1) == Code("032", "033")
    assert parse_code("---", "t", 1) is None
    assert parse_code(" 174k ", "t", 1) == Code("174K")


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "<!-- only\na comment -->\n"])
def test_empty_files_parse_to_nothing(text):
    assert parse_verbs(text, "t").blocks == ()
    assert parse_actors(text, "t") == ()
    assert parse_agents(text, "t") == ()
    assert parse_discards(text, "t") == ()


@pytest.mark.parametrize("text, line, words", [
    ("- * TALKS [031]\n", 1, "outside any"),
    ("--- MEET ---\nMEET\n", 1, "needs a name and a code"),
    ("--- MEET [031]\n", 1, "must end with '---'"),
    ("--- MEET [031] ---\n", 1, "lists no verb"),
    ("--- MEET [031] ---\nMEET\n- TALKS [031]\n", 3, "exactly one '*'"),
    ("--- MEET [031] ---\nMEET\n- * * TALKS [031]\n", 3, "exactly one '*'"),
    ("--- MEET [031] ---\nMEET\n- * TALKS [0x:1:2]\n", 3, "bad event code"),
    ("--- MEET [031] ---\nMEET\n- * &NOWHERE [031]\n", 3, "not defined"),
    ("--- MEET [031] ---\nMEET\n- * TALKS [031\n", 3, "unbalanced"),
    ("--- MEET [031] ---\nMEET {MET\n", 2, "one '{...}' group"),
    ("&A\n+&B\n\n&B\n+&A\n", 5, "refers to itself"),
    ("&A\n+X\n\n&A\n+Y\n", 4, "defined twice"),
    ("<!-- never closed\n--- MEET [031] ---\n", 1, "never closed"),
    ("--- MEET [031] ---\nMEET\n- * " + "A " * 45 + "[031]\n", 3, "at most"),
])
def test_malformed_verbs_name_the_line(text, line, words):
    with pytest.raises(DataFileError) as exc:
        parse_verbs(text, "my.verbs.txt")
    assert f"my.verbs.txt: line {line}:" in str(exc.value) and words in str(exc.value)


@pytest.mark.parametrize("text, line, words", [
    ("[ABC]\n", 1, "before any actor"),
    ("+ALIAS\n", 1, "before any actor"),
    ("LONELY\nOTHER [OTH]\n", 1, "has no [code]"),
    ("BADDATE [ABC 990231]\n", 1, "bad actor code"),
    ("BADDATE [ABC < 990231]\n", 1, "bad date"),
    ("BACKWARDS [ABC 20100101-20000101]\n", 1, "ends before"),
    ("NOCODE [950601-990815]\n", 1, "bad actor code"),
])
def test_malformed_actors_name_the_line(text, line, words):
    with pytest.raises(DataFileError) as exc:
        parse_actors(text, "my.actors.txt")
    assert f"my.actors.txt: line {line}:" in str(exc.value) and words in str(exc.value)


@pytest.mark.parametrize("text, words", [
    ("POLICE [COP]\n", "bad agent code"),
    ("POLICE\n", "exactly one"),
    ("!X! = \n", "lists no words"),
    ("CONGRESS!NOPE! [~LEG]\n", "not defined"),
])
def test_malformed_agents(text, words):
    with pytest.raises(DataFileError, match=words):
        parse_agents(text, "my.agents.txt")


def test_directory_layout_errors(tmp_path):
    with pytest.raises(DataFileError, match="not a directory"):
        dictionary_files(tmp_path / "absent")
    write_dicts(tmp_path / "noverbs", verbs=None)
    with pytest.raises(DataFileError, match="exactly one"):
        dictionary_files(tmp_path / "noverbs")
    write_dicts(tmp_path / "noactors", actors=None)
    with pytest.raises(DataFileError, match="no \\*actors"):
        dictionary_files(tmp_path / "noactors")
    binary = write_dicts(tmp_path / "binary")
    (binary / "Test.verbs.txt").write_bytes(b"\x00\x01binary")
    with pytest.raises(DataFileError, match="binary"):
        load_dictionaries(binary)


def test_latin1_file_is_read(tmp_path):
    d = write_dicts(tmp_path / "latin")
    (d / "Test.actors.txt").write_bytes("CURA\xc7AO [CUW]\n".encode("latin-1"))
    assert load_dictionaries(d).actors[0].names[0] == ("CURAÇAO",)


def test_huge_dictionaries_parse_quickly():
    def texts(n: int) -> tuple[str, str]:
        actors = "".join(f"ACTOR_NUMBER_{i} [A{i % 1000:03d}]\n+ALIAS_{i}\n" for i in range(n))
        verbs = "".join(f"--- VERB{i} [010] ---\nVERB{i}\n- * OBJECT{i} [011]\n- SAID $ * + NOW [012]\n"
                        for i in range(n * 2 // 5))
        return actors, verbs

    def parse(pair: tuple[str, str]) -> tuple:
        return parse_actors(pair[0], "big"), parse_verbs(pair[1], "big")

    actors, verbs = assert_scales_linearly(parse, texts, 50_000)
    assert (len(actors), len(verbs.blocks)) == (50_000, 20_000)


def test_hostile_synset_explosion_is_refused():
    text = "&A\n" + "".join(f"+W{i}\n" for i in range(200)) + "\n&B\n+&A &A &A\n"
    with pytest.raises(DataFileError, match="more than"):
        parse_verbs(text, "t")


def test_hostile_long_lines_and_odd_characters():
    line = "X" * 200_000
    (a,) = parse_actors(f"{line} [ABC]\n", "t")
    assert a.names[0] == (line,)
    with pytest.raises(DataFileError):
        parse_verbs("--- A\u202eB [010] ---\nA\n- * A$B [010]\n", "t")


def test_petrarch2_phrase_marks_and_target_only_codes():
    text = "--- HURRY [---] ---\nHURRY {HURRIES HURRIED}\n+SPEED_UP {}\n- * (TOWARD FRONTIER)  [150]\n- * {FOOD SHIPMENTS}  [073]\n- * (BEFORE JUDGE)  [:173]\n"
    v = parse_verbs(text, "t")
    first, second, third = v.blocks[0].patterns
    assert [t.words for t in first.after] == [("TOWARD",), ("FRONTIER",)] and first.code == Code("150")
    assert [t.words for t in second.after] == [("FOOD",), ("SHIPMENTS",)]
    assert third.code == Code(None, "173")
    assert v.blocks[0].verbs[1].forms == {"SPEED"} and v.blocks[0].verbs[1].after == ("UP",)


def test_lenient_parsing_skips_broken_lines_and_says_where():
    problems = Problems(strict=False)
    actors = parse_actors("GOOD [GOO]\nNOCODE\nBADDATE [ABC 2004017-20061201]\n[XYZ]\nALSO_GOOD\n+ALIAS\n\t[ALS]\n", "a.txt", problems)
    assert [(a.names[0], a.codes_on(None)) for a in actors] == [
        (("GOOD",), ("GOO",)), (("BADDATE",), ("XYZ",)), (("ALSO", "GOOD"), ("ALS",))]  # a later good code line still counts
    agents = parse_agents("MINISTER [~GOV]\nTYPO_OFFICE [~ENV}\nCLERK [~ADM]\n", "g.txt", problems)
    assert [a.code for a in agents] == ["GOV", "ADM"]
    verbs = parse_verbs(
        "--- MEET [031] ---\nMEET\n- * TALKS [036]\n- * &NOWHERE [037]\n- BROKEN [038]\n"
        "--- BAD HEADER ---\nLOST\n- * ANY [010]\n--- PRAISE [051] ---\nPRAISE\n", "v.txt", problems)
    assert [b.name for b in verbs.blocks] == ["MEET", "PRAISE"]
    assert [p.code.primary for p in verbs.blocks[0].patterns] == ["036"]
    where = [n.split(":")[0] + ":" + n.split(":")[1] for n in problems.notes]
    assert where == ["a.txt: line 2", "a.txt: line 3", "g.txt: line 2",
                     "v.txt: line 5", "v.txt: line 6", "v.txt: line 4"]


def test_load_is_lenient_unless_strict(tmp_path):
    d = write_dicts(tmp_path / "d", actors="VELMORA [VLM]\nNOCODE\n")
    assert load_dictionaries(d).problems == ("Test.actors.txt: line 2: actor 'NOCODE' has no [code]",)
    with pytest.raises(DataFileError, match="line 2"):
        load_dictionaries(d, strict=True)
    empty = write_dicts(tmp_path / "e", verbs="--- BAD\n")
    with pytest.raises(DataFileError, match="no readable verb block"):
        load_dictionaries(empty)
