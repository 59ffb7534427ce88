"""Definite descriptions that point back to an earlier actor ("the alliance", "the country").

The phrases are data (``data/backrefs.yaml``): each names the kind of actor it
points back to, "org" (the latest organisation told) or "country" (the latest
country). The coder asks :func:`definite_backrefs` once. The same file's ``acts``
name the CAMEO roots of the act a noun refers back to ("the launch", "the proposal"):
:func:`act_nouns`.
"""

from __future__ import annotations

import functools

from ..errors import DataFileError
from ..types import Actor
from ..yamlio import load_yaml, package_text

KINDS = ("org", "country", "host")


SHIPPED = "flashpoint/coding/data/backrefs.yaml"


@functools.lru_cache(maxsize=1)
def _shipped_text() -> str:
    return package_text("flashpoint.coding", "data", "backrefs.yaml")


@functools.lru_cache(maxsize=1)
def definite_backrefs() -> dict[str, str]:
    """``{lower-case phrase: kind}`` from the package's ``data/backrefs.yaml``."""
    return parse_backrefs(_shipped_text(), SHIPPED)


def parse_backrefs(text: str, where: str) -> dict[str, str]:
    """Check and read a back-references file (``version: 1`` and a list of phrases per kind)."""
    data = load_yaml(text)
    if not isinstance(data, dict) or data.get("version") != 1:
        raise DataFileError(f"{where}: expected a mapping with version: 1 and the kinds {', '.join(KINDS)}")
    out: dict[str, str] = {}
    for kind, phrases in data.items():
        if kind in ("version", "acts", "sectors", "blocs", "bloc_phrases"):
            continue
        if kind not in KINDS:
            raise DataFileError(f"{where}: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise DataFileError(f"{where}: {kind}: expected a list of phrases ([the alliance, the bloc])")
        for phrase in phrases:
            out[" ".join(phrase.lower().split())] = kind
    return out


@functools.lru_cache(maxsize=1)
def member_blocs() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """(the phrases that name a regional bloc, ``{bloc name: member ISO3 codes}``) of the
    package's ``data/backrefs.yaml`` ``bloc_phrases`` and ``blocs``."""
    return parse_blocs(_shipped_text(), SHIPPED)


def parse_blocs(text: str, where: str) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Read a back-references file's ``bloc_phrases`` and ``blocs``."""
    data = load_yaml(text) or {}
    phrases, blocs = data.get("bloc_phrases") or [], data.get("blocs") or {}
    if not isinstance(phrases, list) or not isinstance(blocs, dict) or not all(
            isinstance(v, list) and all(isinstance(c, str) and len(c) == 3 for c in v) for v in blocs.values()):
        raise DataFileError(f"{where}: bloc_phrases is a list of phrases, blocs a mapping of names to ISO3 lists")
    return (frozenset(" ".join(str(p).lower().split()) for p in phrases),
            {str(name): frozenset(members) for name, members in blocs.items()})


@functools.lru_cache(maxsize=1)
def act_nouns() -> dict[str, frozenset[str]]:
    """``{noun: CAMEO roots}`` of the package's ``data/backrefs.yaml`` ``acts``."""
    return parse_acts(_shipped_text(), SHIPPED)


def parse_acts(text: str, where: str) -> dict[str, frozenset[str]]:
    """Read the ``acts`` of a back-references file: each noun with the two-digit roots of the acts it names."""
    acts = (load_yaml(text) or {}).get("acts") or {}
    if not isinstance(acts, dict):
        raise DataFileError(f"{where}: acts: expected a mapping of nouns to lists of roots (launch: [\"15\", \"19\"])")
    out: dict[str, frozenset[str]] = {}
    for noun, roots in acts.items():
        if not isinstance(roots, list) or not roots or not all(isinstance(r, str) and len(r) == 2 and r.isdigit()
                                                               and 1 <= int(r) <= 20 for r in roots):
            raise DataFileError(f"{where}: acts: {noun}: expected a list of two-digit CAMEO roots ([\"15\", \"19\"])")
        out[str(noun).lower()] = frozenset(roots)
    plurals = sorted(n for n in out if (n.endswith("s") and n[:-1] in out) or (n.endswith("es") and n[:-2] in out))
    if plurals:
        raise DataFileError(f"{where}: acts: {', '.join(plurals)}: list a noun by its lemma only (a phrase's head is its "
                            "lemma, so a plural form is never looked up)")
    return out


@functools.lru_cache(maxsize=1)
def backref_sectors() -> dict[str, frozenset[str]]:
    """``{phrase: sectors}`` of the package's ``data/backrefs.yaml`` ``sectors``."""
    return parse_sectors(_shipped_text(), SHIPPED)


def parse_sectors(text: str, where: str) -> dict[str, frozenset[str]]:
    """Read the ``sectors`` of a back-references file: each phrase with the sectors of the organisations it fits."""
    sectors = (load_yaml(text) or {}).get("sectors") or {}
    if not isinstance(sectors, dict) or not all(isinstance(v, list) and v and all(isinstance(x, str) and x.isupper()
                                                                                  for x in v) for v in sectors.values()):
        raise DataFileError(f"{where}: sectors: expected a mapping of phrases to lists of sectors (the alliance: [IGO])")
    return {" ".join(str(k).lower().split()): frozenset(v) for k, v in sectors.items()}


def told_in_article(names: list[tuple[int, str, str]], kb) -> tuple[tuple[int, Actor], ...]:
    """``(start, actor)`` of every name of ``names`` (``(start, text, label)`` of the document's
    organisation and place entities) that the knowledge base reads as an organisation or a
    country: what "the alliance" or "the country" may point back to, though the sentence
    naming it held no event ("NATO leaders gathered in Vilnius. ... The alliance warned ...")."""
    out = []
    for start, text, label in names:
        res = kb.resolve(text, None, None)
        if res is not None and res.actor.org and label == "GPE":
            continue  # "gathered in Brussels": a seat told as a place is no organisation
        if res is not None and (res.actor.org or res.actor.country):
            out.append((start, res.actor))
    return tuple(out)


def _fits(actor: Actor, kind: str, is_person: bool = False) -> bool:
    if kind == "org":
        return bool(actor.org)
    return bool(actor.country and not actor.org and not is_person)


def latest_told(state, kind: str, skip: frozenset[str] = frozenset(), phrase: str = "") -> Actor | None:
    """The actor a definite back-reference of ``kind`` ("org": "the alliance"; "country": "the
    country") points to: the latest one told, whether as a party of an earlier event (the
    coder's ``state.actors``) or only named in an earlier sentence (``state.told``), whichever
    came later; ``skip``: parties not to choose; ``phrase``: the description, whose ``sectors``
    (data/backrefs.yaml) a name told only in passing must fit. Other kinds ask ``state.last``."""
    from .targets import party  # (targets.py reads this module's act nouns)

    if kind not in ("org", "country"):
        return state.last(kind, skip)
    found = state.last(kind, skip)
    found_at = -1
    if found is not None:
        for (actor, is_person), at in zip(reversed(state.actors), reversed(state.told_at)):
            if _fits(actor, kind, is_person) and not (skip and party(actor) in skip):
                found_at = at
                break
    here = state.cands[state.index].sent_start if state.cands else None
    if here is None:
        return found
    fits = backref_sectors().get(phrase.lower()) if kind == "org" else None
    for start, actor in reversed(state.told):
        if start >= here or start <= found_at or (fits is not None and actor.sector not in fits):
            continue
        if _fits(actor, kind) and not (skip and party(actor) in skip):
            if kind == "country":
                return Actor(actor.text, actor.name, actor.country, None, actor.sector, actor.code)
            return actor
    return found
