"""Metrics on hand-made counts: no model, no gold files."""

from __future__ import annotations

import pytest

from flashpoint.eval.metrics import (NONE, PRF, Confusion, label_prf, match, match_all, sentence_set_f1, set_f1,
                                     weighted_f1)


def test_prf_rates_and_zero_division():
    assert PRF().precision == PRF().recall == PRF().f1 == 0.0
    p = PRF(tp=3, fp=1, fn=2)
    assert p.precision == pytest.approx(0.75)
    assert p.recall == pytest.approx(0.6)
    assert p.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert (p + PRF(1, 1, 1)) == PRF(4, 2, 3)
    assert p.as_dict()["precision"] == 0.75


def test_match_is_a_multiset():
    assert match(["064", "064"], ["064"]) == PRF(1, 0, 1)
    assert match(["064"], ["064", "064", "111"]) == PRF(1, 2, 0)
    assert match([], []) == PRF()
    assert match_all([(["01"], ["01"]), ([], ["02"]), (["03"], [])]) == PRF(1, 1, 1)


@pytest.mark.parametrize("gold, predicted, f1", [
    (set(), set(), 1.0),  # no event, none coded: right
    (set(), {"01"}, 0.0),  # a quiet sentence coded
    ({"19"}, set(), 0.0),  # an event missed
    ({"19"}, {"19"}, 1.0),
    ({"19"}, {"19", "01"}, 2 / 3),  # one extra root: precision 1/2, recall 1
    ({"04", "06"}, {"04"}, 2 / 3),
    ({"04", "06"}, ["04", "04", "06"], 1.0),  # sets: a root coded twice counts once
    ({"14"}, {"17"}, 0.0),
])
def test_set_f1_of_one_sentence(gold, predicted, f1):
    assert set_f1(gold, predicted) == pytest.approx(f1)


def test_sentence_set_f1_averages_over_sentences_not_codes():
    pairs = [({"19"}, {"19"}), (set(), set()), ({"19"}, {"19", "01", "02", "03"})]
    assert sentence_set_f1(pairs) == pytest.approx((1 + 1 + 0.4) / 3)
    assert match_all(pairs).f1 == pytest.approx(2 * 2 / (2 * 2 + 3))  # micro for contrast
    assert sentence_set_f1([]) == 0.0


def test_label_prf_counts_quiet_sentences():
    gold = [frozenset({"KILL"}), frozenset(), frozenset(), frozenset({"KILL", "FORCE"})]
    pred = [frozenset({"KILL"}), frozenset({"KILL"}), frozenset(), frozenset({"FORCE"})]
    assert label_prf(gold, pred, "KILL") == PRF(1, 1, 1)
    assert label_prf(gold, pred, "FORCE") == PRF(1, 0, 0)
    with pytest.raises(ValueError):
        label_prf(gold, pred[:2], "KILL")


def test_weighted_f1_weights_by_support():
    gold = ["A", "A", "A", "B", "X"]
    pred = ["A", "A", "NONE", "A", "B"]
    out = weighted_f1(gold, pred, ["A", "B"])
    f_a = 2 * (2 / 3) * (2 / 3) / (4 / 3)
    assert out["per_label"]["A"]["support"] == 3
    assert out["per_label"]["B"]["f1"] == 0.0
    assert out["weighted_f1"] == round((3 * f_a + 1 * 0.0) / 4, 4)
    assert out["accuracy"] == 0.4
    assert weighted_f1([], [], ["A"])["weighted_f1"] == 0.0


def test_confusion_matrix_round_trip_and_markdown():
    conf = Confusion()
    conf.add("18", "18")
    conf.add("18", None)
    conf.add(None, "04")
    assert conf.labels() == ["04", "18", NONE]
    again = Confusion.from_dict(conf.as_dict())
    assert again.counts == conf.counts
    table = conf.markdown().splitlines()
    assert table[0].startswith("| gold \\ predicted | 04 | 18 | none")
    assert "**1**" in table[3]  # the 18 -> 18 diagonal cell is bold
    assert len(table) == 2 + 3
