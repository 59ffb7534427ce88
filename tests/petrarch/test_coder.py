"""Coding with our own PETRARCH-format dictionaries: patterns, roles, agents, discards, dates."""

from __future__ import annotations

import pytest

from flashpoint.config import Settings
from flashpoint.pipeline import code_text, load_resources

from ..timing import assert_scales_linearly
from .dicts import write_dicts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    # PETRARCH's own convention: both sides named (one-sided events are tested apart)
    return Settings(petrarch_dicts=write_dicts(tmp_path_factory.mktemp("petr") / "dicts"), dyads_only=True)


def dyads(text: str, settings: Settings, date: str | None = "2021-06-01") -> set[tuple[str, str, str]]:
    return {(e.source.code, e.target.code, e.cameo) for e in code_text(text, date=date, settings=settings)}


@pytest.mark.parametrize("text, expected", [
    # a synset after the verb selects the code
    ("Velmora pledged 40 million euros to Kastor on Monday.", {("VLM", "KST", "071")}),
    # the longer pattern wins and its '+' names the target
    ("Velmora pledged food aid to Kastor.", {("VLM", "KST", "073")}),
    # agents join the actor's code; an adverb pattern before the verb
    ("The Velmoran foreign minister sharply criticized Kastor.", {("VLMGOVFRM", "KST", "112")}),
    # a verb form listed in braces
    ("Kastor police criticised the Velmoran government.", {("KSTCOP", "VLM", "111")}),
    # multi-word actor
    ("The Red Delta Front criticized Velmora.", {("KSTREB", "VLM", "111")}),
    # '[NGO~]' goes before the actor's code
    ("A Velmoran aid agency criticized Kastor.", {("NGOVLM", "KST", "111")}),
    # passive: '+ WAS * BY $'
    ("A Velmoran spokesman was arrested by Kastor police.", {("KSTCOP", "VLMSPK", "173")}),
    # '[031:031]': the target's reciprocal event
    ("Velmora will talk with Kastor next week.", {("VLM", "KST", "031"), ("KST", "VLM", "031")}),
    # '%': members of a compound act on each other; a noun codes only through a pattern
    ("Velmora and Kastor held talks in the capital.", {("VLM", "KST", "036"), ("KST", "VLM", "036")}),
    # a compound verb, and its pattern over its own code
    ("Kastor sealed off the border with Velmora.", {("KST", "VLM", "192")}),
    ("Kastor sealed off the villages of Velmora.", {("KST", "VLM", "1921")}),
    # the subject of an open complement comes from the governing verb
    ("Velmora is ready to criticize Kastor again.", {("VLM", "KST", "111")}),
    # an unresolved pronoun subject stands for the reporting clause's subject
    ("Velmora said it would criticize Kastor.", {("VLM", "KST", "111")}),
    # coordinated actors, also inside one noun phrase
    ("Velmoran and Kastorian leaders criticized the Red Delta Front.", {("VLM", "KSTREB", "111"), ("KST", "KSTREB", "111")}),
    ("The Red Delta Front criticized Velmora, the Old Republic and Kastor.",
     {("KSTREB", "VLM", "111"), ("KSTREB", "MOD", "111"), ("KSTREB", "KST", "111")}),
    # a pattern naming the verb's subject as target: the source is the subject of the clause above
    ("Velmora noted that Kastor criticized the plan.", {("VLM", "KST", "113")}),
    # typographic apostrophes read like plain ones
    ("The People\u2019s Guard criticized Kastor.", {("VLMMIL", "KST", "111")}),
    # a participial passive: its 'by' agent acts on the clause's subject
    ("Criticized by Velmora, Kastor left the talks.", {("VLM", "KST", "111")}),
])
def test_codes_and_dyads(settings, text, expected):
    assert dyads(text, settings) == expected


@pytest.mark.parametrize("text", [
    "The committee pledged 40 million euros to the town.",  # no known actor
    "Velmora did not criticize Kastor.",  # 'NOT_*' codes nothing
    "Velmora criticized Kastor after the football match.",  # sentence discard
    "Velmora criticized Kastor. The horoscope was gloomy.",  # story discard drops every sentence
    "Velmora pledged help.",  # a source but no target
    "Velmora welcomed Kastor.",  # a verb the dictionary does not know
])
def test_no_event(settings, text):
    assert dyads(text, settings) == set()


def test_one_sided_events_when_asked(settings):
    from dataclasses import replace

    text = "Velmora criticized the plan."
    assert dyads(text, settings) == set()
    (e,) = code_text(text, settings=replace(settings, dyads_only=False))
    assert (e.source.code, e.target, e.cameo) == ("VLM", None, "111")


def test_date_restricted_codes(settings):
    text = "The Old Republic criticized Kastor."
    assert dyads(text, settings, "1985-03-01") == {("ORP", "KST", "111")}
    assert dyads(text, settings, "1995-03-01") == {("NRP", "KST", "111")}
    assert dyads(text, settings, "2010-03-01") == {("MOD", "KST", "111")}
    assert dyads(text, settings, None) == {("MOD", "KST", "111")}


def test_event_records(settings):
    (e,) = code_text("Velmora pledged 40 million euros to Kastor.", date="2021-06-01", settings=settings)
    assert (e.cameo_root, e.quad_class, e.date) == ("07", 2, "2021-06-01")
    assert e.plover is not None and e.rule.startswith("petrarch:PLEDGE:line ")
    assert (e.source.country, e.source.text, e.target.country) == ("VLM", "Velmora", "KST")
    assert e.evidence.trigger == "pledged" and not e.negated


def test_codes_outside_cameo_pass_through(tmp_path):
    d = write_dicts(tmp_path / "d", verbs="--- SNUB [9X1] ---\nSNUB\n")
    (e,) = code_text("Velmora snubbed Kastor.", settings=Settings(petrarch_dicts=d))
    assert (e.cameo, e.cameo_root, e.quad_class, e.goldstein, e.plover) == ("9X1", "9X", 0, 0.0, None)


def test_native_path_untouched_without_dictionaries(settings):
    assert load_resources(Settings()).petrarch is None
    assert load_resources(settings).petrarch is not None


def test_pathological_sentence_is_fast(settings):
    def text(n: int) -> str:
        return "Velmora " + "and Kastor " * n + "criticized " + "the Kastor border " * n + "."

    assert_scales_linearly(lambda t: code_text(t, settings=settings), text, 150)


def test_hostile_pattern_on_a_long_sentence_is_fast(tmp_path):
    import time

    gaps = " ".join(["THE"] * 19)
    verbs = f"--- CRITICIZE [111] ---\nCRITICIZE\n- {gaps} * {gaps} NEVERTHERE [112]\n"
    d = write_dicts(tmp_path / "hostile", verbs=verbs)
    settings = Settings(petrarch_dicts=d)

    def text(n: int) -> str:
        return "Velmora " + "the " * n + "criticized " + "the Kastor " * n + "."

    events = assert_scales_linearly(lambda t: code_text(t, settings=settings), text, 300)
    assert {e.cameo for e in events} <= {"111"}
