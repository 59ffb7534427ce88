"""Actor codes as each export's standard spells them.

Flashpoint's actor records carry CAMEO-style codes (``BLRMIL``,
``IGOWSTNAT``) with a few sector names of their own: ``POL`` for police,
``MED`` for media, ``HLH`` for health. GDELT keeps CAMEO's spelling
(police ``COP``, media ``MED``); PLOVER renamed two sectors (media ``JRN``,
health ``MED``) and puts non-state actors under ``IGO``/``NGO``/``IMG``.
The crosswalks are data; the functions only apply them.
"""

from __future__ import annotations

from typing import Any

# Flashpoint sector -> CAMEO sector (GDELT). Only police differs.
CAMEO_SECTOR = {"POL": "COP"}

# Flashpoint sector -> PLOVER sector (PLOVER manual, "Sector Primary Code").
PLOVER_SECTOR = {"POL": "COP", "MED": "JRN", "HLH": "MED"}
PLOVER_SECTORS = frozenset((
    "GOV", "JUD", "LEG", "MIL", "COP", "OPP", "PTY", "REB", "PRM", "SPY", "UAF", "CVL", "ELI",
    "BUS", "EDU", "MED", "LAB", "AGR", "JRN", "REF", "REL", "SOC", "CRM",
))
# Non-state top-level actor codes (PLOVER manual, "Non-state actor codes").
NON_STATE = frozenset(("IGO", "NGO", "ISM", "IMG", "MNC"))

# Three-letter chunks of a CAMEO actor code that name a role, a region or a
# religion rather than the group itself; the known-group code is the last
# chunk that is none of these (IGOWSTNAT -> NAT, IGOUNOMIL -> UNO, SDNREBRSF -> RSF).
_NOT_GROUP = frozenset((
    "GOV", "MIL", "POL", "COP", "JUD", "LEG", "OPP", "CVL", "REB", "IGO", "NGO", "IMG", "ISM", "MNC",
    "MED", "BUS", "REF", "ELI", "SPY", "LAB", "HLH", "EDU", "CRM", "AGR", "REL", "SOC", "PTY", "UAF",
    "PRM", "JRN", "INS", "SEP", "RAD", "MOD",
))


def _chunks(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def cameo_actor_code(code: str | None) -> str | None:
    """The actor code with CAMEO's sector names (``POLPOL`` -> ``POLCOP``).

    The first chunk is a country or an actor type and is kept as it is, so
    Poland stays ``POL``.
    """
    if not code or len(code) <= 3:
        return code or None
    parts = _chunks(code)
    return parts[0] + "".join(CAMEO_SECTOR.get(p, p) for p in parts[1:])


def cameo_sector(sector: str | None) -> str | None:
    """A sector in CAMEO's spelling (police ``COP``)."""
    return CAMEO_SECTOR.get(sector, sector) if sector else None


def known_group(actor: dict[str, Any]) -> str | None:
    """GDELT's ``KnownGroupCode``: the CAMEO three-letter code of an organisation.

    Only actors with an ``org`` have one; it is read off the CAMEO code
    (``IGOWSTNAT`` -> ``NAT``), never the Flashpoint id (``NATO``).
    """
    code = actor.get("code") or ""
    if not actor.get("org") or len(code) < 6:
        return None
    parts = _chunks(code)[1:]
    while parts and parts[-1] in _NOT_GROUP and len(parts) > 1:
        parts.pop()
    group = parts[-1] if parts else None
    return group if group and group not in _NOT_GROUP and len(group) == 3 else None


def plover_sector(sector: str | None) -> str | None:
    """A sector in PLOVER's spelling, or None when PLOVER has no such sector."""
    if not sector:
        return None
    mapped = PLOVER_SECTOR.get(sector, sector)
    return mapped if mapped in PLOVER_SECTORS else None


def plover_actor_code(actor: dict[str, Any]) -> str | None:
    """PLOVER's top-level actor code: the ISO3 country, else IGO/NGO/IMG/...

    An organisation with a home country (an armed group) keeps the country;
    an international one gets its non-state type from its CAMEO code or sector.
    """
    if actor.get("country"):
        return actor["country"]
    head = (actor.get("code") or "")[:3]
    if head in NON_STATE:
        return head
    if actor.get("sector") in NON_STATE:
        return actor["sector"]
    return None
