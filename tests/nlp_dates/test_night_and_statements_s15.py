"""Nights, early hours and statements (session 15, issue 9): "overnight on Monday" is
Monday, whatever day the story is published; a statement later in a story is dated at its
own time, not at the lead's. Sentences written for this project."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.nlp.event_dates import event_date, story_date

MONDAY, TUESDAY, WEDNESDAY, THURSDAY = date(2026, 12, 7), date(2026, 12, 8), date(2026, 12, 9), date(2026, 12, 10)


def _date(sentence, trigger, published):
    return event_date((), sentence, sentence, sentence.index(trigger), published).date


@pytest.mark.parametrize("sentence", [
    "Drones struck the port overnight on Monday, officials said.",
    "Drones struck the port on Monday night.",
    "Drones struck the port late on Monday, officials said.",
    "Drones struck the port on Monday evening.",
    "Overnight on Monday, drones struck the port.",
    "Drones struck the port on the night of Monday.",
])
@pytest.mark.parametrize("published", [TUESDAY, WEDNESDAY, THURSDAY])
def test_a_night_of_monday_is_monday(sentence, published):
    assert _date(sentence, "struck", published) == "2026-12-07"


@pytest.mark.parametrize("sentence", [
    "Drones struck the port early on Tuesday.",
    "Drones struck the port in the early hours of Tuesday.",
    "Drones struck the port before dawn on Tuesday.",
    "Drones struck the port overnight into Tuesday, officials said.",
])
@pytest.mark.parametrize("published", [TUESDAY, WEDNESDAY])
def test_early_hours_are_the_day_they_name(sentence, published):
    assert _date(sentence, "struck", published) == "2026-12-08"


def test_a_night_told_on_its_own_day_is_that_day():
    assert _date("Drones struck the port overnight on Monday.", "struck", MONDAY) == "2026-12-07"


LEAD = "Gunmen attacked an army convoy in Borno on Tuesday, killing four soldiers."


@pytest.mark.parametrize("saying", [True])
def test_a_later_statement_keeps_its_own_time(saying):
    assert story_date(LEAD, "", WEDNESDAY, "VBD", False, saying=saying) is None


def test_a_later_act_takes_the_leads_day():
    d = story_date(LEAD, "", WEDNESDAY, "VBD", False)
    assert (d.date, d.basis) == ("2026-12-08", "lead")
