"""Wire-service constructions, fifth round (issue 9, session 14), from the failures of the fifth
blind wire set (tests/data/own_wire5.jsonl) by kind: a judgement told in a clause on a noun that
sums up the act before it ("..., in a verdict Washington condemned"), also when the act is the
reported clause of an attribution; a phone call that frames a clause ("In a
telephone call, X urged Y ..."); and whom a demand is aimed at when it asks for a release, a
withdrawal or an end to sanctions in a that-clause. Every sentence here was written for this
project (none is from a gold set or from the wire set)."""

from __future__ import annotations

import pytest

from .wire_helpers import dyads, has
from .tables import table, wire_reads, wire_root


pytestmark = pytest.mark.slow


test_a_judgement_on_a_noun_that_sums_up_the_act_is_aimed_at_its_doer = table("text, critic, actor", [
    ("A court in Tehran sentenced a French tourist to six years in prison for espionage, in a verdict the French "
     "foreign ministry condemned as baseless.", "FRA", "IRN"),
    ("Greek coast guard vessels intercepted a Turkish research ship near Crete on Monday, in an operation that "
     "Ankara denounced as harassment.", "TUR", "GRC"),
    ("A military court in Cairo convicted 12 Sudanese migrants of smuggling on Sunday, a ruling that Khartoum denounced.",
     "SDN", "EGY"),
    ("Japan formally recognised Kosovo on Monday, Foreign Minister Takeshi Iwaya announced in Tokyo, in a move that "
     "Serbia condemned as a violation of international law.", "SRB", "JPN"),
    ("Chile signed a lithium supply deal with China on Tuesday, the economy minister said, in a move that Washington "
     "criticised.", "USA", "CHL"),
], wire_root("11"))


def test_a_clause_that_tells_the_act_on_an_operation_is_no_judgement():
    got = dyads("The army launched an operation that killed 30 militants in North Waziristan.")
    assert not any(r == "11" for _, r, _ in got), got


@pytest.mark.parametrize("text, parties", [
    ("In a phone call on Monday, the Turkish president urged his Russian counterpart to extend the grain deal.",
     {"TUR", "RUS"}),
    ("The leaders of Brazil and Argentina discussed trade in a telephone call on Friday.", {"BRA", "ARG"}),
    ("In a phone call with Emmanuel Macron, the Polish president asked France for more air defence.", {"POL", "FRA"}),
])
def test_a_phone_call_that_frames_the_clause_is_between_its_parties(text, parties):
    got = dyads(text)
    calls = {(s, t) for s, r, t in got if r == "04"}
    a, b = sorted(parties)
    assert {(a, b), (b, a)} <= calls, got


test_a_demand_for_a_release_a_withdrawal_or_an_end_to_sanctions_is_aimed_at_whom_it_asks = table("text, source, target", [
    ("The State Department on Monday demanded that Havana free the jailed activists, while the Treasury threatened "
     "new sanctions on Cuban officials.", "USA", "CUB"),
    ("The Arab League demanded that Israel end its attacks on Lebanon.", "IGOARBARL", "ISR"),
    ("Kenya demanded that Uganda withdraw its soldiers from the disputed island.", "KEN", "UGA"),
    ("Iran demanded the lifting of sanctions from Washington.", "IRN", "USA"),
], wire_root("10"))


@pytest.mark.parametrize("text, source, target", [
    ("The Spanish king asked Mexico for forgiveness for the conquest.", "ESP", "MEX"),
    ("The Belgian prime minister sought forgiveness from Congo for colonial crimes.", "BEL", "COD"),
])
def test_asking_a_country_for_forgiveness_is_an_apology(text, source, target):
    got = dyads(text)
    assert has(got, source, "05", target) and not has(got, source, "02", target), got


def test_asking_for_something_else_is_no_apology():
    got = dyads("Police asked residents for information about the attack.")
    assert not any(r == "05" for _, r, _ in got), got


test_ordering_a_mission_closed_cuts_relations = table("text, source, target", [
    ("Lithuania ordered the closure of the Belarusian embassy in Vilnius on Friday.", "LTU", "BLR"),
    ("Ukraine announced the closure of the Iranian consulate in Odesa after the drone strikes.", "UKR", "IRN"),
], wire_root("16"))


test_an_object_put_after_an_as_phrase_is_the_object = table("text, source, root, target", [
    ("Poland on Monday denounced as illegal Russia's annexation of four Ukrainian regions.", "POL", "11", "RUS"),
    ("Albania on Friday denounced as an ugly crime Serbia's suppression of protests.", "ALB", "11", "SRB"),
    ("Jordan hailed as historic Saudi Arabia's decision to recognise the new government.", "JOR", "05", "SAU"),
    ("Armenia condemned as an act of aggression Azerbaijan's shelling of border villages.", "ARM", "11", "AZE"),
], wire_reads)


def test_an_as_phrase_without_a_shifted_object_names_no_target():
    got = dyads("Ghana served as mediator in the talks between the two parties.")
    assert not any(r == "11" for _, r, _ in got), got


test_an_accusation_told_back_and_denied_is_a_denial_to_the_accuser = table("text, denier, accuser", [
    ("Ethiopia accused Kenya of harbouring rebels, a charge Nairobi rejected as false.", "KEN", "ETH"),
    ("Ghana accused Togo of arming separatists on Friday, an allegation that Lome denied.", "TGO", "GHA"),
], wire_root("01"))
