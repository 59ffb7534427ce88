"""Our seventh blind probe set (tests/data/own_probes7.jsonl: 120 sentences, S, L, N, C, P and K
18 each and W 12; 18 negative controls), labelled and committed before the coder ran on it:
53.3% passed on that first run, controls silent 77.8%, sentence root F1 0.642
(tests/data/own_probes7_first_run.json), against 61-81% for the first runs of sets 2-6.

It was written against what own_probes2..6 already sample: short one-clause sentences, actor
first, the verb next to its object, one template per kind repeated set after set. Set 7 uses the
shapes those left out: longer sentences with fronted adverbials, passives with the agent last,
nominalisations with by-agents, reported speech nested twice, coordinated verbs sharing an object,
a verb far from its object, wire idioms, headlines with "EXCLUSIVE-" and bare infinitives,
titles and numbers before names, actors named by their seat of power, targets given only by a
role in the sentence before, quotes mid-sentence and relative clauses carrying a second event.

The floor lives in test_own_set_floors.py; the sentences below are new ones (in no probe set)
for each general construction fixed in session 14, so that a fix is checked on wording it was
not written from.

Labels we keep though the coder disagrees: Y-P07 ("accused the army chief of rigging the
election") is labelled 112 and Y-W04 ("charged two Russian nationals with spying") 17; the
coder's 1121 and 1125 are CAMEO's narrower codes and as right (the labels should have been the
family 112x and 17 or 1125). Y-C06 ("Seoul welcomed the offer" to host talks) is labelled 05;
the coder's 038 (accepting an offer of mediation) is defensible.
"""

from __future__ import annotations

import pytest

from .test_news_coding import coded, has, triples
from .tables import reads, silent, table


test_seventh_set_constructions = table("text, want", [
    # wire idioms of refusal, rebuke, lawsuit, reconciliation, welcome and tip-offs
    ("Canberra poured cold water on a French plan for a Pacific security forum.", ("AUS", "12", "FRA")),
    ("The Kenyan government has stonewalled Ugandan requests for a joint border survey.", ("KEN", "12", "UGA")),
    ("Chile's foreign minister took Lima to task over its handling of the migrants.", ("CHL", "111", "PER")),
    ("Ecuador took Colombia to the International Court of Justice over the spraying of herbicides.",
     ("ECU", "115", "COL")),
    ("Peru and Bolivia moved to mend fences after two years of frosty relations.", ("PER", "05", "BOL")),
    ("Serbia rolled out the red carpet for the Emirati president in Belgrade.", ("SRB", "043", "ARE")),
    ("The Bulgarian government rolled out the red carpet for the visiting Japanese prime minister.",
     ("BGR", "043", "JPN")),
    ("Thai intelligence tipped off Malaysian police about a smuggling ring.", ("THA", "064", "MYS")),
    ("Estonia and Latvia see eye to eye on the need for a joint air defence system.", ("EST", "019", "LVA")),
    # denying rights, putting on trial, visa bans on foreign officials
    ("Romania denied landing rights to a Hungarian government plane.", ("ROU", "12", "HUN")),
    ("A court in Baku put on trial six Armenian prisoners of war.", ("AZE", "173", "ARM")),
    ("Britain imposed visa bans on five Venezuelan judges.", ("GBR", "163", "VEN")),
    # a caption's guard of honour is a meeting of the two
    ("Gambian President Adama Barrow inspects a guard of honour with Senegalese President Bassirou Faye in Banjul.",
     ("GMB", "04", "SEN")),
    # events told as nouns
    ("The downing of a Ukrainian passenger jet by Iranian missiles killed 176 people.", ("IRN", "19", "UKR")),
    ("Brazil's granting of asylum to a former Peruvian minister angered Lima.", ("BRA", "075", "PER")),
    # (this line once read "... was delayed"; since the eighteenth session an act postponed, delayed or
    # cancelled is not coded as done, so the noun is tried in a clause that leaves it standing)
    ("The World Bank's disbursement of 300 million dollars to Zambia arrived on Friday.", ("WB", "071", "ZMB")),
    ("Thailand's handover of three suspected smugglers to Cambodian police was welcomed in Phnom Penh.",
     ("THA", "063", "KHM")),
    ("Qatar's offer of mediation between Ethiopia and Eritrea was welcomed.", ("QAT", "039", "ETH")),
    # an act drawing a protest from a party: the protester complains of the act's author
    ("Greece's arrest of a Turkish journalist drew a formal protest from Ankara.", ("TUR", "114", "GRC")),
    # a headline's bare infinitive is a plan of its subject
    ("Turkey to supply drones to Poland", ("TUR", "03", "POL")),
    ("EXCLUSIVE-Germany to supply tanks to Ukraine, sources say", ("DEU", "03", "UKR")),
    ("Prabowo to visit Moscow for talks with Putin", ("IDN", "036", "RUS")),
    # verbs joined by "and" share the object told after the last ("detained and deported X")
    ("Greek police arrested and then expelled twenty Albanian migrants near Ioannina.", ("GRC", "173", "ALB")),
    ("Greek police arrested and then expelled twenty Albanian migrants near Ioannina.", ("GRC", "174", "ALB")),
    # an ambassador recalled with no party named answers the latest act against the recaller
    ("Lithuania expelled two Belarusian diplomats on Tuesday. Minsk recalled its ambassador the same day.",
     ("BLR", "161", "LTU")),
    # hardware handed over, told actively or in the passive with its giver last
    ("Japan handed over two patrol boats to the Philippine coast guard.", ("JPN", "07", "PHL")),
    ("Two transport helicopters were handed over to the Kenyan air force by the Italian government.",
     ("ITA", "07", "KEN")),
], reads)


test_seventh_set_controls_stay_silent = table("text", [
    # a job lost is no shot fired; a score is a game; a work's theme is no act
    "The Korean chipmaker fired 500 workers at its factory in Vietnam.",
    "Chile beat Peru 2-0 in a World Cup qualifier in Santiago.",
    "The Iranian documentary condemns the war in Yemen.",
    "The Turkish director's new film attacks the hypocrisy of the country's elite.",
    # an airline's head speaks for a business, not a state
    "The head of the Kenyan airline said he was confident of a recovery in passenger numbers.",
], silent)


@pytest.mark.slow
def test_no_comment_is_a_refusal_to_comment():
    got = triples(coded("The Kremlin would not comment on reports that Russian ships had entered Finnish waters."))
    assert ("RUS", "011", None) in got


@pytest.mark.slow
def test_a_present_passive_of_sponsorship_describes_the_group():
    # "which is backed by Iran" says what the militia is; its attack is the act
    got = triples(coded("The militia, which is backed by Iran, fired rockets at an Israeli army post."))
    assert not any(code.startswith("05") for _, code, _ in got), got
