"""A cheap pre-filter: parse only the sentences that can yield an event.

Most sentences of general news hold no political event, and the parse is
most of the cost of coding. Every coded event comes from a candidate whose
trigger lemma is one of the pattern dictionary's verbs or event nouns (or a
verb of public statement, which needs nothing more), and from a pattern of
that lemma whose conditions the sentence meets: its
objects, prepositions, particle, governing verb, infinitive complement or
auxiliary. Each condition is a set of lemmas of which one must occur in
the sentence. So a sentence with no word that *can* be such a trigger, or
whose triggers lack a word each of their patterns needs, cannot yield an
event and need not be parsed.

"Can be" is decided without the model. The words spaCy's rule lemmatizer
maps to a lemma are found by running it backwards over its own tables,
for every part of speech: the lemma itself, every irregular form whose
exception entry names it ("shot" -> "shoot"), every string a suffix rule
turns into it ("attacks", "seized", "bombings"), and the attribute
ruler's fixed lemmas. That is a superset of the words that can carry the
lemma whatever the tagger decides, so the test errs only towards parsing.

The text is cut into sentence-like units (lines, then full stops after a
lower-case word). A unit with a trigger whose needs are met within one
unit on each side on the same line (a sentence never crosses a line break)
is kept, and so is a unit the statistical back-off would code (it reads raw
text), with the unit before it when it refers back (a pronoun). Lines with
no kept unit are masked (see :func:`hot_pieces`), except the first two
(headline, dateline). What can change is what the coder sees around a
kept sentence: the article's countries, places and the story's subject
come from the kept lines only. So the filter is off by default
(``Settings.prefilter``, ``--prefilter``), and ``flashpoint bench --prefilter`` scores every gold set with and without it.

How far any filter that decides before the parse could go is measured beside
it (``bench/filter_bound.py``): on general news even one that knew the parse
leaves about 72% of the words, since what separates the sentences with events
is who the actors are (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A sentence ends at . ! or ? after a lower-case word of two letters or more
# (not "Mr." or "U.S."), before an upper-case letter, a digit or a quote.
_STOP = re.compile(r"(?<=[a-z]{2}[.!?])[\"'”’)\]]?\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_FILLER = "x"  # one token the tagger, parser and entity recogniser make nothing of
_POS = ("noun", "verb", "adj", "adv", "propn")
_CONDITIONS = ("object", "prep", "pobj", "xcomp", "governor", "ccomp_aux")  # a pattern's source sector is no word

# Words that point back to an earlier sentence for who did it or to whom.
REFERRING = frozenset({
    "he", "she", "it", "they", "we", "him", "her", "them", "us", "his", "its", "their", "our",
    "former", "latter",
})

_TRIGGERS: dict[int, tuple[Any, Triggers]] = {}  # id(pattern set) -> (that pattern set, its triggers)


@dataclass(frozen=True)
class Triggers:
    """What a sentence needs to be worth parsing, as lower-case words.

    ``lemmas_of`` maps each word that can be a trigger to its trigger
    lemmas. A lemma in ``free`` has a pattern that asks for nothing more;
    any other lemma needs, for one of its patterns (one alternative of
    ``needs[lemma]``), a word of each of that pattern's sets nearby.
    """

    lemmas_of: dict[str, frozenset[str]]
    free: frozenset[str]
    needs: dict[str, tuple[tuple[frozenset[str], ...], ...]]

    def hot(self, words: set[str], around: set[str]) -> bool:
        """Whether ``words`` (one unit) hold a trigger whose needs ``around`` meets."""
        return any(self.hot_lemma(lemma, around) for word in words & self.lemmas_of.keys()
                   for lemma in self.lemmas_of[word])

    def hot_lemma(self, lemma: str, around: set[str]) -> bool:
        """Whether trigger ``lemma`` needs nothing more, or ``around`` holds what one of its patterns needs."""
        if lemma in self.free:
            return True
        return any(all(not need.isdisjoint(around) for need in alt) for alt in self.needs.get(lemma, ()))


def build_triggers(nlp: Any, patterns: Any) -> Triggers:
    """The :class:`Triggers` of a pattern set, with word forms from ``nlp``'s lemmatizer."""
    forms = Forms(nlp)
    lemmas_of: dict[str, set[str]] = {}
    free: set[str] = set()
    needs: dict[str, list[tuple[frozenset[str], ...]]] = {}
    from ..coding.coder import triggers as coder_triggers

    statements = coder_triggers(patterns).statements  # matched apart by the coder, triggers all the same
    for table in (patterns.verbs, patterns.nouns, statements.verbs, statements.nouns):
        for lemma, pats in table.items():
            for p in pats:
                alt = tuple(forms.of_all(words) for words in _needed(p))
                if alt:
                    needs.setdefault(lemma, []).append(alt)
                else:
                    free.add(lemma)
    for lemma in free | needs.keys():
        for word in forms.of(lemma):
            lemmas_of.setdefault(word, set()).add(lemma)
    return Triggers({w: frozenset(ls) for w, ls in lemmas_of.items()}, frozenset(free),
                    {k: tuple(v) for k, v in needs.items() if k not in free})


def _needed(p: Any) -> list[frozenset[str]]:
    """The word sets a pattern cannot match without."""
    out = [frozenset(getattr(p, name)) for name in _CONDITIONS]
    if p.particle:
        out.append(frozenset({p.particle}))
    return [words for words in out if words]


class Forms:
    """The lemmatizer run backwards: a lemma -> every word it can come from."""

    def __init__(self, nlp: Any) -> None:
        self.rules, exceptions = _lemmatizer_tables(nlp)
        self.inverse: dict[str, set[str]] = {}
        for table in exceptions:
            for form, targets in table.items():
                for target in targets:
                    self.inverse.setdefault(target.lower(), set()).add(form.lower())
        for form, target in _ruler_lemmas(nlp):
            self.inverse.setdefault(target, set()).add(form)
        self.cache: dict[str, frozenset[str]] = {}

    def of(self, lemma: str) -> frozenset[str]:
        """Hyphenated lemmas ("air-strike") are tokenised as their parts:
        their forms are the hyphenated words with the last part inflected."""
        lemma = lemma.lower()
        if lemma not in self.cache:
            head, _, last = lemma.rpartition("-")
            words = self._inflected(last)
            self.cache[lemma] = frozenset({f"{head}-{w}" for w in words} | {lemma}) if head else frozenset(words)
        return self.cache[lemma]

    def of_all(self, lemmas: Iterable[str]) -> frozenset[str]:
        out: set[str] = set()
        for lemma in lemmas:
            out |= self.of(lemma)
        return frozenset(out)

    def _inflected(self, lemma: str) -> set[str]:
        words = {lemma} | self.inverse.get(lemma, set())
        for old, new in self.rules:
            if lemma.endswith(new):
                stem = lemma[: len(lemma) - len(new)] if new else lemma
                if stem:
                    words.add(stem + old)
        return words


def _lemmatizer_tables(nlp: Any) -> tuple[list[tuple[str, str]], list[dict]]:
    if "lemmatizer" not in nlp.pipe_names:
        return [], []
    lookups = nlp.get_pipe("lemmatizer").lookups
    rules: list[tuple[str, str]] = []
    exceptions: list[dict] = []
    if lookups.has_table("lemma_rules"):
        table = lookups.get_table("lemma_rules")
        rules = sorted({(old, new) for pos in _POS for old, new in (table.get(pos) or ())})
    if lookups.has_table("lemma_exc"):
        table = lookups.get_table("lemma_exc")
        exceptions = [table[pos] for pos in _POS if table.get(pos)]
    return rules, exceptions


def _ruler_lemmas(nlp: Any) -> Iterator[tuple[str, str]]:
    if "attribute_ruler" not in nlp.pipe_names:
        return
    for pattern in nlp.get_pipe("attribute_ruler").patterns:
        lemma = pattern.get("attrs", {}).get("LEMMA")
        for tokens in pattern.get("patterns", []) if lemma else ():
            for token in tokens:
                for key in ("LOWER", "ORTH", "TEXT"):
                    if isinstance(token.get(key), str):
                        yield token[key].lower(), lemma.lower()


def triggers_for(res: Any) -> Triggers:
    """The triggers of loaded resources (built once per pattern set)."""
    entry = _TRIGGERS.get(id(res.patterns))
    if entry is None or entry[0] is not res.patterns:
        entry = _TRIGGERS[id(res.patterns)] = (res.patterns, build_triggers(res.nlp, res.patterns))
    return entry[1]


def units(text: str) -> list[tuple[int, int]]:
    """Sentence-like spans covering ``text``: lines, cut again at clear full stops."""
    return [(a, b) for a, b, _ in lined_units(text)]


def lined_units(text: str) -> list[tuple[int, int, int]]:
    """:func:`units` with the number of the line each one is on: a sentence never
    crosses a line break (the pipeline's ``fp_newlines`` makes every one a sentence
    start), so the words a trigger needs are on its own line."""
    out: list[tuple[int, int, int]] = []
    start = 0
    for n, line in enumerate(text.splitlines(keepends=True)):
        cut = start
        for match in _STOP.finditer(line):
            out.append((cut, start + match.end(), n))
            cut = start + match.end()
        out.append((cut, start + len(line), n))
        start += len(line)
    return [(a, b, n) for a, b, n in out if b > a]


def words(text: str) -> set[str]:
    """Lower-case words of ``text``; hyphenated words also as their parts."""
    out: set[str] = set()
    for match in _WORD.finditer(text.lower()):
        word = match.group().replace("’", "'")
        out.add(word)
        if "-" in word or "'" in word:
            out.update(re.split(r"[-']", word))
    return out


def hot_spans(text: str, triggers: Triggers, context: int = 1, backoff: Any = None) -> list[tuple[int, int]]:
    """Spans of ``text`` to parse: units with a trigger whose needs are met
    within ``context`` units of the same line; a kept unit that refers back (a
    pronoun, "the latter") keeps the ``context`` units before it too.

    With ``backoff`` (the statistical back-off, which codes sentences the rules
    leave uncoded from their words alone), a unit it would code is kept too: it
    reads raw text, so it can decide before the parse. A line of several units
    is also read whole, in case the parser does not cut it where the units do.
    """
    spans = lined_units(text)
    bags = [words(text[a:b]) for a, b, _ in spans]
    keep = [False] * len(spans)
    lines: dict[int, bool] = {}  # line -> whether the back-off codes it read whole
    for i, bag in enumerate(bags):
        if not bag:
            continue
        line = spans[i][2]
        near = [bags[j] for j in range(max(0, i - context), min(len(spans), i + context + 1)) if spans[j][2] == line]
        if triggers.hot(bag, set().union(*near)) or _backoff_fires(backoff, text, spans, i, lines):
            first = max(0, i - context) if not bag.isdisjoint(REFERRING) else i
            keep[first:i + 1] = [True] * (i + 1 - first)
    out: list[tuple[int, int]] = []
    for (a, b, _), kept in zip(spans, keep):
        if kept and out and out[-1][1] == a:
            out[-1] = (out[-1][0], b)
        elif kept:
            out.append((a, b))
    return out


def _backoff_fires(backoff: Any, text: str, spans: list[tuple[int, int, int]], i: int, lines: dict[int, bool]) -> bool:
    if backoff is None:
        return False
    a, b, line = spans[i]
    if backoff.predict(text[a:b]) is not None:
        return True
    if line not in lines:
        same = [(x, y) for x, y, n in spans if n == line]
        lines[line] = len(same) > 1 and backoff.predict(text[same[0][0]:same[-1][1]]) is not None
    return lines[line]


def hot_pieces(chunks: list[tuple[int, str]], res: Any, context: int = 1, lead: int = 2) -> list[tuple[int, str]]:
    """The pipeline hook: ``(offset, text)`` chunks -> the same chunks with each
    line that holds nothing worth parsing masked out.

    A masked line keeps its length and line break, and its text becomes one
    filler token (``xxxx``): offsets hold, the article stays one document
    (the coder still sees the kept sentences together: countries, places,
    the story's subject), the line break before it still ends the sentence
    before it exactly where it ended, and the parser pays one token for the
    line. The first ``lead`` lines of an article (headline, dateline) are
    always kept; a chunk with nothing worth parsing is dropped.
    """
    triggers = triggers_for(res)
    backoff = getattr(res, "backoff", None)
    out: list[tuple[int, str]] = []
    for offset, chunk in chunks:
        spans = hot_spans(chunk, triggers, context, backoff)
        if spans:
            out.append((offset, _mask_lines(chunk, spans, lead if offset == 0 else 0)))
    return out


def _mask_lines(text: str, spans: list[tuple[int, int]], lead: int) -> str:
    parts: list[str] = []
    at = 0
    k = 0
    for n, line in enumerate(text.splitlines(keepends=True)):
        end = at + len(line)
        while k < len(spans) and spans[k][1] <= at:
            k += 1
        kept = n < lead or (k < len(spans) and spans[k][0] < end)
        body = line.rstrip("\r\n")
        parts.append(line if kept or not body.strip() else _FILLER * len(body) + line[len(body):])
        at = end
    return "".join(parts)
