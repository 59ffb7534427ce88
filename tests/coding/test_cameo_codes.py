"""Three- and four-digit CAMEO codes: what is given, asked, refused or threatened.

Written for this project: news-style sentences of our own, coded with the fake
knowledge base, so they test the patterns and the ``subcodes`` table (the
narrowing of a code by what is at stake), not the actor dictionaries.
"""

from __future__ import annotations

import pytest

from flashpoint.coding.patterns import parse_patterns
from flashpoint.errors import DataFileError

from .fake_kb import FakeKB
from .test_extraction import code


def has(nlp, text, expected):
    """Whether ``expected`` (source, code, target) is among the events of ``text``."""
    got = {(s, c, t) for s, c, t, *_ in code(nlp, text)}
    return expected in got, got


# -- the subcodes table itself (no parsing needed) ------------------------------

TABLE = {
    "classes": {"arms": ["weapon", "tank"], "food": ["food", "medicine"]},
    "subcode_families": {
        "kind": [
            {"key": "military", "digit": "2", "words": "@arms"},
            {"key": "humanitarian", "digit": "3", "words": "@food"},
        ],
        "ask": [{"key": "aid", "words": ["aid"]}],
    },
    "subcodes": {"023": "kind", "070": ["kind", "07"], "020": ["ask", {"aid": "023"}]},
    "verbs": [{"id": "ask", "lemmas": ["ask"], "code": "020"}],
}


def test_subcodes_narrow_by_the_first_family_entry_that_matches():
    ps = parse_patterns(TABLE)
    assert ps.refine("023", {"tank", "food"}) == "0232"  # the first entry wins
    assert ps.refine("023", {"medicine"}) == "0233"
    assert ps.refine("070", {"weapon"}) == "072"  # a prefix other than the parent
    assert ps.refine("023", {"money"}) == "023"  # nothing at stake that the table knows
    assert ps.refine("020", {"aid", "food"}) == "0233"  # narrowed twice


def test_subcodes_skip_codes_the_ontology_lacks_and_reject_bad_tables():
    ps = parse_patterns(TABLE, valid_codes=frozenset({"020", "023", "0232", "070", "072"}))
    assert ps.refine("023", {"food"}) == "023"
    with pytest.raises(DataFileError):
        parse_patterns({**TABLE, "subcodes": {"023": "no_such_family"}})
    with pytest.raises(DataFileError):
        parse_patterns({**TABLE, "subcodes": {"020": ["ask", {"aid": "0999"}]}}, valid_codes=frozenset({"020"}))


def test_classes_may_name_other_classes():
    data = {**TABLE, "classes": {**TABLE["classes"], "both": ["@arms", "@food", "tent"]},
            "subcode_families": {"kind": [{"key": "any", "digit": "3", "words": "@both"}]}, "subcodes": {"023": "kind"}}
    ps = parse_patterns(data)
    assert ps.refine("023", {"tank"}) == ps.refine("023", {"tent"}) == "0233"
    with pytest.raises(DataFileError):
        parse_patterns({**data, "classes": {"loop": ["@loop"]}, "subcode_families": {"kind": [{"key": "k", "digit": "1", "words": "@loop"}]}})


def test_the_packaged_table_only_names_codes_of_the_ontology():
    from flashpoint.coding.ontology import Ontology
    from flashpoint.coding.patterns import load_patterns

    codes = frozenset(Ontology.load().codes)
    ps = load_patterns(None, codes)
    assert ps.subcodes["023"] and all(child in codes for kids in ps.subcodes.values() for child, _ in kids)


# -- sentences -------------------------------------------------------------------

SENTENCES = [
    # appeals for aid: the kind of aid decides the fourth digit
    ("Ukraine asked Germany for air-defence systems and more artillery shells.", ("UKR", "0232", "DEU")),
    ("Mali appealed to France for food and medicine after the floods.", ("MLI", "0233", "FRA")),
    ("Belarus asked China to help finance a new railway line.", ("BLR", "0231", "CHN")),
    ("Lithuania urged NATO to send peacekeeping troops to the region.", ("LTU", "0234", "NATO")),
    # appeals: what the target is asked to do
    ("The EU urged Belarus to lift its ban on independent newspapers.", ("EU", "0251", "BLR")),
    ("Poland called on Russia to free the detained fishermen.", ("POL", "0253", "RUS")),
    ("France urged Iran to ease the embargo on grain exports.", ("FRA", "0254", "IRN")),
    ("The UN appealed to Mali to allow relief convoys into the north.", ("UN", "0255", "MLI")),
    ("Germany urged Russia to pull its forces back from the frontier.", ("DEU", "0256", "RUS")),
    ("The EU called on Belarus to extradite the two suspects.", ("EU", "0213", "BLR")),
    ("Japan asked China to share intelligence on the missile launches.", ("JPN", "0214", "CHN")),
    ("The United States urged India to open talks on free trade.", ("USA", "026", "IND")),
    ("Japan urged India to cooperate on trade and investment.", ("JPN", "0211", "IND")),
    ("Israel urged Iran to accept mediation by the UN.", None),
    ("The UN urged Mali to settle the border dispute with Burkina Faso.", ("UN", "027", "MLI")),
    # appeals and demands for reform
    ("Protesters and France urged Lukashenko to step down.", ("FRA", "0241", "BLR")),
    ("The EU urged Belarus to respect the rights of the Polish minority.", ("EU", "0243", "BLR")),
    ("The United States demanded that Russia hold a referendum under international monitoring.", ("USA", "1044", "RUS")),
    ("Poland demanded the resignation of the Belarusian interior minister.", ("POL", "1041", "BLR")),
    # demands to yield
    ("Estonia demanded that Russia renounce the use of force against its neighbours.", ("EST", "1056", "RUS")),
    ("France demanded that Iran release the three detained aid workers.", ("FRA", "1053", "IRN")),
    ("The EU demanded that Belarus allow international inspectors into the camps.", ("EU", "1055", "BLR")),
    # what the target is asked for, whatever verb carries the appeal
    ("Germany wants Russia to pay compensation to the victims' families.", ("DEU", "025", "RUS")),
    ("The EU appealed to Belarus on Monday to urgently reconsider its ban on aid convoys.", ("EU", "0255", "BLR")),
    ("Japan called for an end to the Chinese embargo on Japanese seafood.", None),
    ("France insisted that Mali must hand over the suspected bombers.", ("FRA", "1013", "MLI")),
    ("Poland said Belarus must agree to constitutional changes before the vote.", ("POL", "1044", "BLR")),
    ("The EU demanded that Belarus grant the Polish minority more rights.", ("EU", "1043", "BLR")),
    # accusations: of what
    ("Poland accused Belarus of smuggling migrants and bribing border guards.", ("POL", "1121", "BLR")),
    ("France accused Russia of torturing prisoners and other human rights abuses.", ("FRA", "1122", "RUS")),
    ("Ukraine accused Russia of violating the truce along the front line.", ("UKR", "1123", "RUS")),
    ("Ukraine accused Russia of war crimes in occupied towns.", ("UKR", "1124", "RUS")),
    ("China accused Japan of espionage after two diplomats were detained.", ("CHN", "1125", "JPN")),
    # threats: of what
    ("Russia threatened to cut diplomatic ties with Lithuania.", ("RUS", "1313", "LTU")),
    ("The EU threatened to stop negotiations with Belarus.", ("EU", "134", "BLR")),
    ("Russia threatened to blockade Lithuania by sea and rail.", ("RUS", "1381", "LTU")),
    ("Iran threatened to launch a military offensive against Israel.", ("IRN", "1384", "ISR")),
    ("Russia threatened to use nuclear weapons against Ukraine.", ("RUS", "1385", "UKR")),
    ("Lithuania threatened to sever relations with Belarus.", ("LTU", "1313", "BLR")),
    ("Belarus forced the UN refugee agency out of the country.", ("BLR", "1663", "UN")),
    ("Russia threatened to expel Polish diplomats.", ("RUS", "1313", "POL")),
    # what relations are cut back
    # a withdrawal of a foreign presence
    ("The UN will withdraw its inspectors from Iran next week.", ("UN", "136", "IRN")),
    ("France pulled its peacekeepers out of Mali last year.", None),
    # hardware sent abroad is military aid; back to the table is a meeting, not a return
    ("Germany will send air-defence systems to Ukraine.", ("DEU", "0332", "UKR")),
    ("The EU urged Russia and Ukraine to return to the negotiating table.", ("EU", "026", "RUS")),
    ("France pledged 50 million euros in food aid for Mali.", ("FRA", "0333", "MLI")),
    ("Poland vetoed the EU's new budget proposal.", ("POL", "129", "EU")),
    # lifting sanctions of every kind
    ("Belarus lifted the curfew in Minsk on Sunday.", None),
    ("The EU eased its trade embargo on Belarus.", ("EU", "085", "BLR")),
    ("Russia lifted the naval blockade of Ukraine's ports.", ("RUS", "0872", "UKR")),
    # releases: persons or property
    ("Iran released the French journalist on Friday.", ("IRN", "0841", "FRA")),
    ("Russia returned the seized Ukrainian ships to Ukraine.", ("RUS", "0842", "UKR")),
    # rejections: of what
    ("Poland rejected a Belarusian proposal for talks on the border crisis.", ("POL", "125", "BLR")),
    ("Russia rejected the French proposal for a ceasefire in Ukraine.", None),
    ("Israel rejected an offer of mediation by France.", ("ISR", "126", "FRA")),
    # aid, investigations, bombings, assaults
    ("Germany gave Ukraine tanks and ammunition.", ("DEU", "072", "UKR")),
    ("The EU gave Mali 50 million euros to finance new roads.", ("EU", "071", "MLI")),
    ("France is investigating alleged war crimes by Russian troops in Ukraine.", ("FRA", "094", "RUS")),
    ("India opened a corruption inquiry into the Chinese firm.", None),
    ("Russian police tortured the Ukrainian journalist.", ("RUS", "1822", "UKR")),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [s for s in SENTENCES if s[1] is not None])
def test_narrow_codes(nlp, text, expected):
    ok, got = has(nlp, text, expected)
    assert ok, got


@pytest.mark.slow
@pytest.mark.parametrize("text, codes", [
    ("Russia rejected the French proposal for a ceasefire in Ukraine.", {"1246"}),
    ("France pulled its peacekeepers out of Mali last year.", {"1661", "0874"}),
    ("Belarus lifted the curfew in Minsk on Sunday.", {"0813"}),
    ("India opened a corruption inquiry into the Chinese firm.", {"091"}),
    ("Israel urged Iran to accept mediation by the UN.", {"028"}),
    ("Japan called for an end to the Chinese embargo on Japanese seafood.", {"0254"}),
    # a pattern marked refine: false keeps its code ("agrees with" is accord, whatever the topic)
    ("France agrees with Germany on military aid to Ukraine.", {"030"}),
    # calling for a boycott is not asking the target to yield
    ("Iran called for a boycott of Israeli goods.", {"020"}),
    # hunger strikes are no attacks; "up to" is no particle
    ("Belarusian dissidents continued their hunger strike to demand the release of prisoners.", {"1423"}),
    ("Russian troops detained up to 40 Ukrainian civilians near the border.", {"173"}),
    # offers and promises narrowed by what is offered
    ("Russia offered to hand over the two suspects to Belarus.", {"0313"}),
    ("Lukashenko promised to hold free elections next year.", {"0344"}),
    ("France is ready to contribute 500 troops to a UN peacekeeping force in Mali.", {"0334"}),
    # moods: optimism and pessimism voiced about a process
    ("The French minister expressed optimism about the talks with Iran.", {"013"}),
    ("India voiced deep scepticism over the Chinese proposal.", {"012"}),
    # restrictions are administrative sanctions, and a plan to impose them a threat of them
    ("Russia plans to impose restrictions on foreign journalists.", {"1321", "132"}),
])
def test_narrow_codes_any_dyad(nlp, text, codes):
    """The code, whatever the knowledge base makes of the actors."""
    got = {c for _, c, *_ in code(nlp, text)}
    assert got & codes, got


@pytest.mark.slow
@pytest.mark.parametrize("text, wrong", [
    # what a bomb hit is not what kind of bomb it was
    ("Russian troops hurled a grenade at a Ukrainian army vehicle.", "1832"),
    # the son of a minister is not the minister
    ("Russian troops killed the son of the Ukrainian defence minister.", "186"),
    # a participle that only adds circumstances says nothing about what a protest is for
    ("Polish protesters rallied in Warsaw, reviving a chant from the democracy movement of 1989.", "1414"),
    # who was helped is not the kind of help; a rejected accusation is no rejected request
    ("Russian troops helped the Belarusian military after the floods.", "072"),
    ("Russia rejected allegations that its aircraft hit an aid convoy in Ukraine.", "1223"),
    # a warning about protests is no threat to protest; committing violations is no commitment
    ("Belarus warned Poland against supporting the protests in Minsk.", "133"),
    ("Russia committed violations of the Ukrainian border.", "030"),
    # suicide bombers are no aircraft; a city "declared liberated from the Islamic State" is no emergency
    ("Two suicide bombers killed ten Malian soldiers near Gao.", "195"),
    ("The Malian army said the town was declared liberated from the Islamic State.", "1724"),
    # sanctions to be lifted, also as a conjunct, are no sanctions imposed
    ("The EU called for action to lift the embargo and other sanctions on Iran.", "163"),
    # the act a request asks for has not happened
    ("Poland rejected a Belarusian request to extradite the activist.", "174"),
    # poison-gas shells are chemical weapons first
    ("Russian troops fired mortar shells loaded with chlorine at Ukrainian positions.", "194"),
    # a meeting called off because of sanctions lifts no sanctions
    ("Russia cancelled a meeting with the French minister because of the new sanctions.", "080"),
])
def test_no_narrowing_from_bystander_words(nlp, text, wrong):
    got = {c for _, c, *_ in code(nlp, text)}
    assert wrong not in got, got


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # a death from abuse in custody is a killing by assault
    ("Russian police detained the activist in May. He died of torture in custody.", "1823"),
    # killing a commander or minister is an assassination; a failed plot an attempt
    ("Russian troops killed the Ukrainian regional governor.", "186"),
    ("Russian agents attempted to assassinate the Ukrainian president.", "185"),
    # banning opposition candidates is a ban on politicians, not a suspension
    ("Russia barred Ukrainian politicians from the election.", "1722"),
    # atrocities
    ("Russian troops engaged in ethnic cleansing in the occupied districts.", "203"),
    ("Russian troops committed a massacre in the village.", "202"),
    # mediation undertaken, talks at a third place
    ("France undertook a mediation mission between Mali and Burkina Faso.", "045"),
    # the weapon of a military attack, from the attacker or the act
    ("Russian warplanes attacked Ukrainian positions near the border.", "195"),
    ("Russian tanks attacked the Ukrainian town of Izium.", "194"),
    # a visit to mediate is mediation; a mediation announced for the future an offer to mediate
    ("The French president will visit Mali to mediate in the dispute with Burkina Faso.", "039"),
    # a state of emergency or of siege, not a new state
    ("Mali declared a state of siege in the north on Sunday.", "1724"),
    # police rather than soldiers
    ("Belarus reinforced its police along the Polish border.", "153"),
    # strikes and protests: what they are for
    ("Polish unions organized a general strike to protest the new pension law.", "1432"),
    ("Polish protesters blocked roads in Warsaw to demand the resignation of the president.", "1441"),

])
def test_codes_of_new_patterns(nlp, text, expected):
    got = {c for _, c, *_ in code(nlp, text)}
    assert expected in got, got


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # the kind of bomb: car bombs, roadside devices, suicide attackers (bombers are seldom named)
    ("Militants detonated a car bomb outside the army base.", "1832"),
    ("Gunmen detonated a roadside bomb as the convoy passed.", "1833"),
    ("A suicide bombing near the parliament killed twelve people.", "1831"),
])
def test_kinds_of_bombing(nlp, text, expected):
    from datetime import date

    from flashpoint.coding.coder import Coder
    from flashpoint.coding.patterns import load_patterns
    from flashpoint.nlp.extract import extract_candidates

    ps = load_patterns()
    cands = extract_candidates(nlp(text), ps.verb_lemmas, ps.noun_lemmas, ps.reporting, [])
    got = {e.code for e in Coder(ps, FakeKB(), open_actors=True).code_document(cands, date(2022, 1, 1))}
    assert expected in got, got
