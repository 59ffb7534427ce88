"""A candidate's prepositional and nested parties, stake words and dates are read
off the parse only when the coder asks for them (nlp/extract.py, ``Deferred``).
Sentences written for this project, parsed by hand (no model)."""

from __future__ import annotations

from dataclasses import replace

import spacy
from spacy.tokens import Doc

from flashpoint.nlp.extract import Deferred, extract_candidates


def _sent_troops_doc() -> Doc:
    # "Russia sent troops to Belarus on Monday ." with a hand-made parse
    words = ["Russia", "sent", "troops", "to", "Belarus", "on", "Monday", "."]
    return Doc(
        spacy.blank("en").vocab, words=words,
        heads=[1, 1, 1, 1, 3, 1, 5, 1],
        deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "pobj", "punct"],
        pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"],
        lemmas=["Russia", "send", "troop", "to", "Belarus", "on", "Monday", "."],
        ents=["B-GPE", "O", "O", "O", "B-GPE", "O", "B-DATE", "O"],
        sent_starts=[True, False, False, False, False, False, False, False],
    )


def test_a_value_is_worked_out_on_first_read_and_once():
    calls = []
    later = Deferred({"preps": lambda: calls.append(1) or ("x",)})
    assert calls == []
    assert later.get("preps", ()) == ("x",) and later.get("preps", ()) == ("x",)
    assert calls == [1]
    assert later.get("deep", ()) == ()  # a value nobody made is the default


def test_a_mapped_deferred_passes_the_named_values_through_the_change():
    later = Deferred({"preps": lambda: (1, 2), "dates": lambda: ("May",)})
    later.get("dates")  # already worked out: kept in the copy too
    mapped = later.mapped({"preps": lambda xs: tuple(x * 10 for x in xs)})
    assert mapped.get("preps") == (10, 20) and mapped.get("dates") == ("May",)


def test_a_candidate_reads_its_arguments_only_when_asked():
    doc = _sent_troops_doc()
    (cand,) = extract_candidates(doc, frozenset({"send"}), frozenset(), frozenset(), [])
    # what the patterns match on is there at once
    assert cand.obj_lemmas == ("troop",) and "to" in cand.prep_lemmas and cand.subjects[0].text == "Russia"
    assert cand.later._done == {}  # nothing deferred has been read off the parse yet
    copy = replace(cand, negated=True)  # the coder's copies share what is worked out
    assert [(m.text, m.role) for m in copy.preps] == [("Belarus", "prep:to")]
    assert "preps" in cand.later._done
    assert cand.dates == ("Monday",)
    assert "troop" in cand.stake_lemmas
