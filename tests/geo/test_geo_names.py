"""Name keys and the "X region" / "northern X" forms."""

from __future__ import annotations

import pytest

from flashpoint.geo.names import MAX_NAME_CHARS, name_key, region_form, strip_direction


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Belarus'", "belarus"),
        ("Syria's", "syria"),
        ("the U.S.", "us"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("  São   Paulo ", "sao paulo"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("ZÜRICH", "zurich"),
    ],
)
def test_name_key_folds_case_accents_and_punctuation(text: str, key: str) -> None:
    assert name_key(text) == key


@pytest.mark.parametrize(
    "text",
    ["", "   ", "the", "x" * (MAX_NAME_CHARS + 1), "<script>alert(1)</script>", "a\x00b",
     "Paris; DROP TABLE places", "🙂", "\u202eParis"],
)
def test_name_key_refuses_what_cannot_be_a_name(text: str) -> None:
    assert name_key(text) == ""


def test_name_key_ignores_non_strings() -> None:
    assert name_key(None) == ""  # type: ignore[arg-type]
    assert name_key(42) == ""  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("key", "base", "word"),
    [
        ("grodno region", "grodno", "region"),
        ("kursk oblast", "kursk", "oblast"),
        ("province of idlib", "idlib", "province"),
        ("new york state", "new york", "state"),
    ],
)
def test_region_form_splits_unit_words(key: str, base: str, word: str) -> None:
    form = region_form(key)
    assert form is not None and (form.base, form.word) == (base, word)


def test_region_form_needs_a_base() -> None:
    assert region_form("region") is None
    assert region_form("grodno") is None


def test_strip_direction() -> None:
    assert strip_direction("eastern ukraine") == "ukraine"
    assert strip_direction("north-western syria") == "syria"
    assert strip_direction("ukraine") is None


@pytest.mark.parametrize(
    "text",
    ["Kharkiv", "the U.S.", "Belarus'", "Guinea-Bissau", "Cote d'Ivoire", "Trinidad & Tobago", "Bosnia (Herzegovina)",
     "a;b", "x\ty", "  ", "THE", "Mosul's", "it's", "'s", "Kyiv`s", "N'Djamena", "4th district"],
)
def test_name_key_reads_ascii_as_the_unicode_path_does(text: str) -> None:
    """ASCII names take a short path (no decomposition; one pattern for the key's
    characters). A combining accent, which the full path drops, sends the same name
    down the full path: both give the same key."""
    assert name_key(text) == name_key(text + "\u0301")
