"""Scorers for the gold sets labelled in CAMEO or PLOVER.

* ``cameo_manual``: one CAMEO code per sentence. Right at root (full-code)
  level when *any* emitted event has the gold root (code); "top" scores use
  only the highest-confidence event. The root confusion matrix is gold root
  x top-event root.
* ``petrarch2``: expected codes found (multiset recall, exact and root);
  records that expect no event count as false alarms when any event comes
  out. Records with ``meta.sentence_sentence == "false"`` are excluded (TABARI
  features PETRARCH never had), and so are ``bad_input_parse`` errors (they test
  PETRARCH's reader of a supplied treebank parse, which Flashpoint does not use;
  their text is coded elsewhere in the suite); other ``meta.gold_error`` records
  expect nothing.
  Gold codes outside CAMEO (the suite's dictionary-test codes such as 903,
  174K) are reported apart: "valid" figures use CAMEO codes only.
* ``plover_gsr``: PLOVER 0.5b1 types mapped to current ones; a record's type
  is right when any event has it; its dyad is right when such an event's
  source and target match the gold actors (see :func:`gsr_actor`). Two gold
  country codes that are not ISO-3166 alpha-3 (the set's README says its states
  are) are read as the country they spell (``GOLD_COUNTRY_ALIASES``: JAP, ITL).

Each also reports figures that mirror how unseen CAMEO-dyad sets judge the
coder: *root-set F1* (each sentence's set of CAMEO roots against the gold set,
micro-averaged), *sentence root F1* (the same F1 per sentence, averaged over
sentences; see :func:`~flashpoint.eval.metrics.sentence_set_f1`) and, where the gold has CAMEO dyads (plover_gsr's records with
a manual CAMEO code; petrarch2 with the suite's own actor codes), *strict F1*:
an event matches when source country, target country and root all agree. A
plover_gsr record marked reciprocal (``SRC/TAR``) expects one event each way
between its parties, as CAMEO codes reciprocal acts (:func:`gold_triples`).
Strict matching takes the target as part of the answer: a one-sided event (no
target) against a gold dyad is a wrong target, a false alarm and a miss like
any other wrong target, as the unseen CAMEO-dyad sets judge it; a gold event
with no target is matched only by a one-sided event (the dyad figure of
plover_gsr is laxer there: any target is accepted). Predicted and gold triples
are sets per sentence, so an event told twice counts once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import UsageError
from ..types import Actor, Event
from .coded import Coded, SetResult, diff_row, rate, top_event
from .metrics import Confusion, PRF, match, match_all, sentence_set_f1


def score_cameo_manual(coded: Sequence[Coded]) -> SetResult:
    """Score one-code-per-sentence records (the CAMEO manual's examples)."""
    n = root_any = full_any = root_top = full_top = 0
    conf = Confusion()
    pairs_root, pairs_full, rows = [], [], []
    for c in coded:
        if not c.record.expected or not c.record.expected[0].code:
            continue
        gold = c.record.expected[0].code
        n += 1
        roots = [e.cameo_root for e in c.events]
        codes = [e.cameo for e in c.events]
        top = top_event(c.events)
        ra, fa = gold[:2] in roots, gold in codes
        rt, ft = top is not None and top.cameo_root == gold[:2], top is not None and top.cameo == gold
        root_any, full_any, root_top, full_top = root_any + ra, full_any + fa, root_top + rt, full_top + ft
        conf.add(gold[:2], top.cameo_root if top else None)
        pairs_root.append(([gold[:2]], roots))
        pairs_full.append(([gold], codes))
        verdict = "full" if fa else "root" if ra else "missed" if not c.events else "wrong"
        rows.append(diff_row("cameo_manual", c, verdict))
    figures = {
        "n": n,
        "headline": {
            "root_any": rate(root_any, n), "full_any": rate(full_any, n),
            "root_top": rate(root_top, n), "full_top": rate(full_top, n),
            "root_set_f1": round(match_all((set(g), set(p)) for g, p in pairs_root).f1, 4),
            "sentence_root_f1": round(sentence_set_f1(pairs_root), 4),
        },
        "root_prf": match_all(pairs_root).as_dict(),
        "full_prf": match_all(pairs_full).as_dict(),
        "confusion_roots": conf.as_dict(),
        "errors": sum(1 for c in coded if c.error),
    }
    return SetResult(figures, rows)


# Records whose expected "error" is about PETRARCH's input: the supplied treebank parse is
# malformed. Flashpoint parses the text itself, and the same text is coded elsewhere in the suite.
INPUT_PARSE_ERRORS = frozenset({"bad_input_parse"})


def petrarch_excluded(coded: Coded) -> bool:
    """Records PETRARCH itself is not expected to pass (``sentence="false"``), and records
    testing PETRARCH's reaction to a malformed input parse (``error="bad_input_parse"``)."""
    if coded.record.meta_get("gold_error") in INPUT_PARSE_ERRORS:
        return True
    return str(coded.record.meta_get("sentence_sentence", "true")).lower() == "false"


def requires_dyad(coded: Coded) -> bool:
    """The record's own PETRARCH configuration: with ``require_dyad`` true (most
    records) an event needs both a source and a target to count, as in PETRARCH."""
    config = coded.record.meta_get("config", {}) or {}
    config = dict(config) if not isinstance(config, dict) else config
    return str(config.get("require_dyad", "false")).lower() == "true"


def score_petrarch2(coded: Sequence[Coded], valid_codes: frozenset[str] | set[str]) -> SetResult:
    """Score the PETRARCH unit-test suite (codes only; its actors are fictional)."""
    code_prf = root_prf = valid_code = valid_root = PRF()
    none_records = none_with_events = excluded = 0
    rows, strict_pairs, root_pairs = [], [], []
    for c in coded:
        if petrarch_excluded(c):
            excluded += 1
            rows.append(diff_row("petrarch2", c, "excluded"))
            continue
        gold = [] if c.record.meta_get("gold_error") else [g.code for g in c.record.expected if g.code]
        events = [e for e in c.events if not requires_dyad(c) or (e.source is not None and e.target is not None)]
        codes = [e.cameo for e in events]
        roots = [e.cameo_root for e in events]
        m_code, m_root = match(gold, codes), match([g[:2] for g in gold], roots)
        code_prf, root_prf = code_prf + m_code, root_prf + m_root
        valid = [g for g in gold if g in valid_codes]
        gold_events = [] if c.record.meta_get("gold_error") else [g for g in c.record.expected if g.code in valid_codes]
        strict_pairs.append(({(gold_country(g.source), gold_country(g.target), g.code[:2]) for g in gold_events},
                             event_triples(events)))
        root_pairs.append(({g[:2] for g in valid}, set(roots)))
        valid_code = valid_code + match(valid, codes)
        valid_root = valid_root + match([g[:2] for g in valid], roots)
        if not gold:
            none_records += 1
            none_with_events += bool(events)
            verdict = "spurious" if events else "quiet"
        else:
            verdict = "found" if m_code.fn == 0 else "partial" if m_code.tp else "root" if m_root.tp else "missed"
        rows.append(diff_row("petrarch2", c, verdict))
    figures = {
        "n": len(coded) - excluded,
        "excluded": excluded,
        "headline": {
            "code_recall": round(code_prf.recall, 4),
            "root_recall": round(root_prf.recall, 4),
            "code_recall_valid": round(valid_code.recall, 4),
            "root_recall_valid": round(valid_root.recall, 4),
            "no_event_fp_rate": rate(none_with_events, none_records),
            "strict_f1": round(match_all(strict_pairs).f1, 4),
            "root_set_f1": round(match_all(root_pairs).f1, 4),
            "sentence_root_f1": round(sentence_set_f1(root_pairs), 4),
        },
        "code_prf": code_prf.as_dict(),
        "root_prf": root_prf.as_dict(),
        "expected_codes": code_prf.tp + code_prf.fn,
        "expected_valid_codes": valid_code.tp + valid_code.fn,
        "no_event_records": none_records,
        "no_event_records_with_events": none_with_events,
        "errors": sum(1 for c in coded if c.error),
    }
    return SetResult(figures, rows)


def gsr_actor(actor: Actor | None) -> str | None:
    """Our actor in the gold set's terms: ISO3 country, or IGO/NGO for organisations.

    The gold codes international organisations by sector only ("IGO"), so an
    organisation of ours becomes ``NGO`` when its sector says so, else ``IGO``;
    one whose CAMEO code opens with a transnational sector (``IGO``, ``NGO``,
    ``IMG``: CAMEO's international militarized groups, al-Qaeda's ``IMGMUSALQ``)
    is that sector, as the gold codes it. Armed groups and parties with a home
    country (Hamas, Hezbollah, the PKK) are coded by that country in the gold, and so here.
    """
    if actor is None:
        return None
    if actor.org:
        if actor.country and actor.sector not in ("IGO", "NGO"):
            return actor.country
        head = (actor.code or "")[:3].upper()
        if head in TRANSNATIONAL_SECTORS:
            return head
        return "NGO" if actor.sector == "NGO" else "IGO"
    return actor.country


# CAMEO's codes for actors with no country of their own (the first three letters of an actor code).
TRANSNATIONAL_SECTORS = frozenset({"IGO", "NGO", "IMG"})


# Country codes in plover_gsr's gold that are not ISO-3166 alpha-3, though its README says
# the records were edited so that states use ISO-3166 alpha-3: each stands for one
# country without doubt, and is read as that country's ISO code.
GOLD_COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA"}


def gold_country(code: str | None) -> str | None:
    """The country (or IGO/NGO sector) part of a CAMEO actor code: its first three letters."""
    return code[:3].upper() if code else None


def gsr_country(code: str | None) -> str | None:
    """A plover_gsr gold actor as a country: :func:`gold_country`, with a non-ISO
    spelling read as its ISO code (``GOLD_COUNTRY_ALIASES``)."""
    head = gold_country(code)
    return GOLD_COUNTRY_ALIASES.get(head, head) if head else None


def gold_triples(expected: Sequence[Any], root: str, reciprocal: bool = False) -> set[tuple[str | None, str | None, str]]:
    """The gold (source country, target country, root) triples of a record.

    A reciprocal record ("SRC/TAR" markup: each party acts toward the other, as CAMEO
    codes 041 telephone, 046 negotiate or 057 sign agreement) is one event each way
    between every two of its parties; parties of one country make one domestic triple.
    """
    if reciprocal:
        parties = {gsr_country(p) for g in expected for p in (g.source, g.target) if p}
        if parties:
            pairs = {(a, b) for a in parties for b in parties if a != b} or {(p, p) for p in parties}
            return {(a, b, root) for a, b in pairs}
    return {(gsr_country(g.source), gsr_country(g.target), root) for g in expected}


def event_triples(events: Sequence[Event]) -> set[tuple[str | None, str | None, str]]:
    """The (source country, target country, root) of each event, for strict matching."""
    return {(cameo_country(e.source), cameo_country(e.target), e.cameo_root) for e in events}


def cameo_country(actor: Actor | None) -> str | None:
    """An actor as a CAMEO dyad side: :func:`gsr_actor`, else the first three letters
    of its actor code (dictionaries with their own actor codes, as PETRARCH's suite)."""
    return gsr_actor(actor) or (gold_country(actor.code) if actor is not None else None)


def _dyad_right(record_expected: Sequence[Any], reciprocal: bool, src: str | None, tgt: str | None) -> bool:
    sources = {gsr_country(g.source) for g in record_expected if g.source}
    targets = {gsr_country(g.target) for g in record_expected if g.target}
    if reciprocal:
        # "SRC/TAR" markup: each party is source and target of the other.
        sources = targets = sources | targets
    if src not in sources:
        return False
    if not targets:
        return True  # the gold names no target: any target (or none) is accepted
    if (src, tgt) in {(gsr_country(g.source), gsr_country(g.target)) for g in record_expected}:
        return True  # includes domestic dyads the gold codes as such ("CIV" -> "CIV")
    return tgt in targets and tgt != src


def score_plover_gsr(coded: Sequence[Coded], old_type: Any) -> SetResult:
    """Score PLOVER gold-standard records: type, then dyad of the typed events.

    Args:
        coded: the coded records.
        old_type: maps a PLOVER 0.5b1 type name to the current one
            (``Ontology.old_plover_type``).
    """
    n = type_right = dyad_right = cameo_n = cameo_root_right = 0
    type_pairs, src_pairs, tgt_pairs, rows, strict_pairs, root_pairs = [], [], [], [], [], []
    type_map: dict[str, str] = {}
    for c in coded:
        if not c.record.expected:
            continue
        n += 1
        try:
            gold_type = old_type(c.record.expected[0].code or "")
        except UsageError:
            gold_type = c.record.expected[0].code
        type_map[str(c.record.expected[0].code)] = str(gold_type)
        reciprocal = bool(c.record.meta_get("reciprocal_source_target"))
        typed = [e for e in c.events if e.plover and e.plover.type == gold_type]
        t_ok = bool(typed)
        d_ok = any(_dyad_right(c.record.expected, reciprocal, gsr_actor(e.source), gsr_actor(e.target)) for e in typed)
        type_right += t_ok
        dyad_right += d_ok
        type_pairs.append(({gold_type}, {e.plover.type for e in c.events if e.plover}))
        src_pairs.append(({gsr_country(g.source) for g in c.record.expected if g.source},
                          {gsr_actor(e.source) for e in c.events if e.source}))
        tgt_pairs.append(({gsr_country(g.target) for g in c.record.expected if g.target},
                          {gsr_actor(e.target) for e in c.events if e.target}))
        manual = c.record.meta_get("cameo_code_from_manual")
        if manual:
            cameo_n += 1
            cameo_root_right += any(e.cameo_root == str(manual)[:2] for e in c.events)
            root = str(manual)[:2]
            strict_pairs.append((gold_triples(c.record.expected, root, reciprocal), event_triples(c.events)))
            root_pairs.append(({root}, {e.cameo_root for e in c.events}))
        verdict = "type+dyad" if d_ok else "type" if t_ok else "missed" if not c.events else "wrong"
        rows.append(diff_row("plover_gsr", c, verdict, gold_plover=gold_type))
    figures = {
        "n": n,
        "headline": {
            "type_accuracy": rate(type_right, n),
            "dyad_accuracy_of_type_right": rate(dyad_right, type_right),
            "type_and_dyad": rate(dyad_right, n),
            "strict_f1": round(match_all(strict_pairs).f1, 4),
            "root_set_f1": round(match_all(root_pairs).f1, 4),
            "sentence_root_f1": round(sentence_set_f1(root_pairs), 4),
        },
        "type_prf": match_all(type_pairs).as_dict(),
        "source_prf": match_all(src_pairs).as_dict(),
        "target_prf": match_all(tgt_pairs).as_dict(),
        "type_map": dict(sorted(type_map.items())),
        "cameo_from_manual_n": cameo_n,
        "cameo_from_manual_root_any": rate(cameo_root_right, cameo_n),
        "errors": sum(1 for c in coded if c.error),
    }
    return SetResult(figures, rows)
