"""Our twelfth blind probe set (tests/data/own_probes12.jsonl: 100 sentences, S 16, L 17, N 15, P 16,
K 16, C 10, W 10; 12 negative controls), labelled and committed (4914c65) before the coder ran on it:
78.0% passed on that first run, controls silent 83.3%, sentence root F1 0.833
(tests/data/own_probes12_first_run.json).

It was written where the shared probes' held-aside failures are (S, L, N, P, K), in wire-service
wording: light verbs ("lodged a protest with", "issued a warning to", "paid tribute to", "rolled out
the red carpet for"), event nouns ("the talks between", "Beijing's offer of", "the expulsion of ...
from Moscow", "an appeal by ... for"), headlines, photo captions, datelines, long appositions, role
phrases ("the Kenyan interior minister", "the Speaker of Ghana's parliament"), statements with and
without an addressee, and controls of sport, business and weather.

The floor lives in test_own_set_floors.py; the sentences below are new ones (in no probe set) for
each general construction fixed in session 20, so that a fix is checked on wording it was not
written from.
"""

from __future__ import annotations

from .tables import first_run_recorded, never_root, reads, silent, table


def test_first_run_is_recorded_for_this_set():
    first_run_recorded("own_probes12", 100)


# -- the constructions fixed in session 20, each on sentences of its own (in no probe set) ----------------

test_session20_names_before_a_weekday_or_a_purpose = table("text, want", [
    # the small model hangs "President X (on) Tuesday to discuss ..." as a clause of its own: the name is the object
    ("The French foreign minister met Algerian President Abdelmadjid Tebboune Sunday to discuss visas.",
     ("FRA", "04", "DZA")),
    ("Japan's defence chief met Philippine President Ferdinand Marcos on Friday to discuss maritime security.",
     ("JPN", "04", "PHL")),
    ("Chile's president received Argentine President Javier Milei Wednesday in Santiago.", ("CHL", "04", "ARG")),
], reads)

test_session20_hope_denied_is_pessimism = table("text, want", [
    ("The Nepali foreign minister said there was no real hope of progress in the boundary talks with India.",
     ("NPL", "012", "IND")),
    ("Kenya's president said he was not optimistic about the trade talks with Tanzania.", ("KEN", "012", "TZA")),
    ("The Bhutanese prime minister said he saw scant hope of a quick deal with China on the border.",
     ("BTN", "012", "CHN")),
    # hope never lost stays hope
    ("The Chilean president said she had never lost hope of a deal with Bolivia.", ("CHL", "013", "BOL")),
], reads)

test_session20_light_verbs_and_their_parties = table("text, want", [
    # a warning issued or sent to a party (130)
    ("China sent a stern warning to the Philippines over the reef.", ("CHN", "13", "PHL")),
    ("Turkey issued a warning to Greece over the militarisation of the islands.", ("TUR", "13", "GRC")),
    # threatened with retaliation: the object is threatened
    ("North Korea threatened Seoul with consequences over the leaflets.", ("PRK", "13", "KOR")),
    ("Iran threatened Israel with a crushing response.", ("IRN", "13", "ISR")),
    # tribute paid for what a party did is praise (051); tribute to the dead stays a symbolic act (017)
    ("The Liberian president paid tribute to Ghana for its help during the Ebola outbreak.", ("LBR", "051", "GHA")),
    ("The Polish president paid tribute to the victims of the massacre.", ("POL", "017", None)),
    # people of another state taken in: asylum (075)
    ("Chad took in thousands of Sudanese refugees fleeing Darfur.", ("TCD", "075", "SDN")),
    # a consent or approval withheld: a refusal (12)
    ("The Dutch government withheld its approval of the Romanian bid.", ("NLD", "12", "ROU")),
    # flights to or from a country grounded or banned: ties reduced (16)
    ("Russia banned flights from Georgia.", ("RUS", "16", "GEO")),
    ("India suspended all flights to Pakistan after the attack.", ("IND", "16", "PAK")),
], reads)

test_session20_a_party_met_beside_the_public = table("text, want", [
    ("The Kenyan president met the Ugandan president and fans of his club in Kampala.", ("KEN", "04", "UGA")),
], reads)

test_session20_parties_consulting_consult_each_other = table("text, want", [
    # two countries holding talks on a topic that names a third party: each consults the other
    ("Bangladesh and Myanmar held talks on the return of Rohingya refugees.", ("BGD", "04", "MMR")),
    ("Kenya, Ethiopia to hold talks on Somali refugees", ("ETH", "03", "KEN")),
    ("Chad and Niger will hold talks on Sudanese refugees in Ndjamena.", ("NER", "03", "TCD")),
    # a partner named by "with" still is the partner
    ("Serbia and Kosovo held talks with EU officials on the missing persons.", ("SRB", "04", "EU")),
], reads)

test_session20_documents_exchanged_are_signed = table("text, want", [
    ("Chinese President Xi Jinping and Vietnamese leader To Lam exchange memoranda of understanding in Hanoi, "
     "Vietnam, April 14, 2025. REUTERS/Staff", ("VNM", "057", "CHN")),
    ("The foreign ministers of Chile and Peru exchanged the instruments of ratification in Lima.", ("CHL", "057", "PER")),
], reads)

test_session20_hurt_in_a_clash_is_fighting = table("text, want", [
    ("Three Indian policemen were injured in a clash with Bangladeshi border guards.", ("BGD", "19", "IND")),
    ("Two Kyrgyz guards were wounded in a gunfight with Tajik border troops.", ("TJK", "19", "KGZ")),
    ("Four Afghan soldiers were killed in a clash with Pakistani troops at Chaman.", ("PAK", "19", "AFG")),
], reads)

test_session20_context = table("text, want", [
    # a warning of consequences answers whoever just acted against the one who warns
    ("Lithuania detained a Belarusian truck driver on Monday. Minsk warned of a tough response.", ("BLR", "13", "LTU")),
    ("Latvia expelled two Russian diplomats. Moscow warned of consequences.", ("RUS", "13", "LVA")),
    # "thanked them", "praised them": the party just told sending or doing what is thanked
    ("Rwanda deployed troops to Mozambique in 2021. The Mozambican president praised them for retaking the port.",
     ("MOZ", "051", "RWA")),
    ("Jordan sent doctors to Gaza. The Palestinian health minister welcomed them.", ("PSE", "05", "JOR")),
    # "promised to step up" is no promise to resign: the two leaders' shared intent (03)
    ("The prime ministers of Laos and Vietnam met in Vientiane. The two leaders promised to step up the fight "
     "against drug trafficking.", ("LAO", "03", "VNM")),
    ("The presidents of Togo and Benin met in Cotonou. Both leaders promised to step up the fight against piracy.",
     ("BEN", "03", "TGO")),
], reads)

test_session20_no_wrong_reading = table("text, not_root", [
    ("Kenya's president agreed to step up security in Lamu.", "0341"),
    ("The president warned of consequences for anyone who breaks the curfew.", "13"),
], never_root)

test_session20_silent = table("text", [
    "The weather office issued a warning to fishermen about the cyclone.",
    "The airline cancelled flights because of the storm.",
    "The Senegalese striker was injured in a clash with the Moroccan goalkeeper.",
    "A Ghanaian defender was hurt in a clash with a Nigerian forward during the match.",
    # fans, shoppers, pupils met: no party consulted
    "The Brazilian footballer greeted fans outside the stadium in Madrid.",
    "The Chilean president met tourists from Argentina in Valparaiso.",
    "The two firms exchanged documents at the signing.",
], silent)
