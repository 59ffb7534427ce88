"""Wire-style sentences of the 1980s-2020s through the whole coder: the parties
of each event come out with the right countries (issue 9). Sentences written
for this project; dated and undated, since gold sentences often carry no date.
Only the actors are checked, not the codes (the coder's own tests do that)."""

from __future__ import annotations

import pytest

from flashpoint.config import Settings
from flashpoint.pipeline import code_text

pytestmark = pytest.mark.slow


def _sides(text: str, date: str | None) -> set[tuple[str | None, str | None]]:
    events = code_text(text, date=date, doc_id="h", settings=Settings())
    return {(e.source.country, e.target.country if e.target else None) for e in events}


@pytest.mark.parametrize("date", [None, "1995-06-01"])
@pytest.mark.parametrize(("text", "source", "target"), [
    ("Yeltsin met Clinton in Moscow.", "RUS", "USA"),
    ("Arafat condemned the Israeli raid on Gaza.", "PSE", "ISR"),
    ("Milosevic rejected the NATO ultimatum.", "SRB", None),
    ("The Bush administration accused Iraq of violating the ceasefire.", "USA", "IRQ"),
])
def test_leaders_of_the_period_with_and_without_a_date(text, source, target, date):
    sides = _sides(text, date)
    assert any(s == source and (target is None or t == target) for s, t in sides), sides


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Yoruba leaders urged President Obasanjo to resign.", "NGA", "NGA"),
    ("Chechen rebels shot down a Russian helicopter on Tuesday.", "RUS", None),
    ("Ethnic Albanian guerrillas attacked Macedonian police near Tetovo.", "MKD", "MKD"),
    ("Hutu militias killed 20 Tutsi villagers in northern Burundi.", "BDI", "BDI"),
])
def test_communities_as_actors(text, source, target):
    sides = _sides(text, "2001-05-01")
    assert any(s == source and (target is None or t == target) for s, t in sides), sides
