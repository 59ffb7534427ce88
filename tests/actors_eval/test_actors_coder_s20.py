"""Session 20 (issue 9, point 6): who, from the sentence and the article, in the coder."""

from __future__ import annotations

import pytest

from flashpoint.pipeline import code_text


def dyads(text: str, date: str = "2025-05-01") -> set[tuple[str | None, str | None, str]]:
    return {(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo[:2])
            for e in code_text(text, date)}


@pytest.mark.parametrize("text, side", [
    ("Abdel Fattah al-Burhan, the army chief, accused the RSF of war crimes.", "SDNMIL"),
    ("Abdel Fattah al-Burhan, Sudan's army chief, met Egyptian President Abdel Fattah el-Sisi in Cairo.", "SDNMIL"),
    ("Army chief Abdel Fattah al-Burhan accused the RSF of war crimes.", "SDNMIL"),
])
def test_title_set_beside_a_name_tells_the_office(text, side):
    assert side in {s for s, _, _ in dyads(text)}


@pytest.mark.parametrize("text, target", [
    ("Russian drones attacked Kyiv overnight.", "UKR"),
    ("Kyiv was hit by Russian missiles on Tuesday.", "UKR"),
    ("Pakistani jets bombed Kabul on Thursday night.", "AFG"),
    ("Rebel fighters shelled Khartoum, killing 12 people.", "SDN"),
])
def test_a_capital_struck_is_the_country_not_its_government(text, target):
    found = dyads(text)
    assert any(t == target and root in ("18", "19", "20") for _, t, root in found), found
    assert not any(t == target + "GOV" for _, t, _ in found), found


@pytest.mark.parametrize("text, source", [
    ("Kyiv rejected the Russian proposal.", "UKRGOV"),
    ("Kabul accused Islamabad of bombing civilians.", "AFGGOV"),
])
def test_a_capital_that_speaks_or_decides_is_its_government(text, source):
    assert source in {s for s, _, _ in dyads(text)}


@pytest.mark.parametrize("text, country", [
    ("Police arrested two men in the Scottish city of Perth after a protest.", "GBR"),
    ("Police in the Australian city of Newcastle arrested two climate protesters at the port.", "AUS"),
    ("Protesters marched in the Welsh town of Newport on Saturday.", "GBR"),
    ("Police arrested two men in Perth after a protest.", "AUS"),   # unqualified: the bigger Perth
])
def test_a_town_told_by_its_country_adjective_is_that_country_s(text, country):
    events = code_text(text, "2025-05-01")
    assert events and all(e.location is not None and e.location.country == country for e in events)


def test_qualified_towns_reads_a_people_s_adjective(kb, gaz):
    from flashpoint.geo.gazetteer import qualified_towns

    text = "Rain fell on the Scottish city of Perth. Later, Perth's council met."
    found = qualified_towns(text, gaz, kb.country_of)
    assert [(p.name, p.country) for p in found.values()] == [("Perth", "GBR")]
    assert qualified_towns(text, gaz) == {}        # no adjective reader: only "Town, Holder" pairs
    assert qualified_towns("the Australian city of Perth", gaz, kb.country_of) == {}  # the bare reading already


@pytest.mark.parametrize("text, pair", [
    ("The Turkish Cypriot leader met the Greek Cypriot leader in Nicosia.", {"CYPCVLTCY", "CYPCVLGCY"}),
    # negotiators are the state's (GOV), the other side's officials their community's
    ("Greek Cypriot negotiators held talks with Turkish Cypriot officials on Monday.", {"CYPGOV", "CYPCVLTCY"}),
    ("Bosniak leaders accused Bosnian Serb leaders of blocking the reform.", {"BIHCVLBOS", "BIHCVLSRB"}),
])
def test_two_communities_of_one_country_are_two_parties(text, pair):
    assert any({s, t} == pair for s, t, _ in dyads(text)), dyads(text)


@pytest.mark.parametrize("text, side", [
    ("The Comandos de la Frontera attacked a police post in Putumayo.", "COLREB"),
    ("The Bunia Defence Militia clashed with soldiers near Bunia.", "CODREB"),
    ("ABUJA, Nigeria — The Kebbi Martyrs Brigades abducted twelve farmers on Sunday.", "NGAREB"),
])
def test_a_group_its_name_calls_armed_is_placed_as_rebels_are(text, side):
    assert side in {s for s, _, _ in dyads(text)}, dyads(text)


@pytest.mark.parametrize("text, side", [
    ("A Nigerien military source said jihadists had killed 34 soldiers in an ambush near the Malian border.", "NERMIL"),
    ("NIAMEY — Gunmen killed ten civilians near the Burkinabe border.", "NERCVL"),
    ("KABUL — Gunmen killed four border guards along the Iranian frontier.", "AFGMIL"),
])
def test_a_border_named_by_a_neighbour_is_no_place_of_the_neighbour(text, side):
    assert side in {t for _, t, _ in dyads(text)}, dyads(text)


def test_a_border_town_keeps_its_country():
    assert "MLICVL" in {t for _, t, _ in dyads("Gunmen killed ten civilians in the Malian border town of Menaka.")}
