"""Frozen records for a PETRARCH/TABARI dictionary set.

The parsers in :mod:`.parse` build these; the matcher only reads them.
Words are upper-case pieces split the way spaCy splits English text
(hyphens and the contraction "n't" are pieces of their own), so a phrase
is matched token by token against a parsed sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

Phrase = tuple[str, ...]

# Pattern element kinds.
WORD, SYNSET, SOURCE, TARGET, SKIP, COMPOUND, VERB = "word", "synset", "source", "target", "skip", "compound", "verb"


@dataclass(frozen=True, slots=True)
class Code:
    """An event code; ``reverse`` is the code of the target's reciprocal event (``[032:033]``);
    ``primary`` is None for ``[:033]`` (only the target's event)."""

    primary: str | None
    reverse: str | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """One element of a verb pattern.

    ``glued`` means the element must sit right next to the element before it
    in sentence order (``_`` in the dictionary); otherwise words may come between.
    """

    kind: str
    words: Phrase = ()  # WORD: the phrase; SYNSET: empty (see ``name``)
    name: str = ""  # SYNSET: the synset's name without '&'
    glued: bool = False


@dataclass(frozen=True, slots=True)
class Pattern:
    """``- before * after [code]``: words around the verb that select a code."""

    before: tuple[Term, ...]  # in sentence order, nearest the verb last
    after: tuple[Term, ...]  # in sentence order, nearest the verb first
    verb_glued_before: bool  # the element right before '*' is glued to it
    code: Code | None  # None: '[---]', the pattern matches but codes nothing
    line: int
    text: str

    @property
    def weight(self) -> int:
        """Specificity: the number of elements besides the verb (longer patterns win)."""
        return len(self.before) + len(self.after)


@dataclass(frozen=True, slots=True)
class Verb:
    """One verb of a block: its head word, explicit forms, and fixed words around it
    (``WIRE_+TAP`` is head TAP after WIRE; ``CORDON_OFF`` is head CORDON before OFF)."""

    head: str
    forms: frozenset[str]
    before: Phrase
    after: Phrase
    code: Code | None
    has_code: bool  # the verb line carries its own code
    line: int


@dataclass(frozen=True, slots=True)
class VerbBlock:
    """``--- NAME [code] ---``: verbs sharing a default code and a list of patterns."""

    name: str
    code: Code | None
    verbs: tuple[Verb, ...]
    patterns: tuple[Pattern, ...]
    line: int


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    blocks: tuple[VerbBlock, ...]
    synsets: dict[str, tuple[Phrase, ...]]  # name -> alternatives, nested synsets expanded

    def __hash__(self) -> int:  # dict fields: identity is enough for a loaded dictionary
        return id(self)


@dataclass(frozen=True, slots=True)
class DatedCode:
    """An actor code valid from ``start`` to ``end`` (inclusive; None = open)."""

    code: str
    start: Date | None = None
    end: Date | None = None

    def holds(self, on: Date) -> bool:
        return (self.start is None or on >= self.start) and (self.end is None or on <= self.end)

    @property
    def restricted(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """An actor with its names and codes; several codes (``[FRO/BIL/SAM]``) mean several actors."""

    names: tuple[Phrase, ...]
    codes: tuple[DatedCode, ...]
    line: int

    def codes_on(self, on: Date | None) -> tuple[str, ...]:
        """The codes that hold on a date: the first restricted code whose period
        covers it, else the unrestricted ones; with no date, the unrestricted ones."""
        if on is not None:
            for dc in self.codes:
                if dc.restricted and dc.holds(on):
                    return tuple(dc.code.split("/"))
        plain = [dc for dc in self.codes if not dc.restricted]
        if plain:
            return tuple(c for dc in plain for c in dc.code.split("/"))
        if on is None and self.codes:
            return tuple(self.codes[0].code.split("/"))
        return ()


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A role word (``POLICE [~COP]``): ``prefix`` codes go before the actor's code (``[NGO~]``)."""

    names: tuple[Phrase, ...]
    code: str
    prefix: bool
    line: int


@dataclass(frozen=True, slots=True)
class Discard:
    """A phrase whose presence drops the sentence (or, with ``story``, the whole text)."""

    words: Phrase
    story: bool
    line: int


@dataclass(frozen=True)
class DictionarySet:
    """Everything read from one PETRARCH dictionary directory."""

    verbs: VerbDictionary
    actors: tuple[ActorEntry, ...]
    agents: tuple[AgentEntry, ...]
    discards: tuple[Discard, ...]
    files: tuple[str, ...]
    problems: tuple[str, ...] = ()  # lines skipped because they could not be read ("file: line N: why")

    def __hash__(self) -> int:
        return id(self)
