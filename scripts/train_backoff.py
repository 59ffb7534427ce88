"""Train the statistical back-off coder (TF-IDF word 1-2 grams + logistic regression).

Reproducible: a fixed seed, the tuning parts only of the visible gold sets (the
held-aside records, ``flashpoint.eval.split``, are never read here) plus the
project's own merge fixture (and, with ``--with-own-sets``, our blind sentence
sets: eval/project.py OWN_SETS and WIRE_SETS), and the SHA-256 of every input file recorded beside
the model. Writes ``src/flashpoint/coding/data/backoff/model.npz`` (vocabulary,
idf, coefficients, threshold, calibration; scored with numpy at run time, so the
runtime does not need scikit-learn) and ``model.json`` (what it was trained on).

Two classifiers share one vocabulary:

* ``quad``: ``none`` or a Phoenix QuadClass 0-4. Every labelled sentence feeds it
  (CAMEO roots are mapped to their QuadClass); ``none`` is taught by PETRARCH's
  records that expect no event, a fixed sample of IndiaPoliceEvents' sentences
  with no label, and news-style sentences of our own that report no political
  event (``tests/data/backoff_negatives.txt``: weather, disasters, markets, sport).
  The project's own sentences weigh ``OWN_WEIGHT`` times more than the others.
* ``root``: the CAMEO root, from the sets that give one (the CAMEO manual's
  examples, PLOVER records with a manual code, PETRARCH's suite, the merge fixture).
  At run time the root is chosen among the roots of the predicted QuadClass.

The firing threshold is chosen on out-of-fold (5-fold) probabilities of the
tuning data: the lowest event probability at which at most ``--max-false-alarms``
(2%) of the ``none`` sentences fire. At 3%, out of fold, one in eight of our own
news-style sentences with no event fired (one in twenty at 2%), and articles are
full of such sentences. Confidence is calibrated on the same
out-of-fold probabilities: the share of right QuadClasses per probability bin.

Usage (needs the test extra, which brings scikit-learn)::

    .venv/bin/python scripts/train_backoff.py [--evaldata ../shared/evaldata]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from flashpoint.coding.backoff import NONE, QUADS, ROOTS, TOKEN_PATTERN  # noqa: E402
from flashpoint.eval.event_sets import petrarch_excluded  # noqa: E402
from flashpoint.eval.coded import Coded  # noqa: E402
from flashpoint.eval.gold import read_gold  # noqa: E402
from flashpoint.eval.news_sets import quad_class  # noqa: E402
from flashpoint.eval.split import TUNING, part_of  # noqa: E402

SEED = 20261204
OUT = REPO / "src" / "flashpoint" / "coding" / "data" / "backoff"
INDIA_NONE_SAMPLE = 2500  # quiet IndiaPoliceEvents sentences taught as "none"
INDIA_EVENT_SAMPLE = 300  # labelled ones taught as material conflict
OWN_WEIGHT = 4.0
OWN = frozenset({"merge_fixture", "own_negatives", "own_sets"})
CALIBRATION_BINS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def own_sentence_sets() -> list[tuple[str, Path]]:
    """The project's own blind sentence sets (eval/project.py OWN_SETS and
    WIRE_SETS): ordinary news in our own words, each record's first expected
    code its label and a record that expects nothing a ``none``."""
    from flashpoint.eval.project import OWN_SETS, TESTS_DATA, WIRE_SETS

    files = [file for _, file, _ in OWN_SETS] + [file for _, file, _ in WIRE_SETS]
    return [(Path(file).stem, TESTS_DATA / file) for file in files if (TESTS_DATA / file).is_file()]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tuning(set_name: str, path: Path):
    return [r for r in read_gold(path) if part_of(set_name, r.id) == TUNING]


def collect(evaldata: Path, with_own_sets: bool = False) -> tuple[list[tuple[str, str, str | None, str]], dict[str, str]]:
    """(text, quad label, root or None, origin) for every training sentence, and the file hashes."""
    rng = random.Random(SEED)
    files = {
        "conflibert": evaldata / "conflibert_cameo_train.jsonl",
        "cameo_manual": evaldata / "cameo_manual_examples.jsonl",
        "plover_gsr": evaldata / "plover_gsr_cameo.jsonl",
        "petrarch2": evaldata / "petrarch2_unittest.jsonl",
        "india_police": evaldata / "india_police_events.jsonl",
        "merge_fixture": REPO / "tests" / "data" / "merge_fixture.jsonl",
        "own_negatives": REPO / "tests" / "data" / "backoff_negatives.txt",
    }
    out: list[tuple[str, str, str | None, str]] = []
    for rec in tuning("conflibert", files["conflibert"]):
        code = rec.expected[0].code if rec.expected else None
        if code in QUADS:
            out.append((rec.text, code, None, "conflibert"))
    for rec in tuning("cameo_manual", files["cameo_manual"]):
        code = rec.expected[0].code if rec.expected else None
        if code and code[:2] in ROOTS:
            out.append((rec.text, quad_class(code[:2]), code[:2], "cameo_manual"))
    for rec in tuning("plover_gsr", files["plover_gsr"]):
        manual = rec.meta_get("cameo_code_from_manual")
        if manual and str(manual)[:2] in ROOTS:
            out.append((rec.text, quad_class(str(manual)[:2]), str(manual)[:2], "plover_gsr"))
    for rec in tuning("petrarch2", files["petrarch2"]):
        if petrarch_excluded(Coded(rec, ())):
            continue
        codes = [] if rec.meta_get("gold_error") else [g.code for g in rec.expected if g.code and g.code[:2] in ROOTS]
        if codes:
            out.append((rec.text, quad_class(codes[0][:2]), codes[0][:2], "petrarch2"))
        elif not rec.meta_get("gold_error"):
            out.append((rec.text, NONE, None, "petrarch2"))
    india = tuning("india_police", files["india_police"])
    quiet = [r for r in india if not any(g.code for g in r.expected)]
    loud = [r for r in india if any(g.code in ("KILL", "ARREST", "FORCE") for g in r.expected)]
    out += [(r.text, NONE, None, "india_police") for r in rng.sample(quiet, min(INDIA_NONE_SAMPLE, len(quiet)))]
    out += [(r.text, "4", None, "india_police") for r in rng.sample(loud, min(INDIA_EVENT_SAMPLE, len(loud)))]
    for line in files["merge_fixture"].read_text(encoding="utf-8").splitlines():
        obj = json.loads(line) if line.strip() else None
        event = (obj or {}).get("event") or {}
        root = str(event.get("root") or "")
        if root in ROOTS:
            first = obj["text"].split(". ")[0]
            out.append((first, quad_class(root), root, "merge_fixture"))
    for line in files["own_negatives"].read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append((line.strip(), NONE, None, "own_negatives"))
    for name, path in own_sentence_sets() if with_own_sets else ():  # our blind sets (--with-own-sets)
        files[name] = path
        for rec in read_gold(path):
            codes = [g.code for g in rec.expected if g.code and g.code[:2] in ROOTS]
            if codes:
                out.append((rec.text, quad_class(codes[0][:2]), codes[0][:2], "own_sets"))
            elif not rec.expected:
                out.append((rec.text, NONE, None, "own_sets"))
    hashes = {name: sha256(path) for name, path in files.items()}
    return out, hashes


def vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True,
                           token_pattern=TOKEN_PATTERN, dtype=np.float32)


def classifier(c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=2000, class_weight="balanced", random_state=SEED)


def out_of_fold(texts: list[str], labels: list[str], weights: np.ndarray, c: float) -> tuple[np.ndarray, list[str]]:
    """5-fold out-of-fold class probabilities (the classes in sorted order)."""
    from sklearn.model_selection import StratifiedKFold

    classes = sorted(set(labels))
    probs = np.zeros((len(texts), len(classes)), dtype=np.float64)
    y = np.array(labels)
    for train, test in StratifiedKFold(5, shuffle=True, random_state=SEED).split(texts, y):
        vec = vectorizer()
        x = vec.fit_transform([texts[i] for i in train])
        clf = classifier(c).fit(x, y[train], sample_weight=weights[train])
        p = clf.predict_proba(vec.transform([texts[i] for i in test]))
        for k, cls in enumerate(clf.classes_):
            probs[test, classes.index(cls)] = p[:, k]
    return probs, classes


def choose_threshold(probs: np.ndarray, classes: list[str], labels: list[str], max_false: float) -> float:
    """The lowest event probability (1 - P(none)) at which at most ``max_false`` of the none sentences fire."""
    event_p = 1.0 - probs[:, classes.index(NONE)]
    none_p = np.sort(event_p[np.array(labels) == NONE])
    if not len(none_p):
        return 0.5
    k = int(np.floor(len(none_p) * (1.0 - max_false)))
    return float(max(0.5, none_p[min(k, len(none_p) - 1)] + 1e-6))


def calibrate(probs: np.ndarray, classes: list[str], labels: list[str], threshold: float) -> list[list[float]]:
    """Per bin of the predicted QuadClass's probability (among fired event sentences): the share right."""
    none = classes.index(NONE)
    table = []
    fired = [(probs[i], labels[i]) for i in range(len(labels))
             if labels[i] != NONE and 1.0 - probs[i, none] >= threshold]
    for lo, hi in zip(CALIBRATION_BINS, CALIBRATION_BINS[1:]):
        inside = []
        for p, label in fired:
            q = p.copy()
            q[none] = 0.0
            best = int(q.argmax())
            share = q[best] / q.sum()
            if lo <= share < hi:
                inside.append(classes[best] == label)
        table.append([lo, hi, round(sum(inside) / len(inside), 4) if inside else None, len(inside)])
    return table


def out_of_fold_report(probs: np.ndarray, classes: list[str], rows, threshold: float) -> dict[str, dict[str, float]]:
    """Per origin, out of fold: the share of sentences that fire, and of event sentences with the right QuadClass."""
    none = classes.index(NONE)
    out: dict[str, dict[str, float]] = {}
    for origin in sorted({r[3] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r[3] == origin]
        fire = [1.0 - probs[i, none] >= threshold for i in idx]
        events = [(i, f) for i, f in zip(idx, fire) if rows[i][1] != NONE]
        right = [f and classes[int(np.where(np.arange(len(classes)) == none, -1.0, probs[i]).argmax())] == rows[i][1]
                 for i, f in events]
        out[origin] = {"n": len(idx), "fires": round(float(np.mean(fire)), 4),
                       "quad_right_of_events": round(float(np.mean(right)), 4) if right else None}
    return out


def export_arrays(vec, quad_clf, root_clf, threshold: float, calibration: list[list[float]]) -> dict[str, np.ndarray]:
    """The fitted models as plain arrays for :class:`flashpoint.coding.backoff.Backoff`."""
    vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
    return {
        "vocabulary": np.array(vocab),
        "idf": vec.idf_.astype(np.float32),
        "quad_classes": np.array(quad_clf.classes_),
        "quad_coef": quad_clf.coef_.astype(np.float16),
        "quad_intercept": quad_clf.intercept_.astype(np.float32),
        "root_classes": np.array(root_clf.classes_),
        "root_coef": root_clf.coef_.astype(np.float16),
        "root_intercept": root_clf.intercept_.astype(np.float32),
        "threshold": np.array(threshold, dtype=np.float32),
        "calibration": np.array([[lo, hi, acc if acc is not None else np.nan] for lo, hi, acc, _ in calibration],
                                dtype=np.float32),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--evaldata", type=Path, default=REPO.parent / "shared" / "evaldata")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--c", type=float, default=4.0, help="inverse regularisation strength")
    ap.add_argument("--max-false-alarms", type=float, default=0.02,
                    help="share of the tuning 'none' sentences allowed to fire (out of fold)")
    ap.add_argument("--with-own-sets", action="store_true",
                    help="also train on our blind sentence sets (tried in session 15, not shipped: docs/BACKOFF.md)")
    args = ap.parse_args(argv)
    import sklearn

    rows, hashes = collect(args.evaldata, args.with_own_sets)
    texts = [r[0] for r in rows]
    quads = [r[1] for r in rows]
    weights = np.array([OWN_WEIGHT if r[3] in OWN else 1.0 for r in rows])
    probs, classes = out_of_fold(texts, quads, weights, args.c)
    threshold = choose_threshold(probs, classes, quads, args.max_false_alarms)
    calibration = calibrate(probs, classes, quads, threshold)
    oof = out_of_fold_report(probs, classes, rows, threshold)

    vec = vectorizer()
    x = vec.fit_transform(texts)
    quad_clf = classifier(args.c).fit(x, quads, sample_weight=weights)
    with_root = [i for i, r in enumerate(rows) if r[2]]
    root_clf = classifier(args.c).fit(x[with_root], [rows[i][2] for i in with_root], sample_weight=weights[with_root])

    args.out.mkdir(parents=True, exist_ok=True)
    arrays = export_arrays(vec, quad_clf, root_clf, threshold, calibration)
    np.savez_compressed(args.out / "model.npz", **arrays)
    counts: dict[str, int] = {}
    for _, quad, _, origin in rows:
        counts[f"{origin}:{quad}"] = counts.get(f"{origin}:{quad}", 0) + 1
    meta = {
        "model": "tfidf word 1-2 grams (min_df 2, sublinear tf) + logistic regression (balanced, C=%g)" % args.c,
        "seed": SEED, "scikit_learn": sklearn.__version__, "numpy": np.__version__,
        "data_sha256": hashes, "parts": "tuning parts only (flashpoint.eval.split)",
        "sentences": len(rows), "own_weight": OWN_WEIGHT, "by_origin_and_label": dict(sorted(counts.items())),
        "vocabulary": len(arrays["vocabulary"]), "threshold": round(threshold, 4),
        "max_false_alarms": args.max_false_alarms, "calibration_bins": calibration, "out_of_fold": oof,
    }
    (args.out / "model.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps({k: meta[k] for k in ("sentences", "vocabulary", "threshold", "out_of_fold")}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
