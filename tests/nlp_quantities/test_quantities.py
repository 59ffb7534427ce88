"""Tests for extracting counted quantities from a clause."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.nlp.quantities import extract_quantities
from flashpoint.types import Quantity

from ..timing import assert_scales_linearly


def Q(value: int, unit: str) -> Quantity:  # noqa: N802 - reads like the record
    return Quantity(value, unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the concentration of 15,000 troops backed by tanks", [Q(15000, "troops")]),
        ("a battalion of Russian paratroopers", [Q(500, "troops")]),
        ("15 000 troops", [Q(15000, "troops")]),
        ("15\u00a0000 soldiers", [Q(15000, "troops")]),
        ("at least 12 people were killed", [Q(12, "dead")]),
        ("killing five civilians", [Q(5, "dead")]),
        ("five civilians were killed", [Q(5, "dead")]),
        ("five civilians killed in the strike", [Q(5, "dead")]),
        ("thousands of migrants", [Q(1000, "migrants")]),
        ("tens of thousands of refugees", [Q(10000, "migrants")]),
        ("hundreds of thousands of people fled", [Q(100000, "displaced")]),
        ("dozens of protesters", [Q(12, "protesters")]),
        ("scores of villagers were wounded", [Q(20, "injured")]),
        ("1.2 million refugees", [Q(1200000, "migrants")]),
        ("2.3 million people were displaced", [Q(2300000, "displaced")]),
        ("more than 300 arrests", [Q(300, "arrested")]),
        ("two soldiers", [Q(2, "troops")]),
        ("a dozen soldiers were wounded", [Q(12, "injured")]),
        ("two dozen asylum seekers", [Q(24, "migrants")]),
        ("two hundred and fifty protesters were detained", [Q(250, "arrested")]),
        ("twenty-five police officers were hurt", [Q(25, "injured")]),
        ("three million people were displaced", [Q(3000000, "displaced")]),
        ("tens of thousands of people marched in the capital", [Q(10000, "protesters")]),
        ("several hundred demonstrators", [Q(300, "protesters")]),
        ("a few thousand soldiers", [Q(2000, "troops")]),
        ("killed 12 and wounded 30 others", [Q(12, "dead"), Q(30, "injured")]),
        ("police arrested 30 protesters", [Q(30, "arrested")]),
        ("the death toll rose to 45", [Q(45, "dead")]),
        ("12 of them were killed", [Q(12, "dead")]),
        ("hundreds were arrested", [Q(100, "arrested")]),
        ("30 were held overnight", [Q(30, "arrested")]),
        ("the blast left 7 dead and 19 wounded", [Q(7, "dead"), Q(19, "injured")]),
        ("12 U.S. service members were killed", [Q(12, "dead")]),
        ("2 soldiers and 3 civilians were killed", [Q(2, "dead"), Q(3, "dead")]),
        ("3,000 troops were deployed after 12 people were killed", [Q(3000, "troops"), Q(12, "dead")]),
        ("20 soldiers attacked protesters", [Q(20, "troops")]),
        ("10,000 people fled the fighting", [Q(10000, "displaced")]),
        ("gunmen abducted 276 schoolgirls", [Q(276, "hostages")]),
        ("deployed some 3,000 near the border", [Q(3000, "troops")]),
        ("between 300 and 400 troops", [Q(300, "troops")]),
        ("300 to 400 peacekeepers", [Q(300, "troops")]),
        ("a 300-strong force", [Q(300, "troops")]),
        ("three armored personnel carriers", [Q(3, "vehicles")]),
        ("three Israeli fighter jets", [Q(3, "aircraft")]),
        ("four MiG-29 fighter jets", [Q(4, "aircraft")]),
        ("40 tanks and 12 helicopters", [Q(40, "tanks"), Q(12, "aircraft")]),
        ("fired 30 rockets", [Q(30, "missiles")]),
        ("five drones were shot down", [Q(5, "drones")]),
        ("two warships", [Q(2, "ships")]),
        ("expelled 12 diplomats", [Q(12, "diplomats")]),
        ("released 50 prisoners", [Q(50, "prisoners")]),
        ("two brigades", [Q(6000, "troops")]),
        ("three battalion tactical groups", [Q(2400, "troops")]),
        ("an infantry company", [Q(150, "troops")]),
        ("an armoured division", [Q(12000, "troops")]),
        ("a platoon", [Q(40, "troops")]),
        ("1,500 civilians", [Q(1500, "civilians")]),
        ("2000 troops", [Q(2000, "troops")]),
        ("one of the soldiers died", [Q(1, "dead")]),
        ("thousands of people took to the streets", [Q(1000, "protesters")]),
    ],
)
def test_extracts(text, expected):
    # Value and unit here; the estimate and bound flags are tested below.
    assert [(q.value, q.unit) for q in extract_quantities(text)] == [(q.value, q.unit) for q in expected]


@pytest.mark.parametrize(
    "text",
    [
        "a 25-year-old man was arrested",
        "the two-year-old was unhurt",
        "a man aged 25 was detained",
        "in 2020 troops withdrew",
        "since 2014 the rebels have held the town",
        "the $1.2 million deal",
        "a 50 million euros loan",
        "inflation hit 15%",
        "support fell to 40 percent",
        "T-72 tanks",
        "F-16 jets",
        "the G20 summit",
        "on Nov 9 troops crossed",
        "9 November",
        "the first soldier",
        "a second soldier",
        "5 km from the troops",
        "for 48 hours",
        "a 10-year sentence",
        "12 held talks",
        "no one was killed",
        "Resolution 2231",
        "a company spokesman",
        "a division of the ministry",
        "many soldiers",
        "several people",
        "300 opposition supporters",
        "at 10:30 soldiers arrived",
        "the 1st Brigade",
        "",
        "   ",
    ],
)
def test_ignores(text):
    assert extract_quantities(text) == ()


@pytest.mark.parametrize("text", [None, 12, b"15,000 troops", ["15,000 troops"]])
def test_non_string_gives_nothing(text):
    assert extract_quantities(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "9" * 5_000 + " troops",
        "1," + "000," * 2_000 + "000 troops",
        "\x00\xff\ufffd troops 12 \ud800",
        "a " * 50_000,
        "thousands of " * 5_000,
        "- " * 20_000 + "12 killed",
    ],
)
def test_hostile_input_does_not_raise(text):
    extract_quantities(text)


def test_absurd_values_are_dropped():
    assert extract_quantities("99 billion billion troops") == ()


@pytest.mark.slow
def test_huge_input_is_linear():
    sentence = "Gunmen killed at least 12 civilians and 15,000 troops massed near the border. "
    assert len(assert_scales_linearly(extract_quantities, lambda n: sentence * n, 20_000)) == 40_000


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_fuzz_never_raises(text):
    for quantity in extract_quantities(text):
        assert isinstance(quantity.value, int) and quantity.value > 0
        assert quantity.unit


@given(
    st.lists(
        st.sampled_from(
            ["a", "an", "two", "hundred", "and", "thousands", "of", "15,000", "1.2", "million", "troops",
             "killed", "were", "-", "strong", "battalion", "company", "dozen", "them", "the", "at", "least",
             "%", "$", "2020", "people", "fled", "held", "to", "between", ",", "."]
        ),
        max_size=14,
    ).map(" ".join)
)
@settings(max_examples=400, deadline=None)
def test_fuzz_number_words_never_raise(text):
    for quantity in extract_quantities(text):
        assert 0 < quantity.value <= 10**10


@pytest.mark.parametrize(
    ("text", "estimate", "bound"),
    [
        ("killing 12 soldiers", False, None),
        ("killing at least 29 people", False, "at_least"),
        ("gunmen killed more than 40 villagers", False, "at_least"),
        ("over 300 people were arrested", False, "at_least"),
        ("up to 50 migrants", False, "at_most"),
        ("fewer than 20 people died", False, "at_most"),
        ("arrested dozens of protesters", True, None),
        ("detained hundreds of people", True, None),
        ("tens of thousands of people marched", True, None),
        ("some 3,000 troops", True, None),
        ("about 200 people were killed", True, None),
        ("300 to 400 troops", True, None),
        ("a battalion of paratroopers", True, None),
        ("two hundred soldiers", False, None),
    ],
)
def test_vague_numbers_are_flagged(text, estimate, bound):
    (q,) = extract_quantities(text)
    assert (q.estimate, q.bound) == (estimate, bound)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("opened fire on a post, killing two Kyrgyz guards, the service said", 2, "dead"),
    ("killing two herders in the village", 2, "dead"),
    ("wounding 14 Hazara pilgrims.", 14, "injured"),
])
def test_an_outcome_verb_counts_the_people_it_befell(text, value, unit):
    assert [(q.value, q.unit) for q in extract_quantities(text)] == [(value, unit)]


@pytest.mark.parametrize("text", ["killing 3 years ago", "killing five of the group", "two guards stood at the gate"])
def test_no_count_without_people_befallen(text):
    assert not any(q.unit == "dead" for q in extract_quantities(text))


@pytest.mark.parametrize("text", [
    "Thirty-Five SOLDIERS and a Police officer were killed; Dozens of PROTESTERS were arrested.",
    "At least 1,200 TROOPS and several hundred Militants, U.S. officials said.",
])
def test_ascii_and_other_text_read_the_same_counts(text):
    # ASCII text is lower-cased whole before it is split, other text word by word
    accented = "Réunion: " + text
    plain = extract_quantities(text)
    assert plain  # the case of the words does not hide the counts
    assert [(q.value, q.unit) for q in extract_quantities(accented)] == [(q.value, q.unit) for q in plain]
    assert extract_quantities(text.lower()) == plain
