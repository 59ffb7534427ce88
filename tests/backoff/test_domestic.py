"""A back-off event with one party: yielding, protest and coercion are aimed at its own
country (CAMEO codes domestic acts so); other roots stay one-sided (no model)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from flashpoint.coding.backoff import Prediction
from flashpoint.coding.backoff_events import _event
from flashpoint.coding.ontology import Ontology
from flashpoint.nlp.event_dates import EventDate
from flashpoint.types import Actor, Article, Evidence

SENTENCE = "Striking dock workers in Mombasa kept up their sit-in for a second week."


def backoff_event(root: str, source: Actor, others: tuple[Actor, ...] = ()):
    res = SimpleNamespace(ontology=Ontology.load(), kb=SimpleNamespace(country=lambda iso3: None))
    pred = Prediction(quad="3", root=root, probability=0.8, confidence=0.2)
    when = EventDate("2026-11-20", "day", False, "article")
    return _event(pred, [source, *others], Evidence(SENTENCE, 0, len(SENTENCE), "kept"), 0,
                  Article("d", SENTENCE, "2026-11-20"), when, None, res, ())


@pytest.mark.parametrize("root", ["08", "14", "17"])
def test_a_one_sided_domestic_act_is_aimed_at_its_own_country(root):
    event = backoff_event(root, Actor("dock workers", "dock workers", "KEN", None, "LAB", "KENLAB"))
    assert event.target is not None and (event.target.country, event.target.text) == ("KEN", "(own country)")


def test_other_roots_and_named_targets_and_organisations_are_left_alone():
    workers = Actor("dock workers", "dock workers", "KEN", None, "LAB", "KENLAB")
    assert backoff_event("19", workers).target is None
    tanzania = Actor("Tanzania", "Tanzania", "TZA", None, None, "TZA")
    assert backoff_event("14", workers, (tanzania,)).target.country == "TZA"
    assert backoff_event("17", Actor("the UN", "United Nations", None, "UN", "IGO", "IGOUNO")).target is None
