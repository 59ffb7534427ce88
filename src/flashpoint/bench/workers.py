"""``flashpoint bench --workers``: N coding processes against one, on the same articles."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from .coder import load_line, repeated_corpus


def _peak_mb(pid: int) -> float:
    """Peak resident memory of process ``pid`` (VmHWM), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` (Linux /proc), 0 when unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def bench_workers(min_chars: int, settings: Settings, workers: int = 2, rounds: int = 1) -> Iterator[str]:
    """Lines: articles/s on one process and on ``workers``; identical output; memory per worker."""
    from ..parallel import ParallelCoder
    from ..pipeline import code_articles, load_resources

    load_resources(settings)  # forked workers share the loaded model
    articles = repeated_corpus(min_chars)
    one_s = many_s = float("inf")
    peaks: dict[int, float] = {}
    with ParallelCoder(workers) as coder:
        list(coder(articles[: 4 * coder.chunk], settings))  # start the pool outside the timing
        pool = coder._pool
        kids = list(pool._processes) if pool is not None else []
        cpu_one = cpu_many = float("inf")
        for _ in range(rounds):  # alternate, so drift on a shared machine hits both alike
            c0, t0 = time.process_time(), time.perf_counter()
            serial = [(a.id, [e.event_id for e in evs], err) for a, evs, err in code_articles(articles, settings)]
            one_s, cpu_one = min(one_s, time.perf_counter() - t0), min(cpu_one, time.process_time() - c0)
            k0, c0, t0 = sum(map(_cpu_s, kids)), time.process_time(), time.perf_counter()
            parallel = [(a.id, [e.event_id for e in evs], err) for a, evs, err in coder(articles, settings)]
            many_s = min(many_s, time.perf_counter() - t0)
            cpu_many = min(cpu_many, sum(map(_cpu_s, kids)) - k0 + time.process_time() - c0)
        if pool is not None:
            peaks = {pid: _peak_mb(pid) for pid in pool._processes}
    n = len(articles)
    yield f"workers: {n} articles ({min_chars / 1e6:.1f} MB of text, the sample corpus repeated)"
    yield (f"  1 process {n / one_s:,.1f} articles/s; {workers} processes {n / many_s:,.1f} articles/s; "
           f"speed-up {one_s / many_s:.2f}x (target >= 1.7x with 2)")
    yield (f"  CPU seconds for the same work: {cpu_one:.1f} in one process, {cpu_many:.1f} over the workers and "
           f"the parent; {cpu_one / cpu_many:.0%} efficient, so {workers * cpu_one / cpu_many:.2f}x on {workers} idle cores "
           "(the wall-clock speed-up above also depends on what else the machine runs)")
    yield f"  output identical to one process (ids and order): {'yes' if serial == parallel else 'NO'}"
    if peaks:
        yield (f"  peak resident memory per worker: {', '.join(f'{v:.0f} MB' for v in peaks.values())} "
               "(forked: the model's pages are shared with the parent until written)")
    yield (f"  cores the run got (CPU seconds over wall seconds): {cpu_one / one_s:.2f} for one process, "
           f"{cpu_many / many_s:.2f} for {workers}: a speed-up needs the second core free; at the end: {load_line()} "
           f"on {os.cpu_count()} cores")
