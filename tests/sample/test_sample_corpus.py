"""Checks that the bundled sample corpus and the merge fixture are well-formed.

Both files are hand-written data that other tests and the docs rely on: the
sample corpus feeds the golden test (its README is the expected key) and the
merge fixture tells the cross-article merge which articles report the same
real-world event. A small strict validator lives here; it is run on the real
files and on empty, malformed, huge and hostile input so that it cannot pass
a broken file by accident.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "data" / "merge_fixture.jsonl"
EVALDATA = REPO / ".." / "shared" / "evaldata"

CORPUS_KEYS = {"id", "title", "date", "outlet", "url", "text"}
FIXTURE_KEYS = {"id", "outlet", "date", "url", "title", "text", "cluster", "event"}
EVENT_KEYS = {"source", "target", "root", "date", "location"}
CRISES = {"border", "coup", "protest", "war", "summit"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MAX_LINE = 100_000  # characters; a real article line is a few thousand at most

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MARKUP = re.compile(r"<[a-zA-Z/!][^>]*>")
_ACTOR = re.compile(r"^[A-Z]{2,6}$")


# --------------------------------------------------------------------------- validator


def _reject_constant(name: str) -> float:
    raise ValueError(f"non-standard JSON constant {name}; write a number or a string")


def parse_jsonl(text: str) -> list[dict[str, Any]]:
    """Parse JSON Lines strictly: one object per non-blank line.

    Raises:
        ValueError: naming the line that is empty, too long, not JSON or not an object.
    """
    if not text.strip():
        raise ValueError("file is empty; expected one JSON object per line")
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if len(line) > MAX_LINE:
            raise ValueError(f"line {number} has {len(line)} characters; split or shorten it")
        try:
            value = json.loads(line, parse_constant=_reject_constant)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {number} is not valid JSON: {exc.msg}") from exc
        if not isinstance(value, dict):
            raise ValueError(f"line {number} is a {type(value).__name__}; expected an object")
        records.append(value)
    return records


def _iso(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _text_problems(rec: dict[str, Any], lo: int, hi: int) -> list[str]:
    problems = []
    for key in ("title", "outlet", "text"):
        value = rec.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{key} must be a non-empty string")
        elif _CONTROL.search(value) or _MARKUP.search(value):
            problems.append(f"{key} holds control characters or markup; write plain text")
    text = rec.get("text")
    if isinstance(text, str):
        words = len(text.split())
        if not lo <= words <= hi:
            problems.append(f"text has {words} words; keep it within {lo}-{hi}")
        title = rec.get("title")
        if isinstance(title, str) and title and text.startswith(title):
            problems.append("text starts with the title; the text is the body only")
    if _iso(rec.get("date")) is None:
        problems.append(f"date {rec.get('date')!r} is not an ISO date YYYY-MM-DD")
    url = rec.get("url")
    parts = urlsplit(url) if isinstance(url, str) else None
    host = (parts.hostname or "") if parts else ""
    # Reserved names only (RFC 2606), so no sample URL ever points at a real site.
    if not parts or parts.scheme != "https" or not (host == "example.org" or host.endswith(".example")):
        problems.append(f"url {url!r} must be an https URL on example.org or a .example host")
    return problems


def corpus_problems(rec: dict[str, Any]) -> list[str]:
    """Return what is wrong with one sample-corpus record (empty when fine)."""
    problems = []
    if set(rec) != CORPUS_KEYS:
        problems.append(f"keys {sorted(rec)} differ from {sorted(CORPUS_KEYS)}")
    if not isinstance(rec.get("id"), str) or not re.fullmatch(r"sample-\d{2}", rec["id"]):
        problems.append(f"id {rec.get('id')!r} must look like sample-01")
    return problems + _text_problems(rec, 120, 300)


def fixture_problems(rec: dict[str, Any]) -> list[str]:
    """Return what is wrong with one merge-fixture record (empty when fine)."""
    problems = []
    if not FIXTURE_KEYS <= set(rec) <= FIXTURE_KEYS | {"near"}:
        problems.append(f"keys {sorted(rec)} differ from {sorted(FIXTURE_KEYS)} (+ optional near)")
    if not isinstance(rec.get("id"), str) or not re.fullmatch(r"m-\d{2,3}", rec["id"]):
        problems.append(f"id {rec.get('id')!r} must look like m-01")
    cluster = rec.get("cluster")
    if not isinstance(cluster, str) or not re.fullmatch(r"[ED]\d{2}", cluster):
        problems.append(f"cluster {cluster!r} must be E01.. (event) or D01.. (distractor)")
    elif cluster.startswith("D") != ("near" in rec):
        problems.append("distractors (D..) and only they carry `near`, the cluster they imitate")
    event = rec.get("event")
    if not isinstance(event, dict) or set(event) != EVENT_KEYS:
        problems.append(f"event must be an object with keys {sorted(EVENT_KEYS)}")
    else:
        for side in ("source", "target"):
            if not isinstance(event[side], str) or not _ACTOR.match(event[side]):
                problems.append(f"event {side} {event[side]!r} must be an ISO alpha-3 or org id")
        root = event["root"]
        if not isinstance(root, str) or not re.fullmatch(r"\d{2}", root) or not 1 <= int(root) <= 20:
            problems.append(f"event root {root!r} must be a CAMEO root 01-20")
        if _iso(event["date"]) is None:
            problems.append(f"event date {event['date']!r} is not an ISO date")
        if not isinstance(event["location"], str) or not event["location"].strip():
            problems.append("event location must name a place")
    return problems + _text_problems(rec, 40, 120)


# --------------------------------------------------------------------------- loading


def _load(text: str, check: Any) -> list[dict[str, Any]]:
    records = parse_jsonl(text)
    bad = {rec.get("id", i): p for i, rec in enumerate(records) if (p := check(rec))}
    assert not bad, bad
    return records


@pytest.fixture(scope="module")
def corpus() -> list[dict[str, Any]]:
    # Read through importlib.resources so the test fails if packaging drops the file.
    source = resources.files("flashpoint") / "data" / "sample" / "corpus.jsonl"
    return _load(source.read_text(encoding="utf-8"), corpus_problems)


@pytest.fixture(scope="module")
def key() -> dict[str, dict[str, Any]]:
    """The hand coding in the sample README: id -> crisis, date and coded events."""
    readme = resources.files("flashpoint") / "data" / "sample" / "README.md"
    sections: dict[str, dict[str, Any]] = {}
    current: dict[str, Any] | None = None
    for line in readme.read_text(encoding="utf-8").splitlines():
        head = re.match(r"### (sample-\d{2}) · (\S+) · (\w+)$", line)
        if head:
            current = {"date": head[2], "crisis": head[3], "events": []}
            sections[head[1]] = current
            continue
        row = re.match(r"\| ([A-Z]+) \| ([A-Z]+) \| (\d{2}) \| (key|also) \| (.+) \|$", line)
        if row and current is not None:
            current["events"].append(row.groups())
    return sections


@pytest.fixture(scope="module")
def fixture() -> list[dict[str, Any]]:
    return _load(FIXTURE.read_text(encoding="utf-8"), fixture_problems)


# --------------------------------------------------------------------------- sample corpus


def test_corpus_size_and_unique_ids(corpus: list[dict[str, Any]]) -> None:
    assert len(corpus) >= 24
    ids = [rec["id"] for rec in corpus]
    assert len(set(ids)) == len(ids)
    assert len({rec["url"] for rec in corpus}) == len(corpus)


def test_corpus_matches_readme_key(corpus: list[dict[str, Any]], key: dict[str, dict[str, Any]]) -> None:
    assert set(key) == {rec["id"] for rec in corpus}
    for rec in corpus:
        section = key[rec["id"]]
        assert section["date"] == rec["date"], rec["id"]
        assert section["crisis"] in CRISES, rec["id"]
        main = [e for e in section["events"] if e[3] == "key"]
        assert 3 <= len(main) <= 6, f"{rec['id']} has {len(main)} key events; keep 3-6"


def test_corpus_covers_crises_over_weeks(corpus: list[dict[str, Any]], key: dict[str, dict[str, Any]]) -> None:
    dates: dict[str, list[dt.date]] = defaultdict(list)
    for rec in corpus:
        dates[key[rec["id"]]["crisis"]].append(dt.date.fromisoformat(rec["date"]))
    assert set(dates) == CRISES
    for crisis, days in dates.items():
        assert len(days) >= 4, crisis
        # A time series needs the articles spread out, not all on one day.
        assert (max(days) - min(days)).days >= 14, crisis
        assert len(set(days)) >= 4, crisis


def test_corpus_covers_cameo_roots(key: dict[str, dict[str, Any]]) -> None:
    roots = {e[2] for section in key.values() for e in section["events"] if e[3] == "key"}
    assert len(roots) >= 14, sorted(roots)


def test_corpus_has_wire_features(corpus: list[dict[str, Any]]) -> None:
    texts = " ".join(rec["text"] for rec in corpus)
    assert texts.count(" said") >= 40  # reported speech
    assert re.search(r"\b(was|were) (detained|arrested|killed|injured)\b", texts)  # passives
    assert re.search(r"\b(not|denied|refused|rejected)\b", texts)  # negation
    assert re.search(r"\bwould (leave|send|provide|deliver)\b", texts)  # future intent
    assert len(re.findall(r"\b\d[\d,]*\b", texts)) >= 30  # numbers


# --------------------------------------------------------------------------- merge fixture


def test_fixture_size_ids_outlets(fixture: list[dict[str, Any]]) -> None:
    assert len(fixture) >= 44
    ids = [rec["id"] for rec in fixture]
    assert len(set(ids)) == len(ids)
    assert len({rec["url"] for rec in fixture}) == len(fixture)
    assert len({rec["outlet"] for rec in fixture}) >= 6


def test_fixture_clusters(fixture: list[dict[str, Any]]) -> None:
    by_cluster: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in fixture:
        by_cluster[rec["cluster"]].append(rec)
    events = {c: recs for c, recs in by_cluster.items() if c.startswith("E")}
    distractors = {c: recs for c, recs in by_cluster.items() if c.startswith("D")}
    assert len(events) >= 12
    assert 4 <= len(distractors) <= 6
    for cluster, recs in events.items():
        assert 3 <= len(recs) <= 5, cluster
        assert len({json.dumps(r["event"], sort_keys=True) for r in recs}) == 1, f"{cluster} disagrees on its event"
        assert len({r["outlet"] for r in recs}) == len(recs), f"{cluster} repeats an outlet"
    for cluster, recs in distractors.items():
        assert len(recs) == 1, cluster


def test_fixture_publication_lag(fixture: list[dict[str, Any]]) -> None:
    for rec in fixture:
        lag = (dt.date.fromisoformat(rec["date"]) - dt.date.fromisoformat(rec["event"]["date"])).days
        assert 0 <= lag <= 2, f"{rec['id']} is published {lag} days after its event"


def test_fixture_relative_dates_resolve(fixture: list[dict[str, Any]]) -> None:
    # The merge must resolve "yesterday" and weekday names; the fixture must be right about them.
    for rec in fixture:
        event_day = dt.date.fromisoformat(rec["event"]["date"])
        published = dt.date.fromisoformat(rec["date"])
        if re.search(r"\byesterday\b", rec["text"], re.IGNORECASE):
            assert published - event_day == dt.timedelta(days=1), rec["id"]
        elif any(day in rec["text"] for day in WEEKDAYS):
            assert WEEKDAYS[event_day.weekday()] in rec["text"], rec["id"]


def test_fixture_distractors_are_near_misses(fixture: list[dict[str, Any]]) -> None:
    events = {rec["cluster"]: rec["event"] for rec in fixture if rec["cluster"].startswith("E")}
    kinds = set()
    for rec in fixture:
        if not rec["cluster"].startswith("D"):
            continue
        near, own = events[rec["near"]], rec["event"]
        same_dyad = (near["source"], near["target"]) == (own["source"], own["target"])
        same_day = near["date"] == own["date"]
        assert same_dyad or same_day, f"{rec['id']} is not close enough to {rec['near']} to tempt a merge"
        assert not (same_dyad and same_day and near["root"] == own["root"]), f"{rec['id']} duplicates {rec['near']}"
        kinds.add("dyad" if same_dyad else "day")
    assert kinds == {"dyad", "day"}


def test_fixture_has_wire_copies(fixture: list[dict[str, Any]]) -> None:
    texts = Counter(rec["text"] for rec in fixture)
    copies = [text for text, n in texts.items() if n >= 2]
    assert len(copies) >= 2, "need at least two exact wire copies"
    for text in copies:
        recs = [r for r in fixture if r["text"] == text]
        assert len({r["outlet"] for r in recs}) == len(recs)
        assert len({r["cluster"] for r in recs}) == 1
    near_copies = [
        (a["id"], b["id"])
        for a in fixture
        for b in fixture
        if a is not b
        and b["text"].startswith(a["text"])
        and len(b["text"]) > len(a["text"])
        and a["title"] != b["title"]
    ]
    assert near_copies, "need a near-copy: wire text with another headline and one more sentence"


# --------------------------------------------------------------------------- validator on bad input


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("  \n\n\t\n", "empty"),
        ('{"id": "sample-01"', "not valid JSON"),
        ("[1, 2, 3]", "expected an object"),
        ('"just a string"', "expected an object"),
        ('{"id": NaN}', "non-standard JSON constant"),
        ('{"text": "' + "x " * 60_000 + '"}', "characters"),
    ],
)
def test_parse_rejects_bad_files(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_jsonl(text)


def _good_corpus_record() -> dict[str, Any]:
    return {
        "id": "sample-99",
        "title": "A title",
        "date": "2022-03-01",
        "outlet": "Meridian Wire",
        "url": "https://example.org/x/y",
        "text": " ".join(["word"] * 150),
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": "../../etc/passwd"}, "id"),
        ({"date": "2021-02-30"}, "ISO date"),
        ({"date": "1 March 2022"}, "ISO date"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"url": "https://www.reuters.com/world/x"}, "url"),
        ({"text": "too short"}, "words"),
        ({"text": " ".join(["word"] * 5000)}, "words"),
        ({"text": "<script>alert(1)</script> " + " ".join(["word"] * 150)}, "markup"),
        ({"title": "bell\x07"}, "control"),
        ({"title": None}, "title"),
        ({"extra": 1}, "keys"),
        ({"text": "A title " + " ".join(["word"] * 150)}, "body only"),
    ],
)
def test_corpus_validator_flags_hostile_records(change: dict[str, Any], message: str) -> None:
    problems = corpus_problems(_good_corpus_record() | change)
    assert any(message in p for p in problems), problems


def test_fixture_validator_flags_bad_events() -> None:
    rec = _good_corpus_record() | {"id": "m-99", "cluster": "E01", "text": " ".join(["w"] * 50)}
    rec["event"] = {"source": "rus; drop table", "target": "UKR", "root": "21", "date": "yesterday", "location": ""}
    problems = " ".join(fixture_problems(rec))
    for part in ("source", "root", "event date", "location"):
        assert part in problems
    assert "near" in " ".join(fixture_problems(rec | {"cluster": "D01", "event": {}}))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_parse_never_crashes_on_arbitrary_text(text: str) -> None:
    try:
        records = parse_jsonl(text)
    except ValueError:
        return
    assert all(isinstance(rec, dict) for rec in records)


# --------------------------------------------------------------------------- own words


def _shingles(text: str, n: int = 9) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.slow
def test_no_sentences_taken_from_gold_data(corpus: list[dict[str, Any]], fixture: list[dict[str, Any]]) -> None:
    """No run of nine words in our texts may appear in the third-party gold data."""
    if not EVALDATA.is_dir():
        pytest.skip(f"gold data not found at {EVALDATA}; this check needs the shared checkout")
    ours: set[tuple[str, ...]] = set()
    for rec in [*corpus, *fixture]:
        ours |= _shingles(rec["text"])
    hits = []
    for path in sorted(p for p in EVALDATA.rglob("*") if p.is_file()):
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if ours & _shingles(line):
                    hits.append(path.name)
                    break
    assert not hits, f"texts share nine-word runs with {hits}; rewrite them in your own words"


@pytest.mark.parametrize("code, side", [
    ("POLGOV", "POL"), ("LKACVL", "LKA"), ("ECOWAS", "ECOWAS"), ("UNHCR", "UNHCR"), ("NATO", "NATO"), ("USA", "USA"),
])
def test_key_event_side_reads_organisations_and_country_roles(code: str, side: str) -> None:
    from flashpoint.sample import KeyEvent

    assert KeyEvent.side(code) == side


def test_key_recall_counts_a_rights_group_as_ngo() -> None:
    from flashpoint.eval.project import sample_key_recall
    from flashpoint.sample import hand_coding
    from flashpoint.types import Actor

    key = next(k for k in hand_coding() if k.tier == "key" and k.source == "NGO")
    group = Actor("Amnesty", "Amnesty", "GBR", None, "NGO", "GBRNGO")
    government = Actor("it", "Government", key.target[:3], None, "GOV", key.target)

    class Found:  # the two fields the scorer reads besides the actors
        source, target, cameo_root = group, government, key.root

    _, missed = sample_key_recall({key.doc_id: [Found()]})
    assert key not in missed
    Found.source = Actor("Amnesty", "Amnesty", "GBR", None, "BUS", "GBRBUS")
    _, missed = sample_key_recall({key.doc_id: [Found()]})
    assert key in missed
