"""Shared helpers for the ontology and context-tag tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

EVALDATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "evaldata"


def read_jsonl(name: str) -> list[dict]:
    path = EVALDATA / name
    if not path.is_file():
        pytest.skip(f"{path} is absent: third-party eval data lives in ../shared/evaldata next to the repo")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def codebook() -> list[dict]:
    return read_jsonl("cameo_codebook.jsonl")


@pytest.fixture(scope="session")
def ontology():
    from flashpoint.coding.ontology import Ontology

    return Ontology.load()


@pytest.fixture(scope="session")
def tagger():
    from flashpoint.coding.contexts import ContextTagger

    return ContextTagger.load()
