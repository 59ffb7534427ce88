"""Whose ally an actor is does not make it that party (session 11). Phrases written for this project."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("phrase, country", [
    ("the commander of Syria's militia ally in northern Iraq", "IRQ"),
    ("Iran's proxies in Yemen", "YEM"),
    ("Russia's ally Belarus", "BLR"),
])
def test_a_possessive_before_ally_or_proxy_describes_the_actor(kb, phrase, country):
    res = kb.resolve(phrase, "2025-01-01", None)
    assert res is not None and res.actor.country == country, res
    assert "describes the actor" in res.why


def test_a_possessive_before_its_own_organ_is_still_the_owner(kb):
    res = kb.resolve("Israel's army", "2025-01-01", None)
    assert (res.actor.country, res.actor.sector) == ("ISR", "MIL")
