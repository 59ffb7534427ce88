"""Context tags: sentence cues, the stricter article rule, broken lexicons."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from flashpoint.coding.contexts import ContextTag, ContextTagger
from flashpoint.errors import DataFileError

from ..timing import assert_scales_linearly


@pytest.mark.parametrize("sentence, expected", [
    ("Poland accused Belarus of a hybrid attack through the instrumentalisation of irregular migration.",
     {"military", "migration"}),
    ("Lithuania said the regime was weaponizing migrants at the border.", {"migration", "military"}),
    ("The ministry imposed new sanctions and an arms embargo on the junta.", {"sanctions", "military"}),
    ("Inspectors from the IAEA visited the uranium enrichment site.", {"cbrn"}),
    ("Hackers launched a cyber-attack on the power grid.", {"cyber", "energy"}),
    ("Thousands of protesters marched against the rigged election.", {"protest", "election"}),
    ("The court sentenced the former minister for taking bribes.", {"legal", "corruption"}),
    ("Aid agencies warned of famine as refugees fled their homes.", {"humanitarian", "refugees"}),
    ("A suicide bomber struck a mosque during Friday prayers.", {"terrorism", "religion"}),
    ("The two leaders met for talks in Geneva.", set()),
    ("Crimea remains under dispute.", set()),               # not "crime"
    ("The minister opened an investigation.", set()),       # not "investment"
    ("He was jailed for drug trafficking.", {"legal", "crime"}),
])
def test_sentence_tags(tagger, sentence, expected):
    assert set(tagger.tag(sentence)) == expected


def test_tags_come_in_lexicon_order(tagger):
    tags = tagger.tag("Migrants crossed as troops and tanks massed.")
    assert list(tags) == [n for n in tagger.names if n in tags]


def test_hyphen_and_joined_spellings(tagger):
    for text in ("a cease-fire", "a ceasefire", "a cease fire"):
        assert "military" in tagger.tag(text)


def test_article_needs_three_distinct_cues(tagger):
    assert tagger.article_min_cues == 3
    sentence = "The president condemned the move."
    repeated = "The president condemned the move. Migrants were mentioned. Migrants again. A migrant too."
    two_cues = "The president condemned the move. Migrants waited while border guards watched."
    three_cues = two_cues + " Deportations followed."
    assert tagger.tag(sentence, repeated) == ()  # one cue (migrant*), however often
    assert tagger.tag(sentence, two_cues) == ()
    assert tagger.tag(sentence, three_cues) == ("migration",)
    assert tagger.tag("Migrants waited.", repeated) == ("migration",)  # a sentence cue alone is enough


def test_hits_explain_the_tags(tagger):
    hits = tagger.hits("Troops and migrants.")
    assert hits == {"military": {"troop*"}, "migration": {"migrant*"}}


@pytest.mark.parametrize("text", ["", " ", "\n\t", "!!!???", "\x00\x01", "<script>alert(1)</script>",
                                  "'; DROP TABLE events; --", "ç" * 1000, "🔥" * 500, "a" * 10_000])
def test_junk_input_gives_no_tags(tagger, text):
    assert tagger.tag(text, text) == ()


def test_none_and_non_string_input(tagger):
    assert tagger.tag(None) == ()  # type: ignore[arg-type]
    assert tagger.tag("", None) == ()
    assert tagger.hits(123) == {}  # type: ignore[arg-type]


def test_huge_article_is_fast(tagger):
    line = "Troops moved toward the border while artillery shelled a battalion. "
    tags = assert_scales_linearly(lambda article: tagger.tag("Officials met.", article), lambda n: line * n, 30_000)
    assert tags == ("military",)  # on ~2 MB


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=300)))
def test_any_text_gives_known_tags(tagger, sentence, article):
    tags = tagger.tag(sentence, article)
    assert set(tags) <= set(tagger.names) and len(set(tags)) == len(tags)


def test_default_load_is_cached():
    assert ContextTagger.load() is ContextTagger.load()


def test_lexicon_covers_the_documented_tags(tagger):
    for name in ("migration", "military", "sanctions", "human_rights", "election", "territory", "cbrn",
                 "cyber", "terrorism", "economic", "humanitarian", "protest", "diplomatic", "energy",
                 "health", "crime", "refugees", "religion"):
        assert name in tagger.names


def test_built_from_code():
    tagger = ContextTagger([ContextTag("space", "Outer space.", ("satellite*", "launch pad"))], article_min_cues=1)
    assert tagger.tag("A satellite was seen.") == ("space",)
    assert tagger.tag("nothing", "near the launch pad") == ("space",)


GOOD = "version: 1\ntags:\n  - {name: space, description: Outer space., cues: [satellite*, launch pad]}\n"


@pytest.mark.parametrize("text", [
    "", "[", "just a string", "version: 1\ntags: []\n",
    GOOD.replace("satellite*", "sa*"),                       # wildcard stem too short
    GOOD.replace("satellite*", "Satellite"),                 # upper case
    GOOD.replace("satellite*", "sat*ellite"),                # wildcard in the middle
    GOOD.replace("launch pad", "satellites"),                # covered by satellite*
    GOOD + "  - {name: space, description: Again., cues: [moon]}\n",  # duplicate name
    GOOD.replace("version: 1", "version: one"),
    "tags: &a [*a]\nversion: 1\n",
    "x: " + "[" * 5000 + "]" * 5000 + "\n",
    GOOD.replace("launch pad", "x" * 200),                   # cue too long
])
def test_broken_lexicons_raise_data_file_error(tmp_path: Path, text):
    path = tmp_path / "contexts.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError):
        ContextTagger.load(path)


def test_custom_lexicon_file(tmp_path: Path):
    path = tmp_path / "contexts.yaml"
    path.write_text(GOOD, encoding="utf-8")
    tagger = ContextTagger.load(path)
    assert tagger.tag("Satellites collided.") == ("space",)
    assert tagger.tag("x", "a satellite near the launch pad") == ()  # packaged-style default: 3 cues
    with pytest.raises(DataFileError):
        ContextTagger.load(tmp_path / "missing.yaml")
