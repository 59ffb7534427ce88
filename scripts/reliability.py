"""Run the reliability tests and write their results into docs/OPERATIONS.md.

Usage: .venv/bin/python scripts/reliability.py [--check]

Runs the tests listed in SCENARIOS (PostgreSQL ones need FLASHPOINT_TEST_PG,
see scripts/postgres-up.sh), reads pytest's JUnit XML report and replaces
the table between the reliability markers of docs/OPERATIONS.md with one
row per scenario: what was tried and whether every test of it passed.
With --check, exit 1 when the table in the file differs (nothing written).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "OPERATIONS.md"
START, END = "<!-- reliability:start -->", "<!-- reliability:end -->"

# (kind, what was tried, test selectors: "file::name prefix")
SCENARIOS = [
    ("kill", "SIGKILL at any point of an ingest, then a rerun (SQLite, PostgreSQL)",
     ["tests/ingest/test_crash.py::test_kill_and_rerun_matches_an_uninterrupted_run"]),
    ("kill", "killed at a set memory size while coding a batch (a watchdog in the process, a memory-hungry fake coder), then reruns",
     ["tests/hardening/test_memory.py::test_a_run_killed_for_memory_is_not_stuck_on_that_batch"]),
    ("memory", "MemoryError under a 4 GB address-space limit on a 50 MB one-line file (memory-hungry fake coder)",
     ["tests/hardening/test_memory.py::test_memory_error_under_an_address_space_limit_costs_one_document"]),
    ("memory", "a line of 900 tokens with no sentence end; `code` out of memory",
     ["tests/hardening/test_memory.py::test_a_forced_sentence_break", "tests/hardening/test_memory.py::test_code_names"]),
    ("outage", "PostgreSQL connection ended mid-ingest (terminated backend), going away for good",
     ["tests/ingest/test_crash.py::test_postgres_going_away_mid_ingest"]),
    ("outage", "PostgreSQL server restarted during a batch, then stopped for 10 s (private server)",
     ["tests/hardening/test_postgres_outage.py::test_a_restart_and_a_ten_second_stop"]),
    ("concurrent", "two processes ingest complementary halves of a corpus with copies (SQLite, PostgreSQL)",
     ["tests/hardening/test_concurrent_writers.py::test_two_writers"]),
    ("concurrent", "five commands open one fresh database at once (SQLite file, PostgreSQL schema)",
     ["tests/hardening/test_concurrent_migrations.py::test_five_commands"]),
    ("concurrent", "several PostgreSQL writers merging reports of one event",
     ["tests/store/test_backends.py::test_postgres_concurrent_batched_writers"]),
    ("paths", "`export -o` and `watch --cache` naming the database or its -wal/-shm/-journal files, a symlink, a non-cache file",
     ["tests/hardening/test_paths.py::"]),
    ("hostile input", "HTML nested 400 deep, a 10 MB text node, a page with no text",
     ["tests/hardening/test_hostile_inputs.py::test_html"]),
    ("hostile input", "random bytes named .jsonl; 50,000 unreadable lines; CSV unterminated quote",
     ["tests/hardening/test_hostile_inputs.py::test_random_bytes", "tests/hardening/test_hostile_inputs.py::test_a_jsonl",
      "tests/hardening/test_hostile_inputs.py::test_csv"]),
    ("hostile input", "eval on an empty gold file, deeply nested JSON, bad UTF-8; actor file with several bad entries",
     ["tests/hardening/test_hostile_inputs.py::test_eval", "tests/hardening/test_hostile_inputs.py::test_actors"]),
    ("hostile input", "fuzzed JSONL, CSV, HTML, feeds and files; billion laughs; external entities",
     ["tests/ingest/test_fuzz.py::"]),
    ("SSRF", "loopback, private, link-local, site-local (fec0::/10), mapped and odd address spellings; redirect hops",
     ["tests/ingest/test_fetch.py::test_non_public_addresses", "tests/ingest/test_fetch.py::test_redirect",
      "tests/ingest/test_fetch.py::test_refused_urls", "tests/hardening/test_hostile_inputs.py::test_site_local",
      "tests/ingest/test_fetch_server.py::test_loopback"]),
    ("slow server", "a server dripping header bytes (fetch, and `watch` with a second feed)",
     ["tests/hardening/test_slow_servers.py::"]),
    ("slow server", "a slow server; a body dripping for ever; an endless body",
     ["tests/ingest/test_fetch_server.py::test_slow_server", "tests/ingest/test_fetch_server.py::test_dripping",
      "tests/ingest/test_fetch_server.py::test_big_body"]),
]


def _outcomes(report: Path) -> dict[str, str]:
    out = {}
    for case in ET.parse(report).iter("testcase"):
        path = case.get("classname", "").replace(".", "/") + ".py"
        name = f"{path}::{case.get('name')}"
        if case.find("failure") is not None or case.find("error") is not None:
            out[name] = "failed"
        elif case.find("skipped") is not None:
            out[name] = "skipped"
        else:
            out[name] = "passed"
    return out


def _row(kind: str, what: str, selectors: list[str], outcomes: dict[str, str]) -> str:
    found = [v for name, v in outcomes.items() if any(name.startswith(s) for s in selectors)]
    if not found:
        result = "not run"
    elif "failed" in found:
        result = f"**failed** ({found.count('failed')} of {len(found)} tests)"
    elif all(v == "skipped" for v in found):
        result = "skipped (no PostgreSQL server)"
    else:
        ran = len(found) - found.count("skipped")
        result = f"held ({ran} test{'s' * (ran != 1)} passed" + (f", {found.count('skipped')} skipped)" if found.count("skipped") else ")")
    return f"| {kind} | {what} | {result} |"


def main() -> int:
    files = sorted({s.split("::")[0] for _, _, sels in SCENARIOS for s in sels})
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "junit.xml"
        subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-m", "",
                        f"--junitxml={report}", *files], cwd=ROOT, check=False)
        outcomes = _outcomes(report)
    rows = ["| kind | what was tried | result |", "| --- | --- | --- |"]
    rows += [_row(kind, what, sels, outcomes) for kind, what, sels in SCENARIOS]
    table = "\n".join(rows)
    text = DOC.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    new = f"{before}{START}\n{table}\n{END}{after}"
    if "--check" in sys.argv:
        return 0 if new == text else 1
    DOC.write_text(new, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
