"""The per-document memos: same answers as the uncached reads, kept only while a document is coded."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import pytest

from flashpoint.lookup_memo import _ANY_DAY, LookupMemo
from flashpoint.nlp.docmemo import doc_ents, doc_sents, doc_text, document_memo, memoized, span_ents


def _doc() -> Doc:
    words = ["Russia", "shelled", "Kharkiv", "on", "Monday", ".", "New", "York", "Times", "said", "so", "."]
    ents = ["B-GPE", "O", "B-GPE", "O", "B-DATE", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"]
    starts = [True] + [False] * 5 + [True] + [False] * 5
    return Doc(spacy.blank("en").vocab, words=words, ents=ents, sent_starts=starts)


def test_span_ents_match_spacy_inside_and_outside_a_memo():
    doc = _doc()
    spans = [*doc.sents, doc[:], doc[1:5], doc[2:7], doc[7:9], doc[6:8]]
    expected = [[(e.start, e.end, e.label_) for e in s.ents] for s in spans]
    for _ in range(2):
        assert [[(e.start, e.end, e.label_) for e in span_ents(s)] for s in spans] == expected
        with document_memo(doc):
            assert [[(e.start, e.end, e.label_) for e in span_ents(s)] for s in spans] == expected
            assert doc_text(doc) == doc.text and [s.start for s in doc_sents(doc)] == [0, 6]
            assert doc_ents(doc) is doc_ents(doc)


def test_memo_lives_only_inside_the_block():
    doc = _doc()
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    with document_memo(doc):
        with document_memo(doc):  # nested: the outer block keeps the memo
            assert memoized(doc, "k", compute) == 1
        assert memoized(doc, "k", compute) == 1
        other = _doc()
        assert memoized(other, "k", compute) == 2  # another document has its own (none: not open)
    assert memoized(doc, "k", compute) == 3  # closed: nothing kept
    assert memoized(doc, "k", compute) == 4


class _CountingLookups:
    def __init__(self) -> None:
        self.asked: list[tuple] = []
        self.size = 7

    def resolve(self, name, context=()):
        self.asked.append((name, tuple(context)))
        return f"{name}@{','.join(context)}"

    def country_of(self, word):
        self.asked.append((word,))
        return word.upper()[:3]


def test_lookup_memo_answers_each_question_once():
    target = _CountingLookups()
    memo = LookupMemo(target)
    countries = ["UKR"]
    assert memo.resolve("Kharkiv", countries) == "Kharkiv@UKR"
    assert memo.resolve("Kharkiv", ("UKR",)) == "Kharkiv@UKR"  # a list and a tuple ask the same
    countries.append("RUS")  # the caller's list changed: a new question
    assert memo.resolve("Kharkiv", countries) == "Kharkiv@UKR,RUS"
    assert memo.country_of("Polish") == memo.country_of("Polish") == "POL"
    assert target.asked == [("Kharkiv", ("UKR",)), ("Kharkiv", ("UKR", "RUS")), ("Polish",)]
    assert memo.size == 7  # everything else is the target's own


PHRASES = (
    "Russia", "Russian troops", "the Russian foreign minister", "Putin", "Vladimir Putin's spokesman", "NATO",
    "NATO troops", "the United Nations", "police", "the police", "protesters", "the army", "the ministry",
    "rebels", "Kurds", "Kurdish rebels", "Iraqi Kurds", "Kurds in Syria", "the opposition", "Hamas",
    "the foreign minister of Turkey", "Kyiv", "Mali and Burkina Faso", "security forces", "gunmen",
    "the Kenyan police", "a spokesman", "the president", "Xyzzy Corp", "the weather", "",
)


def test_context_free_answers_hold_in_every_context():
    from flashpoint.actors import KnowledgeBase

    kb = KnowledgeBase.load()
    free = bound = 0
    for when in (None, "2024-03-01"):
        for phrase in PHRASES:
            bare = kb.resolve(phrase, when, None)
            in_context = [kb.resolve(phrase, when, c) for c in ("UKR", "TUR", "IRQ", "KEN", "ZZZ")]
            if kb.context_free(bare):
                free += 1
                assert all(r == bare for r in in_context), phrase
            else:
                bound += 1
                assert any(r != bare for r in in_context), phrase  # the context does fill something in
    assert free > 20 and bound > 10  # both kinds were tried


def test_lookup_memo_answers_in_context_from_a_context_free_answer():
    from flashpoint.actors import KnowledgeBase

    kb = KnowledgeBase.load()
    asked: list[tuple] = []

    class Counting:
        context_free = staticmethod(kb.context_free)

        def resolve(self, *args):
            asked.append(args)
            return kb.resolve(*args)

    memo = LookupMemo(Counting())
    assert memo.resolve("Russia", None, None) == memo.resolve("Russia", None, "UKR") == kb.resolve("Russia", None, "UKR")
    assert memo.resolve("police", None, None) != memo.resolve("police", None, "KEN") == kb.resolve("police", None, "KEN")
    assert asked == [("Russia", None, None), ("police", None, None), ("police", None, "KEN")]


def test_lookup_memo_settles_only_known_context_free_answers():
    """``settled`` answers what ``resolve`` would give in any context, without asking:
    only once the bare answer is known and no context can change it."""
    from flashpoint.actors import KnowledgeBase
    from flashpoint.lookup_memo import UNSETTLED

    kb = KnowledgeBase.load()
    memo = LookupMemo(kb)
    assert memo.settled("Russia", None) is UNSETTLED  # not asked yet
    bare = memo.resolve("Russia", None, None)
    assert memo.settled("Russia", None) == bare == memo.resolve("Russia", None, "UKR") == kb.resolve("Russia", None, "UKR")
    memo.resolve("police", None, None)
    assert memo.settled("police", None) is UNSETTLED  # the context fills in the country
    assert memo.settled("Russia", "2024-03-01") is UNSETTLED  # another date is another question
    assert LookupMemo(_CountingLookups()).settled("Kharkiv", None) is UNSETTLED  # no context_free: never settled


def test_lookup_memo_reads_a_description_once_per_phrase():
    from flashpoint.actors import KnowledgeBase

    kb = KnowledgeBase.load()
    asked: list[str] = []

    class Counting:
        def described(self, text):
            asked.append(text)
            return kb.described(text)

    memo = LookupMemo(Counting())
    for text in ("the kingdom's army", "the island nation", "the kingdom's army", "police"):
        assert memo.described(text) == kb.described(text)
    assert asked == ["the kingdom's army", "the island nation", "police"]
    assert memo.described("the kingdom's army")  # a description of some states, not empty


def test_lookup_memo_reads_first_and_given_names_once_per_phrase():
    from flashpoint.actors import KnowledgeBase

    kb = KnowledgeBase.load()
    asked: list[tuple[str, str]] = []

    class Counting:
        def first_name_of(self, text):
            asked.append(("first", text))
            return kb.first_name_of(text)

        def given_name_of(self, text):
            asked.append(("given", text))
            return kb.given_name_of(text)

    memo = LookupMemo(Counting())
    for text in ("Chad Smith", "Israel Katz", "Chad Smith", "Russia", "Israel Katz"):
        assert memo.first_name_of(text) == kb.first_name_of(text)
        assert memo.given_name_of(text) == kb.given_name_of(text)
    assert memo.first_name_of("Chad Smith") == "Chad"  # a country's name opening a person's
    assert memo.first_name_of("Russia") is None
    assert asked == [("first", "Chad Smith"), ("given", "Chad Smith"), ("first", "Israel Katz"),
                     ("given", "Israel Katz"), ("first", "Russia"), ("given", "Russia")]


def test_pattern_set_reads_its_trigger_lemmas_once():
    from flashpoint.coding.patterns import load_patterns

    patterns = load_patterns()
    assert patterns.noun_lemmas is patterns.noun_lemmas  # built once, not on every read
    assert patterns.verb_lemmas is patterns.verb_lemmas
    assert patterns.noun_lemmas == frozenset(patterns.nouns) and patterns.verb_lemmas == frozenset(patterns.verbs)


def test_fixed_answers_are_asked_once_per_process_and_each_document_keeps_its_own():
    """A target whose answers never change (``fixed_answers``: the knowledge base) is asked each
    question once for every document of the process; others once per document."""
    from flashpoint.lookup_memo import SHARED_LIMIT, shared_answers

    class Fixed(_CountingLookups):
        fixed_answers = True

    fixed, plain = Fixed(), _CountingLookups()
    for _ in range(3):  # three documents
        for target in (fixed, plain):
            memo = LookupMemo(target)
            assert memo.resolve("Kharkiv", ("UKR",)) == "Kharkiv@UKR"
            assert memo.resolve("Kharkiv", ["UKR"]) == "Kharkiv@UKR"  # a list read as a tuple
            assert memo.country_of("russian") == "RUS"
    assert fixed.asked == [("Kharkiv", ("UKR",)), ("russian",)]
    assert len(plain.asked) == 6  # once per document
    assert shared_answers(plain) is None and len(shared_answers(fixed)) == 2
    shared = shared_answers(fixed)
    shared.update({("filler", k): k for k in range(SHARED_LIMIT - len(shared))})
    LookupMemo(fixed).resolve("Lviv", ())  # full: emptied, then the new answer kept
    assert len(shared) == 1 and fixed.asked[-1] == ("Lviv", ())


def test_the_knowledge_base_keeps_its_answers_for_the_process():
    from flashpoint.actors import KnowledgeBase
    from flashpoint.lookup_memo import shared_answers

    kb = KnowledgeBase.load()
    first = LookupMemo(kb).resolve("the Kenyan police", None, None)
    assert LookupMemo(kb).resolve("the Kenyan police", None, None) is first == kb.resolve("the Kenyan police", None, None)
    assert ("resolve", "the Kenyan police", _ANY_DAY, None) in shared_answers(kb)  # no date can change it


def test_answers_no_date_can_change_are_shared_across_days_and_dated_ones_are_not():
    """A phrase naming no person and no organisation with later sectors is answered alike on
    every day (``date_free``), so its answer serves every document's date; an office holder's or
    the Taliban's answer stays keyed by its date."""
    from datetime import date

    from flashpoint.actors import KnowledgeBase
    from flashpoint.errors import UsageError
    from flashpoint.lookup_memo import shared_answers

    kb = KnowledgeBase.load()
    days = (None, date(1999, 3, 1), date(2015, 6, 1), date(2026, 1, 5))
    for phrase in ("Ukrainian soldiers", "the United Nations", "Russia's foreign ministry", "riot police in Nairobi"):
        assert kb.date_free(phrase)
        assert len({repr(kb.resolve(phrase, d, c)) for d in days for c in (None, "KEN")}) <= 2
        first = LookupMemo(kb).resolve(phrase, days[1], None)
        assert all(LookupMemo(kb).resolve(phrase, d, None) is first for d in days)
    for phrase in ("Taliban fighters", "President Joe Biden", "Sheikh Hasina"):
        assert not kb.date_free(phrase)
    before = LookupMemo(kb).resolve("Taliban fighters", date(2019, 1, 1), None)
    after = LookupMemo(kb).resolve("Taliban fighters", date(2023, 1, 1), None)
    assert before.actor.sector != after.actor.sector  # REB then GOV: the date decided it
    assert ("resolve", "Taliban fighters", date(2019, 1, 1), None) in shared_answers(kb)
    with pytest.raises(UsageError):
        LookupMemo(kb).resolve("the United Nations", "not a date", None)  # a bad date still fails


def test_gazetteer_answers_are_kept_for_the_process_until_its_table_is_edited():
    """The gazetteer's answers are pure functions of its table (``fixed_answers``): kept for every
    document of the process, and dropped when ``add`` or ``forget`` edits the table."""
    from flashpoint.geo.gazetteer import Gazetteer, Place
    from flashpoint.lookup_memo import shared_answers

    gaz = Gazetteer([(Place("Tarnow", "POL", 50.0, 21.0, "city", 100), ["Tarnów"])])
    first = LookupMemo(gaz).resolve("Tarnow", ("POL",))
    assert first is not None and first.country == "POL"
    assert LookupMemo(gaz).resolve("Tarnow", ["POL"]) is first  # another document: the kept answer
    assert ("resolve", "Tarnow", ("POL",)) in shared_answers(gaz)
    version = gaz.answers_version
    gaz.add(Place("Tarnow", "CZE", 49.0, 16.0, "city", 100_000))  # a bigger namesake: the answer moves
    assert gaz.answers_version != version and not shared_answers(gaz)
    assert LookupMemo(gaz).resolve("Tarnow", ()) == gaz.resolve("Tarnow", ())
    gaz.forget(["Tarnow"])
    assert LookupMemo(gaz).resolve("Tarnow", ()) is None is gaz.resolve("Tarnow", ())


def test_parse_table_words_read_as_spacy_tokens():
    """The table's words give what spaCy's Tokens give: attributes, links and walks."""
    from flashpoint.nlp.docmemo import Word, parse_table

    nlp = spacy.blank("en")
    words = ["Kenya", ",", "Somalia", "and", "Ethiopia", "signed", "a", "deal", "with", "the", "Red", "Cross",
             "on", "Monday", "."]
    heads = [5, 0, 0, 2, 2, 5, 7, 5, 7, 11, 11, 8, 5, 12, 5]
    deps = ["nsubj", "punct", "conj", "cc", "conj", "ROOT", "det", "dobj", "prep", "det", "compound", "pobj",
            "prep", "pobj", "punct"]
    tags = ["NNP", ",", "NNP", "CC", "NNP", "VBD", "DT", "NN", "IN", "DT", "NNP", "NNP", "IN", "NNP", "."]
    pos = ["PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB", "DET", "NOUN", "ADP", "DET", "PROPN", "PROPN", "ADP",
           "PROPN", "PUNCT"]
    ents = ["B-GPE", "O", "B-GPE", "O", "B-GPE", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "O", "B-DATE", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents,
              lemmas=[w.lower() for w in words])
    with document_memo(doc):
        table = parse_table(doc)
        assert all(isinstance(w, Word) for w in table.tokens)
        for w, tok in zip(table.tokens, doc):
            for name in ("i", "dep_", "lower_", "pos_", "tag_", "lemma_", "ent_type_", "ent_iob_", "text", "idx",
                         "is_punct", "like_num", "whitespace_", "n_lefts", "n_rights"):
                assert getattr(w, name) == getattr(tok, name), (w.i, name)
            for name in ("head", "left_edge", "right_edge"):
                assert getattr(w, name).i == getattr(tok, name).i
            for name in ("lefts", "rights", "children", "subtree", "conjuncts"):
                assert [x.i for x in getattr(w, name)] == [x.i for x in getattr(tok, name)], (w.i, name)
            assert len(w) == len(tok) and str(w) == tok.text and w.sent.start == tok.sent.start
        assert [x.text for x in table.tokens[4].conjuncts] == ["Kenya", "Somalia"]
