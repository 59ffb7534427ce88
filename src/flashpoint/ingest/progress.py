"""A progress line on stderr for long runs.

On a terminal the line is rewritten in place; otherwise (a log file, CI)
one line is written every ``interval`` seconds, so logs stay readable.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .runner import IngestReport


def format_report(report: IngestReport) -> str:
    """One line: articles, new, skipped, copies, events, failures, rate."""
    return (
        f"{report.seen} articles ({report.new} new, {report.skipped} already stored, "
        f"{report.duplicates} copies), {report.events} events, {report.failures} failures, "
        f"{report.rate:.1f} articles/s"
    )


def format_eta(report: IngestReport, total: int | None) -> str:
    """``"120 of ~500 (24%), about 1m20s left"`` when a total is known, else ``""``."""
    if not total:
        return ""
    done = min(report.seen, total)
    head = f"{report.seen} of ~{total} ({100 * done // total}%)"
    if report.rate <= 0 or done >= total:
        return head
    left = int((total - done) / report.rate)
    minutes, seconds = divmod(left, 60)
    hours, minutes = divmod(minutes, 60)
    when = f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"
    return f"{head}, about {when} left"


class ProgressLine:
    """A ``progress`` callback for :func:`~flashpoint.ingest.runner.ingest`.

    With ``total`` (an estimate of the articles to read) each line starts
    with how far the run is and how long the rest should take.
    """

    def __init__(self, stream: TextIO | None = None, *, interval: float = 10.0, tty: bool | None = None,
                 total: int | None = None) -> None:
        self.stream = stream or sys.stderr
        self.interval = interval
        self.tty = self.stream.isatty() if tty is None else tty
        self.total = total
        self._last = float("-inf")  # the first report is shown at once
        self._drawn = False

    def _text(self, report: IngestReport) -> str:
        eta = format_eta(report, self.total)
        return f"{eta}: {format_report(report)}" if eta else format_report(report)

    def __call__(self, report: IngestReport) -> None:
        now = time.monotonic()
        if self.tty:
            if now - self._last >= 0.1:
                self.stream.write("\r\x1b[K" + self._text(report))
                self.stream.flush()
                self._last, self._drawn = now, True
        elif now - self._last >= self.interval:
            self.stream.write(self._text(report) + "\n")
            self.stream.flush()
            self._last = now

    def finish(self, report: IngestReport) -> None:
        """Write the final figures on a line of their own."""
        prefix = "\r\x1b[K" if self.tty and self._drawn else ""
        self.stream.write(prefix + format_report(report) + "\n")
        self.stream.flush()
