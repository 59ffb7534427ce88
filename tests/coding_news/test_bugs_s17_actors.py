"""Actor bugs mended in session 17 (issue 9, actors helper), each by a general rule, with
sentences written for this project (several phrasings per rule, none from a gold set or from
the blind probe sets)."""

from __future__ import annotations

import pytest

from flashpoint.coding.generic_country import local_agent_place

from .wire_helpers import events

pytestmark = pytest.mark.slow


def sources(text: str) -> set:
    return {e.source.code for e in events(text) if e.source is not None}


# -- 1. a town told as where its own agents work is the dateline country's namesake -------------
@pytest.mark.parametrize("text, code", [
    ("TORONTO -- Police in London arrested two teenagers after a stabbing at a shopping mall.", "CANPOL"),
    ("BEIRUT -- Residents of Tripoli blocked the coastal road to protest against power cuts.", "LBNCVL"),
    ("WASHINGTON -- Police in Alexandria arrested a man suspected of firing at a city bus.", "USAPOL"),
    ("SANTO DOMINGO -- A Santiago court sentenced two traffic officers for extortion.", "DOMJUD"),
])
def test_a_local_agents_town_is_the_datelines_namesake(text, code):
    assert code in sources(text), [(e.source, e.cameo, e.target) for e in events(text)]


@pytest.mark.parametrize("text, code", [
    ("WASHINGTON -- Police in Paris arrested two men after an attack on a synagogue.", "FRAPOL"),   # famous beside
    ("ISLAMABAD -- Police in Kabul arrested three men after the bombing of a market.", "AFGPOL"),   # no namesake
    ("WASHINGTON -- Police in Moscow detained dozens of protesters outside the court.", "RUSPOL"),
    ("Police in Tripoli arrested five smugglers near the port.", "LBYPOL"),                        # no dateline
])
def test_a_famous_or_lone_city_stays_its_own(text, code):
    assert code in sources(text), [(e.source, e.cameo, e.target) for e in events(text)]


def test_what_tells_a_local_agents_town():
    told = "Police in Tripoli said; the mayor of Kingston; a Santiago court; Kingston police; officials in Kabul"
    at = {w: told.index(w) for w in ("Tripoli", "Kingston", "Santiago", "Kabul")}
    assert local_agent_place(told, at["Tripoli"], at["Tripoli"] + 7)
    assert local_agent_place(told, at["Kingston"], at["Kingston"] + 8)
    assert local_agent_place(told, at["Santiago"], at["Santiago"] + 8)
    assert not local_agent_place(told, at["Kabul"], at["Kabul"] + 5)
