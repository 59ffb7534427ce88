"""The alias index: longest-first matching of aliases over a phrase's words.

Built once per knowledge base. ``first`` maps a phrase's first word to the
aliases starting with it, longest first, so matching a phrase costs one
dict lookup per word plus a tuple comparison per candidate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .entries import Alias, Entry
from .text import Tokens, alias_key


@dataclass(frozen=True, slots=True)
class Target:
    """One entry an alias names, with the alias as written."""

    entry: Entry
    alias: Alias


@dataclass(frozen=True, slots=True)
class Candidate:
    """An alias as the matcher sees it: words, optional exact case, targets."""

    words: tuple[str, ...]
    cased: tuple[str, ...] | None
    targets: tuple[Target, ...]
    ambiguous: bool  # targets of different meaning not marked as shared
    # Several people of one country sharing a surname on purpose ("~Bush"): one
    # person holding all their offices, used when none of them is in office.
    family: Target | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A matched alias in a phrase: word span ``[start, end)``."""

    start: int
    end: int
    candidate: Candidate
    possessive: bool


class AliasIndex:
    """Aliases of all entries, indexed by first word, with collisions found at build."""

    def __init__(self, entries: list[Entry]) -> None:
        grouped: dict[tuple, list[Target]] = {}
        for entry in entries:
            seen: set[tuple] = set()
            for alias in entry.aliases:
                words, cased = alias_key(alias.text if not alias.exact else "=" + alias.text)
                if not words:
                    continue
                key = (words, cased)
                if key in seen:
                    continue
                seen.add(key)
                grouped.setdefault(key, []).append(Target(entry, alias))
        self.collisions: list[str] = []
        first: dict[str, list[Candidate]] = {}
        self.by_words: dict[tuple[str, ...], list[Candidate]] = {}
        for (words, cased), targets in grouped.items():
            ambiguous = self._check(words, targets)
            cand = Candidate(words, cased, tuple(targets), ambiguous, _family(targets))
            first.setdefault(words[0], []).append(cand)
            self.by_words.setdefault(words, []).append(cand)
        # Longest first; among equals, exact-case aliases before loose ones.
        self.first: dict[str, tuple[Candidate, ...]] = {
            word: tuple(sorted(cands, key=lambda c: (-len(c.words), c.cased is None)))
            for word, cands in first.items()
        }

    def _check(self, words: tuple[str, ...], targets: list[Target]) -> bool:
        """Record a collision when one alias names entries of different meaning."""
        meanings = {t.entry.meaning(t.alias) for t in targets}
        if len(meanings) < 2:
            return False
        if any(t.alias.shared or t.alias.contexts or t.alias.role == "seat" for t in targets):
            # marked as shared on purpose in at least one file, or told apart by the
            # story's country ("NIS@KOR", "NIS@KEN") or as a seat ("Brussels": the EU)
            return False
        names = "; ".join(f"{t.entry.id} ({t.entry.name}, {t.entry.source})" for t in targets)
        self.collisions.append(f"alias {' '.join(words)!r} names {len(targets)} different entries: {names}")
        return True

    def match(self, toks: Tokens) -> list[Match]:
        """Find aliases in the phrase, left to right, longest first, no overlaps."""
        lower, cased, poss = toks.lower, toks.cased, toks.possessive
        first = self.first
        out: list[Match] = []
        i, n = 0, len(lower)
        while i < n:
            cands = first.get(lower[i])
            if cands is not None:
                for cand in cands:
                    size = len(cand.words)
                    end = i + size
                    if end > n or (size > 1 and lower[i:end] != cand.words):
                        continue
                    if cand.cased is not None and cased[i:end] != cand.cased:
                        continue
                    # A possessive inside a multi-word alias ends the phrase
                    # there ("Russia's Foreign Ministry" is not one alias).
                    if size > 1 and any(poss[i:end - 1]) and not _alias_has_inner_possessive(cand):
                        continue
                    out.append(Match(i, end, cand, poss[end - 1]))
                    i = end
                    break
                else:
                    i += 1
                continue
            i += 1
        return out


def _alias_has_inner_possessive(cand: Candidate) -> bool:
    """Whether the alias itself is written with a possessive ("People's Republic")."""
    return any("'" in t.alias.text for t in cand.targets)


def _family(targets: list[Target]) -> Target | None:
    """A shared surname of several office holders of one country ("~Gandhi"), as one
    person with all their offices: the surname then names that country when the
    date says nothing of who is meant (undated, or between their terms)."""
    people = [t for t in targets if t.entry.kind == "person"]
    if len(people) < 2 or len(people) != len(targets) or not all(t.alias.shared for t in people):
        return None
    roles = tuple(sorted((r for t in people for r in t.entry.roles), key=lambda r: (r.start or date.min, r.role)))
    if len({r.country for r in roles}) != 1:
        return None
    names = " or ".join(t.entry.name for t in people)
    entry = Entry("person:" + "+".join(t.entry.id.removeprefix("person:") for t in people), "person",
                  f"{people[0].alias.text} ({names})", (), people[0].entry.source, roles=roles)
    return Target(entry, people[0].alias)
