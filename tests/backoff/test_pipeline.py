"""The back-off in the coding path: only where the rules code nothing, switchable (spaCy model)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from flashpoint.cli import main
from flashpoint.coding.backoff import RULE
from flashpoint.config import Settings
from flashpoint.pipeline import code_text

from ..test_schema import validate_event

pytestmark = pytest.mark.slow

# Sentences of our own. The rules have no pattern for "voted for a plan to help" (when the
# lexicon grows to cover it, pick another sentence the rules leave uncoded).
UNCODED = "Kenyan lawmakers voted for a plan to help Haiti's police with officers."
RULED = "Serbia and Kosovo traded accusations over the border clashes."
NEGATED = "Venezuela did not attack Guyana."


def test_backoff_codes_a_sentence_the_rules_leave_uncoded():
    events = code_text(UNCODED)
    assert [e.rule for e in events] == [RULE]
    event = events[0]
    assert event.source is not None and event.source.country == "KEN"
    # (with no word of asking in it the guess of an appeal falls back on a statement, session 16's ask_cue
    # gate: a statement has no PLOVER event)
    assert event.cameo == event.cameo_root + "0" and (event.plover is not None or event.cameo_root == "01")
    assert event.evidence.trigger and event.evidence.sentence.startswith("Kenyan")
    assert 0 < event.confidence <= 0.25
    assert event.inputs[0] == "backoff=tfidf-lr"
    validate_event(event.to_dict())  # the event record's JSON Schema admits the back-off's rule
    assert code_text(UNCODED, settings=Settings(backoff=False)) == []


def test_backoff_stays_out_of_sentences_with_rule_events():
    with_backoff = code_text(RULED)
    assert with_backoff and all(e.rule != RULE for e in with_backoff)
    assert with_backoff == code_text(RULED, settings=Settings(backoff=False))


def test_a_negated_rule_event_keeps_the_backoff_quiet():
    assert code_text(NEGATED) == []
    every = code_text(NEGATED, settings=Settings(include_uncounted=True))
    assert every and all(e.negated and e.rule != RULE for e in every)


def test_each_sentence_is_judged_on_its_own():
    events = code_text(f"{RULED} {UNCODED}")
    rules = [e.rule == RULE for e in events]
    assert any(rules) and not all(rules)
    assert {e.evidence.sentence.split()[0] for e in events if e.rule == RULE} == {"Kenyan"}


def test_cli_no_backoff(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(UNCODED, encoding="utf-8")
    on = CliRunner().invoke(main, ["code", str(path), "--format", "jsonl"])
    off = CliRunner().invoke(main, ["code", str(path), "--format", "jsonl", "--no-backoff"])
    assert on.exit_code == 0 and off.exit_code == 0, (on.output, off.output)
    assert [json.loads(line)["rule"] for line in on.output.splitlines()] == [RULE]
    assert off.output.strip() == ""


def test_a_backoff_event_takes_its_sentences_weekday():
    # issue 10: a back-off event is dated like a rule event, from its sentence, not the publication day
    from flashpoint.types import Article
    from flashpoint.pipeline import code_articles

    art = Article(id="bo", text="Kenyan lawmakers on Monday voted for a plan to help Haiti's police with officers.",
                  date="2025-03-05")
    ((_, events, _),) = list(code_articles([art], Settings()))
    (event,) = [e for e in events if e.rule == RULE]
    assert (event.date, event.date_precision) == ("2025-03-03", "day") and "date=clause" in event.inputs


def test_a_headline_only_the_backoff_codes_folds_into_the_lead():
    # issue 10: one event, two reports, whichever coder read the headline (if the rules come
    # to code "erupt", the headline folds all the same)
    text = ("Clashes erupt on Armenia-Azerbaijan border\n\n"
            "YEREVAN, Armenia — Azerbaijani troops fired on Armenian positions near the village of Sotk "
            "overnight, wounding one soldier, Armenia's defence ministry said on Wednesday.\n")
    events = code_text(text, date="2025-11-12")
    force = [e for e in events if e.cameo_root in ("18", "19")]
    assert len(force) == 1 and force[0].rule != RULE
    assert not any(e.evidence.start < 42 for e in events)
