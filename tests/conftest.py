"""Shared fixtures: paths to the shared gold data, the spaCy model, the full resources."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared gold data sits beside the repository only in the project workspace")
    return path


@pytest.fixture(scope="session")
def nlp():
    from flashpoint.nlp.model import load_nlp
    from flashpoint.pipeline import _add_newline_splitter

    model = load_nlp()
    _add_newline_splitter(model)
    return model


@pytest.fixture(scope="session")
def kb():
    """The built-in knowledge base, loaded once for the whole run."""
    from flashpoint.actors import KnowledgeBase

    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def gaz():
    """The built-in gazetteer, loaded once for the whole run."""
    from flashpoint.geo.gazetteer import Gazetteer

    return Gazetteer.load()
