"""A complete in-memory Store, for tests, examples and one-off runs.

Behaves like the database back ends (the same test suite runs against all
of them) but keeps everything in dictionaries and forgets it on exit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..errors import StoreError
from ..types import Article, Event
from . import dedup
from .base import EventFilter, Failure, check_fields, check_freq
from .merge import Candidate, Report, choose, completes, lookup_keys, merged_id, window
from .rows import actor_rows, article_row, event_row, merged_dict, now, report_row, row_matches, target_columns


class MemoryStore:
    """In-memory implementation of :class:`~flashpoint.store.base.Store`."""

    def __init__(self, window_days: int = 2) -> None:
        self.window_days = window_days
        self._articles: dict[str, dict[str, Any]] = {}
        self._copies: dict[str, dict[str, Any]] = {}
        self._by_url: dict[str, str] = {}
        self._by_hash: dict[str, str] = {}
        self._bands: defaultdict[str, set[str]] = defaultdict(set)
        self._reports: dict[str, dict[str, Any]] = {}
        self._events: dict[str, dict[str, Any]] = {}
        self._members: defaultdict[str, list[str]] = defaultdict(list)  # merged id -> report ids
        # The indexes the database back ends have, so merging and copies stay
        # lookups rather than scans of everything stored:
        self._by_dyad: defaultdict[tuple[str, str, str], list[str]] = defaultdict(list)  # -> merged ids
        self._by_source: defaultdict[tuple[str, str], list[str]] = defaultdict(list)  # (source, root) -> merged ids
        self._merged_of: defaultdict[str, set[str]] = defaultdict(set)  # article id -> merged ids
        self._copies_of: defaultdict[str, list[str]] = defaultdict(list)  # original id -> copy ids
        self._actors: dict[str, dict[str, Any]] = {}
        self._failures: dict[str, Failure] = {}
        self._closed = False

    # -- articles -------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("the store is closed; open it again with open_store()")

    def has_article(self, article_id: str) -> bool:
        self._check_open()
        return article_id in self._articles or article_id in self._copies

    def find_duplicate(self, article: Article) -> str | None:
        self._check_open()
        if self.has_article(article.id):
            return self._original(article.id)
        if article.url:
            hit = self._by_url.get(dedup.canonical_url(article.url))
            if hit:
                return self._original(hit)
        hit = self._by_hash.get(dedup.content_hash(article.text))
        if hit:
            return self._original(hit)
        signature = dedup.minhash(article.text)
        candidates = set().union(*(self._bands.get(b, set()) for b in dedup.lsh_bands(signature))) if signature else set()
        return dedup.best_match(signature, ((c, self._articles[c]["signature"]) for c in candidates))

    def find_duplicates(self, articles: Sequence[Article]) -> list[str | None]:
        return [self.find_duplicate(a) for a in articles]

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Writes apply at once here; there is no transaction to group them in."""
        self._check_open()
        yield

    def _original(self, article_id: str) -> str:
        copy = self._copies.get(article_id)
        return copy["original_id"] if copy else article_id

    def add_article(self, article: Article, events: Iterable[Event]) -> None:
        self._check_open()
        events = list(events)  # compute everything before the first write
        if self.has_article(article.id):
            return
        canonical = dedup.canonical_url(article.url) if article.url else None
        chash = dedup.content_hash(article.text)
        signature = dedup.minhash(article.text)
        row = article_row(article, canonical, chash, dedup.pack_signature(signature))
        row["signature"] = signature
        self._articles[article.id] = row
        if canonical:
            self._by_url.setdefault(canonical, article.id)
        self._by_hash.setdefault(chash, article.id)
        for band in dedup.lsh_bands(signature):
            self._bands[band].add(article.id)
        touched: set[str] = set()
        for event in events:
            if event.event_id in self._reports:
                continue
            report = Report.from_event(event, article)
            target = choose(report, self._candidates(report), self.window_days)
            if target is None:
                target = merged_id(report)
                self._events[target] = event_row(target, event, report)
                self._by_dyad[(report.source_key, report.target_key, report.cameo_root)].append(target)
                self._by_source[(report.source_key, report.cameo_root)].append(target)
            else:
                row = self._events[target]
                if completes(report, row["target_key"]):  # a dyad told after one-sided reports: now it has a target
                    self._by_dyad[(report.source_key, "", report.cameo_root)].remove(target)
                    self._by_dyad[(report.source_key, report.target_key, report.cameo_root)].append(target)
                    row.update(target_columns(event))
                if report.country and not row["location_country"]:
                    self._fill_location(target, event)
            self._reports[event.event_id] = report_row(event, report, target)
            self._members[target].append(event.event_id)
            self._merged_of[article.id].add(target)
            touched.add(target)
            for actor in actor_rows(event):
                self._actors.setdefault(actor["id"], actor)
        for mid in touched:
            self._recount(mid)

    def add_original(self, article: Article, events: Iterable[Event]) -> str | None:
        # One process, no concurrent writer: looking up then writing is atomic
        # here. An article stored already is reported as it was stored, since
        # a failed batch's earlier writes stay (nothing rolls back here) and
        # the runner stores them again one by one.
        if self.has_article(article.id):
            return self._copies[article.id]["original_id"] if article.id in self._copies else None
        original = self.find_duplicate(article)
        if original is not None:
            self.add_copy(article, original)
            return original
        self.add_article(article, events)
        return None

    def _fill_location(self, mid: str, event: Event) -> None:
        loc = event.location
        assert loc is not None
        self._events[mid].update(location_name=loc.name, location_country=loc.country, lat=loc.lat, lon=loc.lon,
                                 location_precision=loc.precision)

    def _candidates(self, report: Report) -> list[Candidate]:
        bounds = window(report.date, self.window_days)
        out = []
        mids = [m for key in lookup_keys(report)  # merge rule 1: (source, root) or dyad and one-sided
                for m in (self._by_source if len(key) == 2 else self._by_dyad).get(key, ())]
        for mid in mids:
            row = self._events[mid]
            if bounds is None and row["date"] is not None:
                continue
            if bounds is not None and (row["date"] is None or not bounds[0] <= row["date"] <= bounds[1]):
                continue
            reps = tuple((self._reports[r]["article_id"], self._reports[r]["trigger"]) for r in self._members[mid])
            out.append(Candidate(mid, row["date"], row["location_country"], bool(row["counted"]), reps, row["target_key"]))
        return out

    def _recount(self, mid: str) -> None:
        reports = [self._reports[r] for r in self._members[mid]]
        originals = {r["article_id"] for r in reports}
        copies = {c: self._copies[c] for a in originals for c in self._copies_of.get(a, ())}
        per_article = Counter(row["original_id"] for row in copies.values())
        docs = [self._articles[a] for a in originals] + list(copies.values())
        self._events[mid].update(
            num_mentions=len(reports) + sum(per_article[r["article_id"]] for r in reports),
            num_articles=len(originals) + len(copies),
            num_sources=len({d["id"] if d["outlet"] is None else d["outlet"] for d in docs}),
        )

    def add_copy(self, article: Article, original_id: str) -> None:
        self._check_open()
        if self.has_article(article.id):
            return
        if original_id not in self._articles:
            raise StoreError(f"no stored article {original_id!r} to be a copy of; add the original first")
        canonical = dedup.canonical_url(article.url) if article.url else None
        self._copies[article.id] = {
            "id": article.id, "url": article.url, "canonical_url": canonical,
            "outlet": article.outlet, "date": article.date, "original_id": original_id,
            "content_hash": dedup.content_hash(article.text),
        }
        self._copies_of[original_id].append(article.id)
        if canonical:
            self._by_url.setdefault(canonical, article.id)
        self._by_hash.setdefault(self._copies[article.id]["content_hash"], article.id)
        for mid in sorted(self._merged_of.get(original_id, ())):
            self._recount(mid)

    # -- failures -------------------------------------------------------

    def add_failure(self, failure: Failure) -> None:
        self._check_open()
        old = self._failures.get(failure.key)
        attempts = old.attempts + 1 if old else 1
        self._failures[failure.key] = Failure(
            failure.key, failure.stage, failure.reason, failure.payload, now(), attempts
        )

    def failures(self, stage: str | None = None) -> list[Failure]:
        self._check_open()
        return [self._failures[k] for k in sorted(self._failures) if stage is None or self._failures[k].stage == stage]

    def clear_failure(self, key: str) -> None:
        self._check_open()
        self._failures.pop(key, None)

    # -- queries --------------------------------------------------------

    def _rows(self, flt: EventFilter) -> list[dict[str, Any]]:
        rows = [r for r in self._events.values() if row_matches(r, flt)]
        rows.sort(key=lambda r: (r["date"] or "", r["id"]))
        return rows

    def events(self, flt: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
        self._check_open()
        rows = self._rows(flt)
        if flt.limit is not None:
            rows = rows[: flt.limit]
        for row in rows:
            yield merged_dict(row, self._mentions(row["id"]))

    def _mentions(self, mid: str) -> list[dict[str, Any]]:
        out = []
        for rid in sorted(self._members[mid]):
            rep = self._reports[rid]
            art = self._articles[rep["article_id"]]
            out.append({
                "article_id": art["id"], "outlet": art["outlet"], "url": art["url"],
                "date": art["date"], "title": art["title"], "language": art["language"],
                "sentence": rep["sentence"], "trigger": rep["trigger"],
            })
        return out

    def series(self, flt: EventFilter, freq: str = "day") -> list[tuple[str, int, float]]:
        self._check_open()
        check_freq(freq)
        buckets: dict[str, list[float]] = {}
        for row in self._rows(flt):
            if row["date"] is None:
                continue
            period = _period(row["date"], freq)
            acc = buckets.setdefault(period, [0, 0.0])
            acc[0] += 1
            acc[1] += row["goldstein"]
        return [(p, int(n), round(g, 3)) for p, (n, g) in sorted(buckets.items())]

    def tally(self, fields: Sequence[str], flt: EventFilter = EventFilter(), limit: int | None = None) -> list[tuple[Any, ...]]:
        self._check_open()
        fields = check_fields(fields)
        counter = Counter(tuple(row[f] for f in fields) for row in self._rows(flt))
        rows = sorted(counter.items(), key=lambda kv: (-kv[1], tuple("" if v is None else str(v) for v in kv[0])))
        out = [(*key, n) for key, n in rows]
        return out[:limit] if limit is not None else out

    def counts(self) -> dict[str, int]:
        self._check_open()
        return {
            "articles": len(self._articles),
            "copies": len(self._copies),
            "reports": len(self._reports),
            "events": len(self._events),
            "actors": len(self._actors),
            "failures": len(self._failures),
        }

    def close(self) -> None:
        self._closed = True


def _period(date: str, freq: str) -> str:
    """Bucket label of an ISO day, matching the SQL back ends."""
    if freq == "day":
        return date
    if freq == "month":
        return date[:7]
    if freq == "year":
        return date[:4]
    day = dt.date.fromisoformat(date)
    return (day - dt.timedelta(days=day.weekday())).isoformat()
