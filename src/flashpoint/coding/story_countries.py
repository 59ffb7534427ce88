"""The countries a document talks about, most mentioned first.

Each named entity counts for at most one country. The strategies that decide which are
small functions tried in the order ``data/story_countries.yaml`` gives (as the target
chain of coding/targets.py): the first that answers decides, with a country or with
:data:`NONE` ("counts for no country": "pro-Russian", "the French embassy"); one that
has nothing to say returns None and the next is asked.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import DataFileError
from ..yamlio import chain_items, load_package_yaml
from .generic_country import city_no_village_is, holder_country, home_namesake, local_agent_place, mission_owner

NONE = ""  # a strategy's answer: the entity counts for no country
LABELS = frozenset({"GPE", "NORP", "ORG", "LOC", "FAC", "PERSON"})


@dataclass(frozen=True, slots=True)
class Named:
    """What a strategy sees: one entity of the document and the lookups of the story."""

    ent: Any  # the spaCy span
    text: str  # the document's text
    name: str  # text[ent.start_char:ent.end_char]
    kb: Any
    gazetteer: Any  # None where the caller has none
    home: str | None  # the dateline's country
    # what _unit_place found, once asked (the unit and knowledge_base strategies both ask)
    unit_found: list = field(default_factory=list, compare=False, repr=False)


Strategy = Callable[[Named], "str | None"]


def leaning(n: Named) -> str | None:
    """A name told only as a leaning ("an anti-Syria journalist", "pro - Russian"), as
    actors/resolve.py reads "pro-Russian separatists": no country the story is about."""
    from ..actors.resolve import AFFILIATION_BEFORE

    start, doc = n.ent.start, n.ent.doc
    if start >= 1 and doc[start - 1].lower_ in AFFILIATION_BEFORE:
        return NONE
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in AFFILIATION_BEFORE:
        return NONE
    return None


def mission_owner_(n: Named) -> str | None:
    """The nation owning a diplomatic mission ("the French embassy") tells no French story."""
    return NONE if mission_owner(n.text, n.ent.start_char, n.ent.end_char) else None


def home_namesake_(n: Named) -> str | None:
    """A town told as where its own agents work ("Police in Tripoli") is the dateline
    country's where that has a town of the name (not a famous city's)."""
    if n.home and local_agent_place(n.text, n.ent.start_char, n.ent.end_char) and home_namesake(n.gazetteer, n.name, n.home):
        return n.home
    return None


# ", Idaho" after a town, "Moscow, " before its holder
_HOLDER_AFTER = re.compile(r",\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})")
_TOWN_BEFORE = re.compile(r"([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?),\s+$")


def qualified_town(n: Named) -> str | None:
    """A town told with its holder ("Moscow, Idaho", "Athens, Georgia") counts for the
    holder's country, and so does the holder ("Georgia" there is the US state); a town the
    document qualified once counts so wherever it is named again (lookup_memo.py pins)."""
    ask = getattr(n.gazetteer, "qualified", None)
    if ask is None:
        return None
    after = _HOLDER_AFTER.match(n.text, n.ent.end_char)
    town = ask(n.name, after.group(1)) if after is not None else None
    if town is None:
        before = _TOWN_BEFORE.search(n.text, max(0, n.ent.start_char - 40), n.ent.start_char)
        town = ask(before.group(1), n.name) if before is not None else None
    if town is not None:
        return town.country
    pinned = getattr(n.gazetteer, "pinned", None)
    place = pinned(n.name) if pinned is not None else None
    return place.country if place is not None else None


# "the Gulf of Guinea", "the Indian Ocean", "the Philippine Sea": water named after a country
_WATER_BEFORE = re.compile(r"\b(?:Gulf|Bay|Sea|Strait|Straits|Channel)\s+of\s+(?:the\s+)?$")
_WATER_AFTER = re.compile(r"\s+(?:Sea|Ocean|Gulf|Strait|Channel)\b")
_WATER_WORD = re.compile(r"\b(?:Gulf|Bay|Sea|Ocean|Strait|Straits|Channel)\b")


def water(n: Named) -> str | None:
    """A country's name inside the name of a sea or gulf the gazetteer holds with no country
    ("pirates in the Gulf of Guinea", "a ship in the Indian Ocean") tells no story of it."""
    if n.gazetteer is None:
        return None
    before = _WATER_BEFORE.search(n.text, max(0, n.ent.start_char - 20), n.ent.start_char)
    after = _WATER_AFTER.match(n.text, n.ent.end_char)
    if before is not None:
        whole = n.text[before.start():n.ent.end_char]
    elif after is not None:
        whole = n.text[n.ent.start_char:after.end()]
    elif _WATER_WORD.search(n.name):
        whole = n.name  # the entity is the whole name ("the Gulf of Guinea" as one LOC)
    else:
        return None
    place = n.gazetteer.resolve(whole)
    return NONE if place is not None and place.country is None else None


def _unit_place(n: Named):
    from ..geo.names import unit_around

    if n.gazetteer is None:
        return None
    if n.unit_found:
        return n.unit_found[0]
    around = unit_around(n.text, n.ent.start_char, n.ent.end_char)
    place = n.gazetteer.resolve(around) if around is not None else None
    found = place if place is not None and place.precision == "region" else None
    n.unit_found.append(found)
    return found


def unit(n: Named) -> str | None:
    """A state or province told with its unit word ("the state of Sucre"): its country."""
    place = _unit_place(n)
    return place.country if place is not None else None


def knowledge_base(n: Named) -> str | None:
    """A country, people, organisation or city the knowledge base knows; not asked for a
    unit of no one country ("Punjab province": the places after it may tell which)."""
    return None if _unit_place(n) is not None else n.kb.country_of(n.name)


def holder(n: Named) -> str | None:
    """A place told in the country that holds it ("Chala in southern Peru", "Arusha, Tanzania")."""
    return holder_country(n.text, n.ent.end_char, n.kb) if n.gazetteer is not None else None


_VILLAGE_BEFORE = re.compile(r"\b(?:village|hamlet)s? of (?:the )?$", re.IGNORECASE)


def gazetteer(n: Named) -> str | None:
    """A place the knowledge base does not know ("Kharkiv"); "the village of Kom" tells no
    story about Qom, the city of a million the gazetteer also spells "Kom" (coding/targets.py)."""
    if n.gazetteer is None:
        return None
    place = n.gazetteer.resolve(n.name)
    if place is not None and _VILLAGE_BEFORE.search(n.text, max(0, n.ent.start_char - 20), n.ent.start_char) \
            and city_no_village_is(n.gazetteer, n.name, ()):
        return None
    return place.country if place is not None else None


def named_inside(n: Named) -> str | None:
    """A country named inside the name after "in", "of" or "at" ("the Presidential
    Secretariat in Colombo", "University of Nairobi")."""
    named = (n.kb.country_of(t.text) for t in n.ent[1:] if t.nbor(-1).lower_ in ("in", "of", "at") and t.pos_ == "PROPN")
    return next((x for x in named if x), None)


def person(n: Named) -> str | None:
    """A known person's country: not one a first name lends ("Chad Smith": actors/kb.py),
    and the title beside the name decides who he is ("Colombia's defence minister, Pedro
    Sanchez," or "Pedro Sanchez, Colombia's defence minister,": actors/resolve.py)."""
    res = n.kb.resolve(n.name, None, None)
    c = res.actor.country if res is not None else None
    if not c:
        return None
    if not any(i.startswith("person:") for i in res.entry_ids) and n.kb.first_name_of(n.name):
        return None
    root, doc = n.ent.root, n.ent.doc
    if root.dep_ == "appos" and root.head.i < n.ent.start:
        title = root.head
        words = n.text[doc[title.left_edge.i].idx : title.idx + len(title.text)]
    else:
        title = next((t for t in root.children if t.dep_ == "appos" and t.i >= n.ent.end), None)
        words = n.text[doc[title.left_edge.i].idx : title.idx + len(title.text)] if title is not None else None
    if words is not None:
        both = n.kb.resolve(f"{words} {n.name}", None, None)
        c = both.actor.country if both is not None and both.actor.country else c
    return c


STRATEGIES: dict[str, Strategy] = {
    "leaning": leaning, "water": water, "mission_owner": mission_owner_, "home_namesake": home_namesake_,
    "qualified_town": qualified_town, "unit": unit,
    "knowledge_base": knowledge_base, "holder": holder, "gazetteer": gazetteer, "named_inside": named_inside,
    "person": person,
}


@dataclass(frozen=True)
class Step:
    strategy: str
    labels: frozenset[str]


@dataclass(frozen=True)
class StoryCountries:
    """The ordered strategies of ``data/story_countries.yaml``."""

    steps: tuple[Step, ...]

    @classmethod
    @functools.cache
    def load(cls) -> "StoryCountries":
        return cls.parse(load_package_yaml("flashpoint.coding", "data", "story_countries.yaml"), "story_countries.yaml")

    @classmethod
    def parse(cls, data: Any, name: str = "story_countries") -> "StoryCountries":
        steps = []
        for k, item in chain_items(data, name, STRATEGIES):
            labels = frozenset(item.get("labels") or ())
            if not labels or not labels <= LABELS:
                raise DataFileError(f"{name}: chain entry {k}: labels must be some of {', '.join(sorted(LABELS))}")
            steps.append(Step(item["strategy"], labels))
        return cls(tuple(steps))

    def country(self, n: Named) -> str | None:
        """The country one entity counts for (None: none), and no other strategy asked."""
        label = n.ent.label_
        for step in self.steps:
            if label in step.labels:
                found = STRATEGIES[step.strategy](n)
                if found is not None:
                    return found or None
        return None

    def count(self, doc, kb, gazetteer, home: str | None = None) -> tuple[str, ...]:
        """The countries of a document's entities, most mentioned first."""
        from ..nlp.docmemo import doc_ents, doc_text

        text = doc_text(doc)
        counts: Counter[str] = Counter()
        for ent in doc_ents(doc):
            if ent.label_ not in LABELS:
                continue
            c = self.country(Named(ent, text, text[ent.start_char : ent.end_char], kb, gazetteer, home))
            if c:
                counts[c] += 1
        return tuple(c for c, _ in counts.most_common())
