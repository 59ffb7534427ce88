"""One runner for the sentence tables of the own-probe, wire and root-precision tests.

A table is a list of rows, each a sentence and what the coder must (or must not) make of
it; :func:`table` makes it one parametrized test, marked slow (the coder parses), and the
check it runs on each row says what it asserts::

    test_talks_held_are_meetings = table("text, want", [
        ("Chile held talks with Peru.", ("CHL", "04", "PER")),
    ], reads)

The checks take a row's values in the table's order, whatever the table calls them
("text, critic, actor"), so that a file keeps its own names for its columns.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence

import pytest

from flashpoint.pipeline import code_text

from . import wire_helpers
from .test_news_coding import coded, has, triples


def table(argnames: str, rows: Sequence, check: Callable[..., None], slow: bool = True) -> Callable[..., None]:
    """A test running ``check`` on each of ``rows``, parametrized as ``argnames``."""
    names = [n.strip() for n in argnames.split(",")]

    def test(**row) -> None:
        check(*(row[n] for n in names))

    test.__signature__ = inspect.Signature(  # what pytest reads the parameters from
        [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD) for n in names])
    test = pytest.mark.parametrize(argnames, rows)(test)
    return pytest.mark.slow(test) if slow else test


# -- the own-probe sets: (source, code, target) triples at default settings ----------------------

def reads(text: str, want: tuple) -> None:
    """The coder reads ``want`` (source, code or root, target; None for any target)."""
    got = triples(coded(text))
    assert has(got, want), (text, got)


def never_root(text: str, not_root) -> None:
    """No event's code starts with ``not_root`` (a root, a code, or a tuple of them)."""
    got = triples(coded(text))
    assert not any(c.startswith(not_root) for _, c, _ in got), (text, got)


def never_root_by_rules(text: str, not_root) -> None:
    """As :func:`never_root`, the rules alone (without the statistical back-off)."""
    got = triples(coded(text, backoff=False))
    assert not any(c.startswith(not_root) for _, c, _ in got), (text, got)


def silent(text: str) -> None:
    """No event at all."""
    assert not coded(text), triples(coded(text))


def silent_by_rules(text: str) -> None:
    """No event from the rules (the back-off left out)."""
    assert not coded(text, backoff=False), coded(text, backoff=False)


def first_run_recorded(name: str, n: int) -> None:
    """An own probe set (tests/data/NAME.jsonl, ``n`` records) has its first run saved beside it
    (NAME_first_run.json), whose failed ids are the set's and whose passed share they make."""
    import json

    from flashpoint.eval.project import TESTS_DATA

    ids = {json.loads(line)["id"] for line in (TESTS_DATA / f"{name}.jsonl").read_text().splitlines() if line}
    first = json.loads((TESTS_DATA / f"{name}_first_run.json").read_text())
    assert first["n"] == len(ids) == n
    assert set(first["failed"]) <= ids
    assert first["headline"]["passed"] == round((len(ids) - len(first["failed"])) / len(ids), 4)


# -- the root-precision tests: the set of roots, nothing more -----------------------------------

def roots_on(date: str, doc_id: str = "r", counted_only: bool = False) -> Callable[[str], set[str]]:
    """The roots the coder gives a sentence published on ``date`` (of its counted events only,
    with ``counted_only``)."""
    def roots(text: str) -> set[str]:
        return {e.cameo_root for e in code_text(text, date=date, doc_id=doc_id) if e.counted or not counted_only}
    return roots


def root_set(roots: Callable[[str], set[str]]) -> Callable[[str, set[str]], None]:
    """The check that the sentence's roots are exactly ``want``."""
    def check(text: str, want: set[str]) -> None:
        assert roots(text) == want, text
    return check


# -- the wire rounds: (source, root, target) dyads coded --no-statements -------------------------

def wire_reads(text: str, source, root: str, target) -> None:
    """A dyad of ``root`` from ``source`` to ``target`` (either None: any)."""
    got = wire_helpers.dyads(text)
    assert wire_helpers.has(got, source, root, target), got


def wire_root(root: str) -> Callable[[str, object, object], None]:
    """:func:`wire_reads` for one root, the table giving the source and the target."""
    def check(text: str, source, target) -> None:
        wire_reads(text, source, root, target)
    return check
