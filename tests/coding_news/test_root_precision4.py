"""Extra and missing roots per sentence, fourth round (issue 9, session 16): what the fourth
blind raters' set (tests/data/own_raters4.jsonl) showed, in sentences written for these tests.

A warning of a danger (famine, disease, recession) is a pessimistic comment (012), not a threat:
a threat (13) needs an act the speaker would do. Goods, their trade or their price do no political
act ("cheap steel is killing mills"). A prison term imposed is imprisonment (17); people who are no
armed side occupying a building protest (14); a state blocking an app or the internet restricts
freedoms (17); funds "for" a country frozen are aid cut (16), higher tariffs are sanctions (16); a
result not accepted is rejected (12); what a veto or a rejection turns down is not done; a trip at
home visits no one; the back-off's guess of aid or of an appeal needs a word of aid or of asking.
Every sentence here was written for this project."""

from __future__ import annotations

import pytest

from .tables import root_set, roots_on, table

pytestmark = pytest.mark.slow


roots = roots_on("2026-12-07", doc_id="r4", counted_only=True)


@pytest.mark.parametrize("text", [
    "The World Food Programme warned that parts of Haiti could slip into famine within weeks.",
    "Save the Children warned that hunger was spreading fast across the Sahel.",
    "Health officials in Peru warned that dengue infections could triple this summer.",
    "The UN food agency warned of famine in the Tigray region.",
    "UNICEF cautioned that cholera could spread quickly through the camps around Goma.",
])
def test_a_warning_of_a_danger_is_a_statement_not_a_threat(text):
    assert roots(text) == {"01"}


@pytest.mark.parametrize("text", [
    "Iran warned that it would retaliate if its nuclear sites were attacked.",
    "North Korea warned of a strong response to the joint drills.",
    "Russia warned Finland that joining NATO would bring consequences.",
])
def test_a_warning_of_the_speakers_own_act_stays_a_threat(text):
    assert roots(text) == {"13"}


@pytest.mark.parametrize("text", [
    "Cheap Chinese steel is killing European mills, industry executives said.",
    "Dumped Chinese steel is killing India's small mills, the steel secretary said.",
    "Cheap imports from China are killing local factories in Kenya.",
    "Cheap Vietnamese rice is killing Philippine farmers, a farm group said.",
])
def test_goods_kill_nothing(text):
    assert roots(text) == set()


def test_people_and_weapons_still_kill():
    assert roots("Gunmen killed six farmers in Nigeria's Plateau state on Sunday.") == {"18"}


@pytest.mark.parametrize("text", [
    "A court in Cairo sentenced a blogger to five years in prison.",
    "A court in Minsk sentenced an opposition activist to four years in a penal colony.",
    "A military court in Yangon sentenced a former minister to 20 years in jail.",
])
def test_a_prison_term_imposed_is_imprisonment(text):
    assert roots(text) == {"17"}


test_people_occupying_a_building_protest = table("text, want", [
    ("University students occupied the rector's building in Santiago to protest against higher fees.", {"14"}),
    ("Hundreds of farmers occupied the agriculture ministry in Bogota on Monday.", {"14"}),
    ("Striking workers occupied the car factory near Turin for a third day.", {"14"}),
], root_set(roots))


@pytest.mark.parametrize("text", [
    "Authorities in Tashkent blocked access to a popular video app before a planned opposition march.",
    "Pakistan restricted internet access across the country on election day.",
    "Turkey blocked access to a social media platform after the arrest of Istanbul's mayor.",
])
def test_a_state_blocking_media_restricts_freedoms(text):
    assert "17" in roots(text) and "12" not in roots(text)


test_frozen_aid_and_higher_tariffs_reduce_relations = table("text, want", [
    ("Germany froze 50 million euros in development funds for Niger.", {"16"}),
    ("The United States froze the assets of three Venezuelan officials.", {"17"}),
    ("Canada raised tariffs on Chinese solar panels to 30 percent.", {"16"}),
    ("Mexico raised import duties on Chinese textiles.", {"16"}),
], root_set(roots))


@pytest.mark.parametrize("text", [
    "Venezuela's opposition refused to accept the official results of the election.",
    "Mozambique's main opposition party refused to recognise the outcome of the vote.",
])
def test_a_result_not_accepted_is_rejected(text):
    assert roots(text) == {"12"}


@pytest.mark.parametrize("text", [
    "Slovakia blocked a joint EU declaration condemning Russia.",
    "Russia vetoed a UN resolution condemning its annexation of four Ukrainian regions.",
])
def test_what_a_veto_turns_down_is_not_done(text):
    assert roots(text) == {"12"}


def test_a_resolution_adopted_still_condemns():
    assert "11" in roots("The UN General Assembly adopted a resolution condemning the coup in Myanmar.")


test_a_trip_at_home_visits_no_one = table("text, want", [
    ("The Pakistani prime minister visited flood-hit areas of Sindh.", set()),
    ("Turkey's president visited the earthquake zone on Tuesday.", set()),
    ("Turkey's president visited Baghdad on Tuesday.", {"04"}),
], root_set(roots))


def test_a_tax_cut_promised_is_no_aid_cut():
    got = roots("Taxi drivers blocked the main roads into Lagos, and the governor promised to cut fuel taxes.")
    assert "13" not in got and "16" not in got


@pytest.mark.parametrize("text", [
    "The band's comeback tour, which closes in Buenos Aires next month, has sold more than three million tickets.",
    "The new commuter rail line in Lagos carried more than 800,000 passengers in its first month.",
    "Egypt's prime minister said on Monday that the new administrative capital would be ready to house all ministries by next year.",
])
def test_the_back_off_needs_a_word_of_aid_or_of_asking(text):
    assert not roots(text) & {"02", "07", "10"}


@pytest.mark.parametrize("text", [
    "Police in Kigali arrested an opposition leader for collaborating with a rebel group.",
    "Russia jailed a Siberian shaman for calling for the overthrow of the government.",
    "Authorities in Baku detained two reporters for cooperating with a foreign broadcaster.",
])
def test_the_offence_a_legal_action_names_is_not_done(text):
    assert roots(text) == {"17"}


def test_violence_an_arrest_names_stays_an_event_for_police_records():
    # (the rule leaves violent offences alone: police event data count the killing behind an arrest)
    got = roots("Police in Lahore arrested two brothers for killing their neighbour.")
    assert "17" in got


@pytest.mark.parametrize("text", [
    "The FBI offered a large reward for the capture of a cartel leader.",
    "Authorities in Lima offered rewards for the capture of four escaped prisoners.",
    "The Colombian government offered a reward for the capture of a rebel commander.",
])
def test_a_reward_for_a_capture_is_no_capture(text):
    # (session 17) what a reward or a bounty is offered for is still to come: no seizure (19), no arrest (17)
    assert roots(text) == set()


def test_condolences_for_a_killing_still_tell_the_killing():
    assert "18" in roots("Nigeria's army offered condolences for the killing of 12 soldiers.")


@pytest.mark.parametrize("text", [
    "Prime Minister Theresa May called on Friday for Britain to stay in the single market.",
    "The Chilean president called for parliament to approve the pension reform quickly.",
    "Opposition leaders in Nairobi called for the electoral commission to be disbanded.",
])
def test_calling_for_a_clause_is_an_appeal_not_a_phone_call(text):
    # (session 17) "called for X to do": the "for" opens the clause asked for (the parser makes it a mark)
    got = roots(text)
    assert "02" in got and "04" not in got


def test_calling_a_counterpart_stays_a_phone_call():
    assert roots("The French president called his Lebanese counterpart on Tuesday.") == {"04"}


@pytest.mark.parametrize("text", [
    "A Turkish court freed an employee of the U.S. consulate in the southern province of Adana.",
    "A court in Tehran freed a French teacher held in the northern city of Rasht.",
])
def test_a_person_freed_is_released_whatever_place_is_named(text):
    assert roots(text) == {"08"}


def test_a_town_freed_is_still_taken():
    assert roots("Iraqi forces freed the town of Tal Afar from Islamic State fighters.") == {"19"}


@pytest.mark.parametrize("text", [
    "Brazil's Supreme Court convicted a former president of plotting a coup and sentenced him to 27 years in prison.",
    "A court in Dhaka convicted an opposition leader of corruption and sentenced him to ten years in jail.",
    "A Moscow court convicted two activists of extremism and sentenced them to six years in a penal colony.",
])
def test_a_verdict_beside_its_prison_term_is_the_imprisonment(text):
    # (the codebook keeps 116 for rulings where imprisonment is not at issue)
    assert roots(text) == {"17"}


@pytest.mark.parametrize("text", [
    "A court in Ankara convicted a journalist of spreading disinformation.",
    "A court in Paris convicted the company of negligence and fined it 2 million euros.",
])
def test_a_verdict_with_no_prison_term_stays_a_finding_of_guilt(text):
    assert roots(text) == {"11"}


@pytest.mark.parametrize("text", [
    "Iran said it was ready for a new deal with Washington.",
    "Hamas said it was ready for a deal with Israel.",
    "Moscow said it was open to a new agreement with Washington.",
    "The Taliban said they were open to dialogue with the opposition.",
    "Iran said it was ready for talks with the United States.",
])
def test_ready_for_an_accord_is_an_intent_to_cooperate(text):
    assert roots(text) == {"03"}


@pytest.mark.parametrize("text", [
    "The deal will be signed next week.",
    "Officials said the agreement would be ready for signing by June.",
])
def test_an_accord_that_is_itself_ready_is_no_intent(text):
    assert "03" not in roots(text)


def test_tariffs_lifted_are_no_sanction():
    assert roots("Washington lifted tariffs on Indian textiles.") == {"08"}
