"""Hints for filters that name nothing known.

``--actor nato`` finds nothing when the store says ``NATO``; ``--cameo 999``
finds nothing because no such code exists. Rather than a silent empty
answer, the API and the CLI call :func:`filter_hints` when a query comes
back empty and show what the user probably meant.

Usage (any front end)::

    hints = filter_hints(store, flt)      # [] when every filter names something known
    for hint in hints:
        print(f"hint: {hint}")

:func:`suggest` is the generic part: given a value and the known values,
it returns a sentence naming a case-insensitive match or the closest few.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .base import EventFilter, Store


def suggest(field: str, value: str, known: Iterable[str]) -> str | None:
    """A hint for ``value`` of ``field`` when it is not one of ``known``, else None.

    >>> suggest("actor", "nato", ["NATO", "Russia"])
    "no actor is 'nato'; did you mean 'NATO'?"
    >>> suggest("actor", "NATO", ["NATO"]) is None
    True
    """
    pool = {k for k in known if k}
    if value in pool:
        return None
    folded = {k.casefold(): k for k in pool}
    if value.casefold() in folded:
        return f"no {field} is {value!r}; did you mean {folded[value.casefold()]!r}?"
    close = difflib.get_close_matches(value, sorted(pool), n=3, cutoff=0.75)
    if close:
        return f"no {field} is {value!r}; close matches: {', '.join(repr(c) for c in close)}"
    return f"no {field} is {value!r} in this database"


def actor_terms(store: Store) -> set[str]:
    """Names, codes, countries, orgs and keys of every stored actor."""
    if hasattr(store, "_rows"):
        from .queries import known_actor_terms

        return known_actor_terms(store)
    terms: set[str] = set()
    for side in ("source", "target"):  # the in-memory store has no actors table
        for col in ("key", "name", "code", "country"):
            terms.update(v for v, _ in store.tally((f"{side}_{col}",), EventFilter(include_uncounted=True)) if v)
    return terms


def cameo_hint(code: str) -> str | None:
    """A hint when no CAMEO code starts with ``code``."""
    from ..coding.ontology import Ontology

    codes = Ontology.load().codes
    if any(c.startswith(code) for c in codes):
        return None
    close = difflib.get_close_matches(code, codes, n=3, cutoff=0.6)
    more = f"; close codes: {', '.join(close)}" if close else "; CAMEO codes are 2-4 digits, 01 to 20 at the root"
    return f"no CAMEO code starts with {code!r}{more} (flashpoint ontology lists them)"


def plover_hint(name: str) -> str | None:
    """A hint when ``name`` is not a PLOVER event type as stored (upper case)."""
    from ..coding.ontology import Ontology

    return suggest("PLOVER type", name, (t.name for t in Ontology.load().plover_types))


def filter_hints(store: Store, flt: EventFilter) -> list[str]:
    """Hints for every filter of ``flt`` that names nothing known.

    Call it when a query returned nothing: the actor lookup reads the
    actors table once.
    """
    out: list[str] = []
    if flt.cameo:
        out.append(cameo_hint(flt.cameo) or "")
    if flt.plover:
        out.append(plover_hint(flt.plover) or "")
    sides = [("actor", flt.actor), ("source", flt.source), ("target", flt.target), ("country", flt.country)]
    if any(v for _, v in sides):
        terms = actor_terms(store)
        for field, value in sides:
            if value:
                out.append(suggest(field, value, terms) or "")
    return [h for h in out if h]
