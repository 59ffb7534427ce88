"""geo.names.unit_around runs its expressions only where they can match (session 22): the same
answers as running them everywhere, on our own phrases and on random ones."""

from __future__ import annotations

import random

from flashpoint.geo.names import _UNIT_AFTER, _UNIT_BEFORE, unit_around


def _everywhere(text: str, start: int, end: int) -> str | None:
    name = text[start:end]
    before = _UNIT_BEFORE.search(text[max(0, start - 30):start])
    if before:
        return f"{before.group(1).lower()} of {name}"
    after = _UNIT_AFTER.match(text[end:end + 30])
    if after:
        return f"{name} {after.group(1).lower()}"
    return None


PHRASES = [
    ("fighting flared in the STATE OF  Zulia overnight", "Zulia", "state of Zulia"),
    ("a drone hit the Kursk Oblast border village", "Kursk", "Kursk oblast"),
    ("shelling in the district of\tBakhmut", "Bakhmut", "district of Bakhmut"),
    ("rain fell on Lagos, the city said", "Lagos", None),
    ("the Tigray region's capital", "Tigray", "Tigray region"),
    ("the Krasnodar \u212arai governor", "Krasnodar", "Krasnodar krai"),  # a Kelvin sign folds to "k"
]


def test_session22_unit_around_own_phrases():
    for text, name, want in PHRASES:
        start = text.index(name)
        assert unit_around(text, start, start + len(name)) == want == _everywhere(text, start, start + len(name))


def test_session22_unit_around_random_phrases():
    rng = random.Random(22)
    pieces = ["the", "state", "STATE", "of", "OF", "region", "Region", "krai", "\u212arai", "\u017ftate", " ", "  ",
              "\u00a0", "\n", "Sucre", "x", "province", "area", ",", "ofx", "areas", "Kray", "Oblast"]
    for _ in range(20000):
        words = [rng.choice(pieces) for _ in range(rng.randint(1, 12))]
        text = "".join(w if rng.random() < 0.3 else w + " " for w in words)
        start = rng.randint(0, len(text) - 1)
        end = rng.randint(start, len(text))
        assert unit_around(text, start, end) == _everywhere(text, start, end), (text, start, end)
