"""The knowledge base with what one document's phrases resolved to remembered.

Coding one document asks the knowledge base about the same phrases many times
(a subject checked as a speaker, as a source, for its country, as the other
side's country); resolution is a pure function of the phrase, the date and the
context country, so the answers are kept for the document and dropped with it
(``pipeline.code_doc`` makes one per document, see nlp/docmemo.py).
"""

from __future__ import annotations

from typing import Any


class ResolveMemo:
    """A :class:`~flashpoint.actors.KnowledgeBase` whose ``resolve`` and ``country_of``
    answer each question once; everything else is the knowledge base's own."""

    __slots__ = ("kb", "_resolved", "_countries")

    def __init__(self, kb: Any) -> None:
        self.kb = kb
        self._resolved: dict[tuple, Any] = {}
        self._countries: dict[str, str | None] = {}

    def resolve(self, text: str, when: Any = None, context_country: str | None = None) -> Any:
        key = (text, when, context_country)
        if key not in self._resolved:
            self._resolved[key] = self.kb.resolve(text, when, context_country)
        return self._resolved[key]

    def country_of(self, word: str) -> str | None:
        if word not in self._countries:
            self._countries[word] = self.kb.country_of(word)
        return self._countries[word]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.kb, name)
