"""Session 21 (issue 9, the thirteenth articles): date shapes the blind articles showed, each on
sentences written for this test (none is from an article or a gold set): a year told after a
preposition of time dates a background act (and reaches past a semicolon, never out of an aside);
an act told after another with "then" / "since then" takes the time of the sentence before; a
reporting verb's own date does not date the act it reports when the act names its own; and a lead's
act dated only by its reporting frame takes the day a later "The <noun> ..." sentence gives it."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.nlp.event_dates import event_date, find_date_expressions, then_date, told_again

PUB = date(2026, 3, 10)  # a Tuesday


def dated(text: str, trigger: str, future: bool = False):
    return event_date((), text, text, text.find(trigger), PUB, future)


@pytest.mark.parametrize(("text", "trigger", "year"), [
    ("The two neighbours fought a border war in 1998 after a dispute over a town; some 80,000 soldiers were killed.", "killed", "1998"),
    ("Troops crushed a revolt in the north in 2019, and hundreds of people were detained.", "detained", "2019"),
    ("Dozens of students were arrested during 2017 in a wave of campus protests.", "arrested", "2017"),
    ("Some 300 people died in clashes between 2012 and 2015 in the delta.", "died", "2012"),
])
def test_session21_a_year_after_a_preposition_dates_background(text, trigger, year):
    rd = dated(text, trigger)
    assert rd.historical and rd.precision == "year" and rd.date.startswith(year), rd


@pytest.mark.parametrize(("text", "trigger"), [
    ("Moldova, which won independence in 1991, expelled two Russian diplomats.", "expelled"),
    ("The minister, who took office in 2023, resigned.", "resigned"),
    ("The government aims to cut emissions by 2030 and signed a deal with Japan.", "signed"),
    ("Inflation reached 12 percent in 2024-25, and the central bank raised rates.", "raised"),
    ("The court freed a trader who was detained for fraud and tried on evidence which a judge had rejected in 2019.",
     "detained"),  # a year in a relative clause after the act is that clause's
])
def test_session21_a_year_in_an_aside_or_a_deadline_dates_no_act(text, trigger):
    rd = dated(text, trigger)
    assert not rd.historical and rd.date == "2026-03-10", rd


def test_session21_year_expressions_are_found_but_not_a_month_twice():
    found = [x[2] for x in find_date_expressions("Riots broke out in June 2024 and again in 2025, between 2019 and 2021 too.")]
    assert found == ["in June 2024", "in 2025", "between 2019 and 2021"]


@pytest.mark.parametrize(("sentence", "previous", "want", "historical"), [
    ("The president then sent troops to the border.", "In March 2021 protesters blocked the main highway to the capital.",
     "2021-03-01", True),
    ("The rebels have kidnapped more than 400 people since then.", "The group took up arms in 2016 over land rights.",
     "2016-01-01", True),
    ("Police then detained the driver.", "A bus hit a crowd of marchers on Sunday.", "2026-03-08", False),
])
def test_session21_then_takes_the_time_before(sentence, previous, want, historical):
    rd = then_date(sentence, previous, PUB)
    assert rd is not None and rd.date == want and rd.historical is historical, rd


@pytest.mark.parametrize(("sentence", "previous"), [
    ("The then-president signed the decree.", "Parliament passed the law in 2019."),   # "then-" is no cue
    ("He then flew to Nairobi on Friday.", "The envoy met rebels in 2024."),            # a date of its own
    ("Police detained the driver.", "A bus hit marchers in 2020."),                     # no cue at all
])
def test_session21_no_then_cue_or_own_date_keeps_its_reading(sentence, previous):
    assert then_date(sentence, previous, PUB) is None


@pytest.mark.parametrize(("text", "trigger", "want"), [
    ("Prosecutors said on Monday gunmen had shot a judge on Saturday.", "shot", "2026-03-07"),
    ("The navy told reporters on Monday its ships seized a trawler late on Sunday.", "seized", "2026-03-08"),
    ("The ministry announced on Monday that rebels took the town on Saturday.", "took", "2026-03-07"),
])
def test_session21_the_reporting_verbs_date_gives_way_to_the_acts(text, trigger, want):
    assert dated(text, trigger).date == want


def test_session21_the_reporting_verbs_date_stands_alone():
    assert dated("The navy said on Monday its ships seized a trawler.", "seized").date == "2026-03-09"


def test_session21_a_lead_act_takes_the_day_it_is_told_again():
    framed = dated("The rebels said on Tuesday that an air strike had killed six of their men.", "strike")
    assert framed.date == "2026-03-10" and framed.basis == "sentence"
    later = ["The group's spokesman gave no names.", "The strike hit a truck near the river late on Saturday, he said."]
    again = told_again("strike", framed, later, PUB)
    assert again is not None and again.date == "2026-03-07"


@pytest.mark.parametrize("later", [
    ["A strike hit a market on Sunday."],                                # not "the strike": another one
    ["The strike was the third this month.", "The strike on Sunday was the worst."],  # the first telling has no day
    ["The strike hit a truck in 2019."],                                  # not a day of the story's week
    ["Officials met on Sunday.", "Doctors said the wounded were stable.", "Nobody claimed it.",
     "The strike hit a truck on Friday."],                                # too far on
])
def test_session21_no_day_told_again_keeps_the_frames(later):
    framed = dated("The rebels said on Tuesday that an air strike had killed six of their men.", "strike")
    assert told_again("strike", framed, later[:3], PUB) is None
