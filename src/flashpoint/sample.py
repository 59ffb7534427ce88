"""The bundled sample corpus and its hand coding (the expected key)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

_HEAD = re.compile(r"^### (sample-\d+)")
# The role codes the hand coding appends to a country (README, "Hand coding").
ROLES = frozenset({"GOV", "MIL", "POL", "JUD", "LEG", "OPP", "CVL", "REF"})
_ROW = re.compile(r"^\|\s*([A-Z_]*)\s*\|\s*([A-Z_]*)\s*\|\s*(\d\d)\s*\|\s*(key|also)\s*\|\s*(.*?)\s*\|\s*$")


@dataclass(frozen=True)
class KeyEvent:
    doc_id: str
    source: str  # actor code as hand-coded: POLGOV, POL, NATO, NGO, REF ...
    target: str
    root: str
    tier: str  # key | also
    what: str

    @staticmethod
    def side(code: str) -> str:
        """The dyad identity of a hand-coded actor: the organisation, else the country.

        A six-letter code is a country with a role only when its last three letters are a
        role (``POLGOV``); ``ECOWAS`` is an organisation.
        """
        if len(code) == 6 and code[:3].isalpha() and code[3:] in ROLES:
            return code[:3]
        return code


def hand_coding() -> list[KeyEvent]:
    """Parse the tables of ``data/sample/README.md``."""
    text = (resources.files("flashpoint") / "data" / "sample" / "README.md").read_text(encoding="utf-8")
    out: list[KeyEvent] = []
    doc = None
    for line in text.splitlines():
        m = _HEAD.match(line)
        if m:
            doc = m.group(1)
            continue
        m = _ROW.match(line)
        if m and doc:
            out.append(KeyEvent(doc, m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)))
    return out
