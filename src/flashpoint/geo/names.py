"""Place-name normalisation and the "X region" / "northern X" forms.

Every name goes through :func:`name_key` before it is indexed or looked up,
so matching ignores case, accents, full stops ("U.S." = "US"), hyphens
("Nagorno-Karabakh" = "Nagorno Karabakh"), a leading "the" and a trailing
possessive ("Belarus'", "Syria's").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_NAME_CHARS = 120  # longer strings are not place names; refuse them cheaply

# Words that turn a place X into "a first-level unit named after X".
REGION_WORDS = (
    "region", "province", "oblast", "governorate", "state", "district", "prefecture",
    "county", "department", "territory", "krai", "kray", "raion", "rayon", "municipality",
    "area", "division", "wilaya", "vilayet",
)
_SUFFIX = re.compile(rf"^(?P<base>.+?)\s+(?P<word>{'|'.join(REGION_WORDS)})$")
_PREFIX = re.compile(rf"^(?P<word>{'|'.join(REGION_WORDS)})\s+of\s+(?P<base>.+)$")
_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west|central|northeast|northwest|southeast|southwest)"
    r"(?:ern)?|north-?eastern|north-?western|south-?eastern|south-?western|mid|upper|lower"
    r"|occupied|annexed|disputed|restive|breakaway|rebel held|war torn)\s+(?P<base>.+)$"
)
# An ASCII key's characters: what ``isalnum`` or the punctuation test below lets through.
_ASCII_KEY = re.compile(r"[a-z0-9 ',()&]+")
_DROP = str.maketrans({".": "", "’": "'", "‘": "'", "`": "'", "-": " ", "–": " ", "—": " "})


def name_key(text: str) -> str:
    """The comparison form of a place name (empty when it cannot be a name).

    Args:
        text: a name as written in text or in a data file.

    Returns:
        The folded key, e.g. ``"Belarus' " -> "belarus"``, ``"the U.S." -> "us"``.
    """
    if not isinstance(text, str) or not text or len(text) > MAX_NAME_CHARS:
        return ""
    if text.isascii():  # most names: NFKD leaves ASCII as it is, and no ASCII character combines
        folded = text.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    folded = folded.translate(_DROP)
    folded = " ".join(folded.split())
    if folded.endswith("'s"):
        folded = folded[:-2]
    folded = folded.rstrip("'").strip()
    if folded.startswith("the "):
        folded = folded[4:]
    elif folded == "the":
        return ""
    # Keys are letters, digits, spaces, apostrophes, commas, parentheses, ampersands.
    if not folded or (_ASCII_KEY.fullmatch(folded) is None if folded.isascii()
                      else any(not (ch.isalnum() or ch in " ',()&") for ch in folded)):
        return ""
    return folded


@dataclass(frozen=True, slots=True)
class RegionForm:
    """A name split into the place it names and the unit word around it."""

    base: str  # key of the place the unit is named after ("grodno")
    word: str  # "region", "province", ...


def region_form(key: str) -> RegionForm | None:
    """Split "grodno region" or "province of idlib" into base and unit word."""
    match = _SUFFIX.match(key) or _PREFIX.match(key)
    if match is None:
        return None
    return RegionForm(base=match.group("base"), word=match.group("word"))


def strip_direction(key: str) -> str | None:
    """The key without a leading compass word ("eastern ukraine" -> "ukraine")."""
    match = _DIRECTION.match(key)
    return match.group("base") if match else None


_UNIT_BEFORE = re.compile(rf"\b({'|'.join(REGION_WORDS)})\s+of\s+$", re.IGNORECASE)
_UNIT_AFTER = re.compile(rf"^\s+({'|'.join(REGION_WORDS)})\b", re.IGNORECASE)
_UNIT_FIRST = frozenset(w[0] for w in REGION_WORDS)


def unit_around(text: str, start: int, end: int) -> str | None:
    """The name at ``text[start:end]`` with the unit word the text tells around it
    ("the *state of* Sucre" -> "state of Sucre", "Sucre *state*" -> "Sucre state"), or
    None when no unit word stands right before or after it. A capital's name so told is
    a state's or province's ("Sucre" alone is Bolivia's capital; "the state of Sucre" is
    Venezuelan): look the unit up, not the bare name."""
    name = text[start:end]
    window = text[max(0, start - 30):start]
    # (the expressions run only where they can match: before, an "of" and a space end the window;
    # after, a space and a unit word's first letter open it; a letter past ASCII may fold to one)
    if window[-1:].isspace() and window.rstrip()[-1:] in ("f", "F"):
        before = _UNIT_BEFORE.search(window)
        if before:
            return f"{before.group(1).lower()} of {name}"
    if text[end:end + 1].isspace():
        rest = text[end:end + 30]
        first = rest.lstrip()[:1]
        if first and (not first.isascii() or first.lower() in _UNIT_FIRST):
            after = _UNIT_AFTER.match(rest)
            if after:
                return f"{name} {after.group(1).lower()}"
    return None
