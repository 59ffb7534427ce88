"""The label maps for violence and protest: ACLED-style distinctions and police killings.

Hand-built events (no model); the sentences are our own.
"""

from __future__ import annotations

from flashpoint.eval.labelmap import load_labelmaps

from ..eval.helpers import actor, event

POLICE = actor(sector="POL", text="police")
PROTESTERS = actor(sector="OPP", text="protesters")
SOLDIERS = actor(sector="MIL", text="soldiers")
GUNMEN = actor(sector="REB", text="gunmen")
VILLAGERS = actor(sector="CVL", text="villagers")


def case(ev):
    return load_labelmaps()["case2021"].first_label(ev)


def india(ev):
    return load_labelmaps()["india_police"].labels_of(ev)


def test_deaths_in_force_are_killings():
    assert "KILL" in india(event("190", POLICE, trigger="died"))
    assert "KILL" in india(event("175", POLICE, trigger="fired", units=("dead",)))
    assert "KILL" not in india(event("175", POLICE, trigger="fired"))
    assert "KILL" in india(event("175", POLICE, trigger="shot dead"))


def test_attack_or_armed_clash_by_target():
    assert case(event("190", GUNMEN, actor(sector="CVL"), trigger="attacked")) == "ATTACK"
    assert case(event("190", GUNMEN, None, trigger="attacked")) == "ATTACK"
    assert case(event("190", GUNMEN, SOLDIERS, trigger="attacked")) == "ARMED_CLASH"
    assert case(event("190", GUNMEN, None, trigger="clashed")) == "ARMED_CLASH"
    assert case(event("190", SOLDIERS, None, trigger="attacked")) == "ARMED_CLASH"
    assert case(event("190", GUNMEN, None, trigger="raided", sentence="Gunmen raided an army checkpoint.")) == "ARMED_CLASH"


def test_protest_policing():
    assert case(event("175", POLICE, PROTESTERS, trigger="fired", sentence="Police fired tear gas at the march.")) == "PROTEST_WITH_INTER"
    assert case(event("175", POLICE, PROTESTERS, trigger="fired", sentence="Police fired live rounds at the march.")) == "FORCE_AGAINST_PROTEST"
    assert case(event("193", POLICE, PROTESTERS, trigger="shot")) == "FORCE_AGAINST_PROTEST"
    assert case(event("190", PROTESTERS, POLICE, trigger="clashed")) == "VIOL_DEMONSTR"
    assert case(event("173", POLICE, PROTESTERS, trigger="detained", sentence="Police detained ten protesters.")) == "PROTEST_WITH_INTER"
    assert case(event("173", POLICE, None, trigger="arrested", sentence="Police arrested a smuggler.")) == "ARREST"
    assert case(event("141", PROTESTERS, trigger="marched", sentence="Students marched to the ministry.")) == "PEACE_PROTEST"


def test_tear_gas_is_not_a_chemical_weapon():
    assert case(event("175", POLICE, trigger="fired", sentence="Riot police fired tear gas.")) != "CHEM_WEAP"
    assert case(event("2041", GUNMEN, trigger="used")) == "CHEM_WEAP"


def test_mobs_and_bases_and_bombs():
    assert case(event("182", VILLAGERS, trigger="beat")) == "MOB_VIOL"
    assert case(event("150", SOLDIERS, trigger="set up", sentence="The army set up a new base.")) == "HQ_ESTABLISHED"
    assert case(event("154", SOLDIERS, trigger="reinforced", sentence="The army reinforced its units.")) == "CHANGE_TO_GROUP_ACT"
    assert case(event("183", None, trigger="bomb", sentence="A bomb went off in the market.")) == "REM_EXPLOS"
    assert case(event("195", SOLDIERS, trigger="fired", sentence="The army fired rockets at the town.")) == "ART_MISS_ATTACK"
    assert case(event("195", SOLDIERS, trigger="bombed", sentence="Warplanes bombed the town.")) == "AIR_STRIKE"


def test_territory_without_a_fight():
    took = event("192", GUNMEN, trigger="took", sentence="The rebels took the town after the army pulled out.")
    assert case(took) == "NON_VIOL_TERRIT_TRANSFER"
    assert case(event("192", GUNMEN, trigger="seized", sentence="The rebels seized the town.")) == "NON_STATE_ACTOR_OVERTAKES_TER"
    assert case(event("192", SOLDIERS, trigger="recaptured", sentence="The army recaptured the town.")) == "GOV_REGAINS_TERIT"


def test_unnamed_perpetrator_is_no_attack():
    unnamed = actor(text="(unknown)")
    assert case(event("180", unnamed, trigger="killed", sentence="Six people were killed.")) is None
    assert case(event("180", GUNMEN, trigger="killed", sentence="Gunmen killed six people.")) == "ATTACK"
