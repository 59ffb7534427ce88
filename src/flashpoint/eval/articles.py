"""Score hand-written test articles: events found and the details an analyst checks.

A folder of articles (``.txt``, ``.html`` or an RSS/Atom ``.xml`` item), each
with ``<stem>.expected.json`` beside it, written before the coder's output was
seen. An expected event names acceptable source and target keys (a list;
``null`` stands for no actor), acceptable CAMEO roots and whether it is
``required`` (an unnamed agent the coder writes as ``(unknown)`` counts as
``null``); optional checks on a matched event:

- ``date`` (ISO day), ``not_day`` (the date must not be this day at day precision);
- ``place`` (location name), ``not_place`` (never this name, e.g. the dateline's city),
  ``place_country``, ``near`` ``[lat, lon, km]``;
- ``quantities``: ``{"unit", "value"?, "estimate"?}`` (``estimate`` true means the
  record flags the number as an estimate or a bound);
- ``max_count``: at most this many emitted events match (headline and lead are one event);
- ``source_text_not``: the source's text must not contain this.

Article-level: ``forbidden`` events (by dyad and roots, evidence text or actor
text) and ``tolls`` (the sum of a unit over counted events not dated to the past, modality
``historical``). An expected event with ``not_day`` (a background event) is not matched by an
event dated that day which also matches another expected event (the story's own of the same
dyad and root).
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError
from ..types import Article, Event

SUFFIXES = (".txt", ".html", ".xml")


@dataclass(frozen=True)
class ArticleResult:
    """What one article scored: required events found, spurious events, detail checks."""

    name: str
    required: int
    found: int
    emitted: int
    matched: int
    checks: int
    passed: int
    failures: tuple[str, ...] = field(default=())
    kinds: tuple[tuple[str, int, int], ...] = field(default=())  # (kind, checked, right)


KINDS = ("date", "place", "count", "actor", "forbidden")


def check_kind(label: str) -> str:
    """Which kind of detail a check label is about: date, place, count, actor or forbidden."""
    if label.startswith(("date", "not dated")):
        return "date"
    if label.startswith(("place", "within")):
        return "place"
    if label.startswith(("quantity", "at most", "toll")):
        return "count"
    if label.startswith("forbidden"):
        return "forbidden"
    return "actor"


def load_article(path: Path, expected: dict[str, Any]) -> Article:
    """The :class:`Article` a test file stands for, read as the ingest sources read it."""
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix == ".txt":
        return Article(id=path.stem, text=data.decode("utf-8"), date=expected.get("published"))
    if suffix == ".html":
        from ..ingest.html import extract_page

        page = extract_page(data.decode("utf-8"))
        return Article(id=path.stem, text=page.text, title=page.title, date=page.date or expected.get("published"))
    if suffix == ".xml":
        from ..ingest.feeds import parse_feed
        from ..ingest.html import html_to_text

        _, entries = parse_feed(data, str(path))
        if not entries:
            raise InputError(f"{path}: the feed has no entries")
        entry = entries[0]
        return Article(id=path.stem, text=html_to_text(entry.content), title=entry.title, date=entry.date or expected.get("published"))
    raise InputError(f"{path}: unsupported test article type {suffix}; use one of {', '.join(SUFFIXES)}")


def read_expected(path: Path) -> dict[str, Any]:
    exp = path.with_name(path.stem + ".expected.json")
    try:
        data = json.loads(exp.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read {exp}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise InputError(f"{exp}: needs an object with an 'events' list")
    return data


def article_files(folder: Path) -> list[Path]:
    """The test articles in a folder (those with an expected file), sorted."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder of test articles")
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.with_name(p.stem + ".expected.json").exists())


def _key(actor) -> str | None:
    # The coder's stand-in for an unnamed agent ("(unknown)": "were killed when shells hit")
    # names nobody: it is what ``null`` means in an expected file.
    if actor is None or (actor.name == "unknown" and actor.text.startswith("(")):
        return None
    return actor.key


def matches(event: Event, want: dict[str, Any]) -> bool:
    """Same dyad (any acceptable key on each side) and an acceptable root."""
    return (
        _key(event.source) in want.get("source", [])
        and _key(event.target) in want.get("target", [])
        and event.cameo_root in want.get("roots", [])
    )


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _quantity_ok(event: Event, want: dict[str, Any]) -> bool:
    for q in event.quantities:
        if q.unit != want["unit"]:
            continue
        if "value" in want and q.value != want["value"]:
            continue
        if "estimate" in want and bool(getattr(q, "estimate", False) or getattr(q, "bound", None)) != want["estimate"]:
            continue
        return True
    return False


def _plain(name: str) -> str:
    """A place name lower-cased without its accents: "Apatzingán" is the "Apatzingan" an expected file writes."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


def _on_day(event: Event, day: str) -> bool:
    """Whether an event is dated to this day as the story's own (not a historical one)."""
    return event.date == day and event.date_precision == "day" and event.modality != "historical"


def detail_checks(event: Event, want: dict[str, Any]) -> list[tuple[str, bool]]:
    """Each detail the expected event asks about, and whether this event has it right."""
    out: list[tuple[str, bool]] = []
    loc = event.location
    name = (loc.name if loc else "") or ""
    if "date" in want:
        out.append((f"date {want['date']} (got {event.date})", event.date == want["date"]))
    if "not_day" in want:
        bad = _on_day(event, want["not_day"])
        out.append((f"not dated to the day {want['not_day']} (got {event.date} {event.date_precision})", not bad))
    if "place" in want:
        out.append((f"place {want['place']} (got {name or None})", _plain(want["place"]) in _plain(name)))
    if "not_place" in want:
        out.append((f"place is not {want['not_place']} (got {name or None})", _plain(want["not_place"]) not in _plain(name)))
    if "place_country" in want:
        out.append((f"place country {want['place_country']} (got {loc.country if loc else None})",
                    loc is not None and loc.country == want["place_country"]))
    if "near" in want:
        lat, lon, km = want["near"]
        d = _distance_km(lat, lon, loc.lat, loc.lon) if loc and loc.lat is not None and loc.lon is not None else None
        out.append((f"within {km} km of {lat},{lon} (got {name or None}, {round(d) if d is not None else 'no coordinates'})",
                    d is not None and d <= km))
    for q in want.get("quantities", []):
        got = [(x.unit, x.value, getattr(x, "estimate", False), getattr(x, "bound", None)) for x in event.quantities]
        out.append((f"quantity {q} (got {got})", _quantity_ok(event, q)))
    if "source_text_not" in want:
        text = (event.source.text if event.source else "").lower()
        out.append((f"source text without {want['source_text_not']!r} (got {text!r})", want["source_text_not"].lower() not in text))
    return out


def _forbidden_hit(event: Event, rule: dict[str, Any]) -> bool:
    if "source" in rule and _key(event.source) != rule["source"]:
        return False
    if "target" in rule and _key(event.target) != rule["target"]:
        return False
    if "roots" in rule and event.cameo_root not in rule["roots"]:
        return False
    if "evidence_contains" in rule and rule["evidence_contains"].lower() not in event.evidence.sentence.lower():
        return False
    if "actor_text" in rule:
        texts = [a.text for a in (event.source, event.target, event.attribution) if a is not None]
        if not any(rule["actor_text"].lower() in t.lower() for t in texts):
            return False
    return True


def score_article(name: str, events: Sequence[Event], expected: dict[str, Any]) -> ArticleResult:
    """Score one article's counted events against its expected file."""
    events = [e for e in events if e.counted]
    wanted = expected["events"]
    required = [w for w in wanted if w.get("required")]
    found = 0
    checks = passed = 0
    failures: list[str] = []
    tally = {k: [0, 0] for k in KINDS}

    def count(kind: str, ok: bool) -> None:
        tally[kind][0] += 1
        tally[kind][1] += ok

    for w in wanted:
        hits = [e for e in events if matches(e, w)]
        if "not_day" in w:
            # a background event ("detained five boats in 2019") is not the story's own event of the
            # same dyad and root, dated that day and expected as another event ("seized a boat on Tuesday")
            hits = [e for e in hits if not (_on_day(e, w["not_day"]) and any(matches(e, o) for o in wanted if o is not w))]
        if w.get("required"):
            if hits:
                found += 1
            else:
                failures.append(f"missing #{w['n']}: {w['what']}")
        if not hits:
            continue
        # A detail is right when the best matching event has it right.
        best = max(hits, key=lambda e: sum(ok for _, ok in detail_checks(e, w)))
        results = detail_checks(best, w)
        if "max_count" in w:
            results.append((f"at most {w['max_count']} event(s) (got {len(hits)})", len(hits) <= w["max_count"]))
        for label, ok in results:
            checks += 1
            passed += ok
            count(check_kind(label), ok)
            if not ok:
                failures.append(f"#{w['n']} {label}")
    matched = sum(1 for e in events if any(matches(e, w) for w in wanted))
    for e in events:
        if not any(matches(e, w) for w in wanted):
            failures.append(f"spurious {_key(e.source)} {e.cameo} {_key(e.target)} {e.evidence.trigger!r}")
    for rule in expected.get("forbidden", []):
        checks += 1
        hit = [e for e in events if _forbidden_hit(e, rule)]
        passed += not hit
        count("forbidden", not hit)
        if hit:
            failures.append(f"forbidden ({rule['why']}): {_key(hit[0].source)} {hit[0].cameo} {_key(hit[0].target)}")
    for unit, total in (expected.get("tolls") or {}).items():
        checks += 1
        # the story's toll: a background figure on an event the coder dates to the past
        # ("killed 60 in the 1980 election") is that period's, not added to the story's
        got = sum(q.value for e in events if e.modality != "historical" for q in e.quantities if q.unit == unit)
        passed += got == total
        count("count", got == total)
        if got > total:
            failures.append(f"toll counted twice: {unit} {total} expected once, summed {got} over events")
        elif got < total:
            failures.append(f"toll missing: {unit} {total} expected, summed {got} over events")
    kinds = tuple((k, c, r) for k, (c, r) in tally.items())
    return ArticleResult(name, len(required), found, len(events), matched, checks, passed, tuple(failures), kinds)


def summarise(results: Iterable[ArticleResult]) -> dict[str, Any]:
    """Recall of required events, precision of emitted ones, F1 and the share of details right."""
    results = list(results)
    req = sum(r.required for r in results)
    found = sum(r.found for r in results)
    emitted = sum(r.emitted for r in results)
    matched = sum(r.matched for r in results)
    recall = found / req if req else 0.0
    precision = matched / emitted if emitted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    checks = sum(r.checks for r in results)
    passed = sum(r.passed for r in results)
    by_kind = {k: [0, 0] for k in KINDS}
    for r in results:
        for kind, c, ok in r.kinds:
            by_kind[kind][0] += c
            by_kind[kind][1] += ok
    return {
        "articles": len(results),
        "required": req,
        "found": found,
        "emitted": emitted,
        "matched": matched,
        "recall": round(recall, 3),
        "precision": round(precision, 3),
        "f1": round(f1, 3),
        "details_checked": checks,
        "details_right": passed,
        "details_share": round(passed / checks, 3) if checks else 0.0,
        "details_by_kind": {k: {"checked": c, "right": ok} for k, (c, ok) in by_kind.items()},
    }


def check_folder(folder: Path | str, settings=None) -> tuple[list[ArticleResult], dict[str, Any]]:
    """Code every test article in a folder and score it."""
    from ..pipeline import code_articles

    folder = Path(folder)
    files = article_files(folder)
    expected = {p.stem: read_expected(p) for p in files}
    articles = [load_article(p, expected[p.stem]) for p in files]
    results = []
    for art, events, error in code_articles(articles, settings):
        if error:
            raise InputError(f"{art.id}: {error}")
        results.append(score_article(art.id, events, expected[art.id]))
    return results, summarise(results)
