"""The actor knowledge base: package data plus user files, indexed for resolution.

>>> kb = KnowledgeBase.load()
>>> kb.resolve("the Belarusian Defence Ministry").actor.code
'BLRMIL'
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from ..errors import DataFileError, UsageError
from .datafiles import read_descriptors, read_entries
from .entries import Alias, Entry
from .index import AliasIndex
from .surnames import surname_like
from .resolve import NAME_WORDS_OF_BODIES, SPONSOR_WORDS, Resolution, context_free, resolve_phrase, sponsors
from .weapons import weapon_in
from .text import alias_key, fold, tokenize, words_for_prefilter

# Package files in load order; later files may not reuse an id.
PACKAGE_FILES = ("countries.tsv", "organisations.yaml", "agents.yaml", "not_actors.yaml", "people.tsv")
# Descriptions that stand for a state in its own news ("the kingdom", "the Gulf state").
DESCRIPTORS_FILE = "descriptors.yaml"


@lru_cache(maxsize=1)
def package_entries() -> tuple[Entry, ...]:
    """Entries of the package data files, read and validated once per process."""
    root = resources.files("flashpoint.actors") / "data"
    out: list[Entry] = []
    seen: dict[str, str] = {}
    for name in PACKAGE_FILES:
        path = Path(str(root / name))
        if name == "people.tsv" and not path.exists():
            continue
        for entry in read_entries(path, trusted=True):
            if entry.id in seen:
                raise DataFileError(f"{entry.source}: id {entry.id} is already used at {seen[entry.id]}; ids must be unique")
            seen[entry.id] = entry.source
            out.append(entry)
    return tuple(out)


def person_names() -> tuple[str, ...]:
    """Every name and alias of the package's people as the people file writes it (without
    its "=" or "~" marks): the one reader of that file, which nlp/model.py asks too."""
    return tuple(a.text for e in package_entries() if e.kind == "person" for a in e.aliases)


@lru_cache(maxsize=1)
def package_descriptors() -> dict[str, frozenset[str]]:
    """``{phrase: member countries}`` of the package's descriptors file, read once per process."""
    return read_descriptors(Path(str(resources.files("flashpoint.actors") / "data" / DESCRIPTORS_FILE)))


@lru_cache(maxsize=256)
def _as_date(when: date | str | None) -> date | None:
    if when is None or (isinstance(when, date) and not isinstance(when, datetime)):
        return when
    if isinstance(when, datetime):
        return when.date()
    text = str(when).strip()
    try:
        if len(text) == 4:
            return date(int(text), 1, 1)
        if len(text) == 7:
            return date.fromisoformat(text + "-01")
        return date.fromisoformat(text[:10])
    except ValueError:
        raise UsageError(f"cannot read the date {text[:40]!r}; write YYYY-MM-DD") from None


_UNSET = object()


class KnowledgeBase:
    """Countries, organisations, agents and people, with an alias index.

    Attributes:
        entries: every entry by id, package first, user files overriding by id.
        collisions: one message per alias that names entries of different
            meaning (never resolved silently: such an alias matches nothing).
    """

    def __init__(self, entries: Iterable[Entry], descriptors: Mapping[str, Iterable[str]] | None = None) -> None:
        self.entries: dict[str, Entry] = {}
        for entry in entries:
            self.entries[entry.id] = entry
        # descriptor words -> the countries they may stand for ("kingdom" -> the kingdoms)
        self.descriptors: dict[tuple[str, ...], frozenset[str]] = self._add_descriptors(descriptors or {})
        self._descriptor_first = frozenset(words[0] for words in self.descriptors)
        self.index = AliasIndex(list(self.entries.values()))
        self.collisions: list[str] = self.index.collisions
        self._countries: dict[str, Entry] = {}
        self._orgs: dict[str, Entry] = {}
        self._country_words: dict[tuple[str, ...], list[tuple[tuple[str, ...] | None, str]]] = {}
        self._surnames: dict[str, list[Entry]] | None = None  # built on first use (officeholder)
        self._whole_aliases: frozenset[tuple[str, ...]] | None = None  # built on first use (names_whole)
        self._places = _UNSET  # the gazetteer, loaded on first use (places)
        for entry in self.entries.values():
            if entry.kind == "country" and entry.country:
                self._countries[entry.country] = entry
                for alias in entry.aliases:
                    if alias.contexts:
                        continue  # "the North" names no country out of context
                    words, cased = alias_key(("=" if alias.exact else "") + alias.text)
                    if words:
                        self._country_words.setdefault(words, []).append((cased, entry.country))
            elif entry.kind == "org" and entry.org:
                # The entry named like its org id is the group's main entry.
                if entry.org not in self._orgs or entry.id == f"org:{entry.org}":
                    self._orgs[entry.org] = entry

    def _add_descriptors(self, descriptors: Mapping[str, Iterable[str]]) -> dict[tuple[str, ...], frozenset[str]]:
        """Give each member country its descriptors as aliases for its own stories only
        ("kingdom@SAU"), skipping a phrase that already names something everywhere
        ("Central African Republic" is a state's name, not a description)."""
        taken = self._everywhere_aliases()
        out: dict[tuple[str, ...], frozenset[str]] = {}
        added: dict[str, list[Alias]] = {}
        for phrase, members in descriptors.items():
            words = alias_key(phrase)[0]
            if not words or words in taken:
                continue
            isos = frozenset(iso for iso in members if f"country:{iso}" in self.entries)
            out[words] = isos
            for iso in isos:
                added.setdefault(iso, []).append(Alias(phrase, "name", None, False, True, (iso,)))
        for iso, aliases in added.items():
            entry = self.entries[f"country:{iso}"]
            self.entries[entry.id] = replace(entry, aliases=entry.aliases + tuple(aliases))
        return out

    def _everywhere_aliases(self) -> frozenset[tuple[str, ...]]:
        """The index keys of every alias that names its entry in any story."""
        return frozenset(alias_key(("=" if a.exact else "") + a.text)[0] for e in self.entries.values()
                         for a in e.aliases if not a.contexts)

    def names_whole(self, text: str) -> bool:
        """Whether some entry lists the whole phrase as an alias ("Downing Street", a metonym), not
        only a word of it ("Spanish Town Road" holds the adjective "Spanish")."""
        if self._whole_aliases is None:
            self._whole_aliases = self._everywhere_aliases()
        return alias_key(text)[0] in self._whole_aliases

    def described(self, text: str) -> frozenset[str]:
        """The countries a description in the phrase may stand for ("the kingdom's
        army" -> the kingdoms), empty when it holds none."""
        lower = tokenize(text).lower
        if not any(w in self._descriptor_first for w in lower):
            return frozenset()
        for i, word in enumerate(lower):
            if word in self._descriptor_first:
                for j in range(len(lower), i, -1):
                    found = self.descriptors.get(lower[i:j])
                    if found is not None:
                        return found
        return frozenset()

    def sponsors(self, text: str) -> frozenset[str]:
        """The countries the phrase names as its group's sponsor or ally ("US-backed
        Kurdish fighters" -> USA): a context to avoid for the group, not its country."""
        if "-" not in text and not any(w in text.lower() for w in SPONSOR_WORDS):
            return frozenset()
        return sponsors(self, tokenize(text))

    @classmethod
    def load(cls, extra_files: Sequence[Path | str] = ()) -> "KnowledgeBase":
        """Load the package data, then user files that add or override entries by id.

        Args:
            extra_files: user YAML or people-TSV files (``--actors``, ``FLASHPOINT_ACTORS``).

        Raises:
            DataFileError: a file is unreadable or fails its schema (file and line in the message).
        """
        entries = list(package_entries())
        for path in extra_files:
            seen: dict[str, str] = {}
            for entry in read_entries(Path(path)):
                if entry.id in seen:
                    raise DataFileError(f"{entry.source}: id {entry.id} is already used at {seen[entry.id]} in the same file")
                seen[entry.id] = entry.source
                entries.append(entry)
        return cls(entries, package_descriptors())

    @property
    def places(self):
        """The gazetteer that places local agents ("Police in Mombasa": actors/places.py),
        the shipped one unless set (before the first lookup: answers are kept, ``fixed_answers``);
        None switches it off."""
        if self._places is _UNSET:
            from ..geo.gazetteer import Gazetteer

            self._places = Gazetteer.load()
        return self._places

    @places.setter
    def places(self, value) -> None:
        self._places = value

    def country(self, iso3: str | None) -> Entry | None:
        """The country entry for an ISO3 code."""
        return self._countries.get(iso3) if iso3 else None

    def cameo_of(self, iso3: str | None) -> str:
        """A country's CAMEO letters ("ROM" for ROU), else its ISO code itself; "" for none: the head
        of the code of an actor built for the country (+ a sector)."""
        entry = self.country(iso3)
        return (entry.cameo if entry is not None else None) or iso3 or ""

    def org_entry(self, org: str | None) -> Entry | None:
        """The main entry of an organisation id ("NATO", "UN")."""
        return self._orgs.get(org) if org else None

    def resolve(self, text: str, when: date | str | None = None,
                context_country: str | None = None) -> Resolution | None:
        """Resolve a noun phrase to one actor (the first conjunct), or None.

        Args:
            text: the phrase as written ("the Belarusian Defence Ministry").
            when: the date that decides people's offices (None: latest office).
            context_country: ISO3 for generic agents with no country in the phrase.
        """
        day = _as_date(when)  # first, so a bad date fails even for plain words
        first = self.index.first
        words = words_for_prefilter(text) if text.isascii() else tokenize(text).lower
        for word in words:
            if word in first:
                break
        else:
            if weapon_in(text) is None:  # "F-35s": a weapon model names its owner (actors/weapons.py)
                return None
        found = resolve_phrase(self, text, tokenize(text), day, context_country)
        return found[0] if found else None

    # Whether an answer of resolve(text, when) holds for every context country (lookup_memo.py).
    context_free = staticmethod(context_free)

    def date_free(self, text: str) -> bool:
        """Whether ``resolve(text, when, ...)`` is the same for every ``when`` (a valid date or
        None): the date reaches an answer only through the people (offices) and the
        organisations with later sectors (``periods``) among the entries the phrase's aliases
        name (actors/resolve.py: ``_pick``, ``namesake``, ``role_on``, ``org_state``); a
        phrase that names none of them is answered alike on every day (lookup_memo.py keys
        such answers without the date)."""
        for m in self.index.match(tokenize(text)):
            family = m.candidate.family
            for t in (*m.candidate.targets, *((family,) if family is not None else ())):
                entry = t.entry
                if entry.kind == "person" or entry.roles or entry.periods:
                    return False
        return True

    # Nothing edits a knowledge base once built: its answers may be kept for the whole process (lookup_memo.py).
    fixed_answers = True

    def resolve_all(self, text: str, when: date | str | None = None,
                    context_country: str | None = None) -> list[Resolution]:
        """Resolve every conjunct ("Mali and Burkina Faso" -> two actors)."""
        day = _as_date(when)
        toks = tokenize(text)
        first = self.index.first
        if not any(word in first for word in toks.lower):
            return []
        return resolve_phrase(self, text, toks, day, context_country)

    def country_of(self, word: str) -> str | None:
        """The ISO3 code a country word names ('Polish', 'Warsaw', "Belarus'") or None."""
        toks = tokenize(word)
        lower, cased_words = toks.lower, toks.cased
        if len(lower) > 1 and lower[0] in ("the", "a", "an"):
            lower, cased_words = lower[1:], cased_words[1:]
        for cased, iso3 in self._country_words.get(lower, ()):
            if cased is None or cased == cased_words:
                return iso3
        return None

    def first_name_of(self, text: str) -> str | None:
        """The country name a person's name opens with ("Chad" of "Chad Smith", "Jordan" of
        "Senator Jordan Peterson"): a one-word country or capital name right before a
        capitalised word that starts no alias (and no possessive between them). The caller
        says the phrase names a person (the parser's PERSON): such a name is no country.
        None when the phrase holds no such name."""
        toks = tokenize(text)
        cased, lower = toks.cased, toks.lower
        for m in self.index.match(toks):
            if m.end != m.start + 1 or m.possessive or m.end >= len(cased) or not cased[m.end][:1].isupper():
                continue
            if not any(t.entry.kind == "country" and t.alias.role in ("name", "capital") for t in m.candidate.targets):
                continue
            if lower[m.end] in self.index.first:
                continue  # "Israel Katz", "Kenya Defence Forces": the next word starts an alias
            if lower[m.end] in NAME_WORDS_OF_BODIES:
                continue  # "Israel Hayom", "Kenya Airways": a newspaper's or company's name (actors/resolve.py)
            return cased[m.start]
        return None

    def given_name_of(self, text: str) -> str | None:
        """The country name a two-word name opens with when its second word reads as a
        surname ("Israel" of "Israel Adesanya", whom the parser may tag as two places): such a
        name is a person's whatever the parser says. None for "Israel Katz" (a known person),
        "Kenya Airways", "Jordan Valley" (English words), longer names and everything else."""
        given = self.first_name_of(text)
        if given is None:
            return None
        words = text.split()
        if words[:1] and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        if len(words) != 2 or words[0] != given or not surname_like(words[1]):
            return None
        return given

    def is_capital(self, text: str) -> bool:
        """Whether the name is a capital's and only that ("Sucre", "Kabul"): a text that calls
        it a place ("the state of Sucre", "the city of Kabul") tells a place, not a government."""
        toks = tokenize(text)
        lower = toks.lower[1:] if toks.lower[:1] == ("the",) else toks.lower
        found = self.index.match(tokenize(" ".join(lower)))
        return (len(found) == 1 and found[0].start == 0 and found[0].end == len(lower)
                and all(t.entry.kind == "country" and t.alias.role == "capital" for t in found[0].candidate.targets))

    def is_actor_word(self, lower_word: str) -> bool:
        """Whether a lower-case word can start an alias: an O(1) pre-filter for every token."""
        first = self.index.first
        if lower_word in first:
            return True
        if "." in lower_word:
            return lower_word.replace(".", "") in first
        return False

    def officeholder(self, surname: str, country: str, when: date | str | None = None) -> Entry | None:
        """The one person whose name ends in ``surname`` and who held an office in ``country``
        on ``when`` (latest offices with no date): "Sanchez hosted Lula *in Madrid*" is Spain's
        Pedro Sanchez though "Sanchez" alone names no one. None when nobody or several do."""
        day = _as_date(when)
        key = fold(surname).lower()
        if not key.isalpha() or len(key) < 3:
            return None
        if self._surnames is None:
            index: dict[str, list[Entry]] = {}
            for entry in self.entries.values():
                if entry.kind == "person" and entry.roles:
                    last = fold(entry.name).lower().replace("-", " ").split()[-1]
                    index.setdefault(last, []).append(entry)
            self._surnames = index
        found = [e for e in self._surnames.get(key, ())
                 if any(r.country == country and (r.covers(day) if day else r.end is None) for r in e.roles)]
        return found[0] if len(found) == 1 else None

    def namesake(self, person: Entry, country: str, when: date | None = None) -> Entry | None:
        """Another person whose name holds ``person``'s name words in order ("Pedro Sanchez
        Suarez" for "Pedro Sanchez") and who held an office in ``country``: the one in office
        on ``when`` if one is, else the one with an office there. None when nobody or several
        do ("Colombian Defence Minister Pedro Sanchez" is not Spain's prime minister)."""
        words = fold(person.name).lower().replace("-", " ").split()
        if len(words) < 2:
            return None
        n = len(words)
        found = []
        for entry in self.entries.values():
            if entry.kind != "person" or entry is person or not any(r.country == country for r in entry.roles):
                continue
            other = fold(entry.name).lower().replace("-", " ").split()
            if any(other[i:i + n] == words for i in range(len(other) - n + 1)):
                found.append(entry)
        if when is not None and len(found) > 1:
            found = [e for e in found if any(r.country == country and r.covers(when) for r in e.roles)] or found
        return found[0] if len(found) == 1 else None

    def search(self, kind: str | None = None, country: str | None = None) -> list[Entry]:
        """Entries filtered by kind and by country (ISO3; people: any office there)."""
        out = []
        for entry in self.entries.values():
            if kind and entry.kind != kind:
                continue
            if country and entry.country != country and not any(r.country == country for r in entry.roles):
                continue
            out.append(entry)
        return out
