"""The checkpoint tables of a backfill (migration ``0113_scale_backfill``).

``backfill_runs`` holds one row per backfill (its sources, plan and
cluster); ``backfill_batches`` one row per batch once it is stored. A
checkpoint is written after its batch commits: a crash in between leaves a
stored batch without a checkpoint, and the re-run codes nothing of it,
because every article of it is found stored (ids are content hashes).

The rows live in the store's own database and go through its connection,
so a lost PostgreSQL connection is reconnected as for any store write.
The in-memory store keeps them in a dictionary.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import Any

from ..errors import UsageError
from ..store.base import Store


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


@dataclass(frozen=True, slots=True)
class Run:
    id: str
    sources: tuple[str, ...]
    batch_size: int
    planned_batches: int | None
    planned_articles: int | None
    scheduler: str | None
    dashboard: str | None
    workers: int | None
    started_at: str
    resumed_at: str
    finished_at: str | None = None


@dataclass(frozen=True, slots=True)
class Done:
    """A stored batch: what the ingest runner reported for it."""

    id: str
    shard: str
    ordinal: int
    articles: int
    new: int
    skipped: int
    duplicates: int
    events: int
    failures: int
    seconds: float
    done_at: str = ""


@dataclass(frozen=True, slots=True)
class Progress:
    batches: int
    articles: int
    events: int
    failures: int
    recent_articles: int  # done since the run last (re)started
    first_done: str | None
    last_done: str | None


class Checkpoints:
    """Reads and writes the checkpoint tables through a store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.sql = hasattr(store, "_rows")
        if not self.sql:  # the in-memory store
            self.memory = getattr(store, "_backfill", None)
            if self.memory is None:
                self.memory = {"runs": {}, "batches": {}}
                store._backfill = self.memory  # type: ignore[attr-defined]

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        return self.store._call("read backfill checkpoints", self.store._rows, sql, params)  # type: ignore[attr-defined]

    def _write(self, sql: str, params: list[Any]) -> None:
        self.store._call("write a backfill checkpoint", self.store._write, sql, params)  # type: ignore[attr-defined]

    def start(self, run: Run) -> Run:
        """Record a run, or its resumption (keeping when it first started)."""
        old = self.run(run.id)
        if old is not None:
            run = Run(**{**asdict(run), "started_at": old.started_at, "finished_at": None})
        row = {**asdict(run), "sources": json.dumps(list(run.sources))}
        if not self.sql:
            self.memory["runs"][run.id] = row
            return run
        cols = list(row)
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c not in ("id", "started_at"))
        self._write(f"INSERT INTO backfill_runs ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
                    f" ON CONFLICT (id) DO UPDATE SET {updates}", [row[c] for c in cols])
        return run

    def finish(self, run_id: str) -> None:
        if not self.sql:
            self.memory["runs"][run_id]["finished_at"] = now()
            return
        self._write("UPDATE backfill_runs SET finished_at = ? WHERE id = ?", [now(), run_id])

    def run(self, run_id: str | None = None) -> Run | None:
        """The run ``run_id``, or the one started or resumed last."""
        if not self.sql:
            rows = sorted(self.memory["runs"].values(), key=lambda r: r["resumed_at"])
            rows = [r for r in rows if run_id in (None, r["id"])]
        elif run_id is None:
            rows = self._rows("SELECT * FROM backfill_runs ORDER BY resumed_at DESC LIMIT 1", [])
        else:
            rows = self._rows("SELECT * FROM backfill_runs WHERE id = ?", [run_id])
        if not rows:
            return None
        row = dict(rows[-1] if not self.sql else rows[0])
        row["sources"] = tuple(json.loads(row["sources"]))
        return Run(**row)

    def done_ids(self, run_id: str) -> set[str]:
        if not self.sql:
            return {d.id for d in self.memory["batches"].get(run_id, {}).values()}
        return {r["id"] for r in self._rows("SELECT id FROM backfill_batches WHERE run_id = ?", [run_id])}

    def mark(self, run_id: str, done: Done) -> None:
        done = Done(**{**asdict(done), "done_at": now()})
        if not self.sql:
            self.memory["batches"].setdefault(run_id, {})[done.id] = done
            return
        row = {"run_id": run_id, **asdict(done)}
        self._write(f"INSERT INTO backfill_batches ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})"
                    " ON CONFLICT DO NOTHING", list(row.values()))

    def retime(self, run_id: str, batch_id: str, seconds: float) -> None:
        """Set a stored batch's ``seconds``: the batch writer marks its checkpoint inside the
        batch's transaction, before the commit, and on PostgreSQL the pipelined writes are
        waited for at the commit, so only then is the storing time known."""
        if not self.sql:
            done = self.memory["batches"].get(run_id, {}).get(batch_id)
            if done is not None:
                self.memory["batches"][run_id][batch_id] = Done(**{**asdict(done), "seconds": seconds})
            return
        self._write("UPDATE backfill_batches SET seconds = ? WHERE run_id = ? AND id = ?", [seconds, run_id, batch_id])

    def progress(self, run: Run) -> Progress:
        if not self.sql:
            rows = [asdict(d) for d in self.memory["batches"].get(run.id, {}).values()]
        else:
            rows = self._rows("SELECT articles, events, failures, done_at FROM backfill_batches WHERE run_id = ?", [run.id])
        stamps = sorted(r["done_at"] for r in rows)
        return Progress(
            batches=len(rows),
            articles=sum(int(r["articles"]) for r in rows),
            events=sum(int(r["events"]) for r in rows),
            failures=sum(int(r["failures"]) for r in rows),
            recent_articles=sum(int(r["articles"]) for r in rows if r["done_at"] >= run.resumed_at),
            first_done=stamps[0] if stamps else None,
            last_done=stamps[-1] if stamps else None,
        )


def require_runs(checkpoints: Checkpoints) -> Run:
    run = checkpoints.run()
    if run is None:
        raise UsageError("no backfill has run on this database; start one with flashpoint backfill SOURCE... --db ...")
    return run
