"""Extract counted quantities ("15,000 troops", "at least 12 killed") from a clause.

:func:`extract_quantities` reads a sentence or clause and returns one
:class:`~flashpoint.types.Quantity` per count it can attach to a unit. It
is pure Python over compiled regular expressions and a single pass over
the tokens, so it can run on every event sentence; it never raises.

Units (the ``Quantity.unit`` vocabulary):

* people by role: ``troops`` (troops, soldiers, servicemen, paratroopers,
  marines, personnel, peacekeepers, reservists, ...), ``police``,
  ``fighters`` (fighters, militants, rebels, insurgents, gunmen, ...),
  ``civilians``, ``protesters``, ``migrants`` (migrants, refugees, asylum
  seekers), ``prisoners``, ``hostages``, ``diplomats``;
* outcomes: ``dead``, ``injured``, ``casualties`` (killed and wounded
  together), ``arrested``, ``displaced``;
* materiel: ``tanks``, ``vehicles``, ``aircraft`` (planes, jets,
  bombers, helicopters), ``drones``, ``missiles`` (missiles, rockets),
  ``ships``.

An outcome beats a role: "five civilians were killed", "killing five
civilians" and "five civilians killed" all give ``Quantity(5, "dead")``;
"15,000 troops" gives ``troops``. Generic people ("people", "villagers",
"children", ...) count only with an outcome or a protest verb ("thousands
of people marched" -> ``protesters``).

Numbers: digits ("15,000", "15 000", "1.2 million"), words up to billions
("two hundred and fifty"), "a dozen", "two dozen". Qualifiers keep the stated
figure and flag it: "at least", "more than", "over" set ``bound="at_least"``,
"up to", "fewer than" ``bound="at_most"``; "about", "some", "nearly", a vague
magnitude, a range or a count of military units set ``estimate=True``. A
range ("300 to 400 troops") gives its lower end. Vague magnitudes give the
smallest value no reading of them goes below, one of the named magnitude:
dozens 12, scores 20, hundreds 100, thousands 1,000, tens of thousands
10,000, hundreds of thousands 100,000, millions 1,000,000; "several" and
"a few" multiply a magnitude by 3 and 2 ("several hundred" 300). Bare
"several" or "many" give nothing.

Military units (approximate strengths used across NATO and post-Soviet
armies; a count of units is multiplied out into ``troops``): squad 10,
platoon 40, company 150, battalion 500, battalion tactical group 800,
regiment 1,500, brigade 3,000, division 12,000. "company" and "division"
count only with a military word ("an infantry company", "a division of
troops") because both have civilian senses.

Ignored: years, dates ("Nov 9", "9 November"), times, percentages,
money, ages ("a 25-year-old", "aged 25"), ordinals, model designations
("T-72", "F-16", "G20"), measurements ("5 km"), durations ("48 hours").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from flashpoint.types import Quantity

MAX_VALUE = 10**10  # above any real count; guards absurd or hostile digit strings

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # abbreviations such as U.S. or U.N.
    r"|[^\W\d_]+-\d+[^\W\d_]*"  # model designations such as MiG-29 or T-72: never a count
    r"|\d+(?:[.,]\d+)*"
    r"|[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*"
    r"|\S"
)

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 10**6, "billion": 10**9}
_PLURAL_MAGNITUDES = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 10**6,
}  # fmt: skip
_MULTIPLIERS = {"several": 3, "few": 2}
# Words _parse_number can start a number at besides digits and number words ("one", "twenty-five"):
# "a dozen", "an estimated", "half a million", "tens of thousands", "hundred and five".
_NUMBER_STARTS = frozenset({"a", "an", "half", "tens", "and", *_PLURAL_MAGNITUDES, *_MULTIPLIERS})

_MILITARY_UNITS = {
    "squad": 10, "platoon": 40, "company": 150, "companies": 150,
    "battalion": 500, "regiment": 1_500, "brigade": 3_000, "division": 12_000,
}  # fmt: skip
_AMBIGUOUS_UNITS = {"company", "companies", "division"}
_MILITARY_WORDS = {
    "infantry", "armoured", "armored", "airborne", "mechanised", "mechanized",
    "motorised", "motorized", "tank", "rifle", "marine", "army", "artillery",
    "paratroop", "commando", "guards", "assault", "combat", "military",
}  # fmt: skip

_ROLE_WORDS = {
    "troops": "troops soldier soldiers servicemen serviceman servicemembers paratroopers "
    "paratrooper marines personnel peacekeepers peacekeeper reservists conscripts "
    "commandos recruits sailors troop guardsmen",
    "police": "police policemen policeman policewomen officers officer gendarmes",
    "fighters": "fighters fighter militants militant rebels rebel insurgents insurgent "
    "gunmen gunman jihadists militiamen combatants",
    "civilians": "civilians civilian",
    "protesters": "protesters protester protestors demonstrators demonstrator marchers rioters",
    "migrants": "migrants migrant refugees refugee seekers asylum-seekers",
    "prisoners": "prisoners prisoner inmates detainees detainee",
    "hostages": "hostages hostage captives",
    "diplomats": "diplomats diplomat",
    "": "people persons person residents villagers children child women men students "
    "workers journalists activists suspects members worshippers passengers pilgrims "
    "farmers miners others individuals citizens nationals locals supporters tourists "
    "crew staff employees doctors patients teachers fishermen opponents lawmakers "
    "politicians inhabitants family families relatives schoolgirls schoolchildren girls boys "
    "pupils guards guard man woman worker farmer journalist student passenger fisherman teacher "
    "doctor nurse driver drivers engineer engineers labourer labourers laborer laborers trader traders "
    "herder herders shepherd shepherds contractor contractors medic medics "
    "volunteer volunteers",
}
_THING_WORDS = {
    "tanks": "tanks tank",
    "vehicles": "vehicles carriers",
    "aircraft": "aircraft planes jets warplanes bombers helicopters airplanes jet plane",
    "drones": "drones drone uavs",
    "missiles": "missiles missile rockets rocket",
    "ships": "warships ships vessels frigates destroyers submarines warship",
}
_OUTCOME_WORDS = {
    "dead": "dead killed deaths bodies fatalities corpses died",
    "injured": "injured wounded hurt injuries",
    "casualties": "casualties",
    "arrested": "arrested detained arrests detentions",
    "displaced": "displaced evacuees evacuated fled",
}
_BEFORE_WORDS = {
    "dead": "killing killed kill kills killings deaths toll lives",
    "injured": "wounding wounded injuring injured injuries",
    "arrested": "arrested arresting arrests detained detaining detentions rounded",
    "displaced": "displaced displacing displacement evacuated evacuating evacuation",
    "hostages": "abducted abducting kidnapped kidnapping seized",
}
_DEPLOY_WORDS = frozenset("deployed deploying deploy sent sending mobilised mobilized massed".split())
_PROTEST_WORDS = frozenset("protested rallied marched demonstrated gathered".split())
_BIGRAMS = {
    ("service", "members"): "troops", ("security", "personnel"): "troops",
    ("police", "officers"): "police", ("personnel", "carriers"): "vehicles",
    ("asylum", "seekers"): "migrants", ("fighter", "jets"): "aircraft",
}  # fmt: skip


def _invert(table: dict[str, str]) -> dict[str, str]:
    return {word: unit for unit, words in table.items() for word in words.split()}


_ROLES = _invert(_ROLE_WORDS)
_THINGS = _invert(_THING_WORDS)
_OUTCOMES = _invert(_OUTCOME_WORDS)
_BEFORE = _invert(_BEFORE_WORDS)

_SKIP_BACK = frozenset(
    "at least more than over about around nearly almost some up to as many an estimated "
    "roughly approximately just fewer less a total of the another further rose risen climbed "
    "reached stood stands has had have now jumped hit increased reportedly".split()
)
_AUX = frozenset("were was have has had been are is being reportedly also later all allegedly".split())
_STOP = frozenset(
    "the a an of in on at to from by with and or but as for near after before during while "
    "when were was is are have has had been be being that which who into across inside "
    "outside along over under including its their his her said says say than per this these "
    "those there here it they them we he she".split()
)
_CLAUSE_STOP = frozenset(
    "after when while as because since before but although though where which who whom "
    "whereas until amid following despite said says told according if".split()
)
_DETERMINERS = frozenset("the a an his her their its them those these".split())
_NOT_AFTER = frozenset(
    "percent per cent % km kilometres kilometers miles metres meters feet tonnes tons kg "
    "hours hour minutes days day weeks week months month years year decades dollars euros "
    "pounds yuan rubles roubles rupees naira shekels dinars pesos yen francs bn mln cents "
    "degrees a.m. p.m. o'clock st nd rd th".split()
)
_NOT_BEFORE = frozenset(
    "$ € £ ¥ ₹ us$ usd eur no number resolution article flight route chapter section page "
    "room gate highway aged age ages paragraph km mile minute vote".split()
)
_YEAR_PREPOSITIONS = frozenset("in since by until from of during before after between".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_BARE_FOLLOW = frozenset("in on at and near during when while after as across including overnight since , . ; ) —".split())
_PUNCT_STOP = frozenset(".;:!?")
_INTRANSITIVE = frozenset("fled died dead hurt".split())
_MILITARY = "<military unit>"  # marker returned by _find_head


class _Tok(NamedTuple):
    low: str
    start: int
    end: int


_new_tok = tuple.__new__


def extract_quantities(text: str) -> tuple[Quantity, ...]:
    """Extract the counts attached to a unit in a clause or sentence.

    Args:
        text: a sentence or clause of news text.

    Returns:
        The quantities in reading order (possibly empty). Never raises.
    """
    if not isinstance(text, str) or not text:
        return ()
    # (each word made as the tuple it is, without a Python call of _Tok's constructor per word)
    if text.isascii():
        # lower-casing ASCII keeps every offset, so the words are matched lower-cased at once
        toks = [_new_tok(_Tok, (m[0], m.start(), m.end())) for m in _TOKEN.finditer(text.lower())]
    else:
        toks = [_new_tok(_Tok, (m[0].lower(), m.start(), m.end())) for m in _TOKEN.finditer(text)]
    found: list[Quantity] = []
    i = 0
    while i < len(toks):
        low = toks[i].low
        if not (low in _NUMBER_STARTS or low in _SMALL or low[0].isdigit()
                or ("-" in low and all(p in _SMALL for p in low.split("-")))):
            i += 1  # no number starts here (what _parse_number would find, without its work)
            continue
        parsed = _parse_number(toks, i, text)
        if parsed is None:
            i += 1
            continue
        value, j = parsed
        quantity = None
        if 0 < value <= MAX_VALUE:
            quantity, j = _attach(toks, i, j, value, text)
        # Checked again after the unit: a military unit multiplies the count.
        if quantity is not None and quantity.value <= MAX_VALUE:
            found.append(_qualify(toks, i, j, quantity))
        i = max(j, i + 1)
    return tuple(found)


_AT_LEAST = (("at", "least"), ("more", "than"), ("upwards", "of"), ("over",), ("in", "excess", "of"))
_AT_MOST = (("up", "to"), ("at", "most"), ("fewer", "than"), ("less", "than"), ("no", "more", "than"))
_ABOUT = frozenset("about around nearly almost some roughly approximately estimated an estimated close to".split())
_VAGUE = frozenset(_PLURAL_MAGNITUDES) | frozenset(_MULTIPLIERS) | {"tens", "a", "half"}


def _qualify(toks: list[_Tok], i: int, j: int, q: Quantity) -> Quantity:
    """Flag a count the text did not state exactly: a bound ("more than 40", "up to
    50") or an estimate ("dozens", "about 300", "300 to 400", "a battalion")."""
    before = tuple(t.low for t in toks[max(0, i - 3):i])
    bound = None
    for words, kind in [(w, "at_least") for w in _AT_LEAST] + [(w, "at_most") for w in _AT_MOST]:
        if before[-len(words):] == words:
            bound = kind
            break
    number = " ".join(t.low for t in toks[i:j])
    ranged = any(t.low in ("to", "-", "\u2013", "and") for t in toks[i + 1:j])
    estimate = (
        bound is None and bool(before) and before[-1] in _ABOUT
        or toks[i].low in _VAGUE and not number.startswith(("a hundred", "a thousand", "a million"))
        or ranged
        or (q.unit == "troops" and not toks[i].low[:1].isdigit() and _low(toks, j) in _MILITARY_UNITS)
    )
    if not estimate and bound is None:
        return q
    return Quantity(q.value, q.unit, estimate=bool(estimate), bound=bound)


def _low(toks: list[_Tok], k: int) -> str:
    return toks[k].low if 0 <= k < len(toks) else ""


def _parse_number(toks: list[_Tok], i: int, text: str) -> tuple[int, int] | None:
    """Read the number starting at token ``i``; return (value, end index)."""
    t = toks[i].low
    nxt, nxt2 = _low(toks, i + 1), _low(toks, i + 2)
    if t in ("tens", "hundreds") and nxt == "of" and nxt2 in ("thousands", "millions"):
        return (10 if t == "tens" else 100) * _PLURAL_MAGNITUDES[nxt2], i + 3
    if t in _PLURAL_MAGNITUDES and (t != "scores" or nxt == "of"):
        return _PLURAL_MAGNITUDES[t], i + 1
    if t == "a" and nxt == "few":
        t, i, nxt = "few", i + 1, nxt2
    if t in _MULTIPLIERS and nxt in _SCALES:
        return _MULTIPLIERS[t] * _SCALES[nxt], i + 2
    if t in _MULTIPLIERS and nxt == "dozen":
        return _MULTIPLIERS[t] * 12, i + 2
    if t == "half" and nxt == "a" and nxt2 in ("dozen", "million"):
        return (6 if nxt2 == "dozen" else 500_000), i + 3
    if t in ("a", "an"):
        return _parse_article(toks, i)
    if t[0].isdigit():
        return _parse_digits(toks, i, text)
    return _parse_words(toks, i)


def _parse_article(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    # "a" is a number only before a scale, "dozen" or a military unit, or as one person an
    # outcome befell (_one_victim).
    nxt = _low(toks, i + 1)
    if nxt in _SCALES or nxt == "dozen":
        value, j = _parse_words(toks, i + 1, start=1) or (0, i + 1)
        return (value, j) if value else None
    for k in (i + 1, i + 2):
        if _unit_word(_low(toks, k)):
            return 1, i + 1
    return (1, i + 1) if _one_victim(toks, i) else None


# One person named by a singular noun of a trade or kind ("a farmer", "a Cameroonian peacekeeper").
_ONE_PERSON = frozenset(w for w in _ROLES if not w.endswith("s") and w not in ("police", "personnel", "staff", "crew", "family"))


def _one_victim(toks: list[_Tok], i: int) -> bool:
    """Whether "a"/"an" at ``i`` is one person an outcome befell: right after an outcome verb
    ("killing a farmer", "wounded a Cameroonian peacekeeper") or as the subject of a passive
    one ("A policeman was killed"); "a soldier said" counts nobody."""
    # up to four words before the noun: "A Bulgarian border police officer was killed"
    head = next((k for k in range(i + 1, min(i + 6, len(toks))) if toks[k].low in _ONE_PERSON), None)
    if head is None or any(not toks[k].low[:1].isalpha() for k in range(i + 1, head)):
        return False
    if i > 0 and _outcome_word_before(toks, i - 1) in ("dead", "injured", "arrested", "hostages"):
        return True
    k = head + 1
    while _low(toks, k) in _AUX:
        k += 1
    return k > head + 1 and _OUTCOMES.get(_low(toks, k)) in ("dead", "injured", "arrested")


def _parse_words(toks: list[_Tok], i: int, start: int = 0) -> tuple[int, int] | None:
    total, current, j, end = 0, start, i, None
    while j < len(toks):
        parts = toks[j].low.split("-")
        if all(p in _SMALL for p in parts):
            current += sum(_SMALL[p] for p in parts)
        elif toks[j].low in _SCALES and (j > i or start):
            scale = _SCALES[toks[j].low]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        elif toks[j].low == "dozen" and (current or total):
            current = (current or 1) * 12
        elif toks[j].low == "and" and toks[j - 1].low in _SCALES and _low(toks, j + 1).split("-")[0] in _SMALL:
            j += 1
            continue
        else:
            break
        j += 1
        end = j
    if end is None:
        return None
    return total + current, end


def _parse_digits(toks: list[_Tok], i: int, text: str) -> tuple[int, int] | None:
    raw, j = toks[i].low, i + 1
    if len(raw) > 20:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", raw):
        digits = raw.replace(",", "")
        # "15 000": groups of three after a space are one number.
        while (
            j < len(toks)
            and re.fullmatch(r"\d{3}", toks[j].low)
            and toks[j].start == toks[j - 1].end + 1
            and text[toks[j - 1].end] in " \u00a0\u202f"
            and len(raw) <= 3
        ):
            digits += toks[j].low
            j += 1
        value: float = int(digits)
    elif re.fullmatch(r"\d+\.\d+", raw) and _low(toks, j) in _SCALES:
        value = float(raw)
    else:
        return None
    if _low(toks, j) in _SCALES:
        value *= _SCALES[toks[j].low]
        j += 1
    elif _low(toks, j) == "dozen":
        value *= 12
        j += 1
    return int(round(value)), j


def _unit_word(word: str) -> bool:
    return word.rstrip("s") in _MILITARY_UNITS or word in _MILITARY_UNITS


def _excluded(toks: list[_Tok], i: int, j: int, text: str) -> bool:
    """Whether the number at [i, j) is a date, year, money, age, code or measure."""
    first, prev, nxt = toks[i], _low(toks, i - 1), _low(toks, j)
    if first.low[0].isdigit():
        before = text[first.start - 1] if first.start else " "
        after = text[toks[j - 1].end] if toks[j - 1].end < len(text) else " "
        if not (before.isspace() or before in "(\"'\u201c") or after.isalnum() or after in "%:/":
            return True
        if re.fullmatch(r"(?:19|20)\d\d", first.low) and j == i + 1 and prev in _YEAR_PREPOSITIONS:
            return True
        if re.fullmatch(r"(?:19|20)\d\d", first.low) and nxt in ("-", "\u2013") and re.fullmatch(r"\d\d|(?:19|20)\d\d", _low(toks, j + 1)):
            return True  # "the 1992-95 war", "1991-1995": a span of years
    if prev in _NOT_BEFORE or prev in _MONTHS or nxt in _MONTHS or nxt in _NOT_AFTER:
        return True
    if nxt == "-" and _low(toks, j + 1).split("-")[0] in ("year", "month", "week", "day", "hour", "minute"):
        return True
    if nxt in ("years", "year") or (nxt == "-" and _low(toks, j + 1).startswith("year")):
        return True
    return prev in ("no", "any", "every") or nxt in ("another", "way")


def _attach(toks: list[_Tok], i: int, j: int, value: int, text: str) -> tuple[Quantity | None, int]:
    """Find the unit of the number at [i, j); return the quantity and where reading resumes."""
    if _excluded(toks, i, j, text):
        return None, j
    # "300 to 400 troops", "between 300 and 400": the lower end, the later head.
    if _low(toks, j) in ("to", "-", "\u2013") or (_low(toks, j) == "and" and _low(toks, i - 1) == "between"):
        second = _parse_number(toks, j + 1, text) if j + 1 < len(toks) else None
        if second is not None:
            j = second[1]
    return _unit_of(toks, i, j, value), j


def _unit_of(toks: list[_Tok], i: int, j: int, value: int) -> Quantity | None:
    """Attach a unit to the number at [i, j) (after range and exclusion handling)."""
    if _low(toks, j) == "-" and _low(toks, j + 1) == "strong":
        crowd = _low(toks, j + 2) in ("crowd", "crowds", "protest", "march", "rally")
        return Quantity(value, "protesters" if crowd else "troops")
    if _low(toks, j) == "of":
        # "thousands of migrants", "300 of its troops", "12 of them".
        if _low(toks, j + 1) in _DETERMINERS:
            j += 2
        elif toks[j - 1].low in _PLURAL_MAGNITUDES or toks[j - 1].low == "dozen":
            j += 1
    head, unit = _find_head(toks, j)
    if head is not None and unit == _MILITARY:
        return _military(toks, i, head, value)
    before = _outcome_before(toks, i)
    if head is None:
        return _bare(toks, i, j, value, before)
    if unit in _THING_WORDS:
        return Quantity(value, unit)
    outcome = before or (unit if unit in _OUTCOME_WORDS else None) or _outcome_after(toks, head + 1)
    if outcome:
        return Quantity(value, outcome)
    if unit:
        return Quantity(value, unit)
    for k in range(head + 1, head + 4):
        word = _low(toks, k)
        if word in _PROTEST_WORDS or (word == "took" and _low(toks, k + 1) == "to"):
            return Quantity(value, "protesters")
    return None


def _find_head(toks: list[_Tok], j: int) -> tuple[int | None, str]:
    """The first unit word after the number, past at most three modifiers."""
    for k in range(j, min(j + 4, len(toks))):
        word = toks[k].low
        if word in _STOP or not word[0].isalpha() or word in _SMALL:
            return None, ""
        if _unit_word(word):
            return k, _MILITARY
        pair_next = _BIGRAMS.get((word, _low(toks, k + 1)))
        if pair_next:
            return k + 1, pair_next
        pair_prev = _BIGRAMS.get((_low(toks, k - 1), word)) if k > j else None
        unit = pair_prev or _OUTCOMES.get(word) or _THINGS.get(word) or _ROLES.get(word)
        if unit is not None:
            return k, unit
    return None, ""


def _military(toks: list[_Tok], i: int, head: int, count: int) -> Quantity | None:
    word = toks[head].low
    size = _MILITARY_UNITS.get(word) or _MILITARY_UNITS[word.rstrip("s")]
    if word in _AMBIGUOUS_UNITS or word.rstrip("s") in _AMBIGUOUS_UNITS:
        context = {t.low for t in toks[i:head]} | {_low(toks, head + 2), _low(toks, head + 3)}
        if not context & (_MILITARY_WORDS | set(_ROLE_WORDS["troops"].split())):
            return None
    if word.startswith("battalion") and _low(toks, head + 1) == "tactical":
        size = 800
    return Quantity(count * size, "troops")


# Nouns of an outcome that are counted things of their own ("found the bodies of two men"):
# after another count's noun they tell nothing of it ("a boat carrying 80 migrants and the
# bodies of two men"), before "of" and a number they count the dead.
_OUTCOME_NOUNS = frozenset("bodies corpses deaths fatalities casualties injuries arrests detentions evacuees".split())
_REMAINS = frozenset("bodies corpses remains".split())


# "shot dead two men", "stabbed dead a guard": "dead" after the act tells the outcome of what follows
_DEAD_AFTER = frozenset("shot shoot shoots shooting stabbed beaten beat".split())


def _outcome_word_before(toks: list[_Tok], k: int) -> str | None:
    word = toks[k].low
    if word == "dead" and _low(toks, k - 1) in _DEAD_AFTER:
        return "dead"
    return _BEFORE.get(word)


def _outcome_before(toks: list[_Tok], i: int) -> str | None:
    """An outcome verb or noun just before the number ("killing at least five", "the bodies of two men")."""
    if _low(toks, i - 1) == "of" and _low(toks, i - 2) in _REMAINS:
        return "dead"
    for k in range(i - 1, max(i - 7, -1), -1):
        word = toks[k].low
        outcome = _outcome_word_before(toks, k)
        if outcome:
            return outcome
        if word not in _SKIP_BACK:
            return None
    return None


def _outcome_after(toks: list[_Tok], k: int) -> str | None:
    """A passive outcome in the rest of the clause ("... were killed")."""
    for m in range(k, min(k + 10, len(toks))):
        word = toks[m].low
        if word in _PUNCT_STOP or word in _CLAUSE_STOP:
            return None
        if word == "held" and _low(toks, m - 1) in _AUX:
            return "arrested"
        if word in _OUTCOME_NOUNS:
            return None
        if word in _OUTCOMES:
            # "killed three", "killed the", "detained at least 40": an active verb with its own object;
            # "dispersed thousands of protesters and detained ...": a verb coordinated after them is
            # the subject's next act, not what befell them.
            obj = _low(toks, m + 1)
            bound = obj in _SKIP_BACK and (_low(toks, m + 2)[:1].isdigit() or _low(toks, m + 3)[:1].isdigit())
            active = obj[:1].isdigit() or obj in _SMALL or obj in _DETERMINERS or obj in _ROLES or bound \
                or _low(toks, m - 1) in ("and", "or")
            if active and word not in _INTRANSITIVE:
                return None
            return _OUTCOMES[word]
    return None


def _bare(toks: list[_Tok], i: int, j: int, value: int, before: str | None) -> Quantity | None:
    """A number without a unit noun: "killing 12", "12 were killed"."""
    nxt = _low(toks, j)
    ends_phrase = j >= len(toks) or nxt in _BARE_FOLLOW or nxt in _AUX
    if before and ends_phrase:
        return Quantity(value, before)
    if before and _plural_noun_phrase(toks, j):
        return Quantity(value, before)  # "killing two herders", "wounding 14 Hazara pilgrims"
    if ends_phrase and _deployed(toks, i):
        return Quantity(value, "troops")
    k = j
    while _low(toks, k) in _AUX:
        k += 1
    word = _low(toks, k)
    if word in _OUTCOMES:
        return Quantity(value, _OUTCOMES[word])
    # "held" is an arrest only in the passive ("30 were held"), not "12 held talks".
    if word == "held" and k > j:
        return Quantity(value, "arrested")
    return None


def _plural_noun_phrase(toks: list[_Tok], j: int) -> bool:
    """Whether a short run of words ending in a plural noun follows the number ("two
    Kyrgyz herders,"): after an outcome verb it is the people the outcome befell."""
    for k in range(j, min(j + 3, len(toks))):
        word = toks[k].low
        if not word[:1].isalpha() or word in _STOP or word in _NOT_AFTER or word in _SMALL:
            return False
        nxt = _low(toks, k + 1)
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss") and (
                k + 1 >= len(toks) or nxt in _BARE_FOLLOW or nxt in _STOP):
            return True
    return False


def _deployed(toks: list[_Tok], i: int) -> bool:
    """Whether a deployment verb governs the number ("deployed some 3,000")."""
    for k in range(i - 1, max(i - 5, -1), -1):
        if toks[k].low in _DEPLOY_WORDS:
            return True
        if toks[k].low not in _SKIP_BACK:
            return False
    return False
