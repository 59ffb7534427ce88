"""The actor probes (tests/data/actor_probes*.jsonl): one sentence, one mention, its code.

The first set was written before the session-8 fixes, the second and third after their first
and second rounds, the fourth in session 10 (Gulf, Sahel, Caribbean, Central Asia, Pacific, Andes,
Balkans; companies, unions, parties, back-references), the fifth in session 11 (courts, police units,
unnamed officials, armed groups of every region, pronouns and "the two leaders" in two-sentence
stories), the sixth in session 16 (names that start with a country's word, newspapers and airlines
named after places, towns that share a foreign city's name, "the island's"/"the kingdom's",
name-first appositions, embassies' and ships' nations), the seventh in session 18 (role phrases
without a name, people by surname after the first mention, local places, coordinated demonyms,
ethnic and rebel groups, towns qualified by their state ("Moscow, Idaho"), newspapers and agencies,
regional blocs, sub-national officials, hackers named by their sponsor), the eighth in session 19
(ethnic groups of every region, local places, sub-national officials and namesake towns in new
names, dual nationals), the ninth in session 20 (Latin America, Central Asia, the Pacific, West and
Central Africa; rebels, gangs, police, courts, parliaments, companies, NGOs, role appositions,
pronouns after a dateline, capitals struck), the tenth in session 21 (the Pacific and the Middle East
first; unions, courts, communities, ships, parties, media, generic words, pronouns after a dateline);
each set's first run is kept beside it (``*_first_run.json``: 64.1%, 92.3%, 82.7%, 61.9%, 84.4%, 77.3%,
53.2%, 30.0%, 76.5% and 77.4% mention level).
The floors below guard today's figures; misses are printed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.errors import UsageError
from flashpoint.eval.actor_probes import Probe, event_hits, read_probes, resolve_probes, summarise

DATA = Path(__file__).resolve().parents[1] / "data"
SETS = ["actor_probes.jsonl", "actor_probes_second.jsonl", "actor_probes_third.jsonl", "actor_probes_fourth.jsonl",
        "actor_probes_fifth.jsonl", "actor_probes_sixth.jsonl", "actor_probes_seventh.jsonl",
        "actor_probes_eighth.jsonl", "actor_probes_ninth.jsonl", "actor_probes_tenth.jsonl"]
# The fifth set's back-references ("He", "The two leaders", "The ministry": 14 of 173) name their
# actor only through the story told before them, which the knowledge base alone does not see:
# its mention-level floor leaves them out, and its event level is what measures them.
# The sixth set's back-references and two-sentence "the island's navy" probes (11 of 128) likewise;
# its towns that share a foreign city's name need the story's country, which only its dateline
# gives ("Police in Tripoli" from Beirut), and the knowledge base alone has no gazetteer to ask.
# Its first run was 77.3% / 64.8%; the floors guard today's 85.9% / 70.3% (session 17), a little below.
# The seventh set's surname probes name their actor through the sentence before, and its local
# places and sub-national offices ("Police in Lahore", "the governor of Kano state") need the
# gazetteer, which only the coder asks: its mention level measures the knowledge base alone, its
# event level the rest. First run 53.2% / 62.4%, 63.1% / 70.2% at the end of session 18; the
# floors guard those, a little below.
# Session 19 gave the knowledge base the gazetteer for a local agent's place ("Police in
# Mombasa": actors/places.py), so the seventh set's mention level rose to 87.9% (event 71.6%).
# The eighth set's first run was 30.0% / 60.7%, 84.7% / 68.0% after session 19's rules; its
# dual nationals and namesakes told by the dateline need the story (event level).
# The ninth set (session 20: Latin America, Central Asia, the Pacific, West and Central Africa;
# pronouns after a dateline, generic "the government", capitals struck) had a first run of
# 76.5% / 90.6%; its pronouns and generic words need the story (event level).
# The tenth set (session 21: the Pacific and the Middle East first) had a first run of 77.4% / 75.3%
# (78.5% / 76.3% with its one amended expectation), 84.9% / 78.5% after session 21's rules; its six
# pronouns after a dateline and four generic words need the story (event level).
MENTION_FLOOR = {"actor_probes_fifth.jsonl": 0.89, "actor_probes_sixth.jsonl": 0.85, "actor_probes_seventh.jsonl": 0.86,
                 "actor_probes_eighth.jsonl": 0.83, "actor_probes_ninth.jsonl": 0.78,
                 "actor_probes_tenth.jsonl": 0.84}
EVENT_FLOOR = {"actor_probes_fifth.jsonl": 0.78, "actor_probes_sixth.jsonl": 0.69, "actor_probes_seventh.jsonl": 0.69,
               "actor_probes_eighth.jsonl": 0.66, "actor_probes_ninth.jsonl": 0.90,
               "actor_probes_tenth.jsonl": 0.77}
# The fifth set names its kinds by the institution (court, police, ministry ...) rather than "institution".
KINDS = {"actor_probes_fifth.jsonl": {"office", "ministry", "parliament", "court", "police", "armed", "unnamed",
                                      "demonym", "capital", "backref", "person"},
         "actor_probes_sixth.jsonl": {"office", "ministry", "parliament", "court", "police", "armed", "unnamed",
                                      "demonym", "capital", "backref", "person", "countryword", "placename",
                                      "namesake", "possessive", "apposition", "embassy", "ship"},
         "actor_probes_seventh.jsonl": {"role", "surname", "local", "coordinated", "ethnic", "namesake", "media", "bloc",
                                        "subnational", "hackers"},
         "actor_probes_eighth.jsonl": {"role", "local", "coordinated", "ethnic", "namesake", "media", "bloc",
                                       "subnational", "hackers", "dual"},
         "actor_probes_ninth.jsonl": {"role", "apposition", "pronoun", "dateline", "armed", "police", "court",
                                      "parliament", "company", "ngo", "unnamed", "demonymplace", "capital", "community",
                                      "generic", "officials", "unknown"},
         "actor_probes_tenth.jsonl": {"union", "court", "community", "ship", "party", "media", "generic", "pronoun",
                                      "dateline", "officials", "unknown", "ngo", "company", "embassy", "dual"}}
# The fourth set's misses are mentions the knowledge base alone cannot place ("his men",
# a name it does not know, "separatists in Transnistria"): the coder's part.


@pytest.fixture(scope="module", params=SETS)
def probe_file(request) -> Path:
    return DATA / request.param


@pytest.fixture(scope="module")
def probes(probe_file) -> list[Probe]:
    return read_probes(probe_file)


def test_probe_set_covers_every_kind_and_region(probes, probe_file):
    assert len(probes) >= 80
    assert {p.kind for p in probes} >= KINDS.get(probe_file.name, {"ellipsis", "metonym", "religious", "armed", "institution", "person"})
    assert {p.region for p in probes} >= {"africa", "americas", "asia", "europe", "middle_east"}
    assert len({p.id for p in probes}) == len(probes)


def test_mention_level_floor(kb, probes, probe_file):
    report = summarise(resolve_probes(kb, probes))
    first = json.loads(probe_file.with_name(probe_file.stem + "_first_run.json").read_text(encoding="utf-8"))
    assert first["probes"] == len(probes)
    assert report["mention_level"] > first["mention_level"]
    assert report["mention_level"] >= MENTION_FLOOR.get(probe_file.name, 0.97), report["misses"]


@pytest.mark.slow
def test_event_level_floor(probes, probe_file):
    hits = event_hits(probes)
    assert len(hits) == len(probes)
    assert sum(hits.values()) / len(probes) >= EVENT_FLOOR.get(probe_file.name, 0.55), sorted(k for k, v in hits.items() if not v)


def test_prefix_and_exact_expectations():
    p = Probe("x", "armed", "asia", None, "Hezbollah fired rockets.", "Hezbollah", "LBNREB*")
    assert p.accepts("LBNREBHEZ") and not p.accepts("LBNGOV") and not p.accepts(None)
    q = Probe("y", "metonym", "asia", None, "Seoul said.", "Seoul", "KORGOV")
    assert q.accepts("KORGOV") and not q.accepts("KORGOVX")


def test_bad_probe_file_is_refused(tmp_path):
    bad = tmp_path / "p.jsonl"
    bad.write_text(json.dumps({"id": "a", "kind": "k", "text": "Seoul said.", "mention": "Tokyo", "expect": "JPN"}) + "\n")
    with pytest.raises(UsageError, match="not in the text"):
        read_probes(bad)
    bad.write_text(json.dumps({"id": "a", "kind": "k", "text": "Seoul said.", "mention": "Seoul"}) + "\n")
    with pytest.raises(UsageError, match="missing expect"):
        read_probes(bad)
