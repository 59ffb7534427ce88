"""How far any pre-filter could go: the words left under filters that know more.

The pre-filter (:mod:`flashpoint.nlp.prefilter`) decides from words before the
parse. To know whether a stricter raw-text rule could reach a throughput target,
this measures, on one corpus and from its parse, the share of words in the
sentences that filters knowing more and more would have to keep:

``candidate``  a word the tagger reads as a trigger verb or noun (the
               extractor made a candidate there) whose needed words the
               sentence holds, as the filter checks them: the filter's own
               rule with every part of speech guessed right;
``pattern``    a candidate whose pattern's conditions the parse meets (object,
               preposition, particle, governor, complement), or a sentence the
               statistical back-off codes, or one an event came from: a filter
               that knew the parse exactly but not who the actors are;
``event``      the sentences events came from: a filter that knew the answer.

Each level sets a ceiling on the throughput of the coder with a filter of that
kind: bare spaCy's CPU time over (the filter's own time + the coder's CPU time
per word x the words left). A raw-text rule can only do worse than ``pattern``
unless it predicts actor resolution, which needs the parse and the entities.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

LEVELS = ("candidate", "pattern", "event")


@dataclass(frozen=True)
class Bound:
    """Words in the sentences each level keeps, as shares of all words."""

    words: int
    kept: dict[str, float]

    def ceiling(self, level: str, spacy_s: float, coder_s: float, filter_s: float) -> float:
        """The best ratio to bare spaCy a filter of ``level`` could reach at this coder's cost per word."""
        cost = filter_s + coder_s * self.kept[level]
        return spacy_s / cost if cost > 0 else 0.0


def sentence_bound(texts: Iterable[tuple[str, list[int]]], res: Any) -> Bound:
    """The :class:`Bound` of ``(text, event start offsets)`` pairs, from their parse."""
    from ..coding.coder import triggers
    from ..nlp.docmemo import document_memo
    from ..nlp.extract import extract_candidates
    from ..nlp.prefilter import triggers_for, words
    from ..nlp.quotes import find_quotes
    from ..nlp.reparse import reparse

    trig, needs = triggers(res.patterns), triggers_for(res)
    sectors = _all_sectors(res.patterns)
    backoff = getattr(res, "backoff", None)
    pairs = list(texts)
    total = 0
    kept = dict.fromkeys(LEVELS, 0)
    for doc, (text, starts) in zip(res.nlp.pipe(t for t, _ in pairs), pairs):
        with document_memo(doc):
            cands = extract_candidates(doc, trig.verbs, trig.nouns, res.patterns.reporting, find_quotes(text),
                                       reparse(res.nlp, doc, trig.verbs))
        at = {"candidate": {c.trigger_start for c in cands
                            if needs.hot_lemma(c.lemma, words(_sentence_of(text, c.trigger_start)))},
              "pattern": {c.trigger_start for c in cands if _matches(c, res.patterns, trig.statements, sectors)},
              "event": set(starts)}
        for sent in doc.sents:
            a, b = sent.start_char, sent.end_char
            n = len(text[a:b].split())
            total += n
            inside = {level: any(a <= s < b for s in offsets) for level, offsets in at.items()}
            coded_raw = backoff is not None and backoff.predict(text[a:b]) is not None
            kept["candidate"] += n * (inside["candidate"] or inside["event"])
            kept["pattern"] += n * (inside["pattern"] or inside["event"] or coded_raw)
            kept["event"] += n * inside["event"]
    return Bound(total, {k: v / (total or 1) for k, v in kept.items()})


def _sentence_of(text: str, offset: int) -> str:
    """The line around ``offset``: the filter looks for a trigger's needs on its line."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:] if end < 0 else text[start:end]


def _all_sectors(patterns: Any) -> tuple[str, ...]:
    return tuple(sorted({s for table in (patterns.verbs, patterns.nouns) for ps in table.values()
                         for p in ps for s in p.source_sector}))


def _matches(c: Any, patterns: Any, statements: Any, sectors: tuple[str, ...]) -> bool:
    # Every source sector is offered (the subject's is known only once actors are
    # resolved), so a pattern that needs one counts as met: this errs towards keeping.
    args = (c.kind, c.lemma, c.obj_lemmas, c.prep_lemmas, c.pobj_lemmas, c.xcomp, c.particle, c.governor,
            c.comp_lemmas, c.ccomp_aux, sectors)
    return patterns.match(*args) is not None or statements.match(*args) is not None
