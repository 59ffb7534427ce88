"""Our third blind probe set (tests/data/own_probes3.jsonl: 140 sentences, 20 per
kind S L N C P K W, 23 negative controls, all 20 CAMEO roots), labelled and committed
before the coder ran on it: 65.7% passed on that first run, controls silent 69.6%
(tests/data/own_probes3_first_run.json). Its floor is in test_own_set_floors.py;
the sentences below are new ones (not in the set) for each fix, so that a fix is
checked on wording it was not written from.

Labels we keep though the coder disagrees: R-S09 ("refused to comment on reports that
Cambodian troops ...") is labelled with no target; the coder's Cambodia, whom the
reports are about, is as defensible. R-K10 ("had spoken with Netanyahu") is labelled
041 (by telephone), which the sentence implies but does not say. R-L17 ("froze the assets
of six Haitian gang leaders") is labelled 163 (sanctions); the project's CAMEO lexicon
codes freezing assets, accounts or property as 171 (seize property), and so does the coder.
"""

from __future__ import annotations

import pytest

from .test_news_coding import coded, triples
from .tables import never_root_by_rules, reads, silent_by_rules, table


test_fixes_from_the_third_probe_set_hold_on_new_wording = table("text, want", [
    # a passive rejection is aimed at whoever made the offer
    ("A Qatari plan for a ceasefire in Sudan was rejected by the army on Monday.", ("SDN", "12", "QAT")),
    ("Ukraine's request for more air defence systems was turned down by Germany.", ("DEU", "12", "UKR")),
    # an act carried by a noun that names no party is coded on its own
    ("The signing of a fisheries accord between Senegal and Gambia was delayed by a week.", ("SEN", "057", "GMB")),
    # an act told back as a thing: its author is the target of the reaction
    ("Pyongyang test-fired a cruise missile on Friday. Seoul condemned the launch.", ("KOR", "111", "PRK")),
    ("Belarus sentenced a Latvian blogger to eight years. Riga called the verdict politically motivated.", ("LVA", "111", "BLR")),
    # a weapon told as the doer names who used it
    ("Rockets fired by Hezbollah hit a kibbutz in northern Israel.", ("LBN", "19", "ISR")),
    ("Two Malian soldiers were killed by a mine planted by jihadists near Gao.", ("MLI", "183", "MLI")),
    # places told by name and kind; a facility named after a company is a place hit
    ("Russian missiles struck a power station in the Odesa region overnight.", ("RUS", "19", "UKR")),
    ("Ukrainian drones hit a Rosneft oil depot in Bryansk on Sunday.", ("UKR", "19", "RUS")),
    ("Ethiopian warplanes bombed a market in Sudan's Gedaref state.", ("ETH", "19", "SDN")),
    # a state's force inside its own borders is aimed at its own country
    ("Nigerian fighter jets pounded bandit hideouts in the Katsina region.", ("NGA", "19", "NGA")),
    ("Colombian army helicopters bombed a guerrilla camp in Guaviare province.", ("COL", "19", "COL")),
    # mass killing, walkouts, scrambled jets, police raids, taking aim
    ("Militiamen massacred dozens of displaced people at a camp in Ituri, Congolese officials said.", ("COD", "202", "COD")),
    ("Dock workers walked out of the port of Antwerp over pension cuts.", ("BEL", "143", "BEL")),
    ("Taiwan scrambled jets to warn off Chinese aircraft on Tuesday.", ("TWN", "150", None)),
    ("Turkish police raided the headquarters of a pro-Kurdish party in Ankara.", ("TUR", "170", "TUR")),
    ("Hungary's prime minister took aim at Brussels over frozen EU funds.", ("HUN", "111", "EU")),
    ("Jordan airdropped food parcels to families in northern Gaza.", ("JOR", "073", "PSE")),
    ("Kenya's expulsion of 30 Somali herders angered Mogadishu.", ("KEN", "174", "SOM")),
    # admissions, calls, asset freezes, refusals, aid to a place, seizures and sentences told as nouns
    ("Peru's defence minister admitted that the army had mishandled the rescue operation.", ("PER", "015", None)),
    ("The Spanish prime minister called his Moroccan counterpart on Friday to discuss migration.", ("ESP", "041", "MAR")),
    ("Britain froze the assets of four Russian oligarchs.", ("GBR", "17", "RUS")),
    ("The Netherlands refused to approve Romania's bid to join the bloc.", ("NLD", "12", "ROU")),
    ("Qatar airlifted tents and blankets to families in western Afghanistan.", ("QAT", "07", "AFG")),
    ("Britain's seizure of an Iranian tanker off Gibraltar angered Tehran.", ("GBR", "17", "IRN")),
    ("The ten-year prison term for a French researcher in Iran angered Paris.", ("IRN", "17", "FRA")),
    ("The Ghanaian president attended the funeral of Namibia's former leader in Windhoek.", ("GHA", "04", "NAM")),
    ("Syria received three shipments of wheat from Russia last month.", ("RUS", "07", "SYR")),
    ("Armenia and Azerbaijan traded accusations over a shooting on the border.", ("ARM", "112", "AZE")),
    # a wire photo's caption shows a dated meeting; its markers and credit are no part of it
    ("Ukrainian sea drones sank a Russian landing ship off Crimea.", ("UKR", "19", "RUS")),
    ("Kenyan President William Ruto (L) meets Tanzanian President Samia Suluhu Hassan in Arusha, "
     "Tanzania, May 5, 2025. REUTERS/Staff", ("KEN", "04", "TZA")),
], reads)


test_drug_seizures_and_fights_on_inflation_are_no_force = table("text, not_root", [
    ("Spanish police seized three tonnes of hashish off the coast of Cadiz.", "17"),
    ("Ecuadorian soldiers seized 600 kilos of cocaine at the port of Guayaquil.", "19"),
    # fighting inflation or corruption is no armed force, vowing to is no threat
    ("Egypt's central bank battled inflation with a record rate rise.", "19"),
    ("Nigeria's new president vowed to fight corruption in the oil sector.", "13"),
], never_root_by_rules)


test_games_and_sporting_bodies_are_no_events = table("text", [
    "Boston College beat Georgia in double overtime on Sunday.",
    "The coach of Ghana's football team criticised the referee after the 2-1 defeat.",
    "Senegal edged Egypt on penalties in the Africa Cup of Nations final.",
], silent_by_rules)


@pytest.mark.slow
def test_a_raid_on_a_refugee_camp_is_no_dispersal_of_protesters():
    got = triples(coded("Israeli troops raided a refugee camp near Tulkarm at dawn."))
    assert not any(c.startswith("175") for _, c, _ in got), got
