"""Scan a store for escalation alerts on directed dyads and countries.

Counts are merged events (each real-world event once, however many
articles report it), QuadClass 3 and 4 (verbal and material conflict),
per ISO week. Every week of the scanned window is run through the
detectors; an alert is kept only when the events behind it come from at
least ``min_sources`` independent outlets, and the same detector on the
same subject then stays quiet for ``cooldown_weeks``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from ..store import queries
from ..store.base import EventFilter, Store
from . import detectors
from .detectors import RUNGS, Signal, Thresholds
from .watchlist import Watchlist

MAX_EVENTS = 50  # events listed per alert


@dataclass(frozen=True, slots=True)
class Alert:
    kind: str  # dyad | country
    subject: tuple[str, ...]  # (source, target) or (country,)
    detector: str
    week: str  # Monday of the ISO week
    numbers: dict[str, Any]
    event_ids: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def subject_label(self) -> str:
        return " → ".join(self.subject) if self.kind == "dyad" else self.subject[0]

    @property
    def week_end(self) -> str:
        return (dt.date.fromisoformat(self.week) + dt.timedelta(days=6)).isoformat()

    @property
    def message(self) -> str:
        n = self.numbers
        if self.detector == "rise":
            return f"{n['count']:g} conflict events this week against {n['baseline_mean']:g} a week over the prior four."
        if self.detector == "robust_z":
            return f"{n['count']:g} conflict events, {n['z']:g} robust standard deviations above the median of {n['median']:g}."
        if self.detector == "cusum":
            return f"A persistent rise: cumulative excess {n['cusum']:g} sd over the reference mean of {n['reference_mean']:g} a week."
        if self.detector == "ladder":
            return f"Escalation from {n['from']} to {n['to']}."
        if self.detector == "first_contact":
            return "First events ever seen for this dyad, and they include material conflict."
        return self.detector

    @property
    def events_query(self) -> str:
        side = {"source": self.subject[0], "target": self.subject[1]} if self.kind == "dyad" else {"country": self.subject[0]}
        return urlencode({**side, "since": self.week, "until": self.week_end})

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "subject": list(self.subject), "label": self.subject_label,
                "detector": self.detector, "week": self.week, "week_end": self.week_end,
                "message": self.message, "numbers": self.numbers, "event_ids": list(self.event_ids),
                "sources": list(self.sources), "events_url": f"/events?{self.events_query}"}


def _weeks_of(flt: EventFilter, store: Store) -> tuple[str, str] | None:
    """(first, last) Monday of the data under ``flt``."""
    newest = queries.event_page(store, queries.EventQuery(flt=flt, size=1, newest_first=True)).events
    oldest = queries.event_page(store, queries.EventQuery(flt=flt, size=1, newest_first=False)).events
    dated = [e["date"] for e in newest + oldest if e.get("date")]
    if not dated:
        return None
    return queries.period_of(min(dated), "week"), queries.period_of(max(dated), "week")


def scan(store: Store, watchlist: Watchlist, flt: EventFilter | None = None, weeks: int = 12) -> list[Alert]:
    """Alerts over the last ``weeks`` weeks of data under ``flt`` (its
    ``until`` ends the window), newest first."""
    flt = replace(flt or EventFilter(), quad_class=None, limit=None)
    span = _weeks_of(replace(flt, since=None), store)
    if span is None:
        return []
    end = queries.period_of(flt.until, "week") if flt.until else span[1]
    last = dt.date.fromisoformat(end)
    start = (last - min(dt.timedelta(weeks=weeks - 1), last - dt.date.min)).isoformat()
    if flt.since and flt.since > start:
        start = queries.period_of(flt.since, "week")
    history = replace(flt, since=None, until=(last + min(dt.timedelta(days=6), dt.date.max - last)).isoformat())
    subjects: list[tuple[str, tuple[str, ...], EventFilter]] = []
    dyads = list(watchlist.dyads)
    if not dyads and not watchlist.countries:
        busiest = queries.dyads(store, replace(history, since=start), watchlist.top)
        dyads = [(d["source"], d["target"]) for d in busiest if d["conflict_share"] > 0]
    for src, tgt in dyads:
        subjects.append(("dyad", (src, tgt), replace(history, source=src, target=tgt)))
    for country in watchlist.countries:
        subjects.append(("country", (country,), replace(history, country=country)))
    out: list[Alert] = []
    for kind, subject, sflt in subjects:
        out += _scan_subject(store, kind, subject, sflt, start, watchlist.thresholds)
    return sorted(out, key=lambda a: (a.week, a.subject_label, a.detector), reverse=True)


def _rungs(store: Store, flt: EventFilter, weeks: list[str]) -> list[int]:
    at = {w: i for i, w in enumerate(weeks)}
    rungs = [0] * len(weeks)
    for day, root, _ in store.tally(("date", "cameo_root"), flt):
        if day and root in RUNGS:
            i = at.get(queries.period_of(day, "week"))
            if i is not None:
                rungs[i] = max(rungs[i], RUNGS[root])
    return rungs


def _scan_subject(store: Store, kind: str, subject: tuple[str, ...], flt: EventFilter, start: str,
                  th: Thresholds) -> list[Alert]:
    rows = queries.series(store, flt, "week")
    if not rows:
        return []
    weeks = [p.period for p in rows]
    conflict = [float(p.quad[2] + p.quad[3]) for p in rows]
    rungs = _rungs(store, flt, weeks)
    first_active = next((i for i, p in enumerate(rows) if p.count), None)
    fired: dict[str, int] = {}
    out: list[Alert] = []
    for t, week in enumerate(weeks):
        if week < start:
            continue
        signals: list[Signal] = [s for s in (d(conflict, t, th) for d in detectors.DETECTORS) if s]
        ladder = detectors.ladder(rungs, t)
        if ladder:
            signals.append(ladder)
        if kind == "dyad" and t == first_active and rows[t].quad[3]:
            signals.append(Signal("first_contact", {"count": rows[t].count, "material_conflict": rows[t].quad[3]}))
        for signal in signals:
            # A repeat of the same signal waits out the cooldown; a ladder step
            # to a higher rung is a new escalation, not a repeat.
            key = f"{signal.detector}:{signal.numbers.get('to', '')}"
            last = fired.get(key)
            if last is not None and t - last <= th.cooldown_weeks:
                continue
            alert = _evidence(store, kind, subject, flt, week, signal, th)
            if alert is not None:
                fired[key] = t
                out.append(alert)
    return out


def _evidence(store: Store, kind: str, subject: tuple[str, ...], flt: EventFilter, week: str, signal: Signal,
              th: Thresholds) -> Alert | None:
    """The alert with the events behind it, or None with too few independent sources."""
    end = (dt.date.fromisoformat(week) + dt.timedelta(days=6)).isoformat()
    wanted = ({root for root, rung in RUNGS.items() if rung == signal.numbers["rung"]}
              if signal.detector == "ladder" else None)
    ids: list[str] = []
    outlets: set[str] = set()
    for event in store.events(replace(flt, since=week, until=end)):
        if event.get("quad_class", 0) < 3 or (wanted and event.get("cameo_root") not in wanted):
            continue
        ids.append(event["id"])
        outlets.update((m.get("outlet") or m.get("article_id") or "") for m in event.get("mentions") or [])
    outlets.discard("")
    if len(outlets) < th.min_sources or not ids:
        return None
    return Alert(kind, subject, signal.detector, week, dict(signal.numbers), tuple(ids[:MAX_EVENTS]),
                 tuple(sorted(outlets)))
