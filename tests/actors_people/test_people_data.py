"""Checks on the people table of the actor knowledge base (actors/data/people.tsv).

The table says who held which office when, so a wrong date codes a leader
wrongly for years. The checks live in one function, :func:`find_problems`,
that turns the text of a table into a list of readable problems; the real
file must have none, and hand-made broken tables must each be caught.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

PEOPLE = Path(__file__).resolve().parents[2] / "src" / "flashpoint" / "actors" / "data" / "people.tsv"

HEADER = ("id", "name", "aliases", "country", "role", "start", "end")
ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "org_leader",
                   "leader", "opposition_leader", "rebel_leader", "legislator", "military_chief",
                   "intelligence_chief", "judge", "official", "religious_leader"})
# Roles several people hold at once in one country (party, opposition and rebel
# leaders, members of a legislature, judges, officials, chiefs of several
# services or forces).
SHARED_ROLES = frozenset({"leader", "opposition_leader", "rebel_leader", "legislator", "judge", "official",
                          "military_chief", "intelligence_chief", "religious_leader"})
# Roles held in an organisation (org id) rather than a state: its leaders, and
# members of its assembly (the European Parliament's president).
ORG_ROLES = frozenset({"org_leader", "legislator"})
# The day the table describes: an open term means "in office on this day".
AS_OF = date(2026, 11, 25)
EARLIEST = date(1945, 1, 1)

# ISO 3166-1 alpha-3 codes of every UN member and observer state, plus
# Taiwan (TWN) and Kosovo (XKX, the user-assigned code in common use).
ISO3 = frozenset(
    """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
    BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM
    ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN
    ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE
    LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL
    NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP
    SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON
    TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE PSE VAT TWN XKX
    """.split()
)
# Organisation ids as used in actors/data/organisations.yaml (ARL = Arab League;
# armed groups too: HAMAS, LTTE, PKK). Read with a regex, not the package loader,
# so that this check stays independent of the code it guards.
ORGANISATIONS = PEOPLE.with_name("organisations.yaml")
ORG_IDS = frozenset(re.findall(r"\borg: ([A-Z0-9+]+)", ORGANISATIONS.read_text(encoding="utf-8")))

# (country, role) pairs where two people legitimately hold the role at once.
# The EU has three leaders at the same time: the presidents of the European
# Commission and the European Council and the High Representative.
KNOWN_CO_HOLDINGS = {
    ("EU", "org_leader"): "Commission, European Council and High Representative overlap",
    ("UN", "org_leader"): "heads of UN bodies (UNHCR, OCHA, UNICEF, WFP, UNRWA, OHCHR) and special envoys beside the Secretary-General",
}

# Surnames shared by several office holders: as bare aliases they would tie a
# mention to the wrong person, so they must never appear alone.
AMBIGUOUS_SURNAMES = frozenset(
    s.casefold()
    for s in (
        "Johnson", "Kim", "Lee", "Khan", "Singh", "Li", "Wang", "Sharif", "Clinton", "Bush", "Kaczynski",
        "Kaczyński", "Hariri", "Aoun", "Salam", "Aliyev", "Rasmussen", "Zardari", "Koizumi", "Kabila",
        "Kirchner", "Fernandez", "Fernández", "Khamenei", "Rodriguez", "Rodríguez", "Park", "Chen", "Sargsyan", "Kallas", "Gandhi", "Bhutto",
        "Al Thani", "Al Nahyan", "Maiga", "Maïga", "Traore", "Traoré", "Mohamed", "Ahmed", "Hussein",
        "Abdullah", "Salman", "Niinisto", "Niinistö", "Santos", "Silva", "Costa", "Michel", "Martin", "Harris", "Smith", "Brown", "Jensen",
    )
)
# Bare aliases that are also everyday words, places or first names: matched
# case-insensitively in news text they would turn "the Hague" or "a gallant
# effort" into a politician.
WORD_ALIASES = frozenset(
    s.casefold()
    for s in (
        "Hague", "Austin", "Cleverly", "Borne", "Gallant", "Moon", "Muscat", "Odor", "Sharon", "Boris",
        "Saar", "May", "Rice", "Fox", "Brown", "Chase", "Hunt", "Grant", "Wong", "Marin", "Kern", "Miller",
    )
)
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _parse_date(text: str) -> date | None:
    """A strict YYYY-MM-DD date, or None when the text is anything else."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def find_problems(text: str) -> list[str]:
    """Every problem in a people table, one readable line each (empty = valid).

    Args:
        text: the whole file as text.

    Returns:
        Problems naming the line and what to fix.
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        return ["empty file: the first line must be the header " + "\t".join(HEADER)]
    if tuple(lines[0].split("\t")) != HEADER:
        return [f"line 1: header must be {'<TAB>'.join(HEADER)!r}, found {lines[0][:80]!r}"]
    problems: list[str] = []
    rows: list[tuple[int, str, str, tuple[str, ...], str, str, date, date | None]] = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(HEADER):
            problems.append(f"line {number}: {len(cells)} columns, expected {len(HEADER)}")
            continue
        if any(c != c.strip() for c in cells) or "\r" in line:
            problems.append(f"line {number}: stray whitespace around a cell")
            continue
        pid, name, aliases, country, role, start_text, end_text = cells
        if not SLUG.fullmatch(pid):
            problems.append(f"line {number}: id {pid[:40]!r} is not a lower-case ascii slug")
        if not name or any(ch in name for ch in "|<>{}\\"):
            problems.append(f"line {number}: name {name[:40]!r} is empty or holds markup characters")
        alias_list = tuple(aliases.split("|")) if aliases else ()
        if any(not a or a != a.strip() for a in alias_list):
            problems.append(f"line {number}: empty alias or stray spaces in {aliases[:60]!r}")
        if len({a.casefold() for a in alias_list}) != len(alias_list) or name.casefold() in {a.casefold() for a in alias_list}:
            problems.append(f"line {number}: an alias repeats the name or another alias")
        for marked in alias_list:
            alias = marked.removeprefix("~")
            if alias.casefold() in AMBIGUOUS_SURNAMES and not marked.startswith("~"):
                problems.append(f"line {number}: bare alias {alias!r} is shared by several office holders; use the full name, "
                                "or mark it '~' when all of them held office in one country")
            if alias.casefold() in WORD_ALIASES:
                problems.append(f"line {number}: bare alias {alias!r} is also a common word, place or first name")
        if country not in ISO3 and country not in ORG_IDS:
            problems.append(f"line {number}: country {country[:20]!r} is neither ISO 3166-1 alpha-3 nor a known org id")
        if role not in ROLES:
            problems.append(f"line {number}: role {role[:30]!r} must be one of {sorted(ROLES)}")
        elif (role == "org_leader" and country not in ORG_IDS) or (country in ORG_IDS and role not in ORG_ROLES):
            problems.append(f"line {number}: org_leader goes with an org id, and an org id only with {sorted(ORG_ROLES)}")
        start = _parse_date(start_text)
        end = _parse_date(end_text) if end_text else None
        if start is None or (end_text and end is None):
            problems.append(f"line {number}: dates must be YYYY-MM-DD (end may be empty), found {start_text[:12]!r}..{end_text[:12]!r}")
            continue
        if not EARLIEST <= start <= AS_OF or (end is not None and not start <= end <= AS_OF):
            problems.append(f"line {number}: term {start}..{end} is out of order or outside {EARLIEST}..{AS_OF}")
            continue
        rows.append((number, pid, name, alias_list, country, role, start, end))
    problems.extend(_identity_problems(rows))
    problems.extend(_overlap_problems(rows))
    problems.extend(_alias_problems(rows))
    problems.extend(_family_problems(rows))
    return problems


def _identity_problems(rows: list) -> list[str]:
    """One id per name and one name per id."""
    names_by_id: dict[str, set[str]] = defaultdict(set)
    ids_by_name: dict[str, set[str]] = defaultdict(set)
    for _, pid, name, *_ in rows:
        names_by_id[pid].add(name)
        ids_by_name[name].add(pid)
    out = [f"id {pid!r} has several names {sorted(names)}" for pid, names in names_by_id.items() if len(names) > 1]
    out += [f"name {name!r} has several ids {sorted(ids)}" for name, ids in ids_by_name.items() if len(ids) > 1]
    return out


def _overlap_problems(rows: list) -> list[str]:
    """Terms in one (country, role) must not overlap, except documented co-holdings."""
    by_office: dict[tuple[str, str], list] = defaultdict(list)
    for number, pid, _, _, country, role, start, end in rows:
        if role in SHARED_ROLES:
            continue
        by_office[(country, role)].append((start, end or date.max, pid, number))
    out = []
    for office, terms in by_office.items():
        terms.sort()
        for i, (start, end, pid, number) in enumerate(terms):
            for other_start, _, other_pid, other_number in terms[i + 1 :]:
                if other_start >= end:
                    break
                if pid != other_pid and office in KNOWN_CO_HOLDINGS:
                    continue
                out.append(f"lines {number} and {other_number}: {pid} and {other_pid} overlap as {office}")
    return out


def _alias_problems(rows: list) -> list[str]:
    """No alias or name may point at two people in the same (country, role)."""
    owners: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for _, pid, name, aliases, country, role, *_ in rows:
        for label in (name, *(a for a in aliases if not a.startswith("~"))):
            owners[(country, role, label.casefold())].add(pid)
    return [f"{label!r} names several people as {country} {role}: {sorted(ids)}" for (country, role, label), ids in owners.items() if len(ids) > 1]


def _family_problems(rows: list) -> list[str]:
    """An alias shared on purpose ("~Bush", "~Gandhi") names a family of office holders
    of one country: the resolver falls back to that country when none is in office."""
    countries: dict[str, set[str]] = defaultdict(set)
    people: dict[str, set[str]] = defaultdict(set)
    for _, pid, _, aliases, country, *_ in rows:
        for alias in aliases:
            if alias.startswith("~"):
                people[alias.casefold()].add(pid)
    for _, pid, _, aliases, country, *_ in rows:
        for label, ids in people.items():
            if pid in ids:
                countries[label].add(country)
    return [f"shared alias {label!r} names people of several countries or organisations {sorted(c)}: {sorted(people[label])}"
            for label, c in countries.items() if len(c) > 1]


def _rows() -> list[list[str]]:
    return [line.split("\t") for line in PEOPLE.read_text(encoding="utf-8").splitlines()[1:]]


def _terms(pid: str, country: str, role: str) -> list[tuple[str, str]]:
    return [(r[5], r[6]) for r in _rows() if r[0] == pid and r[3] == country and r[4] == role]


# --- the real file -----------------------------------------------------------


def test_file_is_utf8_with_the_header() -> None:
    raw = PEOPLE.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "remove the UTF-8 byte-order mark"
    assert raw.decode("utf-8").split("\n", 1)[0] == "\t".join(HEADER)
    assert raw.endswith(b"\n") and not raw.endswith(b"\n\n")


def test_file_has_no_problems() -> None:
    problems = find_problems(PEOPLE.read_text(encoding="utf-8"))
    assert problems == [], "\n".join(problems[:50])


def test_boris_johnson_terms() -> None:
    assert _terms("boris-johnson", "GBR", "head_of_government") == [("2019-07-24", "2022-09-06")]
    assert _terms("boris-johnson", "GBR", "foreign_minister") == [("2016-07-13", "2018-07-09")]


def test_lukashenko_is_open_ended_head_of_state() -> None:
    assert _terms("alexander-lukashenko", "BLR", "head_of_state") == [("1994-07-20", "")]
    aliases = next(r[2] for r in _rows() if r[0] == "alexander-lukashenko").split("|")
    assert {"Lukashenko", "Alyaksandr Lukashenka"} <= set(aliases)


@pytest.mark.parametrize(
    ("pid", "country", "role", "start", "end"),
    [
        ("angela-merkel", "DEU", "head_of_government", "2005-11-22", "2021-12-08"),
        ("volodymyr-zelensky", "UKR", "head_of_state", "2019-05-20", ""),
        ("barack-obama", "USA", "head_of_state", "2009-01-20", "2017-01-20"),
        ("sergey-lavrov", "RUS", "foreign_minister", "2004-03-09", ""),
        ("liz-truss", "GBR", "head_of_government", "2022-09-06", "2022-10-25"),
        ("jens-stoltenberg", "NATO", "org_leader", "2014-10-01", "2024-10-01"),
        ("boris-yeltsin", "RUS", "head_of_state", "1991-12-25", "1999-12-31"),
        ("mikhail-gorbachev", "RUS", "head_of_state", "1985-03-11", "1991-12-25"),
        ("slobodan-milosevic", "SRB", "head_of_state", "1989-05-08", "2000-10-07"),
        ("yasser-arafat", "PSE", "head_of_state", "1994-07-05", "2004-11-11"),
        ("margaret-thatcher", "GBR", "head_of_government", "1979-05-04", "1990-11-28"),
        ("helmut-kohl", "DEU", "head_of_government", "1982-10-01", "1998-10-27"),
    ],
)
def test_well_known_terms(pid: str, country: str, role: str, start: str, end: str) -> None:
    assert (start, end) in _terms(pid, country, role)


# Countries whose heads of state and government news mentions most; each must
# have someone in office in those roles today (an empty end date).
COVERED = (
    "USA GBR FRA DEU RUS CHN JPN IND BRA ARG ITA CAN AUS KOR PRK TWN TUR SAU MEX IDN PHL ISR IRN IRQ SYR LBN "
    "EGY ARE QAT YEM AFG PAK BGD MMR UKR BLR POL EST LVA LTU AUT BEL BGR HRV CYP CZE DNK FIN GRC HUN IRL "
    "LUX MLT NLD PRT ROU SVK SVN ESP SWE VEN COL NGA ETH SDN SOM KEN COD MLI BFA NER LBY ZAF ARM AZE GEO "
    "SRB XKX"
).split()


# Countries where a fixed term ended in 2026 and the successor is not yet in
# the table: they are covered up to that day but have no open term.
SUCCESSOR_PENDING = frozenset({"COL"})


@pytest.mark.parametrize("country", COVERED)
def test_country_is_covered(country: str) -> None:
    roles = {r[4] for r in _rows() if r[3] == country}
    assert {"head_of_state", "head_of_government"} <= roles, roles


@pytest.mark.parametrize("country", sorted(set(COVERED) - SUCCESSOR_PENDING))
def test_country_has_a_current_leader(country: str) -> None:
    current = {r[4] for r in _rows() if r[3] == country and r[6] == "" and r[4] in {"head_of_state", "head_of_government"}}
    assert current, f"{country} has no head of state or government in office on {AS_OF}"


def test_org_leaders_are_current() -> None:
    current = {r[3] for r in _rows() if r[4] == "org_leader" and r[6] == ""}
    assert {"UN", "NATO", "EU", "AU", "IAEA", "WHO"} <= current


# --- the checker against broken tables ----------------------------------------

GOOD = "\t".join(HEADER) + "\n" + "jane-doe\tJane Doe\tDoe\tFRA\thead_of_state\t2001-01-01\t2002-01-01\n"


def _with(*lines: str) -> str:
    return "\t".join(HEADER) + "\n" + "".join(line + "\n" for line in lines)


def test_checker_accepts_a_small_valid_table() -> None:
    assert find_problems(GOOD) == []


def test_checker_accepts_a_family_of_one_country_and_concurrent_leaders() -> None:
    text = _with("jane-doe\tJane Doe\t~Doe\tFRA\thead_of_state\t2001-01-01\t2002-01-01",
                 "john-doe\tJohn Doe\t~Doe\tFRA\thead_of_state\t2003-01-01\t",
                 "ann-roe\tAnn Roe\t\tFRA\topposition_leader\t2001-01-01\t",
                 "bob-roe\tBob Roe\t\tFRA\topposition_leader\t2001-01-01\t")
    assert find_problems(text) == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "empty file"),
        ("\n", "header"),
        ("id,name,aliases,country,role,start,end\n", "header"),
        (_with("jane-doe\tJane Doe"), "columns"),
        (_with("jane-doe\tJane Doe\t\tFRA\thead_of_state\t2001-01-01\t2002-01-01\textra"), "columns"),
        (_with("Jane Doe\tJane Doe\t\tFRA\thead_of_state\t2001-01-01\t"), "slug"),
        (_with("jane-doe\tJane Doe\t\tFRANCE\thead_of_state\t2001-01-01\t"), "alpha-3"),
        (_with("jane-doe\tJane Doe\t\tFRA\tking\t2001-01-01\t"), "role"),
        (_with("jane-doe\tJane Doe\t\tFRA\torg_leader\t2001-01-01\t"), "org_leader"),
        (_with("jane-doe\tJane Doe\t\tFRA\thead_of_state\t01/02/2001\t"), "YYYY-MM-DD"),
        (_with("jane-doe\tJane Doe\t\tFRA\thead_of_state\t2001-02-30\t"), "YYYY-MM-DD"),
        (_with("jane-doe\tJane Doe\t\tFRA\thead_of_state\t2005-01-01\t2001-01-01"), "out of order"),
        (_with("jane-doe\tJane Doe\t\tFRA\thead_of_state\t2001-01-01\t2099-01-01"), "out of order"),
        (_with("jane-doe\tJane Doe\tDoe||J. Doe\tFRA\thead_of_state\t2001-01-01\t"), "empty alias"),
        (_with("jane-doe\tJane Doe\tJane Doe\tFRA\thead_of_state\t2001-01-01\t"), "repeats"),
        (_with("jane-doe\tJane Doe\tKim\tFRA\thead_of_state\t2001-01-01\t"), "bare alias"),
        (_with("jane-doe\tJane Doe\tHague\tFRA\thead_of_state\t2001-01-01\t"), "common word"),
        (_with("jane-doe\t Jane Doe\t\tFRA\thead_of_state\t2001-01-01\t"), "whitespace"),
        (
            _with(
                "jane-doe\tJane Doe\t\tFRA\thead_of_state\t2001-01-01\t2005-01-01",
                "john-roe\tJohn Roe\t\tFRA\thead_of_state\t2004-01-01\t",
            ),
            "overlap",
        ),
        (
            _with(
                "jane-doe\tJane Doe\tDoe\tFRA\tforeign_minister\t2001-01-01\t2002-01-01",
                "john-doe\tJohn Doe\tDoe\tFRA\tforeign_minister\t2003-01-01\t",
            ),
            "names several people",
        ),
        (
            _with(
                "jane-doe\tJane Doe\t\tFRA\thead_of_state\t2001-01-01\t2002-01-01",
                "jane-doe\tJane Q. Doe\t\tFRA\tforeign_minister\t2003-01-01\t",
            ),
            "several names",
        ),
        (_with("x\t<script>alert(1)</script>\t\tFRA\thead_of_state\t2001-01-01\t"), "markup"),
        (_with("jane-doe\tJane Doe\t\t../../etc\thead_of_state\t2001-01-01\t"), "alpha-3"),
        (_with("jane-doe\tJane Doe\t~Doe\tFRA\thead_of_state\t2001-01-01\t2002-01-01",
               "john-doe\tJohn Doe\t~Doe\tBEL\thead_of_state\t2003-01-01\t"), "several countries"),
        (_with("jane-doe\tJane Doe\tKim\tFRA\thead_of_state\t2001-01-01\t"), "mark it '~'"),
        (_with("jane-doe\tJane Doe\t\tFRA\thead_of_state\t" + "9" * 10_000 + "\t"), "YYYY-MM-DD"),
        ("\x00\x01garbage\t\n\t\t\t", "header"),
    ],
)
def test_checker_catches(text: str, needle: str) -> None:
    problems = find_problems(text)
    assert any(needle in p for p in problems), problems


def test_checker_allows_documented_co_holding() -> None:
    table = _with(
        "ann-a\tAnn A\t\tEU\torg_leader\t2010-01-01\t",
        "bob-b\tBob B\t\tEU\torg_leader\t2012-01-01\t",
    )
    assert find_problems(table) == []


def test_checker_handles_a_huge_table() -> None:
    # 20,000 one-day terms of different people in one office: valid and quick.
    BASE = date(1950, 1, 1).toordinal()
    lines = [f"p-{i}\tPerson {i}\t\tFRA\tdefence_minister\t{date.fromordinal(BASE + i)}\t{date.fromordinal(BASE + i)}" for i in range(20_000)]
    assert find_problems(_with(*lines)) == []
