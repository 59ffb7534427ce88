"""Our eleventh blind probe set (tests/data/own_probes11.jsonl: 120 sentences, S, L, N and P 18 each,
C 20, K 16 and W 12; 15 negative controls), labelled and committed (80cecea) before the coder ran on
it: 69.2% passed on that first run, controls silent 93.3%, sentence root F1 0.754
(tests/data/own_probes11_first_run.json).

It was written where the shared probes' held-aside failures are (C, L, N, P, S, K), with wording the
earlier own sets did not use: idioms of tone ("sounded a gloomy note", "struck an upbeat tone"),
"poured scorn on", "cold-shouldered", "slammed the door on", "fired off a protest note", "put pen
to"; event nouns ("the restoration of ties", "the easing of export curbs", "a pledge of ... from");
back-references ("its neighbour", "his Georgian counterpart", "the step", "the flights", "rejected
it" after another party's reaction); headline, caption and apposition shapes; Pacific, Caribbean,
Central Asian and West African actors; and controls of sport and business.

The floor lives in test_own_set_floors.py; the sentences below are new ones (in no probe set) for
each general construction fixed in session 19, so that a fix is checked on wording it was not
written from.
"""

from __future__ import annotations

import json

import pytest

from flashpoint.coding.backoff_gates import DEFAULT_GATES, gate_words, judge
from flashpoint.eval.project import TESTS_DATA

from .tables import never_root, reads, silent, table


def test_first_run_is_recorded_for_this_set():
    ids = {json.loads(line)["id"] for line in (TESTS_DATA / "own_probes11.jsonl").read_text().splitlines() if line}
    first = json.loads((TESTS_DATA / "own_probes11_first_run.json").read_text())
    assert first["n"] == len(ids) == 120
    assert set(first["failed"]) <= ids
    assert first["headline"]["passed"] == round((len(ids) - len(first["failed"])) / len(ids), 4)


test_session19_statements = table("text, want", [
    # a tone struck or a note sounded: pessimistic (012) or optimistic (013) comment, no blow struck
    ("The Kenyan foreign minister sounded a bleak note on the border talks with Somalia.", ("KEN", "012", "SOM")),
    ("The Chilean president struck an upbeat tone about relations with Peru.", ("CHL", "013", "PER")),
    ("Mongolia's prime minister struck a hopeful note on the rail talks with China.", ("MNG", "013", "CHN")),
    # a heart that goes out to the families: sympathy (018) with their people
    ("The Tanzanian president said her heart went out to the families of the Kenyan miners.", ("TZA", "018", "KEN")),
    # a doer saying it was behind an act owns it (015); a speaker saying another was behind it accuses (112)
    ("Al-Shabaab said it was behind the bombing of a hotel in Mogadishu.", ("SOM", "015", "SOM")),
    ("Ethiopia said Eritrea was behind the attack on its border post.", ("ETH", "112", "ERI")),
    ("Kinshasa said Rwanda was behind the massacre in Ituri.", ("COD", "112", "RWA")),
    # no truth, no basis, not a shred of evidence: a denial (016) by the speaker
    ("Kigali said there was no truth to reports that its drones had struck a Congolese camp.", ("RWA", "016", "COD")),
    ("The Kremlin said there was no basis for the allegations.", ("RUS", "016", None)),
    ("Poland accused Belarus of pushing migrants over the border. Minsk said there was not a shred of evidence "
     "for the accusation.", ("BLR", "016", "POL")),
    # a dispute or talks foretold to drag on or collapse: a pessimistic comment (012), no threat
    ("The Armenian prime minister warned that the border talks with Azerbaijan could drag on.", ("ARM", "012", "AZE")),
    ("Bolivia cautioned that the gas dispute with Brazil could deteriorate.", ("BOL", "012", "BRA")),
    # a plaque or a monument unveiled: a symbolic act (017)
    ("The Polish president unveiled a monument to the victims of the Katyn massacre.", ("POL", "017", None)),
], reads)


test_session19_verbs_and_nouns = table("text, want", [
    # scorn poured, a protest note fired off: criticism (111), an official complaint (114)
    ("China poured scorn on a Japanese defence white paper.", ("CHN", "111", "JPN")),
    ("Iran heaped derision on the American proposal.", ("IRN", "111", "USA")),
    ("Greece fired off a protest note to Turkey over the airspace violations.", ("GRC", "114", "TUR")),
    # an offer cold-shouldered, a door closed on a proposal: a refusal (12)
    ("Venezuela cold-shouldered a Brazilian offer of mediation.", ("VEN", "12", "BRA")),
    ("Kosovo closed the door on Serbia's proposal for new talks.", ("XKX", "12", "SRB")),
    # looted or stolen things handed back (084)
    ("Germany handed back looted bronzes to Nigeria.", ("DEU", "084", "NGA")),
    # restrictions eased, told as a noun (081)
    ("China's easing of visa restrictions for Thai tourists was welcomed in Bangkok.", ("CHN", "081", "THA")),
    # days or hours given to leave or to stop: an ultimatum (139), whichever way the parser reads the span
    ("Mali gave the French ambassador 72 hours to leave the country.", ("MLI", "139", "FRA")),
    ("Uzbekistan gave the Taliban two weeks to stop the raids.", ("UZB", "139", "AFG")),
    # a visit the visitor is due or expected to pay (036)
    ("The Angolan president is due in Windhoek for a state visit.", ("AGO", "036", None)),
    # a tone about relations with a party, a view shared with one: at that party
    ("The Fijian prime minister sounded a gloomy note on the fishing talks with Vanuatu.", ("FJI", "012", "VUT")),
    # forces moved up (154); border guards handed over are people returned (0841)
    ("Russia brought troops up to the Finnish border.", ("RUS", "154", "FIN")),
    ("Thailand handed over twenty Cambodian border guards at the Poipet crossing.", ("THA", "0841", "KHM")),
], reads)


test_session19_context = table("text, want", [
    # "rejected it" after another party's reaction to a plan: at the plan's author, not at the reacting party
    ("Turkey proposed a plan for a ceasefire in Ukraine. Hungary endorsed it, but Kyiv rejected it.", ("UKR", "12", "TUR")),
    ("Qatar proposed a plan to end the war in Sudan. Egypt welcomed it, but the RSF rejected it.", ("SDN", "12", "QAT")),
    # a plan tabled is offered (03); "turned it down" after another's reaction is at its author
    ("Kenya tabled a proposal for a ceasefire in Sudan. Egypt backed it, but the RSF turned it down.", ("SDN", "12", "KEN")),
    # a concern about the deal just told: at the deal's author
    ("Ghana signed a mining deal with China. Togo voiced concern about the deal.", ("TGO", "012", "GHA")),
    # a host or a counterpart told by a possessive acts toward the visitor or the one met
    ("The Kenyan president flew to Kampala on Monday. His Ugandan counterpart promised to speed up the oil pipeline.",
     ("UGA", "03", "KEN")),
    ("The Senegalese prime minister visited Nouakchott on Tuesday. His host pledged to share the gas revenues.",
     ("MRT", "03", "SEN")),
    # "its neighbour": the other country just told
    ("Niger reopened its border with Benin. Benin thanked its neighbour.", ("BEN", "05", "NER")),
    # an act noun the parse keeps out of the object ("called the step unfriendly"): the act's author
    ("Kenya expelled a Somali diplomat. Mogadishu called the step unfriendly.", ("SOM", "11", "KEN")),
    # a person pronoun taken or freed stands for the people just told, not the doer's own country
    ("Four Ethiopian migrants were arrested at a checkpoint in Moyale. Kenyan police later deported them.", ("KEN", "174", "ETH")),
    ("Egyptian police detained two Sudanese traders in Aswan. A court later released them.", ("EGY", "08", "SDN")),
], reads)


test_session19_no_wrong_reading = table("text, not_root", [
    # a door shut on a building is no refusal; a report due is no visit
    ("Police closed the door of the mosque after the prayers.", "12"),
    ("The report is due in March for review.", "03"),
    # a speaker warning of its own retaliation still threatens (13), no pessimism
    ("Iran warned that it would retaliate against any Israeli strike.", "012"),
], never_root)


# the back-off is not let guess an event on a game or a market (its sport_market gate)
test_session19_games_and_markets_are_silent = table("text", [
    "Ghana beat Nigeria 2-0 in a friendly in Accra.",
    "Hungary's handball team sank Norway 31-28 in the semi-final.",
    "The Kenyan marathon champion crushed the field in Berlin.",
    "A Rwandan startup raised $10 million to expand into Uganda.",
    "Shares in an Indian steel firm slumped after it cut its dividend.",
], silent)


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp.model import load_nlp

    return load_nlp()


@pytest.mark.parametrize("text", [
    "Brazil beat Argentina 2-1 in Buenos Aires.",
    "The Indian batsman hit a century in the first innings.",
    "Shareholders approved the merger of the two Nigerian banks.",
])
def test_the_sport_market_gate_stops_a_guess_on_a_game_or_a_market(nlp, text):
    assert judge(next(nlp(text).sents), "19", gate_words(), DEFAULT_GATES).blocked == "sport_market"


@pytest.mark.parametrize("text", [
    "The summit on 12-13 May ended with a joint statement.",  # days of a month, no score
    "The Arab League condemned the raid on the refugee camp.",  # a league that is no sport
    "Striking miners clashed with police in Rustenburg.",  # strikers are workers
    "Ethiopia courted foreign investors at a forum in Addis Ababa.",
])
def test_the_sport_market_gate_leaves_political_news(nlp, text):
    assert judge(next(nlp(text).sents), "19", gate_words(), DEFAULT_GATES).blocked != "sport_market"
