"""evaluate_merge against the labelled fixture, with a fake coder that
codes each article as its gold event (so only merging is measured)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.store.merge import evaluate_merge

from .conftest import make_event

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "merge_fixture.jsonl"


def gold_coder(path: Path):
    gold = {str(r["id"]): r["event"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r}

    def code(articles):
        for article in articles:
            g = gold.get(article.id)
            if g is None:
                yield article, [], "no gold"
                continue
            yield article, [make_event(f"ev-{article.id}", article.id, date=g.get("date"), source=g.get("source"),
                                       target=g.get("target"), cameo=g["root"] + "0", trigger="gold",
                                       sentence=article.text[:80])], None

    return code


@pytest.mark.skipif(not FIXTURE.exists(), reason=f"{FIXTURE} not present yet")
def test_merge_on_fixture_with_gold_coding():
    result = evaluate_merge(FIXTURE, gold_coder(FIXTURE))
    assert result["articles"] >= 10
    assert result["precision"] >= 0.8
    assert result["recall"] >= 0.8


def test_small_fixture_scores(tmp_path):
    rows = [
        {"id": "a", "outlet": "X", "date": "2021-11-12", "text": "One story about a visit to Minsk by Russian officials.",
         "cluster": "c1", "event": {"source": "RUS", "target": "BLR", "root": "04", "date": "2021-11-12"}},
        {"id": "b", "outlet": "Y", "date": "2021-11-13", "text": "Another outlet wrote its own piece on the visit.",
         "cluster": "c1", "event": {"source": "RUS", "target": "BLR", "root": "04", "date": "2021-11-13"}},
        {"id": "c", "outlet": "Z", "date": "2021-11-12", "text": "An unrelated protest happened in Kyiv today.",
         "cluster": "c2", "event": {"source": "UKR", "target": "UKR", "root": "14", "date": "2021-11-12"}},
        {"id": "d", "outlet": "W", "date": "2021-11-12", "text": "One story about a visit to Minsk by Russian officials.",
         "cluster": "c1", "event": {"source": "RUS", "target": "BLR", "root": "04", "date": "2021-11-12"}},
    ]
    path = tmp_path / "fixture.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = evaluate_merge(path, gold_coder(path))
    assert (result["precision"], result["recall"], result["copies"]) == (1.0, 1.0, 1)

    def nothing(articles):
        for article in articles:
            yield article, [], "failed"

    result = evaluate_merge(path, nothing)
    assert result["recall"] == 0.0 and result["errors"] == 4 and result["uncoded"] == 4


def test_malformed_fixture(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 1}\n{not json\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:2"):
        evaluate_merge(path, lambda arts: iter(()))
