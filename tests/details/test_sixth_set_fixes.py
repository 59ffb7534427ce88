"""Kinds of error the sixth set of hand-written articles showed (session 13), each on
sentences written for this test: a doublet ("shot and wounded") the parser joins to the main
verb, a name the parser breaks ("the Islamic State Sahel Province", "the International
Organization for Migration"), a noun the parser reads as a verb ("on standby"), a vessel that
sank told as if it sank something, warplanes intercepted, a count of people read as the dead
found beside them, the speaker of an "account" a reaction answers, and "the strikes were a
warning" told far from the strikes."""

from __future__ import annotations

import pytest

from flashpoint.nlp.quantities import extract_quantities

from ..coding_news.test_news_coding import coded, has, triples


@pytest.mark.parametrize(("text", "want"), [
    ("The coast guard stopped a boat carrying 60 migrants and found the bodies of four men on board.",
     [(60, "migrants"), (4, "dead")]),
    ("Divers recovered the bodies of 12 people from the river.", [(12, "dead")]),
    ("A truck carrying 30 workers overturned and the corpses of two drivers were pulled out.",
     [(30, "workers"), (2, "dead")]),
    ("At least 15 soldiers were killed in the ambush.", [(15, "dead")]),
])
def test_bodies_count_the_dead_and_only_their_own_number(text, want):
    got = [(q.value, q.unit) for q in extract_quantities(text)]
    for value, unit in want:
        if unit == "workers":
            assert (value, "dead") not in got, got  # whatever role the workers get, they are not dead
        else:
            assert (value, unit) in got, got


@pytest.mark.slow
@pytest.mark.parametrize(("text", "want", "wrong"), [
    ("Serbia on Tuesday summoned Hungary's ambassador after Hungarian border police shot and wounded a Serbian "
     "driver near the Horgos crossing.", ("HUN", "18", "SRB"), "SRB"),
    # Since session 14 the recall is coded, aimed at whoever did what the "after" clause tells (targets.py,
    # prompter). Session 14 then dropped the shooting as what came before the news; since session 15 a
    # recent act an "after" clause tells stays beside the act answering it (background.py, without_prior,
    # recent_words), as CAMEO codes both: the doublet's doer is the shooter again, and Albania is still
    # nobody's shooter (the recall itself: tests/coding_news/test_bugs_s15_codes.py).
    ("Albania recalled its envoy after Greek coast guards shot and wounded an Albanian fisherman near Corfu.",
     ("GRC", "18", "ALB"), "ALB"),
])
def test_a_doublet_joined_to_the_main_verb_keeps_its_own_doer(text, want, wrong):
    got = triples(coded(text))
    assert has(got, want), got
    assert not any(s == wrong and c.startswith("18") for s, c, _ in got), got


@pytest.mark.slow
@pytest.mark.parametrize(("text", "key"), [
    ("Fighters of the Islamic State Sahel Province attacked an army post near Menaka on Sunday.", "ISSP"),
    ("The International Organization for Migration said it would fly food to families in Chad.", "IOM"),
])
def test_a_name_the_parser_breaks_is_read_whole(text, key):
    events = coded(text)
    assert events and all(e.source.key == key for e in events), [(e.source.key, e.source.text) for e in events]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Fiji placed its police officers on standby at the request of the Tongan government.",
    "Fiji said it had placed a team of police officers on standby at the request of Tonga.",
])
def test_on_standby_read_as_a_verb_is_still_an_alert(text):
    assert any(e.cameo.startswith("15") and e.source.country == "FJI" for e in coded(text))


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "A Chinese fishing boat sank after colliding with a Japanese coast guard ship on Monday.",
    "An Iranian dhow sank after a collision with a Qatari patrol boat near the coast.",
])
def test_a_vessel_that_sank_sank_nothing(text):
    events = coded(text)
    assert not any(e.rule.startswith("verb:sink") for e in events), [(e.cameo, e.rule) for e in events]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "want"), [
    ("Danish fighter jets intercepted two Russian bombers over the Baltic Sea on Monday.", ("DNK", "15", "RUS")),
    ("British Typhoons intercepted a Russian spy plane near Scotland on Friday.", ("GBR", "15", "RUS")),
])
def test_warplanes_intercepted_in_the_air_is_a_show_of_force(text, want):
    got = triples(coded(text))
    assert has(got, want) and not any(c.startswith(("18", "20")) for _, c, _ in got), got


@pytest.mark.slow
def test_a_migrant_boat_intercepted_is_stopped():
    got = triples(coded("The Dominican navy intercepted an overloaded wooden sloop carrying 90 Haitian migrants on Sunday."))
    assert has(got, ("DOM", "191", "HTI")) or has(got, ("DOM", "191", None)), got


@pytest.mark.slow
@pytest.mark.parametrize(("text", "want"), [
    ("Manila said a Chinese ship had rammed its patrol boat. Beijing rejected that account.", ("CHN", "12", "PHL")),
    ("The Indian army said Pakistani troops had fired across the line on Sunday. Islamabad rejected that version.",
     ("PAK", "12", "IND")),
])
def test_rejecting_an_account_answers_who_gave_it(text, want):
    got = triples(coded(text))
    assert has(got, want), got


@pytest.mark.slow
def test_a_cutoff_called_unfriendly_is_aimed_at_who_cut():
    got = triples(coded("Turkmenistan halted gas exports to Iran on Monday over a debt. The state company said it had "
                        "warned its customer. Iran's oil ministry called the cutoff \"an unfriendly step\"."))
    assert has(got, ("IRN", "11", "TKM")), got


@pytest.mark.slow
def test_the_strikes_were_a_warning_from_who_struck_even_after_other_news():
    got = triples(coded("Israeli jets struck a Syrian army convoy on Tuesday. Gunmen kidnapped a trader near Sweida on "
                        "Monday, a monitor said. Clashes spread to five villages. Defence Minister Israel Katz said the "
                        "strikes were a warning to the government in Damascus."))
    assert has(got, ("ISR", "13", "SYR")), got
    assert not any(c.startswith("13") and s != "ISR" for s, c, _ in got), got


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    'Judge Maria Silva called the plot "the gravest attack on Chilean democracy since the war".',
    "The opposition leader described the new law as an assault on the free press in Hungary.",
])
def test_what_a_thing_is_called_is_no_act(text):
    events = coded(text)
    assert not any(e.cameo_root in ("18", "19", "20") for e in events), [(e.cameo, e.rule) for e in events]


@pytest.mark.slow
def test_keep_doing_is_no_holding_of_people():
    events = coded("A spokesman said the World Food Programme would keep delivering aid to the two million people "
                   "in Chad who need it.")
    assert not any(e.cameo_root == "13" or e.cameo.startswith("17") for e in events), [(e.cameo, e.rule) for e in events]
    assert any(e.cameo_root == "07" for e in events), [(e.cameo, e.rule) for e in events]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Police held 40 people overnight in Lagos.",
    "Kenyan police kept six activists in a cell for two days.",
])
def test_people_held_are_still_held(text):
    assert any(e.cameo.startswith("17") for e in coded(text))


@pytest.mark.slow
@pytest.mark.parametrize(("text", "want"), [
    ("Turkey said it was ready to supply electricity to Syria.", ("TUR", "03", "SYR")),
    ("Azerbaijan began delivering gas to Syria via Turkey.", ("AZE", "07", "SYR")),
])
def test_gas_and_electricity_given_are_material_help(text, want):
    got = triples(coded(text))
    assert has(got, want), got
