"""Article structure (nlp/structure.py): datelines, headlines, bylines, captions, boilerplate."""

from __future__ import annotations

import pytest

from flashpoint.nlp.structure import mask, read_structure


@pytest.mark.parametrize(("line", "city", "country", "agency"), [
    ("BUJUMBURA — Gunmen attacked an army post.", "Bujumbura", None, None),
    ("NAIROBI, Kenya — Police fired tear gas.", "Nairobi", "Kenya", None),
    ("MANILA (Reuters) - A Chinese ship fired.", "Manila", None, "Reuters"),
    ("KYIV, Ukraine (AP) — Russian drones struck.", "Kyiv", "Ukraine", "AP"),
    ("SRINAGAR: Police detained hundreds.", "Srinagar", None, None),
    ("BEIRUT, March 3 (Reuters) - Israeli jets struck.", "Beirut", None, "Reuters"),
    ("Nairobi, Kenya — Police fired tear gas.", "Nairobi", "Kenya", None),
    ("NEW DELHI (AFP) -- India said on Monday.", "New Delhi", None, "AFP"),
    # two cities the story was filed from: the first is the dateline's city
    ("NAIROBI/KAMPALA, March 3 (Reuters) - Ugandan police said.", "Nairobi", None, "Reuters"),
    ("ISLAMABAD/KABUL (AFP) - Pakistan shut a crossing.", "Islamabad", None, "AFP"),
])
def test_datelines(line, city, country, agency):
    s = read_structure(line)
    assert s.dateline is not None
    assert (s.dateline.city, s.dateline.country, s.dateline.agency) == (city, country, agency)
    masked = mask(line, s)
    assert len(masked) == len(line) and city.upper() not in masked.upper() and "\n" in masked


@pytest.mark.parametrize("line", [
    "Officials said: the talks failed.",
    "Photo caption: Displaced women queue for water.",
    "Police fired tear gas at protesters.",
    "The UN - which has warned of famine - said aid was blocked.",
])
def test_not_datelines(line):
    assert read_structure(line).dateline is None


def test_headline_byline_caption_boilerplate_found_and_blanked():
    text = (
        "Rebels shell border town as army accuses Kigali\n\n"
        "By Anna Kowalska, Associated Press\n\n"
        "BUJUMBURA — Gunmen attacked an army post on Saturday.\n\n"
        "Photo caption: Soldiers patrol a street in 2023.\n\n"
        "A file photo shows the border post. REUTERS/File Photo\n\n"
        "Copyright 2025 The Associated Press. All rights reserved.\n"
    )
    s = read_structure(text)
    assert text[s.headline[0]:s.headline[1]] == "Rebels shell border town as army accuses Kigali"
    assert [p.kind for p in s.parts] == ["byline", "caption", "caption", "boilerplate"]
    masked = mask(text, s)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n") + 1  # a break after the dateline
    assert "Kowalska" not in masked and "Soldiers" not in masked and "Copyright" not in masked
    assert "BUJUMBURA" not in masked and "Gunmen attacked an army post" in masked
    assert "Rebels shell border town" in masked  # the headline is coded


def test_a_sentence_ending_in_a_full_stop_is_no_headline():
    s = read_structure("Police fired tear gas on Monday.\n\nThe opposition condemned it.")
    assert s.headline is None
