"""Evaluation: gold-set adapters, label maps, metrics, the report and its guard.

``evaluate_file(path)`` scores one gold JSONL file; ``run_all(evaldata)``
scores every set and returns the figures that ``report.write_report``
turns into docs/ACCURACY.md and docs/accuracy.json.
"""

from __future__ import annotations

from .gold import GoldEvent, GoldRecord, detect_set, read_gold
from .metrics import PRF, Confusion, match, weighted_f1
from .runner import evaluate_file, run_all

__all__ = [
    "PRF", "Confusion", "GoldEvent", "GoldRecord", "detect_set", "evaluate_file", "match", "read_gold",
    "run_all", "weighted_f1",
]
