"""One event, several reports: fold restatements within one article.

A headline and the lead that restates it report one event ("Rebels shell
border town" / "Gunmen attacked an army post ..."); a sentence that tells
an attack and its toll with two verbs ("attacked ..., killing 12 soldiers")
reports one attack. Both would otherwise stand as two events, each carrying
the toll, so a sum of fatalities counts it twice.

:func:`fold_reports` runs at the article level, after events are built and
before they are stored (the choice issue 10 leaves open: the article is
where the headline is known; store/merge.py merges across articles). The
kept event is the body's (it carries the clause's date, place and counts);
it takes the quantities the folded report carried when it has none of that
unit, and its ``inputs`` note ``reports=N``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..types import Event

# Roots that tell the same kind of act, for folding two reports of it.
_FAMILIES = (
    frozenset({"18", "19", "20"}),  # force
    frozenset({"17"}),  # coercion
    frozenset({"14"}),  # protest
    frozenset({"10", "11", "12", "13"}),  # verbal conflict
    frozenset({"02", "03", "04", "05"}),  # verbal cooperation
    frozenset({"06", "07", "08"}),  # material cooperation
    frozenset({"15", "16"}),  # posture and reduced relations
)


def _family(root: str) -> frozenset[str]:
    return next((f for f in _FAMILIES if root in f), frozenset({root}))


def _dyad(e: Event) -> tuple[str | None, str | None]:
    return (e.source.key if e.source else None, e.target.key if e.target else None)


def _same_act(a: Event, b: Event) -> bool:
    return _dyad(a) == _dyad(b) and _family(a.cameo_root) == _family(b.cameo_root) and a.negated == b.negated


# A headline words the lead's act of force or coercion loosely ("police clash with
# protesters" / "police fired tear gas at ..."): for headlines these are one kind.
_MATERIAL_CONFLICT = frozenset({"17", "18", "19", "20"})


def _headline_kind(root: str) -> frozenset[str]:
    return _MATERIAL_CONFLICT if root in _MATERIAL_CONFLICT else _family(root)


def _tolls(e: Event) -> set[tuple[str, int]]:
    return {(q.unit, q.value) for q in e.quantities if q.unit in TOLL_UNITS}


def _restates(body: Event, head: Event) -> bool:
    """The body restates a headline act: the same kind of act by the same source,
    against the same target, or with the same toll ("Paramilitaries shell Zamzam camp" /
    "The Rapid Support Forces shelled the Zamzam displacement camp"; "Insurgents raid
    Macomia, killing at least nine" / "Islamic State-linked insurgents raided ...,
    killing at least nine civilians")."""
    (bs, bt), (hs, ht) = _dyad(body), _dyad(head)
    return (_headline_kind(body.cameo_root) == _headline_kind(head.cameo_root) and body.negated == head.negated
            and (bs == hs or (bt is not None and bt == ht) or bool(_tolls(body) & _tolls(head))))


_FORCE = frozenset({"18", "19", "20"})


def _nameless(actor) -> bool:
    """A target of no known country or organisation ("shelled the Zamzam camp": a
    place the knowledge base does not know) tells no side, as no target would."""
    return actor is None or (actor.country is None and actor.org is None)


def _same_blow(first: Event, later: Event) -> bool:
    """One act of force told with two verbs in a sentence: both force ("attacked ...,
    killing 12"), or coercion followed by its participle ("fired a water cannon ...,
    injuring three sailors"), by the same source against the same target or with
    one of the two telling no target ("struck the port ..., injuring four crew")."""
    (s1, t1), (s2, t2) = _dyad(first), _dyad(later)
    t1, t2 = (None if _nameless(e.target) else t for e, t in ((first, t1), (later, t2)))
    if s1 != s2 or not (t1 == t2 or t1 is None or t2 is None) or first.negated != later.negated:
        return False
    if first.cameo_root in _FORCE and later.cameo_root in _FORCE:
        return True
    return first.cameo_root == "17" and later.cameo_root in _FORCE and later.evidence.trigger.lower().endswith("ing")


def _absorb(keep: Event, other: Event) -> Event:
    """``keep`` with the quantities only ``other`` states, and one more report counted."""
    units = {q.unit for q in keep.quantities}
    extra = tuple(q for q in other.quantities if q.unit not in units)
    reports = _reports(keep) + _reports(other)
    inputs = tuple(x for x in getattr(keep, "inputs", ()) if not x.startswith("reports=")) + (f"reports={reports}",)
    changes = {"quantities": keep.quantities + extra}
    if hasattr(keep, "inputs"):
        changes["inputs"] = inputs
    return dataclasses.replace(keep, **changes)


def _reports(e: Event) -> int:
    for x in getattr(e, "inputs", ()):
        if x.startswith("reports="):
            return int(x.split("=", 1)[1])
    return 1


# Outcome units: a toll is counted once per article sentence (one_toll).
TOLL_UNITS = frozenset({"dead", "injured", "casualties", "displaced", "arrested"})
# Which roots a toll belongs to first: force, then coercion, then protest, then the rest.
_TOLL_RANK = {"18": 0, "19": 0, "20": 0, "17": 1, "14": 2}


def one_toll(events: Sequence[Event]) -> list[Event]:
    """Give each toll stated in a sentence to one event only: the one whose kind of
    act fits it best ("detained hundreds after gunmen killed 26": the 26 dead belong
    to the killing), the earlier on a tie; the others drop it."""
    owner: dict[tuple[int, str, int], int] = {}
    for k, e in enumerate(events):
        for q in e.quantities:
            if q.unit not in TOLL_UNITS:
                continue
            key = (e.evidence.start, q.unit, q.value)
            best = owner.get(key)
            if best is None or _rank_of(e, q) < _rank_of(events[best], q):
                owner[key] = k
    out = []
    for k, e in enumerate(events):
        keep = tuple(q for q in e.quantities
                     if q.unit not in TOLL_UNITS or owner.get((e.evidence.start, q.unit, q.value)) == k)
        out.append(e if keep == e.quantities else dataclasses.replace(e, quantities=keep))
    return out


def _rank_of(e: Event, q) -> int:
    if q.unit == "arrested":
        rank = 0 if e.cameo.startswith("173") else _TOLL_RANK.get(e.cameo_root, 3) + 1
    else:
        rank = _TOLL_RANK.get(e.cameo_root, 3)
    # among acts of one kind, the one whose doer is named ("the police firing that left
    # one dead and others injured": the firing's, not the unnamed wounding's)
    unnamed = e.source is None or e.source.name == "unknown"
    return rank * 2 + unnamed


def fold_reports(events: Sequence[Event], headline: tuple[int, int] | None = None) -> list[Event]:
    """Fold headline events into the body's restatement and same-sentence
    restatements of one act into the first, then give each toll to one event;
    the order of the rest is kept."""
    return toll_told_once(one_toll(_fold(events, headline)))


def _date_basis(e: Event) -> str:
    return next((x[5:] for x in getattr(e, "inputs", ()) if x.startswith("date=")), "")


def _other_town(e: Event, first: Event) -> bool:
    """Both acts placed below the country, in different places: two acts, not one told twice."""
    a, b = e.location, first.location
    return (a is not None and b is not None and a.precision != "country" and b.precision != "country"
            and a.name != b.name)


def toll_told_once(events: Sequence[Event]) -> list[Event]:
    """A toll told again later in the article ("police detained at least 17 people" in the lead,
    "a rights group said police had detained 17 people in Santiago" below) is the earlier
    event's, not a second one: a later event of the same source and kind of act drops a toll
    of the same unit and number an earlier one carries, unless its own words date it to
    another day or its place to another town. Tolls of the past (modality ``historical``) and acts
    of an unknown doer ("an airstrike killed 3 in Idlib ... another killed 3 in Aleppo") are left as
    they are."""
    seen: dict[tuple, Event] = {}
    out = []
    for e in events:
        if e.modality == "historical" or not e.quantities or e.source is None or not e.source.code:
            out.append(e)
            continue
        keep = []
        for q in e.quantities:
            key = (e.source.key, _family(e.cameo_root), q.unit, q.value)
            first = seen.get(key) if q.unit in TOLL_UNITS else None
            if first is not None and first.evidence.start != e.evidence.start and not (
                    _date_basis(e) in ("entity", "clause") and e.date != first.date) and not _other_town(e, first):
                continue  # told again
            keep.append(q)
            if q.unit in TOLL_UNITS:
                seen.setdefault(key, e)
        out.append(e if len(keep) == len(e.quantities) else dataclasses.replace(e, quantities=tuple(keep)))
    return out


def _fold(events: Sequence[Event], headline: tuple[int, int] | None) -> list[Event]:
    out: list[Event] = []
    for e in events:
        twin = next((k for k, o in enumerate(out) if o.evidence.start == e.evidence.start and _same_blow(o, e)), None)
        if twin is not None:
            # "attacked an army post ..., killing 12 soldiers": one attack, told by the
            # report that names the side hit when only one does.
            first = out[twin]
            out[twin] = _absorb(e, first) if _nameless(first.target) and not _nameless(e.target) else _absorb(first, e)
            continue
        out.append(e)
    if headline is None:
        return out
    heads = [e for e in out if headline[0] <= e.evidence.start < headline[1]]
    body = [e for e in out if not headline[0] <= e.evidence.start < headline[1]]
    for h in heads:
        k = next((k for k, b in enumerate(body) if _same_act(b, h)), None)
        if k is None:
            k = next((k for k, b in enumerate(body) if _restates(b, h)), None)
        if k is not None:
            body[k] = _absorb(body[k], h)
        else:
            body.append(h)  # a headline act the body never restates still counts once
    body.sort(key=lambda e: (e.evidence.start, e.evidence.end))
    return body
