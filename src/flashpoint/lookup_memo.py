"""The knowledge base and the gazetteer, with one document's lookups remembered.

Coding one document asks the same questions many times (a subject resolved as
a speaker, as a source, for its country, as the other side's country; a place
name for the event, the clause and the article). The lookups are pure
functions of their arguments, so the answers are kept for the document and
dropped with it: ``pipeline.code_doc`` makes one memo per document (see
nlp/docmemo.py), so a corpus that repeats a text gains nothing from it.

A knowledge base that says which of its answers no context country can change
(``context_free``, see actors/resolve.py) answers a phrase asked again with a
context country from the answer it gave without one: the coder resolves most
names twice, once bare (for a generic actor's sector) and once in context.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from weakref import WeakKeyDictionary


_UNASKED = object()
_ANY_DAY = object()  # in a shared ``resolve`` key: the answer holds for every date (``date_free``)
UNSETTLED = object()  # LookupMemo.settled: the answer may still depend on the context


# Answers shared by every document of the process, per target: only for a target that says its
# answers never change once it is loaded (``fixed_answers``: the knowledge base, which nothing
# edits after its constructor). Names recur from one news story to the next ("Russia", "the
# United Nations", "the Israeli military"); the first resolution of a phrase was most of the
# knowledge base's time (docs/PERFORMANCE.md, "The coder"). Bounded: emptied when full. The
# gazetteer's too, per version of its table (places recur as names do: "Kyiv", "Gaza").
_SHARED: WeakKeyDictionary = WeakKeyDictionary()
SHARED_LIMIT = 50_000


def shared_answers(target: Any) -> dict[tuple, Any] | None:
    """The answers of ``target`` kept for the whole process, or None when it keeps none.
    A target that can still be edited says so by its ``answers_version`` (the gazetteer's
    ``add`` and ``forget``): its answers are kept for one version and dropped with it."""
    if not getattr(target, "fixed_answers", False):
        return None
    version = getattr(target, "answers_version", None)
    found = _SHARED.get(target)
    if found is None or found[0] != version:
        found = _SHARED[target] = (version, {})
    return found[1]


class LookupMemo:
    """``target`` (a :class:`~flashpoint.actors.KnowledgeBase` or a
    :class:`~flashpoint.geo.gazetteer.Gazetteer`) whose ``resolve`` and
    ``country_of`` answer each question once; the rest is the target's own.
    A target with ``fixed_answers`` answers each question once per process
    (:func:`shared_answers`), each document still keeping its own."""

    __slots__ = ("target", "_answers", "_context_free", "_pins", "_shared")

    def __init__(self, target: Any) -> None:
        self.target = target
        self._answers: dict[tuple, Any] = {}
        self._context_free = getattr(target, "context_free", None)
        self._pins: dict[str, Any] = {}
        self._shared = shared_answers(target)

    def _compute(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """The target's answer for ``key``: from the process's answers when it has them.
        A ``resolve`` answer the date cannot change (the target's ``date_free``) is kept
        under :data:`_ANY_DAY` in the date's place, for every document of every day."""
        shared = self._shared
        if shared is None:
            return compute()
        any_day = None
        if (key[0] == "resolve" and len(key) >= 3 and isinstance(key[1], str)
                and (key[2] is None or isinstance(key[2], date))):
            # a date string is left keyed by itself: a bad one must fail as it did
            any_day = ("resolve", key[1], _ANY_DAY, *key[3:])
            found = shared.get(any_day, _UNASKED)
            if found is not _UNASKED:
                return found
        found = shared.get(key, _UNASKED)
        if found is _UNASKED:
            found = compute()
            if len(shared) >= SHARED_LIMIT:
                shared.clear()
            if any_day is not None and self._date_free(key[1]):
                key = any_day
            shared[key] = found
        return found

    def _date_free(self, text: str) -> bool:
        """The target's ``date_free(text)``, kept with the process's answers (False when it has none)."""
        date_free = getattr(self.target, "date_free", None)
        if date_free is None:
            return False
        key = ("date_free", text)
        found = self._shared.get(key, _UNASKED)
        if found is _UNASKED:
            found = self._shared[key] = bool(date_free(text))
        return found

    def pin(self, key: str, answer: Any) -> None:
        """Make ``resolve(name, ...)`` answer ``answer`` for this document whatever the
        context, for every name whose ``name_key`` is ``key``: a town the document once
        qualified ("Moscow, Idaho") is that town wherever the document names it again
        (pipeline.py, geo/gazetteer.py ``qualified_towns``)."""
        self._pins[key] = answer

    def _ask(self, method: str, args: tuple) -> Any:
        key = (method, *args)
        try:
            found = self._answers.get(key, _UNASKED)
        except TypeError:
            # a list of context countries is read as it is now
            key = (method, *(tuple(a) if isinstance(a, list) else a for a in args))
            found = self._answers.get(key, _UNASKED)
        if found is _UNASKED:
            found = self._answers[key] = self._compute(key, lambda: getattr(self.target, method)(*args))
        return found

    def pinned(self, name: str) -> Any:
        """The answer :meth:`pin` fixed for ``name`` in this document, else None."""
        if not self._pins:
            return None
        from .geo.names import name_key

        return self._pins.get(name_key(name))

    def resolve(self, *args: Any) -> Any:
        if self._pins:
            from .geo.names import name_key

            pinned = self._pins.get(name_key(args[0]), _UNASKED) if args and isinstance(args[0], str) else _UNASKED
            if pinned is not _UNASKED:
                return pinned
        if len(args) == 3 and args[2] is not None and self._context_free is not None:
            # (text, when, context): the bare answer stands when no context can change it
            # (:meth:`settled`, inline: asked for most mentions)
            bare = self._answers.get(("resolve", args[0], args[1], None), _UNASKED)
            if bare is not _UNASKED and self._context_free(bare):
                return bare
        return self._ask("resolve", args)

    def settled(self, text: str, when: Any) -> Any:
        """What :meth:`resolve` answers for ``(text, when)`` in any context, when that
        is known already: the bare answer, given before and one no context can change;
        else :data:`UNSETTLED`. A caller can then skip working out a context."""
        if self._context_free is None:
            return UNSETTLED
        bare = self._answers.get(("resolve", text, when, None), _UNASKED)
        return bare if bare is not _UNASKED and self._context_free(bare) else UNSETTLED

    def country_of(self, *args: Any) -> Any:
        return self._ask("country_of", args)

    def described(self, text: str) -> Any:
        """The knowledge base's ``described``: asked for every mention the coder resolves."""
        key = ("described", text)
        found = self._answers.get(key, _UNASKED)
        if found is _UNASKED:
            found = self._answers[key] = self._compute(key, lambda: self.target.described(text))
        return found

    def first_name_of(self, text: str) -> Any:
        """The knowledge base's ``first_name_of`` (a pure function of the text): asked for
        most names the coder resolves, several times each."""
        key = ("first_name_of", text)
        found = self._answers.get(key, _UNASKED)
        if found is _UNASKED:
            found = self._answers[key] = self._compute(key, lambda: self.target.first_name_of(text))
        return found

    def given_name_of(self, text: str) -> Any:
        """The knowledge base's ``given_name_of`` (a pure function of the text), as above."""
        key = ("given_name_of", text)
        found = self._answers.get(key, _UNASKED)
        if found is _UNASKED:
            found = self._answers[key] = self._compute(key, lambda: self.target.given_name_of(text))
        return found

    def remember(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """``compute()``, once per ``key``, for a caller whose answer is a pure
        function of this document's lookups (coding/generic_country.py)."""
        key = ("derived", *key)
        found = self._answers.get(key, _UNASKED)
        if found is _UNASKED:
            found = self._answers[key] = compute()
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self.target, name)
