"""Example sentences for trigger entries: one plain news sentence per entry.

A trigger entry is a lemma, alone or with the object, particle, preposition
or complement its pattern requires (:class:`~flashpoint.coding.patterns.Trigger`).
:func:`example_sentence` writes a sentence in which two countries take part in
that entry's event ("France imposed sanctions on Germany on Monday."), so every
entry of the lexicon can be shown to reach its code (``scripts/build_lexicon.py``
keeps only entries that do; ``tests/coding_lexicon`` checks them all again).
Inflection comes from ``lemminflect`` (an optional test dependency).
"""

from __future__ import annotations

from .patterns import Pattern, Trigger

SOURCE, TARGET, THIRD = "France", "Germany", "Italy"
WHEN = "on Monday"
# Event nouns that read naturally only in the plural after a light verb.
PLURAL_OBJECTS = frozenset({
    "talk", "negotiation", "consultation", "discussion", "sanction", "hostility", "tariff", "arm", "reform",
    "condolence", "remains", "airstrike", "strike", "raid", "attack", "drill", "exercise", "manoeuvre",
    "maneuver", "weapon", "troop", "force", "concession", "demand", "allegation", "accusation", "threat",
    "restriction", "curb", "protest", "demonstration", "riot", "prisoner", "hostage", "detainee", "shell",
    "mortar", "rocket", "missile", "peacekeeper", "observer", "monitor", "inspector", "tie", "relation",
    "election", "option", "proposal", "fear", "doubt", "misgiving", "reservation", "hope", "supply", "asset",
    "home", "house", "village", "building", "diplomat", "civilian", "resident", "atrocity", "killing", "loan",
    "grant", "fund", "tank", "drone", "jet", "soldier", "clash", "right", "remark", "apology", "thank",
})


def _inflect(lemma: str, tag: str) -> str:
    try:
        from lemminflect import getInflection
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        raise RuntimeError("example sentences need lemminflect: pip install 'flashpoint[test]'") from exc
    head, _, rest = lemma.partition(" ")
    forms = getInflection(head, tag=tag)
    word = forms[0] if forms else head + ("ed" if tag == "VBD" else "s")
    return f"{word} {rest}".strip()


def _object_phrase(word: str, owner: str | None = None) -> str:
    noun = _inflect(word, "NNS") if word in PLURAL_OBJECTS else word
    if owner:
        return f"{owner}'s {noun}"
    if word in PLURAL_OBJECTS:
        return noun
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _target_role(p: Pattern) -> str | None:
    """The first target role a sentence can fill: ``obj``, ``prep:X`` or ``deep``."""
    for role in p.target:
        if role == "obj" or role == "deep" or role.startswith("prep:"):
            return role
    return None


def _prep_target(prep: str) -> str:
    return f"between {TARGET} and {THIRD}" if prep == "between" else f"{prep} {TARGET}"


def example_sentence(t: Trigger) -> str:
    """A news sentence in which ``SOURCE`` does the entry's act (to ``TARGET``)."""
    p = t.source
    role = None if p.no_target and not any(r.startswith("prep:") for r in p.target) else _target_role(p)
    if p.kind == "noun":
        words = [f"{SOURCE}'s", *(f"{w}" for w in ([t.object] if t.object else [])), t.lemma]
        preps = [r[5:] for r in p.target if r.startswith("prep:")]
        if preps and not p.no_target:
            words.append(_prep_target(preps[0]))
        return " ".join(words) + f" began {WHEN}."
    words = [SOURCE, _inflect(t.lemma, "VBD")]
    if p.particle:
        words.append(p.particle)
    prep = next(iter(sorted(p.prep)), None) if p.prep else None
    if p.xcomp:
        words.append(f"to {sorted(p.xcomp)[0]}")
    if t.object:
        owner = TARGET if role in ("deep", "obj") and not prep else None
        words.append(_object_phrase(t.object, owner))
        if owner:
            role = None
    elif p.pobj and prep:
        words.append(f"{prep} {sorted(p.pobj)[0]}")
        prep = None
    if prep:
        words.append(_prep_target(prep) if (role or "").startswith(f"prep:{prep}") or not role or role in ("obj", "deep") else prep)
        role = None
    if role == "obj" and not t.object:
        words.append(TARGET)
    elif role and role.startswith("prep:"):
        words.append(_prep_target(role[5:]))
    return " ".join(words) + f" {WHEN}."


def reaches(entry_code: str, event_code: str) -> bool:
    """Whether an event's code is the entry's code or one CAMEO narrows it to: a
    three-digit code ending in 0 stands for its whole root family ("070" -> "071")."""
    if event_code.startswith(entry_code):
        return True
    return len(entry_code) == 3 and entry_code.endswith("0") and event_code[:2] == entry_code[:2]
