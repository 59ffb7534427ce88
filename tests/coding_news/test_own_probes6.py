"""Our sixth blind probe set (tests/data/own_probes6.jsonl: 120 sentences, S, L, N, C, P and K
18 each and W 12; 18 negative controls), labelled and committed before the coder ran on it:
77.5% passed on that first run, controls silent 83.3%, sentence root F1 0.849
(tests/data/own_probes6_first_run.json). Its floor is in test_own_set_floors.py; the
sentences below are new ones (not in any probe set) for each general construction fixed in
session 13, so that a fix is checked on wording it was not written from.

Labels we keep though the coder disagrees: X-K08 ("accused Ukrainian forces of shelling a
village") is labelled 112 and X-P13 (a roadside bomb) 183; the coder's 1123 (accuse of
aggression) and 1833 (roadside bombing) are CAMEO's narrower codes and as right (the labels
should have been the families). X-C05 ("they agreed to deploy a regional force") is labelled
07 as the act; the coder's 03x (intent) is what CAMEO says of an agreement to act.
"""

from __future__ import annotations

import pytest

from .test_news_coding import coded, has, triples
from .tables import reads, silent, table


test_constructions_fixed_in_session_13 = table("text, want", [
    # a strike or a bombing by aircraft is an air strike (195): the doer's head names the weapon
    ("Pakistani drones carried out a strike on a militant compound in Khost.", ("PAK", "195", "AFG")),
    ("The bombing of Houthi positions by Saudi warplanes was reported by residents of Saada.", ("SAU", "195", "YEM")),
    # hardware received from a giver: the giver gives
    ("Moldova received six armoured ambulances from Romania.", ("ROU", "07", "MDA")),
    ("Ghana received two patrol vessels from the United States.", ("USA", "07", "GHA")),
    # an airlift or an appeal told as a noun, with whom it is for
    ("Egypt's airlift of tents to Libya began on Monday.", ("EGY", "073", "LBY")),
    ("Malawi's plea to South Africa for fuel supplies was heard on Friday.", ("MWI", "02", "ZAF")),
    # handing back people or remains is a return (084)
    ("Russia handed back the remains of 50 Ukrainian soldiers.", ("RUS", "084", "UKR")),
    ("Pakistan handed back three Indian fishermen at the Wagah border.", ("PAK", "0841", "IND")),
    # extradited *to* a place the parser hangs on the person
    ("Spain extradited a Dutch drug suspect to Amsterdam.", ("ESP", "063", "NLD")),
    # "charged at" a crowd is force, never a reduced passive ("police (who were) charged")
    ("Kenyan riot police charged at stone-throwing youths in Kisumu.", ("KEN", "175", "KEN")),
    ("Georgian police charged into the crowd outside parliament.", ("GEO", "175", "GEO")),
    # endorsing another party's call or view is accord (019), not praise
    ("Slovenia endorsed Croatia's call for a regional migration summit.", ("SVN", "019", "HRV")),
    # a visit told as a noun with a participle that schedules it is still to come (036)
    ("The Hungarian president's visit to Warsaw, planned for May, will focus on energy.", ("HUN", "036", "POL")),
    # "they" after a visit hosted: both parties
    ("Kenya's president hosted his Rwandan counterpart in Nairobi. They signed a visa waiver deal.", ("KEN", "057", "RWA")),
    ("Kenya's president hosted his Rwandan counterpart in Nairobi. They signed a visa waiver deal.", ("RWA", "057", "KEN")),
    # "the two heads of state" are the last two parties told
    ("The presidents of Chile and Argentina met in Mendoza. The two heads of state pledged to build a new tunnel.",
     ("ARG", "03", "CHL")),
    # "called the move a breach of ...": a charge at the author of the move
    ("Mali's junta nationalised a Canadian gold mine. Ottawa called the move a breach of the mining code.",
     ("CAN", "111", "MLI")),
    # a reaction to an arrest or a jailing with no doer told is aimed at the state where it was done
    ("Norway condemned the detention of a Norwegian aid worker in Goma.", ("NOR", "111", "COD")),
    ("Australia denounced the jailing of an Australian writer in Shanghai.", ("AUS", "111", "CHN")),
    # a past verb the parser hangs on the only name after an apposition: that name's act, with its parties
    ("Norway, a longtime broker in the region, offered to mediate between Colombia and the ELN.", ("NOR", "039", "COL")),
    ("Oman, a quiet go-between for years, agreed to host talks between Iran and the United States.", ("OMN", "036", "IRN")),
    # a that-clause after a stance noun names whom the comment is about
    ("The Peruvian foreign minister voiced scepticism that the border commission with Ecuador would meet this year.",
     ("PER", "012", "ECU")),
    # sorrow at deaths is empathy (018); stepping up cooperation is cooperation
    ("Senegal's president mourned the loss of Gambian fishermen at sea.", ("SEN", "018", "GMB")),
    ("Uganda is stepping up security cooperation with Tanzania.", ("UGA", "06", "TZA")),
    # a bare surname the knowledge base keeps out of its aliases: the one officeholder of the clause's country
    ("President Pena hosted his Uruguayan counterpart in Asuncion on Friday.", ("PRY", "043", "URY")),
], reads)


test_no_event_where_no_party_acts_on_another = table("text", [
    "Bali welcomed a record number of foreign tourists in July.",  # visitors received, not praise
    "The Kenyan singer attacked the music industry's treatment of young artists.",  # the arts, not politics
    "A Chilean poet attacked the critics of his latest collection.",
], silent)


@pytest.mark.slow
def test_an_artist_acted_on_stays_a_person_of_their_country():
    assert has(triples(coded("Police arrested a Nigerian drummer in Lagos.")), ("NGA", "173", "NGA"))
