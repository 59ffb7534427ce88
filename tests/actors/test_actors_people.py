"""People: country and sector follow the office held on the date."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("when", "country", "sector"), [
    ("2015-01-01", "GBR", None),         # before any national office
    ("2016-07-13", "GBR", "GOV"),        # first day as foreign secretary
    ("2017-06-01", "GBR", "GOV"),
    ("2018-07-09", "GBR", "ELI"),        # the end date is the first day out of office
    ("2019-01-01", "GBR", "ELI"),        # between offices
    ("2019-07-24", "GBR", "GOV"),        # prime minister
    ("2022-09-05", "GBR", "GOV"),
    ("2022-09-06", "GBR", "ELI"),        # after his term
    ("2024-01-01", "GBR", "ELI"),
])
def test_boris_johnson_by_date(kb_people, when, country, sector):
    actor = kb_people.resolve("Boris Johnson", when=when).actor
    assert (actor.name, actor.country, actor.sector) == ("Boris Johnson", country, sector)


def test_no_date_uses_latest_office(kb_people):
    res = kb_people.resolve("Boris Johnson")
    assert (res.actor.country, res.actor.sector) == ("GBR", "GOV")
    assert "head_of_government" in res.why


def test_lukashenko(kb_people):
    for phrase in ("Lukashenko", "Alexander Lukashenko", "President Lukashenko", "Belarusian leader Alexander Lukashenko"):
        actor = kb_people.resolve(phrase, when="2021-11-12").actor
        assert (actor.country, actor.sector, actor.code) == ("BLR", "GOV", "BLRGOV"), phrase


def test_person_as_owner(kb_people):
    res = kb_people.resolve("Lukashenko's government", when="2021-11-12")
    assert (res.actor.country, res.actor.sector) == ("BLR", "GOV")
    assert "person:alexander-lukashenko" in res.entry_ids


def test_org_leader(kb_people):
    nato = kb_people.resolve("Jens Stoltenberg", when="2021-11-12").actor
    assert (nato.org, nato.country, nato.code) == ("NATO", None, "IGOWSTNAT")
    norway = kb_people.resolve("Jens Stoltenberg", when="2010-01-01").actor
    assert (norway.country, norway.sector) == ("NOR", "GOV")
    former = kb_people.resolve("Stoltenberg", when="2025-01-01").actor
    assert former.sector == "ELI"


def test_defence_minister_is_mil(kb_people):
    assert kb_people.resolve("Sergei Shoigu", when="2021-11-12").actor.code == "RUSMIL"
    assert kb_people.resolve("Shoigu", when="2025-01-01").actor.sector == "ELI"


def test_user_file_overrides_package_person(kb, kb_people):
    assert kb_people.entries["person:boris-johnson"].source.endswith(".tsv:3")
    assert len(kb_people.entries) == len(kb.entries) + sum(
        1 for i in ("person:jens-stoltenberg", "person:sergei-shoigu") if i not in kb.entries)


def test_shared_surname_follows_office(tmp_path):
    """Two people with one surname: the date decides, else nothing is picked."""
    path = tmp_path / "twins.tsv"
    path.write_text("id\tname\taliases\tcountry\trole\tstart\tend\n"
                    "ann-zed\tAnn Zed\tZed\tPOL\tforeign_minister\t2001-01-01\t2005-01-01\n"
                    "bob-zed\tBob Zed\tZed\tCZE\tforeign_minister\t2010-01-01\t2015-01-01\n", encoding="utf-8")
    from flashpoint.actors import KnowledgeBase

    kb = KnowledgeBase.load([path])
    assert any("'zed'" in c for c in kb.collisions)
    assert kb.resolve("Zed", when="2003-01-01").actor.country == "POL"
    assert kb.resolve("Zed", when="2012-01-01").actor.country == "CZE"
    assert kb.resolve("Zed", when="2008-01-01") is None
    assert kb.resolve("Zed") is None
    assert kb.resolve("Bob Zed").actor.country == "CZE"
