"""What is coded at once stays within the character budget (issue 14, item 3).

The parse costs about 3 KB per character in flight, so ``Settings.batch_chars``
bounds the peak memory; these tests check the batching itself (deterministic
counts, never a memory or timing figure).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from flashpoint.config import Settings
from flashpoint.ingest import ingest
from flashpoint.ingest.source import ListSource
from flashpoint.pipeline import _chunks, char_batches
from flashpoint.store import open_store
from flashpoint.types import Article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))

from fakes import fake_coder  # noqa: E402


def _pieces(sizes: list[int]) -> list[tuple[tuple[str, int], int]]:
    return [(("x" * n, 0), i) for i, n in enumerate(sizes)]


@pytest.mark.parametrize("sizes, size, budget, expected", [
    ([10, 10, 10, 10], 64, 25, [[0, 1], [2, 3]]),  # closes before the piece that would pass the budget
    ([10, 15, 1], 64, 25, [[0, 1], [2]]),  # reaching the budget exactly is allowed
    ([40, 5, 5, 60, 1], 64, 25, [[0], [1, 2], [3], [4]]),  # a piece over the budget goes alone
    ([1] * 7, 3, 1000, [[0, 1, 2], [3, 4, 5], [6]]),  # the count still closes a batch
    ([0, 0, 30, 0], 64, 25, [[0, 1], [2], [3]]),  # empty pieces (failed documents) cost nothing
    ([], 64, 25, []),
])
def test_char_batches_close_at_the_count_or_the_budget(sizes, size, budget, expected) -> None:
    groups = list(char_batches(_pieces(sizes), size, budget))
    assert [[meta for _, meta in g] for g in groups] == expected


def test_no_group_passes_the_budget_unless_one_piece_does() -> None:
    sizes = [(i * 7919) % 1000 for i in range(500)]  # a fixed spread of lengths
    groups = list(char_batches(_pieces(sizes), 64, 1500))
    assert [meta for g in groups for _, meta in g] == list(range(500))  # nothing lost, order kept
    for g in groups:
        chars = sum(len(text) for (text, _), _ in g)
        assert len(g) <= 64 and (chars <= 1500 or len(g) == 1)


@pytest.mark.parametrize("text", [
    "Line one.\n" * 2000,  # line breaks
    "A sentence ends here. " * 1000,  # full stops, no line break
    "word " * 5000,  # neither: cut at a space, never inside a word
    "x" * 12_345,  # no space at all: a hard cut is all there is
])
def test_chunks_stay_within_their_size_and_lose_nothing(text: str) -> None:
    pieces = list(_chunks(text, 1000))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 1000 for _, p in pieces)
    assert [o for o, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]
    if " " in text:
        assert all(p[-1] in " \n." for _, p in pieces[:-1])  # after a line break, a full stop or a space


def _text(i: int, n: int) -> str:
    """``n`` characters: one 'met' sentence, then words of this article only (no near-duplicates)."""
    words = " ".join(f"w{i}n{j}" for j in range(n))
    return (f"The envoys met on day {i}. {words}")[:n]


def test_ingest_batches_close_at_the_character_budget(tmp_path: Path) -> None:
    seen: list[list[int]] = []

    def recording_coder(articles, settings):
        batch = list(articles)
        seen.append([len(a.text) for a in batch])
        yield from fake_coder(batch, settings)

    sizes = [300, 300, 300, 2000, 50, 50, 700, 40, 40, 40]
    articles = [Article(id=f"a{i}", text=_text(i, n)) for i, n in enumerate(sizes)]
    assert [len(a.text) for a in articles] == sizes
    settings = Settings(db=str(tmp_path / "x.db"), batch_size=4, batch_chars=800)
    store = open_store(settings.db, settings)
    try:
        report = ingest(ListSource(articles), store, recording_coder, settings)
        assert report.new == 10 and report.events == 10 and store.counts()["articles"] == 10
    finally:
        store.close()
    # A batch closes once its text reaches 800 characters or it holds 4 articles.
    assert seen == [[300, 300, 300], [2000], [50, 50, 700], [40, 40, 40]]


@pytest.fixture(scope="module")
def coded():
    """A long document coded with the default budget and with a budget of a few sentences."""
    pytest.importorskip("spacy")
    from flashpoint.pipeline import code_articles

    lines = [f"Russian troops shelled Ukrainian positions near Kharkiv on day {i}. Officials in Kyiv condemned the attack."
             for i in range(40)]
    text = "\n".join(lines) + "\n"
    art = Article(id="long", text=text, date="2022-05-01")
    runs = {}
    for budget in (200_000, 700):
        settings = Settings(batch_chars=budget)
        ((_, events, error),) = list(code_articles([art], settings))
        assert error is None
        runs[budget] = events
    return text, runs


def test_a_document_longer_than_the_budget_codes_every_sentence(coded) -> None:
    text, runs = coded
    whole, pieces = runs[200_000], runs[700]
    assert len(text) > 700 * 5  # several pieces
    assert whole  # the sentences code at all
    # Pieces are cut between sentences: each piece codes what the whole did, at the same offsets.
    assert sorted(e.event_id for e in pieces) == sorted(e.event_id for e in whole)
    for e in pieces:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.sentence


def test_the_budget_comes_from_the_environment(monkeypatch) -> None:
    from click.testing import CliRunner

    from flashpoint.cli import main
    from flashpoint.errors import UsageError

    monkeypatch.setenv("FLASHPOINT_BATCH_CHARS", "50_000")
    assert Settings.from_env().batch_chars == 50_000
    for bad in ("abc", "0", "-5", "1.5"):
        monkeypatch.setenv("FLASHPOINT_BATCH_CHARS", bad)
        with pytest.raises(UsageError, match="FLASHPOINT_BATCH_CHARS"):
            Settings.from_env()
        done = CliRunner().invoke(main, ["code", "-"], input="The envoys met.\n")
        assert done.exit_code == 2 and done.output.startswith("error: $FLASHPOINT_BATCH_CHARS must be")
