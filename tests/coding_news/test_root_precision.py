"""Extra roots per sentence (issue 9, session 10): what a sentence's set of CAMEO
roots should not hold. An act by nobody named beside a named doer's act, a light-verb
statement that carries an act, an infinitive joined to a promise. Every sentence here
was written for this project."""

from __future__ import annotations

import pytest

from flashpoint.pipeline import code_text

from .tables import root_set, roots_on, table

pytestmark = pytest.mark.slow


roots = roots_on("2026-11-20")


test_an_unnamed_act_yields_to_the_named_doers_act = table("text, want", [
    # what an appeal or a demand is about is not an act of its own
    ("The Pope called for an end to the fighting in South Sudan.", {"02"}),
    ("Kenya's president demanded an immediate halt to the fighting along the border with Somalia.", {"10"}),
    ("Norway's foreign minister urged both sides to return to the talks in Doha.", {"02"}),
    # a meeting told again by its noun adds no root
    ("Japan's prime minister hosted the Indian prime minister in Tokyo for a summit.", {"04"}),
], root_set(roots))


def test_an_unnamed_act_stays_when_nobody_named_acts_in_its_sentence():
    assert "19" in roots("Heavy fighting broke out between the army and rebels in Sudan's Darfur region on Monday.")


test_a_light_verb_statement_carries_its_act = table("text, want", [
    ("Qatar's foreign ministry issued a statement condemning the air strike on the hospital in Gaza.", {"11"}),
    ("Ghana's foreign minister made remarks praising Nigeria for its role in the talks.", {"05"}),
    ("Chile's president delivered a speech accusing Bolivia of diverting water from a shared river.", {"11"}),
], root_set(roots))


def test_a_light_verb_statement_alone_is_still_a_statement():
    events = code_text("Mexico's foreign minister issued a statement about the dispute with the United States.",
                       date="2026-11-20", doc_id="r")
    assert [(e.cameo, e.statement) for e in events] == [("010", True)]  # the back-off does not replace it


def test_a_speech_delivered_is_no_aid_delivered():
    assert roots("Chile's president delivered a speech calling for more food and medicine for Haiti.") == {"02"}


def test_an_infinitive_joined_to_a_promise_is_promised_too():
    events = code_text("Chad and Sudan agreed to reopen their border and to hold talks on refugees next month.",
                       date="2026-11-20", doc_id="r")
    assert {e.cameo_root for e in events} == {"03"}


def test_troops_sent_within_their_own_country_are_force_posture():
    assert roots("The Ethiopian government sent troops to the Amhara region on Tuesday.") == {"15"}
    assert roots("Kenya sent troops to Somalia to fight al-Shabaab.") == {"06"}
