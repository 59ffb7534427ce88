"""Extra and missing roots per sentence, second round (issue 9, session 12): what the
kinds found on the second blind raters' set (tests/data/own_raters2.jsonl) and the
tuning parts of the gold sets look like in sentences written for these tests. What
came before the news (an "after" clause, an act months old) is background; a
protest's demands are its purpose; a trip at home visits no one; money pulled out of
a market retreats from nothing. Every sentence here was written for this project."""

from __future__ import annotations

import pytest

from flashpoint.pipeline import code_text

from .tables import root_set, roots_on, table

pytestmark = pytest.mark.slow


roots = roots_on("2026-12-05")


test_what_came_before_the_news_is_background = table("text, want", [
    # an act told in an "after" or "following" clause after the verb is what led to the news
    ("Norway suspended flights to Minsk on Friday, two days after a Belarusian jet forced down a Lithuanian airliner.",
     {"16"}),
    ("Ghana recalled its ambassador from Accra's neighbour Togo following the shelling of a border post.", {"16"}),
    # an act dated months before the story, beside today's act
    ("Peru's president on Monday freed 40 farmers who had been arrested in May during a land dispute.", {"08"}),
], root_set(roots))


def test_a_fronted_after_phrase_tells_news_of_its_own():
    # put first, the earlier act is news the sentence goes on from
    got = roots("After Algeria's expulsion of four French diplomats, France summoned Algeria's ambassador.")
    assert {"16", "11"} <= got


def test_an_after_clause_alone_keeps_its_act():
    assert "19" in roots("Indian troops shelled Pakistani posts across the Line of Control after dark on Tuesday.")


test_a_protests_demands_are_its_purpose = table("text, want", [
    # a later -ing conjunct of a protest's purpose adjunct is purpose too
    ("Thousands of farmers marched through Warsaw on Thursday, blowing horns and demanding lower fuel taxes.", {"14"}),
    # walking off the job is a strike
    ("Dock workers in Durban walked off the job on Monday, demanding safer shifts.", {"14"}),
], root_set(roots))


def test_walking_out_of_parliament_is_a_boycott():
    assert roots("Kenyan opposition lawmakers walked out of parliament on Tuesday.") == {"14"}


def test_a_trip_at_home_visits_no_one():
    assert roots("Hundreds of mourners attended the funeral in Lima on Saturday, among them Peru's president.") == set()
    assert roots("Canada's prime minister visited Mexico City on Monday.") == {"04"}


def test_money_pulled_out_of_a_market_is_no_retreat():
    assert roots("Foreign investors pulled money out of Turkish bonds on Wednesday.") == set()
    assert roots("Russian troops pulled out of the village on Sunday.") == {"08"}


def test_what_one_responds_with_one_does():
    got = code_text("Pakistan said Indian drones crossed the border, and Pakistan responded with air strikes.",
                    date="2026-12-05", doc_id="r")
    strikes = [e for e in got if e.cameo_root == "19" and e.evidence.trigger == "strikes"]
    assert strikes and all(e.source.country == "PAK" for e in strikes)
    assert not any(e.statement and e.source.country == "PAK" and e.evidence.trigger == "responded" for e in got)


@pytest.mark.parametrize("text", [
    "Gunmen raided a mosque in northern Nigeria during evening prayers.",
    "Militants attacked a crowded market in Mogadishu on Friday.",
])
def test_an_armed_groups_attack_on_a_gathering_place_is_unconventional_violence(text):
    assert roots(text) == {"18"}


def test_an_armed_groups_attack_on_an_army_post_stays_fighting():
    assert roots("Militants attacked an army post in Mali's Mopti region.") == {"19"}


def test_missiles_fired_into_the_sea_show_force():
    assert roots("North Korea fired three cruise missiles into the sea off its west coast on Saturday.") == {"15"}
    assert roots("Iran fired missiles at an Israeli air base.") == {"19"}


test_an_appeal_or_pledge_beside_a_meeting_is_a_root_of_its_own = table("text, want", [
    ("Turkey's president hosted Iraq's prime minister in Ankara and called for an end to cross-border raids.",
     {"04", "02"}),
    ("Japan's prime minister met Australia's leader in Canberra and pledged to deepen defence ties.", {"04", "03"}),
], root_set(roots))


def test_a_state_force_named_alone_after_between_is_not_fighting_itself():
    # half of a pair the parse lost: the force is not made the doer of its own clash
    # (the case2021 held drop of session 11, traced to the one-plural-party branch)
    events = code_text("Clashes between security forces erupted in Kirkuk on Monday.", date="2026-12-05", doc_id="r")
    assert events and all(e.source is None or e.source.sector != "POL" for e in events)
    gangs = code_text("A riot between rival gangs broke out at the prison in Guayaquil.", date="2026-12-05", doc_id="r")
    assert [(e.cameo_root, e.source.sector, e.target) for e in gangs] == [("19", "CRM", None)]
