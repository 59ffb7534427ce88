"""Load time, memory and resolve speed: measured and printed, never asserted
(timings depend on the machine). Run with ``-s`` to see the figures."""

from __future__ import annotations

import subprocess
import sys
import time

from flashpoint.actors import KnowledgeBase

_MEASURE = """
import time, resource, tracemalloc
t = time.perf_counter()
from flashpoint.actors import KnowledgeBase
kb = KnowledgeBase.load()
load = time.perf_counter() - t
tracemalloc.start()
KnowledgeBase.load()
print(load, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(kb.entries))
"""


def test_measure_cold_load():
    out = subprocess.run([sys.executable, "-c", _MEASURE], capture_output=True, text=True, check=True).stdout.split()
    seconds, rss_mb, entries = float(out[0]), float(out[1]), int(out[2])
    print(f"\ncold import+load: {seconds:.3f} s, peak RSS {rss_mb:.0f} MB, {entries} entries")
    assert entries > 1000


def test_measure_resolve_speed(kb: KnowledgeBase):
    phrases = {
        "no actor word": "a long and winding road",
        "country + agent": "the Belarusian Defence Ministry",
        "person": "Alexander Lukashenko",
        "compound": "Russian and Belarusian troops",
    }
    for label, phrase in phrases.items():
        n = 5000
        start = time.perf_counter()
        for _ in range(n):
            kb.resolve(phrase, when="2021-11-12")
        print(f"resolve {label}: {(time.perf_counter() - start) / n * 1e6:.1f} us")
