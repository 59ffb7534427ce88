"""Extra and missing roots per sentence, third round (issue 9, session 13): what the third
blind raters' set (tests/data/own_raters3.jsonl) showed, in sentences written for these
tests. One rule for what came before the news (an "after", "following" or "since" clause
or phrase; ``prior_words`` in coding/data/background.yaml); a protester or an inmate
pardoned or freed is let out of custody (08, not a 05 forgiveness); people called puppets
or traitors are disapproved of (11); police or prosecutors questioning someone
investigate (09); what a denied claim or report says ("accusations *that* police had
tortured ...") is not done; a drugmaker or a carmaker is a business of its country, not
its government. Every sentence here was written for this project."""

from __future__ import annotations

import pytest

from flashpoint.coding.background import BackgroundRule
from flashpoint.errors import DataFileError
from flashpoint.nlp.describing import PriorClause
from flashpoint.pipeline import code_text

from .tables import root_set, roots_on, table

pytestmark = pytest.mark.slow


roots = roots_on("2026-12-08", doc_id="r3")


# -- what came before the news: one rule, one list of words ---------------------------

test_an_act_told_as_what_came_before_is_background = table("text, want", [
    # a clause after the verb, with its own subject
    ("Estonia expelled a Russian diplomat on Tuesday, a week after Russian jets violated its airspace.", {"16"}),
    # a phrase: the noun told after "following" is the grounds of the suspension
    ("The African Union suspended Niger's membership following the seizure of power by soldiers.", {"16"}),
    # (since session 15 a recent act an "after" clause tells with its own subject and past verb stays
    # beside the act answering it, as CAMEO codes both: "Latvia recalled its ambassador from Minsk after
    # Belarusian border guards shot at a Latvian patrol" is 16 and 19, tests/coding_news/test_bugs_s15_codes.py)
    ("Latvia recalled its ambassador from Minsk after Belarusian border guards shot at a Latvian patrol.", {"16", "19"}),
], root_set(roots))


def test_the_words_are_data_and_a_clause_put_first_is_not_read():
    rule = BackgroundRule.load()
    assert {"after", "following", "since"} <= rule.prior_words and "as" not in rule.prior_words
    clause = PriorClause("after", (3, 1))
    assert rule.prior_verbs(clause) == (3, 1) and rule.prior_verbs(()) == ()
    assert rule.prior_verbs(PriorClause("as", (3,))) == ()
    with pytest.raises(DataFileError, match="prior_words"):
        BackgroundRule.parse({"deps": ["acl"], "keep_nouns": [], "purpose_roots": [], "content_nouns": [],
                              "prior_words": "after"})


def test_an_act_told_first_is_news_the_sentence_goes_on_from():
    got = roots("After Mali expelled two French journalists, Paris summoned Mali's ambassador.")
    assert "11" in got


def test_an_after_clause_whose_verb_tells_no_act_keeps_its_act():
    # "collapsed" codes nothing: the shelling is the news
    assert "19" in roots("Ceasefire talks collapsed on Thursday after Russian artillery shelled Kherson.")


# -- pardoned or freed protesters and inmates are let out of custody ------------------

@pytest.mark.parametrize("text", [
    "Kazakhstan's president pardoned 30 jailed demonstrators to mark Independence Day.",
    "Bolivia's interim president pardoned 25 protesters jailed during the blockades.",
    "Ecuador's government freed 40 inmates from an overcrowded jail in Quito.",
])
def test_a_pardoned_or_freed_protester_or_inmate_is_released(text):
    got = roots(text)
    assert "08" in got and "05" not in got, got


# -- names that disapprove -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Serbia's president called the striking students traitors.",
    "Hungary's prime minister branded the opposition protesters foreign puppets.",
    "Georgia's ruling party called the demonstrators paid thugs.",
])
def test_calling_people_puppets_traitors_or_thugs_disapproves(text):
    assert "11" in roots(text)


# -- questioning by police or prosecutors ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Police in Lagos questioned three journalists about a leaked army memo.",
    "Prosecutors in Lima questioned the former president for six hours over bribes from a builder.",
    "Police in Dhaka interrogated two opposition leaders about the violence.",
])
def test_police_or_prosecutors_questioning_someone_investigate(text):
    assert "09" in roots(text)


def test_a_minister_questioning_a_policy_investigates_nothing():
    assert "09" not in roots("Italy's finance minister questioned the wisdom of the new EU fiscal rules.")


# -- what a claim, report or accusation says is not done --------------------------------

@pytest.mark.parametrize("text, content", [
    ("The Chilean government rejected accusations that police had tortured detainees.", "18"),
    ("Uganda's army denied reports that its soldiers had killed civilians in eastern Congo.", "18"),
    ("Kenya dismissed claims that its troops had shelled a Somali village.", "19"),
])
def test_what_a_denied_claim_says_is_not_done(text, content):
    got = roots(text)
    assert "01" in got and content not in got, got


def test_a_claim_confirmed_with_no_act_of_its_own_keeps_its_act():
    # "confirmed" codes nothing: the bombing is the sentence's only act
    assert "19" in roots("Ethiopia confirmed reports that its air force had bombed a rebel camp.")


# -- a company is not its government ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Swiss drugmaker said its experimental obesity pill helped patients lose weight in a trial.",
    "The German carmaker said its sales in China fell by a fifth in the third quarter.",
    "A Danish brewer said it expects beer volumes to rise next year.",
])
def test_what_a_company_says_about_its_business_is_no_event(text):
    assert roots(text) == set()


def test_a_company_named_by_its_trade_is_a_business_of_its_country():
    events = code_text("A Japanese carmaker halted exports to Russia.", date="2026-12-08", doc_id="r3")
    assert any(e.source and e.source.country == "JPN" and e.source.code == "JPNBUS" for e in events), events
