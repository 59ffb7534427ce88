"""Where a local agent works, read from the phrase itself: its country through the gazetteer.

A phrase such as "Police in Mombasa", "the governor of Katsina state", "Kerala's chief
minister" or "Residents of Goma" names its agent's owner by a place the knowledge base
does not list (it lists countries, their capitals and metonyms, not every town and
province). The gazetteer does: the place's country is the agent's country, before any
context country the caller passes (the phrase's own place says more than the story's).

Three shapes name such a place (``place_in_phrase``):

1. a town and what holds it after a comma ("Police in Toledo, Ohio", "the mayor of
   Berlin, New Hampshire", "Officials in Victoria, British Columbia"): the town of that
   name in the holder (``Gazetteer.qualified``), even where the town's name is also a
   capital's, a country's or a known person's ("Lebanon, Pennsylvania" is no Lebanese
   actor): those words are then no owner of the agent;
2. a proper name after "in", "of", "from", "at" or "near", with an optional "the city
   of" before it or a unit word after it ("Police in Mombasa", "the governor of Kano
   state", "Officials in Kherson region", "the army in Magway region");
3. a possessive proper name before a local office ("Kerala's chief minister", "Alberta's
   premier", "KwaZulu-Natal's premier").

Only words no knowledge-base alias took are asked (a known country or person keeps its
own reading), and only places the gazetteer holds under that very name (``candidates``,
no fuzzy match): "the chairman of Samsung" names no place. The answer depends on the
context country where the gazetteer has namesakes ("Police in San Fernando" in a story
from Manila), so such an answer is ``contextual`` (actors/resolve.py).
"""

from __future__ import annotations

import re
from typing import Protocol, Sequence

# A proper name of up to four words, with the particles inside place names ("Dar es
# Salaam", "Santa Cruz de la Sierra") and hyphens ("KwaZulu-Natal", "Khyber Pakhtunkhwa").
_NAME = r"[A-Z][\w'\-]*[\w](?:\s+(?:(?:es|de|del|da|do|la|el|al)\s+)?[A-Z][\w'\-]*[\w]){0,3}"
UNIT_WORDS = ("state", "province", "region", "county", "district", "governorate", "oblast", "prefecture",
              "department", "territory", "municipality")
_UNIT = r"(?:\s+(?:" + "|".join(UNIT_WORDS) + r")\b)?"
# 1. "Toledo, Ohio": a town, a comma, its holder (ending the phrase or before a comma).
_PAIR = re.compile(r"\b(?:in|of|from|at|near)\s+(?:the\s+)?(?P<town>" + _NAME + r"),\s+(?P<holder>" + _NAME + r")\s*(?:,|$)")
# 2. "in Mombasa", "of Katsina state", "in the Philippine city of San Jose" (the adjective is the
#    knowledge base's), "in the northern city of Kumasi".
_AFTER = re.compile(r"\b(?:in|of|from|at|near)\s+(?:the\s+)?(?:[a-z]+(?:ern)?\s+)?(?:(?:city|town|village|port|state|province|region|district|county)\s+of\s+)?"
                    r"(?P<name>" + _NAME + r")(?P<unit>" + _UNIT + r")")
# 3. "Kerala's chief minister": a possessive place before a local office.
_BEFORE = re.compile(r"^(?:the\s+)?(?P<name>" + _NAME + r")(?P<unit>" + _UNIT + r")(?:'s?|’s?)\s+(?:(?:acting|regional|provincial|state|new|former)\s+)?"
                     r"(?:governor|premier|chief\s+minister|first\s+minister|minister-president|mayor|police|authorities|"
                     r"officials|government|president|assembly|council|legislature)\b", re.I)
# Capitalised words that are never a place's own name (months, weekdays; a title's words).
_NOT_NAMES = frozenset("january february march april may june july august september october november december "
                       "monday tuesday wednesday thursday friday saturday sunday".split())


class Places(Protocol):
    """What this module asks of a gazetteer (geo/gazetteer.py ``Gazetteer``)."""

    def candidates(self, name: str, context_countries: Sequence[str] = ()) -> list: ...

    def qualified(self, name: str, holder: str) -> object | None: ...


def _country(places: Places, name: str, unit: str, context: str | None) -> str | None:
    """The country of the best place called ``name`` (with its unit word, else without)."""
    if name.split()[0].lower() in _NOT_NAMES:
        return None
    ctx = (context,) if context else ()
    found = places.candidates(f"{name}{unit}", ctx) if unit else []
    if not found:
        found = places.candidates(name, ctx)
        if unit:
            found = [p for p in found if p.kind == "region"] or found
    for place in found:
        if place.country:
            return place.country
    return None


def place_in_phrase(places: Places | None, text: str, free: Sequence[tuple[int, int]] | None,
                    context: str | None) -> tuple[str, tuple[int, int]] | None:
    """The country of the place a phrase names its local agent by, and the place's
    character span, or None.

    Args:
        places: the gazetteer (None: no answer).
        text: the phrase.
        free: the character spans of words no knowledge-base alias took; a name (shapes 2
            and 3) must lie inside one. None: every word is free.
        context: the caller's context country, which ranks namesakes.
    """
    if places is None:
        return None

    def is_free(start: int, end: int) -> bool:
        return free is None or any(a <= start and end <= b for a, b in free)

    m = _PAIR.search(text)
    if m is not None:
        town = places.qualified(m.group("town"), m.group("holder"))
        if town is not None and getattr(town, "country", None):
            return town.country, (m.start("town"), m.end("holder"))
    m = _BEFORE.match(text)
    if m is not None and is_free(m.start("name"), m.end("name")):
        iso = _country(places, m.group("name"), m.group("unit"), context)
        if iso is not None:
            return iso, (m.start("name"), m.end("unit"))
    for m in _AFTER.finditer(text):
        if not is_free(m.start("name"), m.end("name")):
            continue
        iso = _country(places, m.group("name"), m.group("unit"), context)
        if iso is not None:
            return iso, (m.start("name"), m.end("unit"))
    return None


__all__ = ["Places", "UNIT_WORDS", "place_in_phrase"]
