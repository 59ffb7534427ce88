"""Resolve a noun phrase to actors by combining the aliases found in it.

The rules, in order:

1. Aliases are matched longest first; "not actor" phrases (seas, currencies)
   swallow their words.
2. A country, organisation or person right after "pro-"/"anti-" or right
   before "-backed", "-allied", ..., or a possessive before "ally" or "proxy",
   only describes the head, so it is dropped ("pro-Russian separatists",
   "Russian-backed Belarus", "Israel's militia ally").
3. Conjunctions outside aliases split the phrase into conjuncts
   ("Mali and Burkina Faso"); a bare adjective conjunct borrows the last
   conjunct's agent ("Russian and Belarusian troops").
4. In each conjunct, words before the first preposition are the main part
   ("the foreign minister of Russia": main "foreign minister", then
   "Russia"); its last match is the head and wins over modifiers.
5. An agent head takes its owner from a possessive ("Armenia's"), else the
   nearest country, person or organisation before it, else one after the
   preposition, else the caller's context country.
6. An alias marked with the stories it belongs to ("North@KOR+PRK") names its
   entry only when the context country is one of them: "the North" is North
   Korea in a story about Korea and nothing elsewhere. A seat ("Brussels" for
   the EU) names its organisation, except as the owner of a local agent
   ("Brussels police", "a Brussels court"), which belongs to the city's country.
7. A capital's name told as a unit's ("the state of Sucre", "Kabul province")
   names a state or province, which may lie in another country (Sucre is also
   Venezuelan and Colombian): the caller's context country decides, which the
   coder reads off the unit itself with the gazetteer.
8. A known person whose phrase tells another nationality ("Colombian Defence
   Minister Pedro Sanchez" is not Spain's prime minister) is another person:
   the namesake who held an office there, else the title alone.
9. A proper name whose own words tell a civil-society body ("Mali Watch", "the
   Sudan Peace Coalition": actors/civil.py) is an NGO of its country.
10. A proper name made of one country's name, adjective or capital and the words
   of a newspaper's or an airline's name ("The Jerusalem Post", "Israel Hayom",
   "The Times of India", "Kenya Airways", "Air India") is that country's media or
   business, not the country, its government or a person named "Israel".
11. A capital told as where a local agent works ("Police in Tripoli", "the mayor of
   Kingston") is a city name towns of other countries share: the caller's context
   country decides (the answer is ``contextual``), as for units in rule 7.
12. A capital told with a country after a comma ("Police in Athens, Georgia", "the mayor
   of Tripoli, Lebanon") is a town and what holds it, which may be another country's
   unit of the same name (the US state Georgia): neither is the actor's owner, the
   caller's context country decides (the coder's comes from the gazetteer, which reads
   the pair: geo/gazetteer.py ``Gazetteer.qualified``).
13. A local agent named by a place the knowledge base does not list ("Police in Mombasa",
   "the governor of Katsina state", "Kerala's chief minister", "Police in Toledo, Ohio")
   is of the place's country, which the gazetteer gives (actors/places.py), before the
   caller's context country; the words of the place's name own nothing else ("Lebanon,
   Pennsylvania" is no Lebanese actor).
14. Two country adjectives joined by a hyphen ("a British-Iranian aid worker") tell a dual
   national: in a story of one of the two countries (the context) the other nationality,
   else the first as written; the answer reads the context (``contextual``).
15. A title right before a known person's name ("army chief Abdel Fattah al-Burhan", "Nigeria's
   Chief of Defence Staff General Christopher Musa") tells the office the person acts in: its
   sector wins over the office the table holds him in on the date, unless it is only a rank
   ("General") or a word puts it out of office ("former army chief").
16. A force's name whose own capitalised words tell a cause fought for ("the Free Syrian Army", "the
   Ituri Resistance Army") is an armed group (REB), not the state's military.

The context country is read nowhere else (and by a community with no country
of its own or beside it): :func:`context_free` says which answers it cannot change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ..types import Actor
from .entries import ROLE_SECTORS, Alias, Entry
from .index import Match, Target
from .civil import BODY_WORDS, CIVIL_WORDS, civil_name
from .surnames import TITLES
from .places import place_in_phrase
from .text import MAX_PHRASE_CHARS, Tokens, fold, word_spans
from .weapons import Weapon, weapon_in

if TYPE_CHECKING:
    from .kb import KnowledgeBase

# Words before a name that make it tell a leaning, not the actor ("pro-Russian separatists",
# "anti-Syria protests", "non-Afghan refugees"). The one list: nlp/extract.py (a demonym inside
# such a name) and pipeline.py (a name told only as a leaning is no story country) read it too.
AFFILIATION_BEFORE = frozenset({"pro", "anti", "non"})
AFFILIATION_AFTER = frozenset({
    "backed", "allied", "aligned", "supported", "sponsored", "funded", "friendly", "leaning",
    "controlled", "occupied", "annexed", "held", "installed", "appointed", "inspired", "trained", "linked", "affiliated",
})
# A possessive before these names whose ally or proxy the actor is, not the actor:
# "Israel's militia ally", "Iran's proxies in Yemen", "Russia's allies".
ALLY_WORDS = frozenset({"ally", "allies", "proxy", "proxies"})
ALLY_REACH = 3  # words after the possessive: "Iran's *armed* proxies"
# A country before these is the group's sponsor, not its own country: "Iran-backed
# militias" in a story about Iran and Iraq are Iraq's (see sponsors()).
SPONSOR_WORDS = frozenset({"backed", "supported", "sponsored", "funded", "allied", "aligned", "trained", "inspired", "linked",
                           "affiliated"})
CONJUNCTIONS = frozenset({"and", "or", ",", "&", "/", ";", "plus"})
PREPOSITIONS = frozenset({
    "of", "in", "from", "for", "at", "on", "near", "inside", "within", "under", "with", "by", "to",
    "across", "against", "over", "along", "outside", "into", "toward", "towards",
})
# Agents of a seat's city, not of the organisation seated there: "Brussels police" are
# Belgian, "Brussels officials" the EU's.
LOCAL_SECTORS = frozenset({"POL", "JUD", "CVL", "OPP", "CRM", "REB", "REF", "LAB", "EDU", "HLH", "BUS", "MED", "REL", "NGO"})
LOCAL_AGENTS = frozenset({"agent:local_government"})
# Sectors that say more than an organisation's own sector ("NATO troops").
SECTORS_ADDING_TO_ORG = frozenset({"MIL", "POL", "JUD", "LEG", "MED", "SPY", "ELI"})
SECTOR_LABELS = {
    "GOV": "Government", "MIL": "Military", "POL": "Police", "LEG": "Legislature", "SPY": "Intelligence services",
    "JUD": "Judiciary", "MED": "Media",
}


@dataclass(frozen=True, slots=True)
class Resolution:
    """An actor resolved from a phrase, the entries used and why.

    Attributes:
        actor: the resolved :class:`~flashpoint.types.Actor`.
        entry_ids: ids of the knowledge-base entries that contributed.
        why: human-readable reasons ("adjective 'Belarusian' -> BLR; agent 'Defence Ministry' -> MIL").
        contextual: the phrase holds an alias that names something only in certain
            stories ("the North"), so another context country may change the answer.
    """

    actor: Actor
    entry_ids: tuple[str, ...]
    why: str
    contextual: bool = False


@dataclass(frozen=True, slots=True)
class _Mention:
    target: Target
    start: int
    end: int
    possessive: bool
    text: str

    @property
    def entry(self) -> Entry:
        return self.target.entry

    @property
    def kind(self) -> str:
        return self.target.entry.kind


def resolve_phrase(kb: KnowledgeBase, text: str, toks: Tokens, when: date | None,
                   context_country: str | None) -> list[Resolution]:
    """Resolve every conjunct of a phrase; see the module docstring for the rules."""
    matches = kb.index.match(toks)
    weapon = weapon_in(text) if _MAY_NAME_WEAPON.search(text) else None
    if not matches:
        return [_weapon_resolution(kb, text, weapon, None, context_country)] if weapon else []
    lower = toks.lower
    covered = set()
    unit_named = False
    mentions: list[_Mention] = []
    out_of_context: list[str] = []
    described_by: list[str] = []  # "Iran" of "Iran-backed militias": a sponsor or ally, not the actor
    blocked: set[int] = set()  # words of "not actor" phrases
    for m in matches:
        covered.update(range(m.start, m.end))
        target = _pick(m, when, context_country)
        if target is _NEEDS_CONTEXT:
            if not _inside_a_name(m, toks):
                out_of_context.append(" ".join(toks.cased[m.start:m.end]))
            continue
        if target is not None and target.alias.contexts and _inside_a_name(m, toks):
            continue  # "North Gyeongsang", "South Jeolla": a province, not the North or the South
        if target is not None and _names_a_unit(m, target, lower):
            # "prosecutors in the state of Sucre": a state, province or department named like a
            # capital (Sucre is Bolivia's, and a Venezuelan state's and a Colombian department's
            # name) is of the caller's context country, read off the unit itself (the gazetteer);
            # with none, the capital's country is the best guess
            unit_named = True
            if context_country:
                continue
        if target is not None and target.entry.kind == "block":
            blocked.update(range(m.start, m.end))  # "Shan State": no actor, maybe a place (rule 13)
            continue
        if target is None:
            continue
        if target.entry.kind == "person" and m.end - m.start == 1 and not any(c.isupper() for c in toks.cased[m.start]):
            continue  # "fled into the bush": a name is written with a capital
        if target.entry.kind == "person" and _another_given_name(m, toks, target.entry, matches):
            continue  # "Attorney General Wendy Morales" is not Evo Morales
        if target.entry.kind == "org" and _tail_of_a_longer_name(m, toks, matches):
            continue  # "the Popular Resistance Front" is not the Resistance Front
        if target.entry.kind != "agent" and (
            (m.start > 0 and lower[m.start - 1] in AFFILIATION_BEFORE)
            or (m.end < len(lower) and lower[m.end] in AFFILIATION_AFTER)
            or (m.possessive and not ALLY_WORDS.isdisjoint(lower[m.end : m.end + ALLY_REACH]))
        ):
            described_by.append(" ".join(toks.cased[m.start:m.end]))
            continue
        mentions.append(_Mention(target, m.start, m.end, m.possessive, " ".join(toks.cased[m.start:m.end])))
    pair = _town_and_holder(mentions, lower)
    if pair:
        unit_named = True  # rule 12: the context country decides
        mentions = [m for m in mentions if m not in pair]
    placed = _placed_agent(kb, text, toks, mentions, covered - blocked, context_country)
    if placed is not None:
        # rule 13: the phrase's own place (the gazetteer's) owns its agent before the context
        context_country, mentions, place_name = placed
        unit_named = True  # another context may rank another namesake first
    titled = _named_after_a_country(kb, text, toks, mentions)
    if titled is not None:
        return [titled]
    named_after = [m for m in mentions if _names_an_organisation(m, mentions, toks) or _country_inside_a_name(m, mentions, toks)]
    mentions = [m for m in mentions if m not in named_after]
    mentions = [m for m in mentions if not _branch_of(m, mentions, toks)]
    if not mentions:
        if out_of_context:
            # No actor here, but one in a story of the right country: an answer with no
            # country, so that callers (and lookup_memo) ask again with the context.
            note = "; ".join(f"'{w}' names an actor only in stories about certain countries; no context country fits" for w in out_of_context)
            return [Resolution(Actor(text, text), (), note, contextual=True)]
        return []
    groups = _conjuncts(mentions, lower, covered)
    if len(groups) > 1:
        last_head = groups[-1][1][-1] if groups[-1][1] else None
        if last_head is not None and last_head.kind == "agent":
            for mentions_i in (g[1] for g in groups[:-1]):
                if mentions_i and all(x.kind == "country" and x.target.alias.role == "adjective" for x in mentions_i):
                    mentions_i.append(last_head)
    out: list[Resolution] = []
    seen: set[tuple] = set()
    for prep, group in groups:
        if not group:
            continue
        res = _resolve_group(kb, text, group, prep, when, context_country, lower)
        if sum(1 for g in groups if g[1]) == 1 and _civil_named(res, group, toks):
            res = _as_civil(kb, text, res)
        if weapon is not None and res.actor.org is None:
            res = _weapon_resolution(kb, text, weapon, res, context_country, group)
        elif res.actor.org is None and res.actor.sector is None and res.actor.country and toks.lower[-1] in MISSILE_HEADS:
            res = _as_military(kb, res)  # "Russian missiles": a state's missiles are fired by its forces
        elif res.actor.org is None and res.actor.sector in ("MIL", None) and _insurgent_name(toks) and not any(
                m.kind == "country" and m.target.alias.role == "metonym" for m in group):  # "People's Liberation Army" 
            res = _as_insurgents(kb, res)
        notes = [f"'{m.text}' is part of an organisation's name, not its country" for m in named_after]
        notes += [f"'{w}' describes the actor (a sponsor, ally or backer), it is not the actor" for w in described_by]
        if notes:
            note = "; ".join(notes)
            res = Resolution(res.actor, res.entry_ids, f"{note}; {res.why}" if res.why else note)
        key = (res.actor.country, res.actor.org, res.actor.sector, res.actor.name)
        if key not in seen:
            seen.add(key)
            out.append(res)
    if placed is not None:
        told = f"context country -> {context_country}"
        out = [replace(r, why=r.why.replace(told, f"place '{place_name}' (gazetteer) -> {context_country}")) for r in out]
    if unit_named or any(t.alias.contexts for m in matches for t in m.candidate.targets):
        out = [replace(r, contextual=True) for r in out]
    return out


def _placed_agent(kb: KnowledgeBase, text: str, toks: Tokens, mentions: list[_Mention], covered: set[int],
                  context_country: str | None) -> tuple[str, list[_Mention], str] | None:
    """Rule 13: an agent whose phrase names it by a place the knowledge base does not list
    ("Police in Mombasa", "the governor of Katsina state", "Kerala's chief minister",
    "Police in Toledo, Ohio"): the place's country (actors/places.py), the mentions
    left once those inside the place's name are dropped and the place's name; None when the phrase names no
    such place or an owner of its own (a country, person or organisation) remains."""
    if not any(m.kind == "agent" for m in mentions):
        return None
    owners = [m for m in mentions if m.kind != "agent"]
    if owners and "," not in text:
        return None
    folded = fold(text[:MAX_PHRASE_CHARS])
    spans = word_spans(folded)
    if len(spans) != len(toks.lower):
        return None  # a word the tokenizer dropped: the spans would not line up
    free: list[tuple[int, int]] = []  # runs of words no alias took ("KwaZulu-Natal": two words, one run)
    for i, span in enumerate(spans):
        if i in covered:
            continue
        if free and i - 1 not in covered and i > 0:
            free[-1] = (free[-1][0], span[1])
        else:
            free.append(span)
    found = place_in_phrase(kb.places, folded, free, context_country)
    if found is None:
        return None
    iso, (start, end) = found
    inside = [m for m in mentions if spans[m.start][0] >= start and spans[m.end - 1][1] <= end]
    left = [m for m in mentions if m not in inside]
    if any(m.kind != "agent" for m in left) or not any(m.kind == "agent" for m in left):
        return None
    return iso, left, folded[start:end]


# A weapon model has a capital and a number, or is one of a few names (actors/weapons.py).
_MAY_NAME_WEAPON = re.compile(r"[A-Z][A-Za-z]*-\d|\b[A-Z][a-z]+[a-z]\b")


def _weapon_resolution(kb: KnowledgeBase, text: str, weapon: Weapon, res: Resolution | None,
                       context_country: str | None, group: list[_Mention] | None = None) -> Resolution:
    """A weapon named by its model ("Tu-160 bombers", "F-35s", "Russian Su-33 fighters") is a
    military actor: its owner named in the phrase, else its maker when only the maker uses it,
    else the story's country, else its maker (actors/weapons.py). "Fighters" after a model are
    jets, not rebels."""
    owned = any(m.kind in ("country", "person", "org") for m in group or ())
    why = [res.why] if res is not None and res.why else []
    contextual = res.contextual if res is not None else False
    if owned and res is not None and res.actor.country:
        iso = res.actor.country
    elif not weapon.sole and context_country:
        iso = context_country
        why.append(f"weapon '{weapon.text}' is flown or fired by several states -> the context country {iso}")
    else:
        iso = weapon.country
        why.append(f"weapon '{weapon.text}' -> {iso} (its maker)")
        contextual = contextual or not weapon.sole  # another story's country may own it
    country = kb.country(iso)
    name = f"military ({country.name if country else iso})"
    ids = res.entry_ids if res is not None else ()
    actor = Actor(text, name, iso, None, "MIL", ((country.cameo if country else None) or iso) + "MIL")
    return Resolution(actor, ids, "; ".join(why), contextual)


def sponsors(kb: KnowledgeBase, toks: Tokens) -> frozenset[str]:
    """The countries a phrase names as a group's sponsor ("Iran" of "the Iran-backed group")."""
    lower = toks.lower
    out = set()
    for m in kb.index.match(toks):
        if m.end < len(lower) and lower[m.end] in SPONSOR_WORDS:
            out.update(t.entry.country for t in m.candidate.targets if t.entry.kind == "country" and t.entry.country)
    return frozenset(out)


def context_free(res: Resolution | None) -> bool:
    """Whether the answer for a phrase resolved without a context country is its
    answer in every context: nothing resolved (the context adds no actor), or an
    actor with a country or an organisation (the context only fills in the country
    of an agent or a community that has none; organisations never read it), unless
    the phrase holds a context alias ("the North": North Korea only in a Korean story)."""
    return res is None or (not res.contextual and (res.actor.country is not None or res.actor.org is not None))


# Words of a first-level unit ("the state of Sucre", "Sucre state", "Kabul province").
UNIT_WORDS = frozenset({"state", "province", "department", "region", "district", "governorate", "county", "prefecture",
                        "oblast", "municipality", "territory", "wilaya"})


def _names_a_unit(m: Match, target: Target, lower: tuple[str, ...]) -> bool:
    """A capital's name told as a unit's: "the state of Sucre", "Sucre state", "the
    department of Sucre" (a country's own name stays: "the State of Palestine")."""
    if target.entry.kind != "country" or target.alias.role != "capital" or m.possessive:
        return False
    before = m.start >= 2 and lower[m.start - 1] == "of" and lower[m.start - 2] in UNIT_WORDS
    after = m.end < len(lower) and lower[m.end] in UNIT_WORDS
    return before or after


def _names_an_organisation(m: _Mention, mentions: list[_Mention], toks: Tokens) -> bool:
    """A capital inside a proper name ("Helsinki Foundation", "Warsaw Pact", "OSCE
    Minsk Group"): followed by a capitalised word that is no other actor's name,
    it names the organisation, not its country (issue 10). So does any country's
    name right after another country's possessive ("China's Taiwan Affairs Office":
    China's office, named after Taiwan). A knowledge-base alias for the whole name
    matches first and is kept."""
    if m.kind == "org" and m.target.alias.role == "seat":
        # "Brussels Airlines": the seat word starts another name
        return not m.possessive and m.end < len(toks.cased) and toks.cased[m.end][:1].isupper() and not any(
            o.start == m.end and o.kind in ("country", "person", "org") for o in mentions)
    if m.kind != "country" or m.possessive or m.end >= len(toks.cased):
        return False
    owned = any(o.end == m.start and o.possessive and o.kind == "country" and o.target.entry is not m.target.entry
                for o in mentions)
    if m.target.alias.role != "capital" and not owned:
        return False
    nxt = toks.cased[m.end]
    if not nxt[:1].isupper():
        return False
    return not any(o.start == m.end and o.kind in ("country", "person", "org") for o in mentions)


_NEEDS_CONTEXT = Target(Entry("block:needs-context", "block", "needs context", (), "-"),
                        Alias("needs context", "block"))


def _country_inside_a_name(m: _Mention, mentions: list[_Mention], toks: Tokens) -> bool:
    """A country's word inside the proper name that follows what an actor is, after its country
    was told ("the Nicaraguan rights group *Nicaragua* Nunca Mas", "Venezuela's opposition Vente
    *Venezuela* party"): a word of the group's name, not its country. It stands beside a
    capitalised word no alias took, after an agent, after another country's word."""
    if m.kind != "country" or m.possessive:
        return False
    agents = [o for o in mentions if o.kind == "agent" and o.end <= m.start]
    if not agents or not any(o.kind == "country" and o is not m and o.end <= agents[0].start for o in mentions):
        return False
    taken = {i for o in mentions for i in range(o.start, o.end)}

    def free_name_word(i: int) -> bool:
        return 0 <= i < len(toks.cased) and i not in taken and toks.cased[i][:1].isupper() and toks.lower[i] not in ("the", "a", "an")

    return free_name_word(m.start - 1) or free_name_word(m.end)


def _another_given_name(m: Match, toks: Tokens, entry, matches) -> bool:
    """A person's one-word alias (a surname: "Morales", "Ghani") right after a capitalised
    word that is neither a title nor a word of the person's own names: another person
    who shares the surname ("Wendy Morales", "Abdul Ghani Baradar")."""
    if m.end - m.start != 1 or m.start == 0:
        return False
    word = toks.cased[m.start - 1]
    if any(x.start <= m.start - 1 < x.end for x in matches):
        return False  # a country's adjective or another alias before it ("Bolivian Morales")
    if len(word) < 2 or not word[:1].isupper() or not word.replace("-", "").isalpha():
        return False
    low = toks.lower[m.start - 1]
    if low in TITLES or any(part in TITLES for part in low.split("-")):
        return False
    own = {w for text in (entry.name, *(a.text for a in entry.aliases)) for w in fold(text).lower().replace(".", "").split()}
    return low not in own and _skeleton(fold(low)) not in {_skeleton(w) for w in own}


# Words of descriptive group names that other groups' names embed ("the *Popular* Resistance Front",
# "the *Kivu* Liberation Army"): an alias made only of them, right after another capitalised word
# no alias took, is the tail of a longer name, not the group the alias names.
GENERIC_NAME_WORDS = frozenset({
    "resistance", "front", "liberation", "army", "national", "movement", "forces", "force", "islamic", "state",
    "democratic", "people's", "peoples", "popular", "revolutionary", "council", "party", "union", "brigade",
    "brigades", "committee", "committees", "alliance", "defence", "defense", "unity", "justice", "freedom", "free",
    "patriotic", "united", "salvation", "congress", "league", "of", "the", "for", "and", "battalion", "battalions",
    "group", "organisation", "organization", "coalition", "guard", "guards", "militia", "militias", "self-defence",
    "self-defense", "mobilisation", "mobilization", "jihad", "independence", "solidarity", "struggle"})


def _tail_of_a_longer_name(m: Match, toks: Tokens, matches) -> bool:
    """An organisation's alias of generic name words only ("Resistance Front") right after a
    capitalised word inside the phrase that no alias took and that is no article or title
    ("Popular"): the end of another group's name."""
    i = m.start - 1
    if i < 1 or m.end - m.start < 2:
        return False  # a phrase's first word is capitalised whatever it is
    if not all(w in GENERIC_NAME_WORDS for w in toks.lower[m.start:m.end]):
        return False
    word, low = toks.cased[i], toks.lower[i]
    if not word[:1].isupper() or not word.replace("'", "").isalpha() or low in ("the", "a", "an") or low in TITLES:
        return False
    return not any(x.start <= i < x.end for x in matches)


def _skeleton(word: str) -> str:
    """A name's consonants, doubled ones once: spellings of one given name agree
    ("Mohammed", "Mohamed", "Muhammad")."""
    out = ""
    for ch in word:
        if ch.isalpha() and ch not in "aeiouy" and not out.endswith(ch):
            out += ch
    return out


_BRANCH_WORDS = frozenset({"branch", "branches", "chapter", "section", "affiliate", "office", "arm", "wing", "mission"})


def _branch_of(m: _Mention, mentions: list[_Mention], toks: Tokens) -> bool:
    """A country's adjective naming an organisation's national branch ("Amnesty International's
    *Indonesian* branch", "the Red Cross's Kenyan chapter"): the organisation acts, not the country."""
    if m.kind != "country" or m.target.alias.role != "adjective" or m.end >= len(toks.lower):
        return False
    if toks.lower[m.end] not in _BRANCH_WORDS:
        return False
    return any(o.kind == "org" and o.possessive and o.end <= m.start for o in mentions)


def _inside_a_name(m: Match, toks: Tokens) -> bool:
    """A capitalised word right after the alias: "North Gyeongsang", "South Jeolla"."""
    return m.end < len(toks.cased) and toks.cased[m.end][:1].isupper() and not m.possessive


def _pick(m: Match, when: date | None, context_country: str | None = None) -> Target | None:
    """Choose among the entries one alias names; None when it stays ambiguous,
    :data:`_NEEDS_CONTEXT` for an alias that names something only in another story."""
    targets = m.candidate.targets
    if any(t.alias.contexts for t in targets):
        fitting = [t for t in targets if context_country and context_country in t.alias.contexts]
        if fitting:
            return fitting[0]
        targets = tuple(t for t in targets if not t.alias.contexts)
        if not targets:
            return _NEEDS_CONTEXT
    seats = [t for t in targets if t.alias.role == "seat"]
    if seats:
        return seats[0]  # "Brussels" as an actor is the EU; a local agent's owner is handled later
    if len(targets) == 1:
        return targets[0]
    people = [t for t in targets if t.entry.kind == "person"]
    if people and when is not None and (not m.candidate.ambiguous or len(people) == len(targets)):
        # A surname shared with a place ("~Muscat"), or by several people,
        # names the one person who holds office on the date.
        active = [t for t in people if t.entry.role_on(when)[1] == "in_office"]
        if len(active) == 1:
            return active[0]
    if m.candidate.family is not None:
        return m.candidate.family
    if not m.candidate.ambiguous:
        others = [t for t in targets if t.entry.kind != "person"]
        return (others or targets)[0]
    return None


def _conjuncts(mentions: list[_Mention], lower: tuple[str, ...], covered: set[int]) -> list[tuple[int | None, list[_Mention]]]:
    """Split mentions at conjunctions outside aliases; note each conjunct's first preposition."""
    groups: list[tuple[int | None, list[_Mention]]] = []
    current: list[_Mention] = []
    prep: int | None = None
    it = iter(mentions)
    nxt = next(it, None)
    for i, word in enumerate(lower):
        if nxt is not None and nxt.start == i:
            current.append(nxt)
            nxt = next(it, None)
        if i in covered:
            continue
        if word in CONJUNCTIONS:
            groups.append((prep, current))
            current, prep = [], None
        elif word in PREPOSITIONS and prep is None:
            prep = i
    groups.append((prep, current))
    return groups


def _resolve_group(kb: KnowledgeBase, text: str, group: list[_Mention], prep: int | None,
                   when: date | None, context_country: str | None, lower: tuple[str, ...] = ()) -> Resolution:
    main = [m for m in group if prep is None or m.start < prep]
    extra = [m for m in group if prep is not None and m.start > prep]
    if not main:
        main, extra = extra, []
    head, mods = main[-1], main[:-1]
    why: list[str] = []
    if head.kind == "person":
        told = _nationality_against(head, mods + extra)
        if told is not None:
            # "Colombian Defence Minister Pedro Sanchez": the title's country is not any
            # country the known namesake (Spain's prime minister) ever served; another
            # person of that name, who holds an office there, else the title alone.
            namesake = kb.namesake(head.entry, told, when)
            note = (f"'{head.text}' is told as of {told}, where {head.entry.name} ({head.entry.id}) "
                    "held no office: another person of that name")
            if namesake is not None:
                head = replace(head, target=Target(namesake, head.target.alias))
                why.append(note)
            else:
                rest = [m for m in group if m is not head]
                res = _resolve_group(kb, text, rest, prep, when, context_country, lower)
                return replace(res, why=f"{note}; {res.why}" if res.why else note)
        actor = _person_actor(kb, text, head, when, why)
        titled = _title_sector(head, mods, lower)
        if titled is not None and actor.country and not actor.org and titled[0] != actor.sector:
            # rule 15: "army chief Abdel Fattah al-Burhan" acts as the army's chief, whatever
            # office the table holds him in first (the Sovereignty Council's chair, GOV)
            sector, title = titled
            country = kb.country(actor.country)
            why.append(f"title '{title}' -> {sector}")
            actor = replace(actor, sector=sector, code=((country.cameo if country else None) or actor.country) + sector)
        return Resolution(actor, (head.entry.id,), "; ".join(why))
    if head.kind == "country":
        dual = _dual_nationality([*mods[-1:], head], text, context_country) if mods else None
        if dual is not None:
            head = dual[0]
        actor = _country_actor(text, head, why)
        if dual is not None:
            why.append(dual[1])
        return Resolution(actor, (head.entry.id,), "; ".join(why), contextual=dual is not None)
    if head.kind == "org" and _is_community(head.entry):
        return _community_resolution(kb, text, head, None, None, mods + extra, context_country, [head.entry.id])
    if head.kind == "org":
        actor = _org_actor(text, head.entry, None, None, when, why, head.text)
        return Resolution(actor, (head.entry.id,), "; ".join(why))
    return _agent_resolution(kb, text, head, mods, extra, when, context_country)


# Rule 15: the sectors a title before a known person's name may tell (an office, not a trade or a
# community); ranks ("General", "Captain") tell a career, not the office held, and words that
# put the title in the past or the future leave the person's office on the date to decide.
TITLE_SECTORS = frozenset({"GOV", "MIL", "POL", "SPY", "JUD", "LEG", "OPP", "REB"})
RANK_WORDS = frozenset({
    "general", "generals", "gen", "colonel", "col", "captain", "capt", "major", "lieutenant", "lt", "marshal",
    "admiral", "adm", "brigadier", "brig", "commodore", "sergeant", "corporal", "commander",
})
TIME_WORDS = frozenset({"former", "ex", "then", "late", "ousted", "deposed", "retired", "erstwhile", "onetime", "future",
                        "incoming", "elect", "designate", "exiled", "disgraced", "jailed", "slain", "assassinated"})


def _title_sector(head: _Mention, mods: list[_Mention], lower: tuple[str, ...]) -> tuple[str, str] | None:
    """Rule 15: the sector a title right before a known person's name tells ("army chief
    Abdel Fattah al-Burhan" -> MIL, "Opposition leader X" -> OPP) and the title's words; None
    when the phrase has no such title, only a rank, a sponsor ("army-backed"), or a word that
    puts it out of office ("former army chief")."""
    if not lower or any(w in TIME_WORDS for w in lower[:head.start]):
        return None
    before = [m for m in mods if m.end <= head.start]
    ranks = [m for m in before if m.kind == "agent" and all(w in RANK_WORDS for w in lower[m.start:m.end])]
    agents = [m for m in before if m.kind == "agent" and not m.possessive and m not in ranks]
    if not agents:
        return None
    title = agents[-1]
    if any(m.start >= title.end for m in before if m is not title and m not in ranks):
        return None  # another name between the title and the person ("army chief's ally")
    if title.end < len(lower) and lower[title.end] in AFFILIATION_AFTER:
        return None
    sector = title.entry.sector
    if title.entry.representative:
        sector = None
        for m in reversed(before[:before.index(title)]):
            if m.end < title.start - 1:
                break
            if m.kind == "agent" and not m.entry.representative:
                sector = m.entry.sector
                break
            if m.kind == "country" and m.target.alias.role == "metonym":
                sector = m.target.alias.sector
                break
    if sector not in TITLE_SECTORS:
        return None
    return sector, title.text


def _agent_resolution(kb: KnowledgeBase, text: str, head: _Mention, mods: list[_Mention], extra: list[_Mention],
                      when: date | None, context_country: str | None) -> Resolution:
    """An agent head: find the institution giving the sector and the owner giving the country."""
    agent = head.entry
    sector, inst = agent.sector, head
    why: list[str] = []
    if agent.representative:
        for m in reversed(mods + extra):
            if m.kind == "agent" and not m.entry.representative:
                sector, inst = m.entry.sector, m
                break
            if m.kind == "country" and m.target.alias.role == "metonym":
                sector, inst = m.target.alias.sector, m
                break
    owners = [m for m in mods if m.kind in ("country", "person", "org")]
    possessive = [m for m in owners if m.possessive]
    owner = possessive[0] if possessive else (owners[-1] if owners else
                                              next((m for m in extra if m.kind in ("country", "person", "org")), None))
    dual = _dual_nationality(owners, text, context_country) if not possessive else None
    if dual is not None:
        owner, note = dual
        why.append(note)
    ids = [e.entry.id for e in (owner, inst, head) if e is not None]
    ids = list(dict.fromkeys(ids))
    inst_name = inst.entry.name if inst.kind == "agent" else agent.name
    if inst is not head and inst is not owner:
        why.append(f"{_role_word(inst)} '{inst.text}' -> {sector}")
    why.append(f"agent '{head.text}' -> {agent.sector}")
    country: Entry | None = None
    local = owner is not None and _local_capital(owner, inst, sector)  # rule 11: the answer reads the context
    if owner is not None and owner.kind == "org" and _is_community(owner.entry):
        # "Chechen rebels" are rebels, "Yoruba leaders" speak for the community.
        own = inst.entry.sector if inst.kind == "agent" and not inst.entry.representative else None
        return _community_resolution(kb, text, owner, own, inst_name if own else None,
                                     [m for m in mods + extra if m is not owner], context_country, ids)
    if owner is not None and owner.kind == "org" and owner.target.alias.role == "seat" and (
            sector in LOCAL_SECTORS or inst.entry.id in LOCAL_AGENTS):
        city = kb.country_of(owner.text)
        if city is not None:
            # "Brussels police", "a Brussels court": the city's own, not the EU's
            country = kb.country(city)
            why.insert(0, f"'{owner.text}' owns a local agent -> {city}")
            code = (country.cameo or city) + (sector or "") if country else city + (sector or "")
            return Resolution(Actor(text, f"{inst_name} ({country.name if country else city})", city, None, sector, code),
                              tuple(ids), "; ".join(why))
    if owner is not None and owner.kind == "org":
        why.insert(0, f"organisation '{owner.text}' -> {owner.entry.org}")
        actor = _org_actor(text, owner.entry, sector, inst_name, when, [], owner.text)
        return Resolution(actor, tuple(ids), "; ".join(why))
    if owner is not None and owner.kind == "person":
        role, status = owner.entry.role_on(when)
        why.insert(0, f"person '{owner.text}' -> {role.country if role else '?'} ({status})")
        if role is not None:
            org_entry = kb.org_entry(role.country)
            if org_entry is not None and kb.country(role.country) is None:
                actor = _org_actor(text, org_entry, sector, inst_name, when, [], owner.text)
                return Resolution(actor, tuple(ids), "; ".join(why))
            country = kb.country(role.country)
    elif local and context_country and context_country != owner.entry.country \
            and kb.country(context_country) is not None:
        # rule 11: "Police in Tripoli" in a story from Beirut are Lebanon's, of its own Tripoli
        country = kb.country(context_country)
        why.insert(0, f"capital '{owner.text}' names where a local agent works, a city the context "
                      f"country {context_country} may have too -> {context_country}")
    elif owner is not None:
        country = owner.entry
        suffix = f" {sector}" if inst is owner else ""
        why.insert(0, f"{owner.target.alias.role} '{owner.text}' -> {country.country}{suffix}")
    if country is None and owner is None and context_country:
        country = kb.country(context_country)
        why.append(f"context country -> {context_country}")
        if country is None:
            return Resolution(Actor(text, f"{inst_name} ({context_country})", context_country, None, sector,
                                    context_country + sector if sector else context_country), tuple(ids), "; ".join(why))
    if country is None:
        return Resolution(Actor(text, inst_name, None, None, sector, sector), tuple(ids), "; ".join(why))
    code = (country.cameo or country.country or "") + (sector or "")
    return Resolution(Actor(text, f"{inst_name} ({country.name})", country.country, None, sector, code),
                      tuple(ids), "; ".join(why), contextual=local or dual is not None)


# Nouns after two hyphened country adjectives that tell the two countries' affair, not a person
# of both nationalities ("the Russian-Ukrainian war", "Sino-Indian border talks").
PAIR_NOUNS = frozenset({
    "war", "wars", "border", "borders", "frontier", "talks", "relations", "ties", "conflict", "dispute", "deal",
    "agreement", "accord", "treaty", "summit", "commission", "pipeline", "trade", "alliance", "partnership",
    "exercise", "exercises", "drills", "joint", "peace", "ceasefire", "truce", "rivalry", "friendship", "dialogue",
    "negotiations", "meeting", "crossing", "boundary", "line", "front", "team", "match", "game", "cooperation",
})


def _dual_nationality(owners: list[_Mention], text: str, context_country: str | None) -> tuple[_Mention, str] | None:
    """Rule 14: two country adjectives joined by a hyphen ("a British-Iranian aid worker", "a
    Russian-American ballerina") tell a dual national, who is a foreigner to each state: in a
    story of one of the two (the context country) the other nationality, else the first as
    written. None when the owners are no such pair."""
    adjectives = [m for m in owners if m.kind == "country" and m.target.alias.role == "adjective"]
    if len(adjectives) != 2 or len(owners) != 2:
        return None
    first, second = adjectives
    if second.start != first.end or first.entry.country == second.entry.country:
        return None
    joined = re.search(re.escape(first.text) + r"\s*-\s*" + re.escape(second.text) + r"(?:\s+(\w+))?", fold(text), re.I)
    if joined is None or joined.group(1) is None or joined.group(1).lower() in PAIR_NOUNS:
        # "the Russian-Ukrainian war", "Indian-Pakistani talks": two countries' affair; and the
        # pair alone, which a noun's mention gives ("Armenian-Azerbaijani" of "Armenian-Azerbaijani
        # talks"), names the two parties, not one person
        return None
    chosen = second if context_country == first.entry.country else first
    return chosen, (f"'{first.text}-{second.text}' tells a dual national -> {chosen.entry.country}"
                    + (f" (not the context country {context_country})" if context_country in (first.entry.country, second.entry.country) else ""))


# Words of a newspaper's, agency's or broadcaster's own name, and of an airline's or a
# company's, that make a name of them and one country's word a body of that country
# (rule 10): "The Jerusalem Post", "Israel Hayom", "Kenya Airways", "Air India".
MEDIA_NAME_WORDS = frozenset({
    "post", "times", "herald", "independent", "tribune", "gazette", "daily", "journal", "chronicle", "observer",
    "telegraph", "hayom", "today", "express", "courier", "mirror", "standard", "inquirer", "pravda", "star",
    "news", "dispatch", "sentinel", "bulletin", "radio", "television", "tv", "broadcasting",
})
COMPANY_NAME_WORDS = frozenset({"airways", "airlines", "airline", "petroleum", "railways", "telecom", "shipping"})
EDGE_COMPANY_WORDS = frozenset({"air"})  # "Air India", "Iran Air": first or last, never inside
NAME_JOINERS = frozenset({"the", "of", "de"})
NEUTRAL_NAME_WORDS = frozenset({"international", "national"})  # "Pakistan International Airlines"
# A country's word before one of these is no person's first name ("Israel Hayom": actors/kb.py).
NAME_WORDS_OF_BODIES = MEDIA_NAME_WORDS | COMPANY_NAME_WORDS | EDGE_COMPANY_WORDS


def _named_after_a_country(kb: KnowledgeBase, text: str, toks: Tokens, mentions: list[_Mention]) -> Resolution | None:
    """Rule 10: a capitalised name of one country's word and only a newspaper's or a
    company's name words ("The Kyiv Independent", "Turkish Airlines") is that country's
    MED or BUS actor; a name with any other word ("The Israel Defense Forces") is not."""
    countries = [m for m in mentions if m.kind == "country" and not m.possessive]
    if len(countries) != len(mentions) or len({m.entry.id for m in countries}) != 1:
        return None
    if countries[0].target.alias.role not in ("name", "adjective", "capital"):
        return None
    inside = {i for m in countries for i in range(m.start, m.end)}
    sector = None
    for i, (low, cased) in enumerate(zip(toks.lower, toks.cased)):
        if i in inside or (low in NAME_JOINERS and 0 < i < len(toks.lower) - 1) or (i == 0 and low == "the"):
            continue
        if not cased[:1].isupper() or toks.possessive[i]:
            return None
        if low in MEDIA_NAME_WORDS:
            found = "MED"
        elif low in COMPANY_NAME_WORDS or (low in EDGE_COMPANY_WORDS and i in (0, len(toks.lower) - 1)):
            found = "BUS"
        elif low in NEUTRAL_NAME_WORDS:
            continue
        else:
            return None
        if sector not in (None, found):
            return None
        sector = found
    if sector is None:
        return None
    entry = countries[0].entry
    country = kb.country(entry.country) if entry.country else None
    cameo = (country.cameo or entry.country) if country is not None else entry.country
    label = "media" if sector == "MED" else "business"
    why = f"'{countries[0].text}' names a {label} body of {entry.country} (the words of its name)"
    return Resolution(Actor(text, f"{text.strip()} ({entry.name})", entry.country, None, sector, f"{cameo}{sector}"),
                      (entry.id,), why)


def _town_and_holder(mentions: list[_Mention], lower: tuple[str, ...]) -> list[_Mention]:
    """Rule 12: a capital and a country right after it past a comma, at the phrase's end
    or before another comma ("Athens, Georgia", "Tripoli, Lebanon"): a town and its holder."""
    for a, b in zip(mentions, mentions[1:]):
        if (a.kind == "country" and a.target.alias.role == "capital" and not a.possessive
                and b.kind == "country" and b.target.alias.role == "name" and b.start == a.end + 1
                and lower[a.end] == "," and (b.end == len(lower) or lower[b.end] == ",")):
            return [a, b]
    return []


def _local_capital(owner: _Mention, inst: _Mention, sector: str | None) -> bool:
    """Rule 11: a capital's name told as where a local agent works ("Police in Tripoli", "the
    mayor of Kingston", "a Santiago court"): a city name other countries' towns share, so the
    answer is the caller's context country's where one is given (the coder's comes from the
    gazetteer, which ranks the story's own namesake first), else the capital's."""
    return owner.kind == "country" and owner.target.alias.role == "capital" and not owner.possessive and (
        sector in LOCAL_SECTORS or (inst.kind == "agent" and inst.entry.id in LOCAL_AGENTS))


# Rule 16: a force's name whose own words tell a cause fought for ("the Free Syrian Army", "the Ituri
# Resistance Army", "the Sahel Freedom Brigade") names an armed group, not a state's military.
INSURGENT_NAME_WORDS = frozenset({"liberation", "resistance", "freedom", "free", "revolutionary", "independence",
                                  "salvation", "mujahideen", "martyrs", "jihad", "rebel", "insurgent"})
FORCE_NAME_WORDS = frozenset({"army", "brigade", "brigades", "forces", "force", "militia", "battalion", "battalions", "legion"})


def _insurgent_name(toks: Tokens) -> bool:
    """A capitalised cause word before a capitalised force word ("Free Syrian Army")."""
    cause = False
    for low, cased in zip(toks.lower, toks.cased):
        if not cased[:1].isupper():
            continue
        if low in INSURGENT_NAME_WORDS:
            cause = True
        elif cause and low in FORCE_NAME_WORDS:
            return True
    return False


# Rule 17: missiles, rockets, shells and mortars told by the state that owns them ("Russian missiles", "a North
# Korean missile", "Israeli shells") are its military's; one told alone ("a missile hit a block") names no one,
# so the word is no agent.
MISSILE_HEADS = frozenset({"missile", "missiles", "rocket", "rockets", "shell", "shells", "mortar", "mortars"})


def _as_sector(kb: KnowledgeBase, res: Resolution, sector: str, why: str) -> Resolution:
    """``res`` with the sector a rule reads from the phrase (its code the country's CAMEO code + it)."""
    a = res.actor
    return Resolution(replace(a, sector=sector, code=kb.cameo_of(a.country) + sector), res.entry_ids,
                      f"{res.why}; {why}" if res.why else why, res.contextual)


def _as_military(kb: KnowledgeBase, res: Resolution) -> Resolution:
    return _as_sector(kb, res, "MIL", "a state's missiles are its military's -> MIL")


def _as_insurgents(kb: KnowledgeBase, res: Resolution) -> Resolution:
    return _as_sector(kb, res, "REB", "its name's own words tell a cause fought for: an armed group -> REB")


def _civil_named(res: Resolution, group: list[_Mention], toks: Tokens) -> bool:
    """A proper name of a civil-society body the knowledge base does not know ("Mali
    Watch", "the Sudan Peace Coalition", "the Syrian Observatory for Human Rights"): no
    organisation or person resolved, no sector or only one a capitalised body word of the
    name gave ("Coalition": military alone), and the name's words tell it civil
    (actors/civil.py)."""
    if res.actor.org is not None or any(m.kind in ("person", "org") for m in group):
        return False
    if res.actor.sector not in (None, "NGO"):
        bodies = [m for m in group if m.kind == "agent" and all(w[:1].isupper() for w in m.text.split())
                  and fold_lower(m.text) in BODY_WORDS | CIVIL_WORDS]
        if not bodies:
            return False
    elif res.actor.sector == "NGO":
        return False
    return civil_name(" ".join(toks.cased))


def fold_lower(word: str) -> str:
    return word.lower().strip(".")


def _as_civil(kb: KnowledgeBase, text: str, res: Resolution) -> Resolution:
    a = res.actor
    actor = Actor(a.text, text, a.country, None, "NGO", kb.cameo_of(a.country) + "NGO")
    why = "its name's own words tell a civil-society body -> NGO"
    return Resolution(actor, res.entry_ids, f"{res.why}; {why}" if res.why else why, res.contextual)


def _nationality_against(person: _Mention, others: list[_Mention]) -> str | None:
    """The country a person's phrase tells them to be of ("Colombian Defence Minister
    Pedro Sanchez", "Colombia's Pedro Sanchez") when the knowledge-base person of that
    name never held an office there (nor in an organisation the phrase names), else None.
    A sponsor or ally word was dropped before: only the person's own nationality counts."""
    roles = {r.country for r in person.entry.roles}
    if not roles:
        return None
    countries = [m for m in others if m.kind == "country" and m.target.alias.role != "metonym" and m.entry.country]
    if not countries:
        return None
    named = {m.entry.country for m in countries} | {m.entry.org for m in others if m.kind == "org" and m.entry.org}
    if named & roles:
        return None
    return countries[-1].entry.country


def _is_community(entry: Entry) -> bool:
    """An ethnic or religious community (an organisation entry of sector CVL)."""
    return entry.kind == "org" and entry.sector == "CVL"


def _community_resolution(kb: KnowledgeBase, text: str, community: _Mention, sector: str | None,
                          agent_name: str | None, others: list[_Mention], context_country: str | None,
                          ids: list[str]) -> Resolution:
    """A community, or an agent of one ("Kurdish rebels"): its home country, else a
    country named beside it ("Iraqi Kurds", "Kurds in Syria"), else the context country."""
    entry = community.entry
    sector = sector or entry.sector
    why = [f"community '{community.text}' -> {entry.name}" + (f" ({entry.country})" if entry.country else "")]
    iso = entry.country
    if iso is None:
        named = [m for m in others if m.kind == "country"]
        if named:
            iso = named[-1].entry.country
            why.append(f"{named[-1].target.alias.role} '{named[-1].text}' -> {iso}")
        elif context_country and (not entry.homes or context_country in entry.homes):
            iso = context_country
            why.append(f"context country -> {iso}")
        elif entry.homes and context_country:
            # "Baloch separatists attacked Chinese engineers": a context country the community
            # does not live in is the other side's, not its own; its main home is
            iso = entry.homes[0]
            why.append(f"its main home -> {iso}")
    if sector != entry.sector:
        why.append(f"agent -> {sector}")
    label = f"{agent_name} ({entry.name})" if agent_name else entry.name
    # No org: a community is no organisation, and its actors count by country
    # ("Kurdish rebels" in Turkey and in Iraq are two dyad sides, not one).
    code = kb.cameo_of(iso) + (sector or "")
    if entry.country and entry.code and sector == entry.sector and entry.code.startswith(code):
        # a community of one country, told as itself or by its own people ("the Turkish Cypriot
        # leader", "Greek Cypriots"), keeps its own letters: two of one country are two parties
        code = entry.code
    return Resolution(Actor(text, label, iso, None, sector, code),
                      tuple(dict.fromkeys([*ids, entry.id])), "; ".join(why))


def _role_word(m: _Mention) -> str:
    return m.target.alias.role if m.kind == "country" else m.kind


def _country_actor(text: str, head: _Mention, why: list[str]) -> Actor:
    entry, alias = head.entry, head.target.alias
    sector = alias.sector if alias.role in ("metonym", "capital") else None
    why.append(f"{alias.role} '{head.text}' -> {entry.country}" + (f" {sector}" if sector else "")
               + (" (its meaning in a story about that country: the context country decides)" if alias.contexts else ""))
    name = f"{SECTOR_LABELS.get(sector, sector)} ({entry.name})" if sector else entry.name
    return Actor(text, name, entry.country, None, sector, (entry.cameo or entry.country or "") + (sector or ""))


def _org_actor(text: str, org: Entry, sector: str | None, agent_name: str | None, when: date | None,
               why: list[str], written: str) -> Actor:
    """An organisation, with an agent's sector where it says more (NATO troops -> MIL)."""
    org_sector, code = org.org_state(when)
    why.append(f"organisation '{written}' -> {org.org} {org_sector}")
    final = sector if sector in SECTORS_ADDING_TO_ORG and sector != org_sector else org_sector
    if final != org_sector and code and not code.endswith(final or ""):
        code = code + (final or "")
    name = f"{agent_name} ({org.name})" if final != org_sector and agent_name else org.name
    return Actor(text, name, org.country, org.org, final, code)


def _person_actor(kb: KnowledgeBase, text: str, head: _Mention, when: date | None, why: list[str]) -> Actor:
    """A person: country and sector from the office held on ``when``."""
    person = head.entry
    role, status = person.role_on(when)
    if role is None:
        why.append(f"person '{head.text}' -> no office on record")
        return Actor(text, person.name)
    span = f"{role.start or '?'}..{role.end or 'now'}"
    org_entry = kb.org_entry(role.country) if kb.country(role.country) is None else None
    if status == "in_office":
        sector = ROLE_SECTORS.get(role.role)
    elif status == "former":
        sector = "ELI"
    else:
        sector = None
    why.append(f"person '{head.text}' -> {role.country} {role.role} {span} ({status.replace('_', ' ')})")
    if org_entry is not None:
        org_sector, code = org_entry.org_state(when)
        final = sector or org_sector
        if status != "in_office":
            final = sector
        code = (code or "") + (final if final and final != org_sector else "")
        return Actor(text, person.name, org_entry.country, org_entry.org, final, code or None)
    country = kb.country(role.country)
    cameo = country.cameo if country else role.country
    return Actor(text, person.name, role.country, None, sector, (cameo or "") + (sector or ""))
