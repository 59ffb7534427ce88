"""Every generated lexicon entry reaches its code through a sentence of its own.

The entries are read from the packaged pattern files (``NN-lexicon.yaml``), one per
lemma and object word; each gets "France <inflected trigger> Germany on Monday."
(``flashpoint.coding.lexicon.example_sentence``), and all sentences are coded in one
batch. Statement entries (01x) are kept apart from the event coder, so for them the
sentence must give a candidate that their own pattern matches.
"""

from __future__ import annotations

import functools

import pytest

pytest.importorskip("lemminflect", reason="the lexicon's example sentences need lemminflect (pip install -e '.[test]')")

from flashpoint import Settings, code_many  # noqa: E402
from flashpoint.coding.lexicon import example_sentence, reaches  # noqa: E402
from flashpoint.coding.patterns import load_patterns  # noqa: E402

MIN_ENTRIES = 3000


def entries():
    return [t for t in load_patterns().triggers(by_object=True) if t.pattern.startswith("lx-")]


ENTRIES = entries()
EVENT_ENTRIES = [t for t in ENTRIES if not t.source.statement]
STATEMENT_ENTRIES = [t for t in ENTRIES if t.source.statement]


def _id(t) -> str:
    return f"{t.code}:{t.lemma}" + (f"+{t.object}" if t.object else "")


@functools.lru_cache(maxsize=1)
def coded() -> dict[str, tuple[str, ...]]:
    """Sentence -> codes, for every event entry, coded in one batch."""
    sentences = sorted({example_sentence(t) for t in EVENT_ENTRIES})
    out = {}
    for art, events, error in code_many(({"id": str(i), "text": s} for i, s in enumerate(sentences)), Settings()):
        assert error is None, error
        out[art.text] = tuple(e.cameo for e in events)
    return out


def test_the_lexicon_has_enough_entries():
    assert len(ENTRIES) >= MIN_ENTRIES
    assert {t.form for t in ENTRIES} == {"verb", "phrasal", "light", "noun"}


@pytest.mark.parametrize("entry", EVENT_ENTRIES, ids=_id)
def test_entry_reaches_its_code(entry):
    sentence = example_sentence(entry)
    codes = coded()[sentence]
    assert any(reaches(entry.code, c) for c in codes), (sentence, codes)


@pytest.mark.parametrize("entry", STATEMENT_ENTRIES, ids=_id)
def test_statement_entry_matches_its_pattern(entry, statement_table, nlp):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from build_lexicon import statement_reached

    assert statement_reached(nlp(example_sentence(entry)), entry, statement_table)


def test_statement_entries_stay_out_of_event_matching():
    ps = load_patterns()
    assert STATEMENT_ENTRIES and all(t.code.startswith("01") for t in STATEMENT_ENTRIES)
    assert not any(p.statement for p in ps.patterns)
    assert {p.id for p in ps.statement_patterns().patterns} == {p.id for p in ps.statements}


@pytest.fixture(scope="module")
def statement_table():
    return load_patterns().statement_patterns()


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp.model import load_nlp

    return load_nlp(Settings().model)
