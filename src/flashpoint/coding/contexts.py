"""Context tags: what an event is about (migration, military, sanctions, ...).

Tags are multi-label and come from word lexicons in ``data/contexts.yaml``.
Matching is a token lookup, no spaCy: the text is split once into lower-case
word tokens and each token is looked up in a table of cue heads, so a call
costs one pass over the text however many cues there are.

Assignment rule (documented in docs/ONTOLOGY.md):

* a tag is given when the **sentence** contains at least one of its cues;
* a tag found only in the surrounding **article** needs at least
  ``article_min_cues`` (3 in the packaged lexicon) *distinct* cues there,
  because background mentions elsewhere in a long story (an old election,
  a past crackdown) say little about this event.

>>> tagger = ContextTagger.load()
>>> tagger.tag("Warsaw accused Minsk of a hybrid attack using irregular migration.")
('military', 'migration')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ..yamlio import load_yaml, package_text

from ..errors import DataFileError

_TOKEN_RE = re.compile(r"\w+")
_CUE_RE = r"^[a-z0-9'&.-]+\*?( [a-z0-9'&.-]+\*?)*$"
_MIN_PREFIX = 3  # a shorter wildcard stem ("wa*") would match half the language

_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["version", "tags"],
    "additionalProperties": False,
    "properties": {
        "version": {"type": "integer"},
        "article_min_cues": {"type": "integer", "minimum": 1, "maximum": 20},
        "tags": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "description", "cues"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string", "pattern": "^[a-z][a-z_]*$"},
                    "description": {"type": "string", "minLength": 3},
                    "plover": {"type": "array", "items": {"type": "string"}},
                    "cues": {"type": "array", "minItems": 1,
                             "items": {"type": "string", "pattern": _CUE_RE, "maxLength": 80}},
                },
            },
        },
    },
}


@dataclass(frozen=True, slots=True)
class ContextTag:
    """One context tag and its lexicon."""

    name: str
    description: str
    cues: tuple[str, ...]
    plover: tuple[str, ...] = ()  # PLOVER context names this tag stands for


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    prefix: bool  # True: matches any token starting with ``text``

    def matches(self, token: str) -> bool:
        return token.startswith(self.text) if self.prefix else token == self.text


@dataclass(frozen=True, slots=True)
class _Cue:
    tag: int
    cue: str
    rest: tuple[_Piece, ...]


def _variants(cue: str) -> list[tuple[_Piece, ...]]:
    """Token sequences a cue matches: ``cyber-attack`` gives both the split
    and the joined form, since news text spells such words either way."""
    out: list[list[_Piece]] = [[]]
    for word in cue.split(" "):
        prefix = word.endswith("*")
        parts = _TOKEN_RE.findall(word.rstrip("*"))
        if not parts:
            raise ValueError(f"cue {cue!r} has a word with no letters or digits")
        forms = [[_Piece(p, False) for p in parts]]
        if len(parts) > 1 and "-" in word:
            forms.append([_Piece("".join(parts), False)])
        for form in forms:  # the wildcard applies to the last token of the word
            form[-1] = _Piece(form[-1].text, prefix)
            if prefix and len(form[-1].text) < _MIN_PREFIX:
                raise ValueError(f"cue {cue!r}: wildcard stems need at least {_MIN_PREFIX} letters")
        out = [seq + form for seq in out for form in forms]
    return [tuple(seq) for seq in out]


class ContextTagger:
    """Assign context tags to a sentence, with its article as weaker evidence."""

    def __init__(self, tags: Iterable[ContextTag], article_min_cues: int = 3) -> None:
        self.tags: tuple[ContextTag, ...] = tuple(tags)
        self.article_min_cues = article_min_cues
        self._exact: dict[str, list[_Cue]] = {}
        self._prefix: dict[str, list[_Cue]] = {}
        for t_index, tag in enumerate(self.tags):
            singles: list[tuple[str, _Piece]] = []
            seqs: list[tuple[str, tuple[_Piece, ...]]] = []
            for cue in tag.cues:
                try:
                    variants = _variants(cue)
                except ValueError as exc:
                    raise DataFileError(f"context {tag.name}: {exc}; fix data/contexts.yaml") from None
                for seq in variants:
                    (singles if len(seq) == 1 else seqs).append((cue, seq[0] if len(seq) == 1 else seq))
                    head, entry = seq[0], _Cue(t_index, cue, seq[1:])
                    (self._prefix if head.prefix else self._exact).setdefault(head.text, []).append(entry)
            _check_redundant(tag.name, singles, seqs)
        self._prefix_lengths = sorted({len(k) for k in self._prefix})
        # every wildcard stem has at least _MIN_PREFIX letters: a word whose first ones start none has none
        self._prefix_stems = frozenset(k[:_MIN_PREFIX] for k in self._prefix)
        self._names = tuple(t.name for t in self.tags)

    @classmethod
    def load(cls, path: Path | None = None) -> "ContextTagger":
        """Load and validate the lexicon (package data unless ``path`` is given).

        Raises:
            DataFileError: the file is unreadable, invalid YAML or fails its schema.
        """
        return _load_default() if path is None else cls._build(path)

    @classmethod
    def _build(cls, path: Path | None) -> "ContextTagger":
        where = str(path) if path else "flashpoint/coding/data/contexts.yaml"
        try:
            text = (Path(path).read_text(encoding="utf-8") if path else
                    package_text("flashpoint.coding", "data", "contexts.yaml"))
            doc = load_yaml(text)
        except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError) as exc:
            raise DataFileError(f"{where}: cannot read the context lexicon ({str(exc)[:200]}); fix or replace the file") from None
        try:
            jsonschema.validate(doc, _SCHEMA)
        except jsonschema.ValidationError as exc:
            at = "/".join(str(p) for p in exc.absolute_path) or "top level"
            raise DataFileError(f"{where}: {exc.message} (at {at}); fix the data file") from None
        names = [t["name"] for t in doc["tags"]]
        if len(set(names)) != len(names):
            raise DataFileError(f"{where}: context tag names must be unique")
        tags = [ContextTag(t["name"], t["description"], tuple(t["cues"]), tuple(t.get("plover", ())))
                for t in doc["tags"]]
        return cls(tags, doc.get("article_min_cues", 3))

    @property
    def names(self) -> tuple[str, ...]:
        return self._names

    def hits(self, text: str) -> dict[str, set[str]]:
        """Map each tag found in ``text`` to the set of distinct cues that fired."""
        found: dict[str, set[str]] = {}
        if not isinstance(text, str) or not text:
            return found
        tokens = _TOKEN_RE.findall(text.lower())
        exact, stems = self._exact, self._prefix_stems
        for i, token in enumerate(tokens):
            if token not in exact and token[:_MIN_PREFIX] not in stems:
                continue  # no cue starts with this word (most words): nothing to try
            for cue in self._candidates(token):
                if all(i + 1 + k < len(tokens) and p.matches(tokens[i + 1 + k]) for k, p in enumerate(cue.rest)):
                    tag = self.tags[cue.tag]
                    found.setdefault(tag.name, set()).add(cue.cue)
        return found

    def article_tags(self, article: str | None) -> frozenset[str]:
        """Tags the whole story carries: those with ``article_min_cues`` distinct cues."""
        if not article:
            return frozenset()
        return frozenset(name for name, cues in self.hits(article).items() if len(cues) >= self.article_min_cues)

    def tag(self, sentence: str, article: str | None = None, article_tags: frozenset[str] | None = None) -> tuple[str, ...]:
        """Context tags for an event sentence, in lexicon order.

        Args:
            sentence: the sentence that carries the event; one cue is enough.
            article: the whole story, optional; tags found only here need
                ``article_min_cues`` distinct cues.
            article_tags: :meth:`article_tags` of the story, computed once by a
                caller that tags many events of one story (instead of ``article``).
        """
        chosen = set(self.hits(sentence))
        chosen |= article_tags if article_tags is not None else self.article_tags(article)
        return tuple(name for name in self.names if name in chosen)

    def _candidates(self, token: str) -> Iterable[_Cue]:
        yield from self._exact.get(token, ())
        for n in self._prefix_lengths:
            if n > len(token):
                break
            yield from self._prefix.get(token[:n], ())


def _check_redundant(tag: str, singles: list[tuple[str, _Piece]], seqs: list[tuple[str, tuple[_Piece, ...]]]) -> None:
    """Refuse cues that another one-word cue of the same tag already covers:
    they would count twice towards the article threshold from one mention."""
    problems = []
    for cue, piece in singles:
        for other, o_piece in singles:
            if other != cue and o_piece.prefix and piece.text.startswith(o_piece.text):
                problems.append(f"{cue!r} is already covered by {other!r}")
        for other, seq in seqs:
            if other != cue and any(piece.matches(p.text) and (piece.prefix or not p.prefix) for p in seq):
                problems.append(f"{other!r} is already covered by {cue!r}")
    if problems:
        raise DataFileError(f"context {tag}: redundant cues ({'; '.join(sorted(set(problems)))}); drop one of each pair")


@functools.lru_cache(maxsize=1)
def _load_default() -> ContextTagger:
    return ContextTagger._build(None)
