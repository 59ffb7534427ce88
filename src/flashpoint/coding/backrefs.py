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
        if kind in ("version", "acts"):
            continue
        if kind not in KINDS:
            raise DataFileError(f"{where}: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise DataFileError(f"{where}: {kind}: expected a list of phrases ([the alliance, the bloc])")
        for phrase in phrases:
            out[" ".join(phrase.lower().split())] = kind
    return out


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
