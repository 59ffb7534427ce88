"""The batch writer: a backfill batch stored with a few set-based statements.

The row writer (``ingest`` over :meth:`RelationalStore.add_original`) asks
the database about each article as it stores it: its duplicate keys, its
merge candidates, which of its reports are stored. On PostgreSQL that is
three round trips and a dozen statements per article, which was most of a
backfill's storing time (docs/PERFORMANCE.md, "The batch writer").

:func:`write_batch` stores the same batch in one transaction that reads
once and writes once:

1. one pipelined round: the locks on every duplicate key and dyad of the
   batch, the stored articles that share a key with any article of it,
   the merge candidates of every report of it, and which of its reports
   are stored (a second round fetches the signatures of near duplicates);
2. in Python, the decisions the row writer would take, article by article
   and in its order (:class:`_Replay`: the ingest runner's look-ups, copies,
   skips and merges, against what was read plus what the batch wrote);
3. the rows, table by table: on PostgreSQL one ``INSERT ... SELECT ...
   ON CONFLICT`` a table over the rows sent as one JSON text, elsewhere
   multi-row inserts; then one recount of every merged event touched. On
   PostgreSQL the writes, the batch's failures and checkpoint and the commit
   go out in one pipeline and are waited for once (``COPY``, which cannot
   run in a pipeline, cost two waits a table).

So the stored rows are the row writer's (tests/backfill/test_batch_writer.py
holds the two to equal stores, SQLite and PostgreSQL): the same copies,
merged events, mentions and failures, and a re-run skips every article.
Any store error rolls the whole batch back, and the caller stores it again
with the row writer, which isolates a bad article.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..types import Article, Event
from . import dedup, rollup
from .base import Failure
from .merge import Report, choose, lock_keys, lookup_keys, merged_id
from .relational import (
    LOOKUP_CHUNK, LSH_CANDIDATES, MAX_PARAMS, RelationalStore, _clean, _copy_row, _marks, _merged_states, _Pending,
    lookup_sql,
)
from .rows import actor_rows, article_row, event_record, event_row, now, report_row, target_columns

NOT_CODED = "not coded: it was stored when the batch was sent"


@dataclass(frozen=True, slots=True)
class Keys:
    """An article's duplicate keys, computed once (MinHash is the costly one)."""

    probes: tuple[tuple[str, str], ...]  # (column, value): id, canonical URL, content hash, in the order tried
    canonical: str | None
    chash: str
    signature: tuple[int, ...]
    bands: tuple[str, ...]

    @classmethod
    def of(cls, article: Article) -> "Keys":
        canonical = dedup.canonical_url(article.url) if article.url else None
        chash = dedup.content_hash(article.text)
        signature = dedup.minhash(article.text)
        probes = [("id", article.id)]
        if article.url:
            probes.append(("canonical_url", canonical))
        probes.append(("content_hash", chash))
        return cls(tuple(probes), canonical, chash, signature, tuple(dedup.lsh_bands(signature)))

    def locks(self) -> list[str]:
        """The duplicate-key locks the row writer takes (``dedup.duplicate_keys``)."""
        keys = {f"hash:{self.chash}", *self.bands}
        if self.canonical is not None:
            keys.add(f"url:{self.canonical}")
        return ["dup|" + _clean(k) for k in keys]


@dataclass(slots=True)
class Outcome:
    """What a batch came to, counted as the ingest runner counts."""

    seen: int = 0
    new: int = 0
    skipped: int = 0
    duplicates: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)


def _collated(text: str) -> bytes:
    # ORDER BY ... COLLATE "C" (PostgreSQL) and SQLite's BINARY order: by UTF-8 bytes.
    return text.encode("utf-8", "surrogatepass")


def match(keys: Keys, hits: Callable[[tuple[str, str]], list[str]],
          signatures: Callable[[str], tuple[int, ...] | None]) -> str | None:
    """The stored article ``keys`` duplicates (the row writer's rule, see
    ``RelationalStore._lookup``): the smallest id of the first exact key
    that hits, else the best near duplicate among the articles sharing the
    most LSH bands."""
    exact = next((found for found in (hits(p) for p in keys.probes) if found), None)
    if exact:
        return min(exact)
    shared = Counter(hit for b in keys.bands for hit in hits(("band", b)))
    ranked = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:LSH_CANDIDATES]
    if not ranked:
        return None
    known = ((cid, signatures(cid)) for cid, _ in ranked)
    return dedup.best_match(keys.signature, ((cid, sig) for cid, sig in known if sig is not None))


def write_batch(store: RelationalStore, articles: Sequence[Article], results: list[tuple],
                size: int, budget: int, keys: Sequence[Keys] | None = None) -> Outcome:
    """Store a backfill batch as ``ingest`` of ``articles`` with the coder's
    ``results`` (``(article id, events, error)``, and optionally the events'
    ``event_record`` JSON as a fourth item, made by the worker) would, inside
    the open transaction (see :meth:`RelationalStore.bulk_batch`). ``size`` and
    ``budget`` are the ingest runner's batch size and characters per batch."""
    keys = list(keys) if keys is not None else [Keys.of(a) for a in articles]
    by_id: dict[str, tuple[list, str | None]] = {}
    records: dict[str, Sequence[str] | None] = {}
    for article_id, events, error, *rest in results:  # the last answer for an id stands, as in the ingest runner
        by_id[article_id] = (events, error)
        records[article_id] = rest[0] if rest else None
    replay = _Replay(store, articles, keys, by_id, records)
    replay.read()
    out = replay.run(size, budget)
    replay.write()
    return out


class _Replay:
    """The ingest runner and the row writer, replayed over one read of the database."""

    def __init__(self, store: RelationalStore, articles: Sequence[Article], keys: list[Keys],
                 by_id: dict[str, tuple[list, str | None]], records: dict[str, Sequence[str] | None]) -> None:
        self.store = store
        self.records = records  # article id -> its events' record JSON, when the worker made it
        self.articles = list(articles)
        self.keys = {id(a): k for a, k in zip(self.articles, keys)}
        self.by_id = by_id
        self.db_hits: dict[tuple[str, str], list[str]] = {}
        self.db_signatures: dict[str, tuple[int, ...]] = {}
        self.stored_reports: set[str] = set()
        self.candidates: dict[str, dict[str, Any]] = {}  # stored merged events that reports may join
        self.by_key: dict[tuple[str, str, str], list[str]] = {}  # their ids by (source, target, CAMEO root)
        self.by_source: dict[tuple[str, str], list[str]] = {}  # and by (source, CAMEO root), for one-sided reports
        # What the batch wrote so far, as the look-ups would find it.
        self.hits: dict[tuple[str, str], list[str]] = {}
        self.signatures: dict[str, tuple[int, ...]] = {}
        self.originals: set[str] = set()
        self.copy_ids: set[str] = set()
        self.pending = _Pending()
        self.article_rows: list[dict[str, Any]] = []
        self.copy_rows: list[dict[str, Any]] = []
        self.copied_from: set[str] = set()
        self.locates: list[tuple[str, Event]] = []
        self.completes: list[tuple[str, Event]] = []  # stored one-sided merged events given a target
        self.reports: dict[int, list[Report]] = {}  # the reports of each coded article (by identity)
        self.at = now()  # the batch's rows are stamped once (the row writer stamps each: the same second or so)

    # -- reading ------------------------------------------------------------

    def _coded(self) -> list[tuple[Article, list[Event]]]:
        return [(a, list(self.by_id[a.id][0] or ())) for a in self.articles
                if a.id in self.by_id and self.by_id[a.id][1] is None]

    def read(self) -> None:
        """Locks, look-ups and merge candidates for the whole batch, in one round trip."""
        s = self.store
        coded = self._coded()
        for article, events in coded:
            self.reports[id(article)] = [Report.from_event(e, article) for e in events]
        reports = [r for a, _ in coded for r in self.reports[id(a)]]
        dups = sorted({k for a in self.articles for k in self.keys[id(a)].locks()})
        dyads = [_clean(k) for k in lock_keys(reports)]
        with s._pipeline():
            if dups or dyads:
                s._lock_keys(dups + dyads)
            lookups = [self._lookup_query(self.articles[i:i + LOOKUP_CHUNK])
                       for i in range(0, len(self.articles), LOOKUP_CHUNK)]
            found = s._batch_candidates(reports, [e.event_id for _, events in coded for e in events]) if reports else []
            for cur in lookups:
                if cur is None:
                    continue
                for r in s._fetch(cur):
                    self.db_hits.setdefault((r["probe"], r["k"]), []).append(r["hit"])
            rows = [r for cur in found for r in s._fetch(cur)]
        self.stored_reports = {r["id"] for r in rows if r["kind"] == "stored"}
        self.candidates = _merged_states(r for r in rows if r["kind"] == "candidate")
        for mid, state in self.candidates.items():
            self.by_key.setdefault(state["key"], []).append(mid)
            self.by_source.setdefault((state["key"][0], state["key"][2]), []).append(mid)
        near = sorted({hit for (probe, _), ids in self.db_hits.items() if probe == "band" for hit in ids})
        for i in range(0, len(near), MAX_PARAMS):
            ids = near[i:i + MAX_PARAMS]
            for r in s._rows(f"SELECT id, minhash FROM articles WHERE id IN ({_marks(len(ids))})", ids):
                self.db_signatures[r["id"]] = dedup.unpack_signature(r["minhash"])

    def _lookup_query(self, articles: list[Article]) -> Any:
        """The row writer's look-up statement (``RelationalStore._lookup``) for ``articles``."""
        keys = [self.keys[id(a)] for a in articles]
        sql, params = lookup_sql((k.probes for k in keys), (k.bands for k in keys))
        return self.store._send(sql, params) if sql else None

    # -- the decisions --------------------------------------------------------

    def _hits(self, probe: tuple[str, str]) -> list[str]:
        return self.db_hits.get(probe, []) + self.hits.get(probe, [])

    def _signature(self, article_id: str) -> tuple[int, ...] | None:
        sig = self.signatures.get(article_id)
        return sig if sig is not None else self.db_signatures.get(article_id)

    def _find(self, article: Article) -> str | None:
        return match(self.keys[id(article)], self._hits, self._signature)

    def _stored(self, article_id: str) -> bool:
        """``has_article``: stored as an original or as a copy."""
        return bool(self._hits(("id", article_id)))

    def run(self, size: int, budget: int) -> Outcome:
        """The ingest runner's loop over the batch (``ingest.runner.ingest``):
        look-ups as it makes them, sub-batches where it closes them."""
        out = Outcome()
        batch: list[Article] = []
        queued: set[str] = set()
        unread: list[Article] = []
        chars = lambda items: sum(len(a.text) for a in items)  # noqa: E731
        for item in self.articles:
            out.seen += 1
            unread.append(item)
            if len(batch) + len(unread) >= size or chars(batch) + chars(unread) >= budget:
                self._look_up(out, unread, batch, queued)
                unread = []
                if len(batch) >= size or chars(batch) >= budget:
                    self._flush(out, batch)
                    batch, queued = [], set()
        self._look_up(out, unread, batch, queued)
        if batch:
            self._flush(out, batch)
        return out

    def _look_up(self, out: Outcome, articles: list[Article], batch: list[Article], queued: set[str]) -> None:
        # One look-up for all of ``articles`` (the state before any of them is handled).
        found = [self._find(a) for a in articles]
        for item, original in zip(articles, found):
            if item.id in queued:
                out.skipped += 1
            elif original is None:
                batch.append(item)
                queued.add(item.id)
            elif original == item.id or self._stored(item.id):
                out.skipped += 1
            else:
                self._copy(item, original)
                out.duplicates += 1

    def _flush(self, out: Outcome, batch: list[Article]) -> None:
        from ..ingest.runner import article_payload

        coded = [(a, *self.by_id.get(a.id, ([], NOT_CODED))) for a in batch]
        for article, events, error in coded:
            if error is not None:
                continue
            events = list(events or ())
            if self._stored(article.id):
                out.skipped += 1
                continue
            original = self._find(article)
            if original is not None:
                self._copy(article, original)
                out.duplicates += 1
                continue
            self._original(article, events)
            out.new += 1
            out.events += len(events)
        for article, _, error in coded:
            if error is not None:
                out.failures.append(Failure(key=article.id, stage="code", reason=error,
                                            payload=article_payload(article)))

    def _copy(self, article: Article, original: str) -> None:
        """``_write_copy``: nothing when the id is stored, as an article or a copy."""
        # (Every hit is a stored original: the look-up reads ids of articles,
        # originals of copies and articles of bands, so the original is there.)
        if self._stored(article.id):
            return
        row = _copy_row(article, original)
        self.copy_rows.append(row)
        self.copy_ids.add(article.id)
        self.copied_from.add(original)
        for column in ("id", "canonical_url", "content_hash"):
            if row[column] is not None:
                self.hits.setdefault((column, row[column]), []).append(original)

    def _original(self, article: Article, events: list[Event]) -> None:
        """``_write_article``: the article, its bands, and its reports merged."""
        k = self.keys[id(article)]
        self.article_rows.append(article_row(article, k.canonical, k.chash, dedup.pack_signature(k.signature), self.at))
        self.originals.add(article.id)
        self.signatures[article.id] = dedup.unpack_signature(dedup.pack_signature(k.signature))
        for column, value in k.probes:
            self.hits.setdefault((column, value), []).append(article.id)
        pending = self.pending
        for band in k.bands:
            self.hits.setdefault(("band", band), []).append(article.id)
            pending.bands.append({"band": band, "article_id": article.id})
        if not events:
            return
        days = self.store.window_days
        seen = {e.event_id for e in events if e.event_id in self.stored_reports}
        reports = self.reports.get(id(article)) or [Report.from_event(e, article) for e in events]
        made = self.records.get(article.id)  # built by the worker from these same events, in order
        for i, (event, report) in enumerate(zip(events, reports)):
            if event.event_id in seen or event.event_id in pending.report_ids:
                continue
            seen.add(event.event_id)
            record = made[i] if made is not None else event_record(event)
            near = {m: self.candidates[m] for key in lookup_keys(report)
                    for m in (self.by_source if len(key) == 2 else self.by_key).get(key, ())}
            target = choose(report, pending.candidates(report, near, days), days)
            if target is None:
                target = merged_id(report)
                pending.events[target] = event_row(target, event, report, record, self.at)
                pending.start(target, report)
            else:
                if pending.complete(target, report, self.candidates):
                    row = pending.events.get(target)
                    if row is not None:
                        row.update(target_columns(event))
                    else:
                        self.completes.append((target, event))
                if report.country and event.location is not None and pending.locate(target, report.country,
                                                                                     self.candidates):
                    row = pending.events.get(target)
                    if row is not None:
                        loc = event.location
                        row.update(location_name=loc.name, location_country=loc.country, lat=loc.lat,
                                   lon=loc.lon, location_precision=loc.precision)
                    else:
                        self.locates.append((target, event))
                pending.join(target, report, self.candidates)
            pending.reports.append(report_row(event, report, target, record))
            pending.report_ids.add(event.event_id)
        pending.actors.update((a["id"], a) for e in events for a in actor_rows(e, self.at))

    def _count_new(self) -> None:
        """Fill in the mention counts and facts of the merged events this batch
        starts, as the recount (``_RECOUNT``) would: their reports and the
        copies of their articles are all in this batch, so the database need
        not be asked (a recount of a batch's events was most of its statements' time)."""
        p = self.pending
        if not p.events:
            return
        articles = {row["id"]: row for row in self.article_rows}
        copies: dict[str, list[dict[str, Any]]] = {}
        for row in self.copy_rows:
            copies.setdefault(row["original_id"], []).append(row)
        reports: dict[str, list[dict[str, Any]]] = {}
        for row in p.reports:
            if row["merged_id"] in p.events:
                reports.setdefault(row["merged_id"], []).append(row)
        comma = ", " if self.store.dialect == "postgres" else ","  # json_agg's text, json_group_array's
        stored = self.store._stored_text  # a text as the database keeps it (PostgreSQL holds no NUL)
        for mid, event in p.events.items():
            mine = sorted(reports[mid], key=lambda r: _collated(r["id"]))
            docs = [articles[r["article_id"]] for r in mine]
            copied = [c for d in {d["id"]: d for d in docs}.values() for c in copies.get(d["id"], ())]
            sources = {stored(d["outlet"]) if d["outlet"] is not None else stored(d["id"]) for d in docs}
            sources |= {stored(c["outlet"]) if c["outlet"] is not None else stored(c["id"]) for c in copied}
            outlets = sorted({stored(d["outlet"]) for d in docs if d["outlet"]}, key=_collated)
            event.update(
                num_mentions=len(mine) + sum(len(copies.get(d["id"], ())) for d in docs),
                num_articles=len({d["id"] for d in docs} | {c["id"] for c in copied}),
                num_sources=len(sources),
                first_url=next((stored(d["url"]) for d in docs if d["url"]), None),
                outlets="[" + comma.join(json.dumps(o, ensure_ascii=False) for o in outlets) + "]",
            )

    # -- writing ---------------------------------------------------------------

    def write(self) -> None:
        """The batch's rows, table by table, then one recount of the merged events it touched."""
        s, p = self.store, self.pending
        self._count_new()
        s._stage("articles", self.article_rows)
        s._stage("article_copies", self.copy_rows)
        s._stage("lsh_bands", p.bands)
        s._stage("events", list(p.events.values()))
        if p.events:
            s._new_changes(list(p.events), self.at)
            s._stage("event_rollup", rollup.cells([tuple(row[f] for f in rollup.FIELDS) for row in p.events.values()]),
                     rollup.CONFLICT)
        s._stage("event_reports", p.reports)
        s._stage("actors", [p.actors[k] for k in sorted(p.actors)])
        for mid, event in self.completes:
            s._complete(mid, event, None)
        for mid, event in self.locates:
            s._locate(mid, event, None)
        touched = sorted(p.recount - set(p.events))  # the new ones are counted already
        originals = sorted(self.copied_from - self.originals)  # copies of stored articles
        if touched or originals:
            s._recount_batch(touched, originals)
