"""Shared fixtures: the package knowledge base and a small people file of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.actors import KnowledgeBase

HERE = Path(__file__).resolve().parent
PEOPLE_FIXTURE = HERE / "people_fixture.tsv"


@pytest.fixture(scope="session")
def kb_people() -> KnowledgeBase:
    """Package data with our fixture people overriding the package rows by id."""
    return KnowledgeBase.load([PEOPLE_FIXTURE])
