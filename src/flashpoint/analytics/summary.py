"""A short, readable account of what a store holds (what ``make run`` prints)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from ..store.base import EventFilter, Store


@dataclass(frozen=True, slots=True)
class Example:
    """One merged event shown with its evidence."""

    date: str | None
    source: str | None
    cameo: str
    target: str | None
    sentence: str
    num_sources: int


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts, the busiest dyads, the most active actors and a few examples."""

    counts: dict[str, int]
    dyads: tuple[tuple[str, str, str, int], ...]  # source, target, CAMEO root, merged events
    actors: tuple[tuple[str, int], ...]  # actor name, merged events on either side
    examples: tuple[Example, ...]


def summary(store: Store, flt: EventFilter | None = None, top: int = 10, examples: int = 5) -> Summary:
    """Summarise the counted events of ``store`` (optionally filtered)."""
    flt = flt or EventFilter()
    dyads = store.tally(("source_key", "target_key", "cameo_root"), flt, limit=top)
    tally: dict[str, int] = {}
    for side in ("source_name", "target_name"):
        for name, n in store.tally((side,), flt):
            if name:
                tally[name] = tally.get(name, 0) + n
    actors = sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    shown = tuple(
        Example(
            date=e.get("date"),
            source=(e.get("source") or {}).get("name"),
            cameo=e.get("cameo") or "",
            target=(e.get("target") or {}).get("name"),
            sentence=(e.get("evidence") or {}).get("sentence") or "",
            num_sources=int(e.get("num_sources") or 1),
        )
        for e in islice(store.events(flt), examples)
    )
    return Summary(
        counts=store.counts(),
        dyads=tuple((s or "-", t or "-", r, n) for s, t, r, n in dyads),
        actors=tuple(actors),
        examples=shown,
    )


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_summary(s: Summary, width: int = 100) -> str:
    """Render a :class:`Summary` as plain text for a terminal."""
    c = s.counts
    lines = [
        f"{c.get('events', 0)} events from {c.get('reports', 0)} reports in {c.get('articles', 0)} articles"
        f" (+{c.get('copies', 0)} copies), {c.get('actors', 0)} actors, {c.get('failures', 0)} failures",
    ]
    if s.dyads:
        lines += ["", "Events by dyad and CAMEO root:"]
        lines += [f"  {src:>10} -> {tgt:<10} {root:>3}  {n:>6}" for src, tgt, root, n in s.dyads]
    if s.actors:
        lines += ["", "Most active actors:"]
        lines += [f"  {_clip(name, 40):<40} {n:>6}" for name, n in s.actors]
    if s.examples:
        lines += ["", "Examples:"]
        for e in s.examples:
            head = f"  {e.date or '????-??-??'}  {e.source or '-'} [{e.cameo}] {e.target or '-'}  ({e.num_sources} source{'s' if e.num_sources != 1 else ''})"
            lines += [_clip(head, width), "      " + _clip(f"“{e.sentence}”", width - 6)]
    if not s.dyads and not s.examples:
        lines += ["", "No events yet: code some articles first (flashpoint ingest / flashpoint code)."]
    return "\n".join(lines)
