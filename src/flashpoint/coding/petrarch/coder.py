"""Coding a parsed document with a PETRARCH dictionary set.

For every verb of a sentence found in the verbs dictionary, the most
specific matching pattern gives the code and may name the source (``$``),
the target (``+``) or a compound actor (``%``, whose members act on each
other). Roles a pattern does not name come from the parse: the source is
the clause's subject (the ``by`` agent of a passive), climbing to the
governing verb when a complement has none; the target is the first actor
group after the verb within its phrase. Only known actors and agents make
events, so a sentence naming none codes nothing; discard phrases drop the
sentence (story-level ones the whole text).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from .actors import Group, Lexicon, SentenceActors
from .load import load_dictionaries
from .matcher import Choice, VerbHit, VerbIndex, View, choose
from .model import COMPOUND, SOURCE, TARGET

_log = logging.getLogger(__name__)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
VERB_TAGS = ("VB",)
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Verbs whose subject a complement or conjoined clause shares.
SHARES_SUBJECT = frozenset({"xcomp", "conj", "advcl", "acl", "pcomp", "prep", "dep", "acomp"})
SKIP_AFTER = frozenset({"conj", "cc"})  # the next conjoined clause is another event


@dataclass(frozen=True, slots=True)
class PetrarchEvent:
    """One coded event before it becomes a :class:`~flashpoint.types.Event`."""

    sent_start: int  # character offsets in the document
    sent_end: int
    token_i: int  # document index of the verb
    trigger: str
    code: str
    source: Group
    target: Group | None  # None only when one-sided events are asked for
    source_code: str
    target_code: str | None
    rule: str


class PetrarchCoder:
    """The dictionaries of one directory, indexed for coding."""

    def __init__(self, directory: Path, single_actor: bool = False) -> None:
        self.single_actor = single_actor  # also code events whose target the sentence does not name
        self.dicts = load_dictionaries(Path(directory))
        if self.dicts.problems:
            _log.warning("PETRARCH dictionaries in %s: %d unreadable lines skipped; first: %s",
                         directory, len(self.dicts.problems), self.dicts.problems[0])
        self.lexicon = Lexicon(self.dicts)
        self.verbs = VerbIndex(self.dicts.verbs)

    def code(self, doc, on: Date | None) -> list[PetrarchEvent]:
        """Events of a parsed document (``on``: the date that picks dated actor codes)."""
        if self.lexicon.discards and self.lexicon.discarded(words_of(doc), story=True):
            return []
        out: list[PetrarchEvent] = []
        for sent in doc.sents:
            out.extend(self.code_sentence(sent, on))
        return out

    def code_sentence(self, sent, on: Date | None) -> list[PetrarchEvent]:
        words = words_of(sent)
        if self.lexicon.discarded(words, story=False):
            return []
        actors = SentenceActors(sent, words, self.lexicon, on)
        if not actors.groups:
            return []
        lemmas = [_normal(t.lemma_) for t in sent]
        groups = actors.spans()
        base = sent.start
        chunks = {c.start - base: c.end - base for c in sent.noun_chunks} if sent.doc.has_annotation("DEP") else {}
        fwd, back = View(words, groups, chunks, False), View(words, groups, chunks, True)
        in_actor = {i for h in actors.hits for i in range(h.start, h.end)}
        out: list[PetrarchEvent] = []
        seen: set[tuple[str, str, str]] = set()
        for i, tok in enumerate(sent):
            is_verb = tok.tag_.startswith(VERB_TAGS) or tok.pos_ in ("VERB", "AUX")
            if i in in_actor or not (is_verb or tok.pos_ in NOUN_POS):
                continue
            hit = self.verbs.lookup(words, lemmas, i)
            if hit is None:
                continue
            post_end = _post_end(tok) - base
            choice = choose(hit, fwd, back, post_end, self.verbs, need_pattern=not is_verb)
            if choice is None or choice.code is None:
                continue
            for sources, targets, code in _dyads(choice, hit, tok, actors, post_end, self.single_actor):
                for src, s, tgt, t in _pairs(sources, targets):
                    if (s, t, code) in seen:
                        continue
                    seen.add((s, t, code))
                    out.append(PetrarchEvent(
                        sent.start_char, sent.end_char, tok.i, sent[hit.start:hit.end].text, code, src, tgt, s, t,
                        _rule(choice),
                    ))
        return out


def _normal(text: str) -> str:
    """A token as dictionaries write words: upper case, typographic apostrophes plain."""
    return text.upper().translate(_APOSTROPHES)


def words_of(span) -> list[str]:
    """The words of a span, as dictionaries write them."""
    return [_normal(t.text) for t in span]


def _pairs(sources: list[Group], targets: list[Group]):
    """Every (source group, source code, target group, target code) with different codes;
    with no targets, the sources alone (one-sided events)."""
    if not targets:
        for src in sources:
            for s in src.codes:
                yield src, s, None, None
        return
    for src in sources:
        for tgt in targets:
            for s in src.codes:
                for t in tgt.codes:
                    if s != t:
                        yield src, s, tgt, t


def _rule(choice: Choice) -> str:
    where = f"line {choice.pattern.line}" if choice.pattern else "verb"
    return f"petrarch:{choice.block.name}:{where}"


def _post_end(tok) -> int:
    """Document index where the verb's own phrase ends: its subtree, up to a conjoined clause."""
    end = tok.right_edge.i + 1
    for child in tok.rights:
        if child.dep_ in SKIP_AFTER and (child.dep_ == "cc" or child.pos_ in ("VERB", "AUX")):
            end = min(end, child.left_edge.i)
    return max(end, tok.i + 1)


def _subject(tok, actors: SentenceActors) -> tuple[list[Group], list[Group]]:
    """(sources, passive targets) from the parse: the subject, or the ``by`` agent of a
    passive (whose subject is then the target), climbing to a governing verb when the
    verb has no subject of its own ("Rebuked by X, Y ..." is X acting on Y)."""
    base = actors.sent.start
    own_agent = _agent(tok)
    t = tok
    for _ in range(6):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "csubj", "nsubjpass", "csubjpass")]
        # Of several subjects (a list the parser split), the first that names an actor.
        subj = sorted(subj, key=lambda c: not actors.role(c.i - base))
        if subj and subj[0].pos_ == "PRON" and not actors.role(subj[0].i - base) and t.head.i != t.i:
            t = t.head  # "X said it would ...": an unresolved pronoun stands for the reporting clause's subject
            continue
        if subj:
            passive = subj[0].dep_.endswith("pass")
            if own_agent is not None and (passive or t.i != tok.i):
                return actors.role(own_agent.i - base), actors.role(subj[0].i - base)
            if passive and t.i == tok.i:
                return [], actors.role(subj[0].i - base)
            return actors.role(subj[0].i - base), []
        if t.dep_ == "relcl":
            head = actors.role(t.head.i - base)
            return (actors.role(own_agent.i - base), head) if own_agent is not None else (head, [])
        if t.dep_ in SHARES_SUBJECT and t.head.i != t.i:
            t = t.head
            continue
        break
    return (actors.role(own_agent.i - base), []) if own_agent is not None else ([], [])


def _agent(tok):
    """The object of a verb's ``by`` agent phrase, if any."""
    for c in tok.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _first_after(tok, actors: SentenceActors, post_end: int, exclude: frozenset[int]) -> list[Group]:
    """The first actor group (and those coordinated with it) after the verb, within its phrase."""
    after = tok.i - actors.sent.start
    for g in actors.spans():
        if g.start > after and g.head < post_end and g.head not in exclude:
            return actors.role(g.head, exclude)
    return []


def _dyads(choice: Choice, hit: VerbHit, tok, actors: SentenceActors, post_end: int, single: bool = False):
    """(sources, targets, code) triples for one coded verb; with ``single``, a source
    without a target still codes (targets empty)."""
    caught: dict[str, list[Group]] = {}
    for kind, head in choice.captures:
        caught.setdefault(kind, []).extend(actors.role(head))
    code = choice.code
    if COMPOUND in caught:
        members = list(dict.fromkeys(caught[COMPOUND]))
        if len(members) > 1 or len(members[0].codes) > 1:
            for a in members:
                for b in members:
                    if (a is not b or len(a.codes) > 1) and code.primary:
                        yield [a], [b], code.primary
            return
    sources = caught.get(SOURCE)
    targets = caught.get(TARGET)
    if sources is None or targets is None:
        subj, passive_target = _subject(tok, actors)
        if sources is None:
            sources = subj
            if targets is not None and set(sources) & set(targets) and tok.head.i != tok.i:
                # The pattern names the verb's own subject as the target ("noted + *"):
                # the source is the subject of the clause above.
                sources = _subject(tok.head, actors)[0]
        if targets is None:
            taken = frozenset(g.head for g in sources)
            targets = passive_target or _first_after(tok, actors, post_end, taken)
        if COMPOUND in caught:  # a one-member compound fills the role on its side of the verb
            side = caught[COMPOUND]
            if side and side[0].start < hit.start:
                sources = side
            else:
                targets = side
    if not sources or not (targets or single):
        return
    if code.primary:
        yield sources, targets, code.primary
    if code.reverse:
        yield targets, sources, code.reverse
