"""Definite descriptions that point back to an earlier actor ("the alliance", "the country").

The phrases are data (``data/backrefs.yaml``): each names the kind of actor it
points back to, "org" (the latest organisation told) or "country" (the latest
country). The coder asks :func:`definite_backrefs` once.
"""

from __future__ import annotations

import functools

from ..errors import DataFileError
from ..yamlio import load_yaml, package_text

KINDS = ("org", "country")


@functools.lru_cache(maxsize=1)
def definite_backrefs() -> dict[str, str]:
    """``{lower-case phrase: kind}`` from the package's ``data/backrefs.yaml``."""
    return parse_backrefs(package_text("flashpoint.coding", "data", "backrefs.yaml"), "flashpoint/coding/data/backrefs.yaml")


def parse_backrefs(text: str, where: str) -> dict[str, str]:
    """Check and read a back-references file (``version: 1`` and a list of phrases per kind)."""
    data = load_yaml(text)
    if not isinstance(data, dict) or data.get("version") != 1:
        raise DataFileError(f"{where}: expected a mapping with version: 1 and the kinds {', '.join(KINDS)}")
    out: dict[str, str] = {}
    for kind, phrases in data.items():
        if kind == "version":
            continue
        if kind not in KINDS:
            raise DataFileError(f"{where}: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise DataFileError(f"{where}: {kind}: expected a list of phrases ([the alliance, the bloc])")
        for phrase in phrases:
            out[" ".join(phrase.lower().split())] = kind
    return out
