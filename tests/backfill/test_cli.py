"""``flashpoint backfill`` and ``--status`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli import main

from ..ingest.fakes import fake_coder
from .conftest import make_archive


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), obj={"coder": fake_coder})


@pytest.mark.parametrize(("args", "message"), [
    ((), "give files, folders or archives"),
    (("x", "--scheduler", "tcp://h:8786", "--local-cluster", "2"), "not both"),
    (("x", "--scheduler", "h:8786"), "not a scheduler address"),
    (("x", "--local-cluster", "0"), "1 or more"),
    (("x", "--date", "12/11/2021"), "YYYY-MM-DD"),
])
def test_bad_usage_is_one_line_and_exit_2(tmp_path: Path, args, message):
    result = invoke("backfill", *args, "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 2 and "error: " in result.output and message in result.output


def test_status_before_any_backfill(tmp_path: Path):
    result = invoke("backfill", "--status", "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 2 and "no backfill has run" in result.output


def test_backfill_then_status(tmp_path: Path):
    archive = make_archive(tmp_path / "in", n=48)
    db = str(tmp_path / "bf.db")
    result = invoke("backfill", str(archive), "--db", db, "--local-cluster", "1", "--batch-size", "8",
                    "--dashboard", ":0")
    assert result.exit_code == 1, result.output  # refusals, a corrupt shard, a malformed line
    assert "done: " in result.output and "stored batch" in result.output
    status = invoke("backfill", "--status", "--db", db)
    assert status.exit_code == 0, status.output
    lines = status.output.splitlines()
    assert lines[1].startswith("batches done: ") and "/" in lines[1]
    assert "articles/s" in lines[2] and "ETA" in lines[2]
    assert "dashboard" in lines[3] and "finished 20" in lines[4]
