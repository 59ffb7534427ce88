"""The story's countries (coding/story_countries.py): each strategy on a hand-built
document of our own words, the chain's order as data, and the count. The person
strategy reads the parse of a title beside a name, so its tests parse (slow)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from flashpoint.actors import KnowledgeBase
from flashpoint.coding import story_countries as sc
from flashpoint.errors import DataFileError
from flashpoint.geo.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def doc_of(vocab, words: list[str], ents: list[str], pos: list[str] | None = None) -> Doc:
    """A document of ``words`` (each followed by a space, but before a comma) with BIO ``ents``."""
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".", "'s") for i in range(len(words))]
    return Doc(vocab, words=words, spaces=spaces, ents=ents, pos=pos)


def named(doc: Doc, kb, gaz, home=None, k: int = 0) -> sc.Named:
    ent = doc.ents[k]
    return sc.Named(ent, doc.text, ent.text, kb, gaz, home)


def test_a_leaning_counts_for_no_country(vocab, kb, gaz):
    doc = doc_of(vocab, ["pro", "-", "Russian", "separatists", "fired"], ["O", "O", "B-NORP", "O", "O"])
    assert sc.leaning(named(doc, kb, gaz)) == sc.NONE
    doc = doc_of(vocab, ["an", "anti", "Syria", "writer"], ["O", "O", "B-GPE", "O"])
    assert sc.leaning(named(doc, kb, gaz)) == sc.NONE
    doc = doc_of(vocab, ["Russian", "troops", "fired"], ["B-NORP", "O", "O"])
    assert sc.leaning(named(doc, kb, gaz)) is None


def test_a_missions_owner_counts_for_no_country(vocab, kb, gaz):
    doc = doc_of(vocab, ["Crowds", "stoned", "the", "Danish", "embassy"], ["O", "O", "O", "B-NORP", "O"])
    assert sc.mission_owner_(named(doc, kb, gaz)) == sc.NONE
    doc = doc_of(vocab, ["Danish", "police", "said"], ["B-NORP", "O", "O"])
    assert sc.mission_owner_(named(doc, kb, gaz)) is None


def test_a_local_agents_town_is_the_datelines_namesake(vocab, kb, gaz):
    doc = doc_of(vocab, ["Police", "in", "Tripoli", "arrested", "two", "men"], ["O", "O", "B-GPE", "O", "O", "O"])
    assert sc.home_namesake_(named(doc, kb, gaz, home="LBN")) == "LBN"
    assert sc.home_namesake_(named(doc, kb, gaz)) is None           # no dateline: no opinion
    doc = doc_of(vocab, ["Ships", "left", "Tripoli"], ["O", "O", "B-GPE"])
    assert sc.home_namesake_(named(doc, kb, gaz, home="LBN")) is None  # no local agent


def test_a_unit_is_its_countrys_not_a_capitals(vocab, kb, gaz):
    doc = doc_of(vocab, ["Floods", "hit", "the", "state", "of", "Sucre"], ["O", "O", "O", "O", "O", "B-GPE"])
    assert sc.unit(named(doc, kb, gaz)) not in (None, "BOL")
    assert sc.knowledge_base(named(doc, kb, gaz)) is None  # the unit step has spoken


def test_the_knowledge_base_and_the_gazetteer(vocab, kb, gaz):
    doc = doc_of(vocab, ["Kenya", "and", "Kharkiv"], ["B-GPE", "O", "B-GPE"])
    assert sc.knowledge_base(named(doc, kb, gaz)) == "KEN"
    assert sc.gazetteer(named(doc, kb, gaz, k=1)) == "UKR"
    assert sc.gazetteer(named(doc, kb, None, k=1)) is None  # no gazetteer, no opinion


def test_a_village_is_not_the_city_of_its_spelling(vocab, kb, gaz):
    doc = doc_of(vocab, ["Gunmen", "raided", "the", "village", "of", "Kom"], ["O", "O", "O", "O", "O", "B-GPE"])
    assert sc.gazetteer(named(doc, kb, gaz)) is None


def test_the_holder_names_the_country(vocab, kb, gaz):
    doc = doc_of(vocab, ["Miners", "died", "in", "Chala", "in", "southern", "Peru"], ["O", "O", "O", "B-GPE", "O", "O", "B-GPE"])
    assert sc.holder(named(doc, kb, gaz)) == "PER"


def test_a_country_named_inside_an_organisations_name(vocab, kb, gaz):
    doc = doc_of(vocab, ["The", "University", "of", "Nairobi", "closed"], ["O", "B-ORG", "I-ORG", "I-ORG", "O"],
                 pos=["DET", "PROPN", "ADP", "PROPN", "VERB"])
    assert sc.named_inside(named(doc, kb, gaz)) == "KEN"


def test_the_shipped_chain_and_its_order():
    chain = sc.StoryCountries.load()
    names = [s.strategy for s in chain.steps]
    assert sorted(names) == sorted(sc.STRATEGIES)  # every strategy once
    assert names[0] == "leaning" and names.index("knowledge_base") < names.index("gazetteer")


@pytest.mark.parametrize("data, message", [
    ({"chain": [{"strategy": "guess", "labels": ["GPE"]}]}, "unknown strategy"),
    ({"chain": [{"strategy": "unit", "labels": ["DATE"]}]}, "labels"),
    ({"chain": [{"strategy": "unit"}]}, "labels"),
    ({"steps": []}, "chain"),
])
def test_a_bad_chain_is_refused(data, message):
    with pytest.raises(DataFileError, match=message):
        sc.StoryCountries.parse(data)


def test_the_first_answer_decides_and_the_count_orders(vocab, kb, gaz):
    doc = doc_of(vocab, ["Kenyan", "police", "met", "Ugandan", "officials", "in", "Nairobi", "and", "pro", "-", "Uganda", "youths"],
                 ["B-NORP", "O", "O", "B-NORP", "O", "O", "B-GPE", "O", "O", "O", "B-GPE", "O"])
    assert sc.StoryCountries.load().count(doc, kb, gaz) == ("KEN", "UGA")
    places_only = sc.StoryCountries.parse({"chain": [{"strategy": "knowledge_base", "labels": ["GPE"]}]})
    doc2 = doc_of(vocab, ["Ugandan", "officials", "met", "pro", "-", "Uganda", "youths", "in", "Kenya"],
                  ["B-NORP", "O", "O", "O", "O", "B-GPE", "O", "O", "B-GPE"])
    assert places_only.count(doc2, kb, gaz) == ("UGA", "KEN")  # the adjective unread, the leaning counted
    assert sc.StoryCountries.load().count(doc2, kb, gaz) == ("UGA", "KEN")  # the adjective, not the leaning


@pytest.mark.slow
@pytest.mark.parametrize("text, country", [
    ("Colombia's defence minister, Pedro Sanchez, flew to Cali.", "COL"),
    ("Pedro Sanchez, Colombia's defence minister, flew to Cali.", "COL"),
    ("Pedro Sanchez flew to Brussels.", "ESP"),
])
def test_the_title_beside_a_name_decides_the_person(kb, gaz, text, country):
    from flashpoint.config import Settings
    from flashpoint.pipeline import load_resources

    doc = load_resources(Settings()).nlp(text)
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    assert people
    assert sc.person(sc.Named(people[0], doc.text, people[0].text, kb, gaz, None)) == country


def test_a_town_with_its_holder_and_the_holder(vocab, kb, gaz):
    doc = doc_of(vocab, ["The", "mayor", "of", "Moscow", ",", "Idaho", ",", "spoke"],
                 ["O", "O", "O", "B-GPE", "O", "B-GPE", "O", "O"])
    assert sc.qualified_town(named(doc, kb, gaz)) == "USA"
    doc = doc_of(vocab, ["Police", "in", "Athens", ",", "Georgia", ",", "said"], ["O", "O", "B-GPE", "O", "B-GPE", "O", "O"])
    assert sc.qualified_town(named(doc, kb, gaz)) == "USA"
    assert sc.qualified_town(named(doc, kb, gaz, k=1)) == "USA"  # the holder: the US state, not the country
    assert sc.StoryCountries.load().count(doc, kb, gaz) == ("USA",)
    doc = doc_of(vocab, ["Troops", "entered", "Moscow", "on", "Monday"], ["O", "O", "B-GPE", "O", "O"])
    assert sc.qualified_town(named(doc, kb, gaz)) is None


def test_a_town_qualified_once_is_that_town_again(vocab, kb, gaz):
    from flashpoint.geo.gazetteer import qualified_towns
    from flashpoint.lookup_memo import LookupMemo

    text = "The mayor of Moscow, Idaho, spoke. Moscow police said the roads were shut."
    towns = qualified_towns(text, gaz)
    assert {k: p.country for k, p in towns.items()} == {"moscow": "USA"}
    memo = LookupMemo(gaz)
    for key, town in towns.items():
        memo.pin(key, town.to_location())
    assert memo.resolve("Moscow").country == "USA" and memo.resolve("Moscow", ("RUS",)).country == "USA"
    assert memo.resolve("Kyiv").country == "UKR"  # other names as ever
    assert qualified_towns("Paris, France, hosted the talks.", gaz) == {}  # the bare reading already
