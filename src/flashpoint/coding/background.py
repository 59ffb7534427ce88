"""Background clauses: what a participle or relative clause tells about a noun is not news.

An -ing adjunct that says what a coded act was for ("marched on the embassy,
*demanding* the troops' withdrawal") is no act of its own either, and neither is
what an "after", "following", "since" or "while" clause tells came before the act
and led to it ("suspended air links *after* a jet shot down a helicopter"), nor an
act dated a quarter or more before the story beside one of today (one rule for
both, :func:`without_prior`).

"Israel agreed to release prisoners in exchange for hostages *held by Hamas*" reports
a release; the holding is who the hostages are. PETRARCH codes the main clause only,
so an event read in a clause that describes a noun (``Candidate.described``, found in
``nlp/describing.py``) is dropped when its sentence has an act of its own. Which clauses
count, and the nouns whose clause tells the event itself ("a car bomb *that killed 12
people*"), are data: ``data/background.yaml``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..errors import DataFileError
from ..yamlio import load_package_yaml


@dataclass(frozen=True)
class BackgroundRule:
    """Which describing clauses are background."""

    deps: frozenset[str]
    keep_nouns: frozenset[str]
    purpose_roots: frozenset[str] = frozenset()
    content_nouns: frozenset[str] = frozenset()
    keep_codes: frozenset[str] = frozenset()
    keep_deps: frozenset[str] = frozenset()
    adjunct_acts: frozenset[str] = frozenset()
    prior_words: frozenset[str] = frozenset()
    recent_words: frozenset[str] = frozenset()
    force_codes: frozenset[str] = frozenset()
    security_sectors: frozenset[str] = frozenset()
    # kept code prefix -> codes of an act in the same sentence that makes it history ("undone_by"),
    # for the triggers of a state of holding ("held_lemmas")
    undone_by: tuple[tuple[str, frozenset[str]], ...] = ()
    held_lemmas: frozenset[str] = frozenset()

    @classmethod
    @functools.cache
    def load(cls) -> "BackgroundRule":
        return cls.parse(load_package_yaml("flashpoint.coding", "data", "background.yaml"), "background.yaml")

    @classmethod
    def parse(cls, data: Any, name: str = "background") -> "BackgroundRule":
        """Build the rule from the data file's mapping.

        Raises:
            DataFileError: ``deps`` or ``keep_nouns`` is missing or not a list of words.
        """
        if not isinstance(data, dict):
            raise DataFileError(f"{name}: expected a mapping with 'deps', 'keep_nouns', 'purpose_roots' and 'content_nouns'")
        keys = ("deps", "keep_nouns", "purpose_roots", "content_nouns", "keep_codes", "keep_deps", "adjunct_acts",
                "prior_words", "recent_words", "force_codes", "security_sectors")
        optional = {"keep_codes", "keep_deps", "adjunct_acts", "prior_words", "recent_words", "force_codes",
                    "security_sectors"}
        lists = []
        for key in keys:
            value = data.get(key, [] if key in optional else None)
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise DataFileError(f"{name}: '{key}' must be a list of words")
            lists.append(frozenset(v.strip().lower() for v in value))
        undone = data.get("undone_by", {})
        if not isinstance(undone, dict) or not all(isinstance(k, str) and isinstance(v, list) and all(isinstance(c, str) for c in v)
                                                    for k, v in undone.items()):
            raise DataFileError(f"{name}: 'undone_by' must map a code to a list of codes")
        held = data.get("held_lemmas", [])
        if not isinstance(held, list) or not all(isinstance(v, str) and v.strip() for v in held):
            raise DataFileError(f"{name}: 'held_lemmas' must be a list of words")
        return cls(*lists, undone_by=tuple((k, frozenset(v)) for k, v in undone.items()),
                   held_lemmas=frozenset(v.strip().lower() for v in held))

    def undone(self, code: str, lemma: str, sentence_codes: Sequence[str]) -> bool:
        """Whether a kept act is history by another act of its sentence: "freed ten Americans *held in
        its prisons*", "pardoned 350 prisoners, including critics *jailed for* insulting the ruler": the
        holding tells who was freed, it is no arrest of the day (an arrest told as such, "freed the
        activists *arrested* on Friday", still is one)."""
        return lemma in self.held_lemmas and any(
            code.startswith(k) and any(c.startswith(u) for c in sentence_codes for u in undoers)
            for k, undoers in self.undone_by)

    def keeps(self, code: str, described: Sequence[str]) -> bool:
        """Whether an event of ``code`` counts even in its describing clause: an arrest or a
        killing told in a clause after its noun happened all the same."""
        if not described or not any(code.startswith(k) for k in self.keep_codes):
            return False
        tag = described[2].lower() if len(described) > 2 else ""
        return described[0] in self.keep_deps or f"{described[0]}:{tag}" in self.keep_deps

    def prior_verbs(self, prior: Any) -> tuple[int, ...]:
        """The verbs (token indices, nearest first) whose act a candidate's time clause or phrase
        (``Candidate.prior_of``, a ``PriorClause`` or ()) tells the grounds of, else ()."""
        if not prior or prior.word not in self.prior_words:
            return ()
        return prior.verbs

    def recent(self, event: Any, cand: Any) -> bool:
        """Whether an act told in a time clause after its verb is news of its own, told with the act
        that answers it: a clause with its own subject and finite past verb opened by one of
        ``recent_words`` ("recalled its envoy *after* Greek coast guards *shot* a fisherman"), the
        act done (not dated a quarter or more before the story, not to come, not merely said). Not
        an -ing adjunct ("hours after reaching a deal": the doer's own step on the way), nor a
        present tense, which tells what is still to come ("to keep trading after Britain *leaves*")."""
        if not cand.prior_of or cand.prior_of.word not in self.recent_words or cand.kind != "verb":
            return False
        if event.statement or event.negated or event.modality not in ("asserted", "reported"):
            return False
        word = cand.trigger.split()[0].lower()
        if word.endswith("ing") or (word.endswith("s") and not cand.lemma.endswith("s")):
            return False
        return any(m.role == "subj" for m in cand.subjects)

    def doubles_force(self, event: Any, answers: Sequence[Any]) -> bool:
        """Whether a recent force act an "after" clause tells is answered by a security force's
        act ("police arrested five men *after* they attacked a constable", "troops opened fire
        *after* a mob stormed the post"): the force the sentence is about is the police's or the
        army's, and the clause's force is its grounds, not a second force event beside it
        (``force_codes``, ``security_sectors``)."""
        if not self.force_codes or not any(event.code.startswith(k) for k in self.force_codes):
            return False
        return any(a.source is not None and (a.source.sector or "").lower() in self.security_sectors for a in answers)

    def describes(self, described: Sequence[str]) -> bool:
        """Whether a candidate's ``described`` ((dependency, noun, tag) or ()) makes it background."""
        if not described or described[0] not in self.deps or described[1] in self.keep_nouns \
                or f"{described[1]}:{described[0]}" in self.keep_nouns:  # a noun kept in one kind of clause only
            return False
        return not (described[1] in self.content_nouns and described[2:] == ("VBG",))


def without_background(events: list, cands: Sequence, rule: BackgroundRule) -> list:
    """Drop the events read in background clauses from sentences that have an act of
    their own, and verbal -ing adjuncts of a coded act (its purpose).

    Args:
        events: the coder's events (``CodedEvent``: ``cand_index``, ``code``, ``statement``,
            ``negated``, ``modality``).
        cands: the document's candidates, indexed by ``cand_index``.
        rule: which clauses are background.
    """
    indices = {e.cand_index for e in events}
    # (an arrest told as who someone is still happened, unless it is history: "freed 30
    # protesters *who were detained in August*")
    by_sentence: dict[int, list[str]] = {}
    for e in events:
        by_sentence.setdefault(cands[e.cand_index].sent_index, []).append(e.code)
    kept = {e.cand_index for e in events
            if e.modality != "historical" and rule.keeps(e.code, cands[e.cand_index].described)
            and not rule.undone(e.code, cands[e.cand_index].lemma, by_sentence[cands[e.cand_index].sent_index])}
    background = {i for i in indices - kept if rule.describes(cands[i].described)}
    purpose = {i for i in indices if isinstance(cands[i].adjunct_of, int)}
    if not background and not purpose:
        return events
    # the sentence's own acts: what is counted (not denied, not merely possible) and not just said
    own = [e for e in events if e.cand_index not in background and not e.statement
           and not e.negated and e.modality != "hypothetical"]
    acting = {cands[e.cand_index].sent_index for e in own}
    acts = {cands[e.cand_index].token_i for e in own if e.cand_index not in purpose}
    return [e for e in events
            if not (e.cand_index in background and cands[e.cand_index].sent_index in acting)
            and not (e.cand_index in purpose and e.code[:2] in rule.purpose_roots
                     and not any(e.code.startswith(k) for k in rule.adjunct_acts)
                     and cands[e.cand_index].adjunct_of in acts)]


def without_prior(events: list, cands: Sequence, rule: BackgroundRule) -> list:
    """Drop the acts told as what came before the news, from sentences whose own act stands:
    what an "after", "following", "since" or "while" clause or phrase after the verb tells
    ("suspended air links *after* a jet *shot down* a helicopter", ``Candidate.prior_of``; the
    words are ``prior_words`` in ``data/background.yaml``) and what is history by its
    date, a quarter or more before the story ("rejected the demand, *which students have marched
    for since March*"). An "after" act goes only when the verb its clause hangs on, or one above
    it, tells a standing act (itself, or by the noun it governs); a dated act goes beside any
    standing act of its sentence. Run last, on the events that stand, so a sentence never loses its only act.

    A recent act an "after" clause tells (``BackgroundRule.recent``: "recalled its envoy after Greek
    coast guards *shot* a fisherman", "is sending gendarmes after protesters *set fire* to a police
    station") stays, as CAMEO codes both, ranked below the act it explains (its confidence at most
    ``RECENT_SHARE`` of that act's), which remains the sentence's most confident event; but not a
    force act answered by a police or army act (``BackgroundRule.doubles_force``: "police arrested
    five men after they attacked a constable" is the arrest, not a second force event)."""
    prior = {e.cand_index: rule.prior_verbs(cands[e.cand_index].prior_of) for e in events}
    prior = {i: verbs for i, verbs in prior.items() if verbs}
    after = set(prior)
    history = {e.cand_index for e in events if e.modality == "historical"}
    if not after and not history:
        return events
    own = [e for e in events if e.cand_index not in after | history and not e.statement and not e.negated
           and e.modality != "hypothetical"]
    acting = {cands[e.cand_index].sent_index for e in own}
    # an "after" clause explains the act of the verb it hangs on, or of a verb above that one, when
    # one of them tells a standing act ("resigned after his supporters attacked protesters": no act
    # is coded for "resigned", the attack is the news); a noun's act counts for the verb it hangs
    # on ("announced a suspension ... after")
    at = {c.token_i: c for c in cands}
    explained = {cands[e.cand_index].token_i for e in own}
    nouns = {(cands[e.cand_index].sent_index, cands[e.cand_index].governor) for e in own if cands[e.cand_index].kind == "noun"}
    explained |= {i for verbs in prior.values() for i in verbs if i in at and (at[i].sent_index, at[i].lemma) in nouns}
    out = []
    for e in events:
        if e.cand_index in history and cands[e.cand_index].sent_index in acting:
            continue
        if e.cand_index in after and explained.intersection(prior[e.cand_index]):
            if not rule.recent(e, cands[e.cand_index]):
                continue
            answering = [r for r in own if cands[r.cand_index].token_i in prior[e.cand_index]]
            if rule.doubles_force(e, answering):
                continue
            answers = [r.confidence for r in answering]
            if answers:
                e = replace(e, confidence=round(min(e.confidence, RECENT_SHARE * min(answers)), 3))
        out.append(e)
    return out


# An act an "after" clause tells ranks below the act it explains: at most this share of its confidence.
RECENT_SHARE = 0.95
