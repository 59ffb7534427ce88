"""A tiny in-memory actor knowledge base for coder tests (a fake, not a mock).

It knows a handful of countries, organisations and agent words, enough to
test the extraction rules without depending on the full knowledge base.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashpoint.types import Actor

COUNTRIES = {
    "poland": "POL", "polish": "POL", "warsaw": "POL",
    "belarus": "BLR", "belarusian": "BLR", "minsk": "BLR",
    "russia": "RUS", "russian": "RUS", "moscow": "RUS", "kremlin": "RUS",
    "uk": "GBR", "britain": "GBR", "british": "GBR",
    "lithuania": "LTU", "latvia": "LVA", "estonia": "EST", "ukraine": "UKR", "ukrainian": "UKR",
    "mali": "MLI", "burkina faso": "BFA", "france": "FRA", "french": "FRA", "germany": "DEU",
    "iran": "IRN", "israel": "ISR", "israeli": "ISR", "china": "CHN", "chinese": "CHN",
    "united states": "USA", "us": "USA", "japan": "JPN", "india": "IND", "indian": "IND",
}
ORGS = {
    "nato": ("NATO", "IGOWSTNAT"), "north atlantic council": ("NATO", "IGOWSTNAT"),
    "european union": ("EU", "IGOEUREEC"), "eu": ("EU", "IGOEUREEC"), "un": ("UN", "IGOUNO"),
}
AGENTS = {
    "defence ministry": "MIL", "ministry of defence": "MIL", "military": "MIL", "troops": "MIL",
    "paratroopers": "MIL", "armed forces": "MIL", "engineers": "MIL", "army": "MIL", "soldiers": "MIL",
    "government": "GOV", "president": "GOV", "foreign ministry": "GOV", "police": "POL",
    "protesters": "OPP", "migrants": "REF", "rebels": "REB", "spokesperson": "GOV",
}
PEOPLE = {"lukashenko": ("Alexander Lukashenko", "BLR"), "putin": ("Vladimir Putin", "RUS")}


@dataclass(frozen=True)
class CountryEntry:
    name: str


@dataclass(frozen=True)
class Resolution:
    actor: Actor
    entry_ids: tuple[str, ...]
    why: str


def _find(table, low):
    hits = []
    for key in sorted(table, key=len, reverse=True):
        m = re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", low)
        if m:
            hits.append((m.start(), key))
    return hits


class FakeKB:
    def resolve(self, text, when=None, context_country=None):
        low = text.lower().replace("'s", "").replace("’s", "")
        for key, (org, code) in ORGS.items():
            if re.search(rf"\b{re.escape(key)}\b", low):
                return Resolution(Actor(text, org, None, org, "IGO", code), (f"org:{org}",), "org")
        for key, (name, iso) in PEOPLE.items():
            if key in low:
                return Resolution(Actor(text, name, iso, None, "GOV", iso + "GOV"), (f"person:{key}",), "person")
        countries = _find(COUNTRIES, low)
        agents = _find(AGENTS, low)
        country = COUNTRIES[max(countries)[1]] if countries else None
        sector = AGENTS[agents[0][1]] if agents else None
        why = ""
        if country is None and sector is not None and context_country:
            country, why = context_country, "context"
        if country is None and sector is None:
            return None
        code = (country or "") + (sector or "") or None
        return Resolution(Actor(text, country or text, country, None, sector, code), (), why)

    def country_of(self, word):
        return COUNTRIES.get(word.lower())

    def country(self, iso3):
        """The country entry for an ISO3 code (only its name is used by the coder)."""
        names = [k for k, v in COUNTRIES.items() if v == iso3]
        return CountryEntry(names[0].title()) if names else None

    def is_actor_word(self, w):
        return w in COUNTRIES or w in ORGS

    def first_name_of(self, text):
        """No country name opens a person's name in these tests."""
        return None

    def given_name_of(self, text):
        """No country name opens a person's name in these tests."""
        return None

    def is_capital(self, text):
        """No capital stands alone for a government in these tests."""
        return False

    def sponsors(self, text):
        """The countries named as a group's sponsor ("Russian-backed rebels")."""
        return frozenset(iso for word, iso in COUNTRIES.items() if f"{word}-backed" in text.lower())

    def described(self, text):
        """The countries a description of a state may stand for: "the kingdom" is the UK here."""
        return frozenset({"GBR"}) if "kingdom" in text.lower().split() else frozenset()
