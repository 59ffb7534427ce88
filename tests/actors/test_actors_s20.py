"""Session 20 (issue 9, points 6 and 10): the knowledge base's rules for titles before a known
person's name (rule 15 of actors/resolve.py) and for bodies named by their singular forms."""

from __future__ import annotations

import pytest


def code(kb, text, context=None, when="2025-05-01"):
    res = kb.resolve(text, when, context)
    return res.actor.code if res else None


@pytest.mark.parametrize("text, when, expected", [
    # the title tells the office he acts in, over the office the table holds him in first
    ("army chief Abdel Fattah al-Burhan", "2025-05-01", "SDNMIL"),
    ("Sudan's army chief Abdel Fattah al-Burhan", "2025-05-01", "SDNMIL"),
    ("the Sudanese military chief Abdel Fattah al-Burhan", "2025-05-01", "SDNMIL"),
    ("Myanmar army chief Min Aung Hlaing", "2025-05-01", "MMRMIL"),
    ("Myanmar army chief Senior General Min Aung Hlaing", "2025-05-01", "MMRMIL"),   # a rank between
    ("Army chief Pervez Musharraf", "2001-06-01", "PAKMIL"),
    # a person the table knows only from a later office: the title of the day decides
    ("Nigeria's Chief of Defence Staff General Christopher Musa", "2025-05-01", "NGAMIL"),
    # the same sector, or no title: unchanged
    ("President Vladimir Putin", "2025-05-01", "RUSGOV"),
    ("Defence Minister Andrei Belousov", "2025-05-01", "RUSMIL"),
    ("Abdel Fattah al-Burhan", "2025-05-01", "SDNGOV"),
    ("opposition leader Rahul Gandhi", "2025-05-01", "INDOPP"),
])
def test_title_before_a_known_name_tells_the_sector(kb, text, when, expected):
    assert code(kb, text, when=when) == expected


@pytest.mark.parametrize("text, when, expected", [
    ("former army chief Pervez Musharraf", "2009-01-01", "PAKELI"),    # out of office: the table decides
    ("General Abdel Fattah al-Sisi", "2016-01-01", "EGYGOV"),          # a rank is a career, not the office
    ("Gen. Abdel Fattah al-Sisi", "2016-01-01", "EGYGOV"),
    ("Junta leader Min Aung Hlaing", "2025-05-01", "MMRGOV"),          # the junta governs
])
def test_rank_or_past_title_leaves_the_office_on_the_date(kb, text, when, expected):
    assert code(kb, text, when=when) == expected


@pytest.mark.parametrize("text, expected", [
    ("The PNG Defence Force", "PNGMIL"),
    ("the Fiji Defence Force", "FJIMIL"),
    ("Botswana Defense Force", "BWAMIL"),
])
def test_a_defence_force_is_military(kb, text, expected):
    assert code(kb, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Turkish Cypriot leader", "CYPCVLTCY"),
    ("the Greek Cypriot leader", "CYPCVLGCY"),
    ("Bosnian Serb leaders", "BIHCVLSRB"),
    ("Bosniak politicians", "BIHCVLBOS"),
    ("Kosovo Serbs", "KSVCVLSRB"),
])
def test_a_community_of_one_country_keeps_its_own_letters(kb, text, expected):
    assert code(kb, text) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("Bosnian Serb police", None, "BIHPOL"),      # an institution's sector: the country's
    ("Chechen rebels", None, "RUSREB"),
    ("Iraqi Kurds", None, "IRQCVL"),              # a community of several countries: its country's code
    ("Kurdish leaders", "SYR", "SYRCVL"),
])
def test_other_community_actors_keep_the_country_code(kb, text, context, expected):
    assert code(kb, text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("the Free Syrian Army", None, "SYRREB"),
    ("the Ituri Resistance Army", "COD", "CODREB"),
    ("the Sahel Freedom Brigade", "MLI", "MLIREB"),
    ("the Liberation Army of Presevo", "SRB", "SRBREB"),
])
def test_a_force_named_for_a_cause_is_an_armed_group(kb, text, context, expected):
    assert code(kb, text, context) == expected


@pytest.mark.parametrize("text, expected", [
    ("the People's Liberation Army", "CHNMIL"),      # a state's army by its own name (a metonym)
    ("the Royal Thai Army", "THAMIL"),
    ("the Afghan National Army", "AFGMIL"),
    ("the Syrian army", "SYRMIL"),
])
def test_a_state_s_force_stays_military(kb, text, expected):
    assert code(kb, text) == expected
