"""Counting a real-world event once when many articles report it.

Pure logic shared by every back end: a back end fetches the stored merged
events that *could* match (same dyad and CAMEO root, dates in the window,
an indexed lookup) and :func:`choose` decides. The rule, also written up in
docs/OPERATIONS.md ("How events are counted once"):

A new report joins an existing merged event when all of these hold:

1. the same source identity and the same target identity (``Actor.key``:
   the organisation, else the country, else the name). A missing source
   matches only a missing source. A report that names its source but no
   target ("Russian forces fired a missile at Kharkiv") is a less specific
   account of an event another outlet tells with both sides: it joins a
   merged event of its source and root that names a target when every such
   event that qualifies (rules 2 to 6) names the same target; when they name
   different targets it is ambiguous and joins only a one-sided event, as
   it does when none names a target. Told the other way round, a report
   with both sides that finds no merged event of its own dyad joins a
   one-sided merged event of its source and root and gives it its target
   (the one-sided reports were the same event told less fully), so the
   count does not depend on which outlet arrived first;
2. the same CAMEO root (two-digit code);
3. event dates no more than ``window`` days apart (default 2); an undated
   report joins only undated events;
4. compatible locations for protest, posture and force (roots 14, 15, 17
   to 20): the same country, or one side unknown;
5. the same polarity: counted events (asserted, reported, ...) never merge
   with negated or hypothetical ones;
6. not already reported by the same article, unless with the same trigger
   (one article says "troops" in two sentences about two movements: two
   events; the same sentence coded twice: one).

When several merged events qualify, the report joins the one nearest in
date, ties broken by the earliest id, so the outcome does not depend on
the order rows come back from a database. A back end offers a one-sided
report the merged events of its source and root whatever their target; a
report with both sides those of its dyad and the one-sided ones of its
source and root (:func:`lookup_keys`), and when it joins a one-sided one
(:func:`completes`) writes the report's target into the merged event.
What stays order-dependent is the ambiguous case: one-sided reports met
first by two dyads of different targets go with the first of them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..types import Article, Event, content_id

WINDOW_DAYS = 2
# Protest, posture and force happen somewhere: two reports in different countries
# are two events. Statements, visits, aid and sanctions are not bound to where a
# report places them (the capital that speaks, the country that receives).
PLACE_BOUND_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})


@dataclass(frozen=True, slots=True)
class Report:
    """What merging needs to know about one coded event in one article."""

    event_id: str
    article_id: str
    date: str | None  # normalised YYYY-MM-DD
    source_key: str  # "" when the side is missing
    target_key: str
    cameo_root: str
    counted: bool
    country: str | None  # location country
    trigger: str

    @classmethod
    def from_event(cls, event: Event, article: Article) -> "Report":
        """Build from an event, falling back to the article date when the
        event carries none."""
        return cls(
            event_id=event.event_id,
            article_id=article.id,
            date=normalise_date(event.date) or normalise_date(article.date),
            source_key=actor_key(event.source),
            target_key=actor_key(event.target),
            cameo_root=event.cameo_root,
            counted=event.counted,
            country=event.location.country if event.location else None,
            trigger=event.evidence.trigger.casefold().strip(),
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored merged event as merging sees it."""

    merged_id: str
    date: str | None
    country: str | None
    counted: bool
    reports: tuple[tuple[str, str], ...]  # (article_id, trigger) of each report
    target_key: str = ""  # the merged event's target ("" when one-sided)


def one_sided(report: Report) -> bool:
    """A report with its source named and no target: it may join a dyadic merged event (rule 1)."""
    return bool(report.source_key) and not report.target_key


def two_sided(report: Report) -> bool:
    """A report naming both sides: it may complete a one-sided merged event (rule 1)."""
    return bool(report.source_key) and bool(report.target_key)


def lookup_keys(report: Report) -> list[tuple[str, ...]]:
    """Where a back end looks for ``report``'s candidates: ``(source, root)`` for
    a one-sided report (any target), else its own ``(source, target, root)`` and,
    for a report with both sides, the one-sided ``(source, "", root)``."""
    if one_sided(report):
        return [(report.source_key, report.cameo_root)]
    own = (report.source_key, report.target_key, report.cameo_root)
    return [own, (report.source_key, "", report.cameo_root)] if two_sided(report) else [own]


def lock_keys(reports: Iterable[Report]) -> list[str]:
    """The dyad locks a writer takes before merging ``reports``, sorted (no
    deadlock): each one's own ``source|target|root``, and for a report with
    both sides the one-sided ``source||root`` it may complete."""
    keys = set()
    for r in reports:
        keys.add(f"{r.source_key}|{r.target_key}|{r.cameo_root}")
        if two_sided(r):
            keys.add(f"{r.source_key}||{r.cameo_root}")
    return sorted(keys)


def offered(report: Report, key: tuple[str, str, str]) -> bool:
    """Whether a merged event of ``key`` (source, target, CAMEO root) is a candidate
    for ``report`` (:func:`lookup_keys`)."""
    return any(want == (key[0], key[2]) if len(want) == 2 else want == key for want in lookup_keys(report))


def completes(report: Report, merged_target_key: str) -> bool:
    """Whether ``report`` joining a merged event whose target is ``merged_target_key``
    gives that event its target (rule 1, a dyad told after one-sided reports)."""
    return two_sided(report) and not merged_target_key


def actor_key(actor) -> str:
    """The dyad identity of an optional actor; ``""`` stands for a missing side
    so it can sit in an indexed, NOT NULL column and compare with ``=``."""
    return actor.key if actor is not None else ""


@functools.lru_cache(maxsize=4096)  # a batch's reports share a few dates; strptime is slow
def normalise_date(value: str | None) -> str | None:
    """An ISO day (YYYY-MM-DD) from a day, month or year string, else None.

    Month and year precision dates become the first day of the period so
    they still sort and bucket; anything unparseable is treated as undated.
    """
    if not value:
        return None
    text = value.strip()[:10]
    # The length says the precision; a bad day is not silently read as a year.
    fmt = {10: "%Y-%m-%d", 7: "%Y-%m", 4: "%Y"}.get(len(text))
    if fmt is None:
        return None
    try:
        return dt.datetime.strptime(text, fmt).date().isoformat()
    except ValueError:
        return None


def window(date: str | None, days: int = WINDOW_DAYS) -> tuple[str, str] | None:
    """Inclusive date bounds ``date ± days`` as ISO strings, None when undated."""
    if date is None:
        return None
    day = dt.date.fromisoformat(date)
    delta = dt.timedelta(days=days)
    try:
        lo = day - delta
    except OverflowError:
        lo = dt.date.min
    try:
        hi = day + delta
    except OverflowError:
        hi = dt.date.max
    return lo.isoformat(), hi.isoformat()


def _gap(a: str | None, b: str | None) -> int:
    if a is None or b is None:
        return 0 if a == b else 10**9
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def matches(report: Report, cand: Candidate, days: int = WINDOW_DAYS) -> bool:
    """Whether ``report`` may join ``cand`` (rules 3 to 6; the back end's
    lookup already guarantees rules 1 and 2)."""
    if report.counted != cand.counted:
        return False
    if _gap(report.date, cand.date) > days:
        return False
    if report.cameo_root in PLACE_BOUND_ROOTS and report.country and cand.country and report.country != cand.country:
        return False
    for article_id, trigger in cand.reports:
        if article_id == report.article_id and trigger != report.trigger:
            return False
    return True


def choose(report: Report, candidates: Iterable[Candidate], days: int = WINDOW_DAYS) -> str | None:
    """The merged event id ``report`` joins, or None to start a new one."""
    fits = [c for c in candidates if matches(report, c, days)]
    if one_sided(report):  # rule 1: one named target among the dyadic events, else one-sided only
        dyadic = [c for c in fits if c.target_key]
        fits = dyadic if len({c.target_key for c in dyadic}) == 1 else [c for c in fits if not c.target_key]
    elif two_sided(report):  # rule 1 told the other way: its own dyad, else a one-sided event to complete
        own = [c for c in fits if c.target_key == report.target_key]
        fits = own or [c for c in fits if not c.target_key]
    if not fits:
        return None
    best = min(fits, key=lambda c: (_gap(report.date, c.date), c.merged_id))
    return best.merged_id


def merged_id(report: Report) -> str:
    """Id of the merged event a report starts: stable, so re-runs agree."""
    return content_id("merged", report.event_id, report.article_id)


def pairwise_scores(predicted: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of a clustering against gold labels.

    ``predicted[i]`` and ``gold[i]`` are the cluster labels of item ``i``; a
    pair counts as positive when both items share a label.
    """
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold labels differ in length")
    tp = fp = fn = 0
    n = len(gold)
    for i in range(n):
        for j in range(i + 1, n):
            same_pred = predicted[i] == predicted[j]
            same_gold = gold[i] == gold[j]
            tp += same_pred and same_gold
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pairs_tp": tp, "pairs_fp": fp, "pairs_fn": fn}


def evaluate_merge(fixture_path, coder) -> dict:
    """Pairwise precision and recall of event merging against a labelled fixture.

    Args:
        fixture_path: JSONL of ``{"id", "outlet", "date", "url", "title",
            "text", "cluster", "event": {"source", "target", "root", ...}}``;
            articles sharing ``cluster`` report one real-world event.
        coder: Callable taking a list of :class:`Article` and yielding
            ``(article, events, error)`` (``flashpoint.pipeline.code_articles``).

    Each article goes through an in-memory store as ingest would send it:
    duplicates (by :meth:`Store.find_duplicate`) become copies, the rest are
    coded and added. An article's *main event* is the merged event holding
    its report whose dyad and CAMEO root match the gold event (else the same
    root, else its first report; among equals, the one more articles
    report); a copy shares its original's. Articles
    without events stay singletons. Pairs are scored over all articles.

    Returns:
        ``precision``, ``recall``, ``f1``, pair counts, ``articles``,
        ``copies``, ``uncoded`` (articles with no event) and ``errors``.
    """
    import json
    from pathlib import Path

    from .memory import MemoryStore

    records = []
    for n, line in enumerate(Path(fixture_path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{fixture_path}:{n}: not JSON ({exc.msg})") from exc
    articles = [
        Article(id=str(r["id"]), text=r.get("text") or "", date=r.get("date"), title=r.get("title"),
                url=r.get("url"), outlet=r.get("outlet"))
        for r in records
    ]
    coded: dict[str, list[Event]] = {}
    errors = 0
    for article, events, error in coder(articles):
        coded[article.id] = list(events or ())
        errors += error is not None
    store = MemoryStore()
    copy_of: dict[str, str] = {}
    for article in articles:
        original = store.find_duplicate(article)
        if original is not None and original != article.id:
            store.add_copy(article, original)
            copy_of[article.id] = original
        else:
            store.add_article(article, coded.get(article.id, []))
    holders: dict[str, list[dict]] = {}
    from .base import EventFilter

    for event in store.events(EventFilter(include_uncounted=True)):
        for mention in event["mentions"]:
            holders.setdefault(mention["article_id"], []).append(event)
    main: dict[str, str] = {}
    for record in records:
        aid = str(record["id"])
        options = holders.get(copy_of.get(aid, aid), [])
        gold = record.get("event") or {}

        def fit(ev: dict, gold: dict = gold) -> tuple[bool, bool, int]:
            keys = (actor_key_of(ev.get("source")), actor_key_of(ev.get("target")))
            same_root = ev.get("cameo_root") == gold.get("root")
            # Among equals, the event more articles report is the article's main one.
            return (not (same_root and keys == (gold.get("source"), gold.get("target"))), not same_root,
                    -int(ev.get("num_articles") or 1))

        if options:
            main[aid] = min(options, key=fit)["id"]
    predicted = [main.get(str(r["id"]), f"alone:{r['id']}") for r in records]
    scores = pairwise_scores(predicted, [str(r["cluster"]) for r in records])
    scores.update(articles=len(records), copies=len(copy_of), errors=errors,
                  uncoded=sum(1 for p in predicted if p.startswith("alone:")))
    return scores


def actor_key_of(actor: dict | None) -> str | None:
    """``Actor.key`` of an actor given as a dict (from a stored record)."""
    if not actor:
        return None
    return actor.get("org") or actor.get("country") or actor.get("name")
