"""Which country a generic actor ("police", "protesters", "the army") belongs to.

A name with a country word ("Kenyan police", "Rwanda's foreign ministry")
is resolved by the knowledge base itself. A bare generic actor takes its
country from the strongest evidence, in this order:

1. the place where its clause happens ("police fired tear gas *in Nairobi*",
   "police *in Indian-administered Kashmir*"), or the place fronted before its
   sentence ("*In Abeche*, troops clashed ..., killing 14 people");
2. for domestic actors (police, protesters, the opposition, courts,
   civilians, gunmen and rebels, unknown NGOs): the story's home country,
   the dateline's, then the latest named subject; for state actors that are
   as often foreign (the army, the ministry, troops): the latest named
   subject first ("Rwanda's foreign ministry said ... The ministry added"),
   then the home country;
3. the article's most-mentioned country, only when nothing else speaks.

Without a dateline the latest named subject comes right after the clause's
place for every actor: on the sample corpus and the gold sets (mostly
without datelines) the most-mentioned country was the worse guess.

A country the clause names as the other side (``avoid``) is never chosen, except
for a domestic actor whose clause names its place, and for armed non-state groups and oppositions (rebels, insurgents, criminals:
"soldiers killed dozens of the attackers"), who fight their own state more
often than not; for those the side their clause names comes right after the home
country. A month or weekday after "in" is time, not a place ("in March").
:func:`explain` gives the same decision in words for ``flashpoint actors lookup``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..actors.weapons import weapon_in
from ..geo.names import unit_around
from ..lookup_memo import LookupMemo

# Sectors that act at home: a bare "police" or "protesters" is the story's own.
DOMESTIC_SECTORS = frozenset({"POL", "OPP", "CVL", "JUD", "LEG", "REB", "INS", "LAB", "EDU", "MED", "BUS", "REF", "CRM", "SPY", "NGO"})

# Armed groups and oppositions that fight their own state: the other side's country does not
# rule theirs out ("South Sudanese forces bombed opposition positions").
ARMED_NON_STATE = frozenset({"REB", "INS", "CRM", "OPP"})
# "in March", "in May", "on Sunday": time, not a place ("March" is also an English town).
_NOT_PLACES = frozenset("january february march april may june july august september october november december "
                        "monday tuesday wednesday thursday friday saturday sunday".split())

# "in Nairobi", "near Pahalgam", "in central Mali's Mopti region": a proper-name place; at sea, "off
# the coast of Florida", "off Lampedusa" (where a navy or coast guard acts).
# "in the northern town of Mirebalais": a settlement word between the preposition and the name.
# A lower-case particle inside a name keeps the name whole: "Dar es Salaam" is not "Dar"
# (a town in Cambodia), "Rio de Janeiro" not "Rio", "Port of Spain" not "Port" (nor Spain:
# a word after "of" is never the place on its own, "the Gulf of Aden" is not Aden).
_NAME = r"((?:[A-Z][\w'\-]+)(?:\s+(?:(?:es|de|del|da|do|dos|das|al|el|la|le|du|di|ul|of)\s+)?[A-Z][\w'\-]+){0,3})"
_PLACE = re.compile(r"\b(?i:in|at|near|outside|across|off)\s+(?:the\s+)?(?:(?:central|northern|southern|eastern|western|north|south|east|west)(?:ern)?\s+)?"
                    r"(?:(?:border\s+)?(?:town|city|village|district|province|region|state|camp|port|county|coast|coasts|shores?)\s+of\s+)?"
                    + _NAME)


# "the town of Walikale", "the village of Maga", "the Zamzam camp": the text itself says the name is a place.
_SETTLEMENT = re.compile(r"\b(?:town|city|village|district|province|region|state|camp|port|county|island|islands|area|settlement|enclave)"
                         r"\s+of\s+((?:[A-Z][\w'\-]+)(?:\s+[A-Z][\w'\-]+){0,2})")


# "In the eastern city of Abeche, troops clashed ..., killing 14": a fronted place sets the scene
# for every clause of its sentence.
_SCENE = re.compile(r"\s*(?:In|At|Near|Outside)\s[^,]{1,80},")


def scene_setting(clause: str) -> bool:
    """Whether a clause opens with a fronted place ("In Bujumbura, police ...")."""
    return bool(_SCENE.match(clause or ""))


def settlement_names(clause: str) -> set[str]:
    """Names a clause introduces with a settlement word ("the town of Walikale")."""
    if not clause or "of" not in clause:
        return set()  # (the expression needs an "of": most clauses have none, a scan spared)
    return {m.group(1) for m in _SETTLEMENT.finditer(clause)}


@dataclass(frozen=True, slots=True)
class Choice:
    country: str | None
    basis: str  # clause-place | home | other-side | latest-subject | article | none


# "gunmen on the Venezuelan bank of the river", "shelling from the Azerbaijani side": a country's side.
# (Only "the X side *of* the border/river": "migrants gathered on the Belarusian side" says
# where the migrants were, not where the story's ministry or police are.)
_SIDE = re.compile(r"\b(?i:on|from)\s+the\s+([A-Z][\w\-]+)\s+(?:side|bank|shore)\s+of\b")


def _once_per_document(fn):
    """``fn(text, kb, gazetteer, countries)`` answered once per question while one
    document is coded: it is a pure function of the lookups, which a
    :class:`~flashpoint.lookup_memo.LookupMemo` keeps for the document (the coder
    asks for the same mention's and clause's place many times)."""
    @functools.wraps(fn)
    def once(text: str, kb, gazetteer, countries: tuple[str, ...] = ()) -> str | None:
        if not isinstance(gazetteer, LookupMemo):
            return fn(text, kb, gazetteer, countries)
        return gazetteer.remember((fn.__name__, text, kb, tuple(countries)), lambda: fn(text, kb, gazetteer, countries))

    return once


# "near the Malian border", "along the Afghan frontier": a border a country's word names is that
# country's border with the story's, no place of one side ("the Mali-Niger border" keeps its first).
_BORDER_AFTER = re.compile(r"\s+(?:border|borders|frontier|boundary)\b(?!\s+(?:town|city|village|post|crossing|region|area|district|province)\s+of\b)")


@_once_per_document
def clause_place_country(clause: str, kb, gazetteer, countries: tuple[str, ...] = ()) -> str | None:
    """The country of the first place a clause says it happens in, if any.

    A first place that lies outside the story's countries yields to a later one inside
    them: "the village of Maga in Kebbi state" is Nigeria's Maga, not Cameroon's."""
    first = None
    clause = clause or ""
    # (a side needs one of its three words: most clauses have none, a scan spared)
    sides = _SIDE.finditer(clause) if "side" in clause or "bank" in clause or "shore" in clause else ()
    found = sorted((*_PLACE.finditer(clause), *sides), key=lambda m: m.start())
    for m in found:
        if mission_owner(clause, m.start(1), m.end(1)):
            continue  # "at the French embassy in Niamey": the embassy's nation is not where it stands
        if gazetteer is not None and _VILLAGE_OF.search(m.group(0)) and city_no_village_is(gazetteer, m.group(1), countries):
            continue  # "in the village of Kom": not Qom
        if "-" not in m.group(1) and _BORDER_AFTER.match(clause, m.end(1)):
            # "an ambush near the Malian border" (told by a Nigerien source): the border with Mali,
            # on either side of it; the place says nothing of whose the soldiers are
            continue
        qualified = qualified_country(clause, m.start(1), m.end(1), gazetteer)
        country = (qualified or _unit_country(clause, m.start(1), m.end(1), gazetteer, countries)
                   or _match_country(m.group(1).split(), kb, gazetteer, countries))
        # "in Athens, Georgia": the holder has been read with its town (the US state)
        holder = _holder_country(clause, m, kb) if qualified is None else None
        if holder is not None and holder != country:
            # "near the town of Chala in southern Peru": the place the text puts it in
            # decides which Chala it is (the gazetteer's is in Tanzania).
            return holder
        if country and (not countries or country in countries):
            return country
        first = first or country
    return first


# A town's own agents told with its name: "police in Tripoli", "the mayor of Kingston", "residents
# of Valencia", "a Santiago court", "Kingston police". Such a name is a town of the story's own
# country where it has one (rule 11 of actors/resolve.py; pipeline._count_countries).
_LOCAL_AGENT_BEFORE = re.compile(
    r"\b(?i:police|policemen|police\s+officers|mayor|deputy\s+mayor|court|courts|judge|judges|prosecutors?"
    r"|firefighters|residents|city\s+council|city\s+hall|municipality)\s+(?i:in|of)\s+(?:the\s+)?$")
_LOCAL_AGENT_AFTER = re.compile(r"\s+(?i:police|policemen|court|city\s+council|mayor|municipality)\b")


def local_agent_place(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is told as where a town's own agent works
    ("Police in *Tripoli*", "the mayor of *Alexandria*", "a *Santiago* court")."""
    return (_LOCAL_AGENT_BEFORE.search(text, max(0, start - 40), start) is not None
            or _LOCAL_AGENT_AFTER.match(text, end) is not None)


def home_namesake(gazetteer, name: str, home: str | None) -> bool:
    """Whether the gazetteer, asked with the dateline's country, puts a town of that name
    there first: "Tripoli" from Beirut is Lebanon's, "Paris" from Washington stays France's
    (a city famous beside the namesake keeps the lead: geo/gazetteer.py)."""
    ask = getattr(gazetteer, "candidates", None)
    found = ask(name, (home,)) if ask is not None and home else ()
    return bool(found) and found[0].country == home and found[0].kind == "city"


_VILLAGE_OF = re.compile(r"\b(?i:village|hamlet)\s+of\s")
VILLAGE_LARGEST = 250_000  # people: no village or hamlet is a city this large


def city_no_village_is(gazetteer, name: str, countries=()) -> bool:
    """Whether the gazetteer's first place of that name is a city no village can be ("the
    village of Kom" is not Qom, a city of a million the gazetteer also spells "Kom")."""
    ask = getattr(gazetteer, "candidates", None)  # (a test's stand-in gazetteer may not rank)
    found = ask(name, tuple(countries)) if ask is not None else ()
    return bool(found) and found[0].kind == "city" and found[0].population >= VILLAGE_LARGEST


# A diplomatic mission's word after a country's name or adjective: "the French embassy",
# "the US Consulate", "Iran's embassy". The nation owns the building, the place is the city
# it stands in ("in Niamey") or none the clause names.
_MISSION_AFTER = re.compile(r"(?:'s?)?\s+(?:(?i:embassy|embassies|consulate|consulates|legation|high\s+commission)"
                            r"|(?i:diplomatic)\s+(?i:mission))\b")
_MISSION_WORDS = frozenset({"embassy", "embassies", "consulate", "consulates", "legation"})


def mission_owner(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` owns a diplomatic mission ("the *French*
    embassy", "*Iran*'s consulate", "the *US Embassy*") rather than naming a place."""
    if _MISSION_AFTER.match(text or "", end) is not None:
        return True
    words = (text or "")[start:end].split()
    return len(words) > 1 and words[-1].lower() in _MISSION_WORDS


# (after a comma only a holder that ends its phrase: "in Gaza, Israel's army said" names no holder)
_HOLDER = re.compile(r"(?:,\s*(?=[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?(?:[,.;)]|$))|\s+in\s+(?:the\s+)?"
                     r"(?:(?:central|northern|southern|eastern|western|north|south|east|west)(?:ern)?\s+)?)"
                     r"([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")


def _holder_country(clause: str, m: re.Match, kb) -> str | None:
    return holder_country(clause, m.end(1), kb)


# ", Idaho" after a town's name: the unit or country a writer names to say which town it is.
_QUALIFIER = re.compile(r",\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})")


def qualified_country(text: str, start: int, end: int, gazetteer) -> str | None:
    """The country of the town at ``text[start:end]`` that the unit or country named right
    after it holds ("Police in Moscow, Idaho": the USA; "Athens, Georgia": the US state,
    as Georgia the country has no Athens): geo/gazetteer.py, ``Gazetteer.qualified``."""
    ask = getattr(gazetteer, "qualified", None)
    q = _QUALIFIER.match(text or "", end) if ask is not None else None
    if q is None:
        return None
    town = ask(text[start:end], q.group(1))
    return town.country if town is not None else None


def holder_country(text: str, end: int, kb) -> str | None:
    """The country a place ending at ``end`` is said to lie in right after its name
    ("Chala in southern Peru", "Arusha, Tanzania"), when the holder is a country the
    knowledge base names."""
    h = _HOLDER.match(text or "", end)
    if h is None or kb is None:
        return None
    return kb.country_of(h.group(1))


# The prepositions of deep_place_country: "in a residential quarter of mostly Christian
# eastern Beirut", a place name a few words after "in". (targets.PLACE_PREPS, the prepositions
# of a target's place, is a wider list for another question.)
_DEEP_PLACE_PREPS = frozenset({"in", "at", "near", "outside"})
_DEEP_PLACE_WORDS = 9


def deep_place_country(clause: str, gazetteer, countries: tuple[str, ...] = ()) -> str | None:
    """The country of a place named at the end of a phrase of a clause that says where
    ("killed in a car bomb explosion in a busy district of central *Beirut*").

    The fallback after :func:`clause_place_country`, which reads only a name right after
    its preposition (or a settlement word), and checks the name against the knowledge base
    and the small places as well; this one looks up to nine words on, in the gazetteer only,
    so it answers only where nothing nearer did (the coder's unnamed doer)."""
    if gazetteer is None:
        return None
    words = (clause or "").replace(",", " , ").split()
    for k, w in enumerate(words):
        if w.lower() not in _DEEP_PLACE_PREPS:
            continue
        for run in _capitalised_runs(words[k + 1 : k + 1 + _DEEP_PLACE_WORDS]):
            place = gazetteer.resolve(run, countries)
            if place is not None and place.country:
                return place.country
    return None


def _capitalised_runs(words: list[str]) -> list[str]:
    """The runs of capitalised words in ``words``, up to the first comma or preposition
    of place: ["Christian", "Beirut"] of "a sector of mostly Christian eastern Beirut"."""
    runs: list[str] = []
    cur: list[str] = []
    for w in words:
        if w == "," or w.lower() in _DEEP_PLACE_PREPS:
            break
        if w[:1].isupper():
            cur.append(w.strip(".;:'\""))
            continue
        if cur:
            runs.append(" ".join(cur))
            cur = []
    if cur:
        runs.append(" ".join(cur))
    return runs


def _unit_country(text: str, start: int, end: int, gazetteer, countries) -> str | None:
    """The country of a state or province the text names with its unit word ("the state
    of Sucre", "Kabul province"): the unit's, not a capital's of the same name."""
    unit = unit_around(text, start, end) if gazetteer is not None else None
    if unit is None:
        return None
    place = gazetteer.resolve(unit, countries)
    return place.country if place is not None and place.precision == "region" else None


def _match_country(words: list[str], kb, gazetteer, countries) -> str | None:
    if words[0].lower() in _NOT_PLACES:
        return None
    if gazetteer is not None and len(words) > 1:
        whole = gazetteer.resolve(" ".join(words), countries)
        if whole is not None and whole.country is None:
            return None  # "the Gulf of Guinea", "the Indian Ocean": a known place of no country
    # "Indian-administered Kashmir": the whole name, then its parts.
    for k in range(len(words), 0, -1):
        country = _place_country(" ".join(words[:k]), kb, gazetteer, countries)
        if country:
            return country
    for w in words[1:]:
        if w == "of":
            break  # "the Gulf of Aden", "Port of Spain": the whole name or nothing
        country = _place_country(w, kb, gazetteer, countries)
        if country:
            return country
    # "near the Mali-Niger border", "on the Afghan-Pakistan frontier": a border named by
    # its two countries lies in the first one named as much as in the second.
    for part in words[0].split("-") if "-" in words[0] else ():
        country = _place_country(part, kb, gazetteer, countries) if part[:1].isupper() else None
        if country:
            return country
    return None


def _place_country(name: str, kb, gazetteer, countries) -> str | None:
    name = re.sub(r"'s$", "", name)
    if gazetteer is not None:
        place = gazetteer.resolve(name, countries)
        if place is not None and place.country:
            return place.country
    found = kb.country_of(name) if kb is not None else None
    if found is None and gazetteer is not None and countries and name[:1].isupper():
        # a town below the gazetteer's size ("Mirebalais"), within the story's countries
        from ..geo.small_places import SmallPlaces

        place = SmallPlaces.load().resolve(name, countries)
        found = place.country if place is not None and place.country in countries else None
    return found


def avoided_countries(avoid: str | tuple[str, ...] | None) -> tuple[str, ...]:
    """The countries ``avoid`` names (one, several or none)."""
    return (avoid,) if isinstance(avoid, str) else tuple(avoid or ())


def choose_country(
    sector: str | None,
    clause_country: str | None,
    home: str | None,
    subject: str | None,
    countries: tuple[str, ...],
    avoid: str | tuple[str, ...] | None = None,
) -> Choice:
    """The country a bare generic actor of ``sector`` takes, and why (``avoid``: the other side's
    country, or the countries of all its parties: "Malian and Russian soldiers killed villagers")."""
    other_side = None
    avoided = avoided_countries(avoid)
    if sector in ARMED_NON_STATE:
        # "soldiers killed dozens of the attackers": insurgents fight their own state, so
        # the side their clause names is their country before the latest subject is
        # ("mutineers detained Ghana's president. Britain said ...": not British mutineers).
        other_side, avoided = (avoided[0] if avoided else None), ()
    if sector in DOMESTIC_SECTORS and clause_country:
        # "gangs attacked a police station in the town of Mirebalais": the police of the
        # place named are that place's, whoever the other side is.
        return Choice(clause_country, "clause-place")
    if sector in DOMESTIC_SECTORS:
        order = (("clause-place", clause_country), ("home", home), ("other-side", other_side), ("latest-subject", subject))
    else:
        order = (("clause-place", clause_country), ("latest-subject", subject), ("home", home))
    for basis, country in order:
        if country and country not in avoided:
            return Choice(country, basis)
    other = next((c for c in countries if c and c not in avoided), None)
    return Choice(other, "article" if other else "none")


def explain(choice: Choice, sector: str | None) -> str:
    """One line saying why a generic actor got its country."""
    why = {
        "clause-place": "the place its clause happens in",
        "home": "the story's home country (its dateline)"
        + (" - a domestic actor" if sector in DOMESTIC_SECTORS else ""),
        "latest-subject": "the latest named subject (the actor it most likely refers back to)",
        "other-side": "the side its clause names (armed groups fight their own state)",
        "article": "the article's most-mentioned country, as nothing nearer speaks",
        "none": "nothing: no country in context",
    }[choice.basis]
    return f"{choice.country or '-'} from {why}"


# A place inside the mention itself: "the mayor *of Kharkiv*", "a grand jury *in Houston*",
# "*Lagos*'s governor". It beats every other evidence.
_OWN_PLACE = re.compile(r"\b(?:of|in|at|from)\s+(?:the\s+)?((?:[A-Z][\w'\-]+)(?:\s+[A-Z][\w'\-]+){0,3})"
                        r"|^(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)'s?\s")


# A state or province named before the actor: "*West Bengal* Chief Minister", "the *Johor* government".
_LEADING_UNIT = re.compile(r"^(?:the\s+)?((?:[A-Z][\w\-]+)(?:\s+[A-Z][\w\-]+){0,3})\s+\S")


@_once_per_document
def mention_place_country(text: str, kb, gazetteer, countries: tuple[str, ...] = ()) -> str | None:
    """The country of a place the mention names as where its actor belongs."""
    for m in _OWN_PLACE.finditer(text or ""):
        name = m.group(1) or m.group(2)
        unit = (qualified_country(text, m.start(1), m.end(1), gazetteer)
                or _unit_country(text, m.start(1), m.end(1), gazetteer, countries)) if m.group(1) else None
        if unit:
            return unit  # "prosecutors in the state of Sucre", "the mayor of Paris, Texas"
        words = name.split()
        for k in range(len(words), 0, -1):
            country = _place_country(" ".join(words[:k]), kb, gazetteer, countries)
            if country:
                return country
    return _leading_unit_country(text, gazetteer, countries)


def namesake_region_country(text: str, gazetteer, avoided: tuple[str, ...]) -> str | None:
    """The country, not among ``avoided``, of a first-level region the mention names ("the chief
    minister *of Punjab*") that regions of several countries are named (Punjab: India and Pakistan)."""
    if gazetteer is None:
        return None
    for m in _OWN_PLACE.finditer(text or ""):
        name = m.group(1) or m.group(2)
        regions = [p for p in gazetteer.candidates(name) if p.kind == "region" and p.country]
        if len({p.country for p in regions}) > 1:
            other = next((p.country for p in regions if p.country not in avoided), None)
            if other:
                return other
    return None


def _leading_unit_country(text: str, gazetteer, countries) -> str | None:
    # Only a first-level unit or a country counts here: a leading capitalised
    # word is as often a title ("Chief", "Central") that happens to be a town.
    m = _LEADING_UNIT.match(text or "") if gazetteer is not None else None
    if m is None:
        return None
    words = m.group(1).split()
    for k in range(len(words), 0, -1):
        place = gazetteer.resolve(" ".join(words[:k]), countries)
        if place is not None and place.country and place.precision in ("region", "country"):
            return place.country
    return None


# Who breaks into computers works from anywhere: "hackers" the text gives no country are of
# none, not of the story's country nor the victim's ("Hackers breached the servers of Japan's
# space agency" is no Japanese crime); "Russian hackers", "hackers linked to North Korea" keep theirs.
UNPLACED_HEADS = frozenset({"hacker", "hackers", "cyberattacker", "cyberattackers", "cybercriminal", "cybercriminals"})


def story_home(state, home: str | None, subject: str | None) -> str | None:
    """The home country a generic actor falls back on: the dateline's, unless its sentence is
    told in another country. "MOSCOW (Reuters) - Georgian police detained protesters in Tbilisi,
    and the government accused the opposition": a bureau's city says where the story was filed,
    and the sentence's own place, whose country its told subject shares, says whose opposition."""
    if not home or not subject or subject == home or not getattr(state, "subject_told", False):
        return home
    cands = getattr(state, "cands", None) or ()
    index = getattr(state, "index", 0)
    if not 0 <= index < len(cands):
        return home
    place = getattr(state, "sentence_places", {}).get(cands[index].sent_index)
    return subject if place == subject else home


def generic_context(kb, text: str, when, state, avoid: str | tuple[str, ...] | None = None, gazetteer=None) -> str | None:
    """The context country for resolving ``text`` in the coder's document state
    (``clause_country``, ``home_country``, ``subject_country``, ``countries``);
    a place the mention itself names comes first ("the mayor of Kharkiv")."""
    avoided = avoided_countries(avoid)
    countries = getattr(state, "countries", ())
    own = mention_place_country(text, kb, gazetteer, countries)
    if own and own in avoided:
        # "the chief minister of Punjab accused India": of a region two countries share the name
        # of, the office is the namesake's that is not the other side's
        own = namesake_region_country(text, gazetteer, avoided) or own
    if own:
        return own
    if (text or "").split()[-1:] and text.split()[-1].lower() in UNPLACED_HEADS:
        return None
    bare = kb.resolve(text, when, None)
    sector = bare.actor.sector if bare is not None else None
    clause, home, subject = getattr(state, "clause_country", None), getattr(state, "home_country", None), state.subject_country
    home = story_home(state, home, subject)
    if weapon_in(text) is not None:
        # "F-35s struck targets in Yemen": where a weapon strikes is not whose it is, nor is the
        # article's most-mentioned country; the dateline's or a told subject's is, else its maker's
        choice = choose_country("MIL", None, home, subject if getattr(state, "subject_told", True) else None, (), avoid)
        return choice.country
    if not getattr(state, "subject_told", True):
        # Before any party is told, the "latest subject" is only the article's most-mentioned
        # country, which may be the other party's nationality ("the navy intercepted migrants
        # from Haiti" in a story from Miami): it speaks after the dateline, as the article's.
        subject = None
    countries = state.countries
    country = choose_country(sector, clause, home, subject, countries, avoid).country
    if country and bare is not None and bare.actor.country is None and country in kb.sponsors(text):
        # "US-backed Kurdish fighters" are not American: another country of the story
        # if there is one (else the sponsor's stays, as an event needs a country)
        clause, home, subject = (None if c == country else c for c in (clause, home, subject))
        other = choose_country(sector, clause, home, subject, tuple(c for c in countries if c != country), avoid).country
        country = other or country
    return country


def dateline_country(dateline, kb, gazetteer) -> str | None:
    """The country a dateline names ("NAIROBI, Kenya", else the city's country)."""
    if dateline is None:
        return None
    if dateline.country:
        c = kb.country_of(dateline.country)
        if c:
            return c
    return _place_country(dateline.city, kb, gazetteer, ())
