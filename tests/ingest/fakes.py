"""Hand-made events and a fake coder for the ingest tests (no spaCy)."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator

from flashpoint.config import Settings
from flashpoint.types import Actor, Article, Event, Evidence, content_id

_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def fake_events(article: Article) -> list[Event]:
    """One 'meet' event per sentence that says 'met'."""
    events = []
    for match in _SENTENCE.finditer(article.text):
        sentence = match.group().strip()
        if " met " not in f" {sentence} ":
            continue
        events.append(Event(
            event_id=content_id(article.id, match.start()),
            doc_id=article.id,
            date=article.date,
            date_precision="day" if article.date else None,
            source=Actor(text="Ruritania", name="Ruritania", country="RUR", code="RUR"),
            target=Actor(text="Freedonia", name="Freedonia", country="FRE", code="FRE"),
            cameo="040",
            cameo_root="04",
            quad_class=1,
            goldstein=1.0,
            plover=None,
            negated=False,
            modality="asserted",
            attribution=None,
            location=None,
            quantities=(),
            evidence=Evidence(sentence=sentence, start=match.start(), end=match.end(), trigger="met"),
            rule="test.meet",
            confidence=0.9,
        ))
    return events


def fake_coder(articles: Iterable[Article], settings: Settings) -> Iterator[tuple[Article, list[Event], str | None]]:
    """Codes 'met' sentences; 'FAIL' in a text gives an error, 'CRASH' raises.

    ``FAKE_CODER_DELAY`` (seconds per article) slows it down for the crash test.
    """
    delay = float(os.environ.get("FAKE_CODER_DELAY", "0") or 0)
    batch = list(articles)  # like nlp.pipe: the whole batch is taken first
    for article in batch:
        if delay:
            time.sleep(delay)
        if "CRASH" in article.text:
            raise RuntimeError("the fake coder broke")
        if "FAIL" in article.text:
            yield article, [], "fake coder refused this text"
        else:
            yield article, fake_events(article), None


class CountingCoder:
    """A fake coder that remembers the batches it was given."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, articles: Iterable[Article], settings: Settings):
        batch = list(articles)
        self.batches.append([a.id for a in batch])
        return fake_coder(batch, settings)
