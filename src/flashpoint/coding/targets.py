"""The target chain: whom an act is aimed at.

The chain is data (``data/targets.yaml``): an ordered list of strategies, each
limited to some CAMEO roots or codes. :meth:`TargetChain.find` tries them in
order and returns the first non-empty answer with the strategy's name, so every
event can say how its target was found. Each strategy is a small function of
``(coder, query)``; the coder supplies actor resolution (``_actors``,
``_government_of``, ...), the query the candidate being coded.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import DataFileError
from ..nlp.extract import Candidate, Mention
from ..types import Actor
from ..yamlio import chain_items, load_package_yaml
from .backrefs import act_nouns
from .generic_country import ARMED_NON_STATE, city_no_village_is, clause_place_country
from .patterns import Pattern

Found = list[tuple[Actor, float]]

# Roots whose force crosses a front line: a generic target is in another country.
CROSS_BORDER_ROOTS = {"15", "19", "20"}
DOMESTIC_SECTORS = {"POL", "REB", "OPP", "CVL", "REF", "JUD"}
CROWD_HEADS = {"protester", "demonstrator", "crowd", "marcher", "mourner", "rioter", "striker"}  # protests are local
PLACE_PREPS = {"in", "on", "at", "into", "across", "near", "around", "over", "of", "off", "outside", "inside", "within", "toward", "towards"}
THING_PARTY_ROLES = {"deep:against", "deep:with", "deep:on", "deep:to", "deep:toward", "deep:towards", "deep:relobj", "deep:between"}
BORDER_WORDS = {"border", "frontier", "boundary"}
# What a state's police and courts do to someone: a reaction to it ("condemned the arrest of a
# German journalist in Istanbul") is aimed at the state where it was done, not at the victim's.
STATE_COERCION_HEADS = frozenset({"arrest", "detention", "jailing", "imprisonment", "sentencing", "sentence",
                                  "conviction", "trial", "prosecution", "deportation", "expulsion", "execution"})
VERBAL_CONFLICT_ROOTS = {"10", "11", "12", "13"}
WHENS = {"any", "direct", "nested"}


@dataclass(frozen=True)
class TargetQuery:
    """What a strategy sees: the candidate, its pattern, the sources found, the
    document state, and whether the act is told inside an accusation."""

    cand: Candidate
    pattern: Pattern
    sources: Found
    state: Any  # coder.DocState
    when: Any  # the publication date
    nested: bool = False
    accuser: Actor | None = None  # for a nested act, who told it

    def own_countries(self) -> set[str]:
        """The countries of the sources found: a target of these is the actor's own side."""
        return {s.country for s, _ in self.sources if s.country}


@dataclass(frozen=True)
class Step:
    strategy: str
    roots: frozenset[str] = frozenset()
    codes: tuple[str, ...] = ()
    when: str = "any"

    def applies(self, code: str, nested: bool) -> bool:
        if self.when == "nested" and not nested or self.when == "direct" and nested:
            return False
        if self.roots and code[:2] not in self.roots:
            return False
        return not self.codes or code.startswith(self.codes)


RECIPROCAL = "reciprocal"


@dataclass(frozen=True)
class TargetChain:
    steps: tuple[Step, ...]
    extra_slots: dict[str, tuple[str, ...]]
    noun_slots: tuple[str, ...] = ()
    place_preps: dict[str, frozenset[str]] = field(default_factory=dict)  # code prefix -> prepositions added to PLACE_PREPS
    one_sided: tuple[str, ...] = ()  # codes aimed at no one, whatever the sentence names ("declined to comment on ...")
    light_slots: tuple[str, ...] = ()  # tried last for a light-verb construction ("granted recognition *to Palestine*")

    @classmethod
    @functools.cache
    def load(cls) -> "TargetChain":
        return cls.parse(load_package_yaml("flashpoint.coding", "data", "targets.yaml"), "targets.yaml")

    @classmethod
    def parse(cls, data: Any, name: str = "targets") -> "TargetChain":
        steps = []
        for n, item in chain_items(data, name, STRATEGIES):
            when = item.get("when", "any")
            if when not in WHENS:
                raise DataFileError(f"{name}: chain entry {n}: 'when' must be one of {', '.join(sorted(WHENS))}")
            steps.append(Step(item["strategy"], frozenset(str(r) for r in item.get("roots") or ()),
                              tuple(str(c) for c in item.get("codes") or ()), when))
        extra = {str(k): tuple(v) for k, v in (data.get("extra_slots") or {}).items()}
        place_preps = {str(k): frozenset(v) for k, v in (data.get("place_preps") or {}).items()}
        return cls(tuple(steps), extra, tuple(data.get("noun_slots") or ()), place_preps,
                   tuple(str(c) for c in data.get("one_sided") or ()), tuple(data.get("light_slots") or ()))

    def find(self, coder, q: TargetQuery) -> tuple[Found, str | None]:
        """The first strategy's targets (or, for ``reciprocal``, the sources as
        each other's targets) and its name; ``([], None)`` when none finds one."""
        code = q.pattern.code
        if q.cand.intent == "refusal":
            # "would not take part in any operation ...": a refusal is sought where rejections are
            code = coder._intent_code(code, q.cand)
        if self.one_sided and code.startswith(self.one_sided):
            return [], None
        # a step for a narrow code also takes a broad pattern narrowed to it by what is at stake
        # ("lifted the curfew": lift-sanctions' 080 is 0813, a domestic easing, own_country's)
        narrowed = coder.narrowed_code(code, q.cand)
        for step in self.steps:
            if not (step.applies(code, q.nested) or narrowed != code and step.applies(narrowed, q.nested)):
                continue
            found = STRATEGIES[step.strategy](coder, q, self)
            if found:
                return found, step.strategy
        return [], None


# -- strategies -------------------------------------------------------------------

def slots(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """The pattern's own slots in order ("accused *Poland*", "sanctions *on Iran*"),
    then the root's extra slots."""
    pattern, cand, sources = q.pattern, q.cand, q.sources
    extra = chain.extra_slots.get(pattern.code[:2], ())
    if cand.kind == "noun":
        extra += chain.noun_slots
    own_victims = _own_victims(pattern, slot_mentions(cand, "obj"))
    # "Bangladesh and Myanmar held talks on the Rohingya return": parties of two countries consulting
    # consult each other (the reciprocal strategy); what the talks are about names no partner
    mutual = pattern.code[:2] in MUTUAL_ROOTS and len({s.country for s, _ in sources if s.country}) >= 2
    light: frozenset[str] = frozenset()
    if cand.kind == "verb" and pattern.trigger_form == "light" and pattern.code[:2] not in LIGHT_SLOTLESS_ROOTS \
            and not mutual:
        # the object names the act, so the verb's own phrases name the party ("granted recognition *to
        # Palestine*"); only those hung on the verb itself, not ones deeper in a later clause
        light = frozenset(chain.light_slots) - set(pattern.target) - set(extra)
        extra += tuple(s for s in chain.light_slots if s in light)
    for slot in dict.fromkeys(pattern.target + extra):
        if mutual and slot.startswith("deep"):
            continue
        if slot == "grievance":
            found = grievance(coder, q)
            if found:
                return found
            continue
        if slot == "speaker_accuser":
            for a, _ in sources:
                acc = q.state.accusers.get(a.key)
                if acc is not None:
                    return [(acc, 0.75)]
            continue
        mentions = [m for m in (of_between(q) if slot == OF_BETWEEN else _light_governor(q) if slot == LIGHT_GOVERNOR
                                else [m for m in cand.preps if m.role == slot and m.depth == 0] if slot in light
                                else slot_mentions(cand, slot))
                    if not coder._names_no_party(m) and not coder._audience(pattern, m)]
        if slot == "obj":
            mentions = _act_doers(coder, cand, mentions)
        coerced = _coercion_place(coder, pattern, mentions, sources)
        if coerced:
            return coerced
        if pattern.code[:2] in CROSS_BORDER_ROOTS:
            # "struck a Lukoil refinery": a facility named after a company the knowledge base
            # does not know is a place hit, whose country the place strategy finds
            mentions = [m for m in mentions if not ((m.head in FACILITY_HEADS or m.role == "deep:mod")
                                                    and _no_party_name(coder, m))]
        if pattern.code[:2] == OWN_FORCE_ROOT:
            # "put *its air force* on alert": a show of force is not aimed at the forces shown
            mentions = [m for m in mentions if not m.possessor]
        if not mentions:
            continue
        # Force across a front line ("a Russian missile hit the administration building")
        # lands in another country; arrests and repression are domestic. Police, rebels
        # and crowds fight at home; protesters are where the protest is.
        # (of every party that does it: "Malian and Russian soldiers killed villagers" are no Russian villagers
        # for the Malian soldiers)
        avoid = tuple(dict.fromkeys(s.country for s, _ in sources if s.country)) \
            if sources and sources[0][0].country and pattern.code[:2] in CROSS_BORDER_ROOTS \
            and sources[0][0].sector not in DOMESTIC_SECTORS \
            and not all(m.head in CROWD_HEADS for m in mentions) else None
        own = _challengers_government(coder, mentions, sources, q.when)
        if own:
            return own
        # "Moscow would take steps to counter *the alliance*": a description that points back
        # into the article names another party than the one acting
        q.state.not_parties, before = frozenset(party(s) for s, _ in sources), q.state.not_parties
        try:
            found = others(coder._actors(mentions, q.when, q.state, cand.quote, avoid=avoid), sources)
        finally:
            q.state.not_parties = before
        if pattern.code[:2] in ADVERSARIAL_ROOTS:
            found = [(a, f) for a, f in found if f >= NAMED or not _own_state(a, sources)]
        if pattern.code.startswith(CAPTIVE_CALL_CODES):
            # "demanded the release of *the five men*": captives whose country only context lent are
            # the caller's own people, not whom the call is aimed at (the captor strategy finds that)
            found = [(a, f) for a, f in found if f >= NAMED or not any(a.country == s.country for s, _ in sources)]
        if not found and avoid is None and sources and sources[0][0].country \
                and not pattern.code.startswith(DOMESTIC_COERCION_CODES):
            # "Nuland met junta officials in Niamey": a generic target that context
            # made the source itself belongs to the story's other country.
            # (not an arrest or repression: "loyal troops arrested 14 soldiers" are the troops' own)
            generic = [m for m in mentions if not m.proper and not m.pronoun]
            found = others(coder._actors(generic, q.when, q.state, cand.quote, avoid=sources[0][0].country), sources)
        if own_victims:
            # "India called the arrest of its fishermen unacceptable": the speaker's own people held
            # are not whom the protest is aimed at; whoever held them is (the reaction strategy)
            own = {s.country for s, _ in sources if s.country}
            found = [(a, f) for a, f in found if a.country not in own]
        if found:
            return found
    return []


MUTUAL_ROOTS = frozenset({"04"})  # consultation between the doers themselves (see slots)
# Statements keep their own slots (root 01's "about"): a light verb's phrase there is often the topic.
LIGHT_SLOTLESS_ROOTS = frozenset({"01"})
# The noun slot for the phrases of the light verb an event noun is the object of ("made *a donation* of
# medicine *to Lebanon*": the parse hangs "to Lebanon" on "made").
LIGHT_GOVERNOR = "light_governor"
LIGHT_GOVERNOR_ROLES = ("prep:to", "prep:with", "prep:against", "prep:on")


def _light_governor(q: TargetQuery) -> list[Mention]:
    """The party phrases of the light verb whose direct object the noun is, when that verb was read."""
    cand = q.cand
    if cand.governor_dep != "dobj" or not cand.heads:
        return []
    k = q.state.by_token.get(cand.heads[0])
    if k is None:
        return []
    gov = q.state.cands[k]
    return [m for m in gov.preps if m.role in LIGHT_GOVERNOR_ROLES and m.depth == 0]


# Verbal conflict and its material kin: a state's disapproval, rejection, threat or sanction is not
# aimed at its own government or forces that only context placed in its country ("Moscow vowed to
# counter *the coalition*": not Russia's own military, which a generic word takes from the story's
# country when nothing else is told); one the text places there stays ("criticised *Pakistan's* army").
ADVERSARIAL_ROOTS = frozenset({"11", "12", "13", "16"})
CAPTIVE_CALL_CODES = ("1053", "0253")  # calls to free captives (cf. the captor strategy)
STATE_SECTORS = frozenset({"GOV", "MIL"})
NAMED = 1.0  # the resolution factor of a party the text names (one whose country context lent is lower)


# Parties that challenge their own state: "the government" they accuse, petition or march against
# is their own country's, not the last foreign state the story named.
CHALLENGER_SECTORS = frozenset({"OPP", "REB", "CVL", "LAB", "EDU", "MED", "LEG", "JUD", "NGO"})
OWN_GOVERNMENT_WORDS = frozenset({"the government", "the authorities", "the regime", "the state",
                                  "the central government", "the national government", "the federal government"})


def _challengers_government(coder, mentions, sources: Found, when) -> Found:
    """"Opposition leader X accused *the government* of ...", "The opposition BNP accused *the
    government* ...": a bare government word aimed at by a domestic challenger of one country
    (``CHALLENGER_SECTORS``) is that country's government."""
    if not sources:
        return []
    doer = sources[0][0]
    if not doer.country or doer.sector not in CHALLENGER_SECTORS:
        return []
    for m in mentions:
        if m.text.lower() in OWN_GOVERNMENT_WORDS:
            res = coder.kb.resolve(m.text, when, doer.country)
            if res is not None and res.actor.country == doer.country and res.actor.sector == "GOV":
                return [(coder._retext(res.actor, m.text), 0.85)]
    return []


def _own_state(actor: Actor, sources: Found) -> bool:
    """Whether ``actor`` is the state apparatus (government or forces, no organisation of its own)
    of a state actor among ``sources``."""
    if actor.org or not actor.country or (actor.sector or "GOV") not in STATE_SECTORS:
        return False
    return any(s.country == actor.country and not s.org and (s.sector or "GOV") in STATE_SECTORS
               for s, _ in sources if s.name != "unknown")


# Arrests, curbs and repression are done at home: a generic target is of the doer's own country.
DOMESTIC_COERCION_CODES = ("172", "173", "175")
OWN_FORCE_ROOT = "15"  # force posture: its object is often the actor's own forces


def _coercion_place(coder, pattern: Pattern, mentions: list[Mention], sources) -> Found:
    """"Berlin condemned the arrest of a German journalist *in Istanbul*": a reaction to an
    arrest, trial or sentence whose doer is not told is aimed at the state of the place where
    it was done (Turkey), not at the victim's country; a doer told ("by Azerbaijani police")
    or a party's name on the act ("Turkey's detention of ...") is the slots' own business."""
    if pattern.code[:2] not in VERBAL_CONFLICT_ROOTS or len(mentions) != 1:
        return []
    m = mentions[0]
    if m.head not in STATE_COERCION_HEADS or m.proper or m.pronoun or m.possessor or " by " in f" {m.text} ":
        return []
    country = clause_place_country(m.text, coder.kb, coder.gazetteer)
    own = {s.country for s, _ in sources if s.country}
    if country is None or country in own:
        return []
    return [(coder._country_actor(m.text, country), 0.8)]

def _act_doers(coder, cand: Candidate, mentions: list[Mention]) -> list[Mention]:
    """"welcomed *the release of a Dutch reporter by Venezuelan authorities*", "condemned the killing
    of three Palestinians by Israeli troops": an act object whose doer a "by" phrase names stands
    for that doer, not for the people it was done to (whom its "of" phrase names first)."""
    if len(mentions) != 1:
        return mentions
    m = mentions[0]
    if m.proper or m.pronoun or m.possessor or m.head not in coder.patterns.noun_lemmas:
        return mentions
    # (the parser may hang the "by" on an active verb: "condemned the killing of X *by* Y")
    hung = [d for d in cand.preps if d.role == "prep:by" and not cand.passive]
    doers = [d for d in (*cand.deep, *hung) if d.role in ("deep:by", "prep:by") and d.start >= m.end and not d.pronoun]
    return doers[:1] or mentions


def _own_victims(pattern: Pattern, mentions: list[Mention]) -> bool:
    """A verbal conflict about an arrest, trial or expulsion whose doer the phrase does not name
    (a possessive after the act is the victims': "the arrest of *its* fishermen")."""
    if pattern.code[:2] not in VERBAL_CONFLICT_ROOTS or len(mentions) != 1:
        return False
    m = mentions[0]
    text = f" {m.text.lower()} "
    doer_named = m.possessor and text.find(f" {m.possessor.lower()} ") < text.find(f" {m.head}")
    return m.head in STATE_COERCION_HEADS and not doer_named and " by " not in text


# Things hit that a company's name may qualify ("a Lukoil refinery", "the Tesla plant").
FACILITY_HEADS = frozenset({"refinery", "plant", "depot", "factory", "port", "terminal", "facility", "warehouse",
                            "pipeline", "field", "mine", "station", "tanker", "ship", "vessel", "store", "mall"})


def _no_party_name(coder, m: Mention) -> bool:
    res = coder.kb.resolve(m.text, None, None)
    return res is None or (res.actor.country is None and res.actor.org is None)


def thing_party(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """The object names no party and the party hangs off it: "threatened further
    action *against Russia*". Only where the act is aimed at that party:
    "condemned the attacks *on protesters*" names the victims."""
    if not slot_mentions(q.cand, "obj"):
        return []
    mentions = [m for m in q.cand.deep if m.role in THING_PARTY_ROLES and not coder._names_no_party(m)]
    return [(a, f * 0.9) for a, f in others(coder._actors(mentions, q.when, q.state, q.cand.quote), q.sources)]


def grievance(coder, q: TargetQuery) -> Found:
    """The ``grievance`` slot: "Lebanon complained to the UN over Israeli raids": an official
    complaint is aimed at the author of the act it is about (named by a modifier or
    possessive inside that phrase), not at the body it is lodged with."""
    acts = [m for slot in ("prep:over", "prep:about", "prep:against") for m in slot_mentions(q.cand, slot)
            if coder._names_an_act(m)]
    # a named author only ("Israeli raids", "Turkey's shelling"), not an epithet ("an Islamophobic campaign")
    authors = [d for d in q.cand.grievance_authors if (d.proper or d.ent) and any(m.start <= d.start and d.end <= m.end for m in acts)]
    return [(a, f * 0.85) for a, f in others(coder._actors(authors, q.when, q.state, q.cand.quote), q.sources)
            if a.country or a.org]


def cause(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"Pakistan put its air force on high alert after India's defence minister warned of
    retaliation": a show of force answers whoever did what the "after" clause tells."""
    mentions = [m for m in q.cand.cause_subjects if m.proper or m.ent or m.role == "cause" and m.depth == 0]
    return _foreign_prompters(coder, q, mentions)


# Heads of an "in ... to/for" phrase that tells what an act answers ("in response to", "in retaliation for").
RESPONSE_HEADS = frozenset({"response", "reaction", "answer", "reply", "retaliation", "reprisal", "riposte"})


def response(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"Poland mobilised troops *in response to Russia's plan* to hold drills", "scrambled jets in
    retaliation for Chinese incursions": an act told as the answer to another's act or plan is
    aimed at whoever the answered phrase names (its possessor or its national adjective), not at
    the place that phrase goes on to name."""
    preps = q.cand.preps
    for k, m in enumerate(preps):
        if m.role != "prep:in" or m.depth != 0 or m.head not in RESPONSE_HEADS:
            continue
        answered = next((n for n in preps[k + 1:k + 2] if n.role in ("prep:to", "prep:for") and n.depth == 1), None)
        if answered is None or answered.pronoun:
            return []
        return _foreign_prompters(coder, q, [answered])[:1]
    return []


def reaction(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"The AU condemned the move", "Pristina rejected the proposal": the act reacted
    to is the latest one told, so its author is the target."""
    objects = slot_mentions(q.cand, "obj")
    if not objects:
        # "called *the step* regrettable", "called the flights a provocation": an act noun the parse kept
        # out of the object mentions (no party in it) still names the act reacted to
        acts = act_nouns()
        roots = frozenset().union(*(acts[w] for w in q.cand.obj_lemmas[:4] if w in acts))
        author = _author_of(q, roots) if roots and q.pattern.code[:2] in ("01", "11", "12") else None
        return [(author, 0.7)] if author is not None else []
    if not all(coder._names_an_act(m) or _act_pronoun(m) for m in objects):
        # "voiced concern *about the deal*": a feeling whose "about" phrase names an act told before
        # aims at that act's author
        words = q.cand.obj_lemmas
        acts = act_nouns()
        after = [w for k, w in enumerate(words) if k and words[k - 1] in ("about", "over") or k > 1
                 and words[k - 2] in ("about", "over") and words[k - 1] in ("the", "this", "that")]
        if q.cand.lemma in NAMING_VERBS:
            # "calling *the build-up* a provocation": the parse may fold the act into the name given it
            after += [w for w in words[:3] if w in acts]
        roots = frozenset().union(*(acts[w] for w in after if w in acts))
        author = _author_of(q, roots) if roots and q.pattern.code[:2] in ("01", "11") else None
        return [(author, 0.7)] if author is not None else []
    aimed = _aimed_at(q)
    if aimed is not None:
        return [(aimed, 0.75)]
    if all(_act_pronoun(m) for m in objects):
        earlier = _reacted_to(q)
        if earlier is not None:
            return [(earlier, 0.75)]
    author = _author_of_act(q, objects)
    if author is not None:
        return [(author, 0.75)]
    teller = _teller(q, objects)
    if teller is not None:
        return [(teller, 0.7)]
    for sent, actor in reversed(q.state.recent):
        if sent < q.cand.sent_index - 2:
            break
        if any(same_actor(actor, s) for s, _ in q.sources):
            continue
        if q.pattern.code[:2] in ADVERSARIAL_ROOTS and _own_state(actor, q.sources):
            continue  # "the Kremlin said Russia would take steps to counter ...": no threat to its own government
        if actor.key in q.state.claimants and any(actor.country == s.country and s.sector not in NON_STATE_SECTORS
                                                  for s, _ in q.sources):
            continue  # a state reacts to the other side's claims, not to its own officials
        return [(actor, 0.7)]
    return []


# Verbs that give an act a name ("called the build-up a provocation", "described the move as illegal").
NAMING_VERBS = frozenset({"call", "describe", "brand", "term", "label", "dub"})


# Nouns for what a side said happened: "Hanoi rejected *that account*" answers whoever told it.
TOLD_HEADS = frozenset({"account", "version"})


def _teller(q: TargetQuery, objects: list[Mention]) -> Actor | None:
    """"Jakarta said the trawler rammed the ship. Hanoi rejected *that account*": the speaker
    of the latest event told in reported speech, of another country than the reacting side
    (the parties inside the account are what it is about, not who gave it)."""
    if not any(m.head in TOLD_HEADS for m in objects if not m.pronoun):
        return None
    own = q.own_countries()
    for events in reversed(list(q.state.coded.values())):
        for e in reversed(events):
            a = e.attribution
            if a is not None and (a.country or a.org) and a.country not in own \
                    and not any(same_actor(a, s) for s, _ in q.sources):
                return a
    return None


# "the RSF rejected *it*", "Washington condemned *this*": a neuter pronoun object of a
# reaction stands for the act or plan just told, not for a party.
ACT_PRONOUNS = frozenset({"it", "this", "that"})


def _act_pronoun(m: Mention) -> bool:
    return m.pronoun and m.text.lower() in ACT_PRONOUNS


def _reacted_to(q: TargetQuery) -> Actor | None:
    """"Egypt put forward a plan. Qatar endorsed it, but Israel turned *it* down": a pronoun
    reacted to stands for what the latest reaction (this sentence or the one before) was to,
    so it is aimed at that one's author, not at the party that reacted first."""
    for e in _recent_events(q, 1):
        if e.target_via == "reaction" and e.target is not None and not any(same_actor(e.target, s) for s, _ in q.sources):
            return e.target
    return None


def _recent_events(q: TargetQuery, back: int) -> Iterator[Any]:
    """The events coded so far in this sentence and the ``back`` sentences before it, the
    latest candidate's first (each candidate's own events in their order)."""
    for events in reversed(list(q.state.coded.values())):
        for e in events:
            if q.state.cands[e.cand_index].sent_index >= q.cand.sent_index - back:
                yield e


def _aimed_at(q: TargetQuery) -> Actor | None:
    """"condemned the attack *on the tanker*": the author of the earlier act whose target
    that was, not merely the latest act's ("... U.S. warplanes struck radar sites").
    Only a common noun names the thing hit; a party named there is the slots' business."""
    heads = {m.head for m in q.cand.deep if m.role.split(":")[-1] in ("on", "against") and not m.proper and not m.pronoun
             and m.head}
    if not heads:
        return None
    for events in reversed(list(q.state.coded.values())):
        for e in events:
            words = set(re.findall(r"[a-z]+", e.target.text.lower())) if e.target is not None else set()
            if heads & words and not any(same_actor(e.source, s) for s, _ in q.sources):
                return e.source
    return None


def claimed(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"Al-Shabaab claimed responsibility for a bombing that killed nine Somali soldiers",
    "Hamas denied firing a rocket at the Israeli city of Ashkelon": a claim or denial is
    aimed at whoever the act it is about was done to, named in the rest of its sentence."""
    here = q.cand.sent_index
    for c in q.state.cands[q.state.index + 1:]:
        if c.sent_index != here:
            break
        mentions = [m for m in (*c.objects, *c.preps, *c.deep) if not m.pronoun and not coder._names_no_party(m)
                    and m.role not in ("deep:poss", "deep:by")]
        found = others(coder._actors(mentions, q.when, q.state, q.cand.quote), q.sources)
        if found:
            return [(a, f * 0.8) for a, f in found[:1]]
    return []


def consequence(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"A patrol boat was sunk by Houthi rebels, *killing ten Saudi sailors*": force whose
    -ing adjunct tells whom it killed or hurt is aimed at them."""
    for c in q.state.cands[q.state.index + 1:]:
        if c.sent_index != q.cand.sent_index:
            break
        if c.adjunct_of == q.cand.token_i:
            found = others(coder._actors([m for m in c.objects if not m.pronoun], q.when, q.state, q.cand.quote),
                           q.sources)
            if found:
                return found
    return []


def rebel_home(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"M23 rebels seized the town of Walikale": a named armed group's force against a place or
    a thing that names no party is aimed at its own state (ARMED_NON_STATE sectors; "the
    rebels", told by kind only, are not placed so surely)."""
    hits_something = slot_mentions(q.cand, "obj") or q.cand.preps
    if not hits_something:
        return []
    armed_homes = {a.country for a, _ in q.sources if a.country and a.org and a.sector in ARMED_NON_STATE}
    one_home = len(armed_homes) == 1
    # every source is of that country (a source with no country counts as another one)
    all_sources_there = {a.country for a, _ in q.sources} == armed_homes
    if not (one_home and all_sources_there):
        return []
    return [(coder._country_actor("(own country)", armed_homes.pop()), 0.55)]


def filed_from(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"KYIV, Ukraine (AP) — Russian drones struck a power station overnight": force on a thing that
    names no party, in a clause that names no place, is aimed at the country the story is filed from,
    when that is not the attacker's (a state's force; armed groups strike their own state: rebel_home)."""
    home = q.state.home_country
    hits_something = slot_mentions(q.cand, "obj") or q.cand.preps
    if not home or not hits_something or not q.sources:
        return []
    if any(a.country in (None, home) or a.sector in ARMED_NON_STATE for a, _ in q.sources):
        return []
    return [(coder._country_actor("(dateline)", home), 0.5)]


def prompter(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"Lithuania recalled its ambassador *after Beijing opened a trade probe*": a response told
    with what prompted it is aimed at whoever did that."""
    return _prompted_by(coder, q, [m for m in q.cand.after_subjects if not m.pronoun])[:1]


def _foreign_prompters(coder, q: TargetQuery, mentions: list[Mention]) -> Found:
    """:func:`_prompted_by`, less the actor's own side (an organisation always counts)."""
    own = q.own_countries()
    return [(a, f) for a, f in _prompted_by(coder, q, mentions) if a.country not in own or a.org]


def _prompted_by(coder, q: TargetQuery, mentions: list[Mention]) -> Found:
    """The parties of ``mentions``, told as doing what prompted the act (``cause`` and
    ``prompter``: each reads its own "after" clause and keeps its own of these), other than
    its sources."""
    return [(a, f * 0.8) for a, f in others(coder._actors(mentions, q.when, q.state, q.cand.quote), q.sources)]


# Roots of what a party is asked or offered: appeals, invitations, offers, demands; and
# orders that curb it ("ordered the French ambassador to leave. Paris refused": 16, 17).
OFFER_ROOTS = frozenset({"02", "03", "10", "16", "17"})
TALK_OFFERS = ("036", "026", "046", "043")


def offerer(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"Egypt invited Hamas to talks. The group refused", "Saudi Arabia offered to host talks
    between Sudan's warring sides. The RSF declined": a refusal with nothing named is aimed
    at whoever just asked or offered something of the one who refuses (or of its country)."""
    if slot_mentions(q.cand, "obj") or q.cand.xcomp:
        return []
    own = q.own_countries()
    # a readiness to negotiate answers only an offer or a call to talk ("proposed talks with the ELN.
    # The rebels said they were ready to negotiate"), not an offer of aid
    talks = q.pattern.code.startswith(("036", "04"))
    for k in sorted(q.state.coded, reverse=True):
        if q.state.cands[k].sent_index < q.cand.sent_index - 2:
            break
        for e in q.state.coded[k]:
            if e.code[:2] not in OFFER_ROOTS or e.target is None or any(same_actor(e.source, s) for s, _ in q.sources):
                continue
            if talks and not e.code.startswith(TALK_OFFERS):
                continue
            if e.target.country in own or any(same_actor(e.target, s) for s, _ in q.sources):
                return [(e.source, 0.65)]
    return []


def _author_of_act(q: TargetQuery, objects: list[Mention]) -> Actor | None:
    """"called *the launch* a provocation": the source of the first event told of the
    kind of act the noun names (data/backrefs.yaml ``acts``): the story's act, which its
    lead tells, not a reply told later ("two more were shot down"); an act only told
    inside an accusation or a denial, or not done, does not count, nor a doer the text
    did not name, nor the reacting side itself."""
    roots = frozenset().union(*(act_nouns().get(m.head, frozenset()) for m in objects if not m.pronoun))
    return _author_of(q, roots) if roots else None


def _author_of(q: TargetQuery, roots: frozenset[str]) -> Actor | None:
    """The source of the first act told of one of ``roots`` (see :func:`_author_of_act`)."""
    for events in q.state.coded.values():
        for e in events:
            src = e.source
            if e.code[:2] in roots and not e.nested and not e.negated and e.modality in ("asserted", "reported", "historical") \
                    and (src.country or src.org) and src.name != "unknown" \
                    and not any(same_actor(src, s) for s, _ in q.sources):
                return src
    return None


def border(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"sent 2,000 soldiers to the border": the border with the story's other
    country, only in a two-country story, where "the border" can mean one thing."""
    cand = q.cand
    if not any(m.head in BORDER_WORDS for m in (*cand.preps, *cand.objects, *cand.deep)):
        return []
    own = {a.country for a, _ in q.sources}
    top = q.state.countries[:2]
    other = next((c for c in top if c not in own), None) if own & set(top) else None
    if other and coder.kb.country(other) is not None:
        return [(coder._country_actor("(the border)", other), 0.7)]
    return []


def inquiry_place(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """An inquiry into a deed told with its place and no party ("investigating reports of
    mass killings *in El Fasher*", "an inquiry into the theft of material from a hospital *in
    Kyrgyzstan*") looks into the place's country; only places nested in what is looked into,
    not where the inquirers sit ("U.N. investigators in Geneva")."""
    return place(coder, q, chain, [m for m in q.cand.deep if m.depth > 1 and m.role in INQUIRY_PLACE_ROLES])


# Where a deed looked into happened ("killings *in* El Fasher"), not whose it is ("the security *of* the
# Alliance": "Alliance, Ohio" is no place meant).
INQUIRY_PLACE_ROLES = frozenset({"deep:in", "deep:at", "deep:near"})


def place(coder, q: TargetQuery, chain: TargetChain, mentions: list[Mention] | None = None) -> Found:
    """Force aimed at a place ("shelled Kharkiv", "struck targets near Rafah") is
    aimed at the country the place is in, when that is not the attacker's own."""
    if coder.gazetteer is None:
        return []
    cand = q.cand
    # Rebels and insurgents strike their own state: "Tigrayan forces shelled Dessie" is aimed at Ethiopia.
    own = {a.country for a, _ in q.sources if a.sector not in ARMED_NON_STATE}
    preps = PLACE_PREPS.union(*(v for k, v in chain.place_preps.items() if q.pattern.code.startswith(k)))
    home = None
    found = sorted(mentions if mentions is not None else (*cand.objects, *cand.preps, *cand.deep), key=lambda m: m.depth)
    # "the village *of Kom*": names a place's kind tells (the kind's own mention and the name's)
    kinds = {m.text.rsplit(" of ", 1)[1]: m.head for m in found
             if " of " in m.text and not m.proper and m.head in REGION_HEADS}
    for m in found:
        tail = m.text.rsplit(" of ", 1)[1] if " of " in m.text else ""  # "the coast *of Taiwan*"
        named = not tail and not m.proper and m.head in REGION_HEADS
        kind_of = bool(tail) and not m.proper and m.head in REGION_HEADS
        kind = kinds.get(tail) if kind_of else kinds.get(m.text) if m.proper else None
        if kind is not None and not tail:
            tail = m.text
        if named:
            tail = _region_name(m.text)  # "*the Sumy region*", "Zamfara state"
        if not (m.proper or tail[:1].isupper()) or m.pronoun \
                or not (m.role in ("obj", "appos") or m.role.split(":")[-1] in preps):
            continue
        where = coder.gazetteer.resolve(m.text, q.state.countries) if m.proper else None
        if where is None and tail[:1].isupper():
            where = coder.gazetteer.resolve(tail, q.state.countries)
        country = where.country if where is not None else None
        if country is not None and q.state.countries and country not in q.state.countries and q.state.clause_country:
            # "near the town of Chala in southern Peru": a namesake the gazetteer puts in a
            # country the story never names yields to the place its clause is said to be in
            country = q.state.clause_country
        if named and where is not None and where.name.split()[0].lower() != tail.split()[0].lower():
            country = None  # a name told by its kind is taken only when the gazetteer knows it as written
        if kind in VILLAGE_HEADS and where is not None and city_no_village_is(coder.gazetteer, tail, q.state.countries):
            # "the village of Kom" is not Qom, a city of a million the gazetteer also spells "Kom"
            country = None
        if kind in SMALL_PLACE_HEADS and country is not None and q.state.home_country \
                and country not in (q.state.home_country, q.state.clause_country):
            # "the village of Medina" in a story filed from Accra: a village or town the story
            # tells by its kind is a local place, not the foreign city of that name the gazetteer
            # ranks first
            country = None
        if where is None and m.text in q.state.places:
            # "captured the town of Walikale in North Kivu province": a place the gazetteer
            # does not know lies where its clause says
            country = q.state.clause_country
        if country is not None and country in own and len(own) == 1 and q.pattern.code[:2] in HOME_FRONT_ROOTS \
                and m.role in ("deep:in", "prep:in"):  # the thing hit is in it ("camps *in Zamfara*"), not near it
            home = home or (m.text, country)
        if country is None or country in own:
            continue
        return [(coder._country_actor(m.text, country), 0.7)]
    if home is not None:
        # "Nigerian jets bombed bandit camps in Zamfara state": a state's force inside its
        # own borders is aimed at its own insurgents or gangs, coded to its own country
        return [(coder._country_actor(home[0], home[1]), 0.6)]
    return []


# Force inside the actor's own country still has a target there (its own insurgents).
HOME_FRONT_ROOTS = frozenset({"19", "20"})
# Heads of a place told by its name and kind: "the Kharkiv region", "Zamfara state".
REGION_HEADS = frozenset({"region", "province", "state", "district", "oblast", "county", "governorate", "prefecture",
                          "area", "city", "town", "village", "valley", "territory", "department", "municipality"})


# Kinds of place too small to be the famous namesake abroad the gazetteer ranks first.
SMALL_PLACE_HEADS = frozenset({"village", "town", "hamlet", "settlement"})
VILLAGE_HEADS = frozenset({"village", "hamlet"})


def _region_name(text: str) -> str:
    """"the Sumy region" -> "Sumy": the capitalised words before the place's kind."""
    words = text.split()[:-1]
    while words and not words[0][:1].isupper():
        words = words[1:]
    if words and words[0] in ("The", "A", "An"):
        words = words[1:]
    owner = next((n for n, w in enumerate(words) if w.endswith(("'s", "’s"))), None)
    if owner is not None:
        # "South Sudan's Northern Bahr el Ghazal state": the country that owns it
        words = words[: owner + 1]
        words[-1] = words[-1][:-2]
    names = [w for w in words if w.lower() not in NAME_PARTICLES]
    return " ".join(words) if names and all(w[:1].isupper() for w in names) else ""


NAME_PARTICLES = frozenset({"el", "al", "de", "del", "la", "le", "da", "do", "dos", "das", "di", "of", "and"})


def act_place(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"Condemned the coup in Niger": an act named as the object, with no victims named,
    is aimed at the country where it happened ("condemned the attacks *on protesters*
    in Colombo" names the victims, and is not aimed at their state)."""
    objects = slot_mentions(q.cand, "obj")
    if not objects or any(m.proper or m.pronoun for m in objects) or coder._actors(objects, q.when, q.state, q.cand.quote):
        return []
    if any(m.role in ("deep:on", "deep:against", "deep:of") for m in q.cand.deep):
        return []
    return place(coder, q, chain)


def accuser(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"X accused Y of a build-up": Y did it to X, unless the act names a thing it
    was done to ("accused Ukraine of hitting the station itself")."""
    if q.accuser is None:
        return []
    if any(coder._names_no_party(m) for slot in q.pattern.target for m in slot_mentions(q.cand, slot)):
        return []
    return [(q.accuser, 0.8)]


def reciprocal(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """Several sources that act on each other ("Russia and Ukraine exchanged
    prisoners"): the sources themselves, for the coder to pair. Co-mediators never: a
    mediator stands between others ("a deal mediated by Oman and the United Nations",
    "Qatar and Egypt brokered the talks" mediate between no pair of themselves)."""
    if q.pattern.code in MEDIATION_CODES:
        return []
    if len(q.sources) > 1 and (q.pattern.symmetric or q.pattern.code in RECIPROCAL_CODES
                               or (q.pattern.code[:2] in SYMMETRIC_ROOTS and is_reciprocal(q.cand))
                               or EACH_OTHER.search(q.cand.clause)):  # "accused each other of ..."
        return list(q.sources)
    return []


EACH_OTHER = re.compile(r"\b(?:each other|one another|each (?:side|country|government|party|army|camp|nation|leader)\b.*\bthe other)\b",
                        re.IGNORECASE)


def home_government(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """A protest with no named target is aimed where the same protesters' earlier act in
    its sentence was, else at the government of the country where it happens ("ethnic
    Turks protested in Stockholm"), else of the protesters' own."""
    for e in _recent_events(q, 0):
        # "stormed the Danish embassy and set part of the compound on fire": the same crowd's
        # next act in its sentence is aimed where its first was, not at the host government
        if e.code[:2] == "14" and e.target is not None and any(same_actor(e.source, a) for a, _ in q.sources):
            return [(e.target, 0.7)]
    country = coder._place_country(q.cand, q.state)
    country = country or next((a.country for a, _ in q.sources if a.country and not a.org), None)
    if country is None or any(a.sector == "GOV" and a.country == country for a, _ in q.sources):
        return []
    return coder._government_of(country, q.when, 0.7)


# Groups inside a country that are not its state: what they demand, reject or
# threaten with no one named is aimed at their own government.
NON_STATE_SECTORS = frozenset({"OPP", "REB", "CVL", "LAB", "EDU", "REL", "REF", "ELI", "HLH", "BUS", "MED", "NGO"})


def domestic_government(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """A demand, rejection or threat by a group inside a country with no one named
    ("the rebel group insisted on its demands", "opposition parties rejected the
    plan") is aimed at that country's government, as CAMEO codes domestic acts."""
    a = q.sources[0][0]
    if a.org or not a.country or a.sector not in NON_STATE_SECTORS:
        return []
    return coder._government_of(a.country, q.when, 0.6)


# possessives of a thing's people ("detained *its* crew", "*their* passengers")
OWNER_PRONOUNS = frozenset({"its", "their"})
# object pronouns that stand for people taken, freed or hit ("Police detained *them*")
PERSON_OBJECT_PRONOUNS = frozenset({"them", "him", "her"})


def object_pronoun(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"Two Chinese nationals were caught smuggling ivory. Police detained *them*": a person pronoun
    object stands for the latest party told (this sentence or the one before) other than the doer,
    not for the doer's own country."""
    objects = slot_mentions(q.cand, "obj")
    if any(m.possessor in OWNER_PRONOUNS for m in objects):
        # "seized a Vietnamese trawler and detained *its crew*": the people of the thing the same
        # doer's act in this sentence was aimed at, not the doer's own country
        for e in _recent_events(q, 0):
            actor = e.target
            if actor is not None and actor.country and any(same_actor(e.source, s) for s, _ in q.sources) \
                    and not any(same_actor(actor, s) or actor.country == s.country for s, _ in q.sources):
                return [(actor, 0.6)]
    if not any(m.pronoun and m.text.lower() in PERSON_OBJECT_PRONOUNS for m in objects):
        return []
    for e in _recent_events(q, 1):
        # the people the latest act was done to ("detained two smugglers ... released them"), or
        # its doers when they are no party of ours ("Protesters blocked roads. Police detained them")
        taken = e.code[:2] in ("17", "18") or any(same_actor(e.source, s) for s, _ in q.sources)
        actor = e.target if taken else e.source
        if actor is not None and (actor.country or actor.org) and not any(same_actor(actor, s) for s, _ in q.sources):
            return [(actor, 0.6)]
    for sent, actor in reversed(q.state.recent):
        if sent < q.cand.sent_index - 1:
            break
        if (actor.country or actor.org) and not any(same_actor(actor, s) for s, _ in q.sources):
            return [(actor, 0.6)]
    return []


def own_country(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """Domestic coercion or yielding with no one named ("imposed a curfew", "called
    off the strike") falls on the actor's own country, as CAMEO codes domestic acts; so does
    a state's told by its name ("Nicaragua stripped 94 critics of their citizenship")."""
    a = q.sources[0][0]
    if a.org or not a.country:
        return []
    return [(coder._country_actor("(own country)", a.country), 0.6)]


def addressee(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """An organisation's call with no addressee named ("the UN called for
    restraint") is addressed to the government of the story's country."""
    if not all(a.org for a, _ in q.sources):
        return []
    own = {a.country for a, _ in q.sources}
    country = q.state.countries[0] if q.state.countries else None
    if country is None or country in own:
        return []
    return coder._government_of(country, q.when, 0.6)


# Acts that take someone captive: a call to free people is aimed at whoever did one.
CAPTIVE_CODES = ("173", "181", "171")  # people held; a ship or goods seized ("demanded its release")
# The verbs of a demand that captives be freed, told as a plain demand ("said the crew *must be released*").
RELEASE_VERBS = frozenset({"release", "free", "return", "repatriate"})
CAPTOR_LOOKBACK = 3  # candidates with events, latest first: "the release" means a capture just told


def captor(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"Kosovo police arrested four Serbs. Belgrade demanded their release": a call to
    free captives is aimed at whoever the story has just told took someone."""
    # ("demanded consular access to the man", "asked for access to the detainees": to those held)
    if not q.pattern.code.startswith(("1053", "0253")) and q.cand.xcomp not in RELEASE_VERBS \
            and "access" not in (*q.cand.obj_lemmas, *q.cand.pobj_lemmas):
        return []  # a plain demand ("said the troops must leave") is no call to free anyone
    for events in list(reversed(list(q.state.coded.values())))[:CAPTOR_LOOKBACK]:
        for e in events:
            if e.code.startswith(CAPTIVE_CODES) and not any(same_actor(e.source, s) for s, _ in q.sources):
                return [(e.source, 0.65)]
    return []


# Open complements that answer an act ("vowed *to retaliate*", "warned it would *respond*").
ANSWER_VERBS = frozenset({"retaliate", "respond", "avenge", "reply", "react", "counter", "reciprocate"})
# ... and objects that name the answer ("vowed *a firm response*", "swore *revenge*").
ANSWER_NOUNS = frozenset({"response", "reaction", "answer", "reply", "retaliation", "revenge", "reprisal",
                          "retribution", "vengeance", "counterattack", "counter-attack", "countermeasure"})
# ... and what a warning foretells ("warned of *consequences*", "warned of a *response*"), read from
# the trigger's "of" / "about" phrase
WARNED_ANSWERS = ANSWER_NOUNS | {"consequence", "repercussion", "countermeasures", "punishment"}


def answerer(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"The EU adopted sanctions against Belarus. Minsk vowed to retaliate": a vow to
    answer is aimed at whoever the story last told acting against the one who vows."""
    # ("vowed to *hit back*", "will strike back": an act told with "back" answers one)
    if (q.cand.xcomp not in ANSWER_VERBS and "back" not in (q.cand.particle, *q.cand.comp_lemmas[:1])
            and not any(m.head in ANSWER_NOUNS for m in slot_mentions(q.cand, "obj"))
            and WARNED_ANSWERS.isdisjoint(q.cand.pobj_lemmas)):
        return []
    return _last_against(q)


def counter_measure(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"Kazakhstan closed its airspace to Russian cargo flights. In response, the Kremlin recalled
    its ambassador": a step down in ties that names no other party answers whoever the story
    last told acting against the one who takes it."""
    return _last_against(q)


def _last_against(q: TargetQuery) -> Found:
    """The source of the latest act told against the query's sources (a few candidates back)."""
    own = q.own_countries()
    for events in list(reversed(list(q.state.coded.values())))[:CAPTOR_LOOKBACK]:
        for e in events:
            hit_us = e.target is not None and (e.target.country in own or any(same_actor(e.target, s) for s, _ in q.sources))
            if hit_us and not any(same_actor(e.source, s) for s, _ in q.sources):
                return [(e.source, 0.65)]
    return []


def purpose(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"Released $1 billion *to help Pakistan* rebuild": help given for a purpose is aimed at
    the party it helps. (The places a purpose clause names, "to fight militants *in Somalia*",
    are read but not taken: measured on unseen news, they named the wrong party as often as
    the right one.)"""
    helped = [m for m in q.cand.purpose_args if m.role == "purpose:help" and not coder._names_no_party(m)]
    if not helped:
        return []
    return [(a, f * 0.9) for a, f in others(coder._actors(helped, q.when, q.state, q.cand.quote), q.sources)]


# Nouns that name a situation a story is about ("the coup in Guinea", "Sudan's war").
SITUATION_HEADS = frozenset({"coup", "crisis", "war", "conflict", "situation", "unrest", "fighting", "violence",
                             "standoff", "uprising", "insurgency", "takeover", "junta", "election", "vote",
                             "crackdown", "offensive", "invasion", "occupation", "dispute", "tension", "turmoil"})
TOPIC_ROLES = frozenset({"prep:in", "deep:in", "deep:poss", "deep:mod", "deep:of"})
TOPIC_LOOKBACK = 2  # sentences


def topic(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"West African leaders met in Abuja to discuss the coup in Guinea. They agreed to
    impose sanctions": an act aimed at no one named is aimed at the country whose
    situation (a coup, a war, a crisis) the story has just told, not the sources' own."""
    own = {a.country for a, _ in q.sources if a.country}
    here = q.cand.sent_index
    for c in reversed(q.state.cands[: q.state.index + 1]):
        if c.sent_index < here - TOPIC_LOOKBACK:
            break
        if c is not q.cand and c.sent_index == here and c.trigger_start > q.cand.trigger_start:
            continue
        if c.lemma not in SITUATION_HEADS and not any(m.head in SITUATION_HEADS and not m.proper
                                                      for m in (*c.objects, *c.preps, *c.deep)):
            continue
        for m in (*c.preps, *c.deep):
            if m.role not in TOPIC_ROLES or m.pronoun or not (m.proper or m.role == "deep:mod"):
                continue
            res = coder.kb.resolve(m.text, q.when, None)
            country = res.actor.country if res is not None and not res.actor.org else None
            if country is None and coder.gazetteer is not None and m.proper:
                where = coder.gazetteer.resolve(m.text, q.state.countries)
                country = where.country if where is not None else None
            if country and country not in own and coder.kb.country(country) is not None:
                return [(coder._country_actor(m.text, country), 0.6)]
    return []


# "his host", "her Georgian counterpart": the other half of a visit or meeting told just before
PAIRED_HEADS = frozenset({"host", "counterpart", "guest", "visitor"})
PAIRING_POSSESSORS = frozenset({"his", "her", "their"})


def counterpart(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"Armenia's prime minister flew to Tbilisi. *His Georgian counterpart* promised to keep the
    border open": a party told as another's host or counterpart acts toward that other, the
    visitor or the one met in the latest meeting or visit told (CAMEO 04) of another side."""
    subs = [m for m in q.cand.subjects if m.role in ("subj", "appos")]
    if not any(m.head in PAIRED_HEADS and (m.possessor or "").lower() in PAIRING_POSSESSORS for m in subs):
        return []
    own = q.own_countries()
    for e in _recent_events(q, 2):
        if e.code[:2] != "04":
            continue
        for a in (e.source, e.target):
            if a is not None and (a.country or a.org) and a.country not in own \
                    and not any(same_actor(a, s) for s, _ in q.sources):
                return [(a, 0.7)]
    return []


# Verbs of a state putting someone to death under its own law
EXECUTION_LEMMAS = frozenset({"execute"})


def executed(coder, q: TargetQuery, chain: TargetChain) -> Found:
    """"Iran executed a man convicted of spying": a state's execution of someone no party names
    falls on its own country, as its arrests and sentences do (``own_country``)."""
    if q.cand.lemma not in EXECUTION_LEMMAS:
        return []
    return own_country(coder, q, chain)


STRATEGIES: dict[str, Callable[[Any, TargetQuery, TargetChain], Found]] = {
    f.__name__: f for f in (slots, thing_party, cause, response, reaction, border, place, inquiry_place, act_place, accuser, reciprocal,
                            home_government, domestic_government, own_country, addressee, captor, answerer, topic,
                            purpose, offerer, claimed, consequence, rebel_home, filed_from, prompter, counter_measure, counterpart,
                            object_pronoun, executed)
}

# -- helpers shared with the coder ----------------------------------------------------

# Roots where "A and B <verb>" with no object means A and B act toward each other.
# Codes CAMEO counts as reciprocal: told once, they happened both ways ("Peru's president
# held talks with his Chilean counterpart", "received a call from", "signed a deal with";
# the codebook's notes on 04, 041, 044, 046 and 057), and two subjects do them to each other.
RECIPROCAL_CODES = frozenset({"040", "041", "044", "046", "057"})
MEDIATION_CODES = frozenset({"045", "039"})  # mediate, offer to mediate: done by a third party
SYMMETRIC_ROOTS = {"03", "04", "05", "06", "08", "19"}  # "Russia and Ukraine exchanged prisoners" (08: mutual yielding)
# Two subjects act on each other only with a reciprocal verb or object: "Russia and
# Ukraine signed a deal" does, "Nigeria and Benin will send troops" does not.
RECIPROCAL_LEMMAS = {"agree", "meet", "talk", "sign", "exchange", "negotiate", "discuss", "cooperate", "clash",
                     "fight", "trade", "reconcile", "consult", "confer", "normalise", "normalize", "swap",
                     "settle", "ally", "partner", "collaborate", "coordinate"}
RECIPROCAL_IF_OBJECT = {"hold", "reach", "conclude", "resume", "restore"}  # "held talks", "restored ties"
RECIPROCAL_OBJECTS = {"talk", "negotiation", "meeting", "agreement", "deal", "accord", "treaty", "prisoner",
                      "relation", "tie", "dialogue", "consultation", "exercise", "drill", "truce", "ceasefire"}


def is_participle(cand: Candidate) -> bool:
    """An -ing clause opened by its trigger ("..., killing at least 14 people")."""
    return cand.kind == "verb" and cand.trigger.lower().endswith("ing") and cand.clause.lstrip().startswith(cand.trigger)


def is_reciprocal(cand: Candidate) -> bool:
    """The trigger names something done between its subjects, not to a third party."""
    if cand.kind != "verb" or "each other" in cand.clause or "one another" in cand.clause:
        return True  # "started shooting at each other"
    if cand.lemma in RECIPROCAL_IF_OBJECT:
        return bool(RECIPROCAL_OBJECTS.intersection(cand.obj_lemmas))
    return cand.lemma in RECIPROCAL_LEMMAS or bool(RECIPROCAL_OBJECTS.intersection(cand.obj_lemmas))


def party(actor: Actor | None) -> str | None:
    """Which party an actor is, for telling two apart: its organisation, else its country
    ("Tokyo" and "Japan" are one party), else its key."""
    if actor is None:
        return None
    return actor.org or actor.country or actor.key


def same_actor(a: Actor, b: Actor) -> bool:
    """Whether two actors are one party (names the knowledge base does not
    know have no code, so they compare by name)."""
    if a.code or b.code:
        return a.code == b.code
    return a.key == b.key


def others(found: Found, sources: Found) -> Found:
    """The found actors that are not one of the sources (a dyad needs two parties);
    a bare country is the same party as its own government or forces ("Manila
    lodged a protest over the *Philippine* vessel"), and its own government is the
    same party as a bare country ("Peru's recall of *its ambassador*"), and so are its own
    forces ("Iran sends *warships* to Red Sea"). An unnamed doer
    placed in a country (an unattributed bombing's source) is not that country's party."""
    named = [s for s, _ in sources if s.name != "unknown"]
    own = {s.country for s in named if s.country}
    bare = {s.country for s in named if s.country and not s.org and not s.sector}
    return [(a, f) for a, f in found if not any(same_actor(a, s) for s, _ in sources)
            and not (a.country in own and not a.org and not a.sector)
            and not (a.country in bare and a.sector in ("GOV", "MIL") and not a.org)]


OF_BETWEEN = "of_between"


def of_between(q: TargetQuery) -> list[Mention]:
    """The parties named "between" in the noun of a noun's "of" phrase: "Turkey's offer *of mediation
    between Russia and Ukraine*" is aimed at both (the nested phrase keeps only the first conjunct)."""
    return [m for c in q.state.cands if c.kind == "noun" and c.nested_in == q.state.index
            for m in slot_mentions(c, "prep:between")]


def slot_mentions(cand: Candidate, slot: str) -> list[Mention]:
    """The mentions of one target slot of a candidate (see the pattern file's ``target``)."""
    if slot == "obj":
        return [m for m in cand.objects if m.role in ("obj", "appos")]
    if slot == "xobj":
        return list(cand.xcomp_args)
    if slot == "subj":
        return [m for m in cand.subjects if m.role == "subj"]
    if slot == "ccomp_subj":
        return list(cand.ccomp_subjects)
    if slot == "appos":
        return [m for m in cand.objects if m.role == "appos"]
    if slot in ("iobj", "dative"):
        return [m for m in cand.preps if m.role == "prep:to" and m.depth == 0]
    if slot == "about":
        return [m for m in cand.deep if m.role == "about" and m.proper]
    if slot == "deep":
        keep = ("deep:poss", "deep:by", "deep:mod", "deep:of", "deep:from")
        return sorted((m for m in cand.deep if m.role in keep), key=lambda m: m.depth)
    if slot.startswith("prep:"):
        prep = slot[5:]
        direct = [m for m in cand.preps if m.role == slot]
        nested = [m for m in cand.deep if m.role == f"deep:{prep}"]
        return direct + nested
    return []


__all__ = ["TargetChain", "TargetQuery", "STRATEGIES", "slot_mentions", "same_actor", "others", "is_reciprocal", "party"]
