"""The back-off model: numpy scoring equals scikit-learn's, and the shipped model behaves (no spaCy)."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import numpy as np
import pytest

from flashpoint.coding.backoff import CONFIDENCE_SCALE, NONE, QUAD_OF_ROOT, RULE, Backoff, load_backoff
from flashpoint.errors import DataFileError

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_backoff.py"

# Sentences of our own, none of them in the training data.
TINY = [
    ("The army shelled rebel positions near the border town overnight.", "4", "19"),
    ("Troops fired on the crowd and killed three protesters.", "4", "18"),
    ("Militants bombed a police station in the north.", "4", "18"),
    ("The two ministers signed a trade agreement in the capital.", "1", "05"),
    ("The governments agreed to cooperate on border security.", "1", "03"),
    ("The president met his counterpart for talks on energy.", "1", "04"),
    ("The storm brought heavy rain and strong winds to the coast.", NONE, None),
    ("The football team won the championship on penalties.", NONE, None),
    ("Share prices rose on the stock exchange this morning.", NONE, None),
]


def _train_script():
    spec = importlib.util.spec_from_file_location("train_backoff", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_numpy_scoring_equals_scikit_learn():
    pytest.importorskip("sklearn", reason="scikit-learn comes with the test extra: pip install -e '.[test]'")
    train = _train_script()
    texts = [t for t, _, _ in TINY] * 2
    quads = [q for _, q, _ in TINY] * 2
    vec = train.vectorizer().set_params(min_df=1)
    x = vec.fit_transform(texts)
    quad_clf = train.classifier(1.0).fit(x, quads)
    rooted = [i for i, (_, _, r) in enumerate(TINY * 2) if r]
    root_clf = train.classifier(1.0).fit(x[rooted], [(TINY * 2)[i][2] for i in rooted])
    model = Backoff(train.export_arrays(vec, quad_clf, root_clf, 0.5, [[0.0, 1.01, 0.7, 10]]))
    probe = "Soldiers shelled the town near the border and signed nothing."
    want = dict(zip(quad_clf.classes_, quad_clf.predict_proba(vec.transform([probe]))[0]))
    got = model.probabilities(probe)
    assert set(got) == set(want)
    for cls, p in want.items():
        assert got[cls] == pytest.approx(p, abs=2e-3)  # coefficients are stored as float16


def test_shipped_model_loads_and_predicts_consistent_codes():
    model = load_backoff()
    assert NONE in model.quad_classes and len(model.index) > 1000
    pred = model.predict("Government troops launched an offensive and shelled rebel-held villages, killing dozens.")
    assert pred is not None and pred.quad == "4"
    assert QUAD_OF_ROOT[pred.root] == pred.quad and pred.code == pred.root + "0"
    assert 0.0 < pred.confidence <= CONFIDENCE_SCALE
    assert model.threshold <= pred.probability <= 1.0


@pytest.mark.parametrize("text", ["", "    ", "!!!", "zzzz qqqq xxxx"])
def test_no_words_known_no_event(text):
    assert load_backoff().predict(text) is None


def test_every_prediction_keeps_root_inside_its_quad_class():
    model = load_backoff()
    for text, _, _ in TINY:
        pred = model.predict(text)
        if pred is not None:
            assert QUAD_OF_ROOT[pred.root] == pred.quad
            assert not math.isnan(pred.confidence)


def test_bad_model_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "model.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DataFileError, match="--no-backoff"):
        Backoff.load(bad)
    np.savez(tmp_path / "partial.npz", vocabulary=np.array(["a"]))
    with pytest.raises(DataFileError):
        Backoff.load(tmp_path / "partial.npz")


def test_rule_name():
    assert RULE == "backoff:tfidf-lr"


def test_a_barred_root_gives_way_to_the_best_other_root_of_its_class():
    model = load_backoff()
    text = "Lawmakers backed a plan to send police officers abroad."
    pred = model.predict(text)
    assert pred is not None
    other = model.predict(text, frozenset({pred.root}))
    assert other is not None and other.root != pred.root and other.quad == pred.quad
    assert other.probability == pred.probability
