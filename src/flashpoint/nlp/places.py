"""Where an event happened, read off a parsed sentence.

The only module of :mod:`flashpoint.geo`'s work that touches spaCy. Place
mentions are GPE, LOC and FAC entities, widened to "the X region" forms,
plus "X region" noun phrases the model did not tag. Each mention of the
event's sentence gets a tier (lower is better):

0. object of a locative preposition attached to the trigger or its clause
   ("killed in Grodno", "In Nablus, gunmen shot and killed ...");
1. object of a locative preposition anywhere under the trigger
   ("an attack on a base near Mosul");
2. a modifier of the trigger itself ("the Nablus attack");
3. object of a locative preposition elsewhere in the sentence;
Other mentions (modifiers of participants, places in other clauses) are not
used: on the event_location gold set they were wrong more often than right.

A country after "on" ("called on the United States", "sanctions on Russia")
is a party, never the location; so is the other side of a border ("troops
sent to its border with Venezuela"). A place that is the subject or object of the
trigger's clause ("Russia sent troops") is an actor, never the location, except the direct object of a
place-taking verb ("rebels captured Birao", tier 0). Destination prepositions ("to",
"towards") count as locative only after a motion word ("sent troops to
Belarus" happened in Belarus, "talked to Belarus" did not). Ties go to the
more specific place (city, then region, then country), then to the one
nearest the trigger. With no mention, the article's dominant place is used.

Mentions the gazetteer does not know still count: they come back as a
:class:`~flashpoint.types.Location` with no coordinates.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.attrs import ENT_TYPE, LOWER, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from flashpoint.geo.cues import LocationCues, location_cues
from flashpoint.geo.gazetteer import Gazetteer
from flashpoint.geo.names import REGION_WORDS, unit_around
from flashpoint.nlp.docmemo import doc_ents, doc_text, document_memo, memo_of, memoized, span_ents
from flashpoint.types import Location

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_REGION_WORDS = frozenset(REGION_WORDS)
_SAME_CLAUSE = frozenset({"conj", "xcomp"})
_SPECIFIC = {"city": 0, "region": 1, "country": 2}
_BORDER_WORDS = frozenset({"border", "frontier", "boundary"})
# Entity labels the small model often puts on towns ("fighting in Aleppo" as
# PERSON or NORP); after a locative preposition a known place name wins.
_RETAG = frozenset({"", "PERSON", "ORG", "NORP"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text and, when known, where it is."""

    text: str
    start_char: int
    end_char: int
    label: str  # GPE | LOC | FAC | REGION ("X region" phrase) | PROPN (untagged name)
    location: Location


def event_location(
    sent: Span,
    trigger: Token,
    gazetteer: Gazetteer,
    context_countries: Sequence[str] = (),
    article_place: Location | None = None,
) -> Location | None:
    """The place where the event carried by ``trigger`` happened.

    Args:
        sent: the sentence holding the trigger.
        trigger: the event's head word (verb or event noun).
        gazetteer: names to coordinates.
        context_countries: ISO3 codes of the article's countries, most salient first.
        article_place: the article's dominant place, the last resort.

    Returns:
        The location, or None when neither sentence nor article names a place.
    """
    mention = locate_event(sent, trigger, gazetteer, context_countries)
    return mention.location if mention is not None else article_place


def locate_event(
    sent: Span, trigger: Token, gazetteer: Gazetteer, context_countries: Sequence[str] = ()
) -> PlaceMention | None:
    """The best place mention for the event in its sentence (None when there is none)."""
    # Called on its own (not from the coder, which holds the document's memo open), the walk would
    # rebuild the document's text for every mention: quadratic on a long document ("Paris " x 2000).
    if memo_of(sent.doc) is not None:  # (open already: no block of its own)
        ranked = ranked_mentions(sent, trigger, gazetteer, context_countries)
    else:
        with document_memo(sent.doc):
            ranked = ranked_mentions(sent, trigger, gazetteer, context_countries)
    return ranked[0][1] if ranked else None


def ranked_mentions(
    sent: Span, trigger: Token, gazetteer: Gazetteer, context_countries: Sequence[str] = ()
) -> list[tuple[tuple[int, int, int], PlaceMention]]:
    """Every candidate mention with its (tier, specificity, distance) key, best first."""
    cues = location_cues()
    clause = _clause_heads(trigger)
    scored = []
    # the same for every event of the sentence: found once per document (nlp/docmemo.py)
    spans = memoized(sent.doc, ("place_spans", sent.start, sent.end, id(gazetteer), id(cues)),
                     lambda: list(_mention_spans(sent, gazetteer, cues)))
    for span in spans:
        mention = _mention(span, gazetteer, context_countries)
        tier = _tier(span, mention.location, trigger, clause, cues)
        if tier is None:
            continue
        distance = min(abs(span.start - trigger.i), abs(span.end - 1 - trigger.i))
        scored.append(((tier, _SPECIFIC[mention.location.precision], distance), mention))
    return sorted(scored, key=lambda pair: pair[0])


def article_places(
    doc: Doc, gazetteer: Gazetteer, context_countries: Sequence[str] = ()
) -> list[Location]:
    """Places the article names, most salient first (more mentions, then earlier).

    Only places the gazetteer knows are returned; the first is the article's
    dominant place.
    """
    counts: dict[Location, list[int]] = {}
    cues = location_cues()
    spans = list(_mention_spans(doc[:], gazetteer, cues))
    taken = {i for span in spans for i in range(span.start, span.end)}
    # Towns the small model tags as organisations or people ("Kharkiv" as ORG,
    # "Kyiv" as PERSON) still name the story's place when the gazetteer knows them.
    spans += [ent for ent in doc_ents(doc) if ent.label_ in ("ORG", "PERSON") and ent.start not in taken
              and _capitalised(ent.text)]  # ("fled into the bush": a PERSON in lower case names no town)
    for span in spans:
        loc = gazetteer.resolve(span.text, context_countries)
        if loc is None or (span.label_ in ("ORG", "PERSON") and loc.precision == "country"):
            continue
        seen = counts.setdefault(loc, [0, span.start])
        seen[0] += 1
    return sorted(counts, key=lambda loc: (-counts[loc][0], counts[loc][1]))


def _capitalised(name: str) -> bool:
    """Whether a name is written as one, past a leading "the" ("the Strait of Hormuz")."""
    words = name.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


def _mention(span: Span, gazetteer: Gazetteer, context: Sequence[str]) -> PlaceMention:
    label = span.label_ or "REGION"
    # "the state of Sucre": the unit the text names (Venezuela's), not the capital of that name
    unit = unit_around(doc_text(span.doc), span.start_char, span.end_char) if label in PLACE_LABELS else None
    loc = gazetteer.resolve(unit, context) if unit is not None else None
    if loc is None or loc.precision != "region":
        loc = gazetteer.resolve(span.text, context)
    if loc is None:
        # Unknown to the gazetteer: keep the name, with no coordinates.
        precision = "region" if label in {"LOC", "REGION"} else "city"
        loc = Location(name=span.text, country=None, lat=None, lon=None, precision=precision)
    return PlaceMention(span.text, span.start_char, span.end_char, label, loc)


def _mention_spans(sent: Span, gazetteer: Gazetteer, cues: LocationCues) -> Iterator[Span]:
    """Yield the sentence's place mentions, each token in at most one.

    These are place entities (widened to "X region"), untagged "X region"
    phrases, proper nouns naming a unit ("the town of Kidal") and proper
    nouns the gazetteer knows after a locative preposition or as the object
    of a place-taking verb: the small model misses or mislabels many town
    names ("a trolleybus in Donetsk", "fighting in Aleppo" as NORP).
    """
    doc = sent.doc
    covered: set[int] = set()
    # (a place is named with a capital: "fled into the bush" names none)
    ents = [ent for ent in span_ents(sent) if ent.label_ in PLACE_LABELS and _capitalised(ent.text)]
    for k, ent in enumerate(ents):
        if ent.start in covered:
            continue
        end = ent.end
        if end < sent.end and doc[end].lower_ in _REGION_WORDS:
            end += 1  # "Grodno region": the unit named after the place
        elif k + 1 < len(ents) and ents[k + 1].start == end + 1 and doc[end].lower_ == "of" \
                and gazetteer.candidates(doc[ent.start:ents[k + 1].end].text):
            end = ents[k + 1].end  # "Port of Spain", tagged as two places: the one the gazetteer knows
        span = Span(doc, ent.start, end, label=ent.label_)
        covered.update(range(span.start, span.end))
        yield span
    region, named = _place_marks(doc)  # so that a Token is built only for the words that may count
    for i in _marked(region, sent.start, sent.end):
        if i in covered:
            continue
        tok = doc[i]
        names = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names and not covered.intersection(range(names[0].i, tok.i)):
            covered.update(range(names[0].i, tok.i + 1))
            yield Span(doc, names[0].i, tok.i + 1, label="REGION")
    for i in _marked(named, sent.start, sent.end):
        if i in covered:
            continue
        tok = doc[i]
        if not tok.text[:1].isupper():
            continue  # "fled into the bush": the model's proper noun, written as a common one
        start = min([c.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok.i])
        span = Span(doc, start, tok.i + 1, label="PROPN")
        if covered.intersection(range(span.start, span.end)):
            continue
        head = tok.head
        named_unit = (tok.dep_ == "pobj" and head.lower_ == "of"
                      and head.head.lower_ in cues.settlement_nouns)
        placeish = (tok.dep_ == "pobj" and head.lower_ in cues.locative) or (
            tok.dep_ == "dobj" and head.lemma_.lower() in cues.place_object_lemmas)
        if named_unit or (placeish and gazetteer.resolve(span.text)):
            covered.update(range(span.start, span.end))
            yield span


def _place_marks(doc: Doc) -> tuple[list[int], list[int]]:
    """The tokens of ``doc``, in order, that are a region word ("region", "province"), and those
    that are a proper noun untagged or tagged as one of ``_RETAG`` (read once per document)."""
    def marks() -> tuple[list[int], list[int]]:
        strings = doc.vocab.strings
        region = {strings[w] for w in _REGION_WORDS}
        retag = {0 if label == "" else strings[label] for label in _RETAG}
        rows = doc.to_array([LOWER, POS, ENT_TYPE]).tolist()
        return ([i for i, (low, _, _) in enumerate(rows) if low in region],
                [i for i, (_, pos, ent) in enumerate(rows) if pos == PROPN and ent in retag])

    return memoized(doc, "place_marks", marks)


def _marked(indices: list[int], start: int, end: int) -> list[int]:
    """The ``indices`` (in order) from ``start`` up to ``end``."""
    return indices[bisect_left(indices, start) : bisect_left(indices, end)]


def _clause_heads(trigger: Token) -> set[Token]:
    """The trigger and the verbs it shares a clause with ("shot and killed")."""
    heads = {trigger}
    tok = trigger
    while tok.dep_ in _SAME_CLAUSE and tok.head.i != tok.i:
        tok = tok.head
        heads.add(tok)
    for child in trigger.children:
        if child.dep_ in _SAME_CLAUSE:
            heads.add(child)
    return heads


def _attachment(span: Span, cues: LocationCues) -> tuple[Token | None, Token]:
    """The preposition whose object holds the span, and the top of its noun phrase.

    "in the city of X" gives ("in", "city"); "the village of X" as an object
    gives (None, "village").
    """
    tok = span.root
    for _ in range(8):  # noun phrases nest only a few levels deep
        if tok.dep_ == "pobj" and tok.head.dep_ in {"prep", "agent", "dative"}:
            prep = tok.head
            if (prep.lower_ not in cues.locative and prep.head.pos_ in {"NOUN", "PROPN"}
                    and prep.head.i != prep.i):
                # "the city of Nablus", "the border with Poland": the place
                # belongs to the noun phrase; its own preposition decides.
                tok = prep.head
                continue
            return prep, tok
        if tok.dep_ in {"compound", "poss", "appos", "conj", "amod", "nmod", "npadvmod"}:
            if tok.head.i == tok.i:
                break
            tok = tok.head
            continue
        break
    return None, tok


def _is_locative(prep: Token, cues: LocationCues) -> bool:
    word = prep.lower_
    if word in cues.locative:
        return True
    if word in cues.destination:
        # The motion word governs the preposition or the noun it hangs on
        # ("sent troops to Belarus" may attach "to" to "troops").
        heads = (prep.head, prep.head.head)
        return any(h.lemma_.lower() in cues.motion_lemmas for h in heads)
    return False


def _tier(
    span: Span, location: Location, trigger: Token, clause: set[Token], cues: LocationCues
) -> int | None:
    """Rank a mention as this event's location; None means it is not one."""
    if span.start <= trigger.i < span.end:
        return None  # the mention is the trigger itself
    root = span.root
    if (location.precision == "country" and root.dep_ in {"compound", "amod", "nmod"}
            and root.head.lower_ not in cues.settlement_nouns):
        return None  # "a U.S. convoy": a nationality, not a place
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lemma_.lower() in _BORDER_WORDS:
        return None  # "its border with Venezuela": the other side of the line, not where
    if location.precision == "country":
        prep, _ = _attachment(span, cues)
        if prep is not None and prep.lower_ in ("on", "upon"):
            return None  # "called on the United States", "sanctions on Russia": a party, not where
    tier = _base_tier(span, trigger, clause, cues)
    if tier is not None and root.dep_ == "pobj" and root.head.lower_ == "of" and (
        root.head.head.lower_ in cues.reference_words
    ):
        return max(tier, 3)  # "Baquba, north of Baghdad": Baghdad is a landmark
    return tier


def _base_tier(span: Span, trigger: Token, clause: set[Token], cues: LocationCues) -> int | None:
    root = span.root
    prep, top = _attachment(span, cues)
    locative = prep is not None and _is_locative(prep, cues)
    if prep is None and top.dep_ in cues.actor_deps and top.head in clause:
        if top.dep_ == "dobj" and (
            top.head.lemma_.lower() in cues.place_object_lemmas or top.lower_ in cues.settlement_nouns
        ):
            return 0  # "rebels captured Birao", "gunmen raided the village of X"
        return None  # "Russia sent troops": a participant, not a place
    if prep is not None and not locative and prep.head in clause:
        return None  # "talked to Belarus", "clashed with Russia": a participant
    if locative and prep is not None and prep.head in clause:
        return 0
    if locative and trigger in root.ancestors:
        return 1
    if root.head.i == trigger.i and root.dep_ in {"compound", "amod", "nmod"}:
        # "the Nablus attack", "the Astana talks". Not a possessive: "Russia's attack on Ukraine",
        # "Turkey's exercises" name who acted, a participant (the test read Token identity, always
        # false, so this tier never fired before the thirteenth session)
        return 2
    if locative:
        return 3
    # Other mentions (modifiers of participants, places in other clauses)
    # are more often wrong than right as the event's place: measured on the
    # event_location gold set, they lose more than they win.
    return None
