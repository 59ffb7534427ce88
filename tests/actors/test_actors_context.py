"""Aliases that name an actor only in a story about certain countries ("the North"),
seats that stand for an organisation ("Brussels"), and religious leaders (REL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.actors import KnowledgeBase
from flashpoint.errors import DataFileError
from flashpoint.lookup_memo import LookupMemo

WHEN = "2025-05-08"


@pytest.mark.parametrize("phrase, context, code", [
    # Korea: "the North" and "the South" in a story about either Korea
    ("the North", "KOR", "PRK"),
    ("the North", "PRK", "PRK"),
    ("The North's military", "KOR", "PRKMIL"),
    ("the South", "PRK", "KOR"),
    ("the South's defence ministry", "KOR", "KORMIL"),
    ("the mainland", "TWN", "CHN"),
    # the same alias for two services, told apart by the story's country
    ("the NIS", "KOR", "KORSPY"),
    ("the NIS", "KEN", "KENSPY"),
    ("the SAF", "SDN", "SDNMIL"),
    ("the ADF", "AUS", "AUSMIL"),
    ("the ADF", "COD", "CODREBADF"),
    ("the GNU", "LBY", "LBYGOV"),
    ("the GNU", "ZAF", "ZAFGOV"),
    ("the PA", "ISR", "PSEGOV"),
])
def test_alias_in_its_story(kb, phrase, context, code):
    assert kb.resolve(phrase, WHEN, context).actor.code == code


@pytest.mark.parametrize("phrase, context", [
    ("the North", None),
    ("the North", "GBR"),   # the North of England
    ("the South", "USA"),   # the American South
    ("the mainland", "GRC"),
    ("the NIS", None),
    ("the ADF", None),
    ("the PA", "GBR"),   # the Press Association
    ("a PDF", "USA"),
])
def test_alias_out_of_its_story_names_no_country(kb, phrase, context):
    res = kb.resolve(phrase, WHEN, context)
    assert res is not None and res.actor.country is None and res.actor.org is None
    assert "only in stories about certain countries" in res.why


def test_out_of_context_answer_is_asked_again_with_a_context(kb):
    # The coder asks bare first; the memo must not reuse "no country" for the context question.
    assert not kb.context_free(kb.resolve("the North", WHEN, None))
    memo = LookupMemo(kb)
    assert memo.resolve("the North", WHEN, None).actor.country is None
    assert memo.resolve("the North", WHEN, "KOR").actor.country == "PRK"


@pytest.mark.parametrize("phrase", ["North Gyeongsang province", "police in North Gyeongsang", "the North Sea"])
def test_a_province_or_sea_named_after_a_direction_is_no_korea(kb, phrase):
    res = kb.resolve(phrase, WHEN, "KOR")
    assert res is None or res.actor.country != "PRK"


def test_both_koreas_in_one_phrase(kb):
    assert [r.actor.code for r in kb.resolve_all("North and South Korea", WHEN, "KOR")] == ["PRK", "KOR"]


def test_context_alias_is_no_country_word(kb):
    # country_of answers for places and datelines: "North" is no country there.
    assert kb.country_of("North") is None
    assert kb.country_of("the mainland") is None
    assert kb.country_of("Brussels") == "BEL"


@pytest.mark.parametrize("phrase, code", [
    ("Brussels", "IGOEUREEC"),
    ("Brussels officials", "IGOEUREEC"),
    ("Brussels police", "BELPOL"),
    ("the Brussels prosecutor's office", "BELJUD"),
    ("the mayor of Brussels", "BELGOV"),
    ("Belgium", "BEL"),
])
def test_brussels_is_the_eu_except_for_its_own_agents(kb, phrase, code):
    assert kb.resolve(phrase, WHEN).actor.code == code


def test_a_seat_inside_another_name_is_no_actor(kb):
    assert kb.resolve("Brussels Airlines", WHEN) is None


@pytest.mark.parametrize("phrase, when, code", [
    ("Pope Francis", "2024-12-25", "VATREL"),
    ("Pope Leo XIV", "2025-05-11", "VATREL"),
    ("the pope", "2025-05-11", "VATREL"),
    ("the Vatican", "2025-05-11", "VAT"),
    ("Pope Benedict XVI", "2010-01-01", "VATREL"),
    ("Pope Benedict XVI", "2020-01-01", "VATELI"),
    ("Patriarch Kirill", "2024-08-25", "RUSREL"),
    ("Grand Ayatollah Ali al-Sistani", "2024-09-28", "IRQREL"),
    ("the Grand Imam of Al-Azhar", "2025-03-20", "EGYREL"),
    ("the Dalai Lama", "2025-07-02", "CHNREL"),
    ("Ayatollah Ali Khamenei", "2024-10-01", "IRNGOV"),  # a state office beats a religious title
])
def test_religious_leaders(kb, phrase, when, code):
    assert kb.resolve(phrase, when).actor.code == code


def test_user_file_context_alias(tmp_path: Path):
    path = tmp_path / "c.yaml"
    path.write_text("""
- id: country:CYP
  name: Cyprus
  iso3: CYP
  aliases: ["=the North@CYP"]
  metonyms: ["=KYP>SPY@CYP+GRC"]
""", encoding="utf-8")
    kb = KnowledgeBase.load([path])
    assert kb.resolve("the North", WHEN, "CYP").actor.code == "CYP"
    assert kb.resolve("the KYP", WHEN, "GRC").actor.code == "CYPSPY"
    assert kb.resolve("the KYP", WHEN, "TUR").actor.country is None


def test_bad_context_mark_is_refused(tmp_path: Path):
    path = tmp_path / "c.yaml"
    path.write_text("""
- id: country:CYP
  name: Cyprus
  iso3: CYP
  metonyms: ["KYP>SPY@cyprus"]
""", encoding="utf-8")
    with pytest.raises(DataFileError, match="metonyms"):
        KnowledgeBase.load([path])


def test_context_alias_with_a_plain_fallback_is_never_context_free(tmp_path: Path):
    # "ZZF" is one group in Cyprus stories and another everywhere else: the answer without
    # a context must not stand for the answer with one (lookup_memo reuses context-free answers).
    path = tmp_path / "o.yaml"
    path.write_text("""
- {id: "org:ZZA", name: Front A, org: ZZA, sector: REB, code: CYPREBZZA, country: CYP, aliases: ["=ZZF@CYP"]}
- {id: "org:ZZB", name: Front B, org: ZZB, sector: NGO, code: NGOHRIZZB, aliases: ["=ZZF"]}
""", encoding="utf-8")
    kb = KnowledgeBase.load([path])
    bare = kb.resolve("ZZF", WHEN, None)
    assert bare.actor.org == "ZZB" and not kb.context_free(bare)
    memo = LookupMemo(kb)
    assert memo.resolve("ZZF", WHEN, None).actor.org == "ZZB"
    assert memo.resolve("ZZF", WHEN, "CYP").actor.org == "ZZA"
    assert kb.context_free(kb.resolve("Hezbollah", WHEN, None))
