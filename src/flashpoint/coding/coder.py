"""From event candidates to coded events.

The coder walks a document's candidates in order, keeping a little state
(the actors seen so far, for pronouns and "the alliance"; who accused whom,
for denials), resolves source and target through the actor knowledge base,
picks a CAMEO code from the pattern dictionary, and judges modality.
It is pure: the same candidates give the same events.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from ..nlp.extract import STAKE_BREAK, Candidate, Mention
from ..types import Actor, Quantity
from .generic_country import clause_place_country, generic_context
from .patterns import Pattern, PatternSet

# Definite descriptions that point back to an earlier actor of a kind.
DEFINITE_BACKREFS = {
    "the alliance": "org", "the bloc": "org", "the organisation": "org", "the organization": "org",
    "the union": "org", "the group": "org", "the movement": "org", "the militia": "org",
    "the country": "country", "the nation": "country", "the kingdom": "country",
    "the republic": "country", "the state": "country", "the regime": "country",
}
PERSON_PRONOUNS = {"he", "his", "him", "she", "her"}
THING_PRONOUNS = {"it", "its", "they", "their", "them"}
FIRST_PERSON = {"we", "our", "us", "i", "my"}
SOURCE_ROLES = ("subj", "agent", "instr", "poss", "mod", "prep:by", "gov_subj")
# A noun event takes the subject of the verb it hangs off only for light verbs
# ("launched an attack"), not for others ("condemned the attack").
NOUN_OWN_SOURCE_ROLES = ("poss", "mod", "prep:by")
MAX_ACTORS_PER_SIDE = 4
# Roots where "A and B <verb>" with no object means A and B act toward each other.
SYMMETRIC_ROOTS = {"03", "04", "05", "06", "08", "19"}  # "Russia and Ukraine exchanged prisoners" (08: mutual yielding)
# Two subjects act on each other only with a reciprocal verb or object: "Russia and
# Ukraine signed a deal" does, "Nigeria and Benin will send troops" does not.
RECIPROCAL_LEMMAS = {"agree", "meet", "talk", "sign", "exchange", "negotiate", "discuss", "cooperate", "clash",
                     "fight", "trade", "reconcile", "consult", "confer", "normalise", "normalize", "swap",
                     "settle", "ally", "partner", "collaborate", "coordinate"}
RECIPROCAL_IF_OBJECT = {"hold", "reach", "conclude", "resume", "restore"}  # "held talks", "restored ties"
RECIPROCAL_OBJECTS = {"talk", "negotiation", "meeting", "agreement", "deal", "accord", "treaty", "prisoner",
                      "relation", "tie", "dialogue", "consultation", "exercise", "drill", "truce", "ceasefire"}
DECISION_VERBS = {"agree", "decide", "vote", "resolve", "announce"}
CROSS_BORDER_ROOTS = {"15", "19", "20"}
REACTION_ROOTS = {"11", "12"}  # disapproval and rejection of an act just told
ACT_HEADS = {"move", "act", "action", "step", "decision", "claim", "allegation", "accusation", "charge",
             "violence", "killing", "crackdown", "attack", "strike", "raid", "use", "plan", "proposal", "remark",
             "timeline", "timetable", "deal", "ultimatum", "verdict", "ruling", "sentence", "law", "ban"}
BORDER_WORDS = {"border", "frontier", "boundary"}
THING_PARTY_ROOTS = {"10", "12", "13", "16"}  # demand, reject, threaten, reduce relations
THING_PARTY_ROLES = {"deep:against", "deep:with", "deep:on", "deep:to", "deep:toward", "deep:towards"}
DOMESTIC_SECTORS = {"POL", "REB", "OPP", "CVL", "REF", "JUD"}
CROWD_HEADS = {"protester", "demonstrator", "crowd", "marcher", "mourner", "rioter", "striker"}  # protests are local
PLACE_TARGET_ROOTS = {"18", "19", "20"}  # force against a place hits its country
PLACE_PREPS = {"in", "on", "at", "into", "across", "near", "around", "over", "of", "outside", "toward", "towards"}
DOMESTIC_DEFAULT_ROOTS = {"14"}  # dissent: aimed at the home government unless a target is named
APPEAL_ROOTS = {"02", "10"}  # an organisation's appeals and demands: to the story's government unless named
# Domestic yielding (easing restrictions, accepting demands for change) and coercion
# (curfews, bans, arrests, expulsions, repression) with no one named fall on the
# actor's own country. Not seizing or destroying property, nor retreating: those
# happen abroad as often as at home.
HOME_TARGET_CODES = ("081", "082", "083", "172", "173", "174", "175")


@dataclass
class CodedEvent:
    """A candidate that became an event, before dates, places and ids are attached."""

    cand_index: int
    pattern: Pattern
    code: str
    source: Actor
    target: Actor | None
    attribution: Actor | None
    negated: bool
    modality: str
    confidence: float
    nested: bool = False


@dataclass
class DocState:
    """What the coder remembers within one document."""

    actors: list[tuple[Actor, bool]] = field(default_factory=list)  # (actor, is_person)
    accusers: dict[str, Actor] = field(default_factory=dict)  # accused key -> accuser
    subject_country: str | None = None
    countries: tuple[str, ...] = ()  # the article's countries, most mentioned first
    coded: dict[int, list[CodedEvent]] = field(default_factory=dict)
    speakers: dict[int, Actor] = field(default_factory=dict)  # quote index -> speaker
    recent: list[tuple[int, Actor]] = field(default_factory=list)  # (sentence, source) of coded events
    home_country: str | None = None  # the dateline's country, else the most-mentioned (issue 10)
    clause_country: str | None = None  # where the current candidate's clause happens (issue 10)

    def remember(self, actor: Actor, is_person: bool) -> None:
        self.actors.append((actor, is_person))
        if len(self.actors) > 50:
            del self.actors[:10]

    def last(self, kind: str) -> Actor | None:
        for actor, is_person in reversed(self.actors):
            if kind == "person" and is_person:
                return actor
            if kind == "org" and actor.org:
                return actor  # a person who leads an organisation also stands for it
            if kind == "country" and actor.country and not actor.org and not is_person:
                return Actor(actor.text, actor.name, actor.country, None, actor.sector, actor.code)
            if kind == "thing" and not is_person:
                return actor
        return None


class Coder:
    """Codes the candidates of one document at a time."""

    def __init__(self, patterns: PatternSet, kb, ontology=None, open_actors: bool = False, gazetteer=None,
                 single_actor: bool = False) -> None:
        self.patterns = patterns
        self.kb = kb
        self.ontology = ontology
        # Places: force against a place names its country as the target ("shelled Kharkiv").
        self.gazetteer = gazetteer
        # Open actors: accept proper nouns the knowledge base does not know, and
        # generic actors with no country (for gold sets with fictional actors).
        self.open_actors = open_actors
        # Single-actor events: a known source with no target named ("Russia threatened
        # to walk out of the talks"), as GDELT and PLOVER code them. Off by default.
        self.single_actor = single_actor

    # -- actors -------------------------------------------------------------------
    def _resolve(self, m: Mention, when, state: DocState, in_quote: int | None, avoid: str | None = None) -> tuple[Actor | None, float]:
        """Resolve a mention to an actor; the float is a confidence factor."""
        if m.pronoun:
            if m.pronoun in FIRST_PERSON:
                sp = state.speakers.get(in_quote) if in_quote is not None else None
                return (self._retext(sp, m.text), 0.9) if sp else (None, 0.0)
            kind = "person" if m.pronoun in PERSON_PRONOUNS else "thing"
            found = state.last(kind)
            return (self._retext(found, m.text), 0.8) if found else (None, 0.0)
        low = m.text.lower()
        for phrase, kind in DEFINITE_BACKREFS.items():
            if low == phrase or low.endswith(" " + phrase[4:]) and low.startswith("the "):
                if low == phrase:
                    found = state.last(kind)
                    return (self._retext(found, m.text), 0.8) if found else (None, 0.0)
        context = None
        if m.possessor in PERSON_PRONOUNS | THING_PRONOUNS:
            owner = state.last("person") if m.possessor in PERSON_PRONOUNS else None
            owner = owner or state.last("thing")
            context = owner.country if owner else None
        elif m.possessor in FIRST_PERSON and in_quote is not None and in_quote in state.speakers:
            context = state.speakers[in_quote].country
        if context is None:
            # A bare generic actor: clause place, home country, latest subject, never
            # the country named as the other side (coding/generic_country.py).
            context = generic_context(self.kb, m.text, when, state, avoid)
        res = self.kb.resolve(m.text, when, context)
        if res is None:
            if self.open_actors and m.proper:
                return Actor(m.text, m.text), 0.6
            return None, 0.0
        actor = res.actor
        if actor.country is None and actor.org is None and not self.open_actors:
            return None, 0.0  # a generic actor with no country is not enough for a dyad
        state.remember(actor, _is_person(res))
        factor = 1.0 if context is None and not _used_context(res) else 0.85
        return actor, factor

    @staticmethod
    def _retext(actor: Actor | None, text: str) -> Actor | None:
        if actor is None:
            return None
        return Actor(text, actor.name, actor.country, actor.org, actor.sector, actor.code)

    def _actors(self, mentions, when, state, quote, limit=MAX_ACTORS_PER_SIDE, avoid=None) -> list[tuple[Actor, float]]:
        out: list[tuple[Actor, float]] = []
        keys: set[str] = set()
        for m in mentions:
            actor, factor = self._resolve(m, when, state, quote, avoid)
            if actor is not None and actor.key not in keys:
                keys.add(actor.key)
                out.append((actor, factor))
                if len(out) >= limit:
                    break
        return out

    def _named_country(self, mentions) -> str | None:
        """The country of the first proper name among ``mentions``, if any."""
        for m in mentions:
            if m.proper and not m.pronoun:
                res = self.kb.resolve(m.text, None, None)
                if res is not None and res.actor.country:
                    return res.actor.country
        return None

    def _names_an_act(self, m: Mention) -> bool:
        """An event or act ("the attack", "the move", "the accusation"), not a party."""
        return not m.proper and not m.pronoun and (
            m.head in self.patterns.noun_lemmas or m.head in ACT_HEADS or self._names_no_party(m))

    def _names_no_party(self, m: Mention) -> bool:
        """A thing or an act ("military aid", "a new offensive"), or a generic
        modifier ("*military* aid"): only a country, organisation or person word
        inside it ("*Turkey's* efforts", "*Israeli* policies") makes it a party."""
        thing = m.head in self.patterns.thing_heads or (m.role.endswith(":mod") and not m.proper)
        if not thing:
            return False
        res = self.kb.resolve(m.text, None, None)
        return res is None or (res.actor.country is None and res.actor.org is None)

    def _home_government(self, sources, when, cand: Candidate | None = None, state: DocState | None = None) -> list[tuple[Actor, float]]:
        """A protest, strike or riot with no named target is aimed at the government
        of the country where it happens ("ethnic Turks protested in Stockholm"), else
        of the country the protesters are from (the usual convention of event data)."""
        country = self._place_country(cand, state) if cand is not None and state is not None else None
        country = country or next((a.country for a, _ in sources if a.country and not a.org), None)
        if country is None or any(a.sector == "GOV" and a.country == country for a, _ in sources):
            return []
        return self._government_of(country, when, 0.7)

    def _targets(self, cand: Candidate, pattern: Pattern, when, state: DocState, sources) -> list[tuple[Actor, float]]:
        source_keys = {a.key for a, _ in sources}
        for slot in pattern.target:
            if slot == "speaker_accuser":
                for a, _ in sources:
                    acc = state.accusers.get(a.key)
                    if acc is not None:
                        return [(acc, 0.75)]
                continue
            mentions = [m for m in _slot_mentions(cand, slot) if not self._names_no_party(m)]
            if not mentions:
                continue
            # Force across a front line ("a Russian missile hit the administration building")
            # lands in another country; arrests and repression are domestic.
            # Police, rebels and crowds fight at home ("police opened fire on demonstrators").
            # Protesters are where the protest is ("opened fire on demonstrators").
            avoid = sources[0][0].country if sources and pattern.code[:2] in CROSS_BORDER_ROOTS \
                and sources[0][0].sector not in DOMESTIC_SECTORS \
                and not all(m.head in CROWD_HEADS for m in mentions) else None
            found = self._actors(mentions, when, state, cand.quote, avoid=avoid)
            # A target identical to the source is no dyad: try the next slot.
            found = _others(found, sources)
            if not found and avoid is None and sources and sources[0][0].country:
                # "Nuland met junta officials in Niamey": a generic target that context
                # made the source itself belongs to the story's other country.
                generic = [m for m in mentions if not m.proper and not m.pronoun]
                found = _others(self._actors(generic, when, state, cand.quote, avoid=sources[0][0].country), sources)
            if found:
                return found
        # The object names no party and the party hangs off it: "threatened further
        # action *against Russia*", "boycott all contact *with the United States*".
        # Only where the act is aimed at that party: "condemned the attacks *on protesters*"
        # names the victims, not the target of the condemnation.
        if pattern.code[:2] in THING_PARTY_ROOTS and _slot_mentions(cand, "obj"):
            mentions = [m for m in cand.deep if m.role in THING_PARTY_ROLES and not self._names_no_party(m)]
            found = [(a, f * 0.9) for a, f in _others(self._actors(mentions, when, state, cand.quote), sources)]
            if found:
                return found
        objects = _slot_mentions(cand, "obj")
        if pattern.code[:2] in REACTION_ROOTS and objects and all(self._names_an_act(m) for m in objects):
            # "The AU condemned the move", "Minsk rejected the accusation": the act
            # reacted to is the latest one told, so its author is the target.
            for sent, actor in reversed(state.recent):
                if sent < cand.sent_index - 2:
                    break
                if not any(_same_actor(actor, s) for s, _ in sources):
                    return [(actor, 0.7)]
        if pattern.code[:2] == "15" and any(m.head in BORDER_WORDS for m in (*cand.preps, *cand.objects, *cand.deep)):
            # "sent 2,000 soldiers to the border": the border with the story's other country.
            # Only in a two-country story, where "the border" can mean one thing.
            own = {a.country for a, _ in sources}
            top = state.countries[:2]
            other = next((c for c in top if c not in own), None) if own & set(top) else None
            if other and self.kb.country(other) is not None:
                return [(self._country_actor("(the border)", other), 0.7)]
        if pattern.code[:2] in PLACE_TARGET_ROOTS:
            return self._place_target(cand, state, sources)
        return []

    def _country_actor(self, text: str, iso3: str) -> Actor:
        """A whole country as an actor, named as the knowledge base names it."""
        entry = self.kb.country(iso3)
        return Actor(text, entry.name if entry is not None else iso3, iso3, None, None, iso3)

    def _government_of(self, country: str, when, factor: float) -> list[tuple[Actor, float]]:
        """The government of ``country`` as an implicit target."""
        res = self.kb.resolve("government", when, country)
        return [(self._retext(res.actor, "(implicit)"), factor)] if res is not None and res.actor.country == country else []

    def _own_country(self, sources) -> list[tuple[Actor, float]]:
        """Coercion or yielding with no one named ("imposed a curfew", "called off the
        strike") falls on the actor's own country, as CAMEO codes domestic acts."""
        a = sources[0][0]
        if a.org or not a.country or not a.sector:
            return []
        return [(self._country_actor("(own country)", a.country), 0.6)]

    def _addressee(self, sources, when, state: DocState) -> list[tuple[Actor, float]]:
        """An organisation's call with no addressee named ("the UN called for restraint",
        "Human Rights Watch called for their release") is addressed to the government of
        the story's country."""
        own = {a.country for a, _ in sources}
        country = state.countries[0] if state.countries else None
        if country is None or country in own:
            return []
        return self._government_of(country, when, 0.6)

    def _place_country(self, cand: Candidate, state: DocState) -> str | None:
        """The country of a place the trigger itself is said to happen in ("in Baghdad")."""
        if self.gazetteer is None:
            return None
        for m in cand.preps:
            if m.role in ("prep:in", "prep:at", "prep:outside") and m.proper and not m.pronoun and m.depth == 0:
                place = self.gazetteer.resolve(m.text, state.countries)
                if place is not None and place.country:
                    return place.country
        return None

    def _place_target(self, cand: Candidate, state: DocState, sources) -> list[tuple[Actor, float]]:
        """Force aimed at a place ("shelled Kharkiv", "struck targets near Rafah") is
        aimed at the country the place is in, when that is not the attacker's own."""
        if self.gazetteer is None:
            return []
        own = {a.country for a, _ in sources}
        for m in sorted((*cand.objects, *cand.preps, *cand.deep), key=lambda m: m.depth):
            if not m.proper or m.pronoun or not (m.role in ("obj", "appos") or m.role.split(":")[-1] in PLACE_PREPS):
                continue
            place = self.gazetteer.resolve(m.text, state.countries)
            if place is None or place.country is None or place.country in own:
                continue
            return [(self._country_actor(m.text, place.country), 0.7)]
        return []

    # -- modality -----------------------------------------------------------------
    def _modality(self, cand: Candidate, source: Actor, attribution: Actor | None, historical: bool) -> str:
        if cand.hypothetical:
            return "hypothetical"
        if cand.future:
            return "future"
        if historical:
            return "historical"
        if attribution is not None and attribution.key != source.key:
            return "reported"
        return "asserted"

    def _refusal(self, cand: Candidate, code: str) -> Candidate:
        """"will not release", "would not meet": a stated refusal, not a negated act.

        The candidate is marked for :meth:`_intent_code` to map its cooperative
        code to the matching rejection code; a plain past negation ("did not
        meet") stays a negated event.
        """
        if not (cand.kind == "verb" and cand.negated and not cand.refused and (cand.future or cand.hypothetical)):
            return cand
        if not any(key in self.patterns.refusal for key in (code, code[:3], code[:2])):
            return cand
        return replace(cand, negated=False, future=False, hypothetical=False, intent="refusal")

    def _intent_code(self, code: str, cand: Candidate) -> str:
        if cand.intent == "refusal":
            for key in (code, code[:3], code[:2]):
                if key in self.patterns.refusal:
                    return self.patterns.refusal[key]
            return code
        if not cand.future or cand.hypothetical or cand.kind == "noun":
            return code
        if cand.intent in DECISION_VERBS and code[:2] >= "09":
            return code  # "agreed to broaden sanctions" is a decision, not a threat
        intent = self.patterns.intent
        for key in (code, code[:3], code[:2]):
            if key in intent:
                return intent[key]
        return code

    def _final_code(self, pattern: Pattern, cand: Candidate) -> str:
        """The pattern's code narrowed by what is at stake, moved to its intent,
        threat or refusal form, and narrowed again in that form ("will give
        *military* aid": 07 -> 033 -> 0332)."""
        if not pattern.refine:
            return self._intent_code(pattern.code, cand)
        stake = _stake_words(cand)
        code = self._intent_code(self.patterns.refine(pattern.code, stake), cand)
        return self.patterns.refine(code, stake)

    # -- the document -------------------------------------------------------------
    def code_document(
        self,
        cands: list[Candidate],
        when: date | None,
        historical: dict[int, bool] | None = None,
        countries: tuple[str, ...] = (),
        home: str | None = None,
    ) -> list[CodedEvent]:
        # Generic actors ("police", "the defence ministry") take the country of the
        # latest named subject, or the article's main country before there is one.
        state = DocState(subject_country=countries[0] if countries else None, countries=tuple(countries),
                         home_country=home or (countries[0] if countries else None))
        out: list[CodedEvent] = []
        historical = historical or {}
        used_nouns: set[int] = set()
        for i, cand in enumerate(cands):
            state.clause_country = clause_place_country(cand.clause, self.kb, self.gazetteer, state.countries)
            # Speakers first: they are context for "we" inside their quote.
            attribution = None
            if cand.speakers:
                got = self._actors(cand.speakers, when, state, None, limit=1)
                if got:
                    attribution = got[0][0]
            if cand.quote is not None:
                if attribution is not None and cand.quote not in state.speakers:
                    state.speakers[cand.quote] = attribution
                attribution = attribution or state.speakers.get(cand.quote)
            if cand.kind == "noun" and cand.token_i in used_nouns:
                continue
            if cand.demanded:
                continue  # the appeal or demand above it is the event
            sectors = ()
            if self.patterns.sector_lemmas.get(cand.kind, frozenset()) & {cand.lemma}:
                subs = [m for m in cand.subjects if m.role in ("subj", "agent", "instr", "poss", "mod", "prep:by")]
                sectors = tuple(a.sector for a, _ in self._actors(subs, when, state, cand.quote) if a.sector)
            pattern = self.patterns.match(
                cand.kind, cand.lemma, cand.obj_lemmas, cand.prep_lemmas, cand.pobj_lemmas,
                cand.xcomp, cand.particle, cand.governor, cand.comp_lemmas, cand.ccomp_aux, sectors,
            )
            if pattern is None:
                self._note_subjects(cand, when, state)
                continue
            cand = self._refusal(cand, pattern.code)
            events = self._code_one(i, cand, pattern, when, state, attribution, historical.get(i, False))
            if cand.kind == "verb" and events:
                used_nouns.update(_object_token_hint(cands, i))
            state.coded[i] = events
            state.recent.extend((cand.sent_index, e.source) for e in events if not e.nested)
            out.extend(events)
        return out

    def _note_subjects(self, cand: Candidate, when, state: DocState) -> None:
        subs = [m for m in cand.subjects if m.role == "subj"]
        for actor, _ in self._actors(subs, when, state, cand.quote, limit=1):
            if actor.country:
                state.subject_country = actor.country

    def _code_one(self, i, cand, pattern, when, state, attribution, historical) -> list[CodedEvent]:
        nested = cand.nested_in is not None and cand.nested_in in state.coded
        if nested:
            parent = state.coded[cand.nested_in]
            if not parent or parent[0].target is None:
                return []
            # "X accused Y of a build-up": Y did it, to X unless the noun names a target.
            sources = [(parent[0].target, 0.9)]
            targets = self._targets(cand, pattern, when, state, sources)
            if not targets and not any(self._names_no_party(m) for slot in pattern.target for m in _slot_mentions(cand, slot)):
                # Aimed at the accuser, unless the act names a thing it was done to
                # ("accused Ukraine of hitting the station itself").
                targets = [(parent[0].source, 0.8)]
            attribution = parent[0].source
        else:
            roles = SOURCE_ROLES if cand.kind == "verb" or cand.governor in pattern.governor else NOUN_OWN_SOURCE_ROLES
            subs = [m for m in cand.subjects if m.role in roles and not (pattern.victim_subject and m.role == "subj")]
            if cand.speakers and subs and all(m.pronoun in THING_PRONOUNS for m in subs):
                # "the junta said it would ...": "it" is the speaker; when the speaker is
                # no known actor, an older actor is no better guess.
                sources = [(self._retext(attribution, subs[0].text), 0.85)] if attribution is not None else []
            else:
                if subs and not any(m.proper or m.pronoun for m in subs):
                    # "In Niamey, thousands of junta supporters marched": a generic
                    # subject is in the country where its clause happens.
                    state.subject_country = self._place_country(cand, state) or state.subject_country
                # A generic subject is not in the country its own clause names as the
                # other side ("the junta accused France": not the French junta).
                sources = self._actors(subs, when, state, cand.quote, avoid=self._named_country(cand.objects))
            if not sources and cand.kind == "verb" and cand.passive:
                # "UK troops sent to Poland": the theme's country sends them.
                theme = self._actors(cand.objects, when, state, cand.quote, limit=1)
                if theme and pattern.code[:2] in ("06", "07", "15") and theme[0][0].sector in ("MIL", "POL"):
                    sources = theme
                    cand = _without_objects(cand)
            if not sources and pattern.implicit_source and (cand.passive or cand.kind == "noun" or pattern.victim_subject) \
                    and not any(m.role == "agent" for m in cand.subjects):
                # "Fifty protesters were arrested": the police did it, in the story's country.
                res = self.kb.resolve(pattern.implicit_source, when, state.subject_country)
                if res is not None and (res.actor.country or self.open_actors):
                    a = res.actor
                    sources = [(Actor("(implicit)", a.name, a.country, a.org, a.sector, a.code), 0.6)]
            if not sources and (self.open_actors or self.single_actor) and (cand.passive or cand.kind == "noun") \
                    and not any(m.role == "agent" for m in cand.subjects):
                # Open and single-actor modes code agentless reports ("grenades were hurled at ...",
                # "three soldiers were killed in a roadside bombing") with an unknown source.
                sources = [(Actor("(unknown)", "unknown"), 0.5)]
            if not sources and pattern.symmetric and cand.kind == "noun":
                # "clashes between the army and the RSF": both sides act on each other.
                sides = self._actors([m for m in cand.preps if m.role == "prep:between"], when, state, cand.quote)
                if len(sides) > 1:
                    return self._symmetric(i, cand, pattern, sides, attribution, historical)
            if not sources:
                return []
            if sources[0][0].country and cand.kind == "verb":
                state.subject_country = sources[0][0].country
            targets = self._targets(cand, pattern, when, state, sources)
            if not targets and len(sources) > 1 and (pattern.symmetric or (
                    pattern.code[:2] in SYMMETRIC_ROOTS and _reciprocal(cand))):
                return self._symmetric(i, cand, pattern, sources, attribution, historical)
            if not targets and pattern.code[:2] in DOMESTIC_DEFAULT_ROOTS:
                targets = self._home_government(sources, when, cand, state)
            if not targets and pattern.code.startswith(HOME_TARGET_CODES):
                targets = self._own_country(sources)
            if not targets and pattern.code[:2] in APPEAL_ROOTS and all(a.org for a, _ in sources):
                targets = self._addressee(sources, when, state)
            if not self.open_actors and sources[0][0].name == "unknown" and not _known(targets):
                return []  # single-actor mode: one side may be missing, not both
        if not targets and not (pattern.no_target or self.open_actors or (self.single_actor and _known(sources))):
            return []
        code = self._final_code(pattern, cand)
        events: list[CodedEvent] = []
        for src, sf in sources:
            for tgt, tf in targets or [(None, 1.0)]:
                modality = "reported" if nested else self._modality(cand, src, attribution, historical)
                if nested and (cand.hypothetical or cand.future):
                    modality = self._modality(cand, src, attribution, historical)
                conf = pattern.confidence * sf * tf
                if attribution is not None and modality == "reported":
                    conf *= 0.95
                ev = CodedEvent(
                    cand_index=i, pattern=pattern, code=code, source=src, target=tgt,
                    attribution=attribution, negated=cand.negated or cand.refused,
                    modality=modality, confidence=round(min(max(conf, 0.05), 0.99), 3), nested=nested,
                )
                events.append(ev)
                if code[:2] == "11" and tgt is not None:
                    state.accusers[tgt.key] = src
        return events


    def _symmetric(self, i, cand, pattern, sources, attribution, historical) -> list[CodedEvent]:
        """"Israel and Lebanon renewed negotiations": each side acts toward the other."""
        code = self._final_code(pattern, cand)
        out = []
        for src, sf in sources:
            for tgt, tf in sources:
                if src.key == tgt.key:
                    continue
                out.append(CodedEvent(
                    cand_index=i, pattern=pattern, code=code, source=src, target=tgt,
                    attribution=attribution, negated=cand.negated or cand.refused,
                    modality=self._modality(cand, src, attribution, historical),
                    confidence=round(min(max(pattern.confidence * sf * tf * 0.9, 0.05), 0.99), 3),
                ))
        return out


def _same_actor(a: Actor, b: Actor) -> bool:
    """Whether two actors are one party (names the knowledge base does not
    know have no code, so they compare by name)."""
    if a.code or b.code:
        return a.code == b.code
    return a.key == b.key


def _others(found, sources) -> list[tuple[Actor, float]]:
    """The found actors that are not one of the sources (a dyad needs two parties)."""
    return [(a, f) for a, f in found if not any(_same_actor(a, s) for s, _ in sources)]


def _reciprocal(cand: Candidate) -> bool:
    """The trigger names something done between its subjects, not to a third party."""
    if cand.kind != "verb" or "each other" in cand.clause or "one another" in cand.clause:
        return True  # "started shooting at each other"
    if cand.lemma in RECIPROCAL_IF_OBJECT:
        return bool(RECIPROCAL_OBJECTS.intersection(cand.obj_lemmas))
    return cand.lemma in RECIPROCAL_LEMMAS or bool(RECIPROCAL_OBJECTS.intersection(cand.obj_lemmas))


def _known(sources) -> bool:
    """The first source is a known actor: a country or an organisation."""
    return bool(sources) and bool(sources[0][0].country or sources[0][0].org)


def _slot_mentions(cand: Candidate, slot: str) -> list[Mention]:
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
    if slot == "deep":
        keep = ("deep:poss", "deep:by", "deep:mod", "deep:of", "deep:from")
        return sorted((m for m in cand.deep if m.role in keep), key=lambda m: m.depth)
    if slot.startswith("prep:"):
        prep = slot[5:]
        direct = [m for m in cand.preps if m.role == slot]
        nested = [m for m in cand.deep if m.role == f"deep:{prep}"]
        return direct + nested
    return []


def _stake_words(cand: Candidate) -> frozenset[str]:
    """The words of what an act is about: the trigger ("*tortured* them"), its
    object, complements and purpose, marked "~" the verb of the complement it
    asks for, offers or refuses ("urged X *to lift* ..."), and marked "^" the
    head of its subject."""
    seq = cand.stake_lemmas
    words = {cand.lemma, *seq}
    # adjacent pairs too: "war crime", "step down", "car bomb"
    words.update(f"{a} {b}" for a, b in zip(seq, seq[1:]) if a != STAKE_BREAK and b != STAKE_BREAK)
    words.discard(STAKE_BREAK)
    # "^" marks the head of whoever or whatever did it ("Soviet *aircraft* killed ...")
    words.update(f"^{m.head}" for m in cand.subjects if m.role in ("subj", "agent", "instr") and m.head)
    if cand.xcomp:
        words.update((cand.xcomp, f"~{cand.xcomp}"))
    return frozenset(words)


def _without_objects(cand: Candidate) -> Candidate:
    from dataclasses import replace

    return replace(cand, objects=())


def _object_token_hint(cands: list[Candidate], i: int) -> set[int]:
    """Token indices of noun candidates that are the object of verb candidate ``i``
    (so "imposed sanctions on X" is coded once, by the verb)."""
    verb = cands[i]
    out = set()
    for c in cands[i + 1 : i + 8]:
        if c.kind == "noun" and c.sent_index == verb.sent_index and c.governor == verb.lemma and c.governor_dep in ("dobj", "pobj:in", "pobj:with"):
            out.add(c.token_i)
    return out


def _is_person(res) -> bool:
    """Whether a resolution names a person (the knowledge base's person entries)."""
    return any(str(e).startswith(("person:", "people:", "person/")) for e in res.entry_ids) or "person" in (res.why or "").lower()


def _used_context(res) -> bool:
    return "context" in (res.why or "").lower()


def attach_quantities(qs: tuple[Quantity, ...], root: str) -> tuple[Quantity, ...]:
    """Keep the quantities that fit the event's kind of action."""
    if not qs:
        return ()
    fits = {
        "troops": {"06", "07", "15", "19", "08", "16"},
        "dead": {"18", "19", "20", "17", "14"},
        "injured": {"18", "19", "20", "17", "14"},
        "arrested": {"17"},
        "displaced": {"20", "19", "18", "07"},
    }
    return tuple(q for q in qs if root in fits.get(q.unit, {root}))


__all__ = ["Coder", "CodedEvent", "attach_quantities"]
