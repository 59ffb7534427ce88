"""The coder links a later surname to the person named in full earlier in the article."""

from __future__ import annotations

import pytest

from flashpoint.config import Settings
from flashpoint.pipeline import code_text

pytestmark = pytest.mark.slow


def dyads(text: str) -> set[tuple]:
    events = code_text(text, date="2024-03-02", doc_id="s", settings=Settings())
    return {(e.source.text, e.source.code, e.target.code if e.target else None) for e in events}


def test_a_surname_after_the_full_name_is_that_person() -> None:
    got = dyads("Senator Lindsey Graham met Ukrainian President Volodymyr Zelensky in Kyiv. Graham later criticised Russia.")
    assert ("Graham", "USALEG", "RUS") in got


def test_a_surname_two_people_share_is_left_unresolved() -> None:
    got = dyads("Lindsey Graham and Franklin Graham visited Israel. Graham later criticised Iran.")
    assert not any(src == "Graham" for src, _, _ in got), got


def test_a_different_given_name_is_not_the_earlier_person() -> None:
    got = dyads("Lindsey Graham met Zelensky. John Graham, a businessman, criticised Russia.")
    assert not any(src == "John Graham" and code == "USALEG" for src, code, _ in got), got


def test_a_known_speaker_is_a_legislator_of_her_country() -> None:
    got = dyads("Nancy Pelosi visited Taipei on Tuesday, angering Beijing.")
    assert any(code == "USALEG" for _, code, _ in got), got
