"""Actor bugs mended in session 16 (issue 9, actors helper), each by a general rule, with
sentences written for this project (several phrasings per rule, none from a gold set or from
the blind probe sets)."""

from __future__ import annotations

import pytest

from .wire_helpers import events, triples

pytestmark = pytest.mark.slow


def parties(text: str, **settings) -> set:
    return {x for s, _, t in triples(text, **settings) for x in (s, t)}


# -- 1. a village or town the story tells by its kind is no famous city abroad -------------------
@pytest.mark.parametrize("text, foreign", [
    ("SOFIA -- Gunmen attacked the village of Kom, killing two shepherds.", "IRN"),   # Kom: also a spelling of Qom
    ("Masked men set fire to houses in the village of Kom near the border.", "IRN"),
    ("Bulgarian police raided the village of Kom on Tuesday.", "IRN"),
    ("ACCRA -- Soldiers raided the village of Medina at dawn.", "USA"),             # Medina: a US city first
    ("ACCRA -- Soldiers raided the town of Medina at dawn.", "USA"),
])
def test_a_village_is_not_its_foreign_namesake(text, foreign):
    assert foreign not in parties(text), triples(text)


@pytest.mark.parametrize("text, place", [
    ("Russian troops shelled the town of Kupiansk.", "UKR"),          # spelt otherwise in the gazetteer
    ("Israeli troops raided the village of Beit Lahia.", "PSE"),
    ("KYIV -- Russian drones struck the town of Kupiansk.", "UKR"),
])
def test_a_village_the_gazetteer_knows_stays_its_country(text, place):
    assert place in parties(text), triples(text)


# -- 2. an embassy's nation is the target, not the crowd's --------------------------------------
@pytest.mark.parametrize("text, crowd, embassy", [
    ("Protesters hurled stones at the Danish embassy in Tehran.", "IRN", "DNK"),
    ("Students threw eggs at the British embassy in Harare.", "ZWE", "GBR"),
    ("A crowd threw petrol bombs at the French embassy in Ouagadougou.", "BFA", "FRA"),
])
def test_the_crowd_is_of_the_embassys_city(text, crowd, embassy):
    got = triples(text)
    assert any(s == crowd and t == embassy for s, _, t in got), got
    assert not any(s == embassy for s, _, _ in got), got


@pytest.mark.parametrize("text, embassy", [
    ("Protesters threw rocks at the French embassy.", "FRA"),
    ("Demonstrators hurled bottles at the Turkish embassy on Friday.", "TUR"),
])
def test_a_crowd_at_an_embassy_is_not_of_the_embassys_nation(text, embassy):
    got = triples(text)
    assert not any(s == embassy for s, _, _ in got), got


# -- 3. a name first, its title after: the title's country decides who he is ---------------------
@pytest.mark.parametrize("text, title", [
    ("Petro met Pedro Sanchez, Colombia's defence minister, in Bogota.", "COL"),
    ("Dissidents threatened Pedro Sanchez, Colombia's defence minister, in a video.", "COL"),
    ("The rebels threatened Pedro Sanchez, Colombia's defence minister.", "COL"),
    ("Pedro Sanchez, Colombia's defence minister, accused the rebels of killing soldiers.", "COL"),
])
def test_a_title_after_the_name_decides(text, title):
    got = triples(text)
    assert title in parties(text), got
    assert "ESP" not in parties(text), got


# -- 4. a newspaper named after a country is that country's media --------------------------------
@pytest.mark.parametrize("text, code", [
    ("Israel Hayom accused the defence minister of hiding the report.", "ISRMED"),
    ("Israel Hayom, a free daily, criticised the prime minister.", "ISRMED"),
    ("The Moscow Times accused the Kremlin of lying about the losses.", "RUSMED"),
])
def test_a_newspaper_is_the_source(text, code):
    evs = events(text)
    assert any(e.source is not None and e.source.code == code for e in evs), [(e.source, e.cameo) for e in evs]


# -- 5. "the island's navy": the island country told before ---------------------------------------
@pytest.mark.parametrize("text", [
    "Sri Lankan officials said two trawlers had crossed the maritime line. The island's navy detained their crews.",
    "The Sri Lankan president visited Jaffna on Monday. The island nation's navy arrested fourteen Indian fishermen.",
    "Sri Lanka and India held talks on fishing rights. The island's navy later seized three Indian boats.",
])
def test_the_islands_navy_is_the_island_told_before(text):
    evs = events(text)
    assert any(e.source is not None and e.source.code == "LKAMIL" for e in evs), [(e.source, e.cameo) for e in evs]


# -- 6. a security force's act after a prior act: the prior force is its grounds -----------------
@pytest.mark.parametrize("text", [
    "police arrested five men after they attacked a constable.",
    "troops detained twelve men after they ambushed a patrol.",
    "Police detained three students after they attacked a traffic officer.",
])
def test_force_told_as_the_grounds_of_a_security_forces_act_is_not_doubled(text):
    evs = events(text, open_actors=True)
    assert any(e.cameo.startswith("17") for e in evs), [(e.source, e.cameo) for e in evs]
    assert not any(e.cameo[:2] in ("18", "19", "20") for e in evs), [(e.source, e.cameo) for e in evs]
