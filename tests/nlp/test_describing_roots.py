"""The clause climbers stop at the sentence's root, also where the root is no verb.

spaCy builds a new Token object at every access, so ``tok.head is tok`` is never
true: a climb that waits for it never ends at a noun root. These parses are
built by hand (no model), as the small parser gives them for headlines.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from flashpoint.nlp.describing import prior_clause_of


def _doc(words, heads, deps, pos):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_an_after_clause_under_a_noun_root_climbs_to_the_root_and_stops():
    # "Protest continued after troops fired": the root is the noun, "continued" hangs on it.
    doc = _doc(["Protest", "continued", "after", "troops", "fired"],
               heads=[0, 0, 4, 4, 1],
               deps=["ROOT", "acl", "mark", "nsubj", "advcl"],
               pos=["NOUN", "VERB", "SCONJ", "NOUN", "VERB"])
    assert prior_clause_of(doc[4]).verbs == (1,)


def test_an_after_clause_under_a_verb_root_names_each_verb_once():
    # "Paris said it left after Algiers expelled ...": two verbs above the clause, the root last.
    doc = _doc(["Paris", "said", "it", "left", "after", "Algiers", "expelled", "envoys"],
               heads=[1, 1, 3, 1, 6, 6, 3, 6],
               deps=["nsubj", "ROOT", "nsubj", "ccomp", "mark", "nsubj", "advcl", "dobj"],
               pos=["PROPN", "VERB", "PRON", "VERB", "SCONJ", "PROPN", "VERB", "NOUN"])
    assert prior_clause_of(doc[6]).verbs == (3, 1)
