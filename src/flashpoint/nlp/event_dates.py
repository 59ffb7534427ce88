"""The date of one event: its own clause first, then its sentence, then the article.

:func:`flashpoint.nlp.dates.resolve_date` turns one expression into a
period; this module chooses which expression speaks for an event and how
to read it:

1. a DATE entity the parser attached to the trigger ("attacked ... on Saturday");
2. a date expression anywhere in the event's own clause ("police fired tear
   gas at protesters ... on Monday", where the parser hung "on Monday" on a
   later verb);
3. the date expression of the sentence nearest the trigger ("Rwanda said on
   Sunday that ... and accused Bujumbura");
4. the publication day.

A present perfect ("has called for protests on Thursday") takes no date
after its verb: English gives that tense no past day, so the date is the
thing called for's. A future act reads a bare weekday or month forwards ("will visit on Friday"
is the coming Friday), a past act backwards. A habitual or background act
("have repeatedly bombed the pipeline since 2016", "have used pellet guns
several times this year") is never pinned to the publication day: it takes
the period it names ("this year" -> year precision, "since 2016" -> 2016,
historical) or, naming none, the year of publication at year precision.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..folded import Folded
from .dates import ResolvedDate, resolve_date

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# Date expressions in running text (what a DATE entity would cover).
_EXPR = re.compile(
    rf"\b(?:(?:last|next|this|coming|on|late on|early on|overnight into|overnight on)\s+)?{_WEEKDAY}(?:\s+(?:night|morning|evening|afternoon))?\b"
    rf"|\b(?:last|this|next|earlier this|later this)\s+(?:week|month|year|weekend)\b"
    rf"|\b(?:yesterday|today|tomorrow)\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?\b|\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?\b",
    re.IGNORECASE,
)
_EXPR_FOLDED = Folded(_EXPR)  # (at case-sensitive speed on ASCII text: flashpoint/folded.py)
# Habitual or background acts: repeated, regular or ongoing since a past point.
_HABITUAL = re.compile(
    r"\b(?:repeatedly|regularly|routinely|frequently|often|several times|many times|every (?:day|week|month|year)"
    r"|each (?:week|month|year)|in recent (?:years|months|weeks)|over the (?:years|past \w+ (?:years|months))"
    r"|since (?:19|20)\d\d|for years|for decades|have long|has long)\b",
    re.IGNORECASE,
)
_HABITUAL_FOLDED = Folded(_HABITUAL)  # (at case-sensitive speed on ASCII text: flashpoint/folded.py)
# ("before dawn", "after midnight": a time of day, no clause of its own)
_TIME_OF_DAY = r"(?:dawn|daybreak|sunrise|sunset|dusk|dark|nightfall|midnight|noon|first light)\b"
# (a comma between digits is a number's, "killed 20,000 people since 2015", no clause break)
_COMMA_BREAK = r",(?!\d)"
_CLAUSE_BREAK = (rf";|\b(?:but|after(?!\s+{_TIME_OF_DAY})|before(?!\s+{_TIME_OF_DAY})|while|when|as|because|said|says|told"
                 r"|until|since)\b")
_BREAK = re.compile(_COMMA_BREAK + "|" + _CLAUSE_BREAK, re.IGNORECASE)
# Before the trigger a reporting frame also breaks ("said on Sunday that ... would pull out").
_BREAK_BEFORE = re.compile(_BREAK.pattern + r"|\b(?:that|who|which)\b", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:has|have|'ve)\s+(?:(?:\w+ly|also|now|already|since|just)\s+)?$", re.IGNORECASE)
_CURRENT = re.compile(r"(?:earlier |later )?this |today", re.IGNORECASE)
_CONTRAST_WORD = re.compile(r"\b(?:but|while|whereas|although|though)\b", re.IGNORECASE)  # (no ";": see _speaks_for)
_CONTRAST = re.compile(_CONTRAST_WORD.pattern + "|;", re.IGNORECASE)
# A future act in the words before a date ("will fly to N'Djamena on Saturday", "said it would
# begin distributing food on Thursday"): the date is that act's, read forwards, whichever verb
# the event hangs on ("..., his office said").
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|'ll|(?:is|are|was|were)\s+(?:due|scheduled|set|expected|going|planning)\s+to|(?:is|are|was|were)\s+to"
    r"|plans?\s+to|planned\s+to|intends?\s+to)\b",
    re.IGNORECASE,
)
_SINCE_YEAR = re.compile(r"\bsince ((?:19|20)\d\d)\b", re.IGNORECASE)
_THIS_PERIOD = re.compile(r"\b(this|last) (year|month|week)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EventDate:
    """The chosen date, its precision, whether it is background, and where it came from."""

    date: str | None
    precision: str | None
    historical: bool
    basis: str  # entity | clause | sentence | habitual | lead | then | told again | article | none


# A month told without a day ("in April", "last July", "in July last year", "since March 2024"):
# capitalised and after a word of time, or before a year, so that "may" and "a march" are not months.
_MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_EXPR = re.compile(
    rf"\b(?:(?:[Ii]n|[Ll]ast|[Tt]his|[Nn]ext|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id-?|[Uu]ntil|[Dd]uring|[Bb]y)\s+"
    rf"(?:early\s+|late\s+|mid-?)?{_MONTH_NAME}(?:\s+(?:last|this|next)\s+year|\s+(?:19|20)\d\d)?"
    rf"|{_MONTH_NAME}\s+(?:(?:last|this|next)\s+year|(?:19|20)\d\d))\b"
)


# A year told without a month after a preposition of time ("in 1982", "during 2014", "between 2021
# and 2024"): a background paragraph's date, which must not give way to the publication day.
# ("by 2030" and "until 2027" tell a deadline, not when the act took place: left out.)
_YEAR_EXPR = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Bb]etween)\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d"
                        r"(?:\s+and\s+(?:19|20)\d\d)?\b(?![-\u2013/]|\s*(?:percent|per cent|%))")


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of every date expression found in running text."""
    found = [(a, b, text[a:b]) for a, b in _EXPR_FOLDED.spans(text)]
    for m in _MONTH_EXPR.finditer(text):
        inside = [x for x in found if m.start() <= x[0] and x[1] <= m.end()]  # "July *last year*": the month's
        if any(a < m.end() and m.start() < b for a, b, _ in found if (a, b, _) not in inside):
            continue  # "June 5" is the day's already
        found = [x for x in found if x not in inside] + [(m.start(), m.end(), m.group(0))]
    for m in _YEAR_EXPR.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b, _ in found):  # "in June 2024" is the month's
            found.append((m.start(), m.end(), m.group(0)))
    return sorted(found)


def is_habitual(clause: str) -> bool:
    """Whether a clause tells a repeated or ongoing act rather than one occurrence."""
    return _HABITUAL_FOLDED.found(clause)


def _habitual_date(clause: str, pub: date) -> EventDate:
    since = _SINCE_YEAR.search(clause)
    if since:
        return EventDate(f"{since.group(1)}-01-01", "year", True, "habitual")
    period = _THIS_PERIOD.search(clause)
    if period:
        rd = resolve_date(period.group(0), pub)
        if rd is not None:
            return EventDate(rd.date, rd.precision, rd.historical, "habitual")
    return EventDate(f"{pub.year}-01-01", "year", False, "habitual")


def event_date(
    entity_dates: tuple[str, ...],
    clause: str,
    sentence: str,
    trigger_at: int,
    published: date | None,
    future: bool = False,
    expressions: list[tuple[int, int, str]] | None = None,
) -> EventDate:
    """Choose and resolve the date of one event.

    Args:
        entity_dates: DATE entity texts attached to the trigger, clause first.
        clause: the text of the event's own clause.
        sentence: the sentence text.
        trigger_at: the trigger's offset within ``sentence``.
        published: the publication date (nothing resolves without it).
        future: the act is still to come (read weekdays and months forwards).
        expressions: :func:`find_date_expressions` of ``sentence``, when the caller
            already has them (several events share a sentence).
    """
    if published is None:
        return EventDate(None, None, False, "none")
    for expr in entity_dates:
        at = sentence.lower().find(expr.lower())
        rd = resolve_date(expr, published, prefer_future=future or (at >= 0 and _future_before(sentence, at)))
        if rd is not None:
            return _chosen(rd, "entity")
    exprs = find_date_expressions(sentence) if expressions is None else expressions  # the clause and the sentence look
    if _PERFECT.search(sentence[:trigger_at]):
        # "has called for protests on Thursday": a present perfect takes no past day of its
        # own, so a date after the verb is the thing called for's, not the call's.
        exprs = [x for x in exprs if x[0] < trigger_at or _CURRENT.match(x[2])]  # "has sent troops this week" stays
    here = [x for x in exprs if _in_clause(sentence, trigger_at, x)]
    if len(here) > 1:
        # "Police said on Monday gunmen had killed five villagers on Sunday": with no "that" after
        # it, a reporting verb's own date shares the act's clause; the act's date is the other one.
        own = [x for x in here if not (x[0] < trigger_at and _SAID_RIGHT_BEFORE.search(sentence[: x[0]]))]
        here = own or here
    for start, _, expr in sorted(here, key=lambda x: abs(x[0] - trigger_at)):
        rd = resolve_date(expr, published, prefer_future=(future and start > trigger_at) or _future_before(sentence, start))
        if rd is not None:
            return _chosen(rd, "clause")
    if _habitual_here(clause, sentence, trigger_at):
        return _habitual_date(clause, published)
    found = sorted((x for x in exprs if _speaks_for(sentence, trigger_at, x)),
                   key=lambda x: min(abs(x[0] - trigger_at), abs(x[1] - trigger_at)))
    for start, _, expr in found:
        # A date before the trigger is the reporting frame's ("said on Sunday that it
        # would ..."): past, even for a future act.
        rd = resolve_date(expr, published, prefer_future=(future and start > trigger_at) or _future_before(sentence, start))
        if rd is not None:
            return _chosen(rd, "sentence")
    year = _war_year(sentence, trigger_at, published)
    if year is not None:
        return EventDate(f"{year}-01-01", "year", True, "sentence")
    return EventDate(published.isoformat(), "day", False, "article")


# A past war or crackdown dated by a bare year in the phrase that names it (a bare "in 2006"
# is no date expression of its own): "Croatia's 1991-95 war killed ...", "the civil war,
# which ended in 2006, killed ...", "were killed when security forces crushed protests in 2018".
_CONFLICT = r"(?:war|conflict|insurgency|uprising|revolution|genocide|fighting|violence|crackdown|protests|unrest|riots)"
_YEAR_OF_CONFLICT = re.compile(rf"\b((?:19|20)\d\d)(?:\s*[-\u2013]\s*(?:\d\d|(?:19|20)\d\d))?(?:\s+[a-z]+)?\s+{_CONFLICT}\b"
                               rf"|\b{_CONFLICT},\s+which\s+(?:ended|began|started|broke\s+out|erupted|raged)\s+in\s+((?:19|20)\d\d)\b",
                               re.IGNORECASE)
_WHEN_IN_YEAR = re.compile(rf"^\s+(?:when|as|after)\b[^,;]*?\b{_CONFLICT}\b[^,;]*?\bin\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def _war_year(sentence: str, trigger_at: int, published: date) -> int | None:
    """The year of a past conflict the trigger's subject names ("the 1992-95 war killed")
    or its when-clause dates ("killed when police crushed protests in 2018"); None for
    none, or for this year's."""
    years = [int(m.group(1) or m.group(2)) for m in _YEAR_OF_CONFLICT.finditer(sentence[:trigger_at])]
    after = _WHEN_IN_YEAR.match(sentence[sentence.find(" ", trigger_at) if " " in sentence[trigger_at:] else len(sentence):])
    if after:
        years.append(int(after.group(1)))
    years = [y for y in years if y < published.year]
    return years[-1] if years else None


def lead_date(lead: str, published: date | None, future: bool = False) -> EventDate | None:
    """The date a headline's act takes from the lead that tells it ("Clashes kill nine in
    Tripoli" / "Fighting broke out ... on Monday night"): the lead's first date, read
    backwards unless the act is still to come. None when the lead names no date."""
    if published is None:
        return None
    for start, _, expr in find_date_expressions(lead):
        rd = resolve_date(expr, published, prefer_future=future or _future_before(lead, start))
        if rd is not None:
            return EventDate(rd.date, rd.precision, rd.historical, "lead")
    return None


def _future_before(sentence: str, start: int) -> bool:
    """Whether the words between the last clause break and a date tell a future act."""
    before = sentence[:start]
    breaks = list(_BREAK_BEFORE.finditer(before))
    return bool(_FUTURE_BEFORE.search(before[breaks[-1].end():] if breaks else before))


def _habitual_here(clause: str, sentence: str, trigger_at: int) -> bool:
    """A habitual cue of the trigger's own clause, not of a clause it reports or joins:
    "condemned the abduction and said 1,500 students had been kidnapped since 2014"
    dates the condemnation to its day, not to 2014."""
    if not is_habitual(clause):
        return False
    cues = [(a, b, sentence[a:b]) for a, b in _HABITUAL_FOLDED.spans(sentence)]
    return not cues or any(_in_clause(sentence, trigger_at, c) for c in cues)


def _in_clause(sentence: str, trigger_at: int, found: tuple[int, int, str]) -> bool:
    """A date in the trigger's own clause: no clause break between the two."""
    if found[0] < trigger_at:
        return not _BREAK_BEFORE.search(sentence[found[1]:trigger_at])
    between = sentence[trigger_at:found[0]]
    if _YEARED.search(found[2]) and _RELATIVE.search(between):
        # "who was arrested ... for which the court had dismissed the appeal in 1997": a year
        # told in a relative clause after the act is that clause's
        return False
    return not _BREAK.search(between)


def _speaks_for(sentence: str, trigger_at: int, found: tuple[int, int, str]) -> bool:
    """Whether a date elsewhere in the sentence can date the trigger: one before it
    ("said on Sunday that ... and accused"), or one right after it with no clause
    break between ("lead another march on Thursday"), not one in a later clause
    ("rejected the claim and said it would meet on Friday")."""
    start = found[0]
    if start < trigger_at:
        # "would send a team on Sunday but rejected any deal": past a contrast, the
        # date is the other clause's. A past year reaches past a semicolon ("fought a war in
        # 1982; 649 servicemen were killed"): a background sentence's clauses share its time.
        between = sentence[found[1]:trigger_at]
        if _YEARED.search(found[2]):
            # ("Russia, which annexed Crimea in 2014, launched drones": an aside's year is the aside's)
            aside = sentence[: found[0]]
            if _RELATIVE.search(aside[aside.rfind(",") + 1 :]):
                return False
            return not _CONTRAST_WORD.search(between)
        return not _CONTRAST.search(between)
    after = sentence[trigger_at:start]
    if _YEARED.search(found[2]):
        # "released a Swedish diplomat, Johan Floderus, in a prisoner exchange in June 2024": an
        # apposition's commas are no clause break before a year; a relative clause is
        return not _BREAK_PAST_COMMA.search(after)
    return not _BREAK.search(after)


_BREAK_PAST_COMMA = re.compile(_CLAUSE_BREAK + r"|\b(?:who|whom|whose|which|that|where)\b", re.IGNORECASE)
_YEARED = re.compile(r"\b(?:19|20)\d\d\b")
_SAID_RIGHT_BEFORE = re.compile(r"\b(?:said|says|told(?:\s+[a-z]+){0,2}|announced|added|stated|reported|confirmed|"
                                r"tweeted|wrote)\s*$", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:which|who|whom|whose|where)\b", re.IGNORECASE)


def _chosen(rd: ResolvedDate, basis: str) -> EventDate:
    return EventDate(rd.date, rd.precision, rd.historical, basis)


# A past act with no date of its own, told after a lead that dates the story's event: the
# lead's day (see :func:`story_date`). Past tense only: "says", "has called" and "will" keep
# their own reading.
_PAST_TAGS = frozenset({"VBD"})
_STORY_REACH_DAYS = 7
# Words that move a story to another day without naming it ("the next day", "two days later").
_MOVED_ON = re.compile(r"\b(?:the (?:next|following|previous) (?:day|morning|night|week)|(?:a|one|two|three|several|\w+) days? "
                       r"(?:later|earlier|before)|the day before|since then|earlier this (?:week|month)|last week)\b",
                       re.IGNORECASE)
_MOVED_ON_FOLDED = Folded(_MOVED_ON)  # (at case-sensitive speed on ASCII text: flashpoint/folded.py)


def story_date(lead: str, between: str, published: date | None, tag: str, future: bool,
               saying: bool = False) -> EventDate | None:
    """The lead's date for a later sentence that names none of its own, or None.

    A wire story dates its event once, in the lead ("Gunmen attacked a convoy in Borno on
    Tuesday"), and tells the rest without a date ("The army said it killed ten of them"):
    those past acts took place that day, not on the publication day. The lead's date counts
    only when it is clear: one day within a week before publication, every date expression
    of the lead agreeing, and no other day named between the lead and the sentence
    (``between``: that text); the act is told in the simple past (``tag`` VBD) and not to come.

    Saying is not such an act (``saying``: the trigger is a verb of saying or a statement's):
    "The army said ...", "The UN said it was concerned" tell what was said for the story,
    at its own time, the publication day unless the sentence dates it ("said on Tuesday");
    what the saying reports ("its troops killed ten") still takes the lead's day.
    """
    if saying:
        return None
    return story_dater(lead, published)(between, tag, future)


def story_dater(lead: str, published: date | None) -> Callable[[str, str, bool], EventDate | None]:
    """:func:`story_date` for one lead, as ``dated(between, tag, future)``: the lead's day is
    read once, when first asked for (a document asks for every past act after its lead)."""
    lead_day: list[str | None] = []

    def dated(between: str, tag: str, future: bool) -> EventDate | None:
        if published is None or future or tag not in _PAST_TAGS:
            return None
        if not lead_day:
            lead_day.append(_lead_day(lead, published))
        day = lead_day[0]
        if day is None:
            return None
        if _MOVED_ON_FOLDED.found(between):
            return None  # "... gathered in Brussels the next day": the story has moved on
        for _, _, expr in find_date_expressions(between):
            rd = resolve_date(expr, published)
            if rd is not None and rd.date != day:
                return None  # the story has moved to another day
        return EventDate(day, "day", False, "lead")

    return dated


def _lead_day(lead: str, published: date) -> str | None:
    """The one day the lead names, within a week before publication; else None."""
    days = set()
    for start, _, expr in find_date_expressions(lead):
        rd = resolve_date(expr, published, prefer_future=_future_before(lead, start))
        if rd is not None:
            days.add((rd.date, rd.precision))
    if len(days) != 1:
        return None
    day, precision = days.pop()
    if precision != "day" or not 0 < (published - date.fromisoformat(day)).days <= _STORY_REACH_DAYS:
        return None
    return day


# "Tokayev then asked ...", "has killed 200 smugglers since then": an act told after another that
# is dated, with no date of its own, took place at (or from) that time ("then-president" is no cue).
_THEN = re.compile(r"\b(?:since|until|by)\s+then\b|\bthen\b(?![-\u2013])", re.IGNORECASE)
_THEN_FOLDED = Folded(_THEN)  # (at case-sensitive speed on ASCII text: flashpoint/folded.py)


def then_date(sentence: str, previous: str, published: date | None) -> EventDate | None:
    """The date of the sentence before for a sentence that says "then" and names no date of
    its own: the last date expression of ``previous`` that resolves; None when there is no cue
    or no such date. A past period stays background (historical)."""
    if published is None or not _THEN_FOLDED.found(sentence) or find_date_expressions(sentence):
        return None
    for _, _, expr in reversed(find_date_expressions(previous)):
        rd = resolve_date(expr, published)
        if rd is not None:
            return EventDate(rd.date, rd.precision, rd.historical, "then")
    return None


# A lead's act dated only by its reporting frame ("The movement said on Tuesday that a drone strike
# had killed four") is told again, with its own day, by a definite noun a little later ("The strike
# hit two vehicles late on Sunday"): that day is the act's. Sentences looked at after the lead's:
TOLD_AGAIN_REACH = 3
_STORY_WEEK = 7


def told_again(trigger: str, framed: EventDate, later: list[str], published: date | None) -> EventDate | None:
    """The day a later sentence gives the lead's act, found as "The <trigger noun> ..." opening
    one of ``later`` (the sentences after the lead's, in order) with a date expression that
    resolves to a day before the frame's and within a week of it; None when none does."""
    if published is None or framed.date is None or framed.precision != "day":
        return None
    opener = re.compile(rf"^\s*(?:the|that|this)\s+{re.escape(trigger)}\b", re.IGNORECASE)
    frame_day = date.fromisoformat(framed.date)
    for sentence in later:
        if not opener.search(sentence):
            continue
        for start, _, expr in find_date_expressions(sentence):
            rd = resolve_date(expr, published, prefer_future=_future_before(sentence, start))
            if rd is not None and rd.precision == "day" and 0 < (frame_day - date.fromisoformat(rd.date)).days <= _STORY_WEEK:
                return EventDate(rd.date, rd.precision, rd.historical, "told again")
        return None  # the act told again names no earlier day: the frame's stands
    return None
