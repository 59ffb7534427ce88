"""Shared fixtures of the details tests: the knowledge base and the gazetteer, loaded once."""

from __future__ import annotations

import pytest

from flashpoint.actors import KnowledgeBase
from flashpoint.geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def kb():
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def gaz():
    return Gazetteer.load()
