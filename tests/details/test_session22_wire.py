"""Kinds of wrong reading the own wire sets (own_wire13's first run and the list left from session 21)
still showed in session 22, each on sentences written for this test (none is from a wire set or a gold
set): a bureau dateline's country is no home for "the opposition" of a sentence told in another country;
deployments around a place told after the last of several conjoined forces; a riot on an embassy aimed
at the embassy's country; "its crew" of a vessel just seized; fines on companies (and companies the
knowledge base now knows); fire a subject "came under" from whom it came; the release of drivers and
other working travellers; "the bloc" of a member state; the namesake region of a sub-national office;
a state's executions, told actively or by its judiciary in the passive."""

from __future__ import annotations

import pytest

from . import coded as shared

pytestmark = pytest.mark.slow


def roots(text: str) -> set[tuple]:
    """(source country, root, target country) of every event, statements left out as PETRARCH does."""
    return shared.roots(text, statements=False)


def codes(text: str) -> set[tuple]:
    """(source code, root, target code) of every event."""
    return {(e.source.code if e.source else None, e.cameo[:2], e.target.code if e.target else None)
            for e in shared.coded(text, statements=False)}


# -- actors -------------------------------------------------------------------------------

def test_a_bureau_dateline_is_no_home_for_a_sentence_told_in_another_country():
    found = roots("ISTANBUL, June 3 (Reuters) - Azerbaijani police detained 30 protesters in Baku on Sunday, "
                  "and the government accused the opposition of stirring unrest.")
    assert ("AZE", "11", "AZE") in found, found
    assert not any(t == "TUR" for _, _, t in found), found


def test_the_dateline_stays_home_when_the_sentence_is_told_there():
    # the place told is the dateline's own country: "the government" is Russia's, not the drones'
    found = roots("MOSCOW (Reuters) - Ukrainian drones hit a fuel depot in the Bryansk region on Sunday, "
                  "and the government accused Kyiv of terrorism.")
    assert ("RUS", "11", "UKR") in found, found


@pytest.mark.parametrize(("text", "who", "whom"), [
    ("The chief minister of Punjab accused India on Sunday of flooding farmland by opening its dams.", "PAK", "IND"),
    ("The chief minister of Punjab criticised Pakistan on Monday over drones crossing the border.", "IND", "PAK"),
])
def test_a_sub_national_office_of_a_shared_region_name_is_not_the_other_sides(text, who, whom):
    found = roots(text)
    assert (who, "11", whom) in found, found


@pytest.mark.parametrize(("text", "bloc"), [
    ("BRUSSELS (Reuters) - Austria's chancellor urged the bloc on Tuesday to tighten its asylum rules.", "IGOEUREEC"),
    ("The African Union condemned the coup in Gabon on Sunday. Poland's prime minister accused the bloc on Monday "
     "of ignoring farmers.", "IGOEUREEC"),
    ("Cambodia's prime minister urged the bloc on Friday to admit Timor-Leste quickly.", "IGOSEAASN"),
])
def test_the_bloc_is_the_one_its_member_state_belongs_to(text, bloc):
    found = codes(text)
    assert any(t == bloc for _, _, t in found), found


def test_the_bloc_told_before_stays_for_a_state_outside_every_listed_bloc():
    found = codes("The European Union extended its sanctions on Monday. Russia accused the bloc of waging an economic war against it.")
    assert any(s and s.startswith("RUS") and t == "IGOEUREEC" for s, _, t in found), found


@pytest.mark.parametrize(("text", "who", "whom"), [
    ("Iran's judiciary said on Sunday that a man convicted of spying had been executed.", "IRN", "IRN"),
    ("Singapore executed a man convicted of drug trafficking on Wednesday.", "SGP", "SGP"),
    ("Saudi Arabia executed two Ethiopian nationals for smuggling on Tuesday.", "SAU", "ETH"),
])
def test_a_states_execution_falls_on_whom_it_names_else_its_own_country(text, who, whom):
    found = roots(text)
    assert (who, "18", whom) in found, found


@pytest.mark.parametrize(("text", "whom"), [
    ("The United States imposed sanctions on Huawei on Friday.", "CHN"),
    ("Britain imposed sanctions on Rosneft on Thursday.", "RUS"),
])
def test_companies_are_actors_of_their_home_country(text, whom):
    found = roots(text)
    assert any(t == whom and r == "16" for _, r, t in found), found


# -- targets ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "who", "whom"), [
    ("Russia sent four bombers and two refuelling tankers near Alaska on Thursday.", "RUS", "USA"),
    ("China deployed 12 warplanes and five frigates around Taiwan on Tuesday.", "CHN", "TWN"),
])
def test_a_deployment_around_a_place_told_after_its_last_conjunct(text, who, whom):
    found = roots(text)
    assert (who, "15", whom) in found, found


@pytest.mark.parametrize(("text", "whom"), [
    ("Rioters set fire to the Norwegian embassy in Khartoum on Friday.", "NOR"),
    ("Protesters ransacked the Turkish consulate in Erbil on Monday.", "TUR"),
    ("Crowds torched the British embassy in Tehran and looted its offices.", "GBR"),
])
def test_a_riot_on_an_embassy_is_aimed_at_the_embassys_country(text, whom):
    found = roots(text)
    assert any(r == "14" and t == whom for _, r, t in found), found
    assert not any(r == "14" and t not in (whom, None) for _, r, t in found), found


def test_a_riot_on_ordinary_property_still_falls_on_the_host_government():
    found = roots("Protesters set fire to shops in Nairobi on Tuesday.")
    assert ("KEN", "14", "KEN") in found, found


@pytest.mark.parametrize(("text", "who", "whom"), [
    ("Ghanaian naval officers boarded a Togolese trawler and detained its crew on Sunday.", "GHA", "TGO"),
    ("The Sri Lankan navy seized an Indian boat near Delft island and arrested its five crew members.", "LKA", "IND"),
])
def test_its_crew_belongs_to_the_vessel_just_seized(text, who, whom):
    found = roots(text)
    assert (who, "17", whom) in found, found
    assert (who, "17", who) not in found, found


@pytest.mark.parametrize(("text", "who", "whom"), [
    ("A Brazilian court fined Microsoft 20 million reais on Monday.", "BRA", "USA"),
    ("France's data protection regulator imposed a fine on Google on Thursday.", "FRA", "USA"),
])
def test_a_fine_is_an_administrative_sanction_on_whom_it_is_levied(text, who, whom):
    found = roots(text)
    assert (who, "17", whom) in found, found


def test_fine_as_an_adjective_is_no_event():
    assert roots("Relations with Chad are fine, the minister told reporters in Niamey.") == set()


@pytest.mark.parametrize(("text", "who", "whom"), [
    ("Pakistani troops came under fire from Indian positions across the Line of Control on Friday.", "IND", "PAK"),
    ("A Malian army convoy came under attack from Russian mercenaries' former allies, Wagner fighters, near Gao.",
     "RUS", "MLI"),
])
def test_a_subject_that_came_under_fire_is_the_target_of_whom_it_came_from(text, who, whom):
    found = roots(text)
    assert (who, "19", whom) in found, found


def test_the_release_of_drivers_by_a_state_frees_their_country():
    found = roots("Mali's release of 12 Ivorian truck drivers ended a month-long standoff at the border.")
    assert ("MLI", "08", "CIV") in found, found


def test_will_provide_hardware_is_an_intent_to_give_aid():
    # docs/ONTOLOGY.md, "Conventions decided in session 22": a future provision is a pledge (033)
    found = roots("South Korea will provide the Philippines with two frigates next year.")
    assert ("KOR", "03", "PHL") in found, found


def test_a_refused_permission_is_no_refusal_by_those_not_let_act():
    found = roots("Venezuela refused on Monday to allow Brazilian observers to visit the disputed region.")
    assert any(s == "VEN" and r == "12" for s, r, _ in found), found
    assert not any(s == "BRA" for s, _, _ in found), found


def test_accusing_its_crew_accuses_the_vessels_country():
    found = roots("The Argentine navy detained a Chinese fishing vessel and accused its captain of poaching.")
    assert ("ARG", "11", "CHN") in found, found


def test_a_suicide_bomber_bombs_and_bomber_aircraft_fight():
    assert ("AFG", "18", "AFG") in roots("A suicide bomber killed nine people outside a bank in Kandahar on Sunday."), \
        roots("A suicide bomber killed nine people outside a bank in Kandahar on Sunday.")
    found = roots("Russian bombers struck Kharkiv overnight.")
    assert ("RUS", "19", "UKR") in found, found
