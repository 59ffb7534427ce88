"""Our fifth blind probe set (tests/data/own_probes5.jsonl: 111 sentences weighted to the
kinds the held probes still fail, P 21, K 20, N 18, L 18, S 12, C 12, W 10; 18 negative
controls), labelled and committed before the coder ran on it: 70.3% passed on that first
run, controls silent 88.9% (tests/data/own_probes5_first_run.json). The floor guards the
fixes made after it; the sentences below are new ones (not in any probe set) for each
general construction fixed in session 12, so that a fix is checked on wording it was not
written from.

Labels we keep though the coder disagrees: V-P11, V-K16 and V-K06 are labelled 112; the
coder's 1123 (accuse of aggression) for "accused X of violating the ceasefire / of shelling
a hospital" is CAMEO's narrower code and as right (the label should have been the family).
V-P08 ("attend the ASEAN summit in Kuala Lumpur") is labelled with the host country; the
coder's ASEAN is as defensible. V-L05 ("offered shelter") is labelled 07; the coder's 0333
reads "offered" as an offer, which CAMEO also allows. V-K10 ("warned Washington against
any attack") is labelled 13; the project codes a warning against an act 111.
"""

from __future__ import annotations

import pytest

from .test_news_coding import coded
from .tables import reads, silent, table


test_constructions_fixed_in_session_12 = table("text, want", [
    # a courtesy call on an official with no "to ..." is a visit; with one it stays an appeal
    ("Kenya's foreign minister called on the Emir of Qatar in Doha.", ("KEN", "042", "QAT")),
    ("The EU called on Russia to release the detained journalists.", ("EU", "02", "RUS")),
    # attacked an act *as* something bad: words, not force
    ("Chile's foreign minister attacked the Peruvian ruling as illegitimate.", ("CHL", "111", "PER")),
    # brushed aside, waved away: a rejection (the small model reads the particle as an adverb)
    ("Tehran waved away the French proposal.", ("IRN", "120", "FRA")),
    ("Beijing brushed aside a Japanese protest over the buoys.", ("CHN", "12", "JPN")),
    # suspending a treaty with a party; the suspension of talks with a party, told as a noun
    ("Russia suspended the New START treaty with the United States.", ("RUS", "16", "USA")),
    ("Mali's suspension of talks with the Tuareg rebels surprised Algeria.", ("MLI", "164", "MLI")),
    # negotiations between two parties, told as a noun
    ("The negotiations between Ethiopia and Egypt over the dam stalled again.", ("ETH", "046", "EGY")),
    # ground taken *from* a party is taken from it ("retook": an irregular past the tagger reads as present)
    ("Azerbaijani troops retook three villages from Armenian forces.", ("AZE", "192", "ARM")),
    # a past verb between two names that the small model reads as one long name
    ("Erdogan hosted Iraq's Sudani in Ankara.", ("TUR", "043", "IRQ")),
    ("Hungary's Orban hosted Slovak PM Fico in Budapest.", ("HUN", "043", "SVK")),
    # a headline whose verb the model reads as a noun, with a participle beside it
    ("Chad expels German ambassador, citing disrespect", ("TCD", "16", "DEU")),
    # a wire photo's caption telling a dated scene, with no position marks: the scene is coded
    ("Protesters clash with police in Nairobi, Kenya, June 25, 2024. REUTERS/Thomas Mukoya", ("KEN", "19", "KEN")),
    # "his hosts": whom the visit just told was with
    ("Kenya's president arrived in Kampala. He thanked his hosts for their support.", ("KEN", "051", "UGA")),
    # repelled an attack *by* X: X attacked whoever repelled it
    ("Kenyan police repulsed an assault by al-Shabaab militants on a camp near Lamu.", ("SOM", "190", "KEN")),
    # an agreement signed by parties of two peoples, the first of which NER misses
    ("Ghanaian and Ivorian ministers signed a cocoa pricing accord in Abidjan.", ("GHA", "057", "CIV")),
    ("Ghanaian and Ivorian ministers signed a cocoa pricing accord in Abidjan.", ("CIV", "057", "GHA")),
    # ... but parties that sign "with" another sign with that one
    ("Kenya and Ethiopia signed separate trade agreements with China in Beijing.", ("KEN", "057", "CHN")),
    ("Kenya and Ethiopia signed separate trade agreements with China in Beijing.", ("ETH", "057", "CHN")),
    # aircraft carry out strikes: force, not a walkout
    ("Pakistani aircraft carried out strikes on militant hideouts in eastern Afghanistan.", ("PAK", "19", "AFG")),
    # "each side blamed the other": the two parties just told, each at the other
    ("Israel and Hezbollah exchanged fire across the border. Each side blamed the other for the escalation.",
     ("ISR", "112", "LBN")),
    ("Israel and Hezbollah exchanged fire across the border. Each side blamed the other for the escalation.",
     ("LBN", "112", "ISR")),
    # property destroyed in an air strike or by shelling is force, aimed at where it stood
    ("Two apartment blocks were destroyed in a Russian drone strike in Odesa.", ("RUS", "19", "UKR")),
    # a truce brokered between two parties: mediation with each
    ("Qatar brokered a prisoner swap between Russia and Ukraine.", ("QAT", "045", "RUS")),
    ("Qatar brokered a prisoner swap between Russia and Ukraine.", ("QAT", "045", "UKR")),
    # the release of a seized ship is demanded of whoever seized it
    ("Yemen's Houthis seized a Bahamas-flagged cargo ship. Athens demanded its release.", ("GRC", "1053", "YEM")),
    # "called the detention an abduction": a charge, not a phone call
    ("Russian troops detained two Georgian citizens. Tbilisi called the detention an abduction.", ("GEO", "111", "RUS")),
], reads)


test_no_event_where_no_party_acts_on_another = table("text", [
    "The Ethiopian runner edged her Kenyan rival at the finish line.",  # a race
    "Residents inspected the damage in Sylhet after the floods.",  # looking at rubble is no investigation
    "A file photo shows Chinese troops on parade in Lhasa, May 5, 2019. REUTERS/Stringer",  # a file photo stays blanked
], silent)
