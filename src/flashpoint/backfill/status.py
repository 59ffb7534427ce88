"""``flashpoint backfill --status``: progress of the latest backfill from its checkpoints."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..store.base import Store
from .checkpoint import Checkpoints, Progress, Run, require_runs


@dataclass(frozen=True, slots=True)
class Status:
    run: Run
    progress: Progress

    @property
    def rate(self) -> float:
        """Articles per second since the run was last started or resumed."""
        p = self.progress
        if not p.recent_articles or p.last_done is None:
            return 0.0
        seconds = (_time(p.last_done) - _time(self.run.resumed_at)).total_seconds()
        return p.recent_articles / seconds if seconds > 0 else 0.0

    @property
    def eta_seconds(self) -> float | None:
        planned = self.run.planned_articles
        if planned is None or self.rate <= 0 or self.run.finished_at:
            return None
        return max(0.0, planned - self.progress.articles) / self.rate

    def lines(self) -> list[str]:
        r, p = self.run, self.progress
        of_batches = f"/{r.planned_batches:,}" if r.planned_batches is not None else ""
        of_articles = f"/{r.planned_articles:,}" if r.planned_articles is not None else ""
        state = f"finished {r.finished_at}" if r.finished_at else "not finished (running, or stopped: run it again to resume)"
        eta = self.eta_seconds
        return [
            f"backfill {r.id} of {', '.join(r.sources)} (batches of {r.batch_size})",
            f"batches done: {p.batches:,}{of_batches}; articles: {p.articles:,}{of_articles}; "
            f"events: {p.events:,}; failures: {p.failures:,}",
            f"rate: {self.rate:,.1f} articles/s since {r.resumed_at}; ETA: {_duration(eta) if eta is not None else '-'}",
            f"workers: {r.workers}; scheduler: {r.scheduler or 'local cluster'}; dashboard: {r.dashboard or '-'}",
            f"started {r.started_at}; last batch {p.last_done or '-'}; {state}",
        ]


def status(store: Store) -> Status:
    """The latest backfill's status (UsageError when none ran on this database)."""
    checkpoints = Checkpoints(store)
    run = require_runs(checkpoints)
    return Status(run, checkpoints.progress(run))


def _time(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp)


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"
