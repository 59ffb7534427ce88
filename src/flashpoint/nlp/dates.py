"""Resolve a date expression from news text against the publication date.

The coder hands over the text of one DATE entity ("on Thursday", "last
week", "Nov. 9", "Monday's attack") together with the story's publication
date; :func:`resolve_date` turns it into a :class:`ResolvedDate` or
``None``. It never raises, whatever the input.

Conventions (decisions, so that every caller gets the same answer):

* ``date`` is the *start* of the period at its precision: the day itself,
  the Monday of a week, the first of a month, the first of January.
  The exception is a weekend, which starts on its Saturday (precision
  ``week``).
* A bare weekday is the most recent such day *on or before* publication:
  "on Friday" in a story published on a Friday is the publication day.
  "last Friday" is strictly before publication, "next Friday" strictly
  after, "this Friday" is the Friday of the publication's Monday-Sunday
  week. With ``prefer_future=True`` (a future-tense clause) a bare weekday
  or month is the nearest one on or after publication instead.
* "in March" is the most recent March at or before the publication month
  (the previous year's when the story was published before March).
* A day and month without a year ("Nov. 9") takes the year that puts it
  closest to publication, so "Dec. 1" in a November story is the coming
  Dec. 1 (scheduled events) and "Dec. 28" in a January story last year's.
* Spans reaching publication ("the past two days", "over the past week")
  resolve to the start of the span. Relative offsets ("three weeks ago")
  resolve to the period that contains the offset day.
* Durations ("for two days", "48 hours"), vague expressions ("recently",
  "in recent days", "the 1990s"), anchors other than publication ("two
  days later") and ambiguous numeric forms ("9/11", "11/09/2021") give
  ``None``. Only ISO ``YYYY-MM-DD`` numeric dates are read.
* ``historical`` is true when the whole period ended more than
  :data:`HISTORICAL_AFTER_DAYS` (90) days before publication: a wire story
  reports the last days' news, so an event a quarter or more in the past
  ("in 2020" in a November 2021 story, "in March" in a November story) is
  background, not news. Without a publication date it is always false.
* Relative expressions need a publication date; without one only dates
  that carry their own year resolve.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from collections.abc import Callable
from datetime import date, datetime, timedelta

from flashpoint.errors import UsageError

HISTORICAL_AFTER_DAYS = 90
MAX_EXPR_CHARS = 200  # a DATE entity is a few words; longer input is not one

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "a couple of": 2, "couple of": 2,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_COUNT = r"(?P<count>\d{1,3}|" + "|".join(sorted(_COUNTS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>hour|day|week|month|year)s?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b")
_AMBIGUOUS_NUMERIC = re.compile(r"\d{1,4}\s*[/.]\s*\d{1,2}")
_ANY_COUNT = re.sub(r"\(\?P<\w+>", "(?:", _COUNT)  # unnamed: used twice below
_ANY_UNIT = re.sub(r"\(\?P<\w+>", "(?:", _UNIT)
_DURATION = re.compile(
    r"^(?:for|within|lasting|after|in)\s+(?:the\s+)?(?:about\s+)?" + _ANY_COUNT + r"\s+" + _ANY_UNIT
    + r"|^" + _ANY_COUNT + r"[\s-]+" + _ANY_UNIT + r"\b(?!\s+ago)"
    + r"|\b(?:later|earlier|afterwards?|decades?|centur(?:y|ies)|\d*0s)\b"
    + r"|\b(?:daily|weekly|monthly|annual|annually|recent|recently)\b"
)  # fmt: skip
_FILLER = re.compile(
    r"\b(?:on|in|at|during|since|from|as of|the|of|early|late|mid|middle|start|"
    r"beginning|end|night|morning|afternoon|evening|overnight)\b"
)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx))
    for name, rx in (
        ("month_day_year", _MONTH + r"\s+" + _DAY + r"\s+" + _YEAR + r"\b"),
        ("day_month_year", r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\s+" + _YEAR + r"\b"),
        ("month_day", r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?!\s*\d)"),
        ("day_month", r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\b"),
        ("month_year", r"\b" + _MONTH + r"\s+(?:of\s+)?" + _YEAR + r"\b"),
        ("ago", r"\b" + _COUNT + r"\s+" + _UNIT + r"\s+ago\b"),
        ("unit_ago", r"\b" + _UNIT + r"\s+ago\b"),
        (
            "past_span",
            r"\b(?:past|previous|last(?=\s+\S+\s+(?:hour|day|week|month|year)))\s+(?:"
            + _COUNT + r"\s+)?" + _UNIT + r"\b",
        ),
        ("before_yesterday", r"\bday before yesterday\b"),
        ("after_tomorrow", r"\bday after tomorrow\b"),
        ("yesterday", r"\b(?:yesterday|last night)\b"),
        ("tomorrow", r"\btomorrow\b"),
        ("today", r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b"),
        ("rel_weekday", r"\b(?P<rel>last|next|this|coming)\s+" + _WEEKDAY + r"\b"),
        ("weekend", r"\b(?:(?P<rel>last|next|this|coming)\s+)?weekend\b"),
        ("rel_period", r"\b(?P<rel>last|next|this)\s+(?P<unit>week|month|year)\b"),
        ("weekday", r"\b" + _WEEKDAY + r"\b"),
        ("rel_month", r"\b(?P<rel>last|next|this)\s+" + _MONTH + r"\b"),
        ("month", r"\b" + _MONTH + r"\b"),
        ("year", r"(?<!\d)(?<!\d-)" + _YEAR + r"(?![\d-]|s\b)"),
    )
)


Handler = Callable[[re.Match[str], "date | None", bool], "ResolvedDate | None"]


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date expression resolved to the start of its period."""

    date: str  # ISO YYYY-MM-DD
    precision: str  # day | week | month | year
    historical: bool


def parse_iso_date(s: str) -> date:
    """Parse a ``YYYY-MM-DD`` string (for ``--date`` style options).

    Raises:
        UsageError: when ``s`` is not a valid calendar date in that form.
    """
    text = s.strip() if isinstance(s, str) else ""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise UsageError(f"invalid date {s!r}: give a calendar date as YYYY-MM-DD, e.g. 2021-11-12")


def resolve_date(
    expr: str, published: date | str | None, *, prefer_future: bool = False
) -> ResolvedDate | None:
    """Resolve a DATE entity's text against the publication date.

    Args:
        expr: the entity text, e.g. ``"on Thursday"`` or ``"Nov. 9, 2021"``.
        published: publication date (a ``date``, ``datetime`` or ISO string).
        prefer_future: resolve bare weekdays and months forwards (future tense).

    Returns:
        The resolved period, or ``None`` when the expression is not a point
        in time this module understands. Never raises.
    """
    try:
        return _resolve(expr, _coerce(published), prefer_future)
    except (ValueError, OverflowError, TypeError):
        # Out-of-range arithmetic (year 1 or 9999) or an impossible day.
        return None


def _coerce(published: date | str | None) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    if isinstance(published, str) and re.match(r"\d{4}-\d\d-\d\d(?:$|[T ])", published.strip()):
        try:
            return date.fromisoformat(published.strip()[:10])
        except ValueError:
            return None
    return None


def _normalise(expr: str) -> str:
    text = expr.lower().replace("\u2019", "'").replace("'s", "")
    text = re.sub(r"(?<=[a-z])\.", " ", text)  # "nov." -> "nov"
    text = re.sub(r"[,;:()\"!?]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    # "earlier this week" and "later this month" name the current period.
    return re.sub(r"\b(?:earlier|later) (?:in )?(?:this|the) (week|month|year)\b", r"this \1", text)


def _resolve(expr: str, pub: date | None, prefer_future: bool) -> ResolvedDate | None:
    if not isinstance(expr, str) or not expr.strip() or len(expr) > MAX_EXPR_CHARS:
        return None
    iso = _ISO.search(expr)
    if iso:
        found = date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
        return _result(found, "day", pub)
    text = _normalise(expr)
    if _AMBIGUOUS_NUMERIC.search(text):
        return None
    core = _FILLER.sub(" ", text).strip()
    if _DURATION.search(core) or _DURATION.search(text):
        return None
    for name, pattern in _PATTERNS:
        m = pattern.search(text)
        if m:
            return _HANDLERS[name](m, pub, prefer_future)
    return None


def _result(start: date, precision: str, pub: date | None, end: date | None = None) -> ResolvedDate:
    if end is None:
        end = _period_end(start, precision)
    historical = pub is not None and (pub - end).days > HISTORICAL_AFTER_DAYS
    return ResolvedDate(start.isoformat(), precision, historical)


def _period_end(start: date, precision: str) -> date:
    if precision == "week":
        return start + timedelta(days=6)
    if precision == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if precision == "year":
        return start.replace(month=12, day=31)
    return start


def _truncate(d: date, precision: str) -> date:
    if precision == "week":
        return d - timedelta(days=d.weekday())
    if precision == "month":
        return d.replace(day=1)
    if precision == "year":
        return d.replace(month=1, day=1)
    return d


def _count(m: re.Match[str]) -> int:
    raw = m.groupdict().get("count") or "1"
    return int(raw) if raw.isdigit() else _COUNTS[raw]


def _shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


# Handlers: one per pattern name; each gets the match, publication date and
# the future preference, and returns a ResolvedDate or None.


def _month_day_year(m: re.Match[str], pub: date | None, _f: bool) -> ResolvedDate | None:
    return _result(date(int(m["year"]), _MONTHS[m["month"]], int(m["day"])), "day", pub)


def _month_day(m: re.Match[str], pub: date | None, future: bool) -> ResolvedDate | None:
    if pub is None:
        return None
    month, day = _MONTHS[m["month"]], int(m["day"])
    candidates = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # Feb 29 outside a leap year, or day 31 in a short month
            continue
    if future:
        candidates = [c for c in candidates if c >= pub]
    if not candidates:
        return None
    return _result(min(candidates, key=lambda c: abs((c - pub).days)), "day", pub)


def _month_year(m: re.Match[str], pub: date | None, _f: bool) -> ResolvedDate | None:
    return _result(date(int(m["year"]), _MONTHS[m["month"]], 1), "month", pub)


def _ago(m: re.Match[str], pub: date | None, _f: bool) -> ResolvedDate | None:
    if pub is None:
        return None
    n, unit = _count(m), m["unit"]
    if unit == "hour":
        return _result(pub - timedelta(days=n // 24), "day", pub)
    if unit in ("day", "week"):
        back = pub - timedelta(days=n * (7 if unit == "week" else 1))
        return _result(_truncate(back, unit), unit, pub)
    if unit == "month":
        return _result(_shift_months(pub, -n), "month", pub)
    return _result(date(pub.year - n, 1, 1), "year", pub)


def _past_span(m: re.Match[str], pub: date | None, _f: bool) -> ResolvedDate | None:
    if pub is None:
        return None
    n, unit = _count(m), m["unit"]
    if unit == "hour":
        start, precision = pub - timedelta(days=-(-n // 24)), "day"
    elif unit in ("day", "week"):
        start = pub - timedelta(days=n * (7 if unit == "week" else 1))
        precision = unit
    elif unit == "month":
        start, precision = _shift_months(pub, -n), "month"
    else:
        start, precision = date(pub.year - n, 1, 1), "year"
    # A span reaches publication, so it is never background.
    return _result(_truncate(start, precision), precision, pub, end=pub)


def _offset(days: int) -> Handler:
    def handler(_m: re.Match[str], pub: date | None, _f: bool) -> ResolvedDate | None:
        return None if pub is None else _result(pub + timedelta(days=days), "day", pub)

    return handler


def _weekday(m: re.Match[str], pub: date | None, future: bool) -> ResolvedDate | None:
    if pub is None:
        return None
    wd = WEEKDAYS.index(m["weekday"])
    if future:
        return _result(pub + timedelta(days=(wd - pub.weekday()) % 7), "day", pub)
    return _result(pub - timedelta(days=(pub.weekday() - wd) % 7), "day", pub)


def _rel_weekday(m: re.Match[str], pub: date | None, _f: bool) -> ResolvedDate | None:
    if pub is None:
        return None
    wd = WEEKDAYS.index(m["weekday"])
    if m["rel"] == "last":
        return _result(pub - timedelta(days=(pub.weekday() - wd) % 7 or 7), "day", pub)
    if m["rel"] in ("next", "coming"):
        return _result(pub + timedelta(days=(wd - pub.weekday()) % 7 or 7), "day", pub)
    return _result(_truncate(pub, "week") + timedelta(days=wd), "day", pub)


def _weekend(m: re.Match[str], pub: date | None, _f: bool) -> ResolvedDate | None:
    if pub is None:
        return None
    saturday = _truncate(pub, "week") + timedelta(days=5)
    if m["rel"] in ("next", "coming"):
        start = saturday + timedelta(days=7) if pub.weekday() >= 5 else saturday
    elif m["rel"] == "this":
        start = saturday
    else:  # "the weekend", "last weekend": the most recent one
        start = saturday if pub.weekday() >= 5 else saturday - timedelta(days=7)
    return _result(start, "week", pub, end=start + timedelta(days=1))


def _rel_period(m: re.Match[str], pub: date | None, _f: bool) -> ResolvedDate | None:
    if pub is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}[m["rel"]]
    unit = m["unit"]
    if unit == "week":
        start = _truncate(pub, "week") + timedelta(days=7 * step)
    elif unit == "month":
        start = _shift_months(pub, step)
    else:
        start = date(pub.year + step, 1, 1)
    return _result(start, unit, pub)


def _month(m: re.Match[str], pub: date | None, future: bool) -> ResolvedDate | None:
    if pub is None:
        return None
    month = _MONTHS[m["month"]]
    rel = m.groupdict().get("rel")
    if rel == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif rel == "next" or (future and rel is None):
        strict = rel == "next"
        year = pub.year if (month > pub.month or (month == pub.month and not strict)) else pub.year + 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return _result(date(year, month, 1), "month", pub)


def _year(m: re.Match[str], pub: date | None, _f: bool) -> ResolvedDate | None:
    return _result(date(int(m["year"]), 1, 1), "year", pub)


_HANDLERS = {
    "month_day_year": _month_day_year,
    "day_month_year": _month_day_year,
    "month_day": _month_day,
    "day_month": _month_day,
    "month_year": _month_year,
    "ago": _ago,
    "unit_ago": _ago,
    "past_span": _past_span,
    "before_yesterday": _offset(-2),
    "after_tomorrow": _offset(2),
    "yesterday": _offset(-1),
    "tomorrow": _offset(1),
    "today": _offset(0),
    "rel_weekday": _rel_weekday,
    "weekend": _weekend,
    "rel_period": _rel_period,
    "weekday": _weekday,
    "rel_month": _month,
    "month": _month,
    "year": _year,
}
