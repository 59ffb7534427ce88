"""Verb lookup and pattern matching over one sentence's words.

Patterns are matched on the sentence's words as TABARI and PETRARCH do:
the words before ``*`` are matched backwards from the verb (to the start of
the sentence), the words after it forwards to the end of the verb's phrase.
Words joined by ``_`` must be adjacent; words separated by a space may have
others between them. ``$``, ``+`` and ``%`` match an actor group (and
capture it), ``^`` skips one word or one actor group. Failed states are
memoised, so matching stays polynomial whatever the pattern.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .actors import Group
from .model import COMPOUND, SKIP, SOURCE, SYNSET, TARGET, WORD, Code, Pattern, Term, Verb, VerbBlock, VerbDictionary

Capture = tuple[tuple[str, int], ...]  # (kind, group head)
# How many words a pattern may reach on each side of its verb: far beyond any real
# clause, and a bound on the matching work in run-on "sentences" (tables, lists).
MAX_REACH = 120


@dataclass(frozen=True, slots=True)
class VerbHit:
    """A dictionary verb found at ``start:end`` (the head word at ``index``)."""

    index: int
    start: int
    end: int
    candidates: tuple[tuple[VerbBlock, Verb], ...]


@dataclass(frozen=True, slots=True)
class Choice:
    code: Code | None
    pattern: Pattern | None
    block: VerbBlock
    captures: Capture


class VerbIndex:
    """Verb forms and heads -> (block, verb), for surface and lemma lookups."""

    def __init__(self, verbs: VerbDictionary) -> None:
        self.forms: dict[str, list[tuple[VerbBlock, Verb]]] = {}
        for block in verbs.blocks:
            for verb in block.verbs:
                for form in verb.forms:
                    self.forms.setdefault(form, []).append((block, verb))
        self.synsets = verbs.synsets
        self.reversed_synsets = {k: tuple(tuple(reversed(p)) for p in v) for k, v in verbs.synsets.items()}

    def lookup(self, words: Sequence[str], lemmas: Sequence[str], i: int) -> VerbHit | None:
        """The verbs that word ``i`` can be: fixed words around it must be present;
        longer verbs ("cordon off") win, then surface forms ("said") over lemmas."""
        found: list[tuple[int, int, int, int, VerbBlock, Verb]] = []
        for rank, key in ((0, words[i]), (1, lemmas[i])):
            for block, verb in self.forms.get(key, ()):
                start, end = i - len(verb.before), i + 1 + len(verb.after)
                if start < 0 or end > len(words):
                    continue
                if tuple(words[start:i]) != verb.before or tuple(words[i + 1:end]) != verb.after:
                    continue
                found.append((-(end - start), rank, start, end, block, verb))
        if not found:
            return None
        best = min(f[:2] for f in found)
        chosen = [f for f in found if f[:2] == best]
        seen: dict[tuple[int, int], tuple[VerbBlock, Verb]] = {}
        for f in chosen:
            seen.setdefault((id(f[4]), id(f[5])), (f[4], f[5]))
        return VerbHit(i, chosen[0][2], chosen[0][3], tuple(seen.values()))


class View:
    """A sentence's words in one direction, with the actor groups by start position."""

    def __init__(self, words: Sequence[str], groups: Sequence[Group], chunks: dict[int, int], reverse: bool) -> None:
        n = len(words)
        self.words = list(reversed(words)) if reverse else list(words)
        self.reverse = reverse
        self.at: dict[int, list[tuple[int, int]]] = {}
        for g in groups:
            s, e = (n - g.end, n - g.start) if reverse else (g.start, g.end)
            self.at.setdefault(s, []).append((e, g.head))
        self.chunks = {(n - e if reverse else s): (n - s if reverse else e) for s, e in chunks.items()}

    def pos(self, i: int) -> int:
        """Sentence index ``i`` (a boundary) in this view's coordinates."""
        return len(self.words) - i if self.reverse else i


def _alternatives(term: Term, view: View, s: int, limit: int, synsets) -> list[tuple[int, Capture]]:
    if term.kind == WORD:
        w = tuple(reversed(term.words)) if view.reverse else term.words
        return [(s + len(w), ())] if s + len(w) <= limit and tuple(view.words[s:s + len(w)]) == w else []
    if term.kind == SYNSET:
        alts = sorted(synsets.get(term.name, ()), key=len, reverse=True)
        return [(s + len(p), ()) for p in alts if s + len(p) <= limit and tuple(view.words[s:s + len(p)]) == p]
    if term.kind in (SOURCE, TARGET, COMPOUND):
        return [(e, ((term.kind, head),)) for e, head in view.at.get(s, ()) if e <= limit]
    if term.kind == SKIP:
        ends = {s + 1} | {e for e, _ in view.at.get(s, ())} | ({view.chunks[s]} if s in view.chunks else set())
        return [(e, ()) for e in sorted(ends, reverse=True) if e <= limit]
    return []


def match_terms(terms: Sequence[Term], glue: Sequence[bool], view: View, start: int, limit: int, synsets) -> Capture | None:
    """Match ``terms`` from ``start`` (forward in ``view``) before ``limit``; the captures, or None."""
    failed: set[tuple[int, int]] = set()

    def go(k: int, pos: int) -> Capture | None:
        if k == len(terms):
            return ()
        if (k, pos) in failed:
            return None
        for s in ([pos] if glue[k] else range(pos, limit)):
            for end, cap in _alternatives(terms[k], view, s, limit, synsets):
                rest = go(k + 1, end)
                if rest is not None:
                    return cap + rest
        failed.add((k, pos))
        return None

    return go(0, start)


def match_pattern(p: Pattern, hit: VerbHit, fwd: View, back: View, post_end: int, index: VerbIndex) -> Capture | None:
    """Match one pattern around a verb; the captured roles, or None."""
    caps: Capture = ()
    if p.after:
        glue = [t.glued for t in p.after]
        limit = min(max(post_end, hit.end), hit.end + MAX_REACH)
        got = match_terms(p.after, glue, fwd, hit.end, limit, index.synsets)
        if got is None:
            return None
        caps += got
    if p.before:
        terms = list(reversed(p.before))
        glue = [p.verb_glued_before] + [p.before[len(p.before) - k].glued for k in range(1, len(terms))]
        start = back.pos(hit.start)
        got = match_terms(terms, glue, back, start, min(len(back.words), start + MAX_REACH), index.reversed_synsets)
        if got is None:
            return None
        caps += got
    return caps


def choose(hit: VerbHit, fwd: View, back: View, post_end: int, index: VerbIndex, need_pattern: bool) -> Choice | None:
    """The most specific matching pattern of the verb's blocks (file order breaks ties),
    else the verb's own code; None when nothing applies."""
    best: tuple[int, Choice] | None = None
    for block, _verb in hit.candidates:
        for p in block.patterns:
            if need_pattern and not p.weight:
                continue
            if best is not None and p.weight <= best[0]:
                continue
            caps = match_pattern(p, hit, fwd, back, post_end, index)
            if caps is not None:
                best = (p.weight, Choice(p.code, p, block, caps))
    if best is not None:
        return best[1]
    if need_pattern:
        return None
    for block, verb in hit.candidates:
        if verb.code is not None:
            return Choice(verb.code, None, block, ())
    return None
