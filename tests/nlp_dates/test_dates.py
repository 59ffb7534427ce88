"""Tests for resolving date expressions against the publication date."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.errors import UsageError
from flashpoint.nlp.dates import ResolvedDate, parse_iso_date, resolve_date

FRIDAY = "2021-11-12"  # a Friday


@pytest.mark.parametrize(
    ("expr", "expected", "precision", "historical"),
    [
        ("on Thursday", "2021-11-11", "day", False),
        ("Earlier this week", "2021-11-08", "week", False),
        ("on Wednesday", "2021-11-10", "day", False),
        ("in 2020", "2020-01-01", "year", True),
        ("on Friday", "2021-11-12", "day", False),
        ("Saturday", "2021-11-06", "day", False),
        ("today", "2021-11-12", "day", False),
        ("this morning", "2021-11-12", "day", False),
        ("yesterday", "2021-11-11", "day", False),
        ("tomorrow", "2021-11-13", "day", False),
        ("the day before yesterday", "2021-11-10", "day", False),
        ("last night", "2021-11-11", "day", False),
        ("this week", "2021-11-08", "week", False),
        ("later this week", "2021-11-08", "week", False),
        ("last week", "2021-11-01", "week", False),
        ("next week", "2021-11-15", "week", False),
        ("this month", "2021-11-01", "month", False),
        ("earlier this month", "2021-11-01", "month", False),
        ("last month", "2021-10-01", "month", False),
        ("next month", "2021-12-01", "month", False),
        ("earlier this year", "2021-01-01", "year", False),
        ("last year", "2020-01-01", "year", True),
        ("2020", "2020-01-01", "year", True),
        ("mid-2019", "2019-01-01", "year", True),
        ("on Nov. 9", "2021-11-09", "day", False),
        ("November 9", "2021-11-09", "day", False),
        ("November 9th", "2021-11-09", "day", False),
        ("9 November", "2021-11-09", "day", False),
        ("the 9th of November", "2021-11-09", "day", False),
        ("Nov 9, 2021", "2021-11-09", "day", False),
        ("9 November 2019", "2019-11-09", "day", True),
        ("Dec. 1", "2021-12-01", "day", False),  # closest: the coming one
        ("2021-11-09", "2021-11-09", "day", False),
        ("March 2019", "2019-03-01", "month", True),
        ("in March", "2021-03-01", "month", True),
        ("in November", "2021-11-01", "month", False),
        ("last March", "2021-03-01", "month", True),
        ("next March", "2022-03-01", "month", False),
        ("two days ago", "2021-11-10", "day", False),
        ("a couple of days ago", "2021-11-10", "day", False),
        ("three weeks ago", "2021-10-18", "week", False),
        ("a month ago", "2021-10-01", "month", False),
        ("two years ago", "2019-01-01", "year", True),
        ("hours ago", "2021-11-12", "day", False),
        ("on Wednesday night", "2021-11-10", "day", False),
        ("late Tuesday", "2021-11-09", "day", False),
        ("Monday's attack", "2021-11-08", "day", False),
        ("Monday\u2019s vote", "2021-11-08", "day", False),
        ("the past two days", "2021-11-10", "day", False),
        ("over the past 48 hours", "2021-11-10", "day", False),
        ("the past two weeks", "2021-10-25", "week", False),
        ("last Friday", "2021-11-05", "day", False),
        ("next Friday", "2021-11-19", "day", False),
        ("this Sunday", "2021-11-14", "day", False),
        ("last weekend", "2021-11-06", "week", False),
        ("this weekend", "2021-11-13", "week", False),
    ],
)
def test_resolves_relative_to_publication(expr, expected, precision, historical):
    assert resolve_date(expr, FRIDAY) == ResolvedDate(expected, precision, historical)


@pytest.mark.parametrize(
    "expr",
    [
        "for two days",
        "48 hours",
        "two days",
        "within a week",
        "in two weeks",
        "two days later",
        "a week earlier",
        "recently",
        "in recent days",
        "the past few days",
        "in the coming days",
        "the 1990s",
        "a decade ago",
        "9/11",
        "11/09/2021",
        "12.11.2021",
        "the day",
        "annual",
        "",
        "   ",
        "February 30",
    ],
)
def test_durations_vague_and_ambiguous_give_none(expr):
    assert resolve_date(expr, FRIDAY) is None


def test_story_published_before_the_month_takes_the_previous_year():
    assert resolve_date("in March", "2022-02-10") == ResolvedDate("2021-03-01", "month", True)


def test_day_month_near_new_year_takes_closest_year():
    assert resolve_date("Dec. 28", "2022-01-03").date == "2021-12-28"
    assert resolve_date("Jan. 5", "2021-12-28").date == "2022-01-05"


def test_prefer_future_resolves_forwards():
    assert resolve_date("on Thursday", FRIDAY, prefer_future=True).date == "2021-11-18"
    assert resolve_date("on Friday", FRIDAY, prefer_future=True).date == FRIDAY
    assert resolve_date("in March", FRIDAY, prefer_future=True).date == "2022-03-01"
    assert resolve_date("Nov. 9", FRIDAY, prefer_future=True).date == "2022-11-09"


def test_leap_day_without_year_uses_a_leap_year():
    assert resolve_date("Feb. 29", "2021-03-02").date == "2020-02-29"


@pytest.mark.parametrize("published", [date(2021, 11, 12), datetime(2021, 11, 12, 9, 30), "2021-11-12T09:30:00Z"])
def test_publication_date_forms(published):
    assert resolve_date("yesterday", published).date == "2021-11-11"


@pytest.mark.parametrize("published", [None, "", "not a date", "2021-13-45", 20211112])
def test_without_publication_only_absolute_dates_resolve(published):
    assert resolve_date("yesterday", published) is None
    assert resolve_date("in March", published) is None
    assert resolve_date("Nov 9, 2021", published) == ResolvedDate("2021-11-09", "day", False)
    assert resolve_date("in 2020", published) == ResolvedDate("2020-01-01", "year", False)


def test_historical_threshold_is_ninety_days_after_the_period_ends():
    assert not resolve_date("in August", FRIDAY).historical  # ended 73 days before
    assert resolve_date("in July", FRIDAY).historical  # ended 104 days before
    assert not resolve_date("tomorrow", FRIDAY).historical


@pytest.mark.parametrize(
    "expr",
    ["x" * 10_000, "Thursday " * 1_000, "\x00\xff\ufffd", "\ud800", "9" * 5_000, "on Thursday\n" * 30],
)
def test_hostile_input_gives_none(expr):
    assert resolve_date(expr, FRIDAY) is None


@pytest.mark.parametrize("expr", [None, 42, b"Thursday", ["Thursday"]])
def test_non_string_gives_none(expr):
    assert resolve_date(expr, FRIDAY) is None


def test_edge_of_calendar_gives_none_not_an_error():
    assert resolve_date("12 years ago", "0005-01-01") is None
    assert resolve_date("next year", "9999-06-01") is None


@given(st.text(max_size=300), st.one_of(st.none(), st.dates(), st.text(max_size=30)))
@settings(max_examples=300, deadline=None)
def test_fuzz_never_raises(expr, published):
    result = resolve_date(expr, published)
    assert result is None or (result.precision in ("day", "week", "month", "year") and len(result.date) == 10)


@given(
    st.lists(
        st.sampled_from(
            ["on", "last", "next", "this", "Thursday", "March", "9", "2020", "ago", "two", "days",
             "weeks", "the", "past", "earlier", "week", "'s", "Nov.", ",", "night", "for", "hours"]
        ),
        max_size=8,
    ).map(" ".join),
    st.dates(),
)
@settings(max_examples=300, deadline=None)
def test_fuzz_date_words_never_raise(expr, published):
    resolve_date(expr, published)


@pytest.mark.parametrize(("text", "expected"), [("2021-11-12", date(2021, 11, 12)), (" 2024-02-29 ", date(2024, 2, 29))])
def test_parse_iso_date(text, expected):
    assert parse_iso_date(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "2021-02-30", "12/11/2021", "2021-11-12T10:00", "x" * 10_000, None])
def test_parse_iso_date_rejects_with_a_usage_error(text):
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        parse_iso_date(text)
