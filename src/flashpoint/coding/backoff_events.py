"""Events from the statistical back-off, for sentences the rules leave uncoded.

For each sentence of a parsed document that holds no rule event (counted or not:
a negated rule event, or a statement left out by ``--no-statements``, keeps the
back-off quiet too), :class:`~.backoff.Backoff`
says whether it reports an event and of which QuadClass and root. The actors are
the sentence's noun phrases and names that the knowledge base resolves: the
subject first, then the others in text order, a passive subject last; the source
is the first, the target the first other party, or none (a one-sided event,
unless ``Settings.dyads_only``; a yielding, protest or coercion with one party is
aimed at its own country, ``DOMESTIC_ROOTS``). A sentence with no actor gets no event. A
predicted root 01 (a public statement) is marked ``statement`` and left out with
``Settings.statements=False``, as the rules' bare statements are.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
from datetime import date as Date
from typing import Any

from ..config import Settings
from ..nlp.docmemo import doc_ents, doc_sents, doc_text
from ..types import Actor, Article, Event, Evidence
from .events import build_event, ontology_facts
from .backoff import RULE, Prediction
from .backoff_gates import DEFAULT_GATES, Verdict, gate_words, judge

STATEMENT_ROOT = "01"
# A one-sided yielding, protest or coercion is aimed at the actor's own country, as CAMEO
# codes domestic acts ("the union called off its strike", "landowners began a hunger
# strike", "the authorities banned the rally"): the rules' home-government strategy, here
# without a parse to find the government by.
DOMESTIC_ROOTS = frozenset({"08", "14", "17"})
MIN_WORDS = 4  # headlines of two words, bylines and datelines are not sentences to classify
NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def doc_mentions(doc) -> dict[int, list[Any]]:
    """Noun chunks and named entities of a document by the start token of their sentence
    (one pass over the document: a sentence's own ``noun_chunks`` and ``ents`` scan it all)."""
    spans = list(doc.noun_chunks) if doc.has_annotation("DEP") else []
    spans += [e for e in doc_ents(doc) if e.label_ in NAMED]
    starts = [sent.start for sent in doc_sents(doc)]
    out: dict[int, list[Any]] = {}
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        out.setdefault(starts[bisect_right(starts, span.start) - 1], []).append(span)
    return out


def sentence_actors(mentions: Sequence[Any], kb, when: Date | None, context_country: str | None,
                    open_actors: bool = False, verdict: Verdict | None = None) -> list[Actor]:
    """The actors a sentence's mentions name, best source first (see the module docstring).
    With a gates' ``verdict``, reporters' phrases are left out and its ``lead`` goes first."""
    lead: list[Actor] = []
    first: list[Actor] = []
    middle: list[Actor] = []
    last: list[Actor] = []
    seen: set[str] = set()
    for span in mentions:
        if verdict is not None and verdict.drop and (span.root.i in verdict.drop or span.root.head.i in verdict.drop):
            continue  # a reporter's phrase, or a name inside it ("Syrian" of "Syrian officials")
        res = kb.resolve(span.text, when, context_country)
        actor = res.actor if res is not None else None
        if actor is not None and actor.country is None and actor.org is None and not open_actors:
            actor = None
        if actor is None and open_actors and span.root.pos_ == "PROPN" and span.label_ in NAMED:
            actor = Actor(span.text, span.text)
        if actor is None or actor.key in seen:
            continue
        seen.add(actor.key)
        dep = span.root.dep_
        if verdict is not None and verdict.lead is not None and span.start <= verdict.lead < span.end:
            lead.append(actor)
        else:
            (first if dep == "nsubj" else last if dep == "nsubjpass" else middle).append(actor)
    return lead + first + middle + last


def backoff_events(doc, offset: int, art: Article, published: Date | None, covered: set[int],
                   res: Any, settings: Settings, gates: Collection[str] = DEFAULT_GATES) -> list[Event]:
    """Back-off events for the sentences of ``doc`` with no rule event.

    Args:
        doc: the parsed document (or chunk), at ``offset`` in the article text.
        covered: the start offsets (in the article) of the sentences the rules coded, counted or not.
        res: the pipeline's resources (``backoff``, ``kb``, ``ontology``, ...).
        gates: the gates applied to each prediction (:mod:`.backoff_gates`; all kept ones by default).
    """
    from ..nlp.event_dates import event_date
    from ..nlp.places import event_location
    from ..nlp.quantities import extract_quantities
    from ..pipeline import _doc_countries, _remembered, _story_tags
    from .coder import attach_quantities

    from spacy.attrs import IS_ALPHA

    countries: list[str] | None = None
    mentions: dict[int, list[Any]] | None = None
    tags = None
    out: list[Event] = []
    text = doc_text(doc)
    alpha = None  # the words' IS_ALPHA flags, read once as an array (a Token per word otherwise)
    for sent in doc_sents(doc):
        start = sent.start_char + offset
        if start in covered:
            continue
        if alpha is None:
            alpha = doc.to_array(IS_ALPHA)
        if int(alpha[sent.start : sent.end].sum()) < MIN_WORDS:
            continue
        sent_text = text[sent.start_char : sent.end_char]  # = sent.text, without a Token per word
        pred = res.backoff.predict(sent_text)
        if pred is None or (pred.root == STATEMENT_ROOT and not settings.statements):
            continue
        words = gate_words(res.patterns.reporting)
        verdict = judge(sent, pred.root, words, gates) if gates else None
        if verdict is not None and verdict.barred:
            pred = res.backoff.predict(sent_text, verdict.barred)
            if pred is None:
                continue
            verdict = judge(sent, pred.root, words, gates)
        if verdict is not None and verdict.blocked:
            continue
        if countries is None or mentions is None:
            countries = _doc_countries(doc, _remembered(doc, res.kb), _remembered(doc, res.gazetteer))
            mentions = doc_mentions(doc)
        actors = sentence_actors(mentions.get(sent.start, ()), _remembered(doc, res.kb), published, countries[0] if countries else None,
                                 settings.open_actors, verdict)
        if not actors or (len(actors) < 2 and settings.dyads_only):
            continue
        if tags is None:
            tags = _story_tags(doc, res)
        trigger = sent.root
        evidence = Evidence(sentence=sent_text, start=start, end=sent.end_char + offset, trigger=trigger.text)
        location = event_location(sent, trigger, _remembered(doc, res.gazetteer), countries, None)
        when = event_date((), sent_text, sent_text, trigger.idx - sent.start_char, published)
        qs = attach_quantities(extract_quantities(sent_text), pred.root)
        out.append(_event(pred, actors, evidence, trigger.idx + offset, art, when, location, res,
                          res.contexts.tag(sent_text, article_tags=tags), qs))
    return out


def _event(pred: Prediction, actors: list[Actor], evidence: Evidence, trigger_start: int, art: Article,
           when: Any, location: Any, res: Any, contexts: tuple[str, ...], quantities: tuple = ()) -> Event:
    """One back-off event; ``when`` is the sentence's :class:`~flashpoint.nlp.event_dates.EventDate`
    (a weekday the sentence names, else the publication day), ``quantities`` its counts that fit the root."""
    source, target = actors[0], (actors[1] if len(actors) > 1 else None)
    if target is None and pred.root in DOMESTIC_ROOTS and source.country and not source.org:
        entry = res.kb.country(source.country)
        target = Actor("(own country)", entry.name if entry is not None else source.country, source.country,
                       None, None, source.country)
    return build_event(
        art, evidence, trigger_start, pred.code, ontology_facts(res.ontology, pred.code), source, target,
        date=when.date, date_precision=when.precision,
        negated=False, modality="historical" if when.historical else "asserted", attribution=None, location=location,
        quantities=quantities, rule=RULE, confidence=pred.confidence, contexts=contexts, statement=pred.root == STATEMENT_ROOT,
        inputs=("backoff=tfidf-lr", f"quad={pred.quad}", f"p_event={pred.probability:.3f}", f"date={when.basis}"),
    )
