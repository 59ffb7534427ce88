"""Dyad time series: events per period between two actors, as one SQL aggregate."""

from __future__ import annotations

from dataclasses import replace

from ..store.base import EventFilter, Store


def dyad_series(
    store: Store,
    source: str,
    target: str,
    freq: str = "day",
    flt: EventFilter | None = None,
) -> list[tuple[str, int, float]]:
    """Count merged events from ``source`` to ``target`` per period.

    Args:
        store: Any store back end.
        source: The acting side's ``Actor.key``: organisation id, else ISO3
            country, else name (use ``flt.actor`` to match actor codes).
        target: The receiving side, likewise.
        freq: ``day``, ``week`` (labelled by its Monday), ``month`` or ``year``.
        flt: Further filters (dates, CAMEO prefix, QuadClass, ...); its own
            ``source`` and ``target`` are replaced by the arguments.

    Returns:
        ``(period, count, goldstein_sum)`` for each period with events,
        oldest first. Periods without events are absent.

    Example:
        >>> from flashpoint.store import open_store
        >>> dyad_series(open_store("memory:"), "RUS", "UKR", "week")
        []
    """
    base = flt or EventFilter()
    return store.series(replace(base, source=source, target=target, limit=None), freq)
