"""The progress line: in place on a terminal, periodic lines otherwise."""

from __future__ import annotations

import io

from flashpoint.ingest import IngestReport
from flashpoint.ingest.progress import ProgressLine, format_report


def test_terminal_rewrites_in_place():
    out = io.StringIO()
    line = ProgressLine(out, tty=True)
    line(IngestReport(seen=3, new=2, events=5, elapsed=1.0))
    line.finish(IngestReport(seen=4, new=3, events=6, failures=1, elapsed=2.0))
    text = out.getvalue()
    assert text.startswith("\r\x1b[K3 articles") and text.endswith("1 failures, 2.0 articles/s\n")


def test_log_gets_a_line_per_interval():
    out = io.StringIO()
    line = ProgressLine(out, tty=False, interval=3600)
    for n in range(50):
        line(IngestReport(seen=n, elapsed=1.0))
    line.finish(IngestReport(seen=50, elapsed=1.0))
    assert out.getvalue().count("\n") == 2 and "\r" not in out.getvalue()


def test_format_report():
    assert format_report(IngestReport()) == (
        "0 articles (0 new, 0 already stored, 0 copies), 0 events, 0 failures, 0.0 articles/s"
    )


def test_total_and_estimate():
    from flashpoint.ingest.progress import format_eta

    out = io.StringIO()
    line = ProgressLine(out, tty=False, interval=0, total=500)
    line(IngestReport(seen=120, elapsed=60.0))
    assert out.getvalue().startswith("120 of ~500 (24%), about 3m10s left: 120 articles")
    assert format_eta(IngestReport(seen=10, elapsed=0.0), None) == ""
    assert format_eta(IngestReport(seen=600, elapsed=1.0), 500) == "600 of ~500 (100%)"


def test_estimate_total(tmp_path):
    from flashpoint.ingest.inputs import estimate_total

    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.jsonl").write_text('{"text": "1"}\n{"text": "2"}\n\n')
    (tmp_path / "c.csv").write_text("text\none\ntwo\nthree\n")
    (tmp_path / "skip.bin").write_text("x")
    assert estimate_total([str(tmp_path)]) == 6
    assert estimate_total([str(tmp_path / "a.txt"), "https://example.org/x"]) is None
