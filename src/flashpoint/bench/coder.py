"""The coder benchmark: the coder against the bare spaCy pipeline on the same text.

Also the corpora other benchmarks share (the sample corpus, repeated) and
the start-up cost and memory of the resources.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..config import Settings
from ..types import Article
from .memory import peak_rss_mb, rss_mb


def sample_articles() -> list[Article]:
    """The bundled sample corpus."""
    text = (resources.files("flashpoint") / "data" / "sample" / "corpus.jsonl").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line.strip():
            rec = json.loads(line)
            out.append(Article(id=rec["id"], text=rec["text"], date=rec.get("date"), title=rec.get("title"),
                               url=rec.get("url"), outlet=rec.get("outlet")))
    return out


def repeated_corpus(min_chars: int) -> list[Article]:
    """The sample corpus repeated (with distinct ids) until it holds ``min_chars`` of text."""
    base = sample_articles()
    out: list[Article] = []
    total = 0
    n = 0
    while total < min_chars:
        for a in base:
            out.append(Article(id=f"{a.id}-r{n}", text=a.text, date=a.date, title=a.title, url=a.url, outlet=a.outlet))
            total += len(a.text)
        n += 1
    return out



@dataclass(frozen=True)
class CoderBench:
    documents: int
    words: int
    chars: int
    spacy_words_per_s: float
    coder_words_per_s: float
    coder_docs_per_s: float
    events: int
    ratio: float
    peak_rss_mb: float
    model_load_s: float
    kb_load_s: float
    kb_load_mb: float
    gazetteer_load_s: float
    gazetteer_load_mb: float
    # The same ratio in CPU time of this process (best round each way): what a shared,
    # busy machine leaves least disturbed, since time spent waiting for a core is not counted.
    cpu_ratio: float = 0.0
    spacy_cpu_s: float = 0.0
    coder_cpu_s: float = 0.0
    load: str = ""

    def lines(self) -> list[str]:
        return [
            f"corpus: {self.documents} documents, {self.words:,} words, {self.chars / 1e6:.2f} MB of text",
            f"bare spaCy pipeline: {self.spacy_words_per_s:,.0f} words/s",
            f"Flashpoint coder:    {self.coder_words_per_s:,.0f} words/s, {self.coder_docs_per_s:,.1f} documents/s, {self.events:,} events",
            f"coder / spaCy throughput: {self.ratio:.1%} (target >= 70%)",
            f"coder / spaCy in CPU time: {self.cpu_ratio:.1%} (spaCy {self.spacy_cpu_s:.2f} s, the coder "
            f"{self.coder_cpu_s:.2f} s: coding / parse {self.coder_cpu_s / self.spacy_cpu_s - 1 if self.spacy_cpu_s else 0:.2f}; "
            f"the steadier figure on a busy machine; {self.load})",
            f"start-up: model {self.model_load_s:.2f} s; actor KB {self.kb_load_s:.2f} s, +{self.kb_load_mb:.0f} MB; "
            f"gazetteer {self.gazetteer_load_s:.2f} s, +{self.gazetteer_load_mb:.0f} MB (target < 1.5 s, < 300 MB together)",
            f"peak memory of the process: {self.peak_rss_mb:.0f} MB (target < 700 MB)",
        ]


def _timed_load(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall time and resident-memory growth of one (first, uncached) load."""
    before = rss_mb()
    t0 = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - t0
    return elapsed, max(0.0, rss_mb() - before)


def bench_coder(min_chars: int = 1_000_000, rounds: int = 2, settings: Settings | None = None) -> CoderBench:
    """Code the sample corpus repeated to ``min_chars``; compare with bare spaCy on the same text."""
    from ..actors import KnowledgeBase
    from ..geo.gazetteer import Gazetteer
    from ..nlp.model import load_nlp, stock_nlp
    from ..pipeline import code_articles, load_resources

    settings = settings or Settings()
    t0 = time.perf_counter()
    load_nlp(settings.model)
    model_s = time.perf_counter() - t0
    # bare spaCy: the package's pipeline as it ships, every default component and nothing more
    # (the coder's own copy adds name merging and answers two components from tables: nlp/model.py)
    nlp = stock_nlp(settings.model)
    kb_s, kb_mb = _timed_load(lambda: KnowledgeBase.load(settings.actor_files))
    gz_s, gz_mb = _timed_load(Gazetteer.load)
    load_resources(settings)
    arts = repeated_corpus(min_chars)
    texts = [a.text for a in arts]
    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)
    spacy_best = coder_best = spacy_cpu = coder_cpu = float("inf")
    events = 0
    for _ in range(rounds):  # alternate so drift on a shared machine hits both alike
        t0, c0 = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        spacy_best = min(spacy_best, time.perf_counter() - t0)
        spacy_cpu = min(spacy_cpu, time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        events = sum(len(evs) for _, evs, _ in code_articles(arts, settings))
        coder_best = min(coder_best, time.perf_counter() - t0)
        coder_cpu = min(coder_cpu, time.process_time() - c0)
    return CoderBench(
        documents=len(arts), words=words, chars=chars,
        spacy_words_per_s=words / spacy_best, coder_words_per_s=words / coder_best,
        coder_docs_per_s=len(arts) / coder_best, events=events, ratio=spacy_best / coder_best,
        peak_rss_mb=peak_rss_mb(), model_load_s=model_s, kb_load_s=kb_s, kb_load_mb=kb_mb,
        gazetteer_load_s=gz_s, gazetteer_load_mb=gz_mb,
        cpu_ratio=spacy_cpu / coder_cpu, spacy_cpu_s=spacy_cpu, coder_cpu_s=coder_cpu, load=load_line(),
    )


def machine_line() -> str:
    import os
    import platform

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}; "
            f"{load_line()}")


def load_line() -> str:
    """The load average now (1, 5, 15 minutes): on a shared machine, what a wall-clock figure is worth."""
    import os

    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "load average unknown"
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f}"
