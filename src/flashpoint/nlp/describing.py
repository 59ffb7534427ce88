"""Clauses that describe a noun or an act: where a trigger sits in the parse, for the background rule.

A participle or relative clause hung on a noun says what the noun is or did
("hostages *held* by Hamas", "the M23 rebels, which *seized* Goma in January",
"troops *deployed* near the border", "the *detained* nationals"): it tells the
reader who is meant, not the news of the sentence. :func:`described_noun`
finds that noun for a trigger, climbing through the clause it sits in. An
-ing adjunct of a verb ("protesters marched on the embassy, *demanding* the
troops' withdrawal") says what the act was for: :func:`adjunct_of` finds that
verb. The coder decides what to do with both (``coding/background.py``).
"""

from __future__ import annotations

from typing import NamedTuple

# The clause a trigger sits in reaches its top through these dependencies.
_CLIMB = frozenset({"xcomp", "ccomp", "conj", "pcomp", "prep", "advcl", "dobj", "pobj", "attr", "compound", "agent"})
# How a clause hangs on the noun it describes.
_DESCRIBING = frozenset({"acl", "relcl", "amod"})
_NOUNS = frozenset({"NOUN", "PROPN", "PRON"})
_STEPS = 6


def described_noun(tok) -> tuple[str, ...]:
    """``(dependency, noun lemma, tag of the clause's verb)`` of the noun whose describing clause holds ``tok``,
    or ``()`` when the trigger's clause describes no noun (it is the sentence's own). For a "that"
    clause telling what a noun says (:func:`_content_clause`) the tag is ``"that"``.

    An ``acl`` counts only as a participle or a "that" clause with its own subject: the
    small parser sometimes hangs a main verb on its subject's name ("Russia, which supplies
    arms, *offered* ...": VBD).
    """
    cur = tok
    for _ in range(_STEPS):
        if cur.dep_ in _DESCRIBING and cur.head is not cur and cur.head.pos_ in _NOUNS and cur.pos_ in ("VERB", "AUX"):
            if cur.dep_ == "relcl" and setting_clause(cur):
                # "the lathicharge *in which* a student was killed", "the protest in Mirihana, *where*
                # demonstrators set fire to a bus": what happened in or at the noun, not who it is
                return ()
            if _content_clause(cur):
                # what a claim says, whatever the verb's form ("accusations *that* police *had
                # tortured* detainees" is no participle after its noun): its tag slot says "that"
                return cur.dep_, cur.head.lemma_.lower(), "that"
            if cur.dep_ == "relcl" or cur.tag_ in ("VBN", "VBG"):
                return cur.dep_, cur.head.lemma_.lower(), cur.tag_
            return ()
        if cur.dep_ not in _CLIMB or cur.head is cur:
            return ()
        cur = cur.head
    return ()


def _content_clause(acl) -> bool:
    """A "that" clause on a noun: what a claim, report or admission says ("an admission
    *that* its forces killed the officers"), told, not done in the sentence."""
    return acl.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in acl.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in acl.children)


def setting_clause(relcl) -> bool:
    """A relative clause opened by "where", "when" or a preposition and "which" ("in which")."""
    return any((c.dep_ == "advmod" and c.lower_ in ("where", "when", "whereby"))
               or (c.dep_ == "prep" and any(p.dep_ == "pobj" and p.lower_ == "which" for p in c.children))
               for c in relcl.children)


# Words that open a clause telling when another act happened: "spoke to reporters *after*
# arriving in Lisbon", "*before* leaving for Ankara", "*while* visiting Kyiv".
_TIME_WORDS = frozenset({"after", "before", "upon", "on", "while", "when", "following", "since", "during", "ahead"})


def time_adjunct_of(tok) -> int | None:
    """Token index of the verb whose time adjunct ``tok`` heads ("spoke to reporters *after
    arriving* in Lisbon": the index of "spoke"), or None. Such an act happened beside the
    verb's, not inside it: neither carries the other."""
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in _TIME_WORDS:
        verb = tok.head.head
    elif tok.dep_ == "advcl" and any(c.dep_ in ("mark", "prep", "advmod") and c.lower_ in _TIME_WORDS for c in tok.children):
        verb = tok.head
    else:
        return None
    return verb.i if verb is not tok and verb.pos_ in ("VERB", "AUX") else None


class PriorClause(NamedTuple):
    """Where an act told in a time clause or phrase after its verb sits: the word that opens it
    and the verb it hangs on with the verbs above that one up to the sentence's root, nearest first."""

    word: str
    verbs: tuple[int, ...]


def prior_clause_of(tok) -> PriorClause | tuple[()]:
    """The time clause or phrase ``tok`` heads after its verb ("announced a suspension ..., one day
    *after* a jet *shot down* a helicopter"; "suspended Guinea's membership *after* last week's
    *coup*"), as a :class:`PriorClause`; () when it heads none. Which of its words ("after", "following",
    "since", "while") tell what came before the news, its grounds, is the coder's data
    (``coding/data/background.yaml``, ``prior_words``): the parse only says which word it is."""
    if tok.pos_ in ("VERB", "AUX"):
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in _TIME_WORDS:
            word, verb = tok.head.lower_, tok.head.head
        elif tok.dep_ == "advcl":
            word = next((c.lower_ for c in tok.children
                         if c.dep_ in ("mark", "prep", "advmod") and c.lower_ in _TIME_WORDS), "")
            verb = tok.head
        else:
            return ()
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in _TIME_WORDS:
        word, verb = tok.head.lower_, tok.head.head
    elif tok.dep_ == "dobj" and tok.head.lower_ == "following" and tok.head.dep_ in ("prep", "advcl", "acl"):
        word, verb = "following", tok.head.head  # the small parser reads "following the killing" as a verb and its object
    else:
        return ()
    # a clause put first tells news the sentence goes on from ("*Following* Algeria's expulsion
    # of two diplomats, Paris summoned ..."); one after the verb explains it
    if not word or verb.i >= tok.i or verb.pos_ not in ("VERB", "AUX"):
        return ()
    chain = [verb.i]
    while verb.head.i != verb.i and len(chain) < _STEPS:
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            chain.append(verb.i)
    return PriorClause(word, tuple(chain))


def adjunct_of(tok) -> int | None:
    """Token index of the verb whose bare -ing adjunct ``tok`` opens ("marched ...,
    *demanding* ..."), or None: an adjunct with its own subject or a marker ("after
    meeting", "while visiting") tells another act. A later -ing conjunct of such an
    adjunct is one too ("rallied, waving flags and *demanding* new elections")."""
    if tok.dep_ == "conj" and tok.tag_ == "VBG" and tok.head.tag_ == "VBG" and tok.head is not tok \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children):
        tok = tok.head
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.head is tok or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children):
        return None
    return tok.head.i
