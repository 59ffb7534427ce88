"""Kinds of error the eleven own wire sets still showed in session 21, each on sentences written for
this test (none is from those sets or a gold set): an inquiry looks into the deed's doers or the place
of the deed it names ("an investigation into abuses by Nicaraguan police", "an inquiry into the
disappearance of two activists in Oaxaca"); a detention told as who is freed is no arrest of the day
("freed 12 fishermen held since March", "pardoned 200 prisoners, among them critics jailed for
insulting the king"), and a court that orders a release frees; troops sent "to fight alongside" a
force cooperate with that force's country; a reaction that names the act it answers ("calling the
build-up a provocation") is aimed at whoever did it; a charge's "by" phrase hung on the charge names
who brought it ("was charged with fraud by prosecutors in Cusco")."""

from __future__ import annotations

import pytest

from . import coded as shared

pytestmark = pytest.mark.slow


def triples(text: str) -> set[tuple]:
    return shared.triples(text, statements=False)


def roots(text: str) -> set[tuple]:
    return shared.roots(text, statements=False)


@pytest.mark.parametrize(("text", "who", "root", "whom"), [
    # the deed's doers, told in a "by" phrase the parser hangs on the verb
    ("The International Criminal Court opened an investigation on Tuesday into torture by Nicaraguan police.",
     None, "09", "NIC"),
    ("The U.N. human rights office launched an inquiry into killings of protesters by Kenyan police officers.",
     None, "09", "KEN"),
    # the deed's place
    ("Mexico's human rights commission opened an inquiry into the disappearance of two students in Guatemala City.",
     "MEX", "09", "GTM"),
    ("A team of U.N. experts began investigating reports of mass graves near Tripoli on Monday.", None, "09", "LBY"),
])
def test_an_inquiry_is_aimed_at_the_doers_or_the_place_of_its_deed(text, who, root, whom):
    found = roots(text)
    assert any(r == root and t == whom and (who is None or s == who) for s, r, t in found), found


def test_an_inquiry_is_not_aimed_at_where_its_authors_sit():
    # the inquirers' own seat is no target (the sources' own country)
    found = roots("Prosecutors in Madrid opened an investigation into a Spanish bank's accounts.")
    assert not any(r == "09" and t not in (None, "ESP") for _, r, t in found), found


@pytest.mark.parametrize(("text", "who", "whom"), [
    ("Eritrea freed 12 Ethiopian fishermen held since March on Thursday.", "ERI", "ETH"),
    ("Morocco's king pardoned 200 prisoners, among them two journalists jailed for criticising the government.",
     "MAR", "MAR"),
    ("Iran released a Swedish researcher detained in Evin prison on spying charges.", "IRN", "SWE"),
])
def test_a_detention_told_as_who_is_freed_is_no_arrest(text, who, whom):
    found = roots(text)
    assert (who, "08", whom) in found, found
    assert not any(r == "17" for _, r, _ in found), found


def test_an_arrest_told_as_who_someone_is_still_counts_without_a_release():
    found = roots("Police in Accra questioned 30 people arrested during the riot.")
    assert any(r == "17" for _, r, _ in found), found


def test_an_arrest_told_beside_a_release_still_counts():
    # an arrest, not a state of holding: "freed the activists arrested on Friday" tells both
    found = roots("A judge in Colombo freed 12 students arrested by police on Monday.")
    assert any(r == "08" for _, r, _ in found) and any(r == "17" for _, r, _ in found), found


@pytest.mark.parametrize(("text", "who", "whom"), [
    ("A court in Karachi ordered the release of four opposition lawmakers on bail.", "PAK", "PAK"),
    ("A Georgian judge ordered the release of two jailed protesters.", "GEO", "GEO"),
])
def test_a_court_ordering_a_release_frees(text, who, whom):
    assert (who, "08", whom) in roots(text)


def test_an_order_to_release_unnamed_goods_is_no_release():
    assert not any(r == "08" for _, r, _ in roots("The ministry ordered the release of the budget figures."))


@pytest.mark.parametrize(("text", "who", "whom"), [
    ("Burundi has sent 2,000 soldiers to fight alongside Congolese troops in South Kivu.", "BDI", "COD"),
    ("Iran deployed advisers to fight alongside Syrian government forces near Aleppo.", "IRN", "SYR"),
])
def test_troops_sent_to_fight_alongside_a_force_cooperate_with_it(text, who, whom):
    assert (who, "062", whom) in triples(text)


def test_troops_sent_to_fight_with_no_partner_are_a_build_up():
    found = triples("Chad sent 1,500 troops to fight in the north.")
    assert not any(c == "062" for _, c, _ in found), found


@pytest.mark.parametrize(("text", "who", "whom"), [
    ("Belarus massed tanks near the Lithuanian border on Monday, Lithuania's defence minister said, "
     "calling the build-up a provocation.", "LTU", "BLR"),
    ("Russia deployed extra troops along its border with Estonia on Monday, the Estonian prime minister said, "
     "calling the buildup a provocation.", "EST", "RUS"),
    ("China moved an aircraft carrier group into the waters off Okinawa on Friday, and Japan's defence ministry "
     "called the transit a provocation.", "JPN", "CHN"),
])
def test_a_reaction_naming_the_act_it_answers_is_aimed_at_its_doer(text, who, whom):
    assert (who, "11", whom) in roots(text)


def test_naming_an_act_folded_into_one_phrase_is_no_phone_call():
    # the small model reads "the build-up a threat" as one phrase with two determiners
    found = triples("Latvia's president said on Monday, calling the build-up a threat to the region.")
    assert not any(c.startswith("04") for _, c, _ in found), found


@pytest.mark.parametrize(("text", "who", "whom"), [
    ("A former Peruvian minister was charged with fraud by prosecutors in Cusco, his lawyer said.", "PER", "PER"),
    ("Two Kenyan officials were charged on Tuesday with bribery by the anti-corruption commission in Nairobi.",
     "KEN", "KEN"),
])
def test_a_charge_by_phrase_hung_on_the_charge_names_who_brought_it(text, who, whom):
    assert (who, "17", whom) in roots(text)


# -- second round: headline topic labels, switched recognition, dismissals the back-off read as
# shots, and what a letter is written for

@pytest.mark.parametrize("text", [
    "Sudan war: army chief in Cairo for talks with Egyptian officials.",
    "Gaza conflict: relatives of hostages march in Tel Aviv.",
])
def test_a_headline_topic_label_is_no_act(text):
    found = roots(text)
    assert not any(r in ("18", "19", "20") for _, r, _ in found), found


def test_an_act_after_the_topic_label_is_still_coded():
    assert ("RUS", "19", "UKR") in roots("Ukraine war: Russian drones attacked Odesa overnight.")


@pytest.mark.parametrize(("text", "who", "whom"), [
    ("Honduras switched diplomatic recognition from Taiwan to China in March, the foreign ministry said.", "HND", "CHN"),
    ("The Solomon Islands switched its ties from Taipei to Beijing after a cabinet vote.", "SLB", "CHN"),
])
def test_switched_recognition_recognises_the_new_partner(text, who, whom):
    assert (who, "054", whom) in triples(text)


def test_moving_a_headquarters_is_no_recognition():
    assert not any(c == "054" for _, c, _ in triples("The company moved its headquarters to Dubai."))


@pytest.mark.parametrize("text", [
    "Peru's president fired his interior minister on Sunday after a week of protests.",
    "The Nigerian president sacked his army chief on Friday.",
])
def test_a_dismissal_is_no_shot(text):
    found = roots(text)
    assert not any(r in ("18", "19", "20") for _, r, _ in found), found


@pytest.mark.parametrize(("text", "who", "whom"), [
    ("Iraq wrote to Turkey on Monday to demand the withdrawal of its troops from Bashiqa.", "IRQ", "TUR"),
    ("Somalia's foreign minister wrote to the African Union to demand an inquiry into the shelling of Baidoa.",
     "SOM", None),
])
def test_what_a_letter_is_written_for_is_its_senders_act(text, who, whom):
    found = roots(text)
    assert any(s == who and r == "10" and (whom is None or t == whom) for s, r, t in found), found


def test_a_protests_aim_is_no_act_of_its_own():
    found = roots("Teachers in Lagos went on strike to press the state government to pay their salaries.")
    assert not any(r == "02" for _, r, _ in found), found


@pytest.mark.parametrize(("text", "who", "whom"), [
    # a phrase before the "to" clause makes the parser read it as adverbial; a "round of" talks nests the pair
    ("Ghana offered on Tuesday to host talks between Mali and Algeria, the foreign ministry said.", "GHA", {"MLI", "DZA"}),
    ("Oman offered to host the next round of indirect talks between Iran and the United States.", "OMN", {"IRN", "USA"}),
])
def test_an_offer_to_host_talks_offers_mediation_to_both_parties(text, who, whom):
    found = {t for s, c, t in triples(text) if s == who and c == "039"}
    assert whom <= found, triples(text)
