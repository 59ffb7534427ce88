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
SYMMETRIC_ROOTS = {"03", "04", "05", "06", "19"}
DECISION_VERBS = {"agree", "decide", "vote", "resolve", "announce"}
CROSS_BORDER_ROOTS = {"15", "19", "20"}
DOMESTIC_DEFAULT_ROOTS = {"14"}  # dissent: aimed at the home government unless a target is named


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

    def __init__(self, patterns: PatternSet, kb, ontology=None, open_actors: bool = False) -> None:
        self.patterns = patterns
        self.kb = kb
        self.ontology = ontology
        # Open actors: accept proper nouns the knowledge base does not know, and
        # generic actors with no country (for gold sets with fictional actors).
        self.open_actors = open_actors

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
            # A generic target ("the administration building", "the police") is rarely
            # in the source's own country: take the first article country that is not it.
            pool = [c for c in (state.subject_country, *state.countries) if c != avoid]
            context = next((c for c in pool if c), None)
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

    def _names_no_party(self, m: Mention) -> bool:
        """A thing or an act ("military aid", "a new offensive"), or a generic
        modifier ("*military* aid"): only a country, organisation or person word
        inside it ("*Turkey's* efforts", "*Israeli* policies") makes it a party."""
        thing = m.head in self.patterns.thing_heads or (m.role.endswith(":mod") and not m.proper)
        if not thing:
            return False
        res = self.kb.resolve(m.text, None, None)
        return res is None or (res.actor.country is None and res.actor.org is None)

    def _home_government(self, sources, when) -> list[tuple[Actor, float]]:
        """A protest, strike or riot with no named target is aimed at the government
        of the country where the protesters are (the usual convention of event data)."""
        country = next((a.country for a, _ in sources if a.country and not a.org), None)
        if country is None or any(a.sector == "GOV" for a, _ in sources):
            return []
        res = self.kb.resolve("government", when, country)
        return [(self._retext(res.actor, "(implicit)"), 0.7)] if res is not None and res.actor.country == country else []

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
            avoid = sources[0][0].country if sources and pattern.code[:2] in CROSS_BORDER_ROOTS else None
            found = self._actors(mentions, when, state, cand.quote, avoid=avoid)
            # A target identical to the source is no dyad: try the next slot.
            found = [(a, f) for a, f in found if not any(_same_actor(a, s) for s, _ in sources)]
            if found:
                return found
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
    ) -> list[CodedEvent]:
        # Generic actors ("police", "the defence ministry") take the country of the
        # latest named subject, or the article's main country before there is one.
        state = DocState(subject_country=countries[0] if countries else None, countries=tuple(countries))
        out: list[CodedEvent] = []
        historical = historical or {}
        used_nouns: set[int] = set()
        for i, cand in enumerate(cands):
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
            if not sources and self.open_actors and (cand.passive or cand.kind == "noun") \
                    and not any(m.role == "agent" for m in cand.subjects):
                # Open mode codes agentless reports ("grenades were hurled at ...") with an unknown source.
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
            if not targets and len(sources) > 1 and (pattern.symmetric or pattern.code[:2] in SYMMETRIC_ROOTS):
                return self._symmetric(i, cand, pattern, sources, attribution, historical)
            if not targets and pattern.code[:2] in DOMESTIC_DEFAULT_ROOTS:
                targets = self._home_government(sources, when)
        if not targets and not (pattern.no_target or self.open_actors):
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
