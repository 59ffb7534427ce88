"""The pre-filter benchmark: throughput on a mixed corpus, and every gold set with and without it.

The mixed corpus is IndiaPoliceEvents read as a stream of articles (its
sentences grouped back into their articles by ``meta.doc_id``, one per
line): real newspaper text in which about nine sentences in ten hold no
event. Throughput is compared with the bare spaCy pipeline on the same
text, and the events coded with the filter with those coded without it.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..config import Settings
from ..types import Article
from .coder import load_line


def india_police_articles(path: Path, limit: int | None = None) -> list[Article]:
    """IndiaPoliceEvents as articles: sentences joined by line breaks, in file order."""
    docs: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if not line.strip():
                continue
            record = json.loads(line)
            doc = str(record.get("meta", {}).get("doc_id", record["id"]))
            docs.setdefault(doc, {"date": record.get("date"), "sentences": []})["sentences"].append(record["text"])
    out = [Article(id=f"ipe-doc-{doc}", text="\n".join(v["sentences"]), date=v["date"]) for doc, v in docs.items()]
    return out[:limit] if limit else out


def _events(articles: list[Article], settings: Settings) -> tuple[float, float, dict[str, list[dict]]]:
    """(wall seconds, CPU seconds, events by article) of one coding run."""
    from ..pipeline import code_articles

    t0, c0 = time.perf_counter(), time.process_time()
    coded = {a.id: [e.to_dict() for e in events] for a, events, _ in code_articles(articles, settings)}
    return time.perf_counter() - t0, time.process_time() - c0, coded


def _keys(coded: dict[str, list[dict]]) -> set[tuple[str, str, int]]:
    return {(doc, e["cameo"], e["evidence"]["start"]) for doc, events in coded.items() for e in events}


def _event_words(articles: list[Article], coded: dict[str, list[dict]]) -> int:
    """Words in the sentences that hold an event: all a perfect filter would leave to parse."""
    spans = {(doc, e["evidence"]["start"], e["evidence"]["end"]) for doc, events in coded.items() for e in events}
    text = {a.id: a.text for a in articles}
    return sum(len(text[doc][a:b].split()) for doc, a, b in spans if doc in text)


def actor_gate(articles: list[Article], res: Any, coded: dict[str, list[dict]]) -> tuple[float, float, float, int, int, int]:
    """What requiring an actor word on a line as well as a trigger would do (the
    filter does not: this measures why). ``(words left by the filter, words left
    with the gate, with the gate or a pronoun, event lines, event lines the gate
    loses, event lines the gate-or-pronoun loses)`` as fractions and counts; an
    actor word is one a knowledge-base alias can start with."""
    from ..nlp.prefilter import REFERRING, hot_spans, triggers_for, words

    triggers, backoff = triggers_for(res), getattr(res, "backoff", None)
    total = now = gated = loose = 0
    event_lines = lost = lost_loose = 0
    for article in articles:
        text = article.text
        hot = hot_spans(text, triggers, 1, backoff)
        starts = [e["evidence"]["start"] for e in coded.get(article.id, [])]
        at = 0
        for line in text.split("\n"):
            a, b = at, at + len(line)
            at = b + 1
            n = len(line.split())
            bag = words(line)
            kept = any(x < b and y > a for x, y in hot)
            actor = any(res.kb.is_actor_word(w) for w in bag)
            pronoun = not bag.isdisjoint(REFERRING)
            total += n
            now += n * kept
            gated += n * (kept and actor)
            loose += n * (kept and (actor or pronoun))
            if any(a <= s <= b for s in starts):
                event_lines += 1
                lost += not (kept and actor)
                lost_loose += not (kept and (actor or pronoun))
    total = total or 1
    return now / total, gated / total, loose / total, event_lines, lost, lost_loose


def throughput(name: str, articles: list[Article], settings: Settings, rounds: int = 1) -> Iterator[str]:
    """Lines: bare spaCy, the coder, the coder with the filter (wall clock and CPU
    seconds, the latter unmoved by what else the machine runs); events kept and lost."""
    from ..nlp.model import stock_nlp
    from ..nlp.prefilter import hot_pieces
    from ..pipeline import load_resources

    res = load_resources(settings)
    bare = stock_nlp(settings.model)  # the package's pipeline as it ships (nlp/model.py)
    on = dataclasses.replace(settings, prefilter=True)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    c0 = time.process_time()
    parsed = sum(len(piece.split()) for t in texts for _, piece in hot_pieces([(0, t)], res))
    filter_cpu = time.process_time() - c0
    wall = {"spacy": float("inf"), "plain": float("inf"), "filtered": float("inf")}
    cpu = dict(wall)
    for _ in range(rounds):  # alternate, so drift on a shared machine hits all three alike
        t0, c0 = time.perf_counter(), time.process_time()
        for _doc in bare.pipe(texts, batch_size=settings.batch_size):
            pass
        wall["spacy"], cpu["spacy"] = min(wall["spacy"], time.perf_counter() - t0), min(cpu["spacy"], time.process_time() - c0)
        seconds, cpu_s, plain = _events(articles, settings)
        wall["plain"], cpu["plain"] = min(wall["plain"], seconds), min(cpu["plain"], cpu_s)
        seconds, cpu_s, filtered = _events(articles, on)
        wall["filtered"], cpu["filtered"] = min(wall["filtered"], seconds), min(cpu["filtered"], cpu_s)
    before, after = _keys(plain), _keys(filtered)
    same = sum(plain[k] == filtered[k] for k in plain)
    ideal = _event_words(articles, plain) / words
    yield (f"{name} ({load_line()} at the end): {len(articles)} articles, {words:,} words; the filter leaves {parsed / words:.1%} of the words to "
           f"parse (a masked line counts one), deciding in {filter_cpu:.2f} CPU s; the sentences that hold an event "
           f"have {ideal:.1%} of the words (all a perfect filter would leave)")
    for label, t in (("wall clock", wall), ("CPU seconds", cpu)):
        yield (f"  {label}: bare spaCy {words / t['spacy']:,.0f} words/s; coder {words / t['plain']:,.0f} words/s; "
               f"coder with the pre-filter {words / t['filtered']:,.0f} words/s = {t['spacy'] / t['filtered']:.2f}x "
               f"bare spaCy (target >= 1.5x), {t['plain'] / t['filtered']:.2f}x the coder")
    yield from _bound_lines(articles, res, plain, cpu, filter_cpu, parsed / words)
    yield (f"  events: {len(before)} without the filter, {len(after)} with it; {len(before - after)} lost, "
           f"{len(after - before)} new; articles coded identically: {same}/{len(plain)}")
    left, gated, loose, lines, lost, lost_loose = actor_gate(articles, res, plain)
    yield (f"  an actor word required on the line as well (not done): {left:.1%} -> {gated:.1%} of the words left "
           f"to parse, {lost} of {lines} event lines lost; an actor word or a pronoun: {loose:.1%}, {lost_loose} lost")


def _bound_lines(articles: list[Article], res: Any, plain: dict[str, list[dict]], cpu: dict[str, float],
                 filter_cpu: float, left: float) -> Iterator[str]:
    """What a filter that knew more would leave (:mod:`.filter_bound`), and the ceiling each sets."""
    from ..nlp.structure import mask, read_structure
    from ..pipeline import clean_text
    from .filter_bound import Bound, sentence_bound

    def prepared(a: Article) -> str:
        text = clean_text(a.text)
        return mask(text, read_structure(text))

    bound = sentence_bound(((prepared(a), [e["evidence"]["start"] for e in plain.get(a.id, [])]) for a in articles), res)
    levels = {"this filter": left, **bound.kept}
    ceil = Bound(bound.words, levels)
    names = {"this filter": "this filter (raw text)", "candidate": "one that knew every part of speech",
             "pattern": "one that knew the parse (a pattern matches; not the actors)", "event": "one that knew the events"}
    yield ("  words a filter must leave to parse, and the best ratio to bare spaCy it allows at this coder's CPU per word "
           "(target >= 1.5x): " + "; ".join(f"{names[k]} {v:.1%} ({ceil.ceiling(k, cpu['spacy'], cpu['plain'], filter_cpu):.2f}x)"
                                            for k, v in levels.items()))


def _comparable(figures: dict[str, Any], subset: bool) -> dict[str, Any]:
    if subset:  # the CI guard's subset: the same records each time
        return dict(figures["subset"])
    sets = {k: {kk: vv for kk, vv in v.items() if kk != "seconds"} for k, v in figures["sets"].items()}
    return {**sets, "project": figures.get("project", {})}


def gold_sets(evaldata: Path | None, settings: Settings, progress: Any = None, subset: bool = False) -> Iterator[str]:
    """Lines: each gold set's headline figures without and with the filter
    (``subset``: only the accuracy guard's subset of each set, minutes instead of an hour)."""
    from ..eval.runner import run_all

    def figures(s: Settings) -> dict[str, Any]:
        return _comparable(run_all(evaldata, s, progress=progress, subset_only=subset, locations=False), subset)

    off = figures(settings)
    on = figures(dataclasses.replace(settings, prefilter=True))
    for name in off:
        a, b = off[name], on.get(name, {})
        head_a = a.get("headline", {k: v for k, v in a.items() if isinstance(v, (int, float))})
        head_b = b.get("headline", {k: v for k, v in b.items() if isinstance(v, (int, float))})
        verdict = "identical" if a == b else ("headline equal, details differ" if head_a == head_b else "DIFFERENT")
        yield f"gold {name}: {verdict}; without {json.dumps(head_a, sort_keys=True)}"
        if head_a != head_b:
            yield f"gold {name}: with    {json.dumps(head_b, sort_keys=True)}"


def bench_prefilter(evaldata: Path | None, settings: Settings, rounds: int = 1, gold: bool = True,
                    limit: int | None = None, progress: Any = None, subset: bool = False) -> Iterator[str]:
    """Every pre-filter figure: the mixed corpus, the sample corpus, the gold sets."""
    from ..eval.runner import default_evaldata
    from .coder import sample_articles

    evaldata = Path(evaldata) if evaldata else default_evaldata()
    mixed = evaldata / "india_police_events.jsonl"
    if mixed.is_file():
        yield from throughput("india_police as articles", india_police_articles(mixed, limit), settings, rounds)
    else:
        yield f"india_police: {mixed} is absent; the mixed-corpus figures need the shared gold data"
    yield from throughput("sample corpus", sample_articles(), settings, rounds)
    if gold:
        yield from gold_sets(evaldata, settings, progress, subset)
