"""The back-off's gates on real parses (spaCy model): who the parties are, and which lines get no event.

A fixed predictor stands in for the model, so each sentence (our own) is judged on its
shape alone, and the sentences are given as uncoded by the rules (``covered`` is empty).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from flashpoint.coding.backoff import Prediction
from flashpoint.coding.backoff_events import backoff_events
from flashpoint.coding.backoff_gates import DEFAULT_GATES
from flashpoint.config import Settings
from flashpoint.pipeline import load_resources
from flashpoint.types import Article

pytestmark = pytest.mark.slow


class FixedBackoff:
    """Predicts one root for every sentence; a barred root gives way to 17, else 18."""

    def __init__(self, root: str, quad: str = "4") -> None:
        self.root, self.quad = root, quad

    def predict(self, text: str, barred: frozenset[str] = frozenset()) -> Prediction | None:
        root = next((r for r in (self.root, "17", "18") if r not in barred), None)
        return Prediction(self.quad, root, 0.9, 0.2) if root else None


def events(text: str, root: str, gates=DEFAULT_GATES, quad: str = "4") -> list:
    """The back-off's events for ``text`` (taken as uncoded by the rules) under ``gates``."""
    settings = Settings()
    res = replace(load_resources(settings), backoff=FixedBackoff(root, quad))
    doc = res.nlp(text)
    return backoff_events(doc, 0, Article(id="t", text=text), None, set(), res, settings, gates)


def parties(text: str, root: str, gates=DEFAULT_GATES, quad: str = "4") -> list[tuple[str | None, str | None]]:
    """(source, target) actor codes of the back-off's events for ``text`` under ``gates``."""
    return [(e.source and e.source.code, e.target and e.target.code) for e in events(text, root, gates, quad)]


def test_the_police_who_report_a_killing_are_no_party_to_it():
    text = "Nigerian soldiers killed four gunmen near Maiduguri, Cameroonian police said."
    (with_gates,) = parties(text, "18")
    assert with_gates[0] == "NGAMIL" and "CMRPOL" not in with_gates
    (without,) = parties(text, "18", DEFAULT_GATES - {"reporter"})
    assert "CMRPOL" in without


def test_according_to_officials_is_no_party():
    text = "According to Syrian officials, Turkish drones struck a convoy near the border."
    assert parties(text, "19") == [("TURMIL", None)]
    assert parties(text, "19", DEFAULT_GATES - {"reporter"}) == [("TURMIL", "SYRGOV")]


def test_a_killing_with_only_its_reporter_and_victims_gets_no_event():
    text = "Kenyan police said two Somali traders were shot dead near the border."
    assert parties(text, "18") == []
    assert parties(text, "18", frozenset())  # without gates the police were its source


def test_the_main_verbs_subject_is_the_source():
    text = "Officials in Kenya said Ugandan envoys met Tanzanian ministers in Arusha."
    (event,) = parties(text, "04", quad="1")
    assert event[0].startswith("UGA")
    (ungated,) = parties(text, "04", DEFAULT_GATES - {"subject"}, quad="1")
    assert not ungated[0].startswith("UGA")  # another subject of the sentence came first


def test_a_line_with_no_verb_gets_no_event():
    text = "Ethiopian troops and Eritrean forces in Tigray: the photographs"
    assert parties(text, "19") == []
    assert parties(text, "19", DEFAULT_GATES - {"verbless", "agent"})


def test_a_protest_needs_a_protest_cue():
    ordered = "The Bolivian government ordered two newspapers in La Paz to close."
    assert [e.cameo for e in events(ordered, "14")] == ["170"]  # no crowd: coercion, not protest
    assert events(ordered, "14", DEFAULT_GATES - {"protest_coerce"} | {"protest_cue"}) == []
    assert [e.cameo for e in events("Bolivian miners marched on La Paz to demand higher wages.", "14")] == ["140"]
