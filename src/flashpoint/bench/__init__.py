"""Every benchmark of ``flashpoint bench``, in one package.

Each module measures one thing as a ratio against a baseline taken in the
same run (the machines are shared and noisy, so absolute seconds mean
little), and returns report lines; ``cli/bench.py`` maps a flag to each:

============  =====================  ==============================================
flag          module                 measures
============  =====================  ==============================================
(none)        :mod:`.coder`          the coder against bare spaCy; memory, start-up
``--ingest``  :mod:`.ingest`         ingest into SQLite/PostgreSQL; :mod:`.query`
``--workers`` :mod:`.workers`        two coding processes against one
``--backfill`` :mod:`.backfill`      a two-worker Dask backfill against one
``--prefilter`` :mod:`.prefilter`    the pre-filter: throughput and gold-set figures;
                                     :mod:`.filter_bound`: what any filter could leave
``--export``  :mod:`.export`         exports to Parquet and GDELT TSV: rate, memory
``--serve``   ``serve/bench.py``     the API's latency (lives with the web app it drives)
============  =====================  ==============================================

A new benchmark is a new module here with a function returning lines, and
one flag in ``cli/bench.py``. Nothing heavy is imported until it runs.
"""

from __future__ import annotations

from .coder import CoderBench, bench_coder, machine_line, repeated_corpus, sample_articles
from .memory import peak_rss_mb, rss_mb

__all__ = ["CoderBench", "bench_coder", "machine_line", "peak_rss_mb", "repeated_corpus", "rss_mb", "sample_articles"]
