"""Our fourth blind probe set (tests/data/own_probes4.jsonl: 99 sentences, 14-15 per
kind S L N C P K W, 17 negative controls), labelled and committed before the coder
ran on it: 80.8% passed on that first run, controls silent 82.4%
(tests/data/own_probes4_first_run.json). Its floor is in test_own_set_floors.py;
the sentences below are new ones (not in any probe set) for each general construction
fixed in session 11, so that a fix is checked on wording it was not written from.

Labels we keep though the coder disagrees: T-P06 ("is scheduled to visit Islamabad") and
T-K06 ("would travel to Rabat") are labelled 04; the coder gives CAMEO's intent code 036
for a future meeting, as docs/EVENTS.md says it does, which is as defensible. T-P05
(soldiers and mercenaries "killed at least 20 civilians") is labelled 18; the coder's 190
(conventional force) is CAMEO's reading of a killing by troops. T-N08 ("the bombing of a
village ... by Turkish jets") is labelled 19 (195, aerial); the noun alone says 183.
"""

from __future__ import annotations

import pytest

from .test_news_coding import coded, has, triples
from .tables import reads, silent, table


test_constructions_fixed_in_session_11 = table("text, want", [
    # an act told as when a statement was made stands beside it ("after arriving", "while visiting")
    ("The Brazilian president spoke to reporters after arriving in Lisbon.", ("BRA", "010", None)),
    ("The Brazilian president spoke to reporters after arriving in Lisbon.", ("BRA", "042", "PRT")),
    ("Poland's president spoke to the press while visiting Kyiv on Friday.", ("POL", "042", "UKR")),
    ("Poland's president spoke to the press while visiting Kyiv on Friday.", ("POL", "010", None)),
    # a bomb a relative clause says someone planted, also where the clause reports it
    ("The convoy was hit by a roadside bomb that officials said had been planted by Islamic State fighters.",
     ("ISIS", "183", None)),
    ("Three police officers were wounded by a bomb that had been planted by Taliban militants, police said.",
     ("AFG", "183", None)),
    # a refusal to join what is aimed at a party named in a relative clause on it
    ("Pakistan's army said it would not take part in any operation that violated Afghan territory.",
     ("PAK", "12", "AFG")),
    # an act aimed at no one named: the country whose crisis the story has just told
    ("West African leaders met in Abuja to discuss the coup in Guinea. They agreed to impose sanctions.",
     ("ECOWAS", "163", "GIN")),
    ("EU foreign ministers met in Brussels on Monday to discuss Myanmar's crisis. They threatened new sanctions.",
     ("EU", "13", "MMR")),
    # "the exercises were a warning": the act told before is the warning, by its doer, to its target
    ("China held live-fire drills off the coast of Taiwan on Monday. The exercises were a warning against "
     "independence, a military spokesman said.", ("CHN", "13", "TWN")),
    # a state's protest is a formal complaint; people protesting against a tax take to the street
    ("Mexico protested to Washington over the deportations.", ("MEX", "114", "USA")),
    ("Indonesia's foreign ministry protested against the Australian decision.", ("IDN", "114", "AUS")),
    ("Nigerian students protested against fee increases in Lagos.", ("NGA", "14", "NGA")),
    ("Thousands marched in Tbilisi against the foreign agents law.", ("GEO", "14", "GEO")),
    # a verbal attack on what a party does; firing on a crowd is repression; a vowed response is a threat
    ("The Swedish foreign minister attacked Hungary's stance on Ukraine.", ("SWE", "111", "HUN")),
    ("Kenyan police fired into a crowd of demonstrators in Kisumu.", ("KEN", "175", "KEN")),
    ("Israeli jets struck Hezbollah sites in southern Lebanon. Hezbollah vowed a painful response.",
     ("LBN", "13", "ISR")),
    # help given for a purpose is aimed at whom it helps
    ("Britain gave $50 million to help Malawi recover from the cyclone.", ("GBR", "07", "MWI")),
    # a bare refusal is aimed at whoever just asked or offered
    ("Egypt invited Hamas to talks in Cairo. The group refused.", ("PSE", "12", "EGY")),
    # a claim or denial is aimed at whom the act it is about hit
    ("The Pakistani Taliban claimed responsibility for a bombing that killed six Afghan traders in Peshawar.",
     ("PAK", "015", "AFG")),
    # force whose -ing adjunct names the victims; a rebel group's capture at home; what prompted a response
    ("A cargo ship was struck by Houthi drones off Aden, injuring four Filipino sailors.",
     ("YEM", "19", "PHL")),
    ("Al-Shabaab fighters seized a military base near the border, residents said.", ("SOM", "19", "SOM")),
    ("Japan scrambled fighter jets after Russian bombers flew near Hokkaido.", ("JPN", "15", "RUS")),
    # each other; a party's threats; a phone call held with someone
    ("Serbia and Kosovo traded barbs on Monday. The two governments blamed each other for the unrest.",
     ("SRB", "112", "XKX")),
    ("Russia's nuclear threats against Poland alarmed NATO.", ("RUS", "13", "POL")),
    ("Iranian Foreign Minister Abbas Araqchi held a phone call with his Saudi counterpart.", ("IRN", "041", "SAU")),
    # the other side of "a clash with" did it; a headline's comma joins two subjects
    ("Three soldiers died in clashes with Tuareg rebels near Kidal.", ("MLI", "19", "MLI")),
    ("Kenya, Somalia agree to restore diplomatic ties", ("KEN", "03", "SOM")),
    # accord with another party's view; an admitted excess is an admission
    ("Ghana agreed with Togo's view that the pipeline needs new financing.", ("GHA", "019", "TGO")),
    ("The Kenyan government acknowledged that its police had used excessive force against protesters.",
     ("KEN", "015", None)),
], reads)


@pytest.mark.slow
def test_a_bomb_dropped_by_jets_is_no_roadside_bombing():
    got = triples(coded("Israeli jets hit Hamas positions in Gaza with bombs."))
    assert not any(c.startswith("183") for _, c, _ in got), got


test_no_event_where_no_party_acts_on_another = table("text", [
    "Ghana exported a record amount of cocoa last season.",  # trade with no partner
    "Bangladesh beat Sri Lanka in T20 thriller",  # a game
    "Ethiopia's prime minister opened a new dam on the Blue Nile.",  # opening is no firing
], silent)


@pytest.mark.slow
def test_a_state_sending_its_own_forces_is_not_their_counterpart():
    got = triples(coded("Iran sends warships to Red Sea"))
    assert not any(t == "IRN" for _, _, t in got), got
