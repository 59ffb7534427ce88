"""Strict F1 on the project's own wire-service sentences (``tests/data/own_wire.jsonl``, issue 9).

Each sentence carries the events PETRARCH would code, as CAMEO actor codes and
codes: states (``RUSMIL``), international organisations (``IGOUNO``), armed
groups under their home country (``SDNREB``), reciprocal acts (041 telephone,
046 negotiate, 057 sign agreement) once each way, and no bare statements. The
coder runs with ``--no-statements`` (as PETRARCH, which codes no bare 010), and
an event matches when source country, target country and root all agree, the
measure unseen CAMEO-dyad sets judge the coder by (:mod:`.event_sets`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..config import Settings
from .coded import Coded, SetResult, diff_row
from .event_sets import event_triples, gold_country
from .metrics import match_all, sentence_set_f1

SET_NAME = "own_wire"


def wire_settings(settings: Settings) -> Settings:
    """The settings the set is scored under: no bare statements, as PETRARCH."""
    return replace(settings, statements=False)


def _gold(coded: Coded) -> set[tuple[str | None, str | None, str]]:
    return {(gold_country(g.source), gold_country(g.target), (g.code or "")[:2]) for g in coded.record.expected}


def score_wire(coded: Sequence[Coded]) -> SetResult:
    """Strict F1 (source country, target country, root), with recall by construction."""
    pairs, rows = [], []
    by_construction: dict[str, Counter[str]] = {}
    for c in coded:
        gold, predicted = _gold(c), event_triples(c.events)
        pairs.append((gold, predicted))
        found = len(gold & predicted)
        for kind in c.record.meta_get("constructions", ()) or ("plain",):
            counts = by_construction.setdefault(kind, Counter())
            counts["found"] += found
            counts["expected"] += len(gold)
        verdict = ("exact" if gold == predicted else "partial" if found else
                   "missed" if not c.events else "wrong")
        rows.append(diff_row(SET_NAME, c, verdict,
                             gold_triples=sorted(map(list, gold), key=str),
                             predicted_triples=sorted(map(list, predicted), key=str)))
    prf = match_all(pairs)
    figures = {
        "n": len(coded),
        "headline": {"strict_f1": round(prf.f1, 4), "strict_precision": round(prf.precision, 4),
                     "strict_recall": round(prf.recall, 4),
                     "exact_sentences": sum(r["verdict"] == "exact" for r in rows),
                     "sentence_root_f1": round(sentence_set_f1(({t[2] for t in g}, {t[2] for t in p}) for g, p in pairs), 4)},
        "strict_prf": prf.as_dict(),
        "recall_by_construction": {k: f"{v['found']}/{v['expected']}" for k, v in sorted(by_construction.items())},
        "errors": sum(1 for c in coded if c.error),
    }
    return SetResult(figures, rows)


def wire_scores(path: Path, settings: Settings | None = None) -> dict[str, Any]:
    """Today's figures on the wire set, with its recorded first run beside them."""
    from .gold import read_gold
    from .runner import code_records

    coded = code_records(read_gold(path), wire_settings(settings or Settings()))
    figures = score_wire(coded).figures
    out: dict[str, Any] = {"n": figures["n"], "now": figures["headline"]}
    first = path.with_name(path.stem + "_first_run.json")
    if first.is_file():
        out["first_run"] = json.loads(first.read_text(encoding="utf-8"))["headline"]
    return out
