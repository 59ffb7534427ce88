"""One event, several reports (coding/reports.py) and the confidence curve (coding/confidence.py)."""

from __future__ import annotations

from flashpoint.coding.confidence import IDENTITY, Calibration, calibrate, fit, group_of
from flashpoint.coding.reports import fold_reports
from flashpoint.types import Actor, Event, Evidence, Quantity

BDI_REB = Actor("Gunmen", "rebels", "BDI", None, "REB", "BDIREB")
BDI_MIL = Actor("soldiers", "military", "BDI", None, "MIL", "BDIMIL")


def _event(start, root, code, qs=(), trigger="attacked", target=BDI_MIL):
    return Event(event_id=f"{start}{code}", doc_id="d", date="2025-03-01", date_precision="day", source=BDI_REB,
                 target=target, cameo=code, cameo_root=root, quad_class=4, goldstein=-10.0, plover=None,
                 negated=False, modality="asserted", attribution=None, location=None, quantities=tuple(qs),
                 evidence=Evidence("s", start, start + 10, trigger), rule="verb:x", confidence=0.5,
                 inputs=("raw=0.500",))


def test_headline_folds_into_the_lead():
    head = _event(0, "19", "190", trigger="shell")
    lead = _event(60, "18", "180", [Quantity(12, "dead")])
    out = fold_reports([head, lead], headline=(0, 50))
    assert len(out) == 1 and out[0].evidence.start == 60 and "reports=2" in out[0].inputs


def test_headline_act_the_body_never_restates_stays():
    head = _event(0, "11", "112", trigger="accuses")
    lead = _event(60, "18", "180")
    assert len(fold_reports([head, lead], headline=(0, 50))) == 2


def test_attack_and_its_toll_in_one_sentence_are_one_event():
    attack = _event(60, "19", "190")
    kill = _event(60, "18", "180", [Quantity(12, "dead")], trigger="killing")
    (one,) = fold_reports([attack, kill])
    assert one.cameo == "190" and [q.value for q in one.quantities] == [12]


def test_toll_goes_to_the_act_that_fits_it():
    arrest = _event(0, "17", "173", [Quantity(100, "arrested", estimate=True), Quantity(26, "dead")], target=None)
    killing = _event(0, "18", "180", [Quantity(26, "dead")], trigger="killed")
    out = fold_reports([arrest, killing])
    assert sum(q.value for e in out for q in e.quantities if q.unit == "dead") == 26
    assert [q.unit for q in out[0].quantities] == ["arrested"]


def test_fit_is_monotone_and_keeps_order():
    pairs = [("known", r / 100, r > 50) for r in range(1, 100)] * 3
    cal = fit(pairs, min_block=10)
    values = [calibrate(r / 100, cal, "known") for r in range(0, 101)]
    assert all(a < b for a, b in zip(values, values[1:]) if 0.01 < a < 0.99 and 0.01 < b < 0.99)
    assert calibrate(0.9, cal, "known") > 0.8 and calibrate(0.1, cal, "known") < 0.2


def test_identity_without_a_curve():
    assert calibrate(0.4242, IDENTITY) == 0.424
    assert calibrate(0.5, Calibration(curves=(("all", ((0.2, 0.1), (0.8, 0.9))),)), "open") == 0.5


def test_groups():
    assert group_of(BDI_REB, BDI_MIL) == "known"
    assert group_of(BDI_REB, None) == "one-sided"
    assert group_of(Actor("Arnor", "Arnor"), BDI_MIL) == "open"


PSE = Actor("Gaza", "Palestine", "PSE", None, None, "PSE")
ISIS = Actor("Islamic State-linked insurgents", "Islamic State", None, "ISIS", "REB", "IMGMUSISI")
MOZ_REB = Actor("Insurgents", "rebels", "MOZ", None, "REB", "MOZREB")
MOZ = Actor("Macomia", "Mozambique", "MOZ", None, None, "MOZ")
CAMP = Actor("Zamzam", "Zamzam")  # a place the knowledge base does not know, kept as a name


def test_headline_with_another_source_folds_by_its_toll():
    head = _replace(_event(0, "19", "190", [Quantity(9, "dead", bound="at_least")], trigger="raid"), source=MOZ_REB, target=None)
    lead = _replace(_event(60, "19", "190", [Quantity(9, "dead", bound="at_least")], trigger="raided"), source=ISIS, target=MOZ)
    (one,) = fold_reports([head, lead], headline=(0, 50))
    assert one.source == ISIS and sum(q.value for q in one.quantities) == 9


def test_headline_clash_folds_into_the_lead_coercion():
    head = _replace(_event(0, "19", "190", trigger="clash"), target=None)
    lead = _event(60, "17", "175", trigger="fired")
    (one,) = fold_reports([head, lead], headline=(0, 50))
    assert one.cameo == "175"


def test_headline_accusation_does_not_fold_into_an_attack():
    head = _replace(_event(0, "11", "112", trigger="accuses"), target=None)
    lead = _event(60, "19", "190")
    assert len(fold_reports([head, lead], headline=(0, 50))) == 2


def test_one_blow_is_kept_with_the_side_it_names():
    shelled = _replace(_event(60, "19", "194", [Quantity(15, "dead")], trigger="shelled"), target=CAMP)
    killing = _replace(_event(60, "18", "180", trigger="killing"), target=PSE)
    (one,) = fold_reports([shelled, killing])
    assert one.target == PSE and [q.value for q in one.quantities] == [15]


def _replace(e, **changes):
    import dataclasses

    return dataclasses.replace(e, **changes)
