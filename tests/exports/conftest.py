"""A small stored corpus for the export tests: hand-built events that use every
field an export has to carry (orgs, police, media, attribution, quantities,
places with and without coordinates, a CAMEO code with no PLOVER category,
hostile text for CSV)."""

from __future__ import annotations

import pytest

from flashpoint.store import open_store
from flashpoint.types import Actor, Article, Event, Evidence, Location, Plover, Quantity

FIRST_SEEN = "2024-05-01T12:00:00+00:00"

NATO = Actor("the Atlantic alliance", "NATO", None, "NATO", "IGO", "IGOWSTNAT")
POLISH_POLICE = Actor("Polish police", "police (Poland)", "POL", None, "POL", "POLPOL")
BELARUS = Actor("Minsk", "Belarus", "BLR", None, None, "BLR")
JOURNALISTS = Actor("reporters", "journalists (Belarus)", "BLR", None, "MED", "BLRMED")
RSF = Actor("the RSF", "Rapid Support Forces", "SDN", "RSF", "REB", "SDNREBRSF")
SUDAN = Actor("Khartoum", "Sudan", "SDN", None, "GOV", "SDNGOV")
UN = Actor("the UN", "United Nations", None, "UN", "IGO", "IGOUNO")


def _event(eid: str, doc: str, sentence: str, trigger: str, source, target, cameo: str, quad: int,
           goldstein: float, plover, **kw) -> Event:
    base = dict(
        event_id=eid, doc_id=doc, date="2021-11-12", date_precision="day", source=source, target=target,
        cameo=cameo, cameo_root=cameo[:2], quad_class=quad, goldstein=goldstein,
        plover=Plover(*plover) if plover else None, negated=False, modality="asserted", attribution=None,
        location=None, quantities=(), evidence=Evidence(sentence, 0, len(sentence), trigger),
        rule="verb:test", confidence=0.8, contexts=(),
    )
    base.update(kw)
    return Event(**base)


def corpus_events() -> list[tuple[Article, list[Event]]]:
    grodno = Location("Hrodna", "BLR", 53.6758, 23.8289, "city")
    return [
        (Article("a1", "text one", "2021-11-12", "Alliance condemns", "https://example.com/a1", "Wire One", "en"), [
            _event("e0000000000000a1", "a1", "NATO condemned Belarus for the border crisis.", "condemned",
                   NATO, BELARUS, "111", 3, -2.0, ("ACCUSE", None), contexts=("migration", "military"),
                   location=grodno),
            _event("e0000000000000a2", "a1", "Polish police detained 12 people at the border.", "detained",
                   POLISH_POLICE, BELARUS, "173", 4, -5.0, ("COERCE", "arrest"),
                   quantities=(Quantity(12, "arrested"),),
                   location=Location("Kuznica", None, None, None, "city")),
        ]),
        (Article("a2", "text two", "2021-11-13", "=cmd|' /C calc'!A0", "javascript:alert(1)", "@Outlet", "fr"), [
            _event("e0000000000000b1", "a2", "=HYPERLINK(\"http://evil\") said Minsk denied it.", "denied",
                   BELARUS, None, "016", 1, 3.4, None, date="2021-11-13", statement=True),
            _event("e0000000000000b2", "a2", "-5 reporters said the police beat them.", "beat",
                   POLISH_POLICE, JOURNALISTS, "1821", 4, -9.0, ("ASSAULT", "beat"), modality="reported",
                   attribution=JOURNALISTS, confidence=0.55, date="2021-11-13", date_precision="week",
                   quantities=(Quantity(3, "injured"),)),
        ]),
        (Article("a3", "text three", "2023-04-20", "Fighting in Khartoum", "https://example.org/a3", "Wire Two", "en"), [
            _event("e0000000000000c1", "a3", "The RSF shelled Khartoum, killing 40 people and wounding 100.",
                   "shelled", RSF, SUDAN, "194", 4, -10.0, ("ASSAULT", "heavy-weapons"), date="2023-04-20",
                   quantities=(Quantity(40, "dead"), Quantity(100, "injured")),
                   location=Location("Khartoum", "SDN", 15.5518, 32.5324, "city"), contexts=("military",)),
            _event("e0000000000000c2", "a3", "The UN will send aid to Sudan.", "send", UN, SUDAN, "033", 1, 5.2,
                   ("AGREE", None), modality="future", date="2023-04-20", date_precision="month",
                   location=Location("Sudan", "SDN", 15.0, 30.0, "country")),
        ]),
    ]


def stored_events(url: str = "memory:") -> list[dict]:
    store = open_store(url)
    try:
        for article, events in corpus_events():
            store.add_article(article, events)
        events = list(store.events())
    finally:
        store.close()
    for event in events:
        event["first_seen"] = FIRST_SEEN  # the store stamps the wall clock; goldens need a fixed one
    return events


@pytest.fixture
def events() -> list[dict]:
    return stored_events()
