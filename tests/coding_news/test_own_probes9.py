"""Our ninth blind probe set (tests/data/own_probes9.jsonl: 120 sentences, S, L, N, C, P and K
18 each and W 12; 18 negative controls), labelled and committed before the coder ran on it:
74.2% passed on that first run, controls silent 83.3%, sentence root F1 0.821
(tests/data/own_probes9_first_run.json).

It was written where the shared probes' held-aside failures are (a wrong event emitted, not
silence): the right event and no wrong one beside it. Statements whose content is another act,
nominal events with "by"/"of"/possessives, a target given only by the previous sentence,
headlines and captions ("in talks with", "attend a ceremony", "a joint news conference with"),
role phrases, local places and demonyms of two countries.

The floor lives in test_own_set_floors.py; the sentences below are new ones (in no probe set)
for each general construction fixed in session 16, so that a fix is checked on wording it was
not written from.
"""

from __future__ import annotations

import pytest

from .test_news_coding import coded, has, triples
from .tables import never_root, reads, table


test_session16_constructions = table("text, want", [
    # being in talks with a party is negotiating with it (046), in a sentence or a verbless headline
    ("Egypt remains in talks with Sudan on the dam, officials said.", ("EGY", "046", "SDN")),
    ("Pakistan in talks with China over new loan", ("PAK", "046", "CHN")),
    ("Ghana in fresh talks with Nigeria over gas pipeline", ("GHA", "046", "NGA")),
    ("Colombia is in talks with Venezuela about reopening consulates.", ("COL", "046", "VEN")),
    # captions: two leaders at one ceremony or news conference meet (040), each way
    ("Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed attend a signing ceremony in Nairobi.",
     ("KEN", "040", "ETH")),
    ("Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed attend a signing ceremony in Nairobi.",
     ("ETH", "040", "KEN")),
    ("Polish President Andrzej Duda speaks during a joint press conference with Lithuanian President Gitanas Nauseda.",
     ("POL", "040", "LTU")),
    ("The Greek and Cypriot leaders held a joint news conference in Nicosia.", ("GRC", "040", "CYP")),
    # forcing fighters back is fighting; pushing them back is no appeal
    ("Ukraine pushed Russian troops back from Kharkiv.", ("UKR", "19", "RUS")),
    ("Somali forces drove al-Shabaab fighters back from the town.", ("SOM", "19", "SOM")),
    # a call told as "must be freed" after a capture is aimed at the captor
    ("Taiwan's coast guard detained eight Chinese fishermen near Kinmen. Beijing said they must be freed.",
     ("CHN", "1053", "TWN")),
    ("Russian border guards detained two Estonian fishermen on Lake Peipsi. Tallinn said the men should be released at once.",
     ("EST", "1053", "RUS")),
    # a bare refusal after an order to leave refuses the one who gave it
    ("Mali's junta told the Algerian ambassador to leave within 72 hours. Algiers refused.", ("DZA", "12", "MLI")),
    ("Burkina Faso ordered the French envoy out of the country. Paris refused, calling the order illegitimate.",
     ("FRA", "12", "BFA")),
    # a reaction told in the passive "in <capital>" is that capital's government's
    ("The arrest of a Kenyan journalist by Ugandan police was condemned in Nairobi.", ("KEN", "11", "UGA")),
    ("Iran freed a French academic. The release was welcomed in Paris.", ("FRA", "051", "IRN")),
    ("The Turkish offer of mediation was rejected in Kyiv.", ("UKR", "12", "TUR")),
    # a reaction to an act whose doer a "by" phrase names is aimed at the doer, not at the victims
    ("Jordan condemned the killing of three Palestinians by Israeli troops.", ("JOR", "11", "ISR")),
    ("The Netherlands welcomed the release of a Dutch reporter by Venezuelan authorities.", ("NLD", "051", "VEN")),
    ("Pakistan condemned the shelling of border villages by Indian troops.", ("PAK", "11", "IND")),
    # people a state frees are persons (0841), whatever their trade
    ("Iran freed a French academic held in Evin prison.", ("IRN", "0841", "FRA")),
    ("The freeing of two Thai fishermen by Myanmar's navy ended a month-long standoff.", ("MMR", "0841", "THA")),
    ("Venezuela's release of a Dutch reporter came after months of talks.", ("VEN", "0841", "NLD")),
    # a party kept out of an election is banned (1722), at home: a "pro-Russian" party is no Russian one
    ("Moldova banned a pro-Russian party.", ("MDA", "1722", "MDA")),
    ("Georgia's electoral commission knocked two opposition parties off the ballot.", ("GEO", "1722", "GEO")),
    ("Romania's election bureau removed the far-right candidate from the presidential race.", ("ROU", "1722", "ROU")),
    # a foreign ministry's own name is a foreign ministry, of the country its story names
    ("Beijing's ambassador in Manila was summoned by the Department of Foreign Affairs.", ("PHL", "11", "CHN")),
    ("The external affairs ministry in New Delhi rejected remarks by Canada's prime minister.", ("IND", "12", "CAN")),
    # a capital named in a story about two countries is the capital, not a small town of the other
    ("A court in Minsk jailed a Polish activist for six years. Warsaw called the ruling a farce.", ("BLR", "17", "POL")),
    ("A court in Minsk jailed a Polish activist for six years. Warsaw called the ruling a farce.", ("POL", "11", "BLR")),
    # -- seventeenth session
    # one office holder of any sector, told by a title, who travels somewhere visits it (042)
    ("Nigeria's army chief travelled to Niamey for talks with Nigerien commanders.", ("NGA", "042", "NER")),
    ("The Turkish intelligence chief flew to Baghdad to seek Iraqi cooperation against the PKK.", ("TUR", "042", "IRQ")),
    ("Egypt's defence minister arrived in Khartoum on Sunday.", ("EGY", "042", "SDN")),
    ("Cuba's army chief travelled to Moscow at the invitation of the Russian defence ministry.", ("CUB", "042", "RUS")),
    # firefighting planes sent abroad are relief (073), not arms
    ("Qatar sent two firefighting aircraft to Turkey to help fight forest fires near Izmir.", ("QAT", "073", "TUR")),
    ("Italy dispatched water-bombing planes to Greece as fires raged near Athens.", ("ITA", "073", "GRC")),
    # a warning an act drew from a party threatens the act's doer (13)
    ("Israel's downing of an Iranian drone drew a warning of retaliation from Tehran.", ("IRN", "13", "ISR")),
    # help sought from a people named by its adjective is sought from that state
    ("Libya's prime minister sought Turkish help to rebuild the power grid.", ("LBY", "023", "TUR")),
    # troops who kill fight (19), as the verb has it; gunmen who kill assault (18)
    ("The killing of two Indian soldiers by Chinese troops in Ladakh angered New Delhi.", ("CHN", "19", "IND")),
    ("The killing of a Kenyan teacher by Somali gunmen shocked Nairobi.", ("SOM", "18", "KEN")),
    # "the shooting down of" an aircraft is its downing
    ("The shooting down of an Indian drone by Pakistani forces was reported on Monday.", ("PAK", "19", "IND")),
    # responsibility claimed for an act aimed at a party names it
    ("Pakistan claimed responsibility for strikes on militant hideouts inside Afghanistan's Khost province.",
     ("PAK", "015", "AFG")),
    ("The Baloch Liberation Army claimed responsibility for an attack on a Chinese convoy in Gwadar.", ("PAK", "015", "CHN")),
    # regret or sorrow voiced over deaths is sympathy (018) with the dead's people
    ("Thailand's prime minister voiced regret over the deaths of two Cambodian workers in a fire.", ("THA", "018", "KHM")),
    ("Mexico's foreign minister conveyed sorrow over the killing of three Guatemalan migrants.", ("MEX", "018", "GTM")),
    # agreeing with another party's call or reading is accord (019)
    ("Senegal agreed with Mali's call for an emergency summit.", ("SEN", "019", "MLI")),
    ("Argentina agreed with Uruguay's reading of the river treaty.", ("ARG", "019", "URY")),
    # charges brought by a court, prosecutors or police are legal action (17)
    ("A US federal court in Miami charged a former Venezuelan general with drug trafficking.", ("USA", "17", "VEN")),
    ("Prosecutors in Tehran charged a French tourist with espionage.", ("IRN", "17", "FRA")),
    ("Indian police charged a Pakistani national with spying.", ("IND", "17", "PAK")),
    # a region's leaders told as one are its bloc
    ("Southern African leaders met in Harare to discuss the crisis in Mozambique.", ("SADC", "040", None)),
    ("East African leaders met in Arusha to discuss the fighting in eastern Congo.", ("EAC", "040", None)),
    # a summit named by a people's word is held where it is: attending it visits that country (042)
    ("The Egyptian president attended an Arab summit in Riyadh.", ("EGY", "042", "SAU")),
    ("Kenya's president attended an African climate summit in Addis Ababa.", ("KEN", "042", "ETH")),
    ("Mongolia's president participated in a regional forum in Astana on Friday.", ("MNG", "042", "KAZ")),
    # joining an armed operation is military cooperation; refusing to join it is a refusal (12)
    ("India's army said it would not join any operation that violated Chinese territory.", ("IND", "12", "CHN")),
    ("Poland said it would not join the coalition against the Houthis.", ("POL", "12", "YEM")),
    ("Germany joined the naval operation in the Red Sea.", ("DEU", "062", None)),
    # two leaders who review an honour guard together meet (a caption's ceremony)
    ("Spanish Prime Minister Pedro Sanchez and Moroccan King Mohammed VI review an honour guard in Rabat, April 7, 2022.",
     ("ESP", "040", "MAR")),
    ("Spanish Prime Minister Pedro Sanchez and Moroccan King Mohammed VI review an honour guard in Rabat, April 7, 2022.",
     ("MAR", "040", "ESP")),
    # a show of force told as a message to a party warns it (13)
    ("The naval exercises were a message to Washington, Iranian state television said.", ("IRN", "13", "USA")),
    # scoffing, sneering or poking fun at a party's act is mockery (111)
    ("Russian officials sneered at the British defence review.", ("RUS", "111", "GBR")),
    ("The Cuban foreign minister laughed at the American accusations.", ("CUB", "111", "USA")),
    ("North Korea's state news agency poked fun at the South Korean president's speech.", ("PRK", "111", "KOR")),
    # calling a charge a lie denies it (016)
    ("Morocco accused Algeria of backing the Polisario. Algiers called the charge a lie.", ("DZA", "016", "MAR")),
    ("Serbia accused Croatia of stoking tension. Zagreb called the accusation a pack of lies.", ("HRV", "016", "SRB")),
    # a gerund after a time phrase ("a day after meeting X") shares the main verb's subject
    ("A day after meeting the Tanzanian president in Dodoma, Kenya's foreign minister flew to Kampala.",
     ("KEN", "040", "TZA")),
    ("Two days after visiting Beijing, the Brazilian president arrived in Tokyo.", ("BRA", "042", "CHN")),
    # a request for something from a party is asked of it
    ("Manila's request for more patrol boats from Tokyo was approved.", ("PHL", "02", "JPN")),
    ("Iraq's request for Turkish help in fighting the fires was granted.", ("IRQ", "02", "TUR")),
    # the detention of a party's people in a country is that state's
    ("The detention of two Japanese businessmen in Beijing has alarmed Tokyo.", ("CHN", "17", "JPN")),
    # a headline's "X, Y officials": two parties, each the other's partner
    ("Chinese, US officials hold trade talks in Geneva", ("CHN", "04", "USA")),
    ("Indian, Chinese troops clash in Ladakh", ("IND", "19", "CHN")),
    # readiness to negotiate after an offer of talks answers the one who offered
    ("Kyiv offered talks to Moscow on a prisoner swap. The Kremlin said it was ready to negotiate.", ("RUS", "036", "UKR")),
    ("Iran said it was ready to return to the negotiating table with the Europeans.", ("IRN", "036", None)),
    # a caution is a pessimistic comment (012)
    ("Norway's foreign minister cautioned that the truce in Sudan was fragile.", ("NOR", "012", "SDN")),
    # tributes to the dead and visits to memorials are symbolic acts (017)
    ("The Greek prime minister paid tribute to Cypriot soldiers killed in 1974.", ("GRC", "017", "CYP")),
    ("The Indian prime minister paid homage to victims of the Mumbai attacks.", ("IND", "017", None)),
    ("South Korea's president visited a memorial to victims of the Korean War.", ("KOR", "017", None)),
    ("The Japanese prime minister visited the Yasukuni shrine on Friday.", ("JPN", "017", None)),
    # security or patrols beefed up along a border raise the alert against the other side (152)
    ("Lithuania beefed up security along its border with Belarus.", ("LTU", "15", "BLR")),
    ("Poland stepped up patrols on its frontier with Belarus.", ("POL", "15", "BLR")),
    # people handed over to another state's justice: judicial cooperation (063), as an extradition
    ("Thailand handed over two Cambodian dissidents to Phnom Penh.", ("THA", "063", "KHM")),
    ("Kenya handed over a Ugandan opposition leader to Kampala.", ("KEN", "063", "UGA")),
], reads)


test_session16_no_wrong_reading = table("text, wrong", [
    # a physical push is no appeal ("pushed the boat back" asked nothing of anyone)
    ("The Turkish coast guard pushed a migrant boat back into Greek waters.", "02"),
    ("Italian police pushed the migrants back across the border.", "02"),
    # a joint news conference is no joint military drill
    ("Armenian Prime Minister Nikol Pashinyan and French President Emmanuel Macron hold a joint news conference in Paris.", "06"),
    ("The Polish and Ukrainian foreign ministers held a joint press briefing in Lviv.", "06"),
    # a plain demand to leave is no call to free captives told just before
    ("Ukrainian troops captured twenty Russian soldiers near Kursk. Moscow said Kyiv's forces must withdraw.", "1053"),
    # a party struck off a list is no target of force
    ("Moldova's election commission struck a pro-Russian party off the ballot.", "19"),
    # -- seventeenth session
    # troops that arrive are deployed, no visitors
    ("French troops arrived in Chad on Monday.", "042"),
    ("Hundreds of Russian soldiers arrived in Belarus for exercises.", "042"),
    # doubt denied is no pessimism
    ("The Philippine foreign secretary said he had no doubt that Chinese ships had rammed the supply boat.", "012"),
    # a state's charge against another is an accusation, no legal action
    ("Russia charged Ukraine with sabotaging the talks.", "17"),
    # agreeing with a party on a plan is agreement, not accord with its view
    ("Colombia agreed with Ecuador on a new border patrol plan.", "019"),
    # police shooting at a protester is no downing
    ("The shooting of a protester by police in Lagos drew outrage.", "19"),
    # a base a country hosts is no visit hosted
    ("Qatar, which hosts a large US base, offered to mediate between Washington and Tehran.", "043"),
    # a message of solidarity warns no one
    ("The visit was a message of solidarity to Kyiv, the Polish president said.", "13"),
    # laughing at a joke mocks no one
    ("Delegates laughed at the joke during the dinner.", "11"),
    # a visit to a country is no tribute
    ("The Chinese premier visited Germany on Monday.", "017"),
    # bodies handed back are no extradition; efforts stepped up are no alert
    ("Turkey handed over the bodies of the soldiers to Syria.", "063"),
    ("The ministry stepped up efforts to attract investment.", "15"),
], never_root)


@pytest.mark.slow
@pytest.mark.parametrize("text, wrong", [
    # a pro-/anti- leaning names no party of that country
    ("Moldova banned a pro-Russian party.", ("MDA", "RUS")),
    ("Romania's electoral bureau barred a pro-Russian candidate from the presidential race.", ("ROU", "RUS")),
    # nor is the victim of an act the target of a reaction to its doer
    ("Germany welcomed the release of two German hostages by Hamas.", ("DEU", "DEU")),
    ("The Netherlands welcomed the release of a Dutch reporter by Venezuelan authorities.", ("NLD", "NLD")),
])
def test_session16_no_wrong_party(text, wrong):
    got = triples(coded(text))
    assert not any((s, t) == wrong for s, _, t in got), (text, got)


@pytest.mark.slow
def test_an_offer_of_aid_is_not_answered_by_a_meeting():
    got = triples(coded("Iran offered aid to Iraq. Iraqi officials met in Baghdad on Sunday."))
    assert ("IRQ", "040", "IRN") not in got, got
