"""Every CAMEO code below the roots has a route in the pattern data: a pattern of its
own, a narrowing of a parent code by what is at stake (``subcodes``), or the intent or
refusal form of a code that has one."""

from __future__ import annotations

from flashpoint.coding.ontology import Ontology
from flashpoint.coding.patterns import load_patterns


def routes(ps) -> set[str]:
    reach = {p.code for p in (*ps.patterns, *ps.statements)}
    while True:
        new = set()
        for c in reach:
            new.update(child for child, _words in ps.subcodes.get(c, ()))
            new.update(table[k] for table in (ps.intent, ps.refusal) for k in (c, c[:3], c[:2]) if k in table)
        if new <= reach:
            return reach
        reach |= new


def test_every_code_has_a_route():
    ps, ont = load_patterns(), Ontology.load()
    assert sorted(c for c in ont.codes if len(c) > 2 and c not in routes(ps)) == []


def test_every_root_has_generated_and_hand_written_patterns():
    ps = load_patterns()
    roots = {f"{r:02d}" for r in range(1, 21)}
    generated = {p.code[:2] for p in (*ps.patterns, *ps.statements) if p.id.startswith("lx-")}
    hand = {p.code[:2] for p in ps.patterns if not p.id.startswith("lx-")}
    assert generated == roots and hand == roots
