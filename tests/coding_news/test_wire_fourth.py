"""Wire-service constructions, fourth round (issue 9, session 13), from the failures of the fourth
blind wire set (tests/data/own_wire4.jsonl) by cause: a participle after a comma is an act of its
own, not what a demand asks for; names after "from" keep all their words; a past participle the
parser reads as a past tense is still a reduced passive; troops deployed with no partner are a
build-up; a trip back is no return of anything; reservists called up, hostages held, computer
systems broken into, choking agents used, aid dropped from the air, workers walking out. Every
sentence here was written for this project (none is from a gold set or from the wire set)."""

from __future__ import annotations

import pytest

from .wire_helpers import dyads, has
from .tables import table, wire_reads, wire_root


pytestmark = pytest.mark.slow


test_an_accusation_after_a_comma_is_made_not_asked_for = table("text, source, target", [
    ("Chad's junta demanded the recall of the Sudanese envoy on Monday, accusing Khartoum of arming rebels in the east.",
     "TCD", "SDN"),
    ("Peru called for calm at the border, accusing Bolivia of letting smugglers cross freely.", "PER", "BOL"),
    ("The Latvian government urged citizens to stay away from the frontier, accusing Belarus of pushing migrants across it.",
     "LVA", "BLR"),
], wire_root("11"))


@pytest.mark.parametrize("text, parties", [
    ("Delegates from the Central African Republic and Chad met in N'Djamena on Friday.", {"CAF", "TCD"}),
    ("Envoys from the United Arab Emirates and Oman held talks in Muscat.", {"ARE", "OMN"}),
])
def test_a_name_after_from_keeps_all_its_words(text, parties):
    got = dyads(text)
    assert {s for s, r, _ in got if r == "04"} == parties, got


def test_a_participle_read_as_a_past_tense_does_not_make_its_noun_the_doer():
    got = dyads("Georgia handed over an Armenian soldier detained near the border crossing to Armenian officials.")
    assert has(got, "GEO", "08", "ARM") and not has(got, "ARM", "17", None), got


@pytest.mark.parametrize("text, source", [
    ("Peru's army deployed 3,000 soldiers to the southern port of Ilo on Tuesday.", "PER"),
    ("Honduras deployed troops along its Caribbean coast after a wave of attacks.", "HND"),
])
def test_troops_deployed_with_no_partner_are_a_build_up(text, source):
    got = dyads(text)
    assert has(got, source, "15", None) and not any(r == "06" for _, r, _ in got), got


def test_troops_sent_to_another_country_still_cooperate_with_it():
    assert has(dyads("Russia deployed troops to Belarus for joint exercises."), "RUS", "06", "BLR")


def test_a_trip_back_returns_nothing_and_a_handing_back_does():
    # (the rules; the statistical back-off may still guess at a sentence they leave uncoded)
    assert not any(r == "08" for _, r, _ in dyads("The Indian ambassador returned to Dhaka on Sunday.", backoff=False))
    assert has(dyads("Pakistan returned 40 Indian fishermen to India on Friday."), "PAK", "08", "IND")
    got = dyads("Peru allowed staff of the UN refugee agency to return to Lima after a two-year absence.")
    assert has(got, "PER", "08", "IGOUNO") and not has(got, "IGOUNO", "08", None), got


test_more_wire_verbs = table("text, source, root, target", [
    ("Armenia's army called up 10,000 reservists on Friday.", "ARM", "15", None),
    ("Gang members took six nurses hostage at a clinic in Haiti's Artibonite region.", "HTI", "18", None),
    ("Russian hackers broke into the computer networks of Poland's state railway.", "RUS", "17", "POL"),
    ("Hackers hacked into the email accounts of Moldovan ministers, Chisinau said.", None, "17", "MDA"),
    ("Syrian government forces used chlorine against rebel-held districts, the inquiry found.", "SYR", "20", None),
    ("Egyptian military planes dropped food and medicine over northern Gaza.", "EGY", "07", "PSE"),
    ("Port workers in Belgium walked out over pension cuts.", "BEL", "14", None),
    ("Train drivers in Britain walked off the job over a pay offer.", "GBR", "14", None),
], wire_reads)


test_a_reaction_to_a_move_is_aimed_at_who_made_it = table("text, source, root, target", [
    ("Ghana expelled two Togolese diplomats on Monday, a move Lome condemned as hostile.", "TGO", "11", "GHA"),
    ("Chile restored ties with Bolivia, a decision that Peru criticised.", "PER", "11", "CHL"),
    ("Japan lifted its ban on Chinese seafood imports, in a move Beijing praised as constructive.", "CHN", "05", "JPN"),
], wire_reads)


def test_a_relative_clause_on_an_ordinary_noun_is_still_background():
    got = dyads("Rwanda expelled a Belgian envoy who had criticised its army, officials said.")
    assert has(got, "RWA", "16", "BEL") and not any(r == "11" for _, r, _ in got), got


@pytest.mark.parametrize("text, source, targets", [
    ("Hamas rejected an Egyptian and Qatari plan for a truce on Tuesday.", "PSE", {"EGY", "QAT"}),
    ("Israel's security cabinet dismissed a French and Saudi proposal for a peace conference.", "ISR", {"FRA", "SAU"}),
])
def test_two_peoples_named_on_one_proposal_are_both_its_authors(text, source, targets):
    got = dyads(text)
    assert {t for s, r, t in got if s == source and r == "12"} == targets, got
