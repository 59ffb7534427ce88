"""Backfills on a Dask cluster: shards -> batches -> workers -> one writer, with checkpoints.

>>> from flashpoint.backfill import backfill, connect
>>> with connect(local_workers=2) as client:                      # doctest: +SKIP
...     report = backfill(["archive/"], store, settings, client)

Dask is the ``scale`` extra; :mod:`.worker` imports it, the rest does not.
"""

from __future__ import annotations

from .checkpoint import Checkpoints, Done, Run
from .cluster import connect
from .plan import Batch, count, plan
from .runner import BackfillReport, backfill, run_id
from .shards import Shard, find_shards, read_shard
from .status import Status, status

__all__ = [
    "BackfillReport", "Batch", "Checkpoints", "Done", "Run", "Shard", "Status", "backfill", "connect",
    "count", "find_shards", "plan", "read_shard", "run_id", "status",
]
