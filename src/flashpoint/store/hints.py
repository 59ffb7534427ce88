"""Nearest valid values for filters that name nothing known.

``--actor nato`` when the store says ``NATO``, ``--plover accuse``,
``--cameo 999`` or ``series rus ukr`` match nothing; instead of a bare "no
events" the CLI and the Python API say which value was not recognised and
what the nearest known ones are, as ``ontology show`` does for codes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .base import EventFilter, Store


@dataclass(frozen=True, slots=True)
class Hint:
    """One filter value that names nothing known, and what it might have meant."""

    option: str  # the filter's name: actor, source, cameo, ...
    value: str
    suggestions: tuple[str, ...]
    note: str = ""  # what the valid values look like, when nothing is near

    def __str__(self) -> str:
        near = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        note = f"; {self.note}" if self.note and not self.suggestions else ""
        return f"{self.option} {self.value!r} matches nothing known{near}{note}"


def nearest(value: str, known: Iterable[str], n: int = 3) -> list[str]:
    """Known values closest to ``value``: case-insensitive equals first, then
    prefixes, then spelling neighbours (difflib)."""
    pool = sorted({k for k in known if k})
    folded = value.casefold()
    exact = [k for k in pool if k.casefold() == folded]
    prefix = [k for k in pool if k.casefold().startswith(folded) and k not in exact]
    lower = {k.casefold(): k for k in pool}
    close = [lower[k] for k in difflib.get_close_matches(folded, list(lower), n=n, cutoff=0.6)]
    out: list[str] = []
    for k in exact + prefix[:n] + close:
        if k not in out:
            out.append(k)
    return out[:n]


def _store_values(store: Store, fields: Sequence[str]) -> set[str]:
    values: set[str] = set()
    for field in fields:
        for row in store.tally((field,), EventFilter(include_uncounted=True)):
            if row[0] is not None:
                values.add(str(row[0]))
    return values


def _cameo_hint(value: str) -> Hint | None:
    from ..coding.ontology import Ontology

    codes = Ontology.load().codes
    if any(code.startswith(value) for code in codes):
        return None
    near = [c for c in codes if c.startswith(value[:2])][:3] if len(value) > 2 else []
    return Hint("cameo", value, tuple(near or nearest(value, codes)),
                "CAMEO codes are 2-4 digits from 01 to 2042 (see flashpoint ontology list)")


def _plover_hint(value: str) -> Hint | None:
    from ..coding.ontology import Ontology

    names = [t.name for t in Ontology.load().plover_types]
    return None if value in names else Hint("plover", value, tuple(nearest(value, names)),
                                            f"PLOVER types: {', '.join(names)}")


def filter_hints(store: Store, flt: EventFilter) -> list[Hint]:
    """Hints for each filter value in ``flt`` that names nothing ``store`` or the
    ontology knows. Call it when a query came back empty.

    Example:
        >>> from flashpoint.store import open_store
        >>> [str(h) for h in filter_hints(open_store("memory:"), EventFilter(plover="accuse"))]
        ["plover 'accuse' matches nothing known; did you mean ACCUSE?"]
    """
    hints: list[Hint] = []
    if flt.cameo:
        hint = _cameo_hint(flt.cameo)
        if hint:
            hints.append(hint)
    if flt.plover:
        hint = _plover_hint(flt.plover)
        if hint:
            hints.append(hint)
    sides = {
        "actor": ("source_name", "target_name", "source_code", "target_code", "source_country", "target_country",
                  "source_key", "target_key"),
        "source": ("source_key",),
        "target": ("target_key",),
        "country": ("source_country", "target_country"),
    }
    for option, fields in sides.items():
        value = getattr(flt, option)
        if not value:
            continue
        known = _store_values(store, fields)
        if value not in known:
            note = "the store holds no events yet" if not known else ""
            hints.append(Hint(option, value, tuple(nearest(value, known)), note))
    return hints
