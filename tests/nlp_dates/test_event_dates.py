"""The date of one event (nlp/event_dates.py): clause, sentence, article; future forward; habits."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.nlp.event_dates import event_date, is_habitual

TUESDAY = date(2025, 3, 4)


def _date(sentence, trigger, future=False, entities=(), clause=None):
    return event_date(tuple(entities), clause or sentence, sentence, sentence.index(trigger), TUESDAY, future)


def test_weekday_in_the_clause_not_next_to_the_verb():
    s = "In Bujumbura, police fired tear gas at protesters who marched on the Rwandan embassy on Monday."
    d = _date(s, "fired")
    assert (d.date, d.precision, d.basis) == ("2025-03-03", "day", "clause")


def test_future_weekday_is_the_next_one():
    d = _date("Tanzania's president will visit Bujumbura on Friday.", "visit", future=True)
    assert d.date == "2025-03-07"


def test_past_weekday_is_the_last_one():
    assert _date("Gunmen attacked an army post on Saturday.", "attacked").date == "2025-03-01"


def test_entity_date_attached_to_the_trigger_wins():
    d = _date("Rebels attacked on Sunday.", "attacked", entities=("Saturday",))
    assert (d.date, d.basis) == ("2025-03-01", "entity")


def test_reporting_date_before_the_trigger_dates_it():
    s = "Rwanda's foreign ministry said on Sunday that the attack was an internal matter, and accused Bujumbura."
    d = _date(s, "accused", clause="accused Bujumbura")
    assert (d.date, d.basis) == ("2025-03-02", "sentence")


def test_a_later_clause_date_does_not_date_the_trigger():
    s = "Pakistan rejected the allegations and said Islamabad would convene its security committee on Friday."
    d = _date(s, "rejected", clause="rejected the allegations")
    assert (d.date, d.basis) == ("2025-03-04", "article")


@pytest.mark.parametrize(("clause", "date_", "precision", "historical"), [
    ("The rebels have repeatedly bombed the pipeline since 2016.", "2016-01-01", "year", True),
    ("Police have used pellet guns against protesters several times this year.", "2025-01-01", "year", False),
    ("The junta has repeatedly accused Algeria in recent years.", "2025-01-01", "year", False),
])
def test_habitual_acts_get_the_period(clause, date_, precision, historical):
    d = _date(clause, clause.split()[3])
    assert (d.date, d.precision, d.historical) == (date_, precision, historical)
    assert not (d.date == "2025-03-04" and d.precision == "day")


def test_habits_are_recognised():
    assert is_habitual("militants have attacked villages every month since 2016")
    assert not is_habitual("militants attacked a village on Monday")


def test_no_publication_date_no_date():
    d = event_date(("Monday",), "attacked on Monday", "attacked on Monday", 0, None)
    assert d.date is None and d.basis == "none"


def test_reporting_date_is_not_read_forward_for_a_future_act():
    s = "Macron said on Sunday that France would bring its ambassador home and pull out its troops."
    d = event_date((), "pull out its troops", s, s.index("pull out"), date(2023, 9, 25), future=True)
    assert d.date == "2023-09-24"


def test_a_date_past_but_belongs_to_the_other_clause():
    s = "The prime minister said he would send a team to Cairo on Sunday but rejected any deal."
    d = _date(s, "rejected", clause="rejected any deal")
    assert (d.date, d.basis) == ("2025-03-04", "article")
    # without the contrast the frame's date still speaks ("said on Sunday that ... and accused")
    s = "Rwanda said on Sunday that the attack was an internal matter, and accused Bujumbura of harbouring militias."
    assert _date(s, "accused", clause="accused Bujumbura").date == "2025-03-02"


def test_a_present_perfect_takes_no_day_after_its_verb():
    s = "Opposition leader Maria Corina Machado has called for nationwide protests on Thursday."
    d = _date(s, "called", clause=s)
    assert (d.date, d.basis) == ("2025-03-04", "article")
    s = "Brazil has sent extra troops to its border this week."
    assert _date(s, "sent").precision == "week"
    s = "The army has repeatedly shelled the town since 2016."
    assert _date(s, "shelled").precision == "year"
