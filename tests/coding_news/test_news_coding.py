"""The coder on ordinary news shapes (issue 9): statements, one-sided events,
future and scheduled acts, unknown named actors, several parties, references
back into the article. Every sentence here was written for this project."""

from __future__ import annotations

import pytest

from flashpoint.config import Settings
from flashpoint.pipeline import code_text

pytestmark = pytest.mark.slow


def coded(text: str, **settings):
    return code_text(text, date="2025-03-04", doc_id="n", settings=Settings(**settings))


def triples(events) -> set[tuple]:
    return {(e.source.country or e.source.key, e.cameo, (e.target.country or e.target.key) if e.target else None)
            for e in events}


# -- statements ---------------------------------------------------------------------

def has(got: set[tuple], want: tuple) -> bool:
    """An event of ``want``'s source and target countries whose code starts with its code."""
    return any(s == want[0] and c.startswith(want[1]) and t == want[2] for s, c, t in got)


def test_a_bare_statement_is_a_010_event_marked_as_such():
    (e,) = coded("The Lithuanian foreign minister said the sanctions were working.")
    assert (e.source.country, e.cameo, e.target, e.statement) == ("LTU", "010", None, True)
    assert e.rule == "verb:statement"


def test_a_statement_names_whom_its_content_is_about():
    got = triples(coded("Chile's foreign minister said on Tuesday that the border with Bolivia would stay open."))
    assert ("CHL", "010", "BOL") in got


def test_no_statements_leaves_them_out():
    assert not coded("The Lithuanian foreign minister said the sanctions were working.", statements=False)


def test_a_statement_whose_content_carries_an_event_is_only_its_attribution():
    events = coded("Moldova's government said it would expel two Russian diplomats.")
    assert not any(e.statement for e in events)
    assert any(e.source.country == "MDA" and e.target and e.target.country == "RUS" for e in events)


def test_a_statements_tone_gives_its_code():
    got = triples(coded("Norway's prime minister said she was hopeful that Sweden would join the scheme."))
    assert ("NOR", "013", "SWE") in got


def test_bystanders_and_unplaced_officials_make_no_statement():
    assert not any(e.statement for e in coded("Residents said the river had flooded the market."))
    assert not any(e.statement for e in coded("Officials said the storm killed nine people."))


# -- one-sided events, future acts, unknown actors ----------------------------------------

def test_one_sided_events_by_default_and_dyads_only_on_request():
    text = "Thousands of teachers marched through Lima on Friday."
    assert any(e.target is None or e.target.sector == "GOV" for e in coded(text))
    text = "Russia threatened on Tuesday to walk out of the grain talks."
    assert any(e.cameo_root == "13" and e.target is None for e in coded(text))
    assert not coded(text, dyads_only=True)


def test_scheduled_and_wanted_acts_are_future_intents():
    events = coded("Hungary's prime minister is scheduled to visit Beijing next week.")
    assert any(e.cameo == "036" and e.modality == "future" and e.target.country == "CHN" for e in events)
    events = coded("The Iranian foreign minister wants to visit Riyadh.")
    assert any(e.cameo == "036" and e.target.country == "SAU" for e in events)
    assert not any(e.cameo.startswith("02") for e in events), "wanting to go is no request"


def test_unknown_named_people_are_kept_with_the_country_their_title_gives():
    events = coded("Malian Defence Minister Abdoulaye Toure met Senegal's president in Dakar.")
    assert any(e.source.country == "MLI" and e.target and e.target.country == "SEN" for e in events)
    text = "Abdoulaye Toure met Senegal's president in Dakar."
    assert any(e.source.text == "Abdoulaye Toure" and e.target.country == "SEN" for e in coded(text))
    assert not any(e.source.text == "Abdoulaye Toure" for e in coded(text, known_actors_only=True))


def test_a_weekday_after_a_name_does_not_hide_the_name():
    events = coded("Turkey's foreign minister met Iraqi Prime Minister Mohammed Shia al-Sudani Monday in Baghdad.")
    assert any(e.cameo_root == "04" and e.target and e.target.country == "IRQ" for e in events)
    assert any(e.date == "2025-03-03" for e in events)


# -- several parties and references back ----------------------------------------------------

def test_coordinated_peoples_are_one_party_each():
    got = triples(coded("The Kenyan and Ugandan presidents met in Kampala."))
    assert {("KEN", "040", "UGA"), ("UGA", "040", "KEN")} <= got


def test_the_two_leaders_are_the_last_two_parties():
    got = triples(coded("The Kenyan and Ugandan presidents met in Kampala. The two leaders agreed to reopen the border."))
    assert any(s == "KEN" and t == "UGA" and c.startswith("03") for s, c, t in got)
    assert any(s == "UGA" and t == "KEN" and c.startswith("03") for s, c, t in got)


def test_negotiations_between_two_parties_code_both_ways_and_the_host():
    got = triples(coded("Norway hosted negotiations between Colombia and the ELN in Oslo."))
    assert ("NOR", "043", "COL") in got
    assert any(s == "COL" and c == "046" for s, c, t in got)


def test_a_meeting_told_once_is_coded_both_ways():
    got = triples(coded("Peru's president held talks with his Chilean counterpart in Lima."))
    assert {("PER", "040", "CHL"), ("CHL", "040", "PER")} <= got


def test_rejecting_a_proposal_targets_its_author():
    got = triples(coded("Armenia proposed new border talks. Azerbaijan rejected the proposal."))
    assert any(s == "AZE" and t == "ARM" and c.startswith("12") for s, c, t in got)


def test_one_pledge_not_two():
    events = coded("Germany pledged to send more air-defence systems to Ukraine.")
    assert [(e.source.country, e.target.country if e.target else None) for e in events] == [("DEU", "UKR")]
