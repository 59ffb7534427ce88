"""Weapons named by their model ("Su-33 fighters", "J-20 jets", "F-35s", "Bayraktar drones").

A weapon named by its model is a military actor; with no other owner in its phrase
("Russian", "Ukraine's") it belongs to its maker when only the maker's forces use it
(Tu-160, J-20, B-52), and to the story's country first when the model is exported
(F-16, Su-30, Bayraktar), its maker only when the story gives none. The models are data
(``data/weapons.yaml``); :func:`weapon_in` finds one in a phrase.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..errors import DataFileError
from ..yamlio import load_yaml, package_text

SHIPPED = "flashpoint/actors/data/weapons.yaml"


class Weapon(NamedTuple):
    """A weapon model found in a phrase: as written, its maker (ISO3), and whether only the maker uses it."""

    text: str
    country: str
    sole: bool


class _Models(NamedTuple):
    pattern: re.Pattern[str]
    makers: dict[str, tuple[str, bool]]  # model key -> (country, sole)


def parse_models(text: str, where: str) -> list[tuple[str, bool, str, bool]]:
    """``(model, numbered, country, sole)`` of a weapons file (``version: 1`` and ``models``)."""
    data = load_yaml(text)
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("models"), list):
        raise DataFileError(f"{where}: expected a mapping with version: 1 and a list of models")
    out = []
    for i, row in enumerate(data["models"], 1):
        if not isinstance(row, dict) or not isinstance(row.get("model"), str) or not row["model"].strip():
            raise DataFileError(f"{where}: model {i}: expected {{model: NAME, country: ISO3, sole: true|false}}")
        country = row.get("country")
        if not (isinstance(country, str) and re.fullmatch(r"[A-Z]{3}", country)):
            raise DataFileError(f"{where}: model {row['model']}: country must be an ISO3 code (RUS), not {country!r}")
        if not isinstance(row.get("sole"), bool):
            raise DataFileError(f"{where}: model {row['model']}: sole must be true or false")
        out.append((row["model"].strip(), bool(row.get("numbered", False)), country, row["sole"]))
    return out


@functools.lru_cache(maxsize=1)
def _models() -> _Models:
    rows = parse_models(package_text("flashpoint.actors", "data", "weapons.yaml"), SHIPPED)
    makers: dict[str, tuple[str, bool]] = {}
    specific, families, names = [], [], []
    for model, numbered, country, sole in rows:
        makers[model] = (country, sole)
        if numbered:
            families.append(re.escape(model))
        elif re.search(r"-\d", model):
            specific.append(re.escape(model))
        else:
            names.append(re.escape(model))
    # Longest first, so "J-20" is found before the family "J"; case as written ("MiG-29",
    # not "mig"), and no word or hyphen right before the model ("M23" is no weapon).
    alts = [f"(?P<s>{'|'.join(sorted(specific, key=len, reverse=True))})(?![0-9])[A-Za-z0-9]*" if specific else None,
            f"(?P<f>{'|'.join(sorted(families, key=len, reverse=True))})-[0-9]+[A-Za-z0-9]*" if families else None,
            f"(?P<n>{'|'.join(sorted(names, key=len, reverse=True))})(?:-[0-9]+[A-Za-z0-9]*|s)?\\b" if names else None]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(a for a in alts if a) + ")")
    return _Models(pattern, makers)


# Words that may follow a model in a phrase that names the weapon itself ("F-16 jet fighters",
# "Bayraktar TB2 drones"); any other word makes the model a modifier of something else ("an
# F-35 deal", "F-16 deliveries", "the Su-24 crash"), which is no actor.
WEAPON_HEADS = frozenset({
    "jet", "jets", "fighter", "fighters", "fighter-bomber", "fighter-bombers", "bomber", "bombers", "drone", "drones",
    "aircraft", "plane", "planes", "warplane", "warplanes", "helicopter", "helicopters", "gunship", "gunships",
    "missile", "missiles", "rocket", "rockets", "interceptor", "interceptors", "strategic", "stealth", "attack",
    "combat", "multirole", "heavy", "unmanned", "armed", "kamikaze", "cruise", "ballistic", "launcher", "launchers",
    "system", "systems", "battery", "batteries", "squadron", "squadrons", "pair", "tanker", "tankers", "transport",
})
_TAIL_STOP = re.compile(r"\s(?:of|in|from|over|near|at|on|to|with|by|for|into|and|or)\s|[,;()]")


def weapon_in(text: str) -> Weapon | None:
    """The first weapon model that heads ``text`` ("two Tu-95 bombers", "F-35s", "Bayraktar TB2
    drones"), or None (also for "an F-35 deal": there the model only describes the head)."""
    models = _models()
    m = models.pattern.search(text)
    if m is None:
        return None
    tail = text[m.end():]
    stop = _TAIL_STOP.search(tail)
    for word in (tail[: stop.start()] if stop else tail).split():
        if not (word.lower().strip(".'") in WEAPON_HEADS or word[:1].isupper() or word[:1].isdigit()):
            return None
    key = m.group("s") or m.group("f") or m.group("n")
    country, sole = models.makers[key]
    return Weapon(m.group(0), country, sole)
