"""Session 22's same-output speed cuts of the coding after the parse: each shortcut gives what
the plain computation gave (sentences and names of our own)."""

from __future__ import annotations

import hashlib
import json
import math

import numpy as np
import pytest

from flashpoint.coding.backoff import _TOKEN, load_backoff
from flashpoint.coding.generic_country import settlement_names
from flashpoint.types import content_id


def _plain_id(*parts, length: int = 16) -> str:
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:length]


@pytest.mark.parametrize("parts", [
    ("wire-7", 120, 131, "190", "RUSMIL", "Russian artillery", "UKR", "Kharkiv"),
    ("doc \"quoted\" \\ back", 0, -4, "0", None, "Çağlayan\tİzmir", None, None),
    ("line\nbreak\x00\x1f\x7f", 10**20, "naïve – “curly” — 中文 😀", "\u2028\u2029"),
    (),
    ("a bool and a float fall back", True, 1.5, ["a list", 2], {"b": 1, "a": 2}),
])
def test_content_id_is_the_json_hash(parts):
    assert content_id(*parts) == _plain_id(*parts)
    assert content_id(*parts, length=40) == _plain_id(*parts, length=40)


def _plain_features(model, text: str):
    words = _TOKEN.findall(text.lower())
    counts: dict[int, int] = {}
    for term in (*words, *(f"{a} {b}" for a, b in zip(words, words[1:]))):
        k = model.index.get(term)
        if k is not None:
            counts[k] = counts.get(k, 0) + 1
    idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
    tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32, count=len(counts))
    vals = tf * model.idf[idx]
    norm = float(np.sqrt((vals * vals).sum()))
    return idx, (vals / norm if norm else vals)


@pytest.mark.parametrize("text", [
    "The defence ministry said its forces had shelled rebel positions near the border for a second night.",
    "Ministers of the two countries signed a trade agreement and agreed to hold talks again in March.",
    "Police police police said said the the talks talks.",  # repeated words and pairs
    "",
    "zzqx vvbn",  # no term of the vocabulary
])
def test_backoff_features_read_pairs_as_before(text):
    model = load_backoff()
    idx, vals = model.features(text)
    plain_idx, plain_vals = _plain_features(model, text)
    assert idx.tolist() == plain_idx.tolist()  # the same terms, in the same order
    assert vals.tobytes() == plain_vals.tobytes()


@pytest.mark.parametrize("clause, names", [
    ("fighting spread to the town of Kerem Ado and the province of Upper Nile", {"Kerem Ado", "Upper Nile"}),
    ("the minister spoke in the capital", set()),
    ("the town council met without its mayor", set()),
    ("", set()),
])
def test_settlement_names(clause, names):
    assert settlement_names(clause) == names


@pytest.mark.parametrize("clause, country", [
    ("gunmen on the Colombian side of the river opened fire", "COL"),
    ("shells fell from the Armenian bank of the river overnight", "ARM"),
    ("troops on the Indian side of the line were put on alert", "IND"),
    ("soldiers on the eastern side fired", None),  # no country's side
])
def test_a_side_of_the_river_still_places_the_clause(clause, country):
    from flashpoint.actors import KnowledgeBase
    from flashpoint.coding.generic_country import clause_place_country
    from flashpoint.geo.gazetteer import Gazetteer

    assert clause_place_country(clause, KnowledgeBase.load(), Gazetteer.load(), ()) == country
