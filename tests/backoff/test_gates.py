"""The back-off's gates on hand-built parses (no spaCy model): sentences of our own."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from flashpoint.coding.backoff_gates import (
    DEFAULT_GATES, GATES, SCORE, agent_of, gate_words, has_cue, judge, main_verb, places, reporters, verbless,
)

NO_AGENT = DEFAULT_GATES - {"agent", "agent_reported"}
REPORTING = frozenset({"say", "tell", "report", "declare", "announce"})
WORDS = gate_words(REPORTING)


def parse(rows: str):
    """A one-sentence Doc from lines of ``word lemma POS dep head`` (head: the index of the head word)."""
    toks = [line.split() for line in rows.strip().splitlines()]
    doc = Doc(Vocab(), words=[t[0] for t in toks], lemmas=[t[1] for t in toks], pos=[t[2] for t in toks],
              deps=[t[3] for t in toks], heads=[int(t[4]) for t in toks])
    return next(iter(doc.sents))


# "Police said soldiers killed two villagers."
SAID_KILLED = parse("""
Police police PROPN nsubj 1
said say VERB ROOT 1
soldiers soldier NOUN nsubj 3
killed kill VERB ccomp 1
two two NUM nummod 5
villagers villager NOUN dobj 3
. . PUNCT punct 1
""")
# "Two villagers were killed, police said."
KILLED_POLICE_SAID = parse("""
Two two NUM nummod 1
villagers villager NOUN nsubjpass 3
were be AUX auxpass 3
killed kill VERB ROOT 3
, , PUNCT punct 3
police police NOUN nsubj 6
said say VERB parataxis 3
. . PUNCT punct 3
""")
# "According to officials, troops shelled the town."
ACCORDING = parse("""
According accord VERB prep 5
to to ADP prep 0
officials official NOUN pobj 1
, , PUNCT punct 5
troops troop NOUN nsubj 5
shelled shell VERB ROOT 5
the the DET det 7
town town NOUN dobj 5
. . PUNCT punct 5
""")
# "Police said they fired on the crowd."
SAID_THEY_FIRED = parse("""
Police police PROPN nsubj 1
said say VERB ROOT 1
they they PRON nsubj 3
fired fire VERB ccomp 1
on on ADP prep 3
the the DET det 6
crowd crowd NOUN pobj 4
. . PUNCT punct 1
""")
# "The villages were shelled by the army."
PASSIVE_BY = parse("""
The the DET det 1
villages village NOUN nsubjpass 3
were be AUX auxpass 3
shelled shell VERB ROOT 3
by by ADP agent 3
the the DET det 6
army army NOUN pobj 4
. . PUNCT punct 3
""")
# "Curfew in six districts after riots" (a headline: no verb)
HEADLINE = parse("""
Curfew curfew NOUN ROOT 0
in in ADP prep 0
six six NUM nummod 3
districts district NOUN pobj 1
after after ADP prep 0
riots riot NOUN pobj 4
""")
# "Thousands of farmers marched to the capital." (a protest cue)
MARCHED = parse("""
Thousands thousand NOUN nsubj 3
of of ADP prep 0
farmers farmer NOUN pobj 1
marched march VERB ROOT 3
to to ADP prep 3
the the DET det 6
capital capital NOUN pobj 4
. . PUNCT punct 3
""")
# "The minister ordered newspapers to suspend publication." (no protest cue)
ORDERED = parse("""
The the DET det 1
minister minister NOUN nsubj 2
ordered order VERB ROOT 2
newspapers newspaper NOUN dobj 2
to to PART aux 5
suspend suspend VERB xcomp 2
publication publication NOUN dobj 5
. . PUNCT punct 2
""")
# "Officials declared a curfew to begin at dusk." ("to begin" is no reported clause)
DECLARED_TO = parse("""
Officials official NOUN nsubj 1
declared declare VERB ROOT 1
a a DET det 3
curfew curfew NOUN nsubj 5
to to PART aux 5
begin begin VERB ccomp 1
at at ADP prep 5
dusk dusk NOUN pobj 6
. . PUNCT punct 1
""")


def test_every_kept_gate_is_a_known_gate():
    assert DEFAULT_GATES <= set(GATES)


def test_a_line_with_no_verb_is_verbless():
    assert verbless(HEADLINE)
    assert not verbless(MARCHED) and not verbless(KILLED_POLICE_SAID)
    assert judge(HEADLINE, "04", WORDS).blocked == "verbless"
    assert judge(HEADLINE, "04", WORDS, DEFAULT_GATES - {"verbless"}).blocked is None


@pytest.mark.parametrize("sent, reporter", [
    (SAID_KILLED, "Police"),
    (KILLED_POLICE_SAID, "police"),
    (ACCORDING, "officials"),
])
def test_a_reporting_mention_is_no_party_to_material_conflict(sent, reporter):
    (i,) = reporters(sent, WORDS.reporting)
    assert sent.doc[i].text == reporter
    gates = NO_AGENT
    assert i in judge(sent, "18", WORDS, gates).drop
    assert not judge(sent, "04", WORDS, gates).drop  # a meeting reported by its party: the gate is for material conflict only
    assert not judge(sent, "18", WORDS, gates - {"reporter"}).drop


def test_a_reporter_speaking_of_its_own_act_stays_a_party():
    assert reporters(SAID_THEY_FIRED, WORDS.reporting) == frozenset()


def test_the_main_verb_is_the_reported_clause_and_its_subject_is_the_source():
    assert main_verb(SAID_KILLED, WORDS.reporting).text == "killed"
    assert agent_of(main_verb(SAID_KILLED, WORDS.reporting)).text == "soldiers"
    assert judge(SAID_KILLED, "18", WORDS).lead == 2
    assert judge(SAID_KILLED, "18", WORDS, DEFAULT_GATES - {"subject"}).lead is None


def test_a_passive_takes_its_by_phrase_as_the_agent():
    assert agent_of(main_verb(PASSIVE_BY, WORDS.reporting)).text == "army"
    assert agent_of(main_verb(KILLED_POLICE_SAID, WORDS.reporting)) is None
    broad = NO_AGENT | {"agent"}
    assert judge(KILLED_POLICE_SAID, "18", WORDS, broad).blocked == "agent"  # a victim is no agent
    assert judge(KILLED_POLICE_SAID, "04", WORDS, broad).blocked is None  # asked of material conflict only
    assert judge(KILLED_POLICE_SAID, "18", WORDS, NO_AGENT).blocked is None
    assert judge(PASSIVE_BY, "19", WORDS, broad).blocked is None


def test_a_to_clause_is_no_reported_statement():
    assert main_verb(DECLARED_TO, WORDS.reporting).text == "declared"
    assert reporters(DECLARED_TO, WORDS.reporting) == frozenset()


def test_a_protest_needs_a_protest_cue():
    assert has_cue(MARCHED, WORDS.protest_cues)
    assert not has_cue(ORDERED, WORDS.protest_cues)
    # kept: a protest with no cue becomes the better of force posture and coercion
    coerce = judge(ORDERED, "14", WORDS)
    assert coerce.blocked is None and coerce.barred == {"14", "18", "19", "20"}
    assert not judge(MARCHED, "14", WORDS).barred
    assert not judge(ORDERED, "17", WORDS).barred  # the cue is asked of protests only
    no_protest_gate = DEFAULT_GATES - {"protest_coerce"}
    ungated = judge(ORDERED, "14", WORDS, no_protest_gate)
    assert ungated.blocked is None and not ungated.barred
    # the other ways: no event, or the best other root of the class
    assert judge(ORDERED, "14", WORDS, no_protest_gate | {"protest_cue"}).blocked == "protest_cue"
    assert judge(MARCHED, "14", WORDS, no_protest_gate | {"protest_cue"}).blocked is None
    reroute = judge(ORDERED, "14", WORDS, no_protest_gate | {"protest_reroute"})
    assert reroute.blocked is None and reroute.barred == {"14"}


def test_no_gates_no_verdict_change():
    verdict = judge(HEADLINE, "14", WORDS, frozenset())
    assert verdict.blocked is None and not verdict.drop and verdict.lead is None


def test_the_narrow_agent_gate_asks_for_an_agent_only_beside_a_reporter():
    narrow = NO_AGENT | {"agent_reported"}
    assert judge(KILLED_POLICE_SAID, "18", WORDS, narrow).blocked == "agent_reported"
    assert judge(PASSIVE_BY, "18", WORDS, narrow).blocked is None
    # "The villages were shelled." has no agent and no reporter
    unreported = parse("""
The the DET det 1
villages village NOUN nsubjpass 3
were be AUX auxpass 3
shelled shell VERB ROOT 3
. . PUNCT punct 3
""")
    assert judge(unreported, "19", WORDS, narrow).blocked is None
    assert judge(unreported, "19", WORDS, NO_AGENT | {"agent"}).blocked == "agent"


def test_an_act_that_is_denied_or_only_possible_is_unreal():
    # "Police would not need more force."
    would_not = parse("""
Police police NOUN nsubj 3
would would AUX aux 3
not not PART neg 3
need need VERB ROOT 3
more more ADJ amod 5
force force NOUN dobj 3
. . PUNCT punct 3
""")
    gates = DEFAULT_GATES | {"unreal"}
    assert judge(would_not, "18", WORDS, gates).blocked == "unreal"
    assert judge(would_not, "13", WORDS, gates).blocked is None  # words (a threat) may be modal
    assert judge(SAID_KILLED, "18", WORDS, gates).blocked is None
    assert judge(would_not, "18", WORDS, DEFAULT_GATES - {"agent", "agent_reported", "force_cue"}).blocked is None


def test_the_measuring_script_measures_every_gate():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "measure_backoff.py"
    spec = importlib.util.spec_from_file_location("measure_backoff", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    configs = module.configurations()
    assert configs["rules alone"] is None and configs["no gates"] == frozenset()
    assert configs["kept gates"] == DEFAULT_GATES
    for gate in GATES:
        assert any(gate in name.split() for name in configs), gate


def test_according_to_alone_is_no_verb():
    # "According to the deputy commissioner of police"
    byline = parse("""
According accord VERB ROOT 0
to to ADP prep 0
the the DET det 4
deputy deputy ADJ amod 4
commissioner commissioner NOUN pobj 1
of of ADP prep 4
police police NOUN pobj 5
""")
    assert verbless(byline) and judge(byline, "18", WORDS).blocked == "verbless"


def test_a_place_is_no_party_with_the_place_gate():
    # "Rockets hit houses in Aleppo."
    hit = parse("""
Rockets rocket NOUN nsubj 1
hit hit VERB ROOT 1
houses house NOUN dobj 1
in in ADP prep 2
Aleppo Aleppo PROPN pobj 3
. . PUNCT punct 1
""")
    assert places(hit) == {4}
    assert 4 in judge(hit, "19", WORDS, DEFAULT_GATES | {"place"}).drop
    assert 4 not in judge(hit, "19", WORDS, DEFAULT_GATES - {"place"}).drop


def test_a_report_with_no_reported_act_is_speech():
    # "A police official said so on Monday."
    said = parse("""
A a DET det 2
police police NOUN compound 2
official official NOUN nsubj 3
said say VERB ROOT 3
so so ADV advmod 3
on on ADP prep 3
Monday Monday PROPN pobj 5
. . PUNCT punct 3
""")
    gates = DEFAULT_GATES | {"speech"}
    assert judge(said, "18", WORDS, gates).blocked == "speech"
    assert judge(SAID_KILLED, "18", WORDS, gates).blocked is None  # the reported clause is the act
    assert judge(said, "01", WORDS, gates).blocked is None  # a statement is speech


# "Two ministers were among the guests."
WERE_AMONG = parse("""
Two two NUM nummod 1
ministers minister NOUN nsubj 2
were be AUX ROOT 2
among among ADP prep 2
the the DET det 5
guests guest NOUN pobj 3
. . PUNCT punct 2
""")
# "Thousands of refugees live in camps that rebels attacked."
LIVE_ATTACKED = parse("""
Thousands thousand NOUN nsubj 3
of of ADP prep 0
refugees refugee NOUN pobj 1
live live VERB ROOT 3
in in ADP prep 3
camps camp NOUN pobj 4
that that PRON dobj 8
rebels rebel NOUN nsubj 8
attacked attack VERB relcl 5
. . PUNCT punct 3
""")


def test_a_sentence_of_state_only_is_stative():
    from flashpoint.coding.backoff_gates import stative

    assert stative(WERE_AMONG, WORDS.stative)
    assert judge(WERE_AMONG, "04", WORDS, DEFAULT_GATES | {"stative"}).blocked == "stative"
    assert judge(WERE_AMONG, "04", WORDS).blocked is None  # measured and not kept
    # a verb of act anywhere in the sentence lets the back-off guess
    assert not stative(LIVE_ATTACKED, WORDS.stative) and not stative(MARCHED, WORDS.stative)
    assert judge(LIVE_ATTACKED, "19", WORDS, DEFAULT_GATES | {"stative"}).blocked != "stative"


# -- sport_market: a game's score, not a vote's count ------------------------------------------
@pytest.mark.parametrize("text, score", [
    ("Hungary sank Serbia 12-9 in the European final.", True),
    ("Canada beat Mexico 3-1 on Sunday night.", True),
    ("The Supreme Court ruled 5-4 that the decree was unlawful.", False),
    ("The council voted 13-2 to extend the peacekeeping mission.", False),
    ("In a 7-2 vote, the judges struck down the emergency law.", False),
    ("The bill passed by a vote of 9-4 after a long night.", False),
    ("A 6-3 ruling ended the standoff over the budget.", False),
    ("Leaders meet at the 12-13 May summit.", False),
    ("Ankara will buy forty F-16 jets.", False),
])
def test_a_score_is_a_games_not_a_votes(text, score):
    assert bool(SCORE.search(text)) is score
