"""Round two of session 19 (issue 9, probes2 helper): gaps the session's blind sets showed, each
mended by a general rule. Every sentence here was written for this project, several phrasings
per rule, none from a gold set or a probe."""

from __future__ import annotations

import pytest

from tests.coding_news.wire_helpers import events, triples

pytestmark = pytest.mark.slow


def statements(text: str) -> set[tuple]:
    """(source code, CAMEO code) of the statement events of ``text``."""
    return {(e.source.code, e.cameo) for e in events(text) if e.statement}


# -- a newspaper or broadcaster of a named country that *reports* makes a statement (010) ----
@pytest.mark.parametrize("text, speaker", [
    ("The Jerusalem Post reported that the coalition talks had stalled.", "ISRMED"),
    ("The Times of India reported on Tuesday that the monsoon session would open late.", "INDMED"),
    ("Kyodo News reported that the yen had fallen to a fresh low.", "JPNMED"),
])
def test_a_national_paper_reporting_is_a_statement(text, speaker):
    assert (speaker, "010") in statements(text)


# -- ... and a state that reports is stating (010) ---------------------------------------------
@pytest.mark.parametrize("text, speaker", [
    ("Kenya reported forty new cases of cholera in the north.", "KEN"),
    ("Peru reported that its copper output had fallen for a third month.", "PER"),
])
def test_a_state_reporting_is_a_statement(text, speaker):
    assert any(code == "010" and src.startswith(speaker) for src, code in statements(text))


# -- the press still makes no statement when it merely says ------------------------------------
@pytest.mark.parametrize("text", [
    "The Jerusalem Post said the weather would turn cold.",
    "Kyodo News said the trains were running late.",
])
def test_the_press_saying_is_no_statement(text):
    assert not statements(text)


# -- an act "in response to" another's plan or act is aimed at its author ---------------------
@pytest.mark.parametrize("text, triple", [
    ("Poland mobilised troops in response to Russia's plan to hold drills in Belarus.", ("POL", "154", "RUS")),
    ("Japan scrambled jets in response to Chinese incursions.", ("JPN", "150", "CHN")),
    ("Seoul deployed more troops to the border in response to Pyongyang's missile tests.", ("KOR", "154", "PRK")),
])
def test_an_answer_is_aimed_at_who_it_answers(text, triple):
    assert triple in triples(text)


def test_an_answer_to_no_party_keeps_no_target_from_it():
    # ("the migrant crisis" names no party: nobody becomes the target)
    assert not {t for _, c, t in triples("Poland reinforced its border in response to the migrant crisis.")
                if c.startswith("15") and t is not None}
