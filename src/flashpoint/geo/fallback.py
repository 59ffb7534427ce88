"""Place an event to the finest level the text allows, never to nothing.

:func:`flashpoint.nlp.places.event_location` picks the place mention of an
event's clause. This module finishes the job:

1. a mention the gazetteer knows is kept ("clause");
2. a village or small town found in the small-places table, inside the
   story's countries ("small-place"); also when the clause gave only a country
   (or nothing) but the sentence names "the town of X" or "the village of X";
3. else the nearest larger place the same sentence names, a region or a
   town ("the village of Ogossagou in central Mali's Mopti region" -> the
   Mopti region; precision ``region``) ("sentence-region");
4. else a country the sentence puts the event in ("the village of Bint Jbeil in
   southern Lebanon", "sentence-country");
5. else the story's home country (the dateline's, else the most-mentioned),
   at its coordinates with precision ``country`` ("country").

An event its sentence does not place but whose sentence refers back to a place
or an incident ("deployed in the province", "fled the area", "wounded in the
clash") takes the last place the story
placed an event in, at that place's precision ("back-reference"), rather than
the article's country.

Before all of these, when the clause gave no place finer than a country, a
target that is itself a place ("Russian drones struck the port of Odesa",
target Odesa) is where the event happened ("target-place").

The mention's own name is kept; the precision says what the coordinates
stand for. An event whose sentence names no place at all gets the article's
dominant place only at country level ("article-country"): a town named
elsewhere in the story, or in the dateline, is not where this event happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..folded import Folded
from ..types import Location

# Capitalised names in running text ("Mopti", "Indian-administered Kashmir").
_NAME = re.compile(r"\b[A-Z][\w'\-]+(?:\s+(?:of\s+|el-|al-)?[A-Z][\w'\-]+){0,3}(?:\s+(?:region|province|state|district|governorate|oblast))?")


# "in southern Lebanon", "inside Syria": a country a sentence puts its event in.
_IN_COUNTRY = re.compile(r"\b(?:in|inside|across)\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
                         r"([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,2})")


# "the town of Mirebalais", "the mining village of Eteringbang": a name its settlement word calls a place.
_SETTLEMENT = re.compile(r"\b(?:town|village|settlement|camp|city)\s+of\s+([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,2})")


def _names(sentence: str):
    """Capitalised names and their tails after a possessive ("Mali's Mopti region", then
    "Mopti region"); not other tails ("The African Union" never gives "Union", a town)."""
    for m in _NAME.finditer(sentence):
        words = m.group(0).split()
        for k in range(len(words)):
            if not words[k][:1].isupper() or (k and not words[k - 1].endswith(("'s", "\u2019s"))):
                continue
            yield " ".join(words[k:])


# "deployed in the province", "fled the area": a definite place noun with no name of its
# own names the place the story last named.
# So does a definite incident ("wounded in the clash", "killed in the attack"): it happened
# where the story's last incident did.
_BACK_REFERENCE = re.compile(
    r"\b(?:in|into|inside|across|near|around|to|from|at|of|outside)\s+the\s+"
    r"(?:province|region|area|town|village|city|district|state|camp|county|valley|border area)\b"
    r"|\b(?:in|during|after)\s+the\s+(?:same\s+)?(?:clash(?:es)?|attack|fighting|raid|ambush|blast|explosion|shootout|"
    r"gunfight|firefight|strikes?|bombing|shelling|assault|incident|violence|unrest|stampede)\b",
    re.IGNORECASE)
_BACK_REFERENCE_FOLDED = Folded(_BACK_REFERENCE)  # (at case-sensitive speed on ASCII text: flashpoint/folded.py)
FINE_BASES = frozenset({"clause", "small-place", "sentence-region", "target-place", "back-reference"})  # finer than a country


def back_reference(loc: Location | None, basis: str, sentence: str, previous: Location | None) -> tuple[Location | None, str]:
    """The place the story last named, for an event its sentence does not place but
    refers back to ("Rwandan troops deployed in the province pursued the attackers"):
    without it the event falls to the article's country, here a foreign army's own."""
    if previous is None or basis in FINE_BASES or not _BACK_REFERENCE_FOLDED.found(sentence):
        return loc, basis
    return previous, "back-reference"


def _country_location(gazetteer, iso3: str | None, name: str | None = None) -> Location | None:
    if not iso3:
        return None
    place = gazetteer.country_place(iso3)
    if place is None:
        return None
    return Location(name or place.name, iso3, place.lat, place.lon, "country")


def refine_location(
    loc: Location | None,
    sentence: str,
    gazetteer,
    countries: Sequence[str] = (),
    home: str | None = None,
    article_place: Location | None = None,
    small=None,
    target_place: str | None = None,
) -> tuple[Location | None, str]:
    """The event's location and how it was found (see the module docstring)."""
    if target_place and (loc is None or loc.precision == "country" or loc is article_place):
        # "Russian drones struck the port of Odesa": the place attacked is where it happened.
        context = [c for c in (home, *countries) if c]
        place = gazetteer.resolve(target_place, context)
        if place is None and " of " in target_place:
            # "the port of Odesa", "the town of Kidal": the name after "of"
            place = gazetteer.resolve(target_place.rsplit(" of ", 1)[1], context)
        if place is not None and place.precision != "country" and place.lat is not None:
            return place, "target-place"
    context = [c for c in (home, *countries) if c]
    if small is not None and (loc is None or loc.precision == "country" or loc is article_place):
        # "stormed the central Haitian town of Mirebalais": the clause's mention was only a
        # country (or none), but the sentence calls a small place by its settlement word
        for m in _SETTLEMENT.finditer(sentence):
            found = small.resolve(m.group(1), context)
            if found is not None and (not context or found.country in context):
                return found, "small-place"
    if loc is None:
        return None, "none"
    if article_place is not None and loc is article_place:
        if loc.precision == "country":
            return loc, "article-country"
        return _country_location(gazetteer, loc.country) or loc, "article-country"
    if loc.lat is not None and loc.lon is not None:
        return loc, "clause"
    if small is not None:
        found = small.resolve(loc.name, context)
        if found is not None:
            return found, "small-place"
    for name in _names(sentence):
        if loc.name in name:
            continue
        place = gazetteer.resolve(name, context)
        if place is None or place.precision == "country" or (context and place.country and place.country not in context):
            continue
        return Location(loc.name, place.country, place.lat, place.lon, "region"), "sentence-region"
    for m in _IN_COUNTRY.finditer(sentence):
        # "the village of Bint Jbeil in southern Lebanon": the country the sentence puts it in,
        # before the story's home (a dateline across the border must not win)
        place = gazetteer.resolve(m.group(1), context)
        if place is not None and place.precision == "country" and place.country:
            named = _country_location(gazetteer, place.country, loc.name)
            if named is not None:
                return named, "sentence-country"
    country = _country_location(gazetteer, context[0] if context else None, loc.name)
    return (country, "country") if country is not None else (loc, "unresolved")
