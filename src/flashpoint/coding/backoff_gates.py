"""Gates on the statistical back-off: shapes of sentence where its guess is not to be trusted.

The back-off (:mod:`.backoff`) reads words, not the parse, so it guesses an event
from vocabulary alone. Each gate reads the sentence's parse and either stops the
guess or says who may be its parties (docs/BACKOFF.md, "Gates"):

* ``verbless``: a line with no verb (a headline, a caption, a list) reports no act
  the back-off can place; no event.
* ``reporter``: for material conflict (roots 14, 15, 17-20) a phrase that only
  reports the event ("police said", "according to officials", "a police spokesman
  told reporters") is not a party to it; with no other party left, no event. A
  reporter whose event clause has a pronoun subject ("police said they fired")
  speaks of its own act and stays a party.
* ``subject``: the main verb's subject (the event clause's under a reporting verb;
  the ``by`` phrase of a passive) is the source, ahead of other subjects in the
  sentence.
* ``protest_cue``: a protest (root 14) needs a crowd or a form of protest in the
  sentence (gates.yaml, ``protest_cues``).
* ``agent``: material conflict needs an agent: the main verb has a subject or a
  ``by`` phrase. ``agent_reported`` asks it only of a sentence with a reporter
  ("two men were stabbed, police said").
* ``unreal``: an act (material cooperation or conflict) needs its main verb to
  assert it: not negated, with no modal ("would not need force", "may deploy"),
  in no question.
* ``speech``: material conflict needs an act: a sentence whose main verb is a reporting
  verb with no reported clause in it ("a police official is quoted as saying:") gets no event.
* ``place``: a name that says where ("in Aleppo", "near the border post") is no party.
* ``stative``: a sentence whose only verb is one of being, staying or living ("X and Y were
  among the guests", "about 2 million Algerians live in France") tells a state, not an act;
  no event (gates.yaml, ``stative``). Measured and not kept (session 12): it removed two
  spurious events from the fifth set of articles but cost conflibert's held part one
  sentence's event.
* ``state_verbs``: the ``stative`` gate less its costly cases, a sentence whose only verbs are
  "be" or "remain", which may carry an act ("there were clashes in the north", "troops remained on
  alert"): a sentence whose verbs are all verbs of state, one of them another ("about 2 million
  Algerians live in France", "Kurds account for a fifth of the population"), tells how things are;
  no event.
* ``aid_cue`` (session 16): a guess of aid (root 07) needs a word of giving or of aid in the sentence
  (gates.yaml ``aid_cues``); without one ("the world tour has sold five million tickets", "the metro line
  carried a million passengers") the guess is no event.
* ``ask_cue`` (session 16): a guess of an appeal or a demand (roots 02, 10) needs a word of asking in the
  sentence (gates.yaml ``ask_cues``); without one an appeal guess takes the best other root of its QuadClass,
  a statement ("said the new capital would be ready by 2028" is said, not asked), and a demand guess is no
  event ("the president visited the earthquake zone").
* ``journey`` (session 14): a sentence whose event verb is one of going or coming (gates.yaml
  ``journey``: return, fly, travel, arrive, ...) with no object tells a trip ("the ambassador returned
  to Beijing", "the president flew back to Abuja"); the rules code the trips that are events (visits,
  042), so the back-off's guess (a yielding from "returned") is no event.
* ``sport_market`` (session 19): a sentence about a game or a market (a score such as "3-1" or "12-9", or a
  noun of sport or of business: striker, batsman, tournament, shares, dividend, investors; gates.yaml
  ``sport_cues`` and ``market_cues``) tells no political act the rules missed ("Hungary's water polo team
  sank Serbia 12-9", "a Nigerian startup raised $40 million"); no event.
* ``protest_reroute``: a protest with no cue takes the best other root of its
  QuadClass instead of no event; ``protest_coerce``: the better of roots 15 and 17
  (force posture, coercion), the material conflict that is no violence.

Which gates are on is :data:`DEFAULT_GATES`; ``scripts/measure_backoff.py`` measures
each one by switching it off.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass

from ..yamlio import load_package_yaml

GATES = ("verbless", "sport_market", "stative", "state_verbs", "force_cue", "aid_cue", "ask_cue", "journey", "reporter", "subject", "protest_cue", "agent", "agent_reported", "protest_reroute", "protest_coerce",
         "unreal", "place", "speech")
DEFAULT_GATES = frozenset({"verbless", "sport_market", "state_verbs", "force_cue", "aid_cue", "ask_cue", "journey", "reporter", "subject", "agent_reported", "protest_coerce"})
# Gates that are ways of doing one thing: one is kept, the others are measured in its place.
ALTERNATIVES = (frozenset({"agent", "agent_reported"}), frozenset({"protest_cue", "protest_reroute", "protest_coerce"}),
                frozenset({"stative", "state_verbs"}))
MATERIAL_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
ACT_ROOTS = MATERIAL_ROOTS | {"06", "07", "08"}  # material conflict and material cooperation: acts, not words
PLACE_PREPS = frozenset({"in", "at", "near", "around", "outside", "inside", "across", "throughout", "within", "along",
                         "beside", "nearby"})
MODALS = frozenset({"will", "would", "could", "can", "may", "might", "should", "must", "shall", "'ll", "wo", "ca"})
PROTEST_ROOT = "14"
FORCE_ROOTS = frozenset({"18", "19", "20"})  # force, fighting, mass violence: a guess needs a word of violence
AID_ROOT = "07"  # provide aid: a guess needs a word of aid or of giving
ASK_ROOTS = frozenset({"02", "10"})  # appeal, demand: a guess needs a word of asking
APPEAL_ROOT = "02"
# Verbs of state that may carry an act: "there were clashes", "troops remained on alert" (CAMEO's
# own example of 152, increase military alert status).
OPEN_STATES = frozenset({"be", "remain"})
COERCE_ROOTS = frozenset({"15", "17"})  # material conflict that is no violence: force posture, coercion
PROTEST_GATES = frozenset({"protest_cue", "protest_reroute", "protest_coerce"})
VERBAL = frozenset({"VERB", "AUX"})
# Dependencies that open a clause of their own: a reporter is found within one clause.
CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "pcomp", "ROOT"})
SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
PRONOUNS = frozenset({"they", "we", "he", "she", "it", "i"})


@dataclass(frozen=True)
class GateWords:
    """The gates' word lists: protest cues, and reporting lemmas (the coder's and gates.yaml's)."""

    protest_cues: frozenset[str]
    reporting: frozenset[str]
    stative: frozenset[str] = frozenset()
    force_cues: frozenset[str] = frozenset()
    journey: frozenset[str] = frozenset()
    aid_cues: frozenset[str] = frozenset()
    ask_cues: frozenset[str] = frozenset()
    sport_cues: frozenset[str] = frozenset()
    market_cues: frozenset[str] = frozenset()
    dismissed: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=4)
def gate_words(reporting: frozenset[str] = frozenset()) -> GateWords:
    """The packaged word lists, with the coder's reporting verbs added."""
    data = load_package_yaml("flashpoint.coding", "data", "backoff", "gates.yaml") or {}
    return GateWords(frozenset(w.lower() for w in data.get("protest_cues") or ()),
                     frozenset(reporting) | frozenset(w.lower() for w in data.get("reporting_extra") or ()),
                     frozenset(w.lower() for w in data.get("stative") or ()),
                     frozenset(w.lower() for w in data.get("force_cues") or ()),
                     frozenset(w.lower() for w in data.get("journey") or ()),
                     frozenset(w.lower() for w in data.get("aid_cues") or ()),
                     frozenset(w.lower() for w in data.get("ask_cues") or ()),
                     frozenset(w.lower() for w in data.get("sport_cues") or ()),
                     frozenset(w.lower() for w in data.get("market_cues") or ()),
                     frozenset(w.lower() for w in data.get("dismissed") or ()))


def verbless(sent) -> bool:
    """True when no word of the sentence is tagged a verb or an auxiliary ("according", which
    spaCy tags a verb, is a preposition here: "according to deputy commissioner of police")."""
    return not any(t.pos_ in VERBAL and t.lemma_.lower() != "accord" for t in sent)


def stative(sent, words: Collection[str]) -> bool:
    """True when every verb of the sentence (auxiliaries aside) is a verb of state ("were
    among the guests", "live in France"): no clause in it tells an act."""
    verbs = [t for t in sent if t.pos_ in VERBAL and t.dep_ not in ("aux", "auxpass")]
    return bool(verbs) and all(t.lemma_.lower() in words for t in verbs)


def state_verbs(sent, words: Collection[str]) -> bool:
    """True when every verb of the sentence is a verb of state and one of them is more than "be" or
    "remain" ("live in France"), which may carry an act ("remained on alert")."""
    verbs = [t for t in sent if t.pos_ in VERBAL and t.dep_ not in ("aux", "auxpass")]
    return stative(sent, words) and any(t.lemma_.lower() not in OPEN_STATES for t in verbs)


# a game's score: "beat Canada 3-1", "sank Serbia 12-9" (not a year span, "2022-23", nor "F-16", nor days of a
# month, "the 12-13 May summit", "on 29-30 June", nor a vote's count, "ruled 5-4", "voted 13-2", "a 7-2 vote":
# a court or a council deciding is what the back-off is for)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
VOTE_AFTER = "votes?|ruling|decision|majority|verdict"
SCORE = re.compile(r"(?<![\w-])(?<!on )(?<!the )(?<!from )(?<!between )(?<!voted )(?<!ruled )(?<!vote of )(?<!margin of )"
                   r"\d{1,2}-\d{1,2}(?![\w-])(?!\s*(?:" + MONTHS + r"|per|%))(?!\s+(?:" + VOTE_AFTER + r")\b)")


def sport_or_market(sent, words: GateWords) -> bool:
    """True when the sentence tells a game or a market: a score, or a noun of sport or of business."""
    if SCORE.search(sent.text):
        return True
    cues = words.sport_cues | words.market_cues
    return any(t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in cues or t.text.lower() in cues) for t in sent)


def journey(sent, verb, words: Collection[str]) -> bool:
    """True when the event verb is one of going or coming (``words``) with no object: a trip
    ("returned to Beijing", "flew back to Abuja"), not an act on anyone."""
    return verb.lemma_.lower() in words and not any(c.dep_ in ("dobj", "obj", "dative") for c in verb.children)


def places(sent) -> frozenset[int]:
    """Indices of the words that name where, not who: the object of a preposition of place
    ("in Aleppo", "near the border post", "across the state")."""
    return frozenset(t.i for t in sent if t.dep_ == "pobj" and t.head.dep_ == "prep"
                     and t.head.text.lower() in PLACE_PREPS)


def has_cue(sent, cues: Collection[str], dismissed: Collection[str] = ()) -> bool:
    """True when a word of the sentence (its lemma or its form) is one of the cues (protest
    words, words of violence); a hyphenated cue is looked for in the text. A verb whose direct
    object is one of ``dismissed`` is no cue ("fired his interior minister", "sacked the army chief":
    a dismissal, not a shot)."""
    if any((t.lemma_.lower() in cues or t.text.lower() in cues)
           and not (t.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in dismissed for c in t.children))
           for t in sent):
        return True
    low = sent.text.lower()
    return any("-" in c and c in low for c in cues)  # "sit-in" is three tokens


def main_verb(sent, reporting: Collection[str]):
    """The sentence's event verb: its root, or under a reporting root the clause it reports."""
    verb = sent.root
    if verb.lemma_.lower() in reporting:
        for child in verb.children:
            if child.dep_ in ("ccomp", "parataxis") and child.pos_ in VERBAL and not _infinitive(child):
                return child
    return verb


def _infinitive(verb) -> bool:
    """A "to" clause is no reported statement ("declared a curfew to begin at midnight")."""
    return any(c.dep_ == "aux" and c.text.lower() == "to" for c in verb.children)


def unreal(sent, verb) -> bool:
    """True when the main verb does not assert its act: negated, under a modal, or asked about."""
    if sent.text.rstrip().endswith("?"):
        return True
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.text.lower() in MODALS) for c in verb.children)


def agent_of(verb):
    """The word that names who acts: the verb's subject, the ``by`` phrase of a passive,
    or a coordinated verb's shared subject ("stormed the town and killed ..."). None if none."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in SUBJECTS and child.dep_ != "expl":
                return child
            if child.dep_ == "agent":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _governing_verb(tok):
    """The verb that governs ``tok`` within its clause, or None."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in CLAUSAL or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in VERBAL or cur.lemma_.lower() == "accord":
            return cur
    return None


def reporters(sent, reporting: Collection[str]) -> frozenset[int]:
    """Indices of the words whose phrase only reports the event: the subject, object or
    prepositional phrase of a reporting verb ("police said", "according to officials",
    "told Reuters"). Empty when the event clause's subject is a pronoun ("police said they
    fired"): the reporter then speaks of its own act."""
    event = main_verb(sent, reporting)
    agent = agent_of(event)
    if agent is not None and agent.text.lower() in PRONOUNS:
        return frozenset()
    out = set()
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = _governing_verb(tok)
        if verb is not None and verb.i != event.i and verb.lemma_.lower() in reporting:
            out.add(tok.i)
    return frozenset(out)


@dataclass(frozen=True)
class Verdict:
    """What the gates say of one sentence and predicted root."""

    blocked: str | None  # the first gate that stops the event, or None
    drop: frozenset[int] = frozenset()  # words whose phrases are no parties (reporters)
    lead: int | None = None  # the word whose phrase is the source, when it resolves
    barred: frozenset[str] = frozenset()  # roots to predict again without (the best other root of its class stands)


def judge(sent, root: str, words: GateWords, gates: Collection[str] = DEFAULT_GATES) -> Verdict:
    """Apply the ``gates`` to a sentence whose back-off prediction has CAMEO root ``root``."""
    if "verbless" in gates and verbless(sent):
        return Verdict("verbless")
    if "sport_market" in gates and sport_or_market(sent, words):
        return Verdict("sport_market")
    if "stative" in gates and stative(sent, words.stative):
        return Verdict("stative")
    if "state_verbs" in gates and state_verbs(sent, words.stative):
        return Verdict("state_verbs")
    if root == PROTEST_ROOT and (PROTEST_GATES & set(gates)) and not has_cue(sent, words.protest_cues):
        if "protest_coerce" in gates:
            return Verdict(None, barred=MATERIAL_ROOTS - COERCE_ROOTS)
        if "protest_reroute" in gates:
            return Verdict(None, barred=frozenset({PROTEST_ROOT}))
        return Verdict("protest_cue")
    if "journey" in gates and words.journey and journey(sent, main_verb(sent, words.reporting), words.journey):
        return Verdict("journey")
    if "unreal" in gates and root in ACT_ROOTS and unreal(sent, main_verb(sent, words.reporting)):
        return Verdict("unreal")
    material = root in MATERIAL_ROOTS
    if "speech" in gates and material and main_verb(sent, words.reporting).lemma_.lower() in words.reporting:
        return Verdict("speech")
    if "force_cue" in gates and words.force_cues and root in FORCE_ROOTS and not has_cue(sent, words.force_cues, words.dismissed):
        return Verdict("force_cue")
    if "aid_cue" in gates and words.aid_cues and root == AID_ROOT and not has_cue(sent, words.aid_cues):
        return Verdict("aid_cue")
    if "ask_cue" in gates and words.ask_cues and root in ASK_ROOTS and not has_cue(sent, words.ask_cues):
        # an appeal guess falls back on the best other root of its QuadClass, a statement (01): "said the
        # new capital would be ready by 2028" is said, not asked; a demand guess is no event
        return Verdict(None, barred=frozenset({APPEAL_ROOT})) if root == APPEAL_ROOT else Verdict("ask_cue")
    needs_agent = material and bool({"agent", "agent_reported"} & set(gates))
    agent = agent_of(main_verb(sent, words.reporting)) if "subject" in gates or needs_agent else None
    if "agent" in gates and material and agent is None:
        return Verdict("agent")
    reported = reporters(sent, words.reporting) if material and ("reporter" in gates or needs_agent) else frozenset()
    if "agent_reported" in gates and material and agent is None and reported:
        return Verdict("agent_reported")
    drop = reported if "reporter" in gates else frozenset()
    if "place" in gates:
        drop |= places(sent)
    lead = agent.i if "subject" in gates and agent is not None and agent.i not in drop else None
    return Verdict(None, drop, lead)
