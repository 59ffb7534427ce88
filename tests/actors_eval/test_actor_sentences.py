"""Actor resolution on the project's own test set of news-style sentences from every continent.

Mention level: each expected actor is named by some phrase of the sentence that the knowledge
base resolves to it (tests the KB; target 90%). Event level: the actor is source or target of a
coded event in the expected role (tests KB and coder together; recorded in docs/ACCURACY.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.eval.project import actor_sentences

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[1] / "data" / "actor_sentences.jsonl"


@pytest.fixture(scope="module")
def scores():
    return actor_sentences(DATA)


def test_mention_level_resolution(scores):
    assert scores["expected_actors"] >= 300
    assert scores["mention_level"] >= 0.90, scores


def test_event_level_roles(scores):
    assert scores["event_level"] >= 0.40, scores
