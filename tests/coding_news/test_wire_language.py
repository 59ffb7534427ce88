"""Wire-service constructions, second round (issue 9, session 11): acts framed by a visit,
trade bans, leaving a bloc or treaty, warnings of retaliation, force shown around a
country, extradition, relief teams, cyber attacks, people driven from their homes,
cases brought before a court, street protests, broken-off relations. Every sentence here
was written for this project (none is from a gold set)."""

from __future__ import annotations

import pytest

from .wire_helpers import dyads, has
from .tables import table, wire_root


pytestmark = pytest.mark.slow


test_a_visit_that_frames_the_clause_is_made_by_its_subject = table("text, source, target", [
    ("The Japanese foreign minister pledged more aid to Kenya during a visit to Nairobi.", "JPN", "KEN"),
    ("Kenya's president said on a visit to Tokyo that trade was growing.", "KEN", "JPN"),
    ("Germany's defence minister announced new air defence systems for Ukraine during a visit to Kyiv.", "DEU", "UKR"),
], wire_root("04"))


def test_a_frame_that_is_no_visit_lends_no_subject():
    got = dyads("Police arrested dozens of people during the protests in Lagos.")
    assert has(got, "NGA", "17", "NGA") and not any(r == "14" for _, r, _ in got), got


@pytest.mark.parametrize("text, source, target", [
    ("Vietnam halted imports of Thai rice after a dispute over prices.", "VNM", "THA"),
    ("Washington banned exports of advanced chips to China.", "USA", "CHN"),
])
def test_halting_trade_is_an_embargo(text, source, target):
    got = dyads(text)
    assert has(got, source, "16", target) and not has(got, source, "07", None), got


def test_leaving_a_bloc_or_a_treaty_reduces_relations():
    assert has(dyads("Gabon announced its withdrawal from the African Union."), "GAB", "16", None)
    got = dyads("Nigeria withdrew from the regional trade pact on Friday.")
    assert has(got, "NGA", "16", None) and not any(r == "08" for _, r, _ in got), got
    # troops withdrawn from a country are still a retreat
    assert has(dyads("Rwanda withdrew its troops from eastern Congo."), "RWA", "08", None)


@pytest.mark.parametrize("text, source, target", [
    ("Iran warned Israel of a crushing response to any attack.", "IRN", "ISR"),
    ("Beijing warned Manila of serious consequences if it kept sending ships to the shoal.", "CHN", "PHL"),
])
def test_a_warning_of_retaliation_is_a_threat(text, source, target):
    got = dyads(text)
    assert has(got, source, "13", target) and not has(got, source, "11", target), got


@pytest.mark.parametrize("text, source, target", [
    ("China deployed an aircraft carrier around Taiwan.", "CHN", "TWN"),
    ("Russian warships were deployed off the coast of Norway on Sunday.", "RUS", "NOR"),
    ("Chinese warships held drills around the Philippines on Tuesday.", "CHN", "PHL"),
])
def test_force_shown_around_a_country_is_aimed_at_it(text, source, target):
    got = dyads(text)
    assert has(got, source, "15", target) and not any(r == "06" for _, r, _ in got), got


def test_a_quantity_around_a_number_is_no_place():
    got = dyads("Russia moved around 5,000 soldiers across the river.")
    assert has(got, "RUS", "15", None) and not any(t for _, _, t in got), got


def test_extradition_to_a_country_is_judicial_cooperation_with_it():
    got = dyads("Peru extradited a former Bolivian minister to La Paz.")
    assert has(got, "PER", "06", "BOL") and not any(r == "17" for _, r, _ in got), got


def test_relief_teams_are_humanitarian_aid():
    got = dyads("Italy sent rescue teams to Morocco after the earthquake.")
    assert has(got, "ITA", "07", "MAR") and not any(r == "06" for _, r, _ in got), got


def test_hackers_attacking_computers_is_coercion_not_armed_force():
    got = dyads("North Korean hackers attacked the computer networks of South Korean banks.")
    assert has(got, "PRK", "17", "KOR") and not any(r == "19" for _, r, _ in got), got


def test_driving_people_from_their_homes_is_a_mass_expulsion():
    got = dyads("Myanmar's army forced thousands of villagers from their homes in Sagaing region.")
    assert has(got, "MMR", "20", "MMR"), got


def test_killing_in_a_massacre_is_mass_violence():
    got = dyads("Boko Haram fighters killed 40 villagers in a massacre in Borno state.")
    assert has(got, "NGA", "20", "NGA"), got


def test_a_case_presented_against_a_state_is_a_lawsuit():
    assert has(dyads("Guyana presented its case against Venezuela at the world court."), "GUY", "11", "VEN")


def test_people_protesting_in_a_city_demonstrate_a_government_complains():
    got = dyads("Thousands of Kenyans protested in Nairobi against the government.")
    assert has(got, "KEN", "14", "KEN") and not any(r == "11" for _, r, _ in got), got
    assert has(dyads("Japan protested to China in Beijing over the detention."), "JPN", "11", "CHN")


def test_relations_broken_off():
    assert has(dyads("Bolivia broke off diplomatic relations with Israel on Tuesday."), "BOL", "16", "ISR")


@pytest.mark.parametrize("text, source, target", [
    ("Qatar complained to the United Nations about Saudi air strikes on its border posts.", "QAT", "SAU"),
    ("Jordan protested to the Security Council over Israeli raids in the West Bank.", "JOR", "ISR"),
    ("Lebanon complained to the United Nations over Israel's violations of its airspace.", "LBN", "ISR"),
])
def test_a_complaint_lodged_with_a_body_is_aimed_at_the_author_of_the_act(text, source, target):
    assert has(dyads(text), source, "11", target)


def test_a_complaint_to_a_state_about_an_unattributed_act_stays_with_that_state():
    assert has(dyads("Ghana protested to Togo over the arrest of its fishermen."), "GHA", "11", "TGO")


@pytest.mark.parametrize("text, source, target", [
    ("Ethiopia rejected Turkish mediation in the border dispute.", "ETH", "TUR"),
    ("Mali rejected an offer of mediation from Algeria.", "MLI", "DZA"),
])
def test_mediation_rejected_is_aimed_at_the_mediator(text, source, target):
    assert has(dyads(text), source, "12", target)


def test_money_and_words_mobilised_are_no_force():
    got = dyads("The European Union is mobilising additional funds to support reconstruction in Libya.")
    assert not any(r == "15" for _, r, _ in got), got
    assert has(dyads("Russia mobilised thousands of reservists near the Finnish border."), "RUS", "15", "FIN")


def test_peacekeepers_deployed_are_protection_not_posture():
    got = dyads("Ghana announced the deployment of 300 peacekeepers to Mali.")
    assert has(got, "GHA", "07", None) and not any(r == "15" for _, r, _ in got), got


def test_peacekeepers_sent_are_protection():
    assert has(dyads("Bangladesh deployed peacekeeping troops to South Sudan."), "BGD", "07", "SSD")


@pytest.mark.parametrize("text, source, target", [
    ("Pakistan put its air force on high alert after India's defence minister warned of retaliation.", "PAK", "IND"),
    ("Japan scrambled fighter jets after Chinese drones flew near Okinawa.", "JPN", "CHN"),
    ("South Korea raised its military readiness following North Korea's missile launch.", "KOR", "PRK"),
])
def test_a_show_of_force_answers_whoever_did_what_came_before(text, source, target):
    assert has(dyads(text), source, "15", target)


def test_own_forces_put_on_alert_are_not_the_target():
    got = dyads("Taiwan put its forces on alert.")
    assert has(got, "TWN", "15", None) and not has(got, "TWN", "15", "TWN"), got


def test_a_host_of_talks_between_two_parties_mediates_between_them():
    got = dyads("Egypt hosted ceasefire negotiations between Israel and Hamas in Cairo.")
    assert has(got, "EGY", "04", "ISR") and has(got, "EGY", "04", "PSE"), got
    got = dyads("Saudi Arabia brokered a prisoner exchange between Russia and Ukraine.")
    assert has(got, "SAU", "04", "RUS") and has(got, "SAU", "04", "UKR"), got


def test_a_host_of_talks_with_a_leader_hosts_that_leader():
    assert has(dyads("Kenya hosted talks with Somalia's president on Monday."), "KEN", "04", "SOM")


def test_what_talks_are_about_is_not_done():
    got = dyads("Egypt's president hosted Jordan's king in Cairo on Sunday for talks on the Gaza ceasefire.")
    assert has(got, "EGY", "04", "JOR") and not any(r == "08" for _, r, _ in got), got


@pytest.mark.parametrize("text, source, target", [
    ("Chinese fighter jets and warships conducted drills around Taiwan on Monday.", "CHN", "TWN"),
    ("Russian tanks and artillery shelled villages near Kharkiv.", "RUS", "UKR"),
])
def test_a_bare_conjunct_shares_its_first_conjuncts_country(text, source, target):
    got = dyads(text)
    assert any(s == source and t == target for s, _, t in got) and all(s == source for s, _, _ in got), got


def test_conjuncts_that_name_their_own_countries_stay_apart():
    got = dyads("Israeli tanks and Palestinian gunmen exchanged fire in Jenin.")
    assert {s for s, _, _ in got} == {"ISR", "PSE"}, got
