"""The accuracy guard: compare fresh subset figures with the committed ones.

Every headline figure of the held-aside part (:mod:`.split`) of every subset
set is guarded: those records are never read while writing patterns, so they
are the figures that say whether a change generalises. Rates are shares
(0–1), so "2 points" is 0.02; figures where lower is better (false-alarm
rate, spurious events) fail when they rise by more than that instead.
"""

from __future__ import annotations

from typing import Any

from .split import HELD

TOLERANCE = 0.02
LOWER_IS_BETTER = frozenset({"no_event_fp_rate", "spurious"})


def watched(figures: dict[str, Any]) -> dict[str, Any]:
    """The headline the guard watches: the held-aside part's, else (older figure
    files without parts) the whole set's."""
    parts = figures.get("parts") or {}
    return (parts.get(HELD) or {}).get("headline") or figures.get("headline") or {}


def regressions(committed: dict[str, Any], current: dict[str, Any], tolerance: float = TOLERANCE) -> list[str]:
    """Headline figures in ``current`` worse than ``committed`` by more than ``tolerance``.

    Both arguments map set names to figures (the ``subset`` part of the figures
    file); the held-aside headline of each is compared (:func:`watched`). A figure missing from ``current``
    is a regression too: a scorer silently dropping it must not pass.

    Returns:
        One line per regression, ``set.metric: committed -> current``.
    """
    out = []
    for set_name, figs in sorted(committed.items()):
        now = watched(current.get(set_name) or {})
        for metric, before in sorted(watched(figs).items()):
            if not isinstance(before, (int, float)):
                continue
            after = now.get(metric)
            if not isinstance(after, (int, float)):
                out.append(f"{set_name}.{metric}: {before} -> missing")
                continue
            lower = metric in LOWER_IS_BETTER or metric.endswith(tuple("_" + m for m in LOWER_IS_BETTER))
            worse = after > before + tolerance if lower else after < before - tolerance
            if worse:
                out.append(f"{set_name}.{metric}: {before} -> {after}")
    return out
