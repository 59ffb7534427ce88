"""A pattern's ``when``: how its trigger must be told (issue 9, session 12)."""

from __future__ import annotations

import pytest

from flashpoint.coding.patterns import parse_patterns
from flashpoint.errors import DataFileError

TABLE = {"verbs": [
    {"id": "rule-out", "lemmas": ["rule"], "particle": "out", "code": "120"},
    {"id": "not-rule-out", "lemmas": ["rule"], "particle": "out", "when": "negated", "code": "138"},
    {"id": "quit", "lemmas": ["quit"], "when": "done", "code": "0831"},
]}


def match(ps, lemma, told, particle=None):
    p = ps.match("verb", lemma, (), (), (), None, particle, None, told=told)
    return p.id if p else None


def test_a_negated_pattern_matches_only_a_negated_trigger_and_outranks_the_plain_one():
    ps = parse_patterns(TABLE)
    assert match(ps, "rule", "negated", "out") == "not-rule-out"
    assert match(ps, "rule", "done", "out") == match(ps, "rule", "future", "out") == "rule-out"


def test_a_done_pattern_refuses_only_the_future():
    ps = parse_patterns(TABLE)
    assert match(ps, "quit", "done") == match(ps, "quit", "negated") == "quit"
    assert match(ps, "quit", "future") is None


def test_a_negated_pattern_reads_as_a_negation():
    ps = parse_patterns(TABLE)
    assert [t.text for t in ps.triggers("138")] == ["not rule out"]


def test_when_takes_only_its_values():
    with pytest.raises(DataFileError, match="when must be one of"):
        parse_patterns({"verbs": [{"id": "x", "lemmas": ["x"], "code": "120", "when": "sometimes"}]})
