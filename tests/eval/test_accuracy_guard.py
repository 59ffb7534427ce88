"""CI accuracy guard: the fast subset must not fall below the committed figures.

Re-runs the subset listed in ``flashpoint.eval.runner.SUBSET_LIMITS`` (whole
small sets, the head of the big ones) and compares every headline figure
with ``docs/accuracy.json``'s ``subset`` part, computed the same way by
``make accuracy``. A figure more than 2 points worse fails the test; after
an intended change, run ``make accuracy`` and commit both docs files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.eval.guard import TOLERANCE, regressions
from flashpoint.eval.report import TARGETS, read_figures
from flashpoint.eval.runner import run_all

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
EVALDATA = REPO / ".." / "shared" / "evaldata"
COMMITTED = REPO / "docs" / "accuracy.json"


@pytest.fixture(scope="module")
def current():
    if not EVALDATA.is_dir():
        pytest.skip(f"{EVALDATA} is absent: the shared gold data sits beside the repository only in the project workspace")
    return run_all(EVALDATA, subset_only=True)["subset"]


def test_subset_has_not_regressed(current):
    if not COMMITTED.is_file():
        pytest.fail(f"{COMMITTED} is missing: run `make accuracy` and commit docs/accuracy.json")
    committed = read_figures(COMMITTED).get("subset") or {}
    assert committed, "docs/accuracy.json has no subset figures: run `make accuracy`"
    worse = regressions(committed, current, TOLERANCE)
    assert not worse, (
        f"accuracy fell more than {TOLERANCE:.0%} below docs/accuracy.json: {worse}; "
        "fix the regression, or run `make accuracy` and commit if the change is intended"
    )


def test_targets_name_real_figures(current):
    for t in TARGETS:
        if t.set in current:
            assert t.metric in current[t.set]["headline"], f"target {t.set}.{t.metric} has no figure"


def test_no_record_failed_to_code(current):
    assert all(figs.get("errors", 0) == 0 for figs in current.values()), {
        name: figs.get("errors") for name, figs in current.items()
    }
