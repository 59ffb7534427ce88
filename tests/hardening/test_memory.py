"""One oversize document cannot block a batch for ever (issue 14, item 3)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from flashpoint.store import open_store

WORKER = Path(__file__).with_name("hungry_run.py")


def _corpus(folder: Path, big_chars: int) -> None:
    folder.mkdir()
    for i in range(11):
        (folder / f"good{i:02d}.txt").write_text(f"Report {i}. The envoys met on the border at post {i}.\n")
    # One line, no break: what a scraped page gone wrong looks like.
    (folder / "good05x.txt").write_bytes(b"word " * (big_chars // 5))


def _run(folder: Path, db: Path, *limit: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(WORKER), str(folder), str(db), *limit],
                          capture_output=True, text=True, timeout=300)


def _state(db: Path) -> tuple[int, list[tuple[str, str, str]]]:
    store = open_store(str(db))
    try:
        return store.counts()["articles"], [(f.key, f.stage, f.reason) for f in store.failures()]
    finally:
        store.close()


@pytest.mark.slow
def test_a_run_killed_for_memory_is_not_stuck_on_that_batch(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "x.db"
    _corpus(folder, big_chars=3_000_000)  # 300 MB held while coding its batch
    codes = []
    for _ in range(4):
        done = _run(folder, db, "--kill-above-mb", "150")
        codes.append(done.returncode)
        if done.returncode == 0:
            break
    assert codes == [-9, -9, 0], codes  # the batch, then the article alone, then a clean run
    articles, failures = _state(db)
    assert articles == 11
    ((key, stage, reason),) = failures
    assert stage == "code" and "died while coding this article" in reason and "2,999,999 characters" in reason


@pytest.mark.slow
def test_memory_error_under_an_address_space_limit_costs_one_document(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "x.db"
    _corpus(folder, big_chars=50_000_000)  # a 50 MB one-line file; cut to max_chars, still too big
    done = _run(folder, db, "--address-space-mb", "4096")
    assert done.returncode == 0, done.stderr[-2000:]
    articles, failures = _state(db)
    assert articles == 11
    coded = [r for _, s, r in failures if s == "code"]
    assert len(coded) == 1 and "MemoryError" in coded[0]  # the one document, named by its key
    assert any("good05x.txt" in k and "cut from" in r for k, _, r in failures)  # the note names the file


def test_code_names_the_document_it_ran_out_of_memory_on() -> None:
    from flashpoint.cli.code import out_of_memory

    line = out_of_memory({"small": 120, "huge.txt": 52_428_800, "other": 4_000})
    assert "\n" not in line and "document huge.txt (52,428,800 characters" in line and "3 being coded" in line
    assert "FLASHPOINT_BATCH_CHARS" in out_of_memory({})  # `code` has no --batch-size; the bound is in characters


def test_a_forced_sentence_break_bounds_a_line_without_punctuation() -> None:
    spacy = pytest.importorskip("spacy")
    from flashpoint.pipeline import MAX_SENTENCE_TOKENS, _add_newline_splitter

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")  # stands in for the parser: fp_newlines goes before "parser" or at the end
    nlp.remove_pipe("sentencizer")
    nlp.add_pipe("sentencizer", name="parser")
    _add_newline_splitter(nlp)
    doc = nlp("word " * (MAX_SENTENCE_TOKENS * 3) + "\nThe envoys met. Both sides spoke.")
    longest = max(len(s) for s in doc.sents)
    assert longest <= MAX_SENTENCE_TOKENS + 1
    prose = nlp(" ".join(["The envoys met at the border and talked for hours."] * 40))
    assert all(len(s) < 20 for s in prose.sents)  # prose keeps its own sentence breaks
