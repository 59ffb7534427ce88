"""Our eighth blind probe set (tests/data/own_probes8.jsonl: 120 sentences, S, L, N, C, P and K
18 each and W 12; 19 negative controls), labelled and committed before the coder ran on it:
54.2% passed on that first run, controls silent 94.7%, sentence root F1 0.732
(tests/data/own_probes8_first_run.json).

It was written in the shapes that the shared probes' held-aside failures point at (wrong
readings, not silence) and that own_probes2..7 never sampled: two acts competing in one
sentence (a reaction and its cause, a denial of an accusation, a threat and the act threatened,
a plan to do X after Y), sub-codes that matter (0311/0312/0313, 1121/1124/1125, 1721-1724,
0841, 1313 beside 161) and roles easily swapped (passives, "at the request of", "was met by",
"received a call from").

The floor lives in test_own_set_floors.py; the sentences below are new ones (in no probe set)
for each general construction fixed in session 15, so that a fix is checked on wording it was
not written from.

A label we now disagree with: own_probes6's X-N16 ("Russia's withdrawal of its peacekeepers from
Nagorno-Karabakh") is labelled 08 (a retreat, 0874); CAMEO's 1661 names withdrawing peacekeeping
forces in its own words ("expel or withdraw peacekeepers"), which own_probes8's Z-N11 follows (16x).
The coder now codes 1661; X-N16 fails and own_probes6 stays above its floor.
"""

from __future__ import annotations

import pytest

from .test_news_coding import coded, has, triples


@pytest.mark.slow
@pytest.mark.parametrize("text, want", [
    # saying nothing is a refusal to comment (011), aimed at no one whatever it is about
    ("The Egyptian foreign ministry had no comment on the Sudanese claims.", ("EGY", "011", None)),
    ("Asked about the seizure, the Iranian embassy offered no comment.", ("IRN", "011", None)),
    ("The Indian navy declined to confirm the report.", ("IND", "011", None)),
    ("The Turkish defence ministry refused to say whether its jets had crossed into Iraq.", ("TUR", "011", None)),
    ("The Kremlin declined to comment on Finland's decision.", ("RUS", "011", None)),
    # owning up, and admitting an act of force, is a claim of responsibility (015)
    ("The Nigerian air force owned up to the bombing of a village in Zamfara.", ("NGA", "015", "*")),
    ("Turkey's army admitted that its drone had struck a convoy of Syrian civilians.", ("TUR", "015", "SYR")),
    # looking at or yet to decide on another party's offer is an option weighed (014)
    ("Kenya is looking at a Ugandan offer to share the costs of the railway.", ("KEN", "014", "UGA")),
    ("Algeria has yet to decide on a Tunisian request for more gas.", ("DZA", "014", "TUN")),
    ("Officials in Baku are looking into a Georgian proposal for a new border crossing.", ("AZE", "014", "GEO")),
    # a tribute at a grave is a symbolic act (017) aimed at no one
    ("Japan's prime minister bowed at the tomb of the unknown soldier in Manila.", ("JPN", "017", None)),
    # a statement whose content judges an act names it, as "called it a provocation" does
    ("Seoul said the North's satellite launch was a grave provocation.", ("KOR", "111", "PRK")),
    ("Manila said Beijing's decision to build the runway was illegal.", ("PHL", "111", "CHN")),
    ("Ankara said the Greek accusation was baseless.", ("TUR", "016", "GRC")),
    ("Athens insisted the Turkish claim was completely false.", ("GRC", "016", "TUR")),
    # a rejection judged in an "as" phrase before its object keeps the object's party
    ("Rabat dismissed as baseless an Algerian charge that Moroccan agents had hacked its ministries.", ("MAR", "016", "DZA")),
    # calling for a ceasefire appeals for one (02); it declares none
    ("The Arab League called for a ceasefire in Sudan.", ("ARL", "02", "SDN")),
    # shooting down a plan rejects it; shooting down a drone stays force
    ("The Indian government shot down a Pakistani proposal for talks.", ("IND", "12", "PAK")),
    ("Polish lawmakers shot down a German plan for a joint border force.", ("POL", "12", "DEU")),
    ("Turkish jets shot down a Syrian drone near the border.", ("TUR", "19", "SYR")),
    # banning rallies restricts political freedoms (1721), at home
    ("Serbia's government banned protests in Novi Sad for a week.", ("SRB", "1721", "SRB")),
    ("The Togolese authorities outlawed opposition demonstrations in Lome.", ("TGO", "1721", "TGO")),
    # a state named as such acting at home with no one named: its own country
    ("Nicaragua stripped 30 priests of their citizenship.", ("NIC", "172", "NIC")),
    # intents keep their kind of cooperation
    ("Vietnam offered to hold joint naval drills with India.", ("VNM", "0312", "IND")),
    ("Chile said it would work with Peruvian prosecutors to track the gang's money.", ("CHL", "0313", "PER")),
    ("Egypt said it was ready to buy more Russian wheat.", ("EGY", "0311", "RUS")),
    # people deported from a country, with no one named: that country's state deported them
    ("Thirty Afghan migrants were deported from Iran on Monday.", ("IRN", "174", "AFG")),
    ("Forty Ethiopian workers were deported from Saudi Arabia last week.", ("SAU", "174", "ETH")),
    # a protest received from a party is that party's complaint (114)
    ("Greece received a formal protest from Turkey over the drilling ship.", ("TUR", "114", "GRC")),
    ("Kenya received a complaint from Uganda about the border fence.", ("UGA", "114", "KEN")),
    # a reaction drawn from a party: that party reacts to the act's author
    ("Serbia's decision prompted a sharp rebuke from Croatia.", ("HRV", "111", "SRB")),
    ("Hungary's veto drew condemnation from Poland.", ("POL", "111", "HUN")),
    # a hostile act a party says it would do on a condition is a threat made now (13)
    ("Greece said it would veto Turkey's bid unless Ankara withdrew its ships.", ("GRC", "13", "TUR")),
    ("Moscow said it would expel the Estonian ambassador if Tallinn went ahead with the trial.", ("RUS", "1313", "EST")),
    ("Algeria said it would recall its ambassador unless Paris apologised.", ("DZA", "1313", "*")),
    # a condition is not what is threatened ("... if the sanctions were not lifted" threatens no sanctions)
    ("Turkey threatened to cut ties with Israel if the sanctions were not lifted.", ("TUR", "1313", "ISR")),
    ("China threatened to halt talks with Japan if the sanctions stayed.", ("CHN", "134", "JPN")),
    # a protest about the arrest of the speaker's own people is aimed at whoever held them
    ("Russia detained two Estonian border guards. Tallinn condemned the detention of its officers.", ("EST", "111", "RUS")),
    ("Sri Lanka's navy seized an Indian trawler. New Delhi said the arrest of its fishermen was unacceptable.",
     ("IND", "111", "LKA")),
    # burning an effigy or trampling a flag is a protest against whom it stands for
    ("Students in Lahore burned an effigy of the Afghan president.", ("PAK", "14", "AFG")),
    ("Demonstrators in Baghdad trampled Turkish flags.", ("IRQ", "14", "TUR")),
    # a headline whose trigger the parser read as a noun before a noun it read as the verb
    ("Uganda and Tanzania sign pact on oil pipeline", ("UGA", "057", "TZA")),
    # retaking a palace or a bridge from another side is force against it
    ("Ukrainian forces recaptured a key bridge from Russian troops.", ("UKR", "19", "RUS")),
    # "met with tear gas" is force used on a crowd, no meeting
    ("Protesters were met with tear gas by police in Nairobi.", ("KEN", "175", "KEN")),
    ("Marchers in Conakry were met with live fire by soldiers.", ("GIN", "175", "GIN")),
    # a joint patrol flown or sailed is military cooperation, each way
    ("Russian and Chinese bombers flew a joint patrol near Alaska.", ("RUS", "062", "CHN")),
    # a peacekeeping or police contingent withdrawn is a mission withdrawn (1661), not a retreat
    ("The pullout of UN peacekeepers from Mali was completed in December.", ("UN", "1661", "MLI")),
    ("Rwanda's withdrawal of its police contingent from the Central African Republic surprised diplomats.",
     ("RWA", "1661", "CAF")),
])
def test_eighth_set_constructions(text, want):
    got = triples(coded(text))
    if want[2] == "*":  # (a party the sentence leaves open)
        assert any(s == want[0] and c == want[1] for s, c, _ in got), got
    elif len(want[1]) > 2:
        assert want in got, got
    else:
        assert has(got, want), got


@pytest.mark.slow
@pytest.mark.parametrize("text, code", [
    # "called for a ceasefire" is no ceasefire declared
    ("The Arab League called for a ceasefire in Sudan.", "0871"),
    # "shot down a proposal" is no aerial attack
    ("The Indian government shot down a Pakistani proposal for talks.", "195"),
])
def test_eighth_set_misreadings_are_gone(text, code):
    assert not any(e.cameo == code for e in coded(text))


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # a statement about a state of things judges no act
    "The minister said the situation in the capital was dangerous.",
    # "up to" before a number is a quantity, not a phrasal verb
    "The new law allows companies to own up to 49 percent of a local bank.",
])
def test_eighth_set_controls(text):
    got = triples(coded(text))
    assert not any(c.startswith(("11", "015")) for _, c, _ in got), got


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # analysts' speculation is nobody's threat; cooperation on a condition is no threat either
    "Russia would attack if NATO expanded, analysts said.",
    "Kenya said it would send troops if the UN asked.",
])
def test_conditional_acts_that_are_no_threat(text):
    assert not any(e.cameo.startswith("13") for e in coded(text))


@pytest.mark.slow
def test_own_people_arrested_are_not_the_target():
    got = triples(coded("India called the arrest of its fishermen unacceptable."))
    assert ("IND", "111", "IND") not in got, got
