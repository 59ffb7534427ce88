"""The coding pipeline: text in, events out.

``code_articles`` streams documents through spaCy's ``nlp.pipe`` and, for
each parsed document, runs the stages in order: candidates (nlp) -> codes
and actors (coding, actors) -> dates, places, quantities, contexts ->
:class:`~flashpoint.types.Event`. One bad document yields an error string
and the batch goes on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

from .config import Settings
from .errors import FlashpointError, InputError
from .types import Article, Event, Evidence, content_id

CHUNK_CHARS = 100_000  # spaCy parses long documents piecewise, at paragraph breaks
MAX_SENTENCE_TOKENS = 300  # a forced sentence break after this many tokens without one (fp_newlines)
_SENTENCE_ENDS = frozenset({".", "!", "?", "。", "؟"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Resources:
    """Everything loaded once per process and shared by every document."""

    nlp: Any
    patterns: Any
    kb: Any
    ontology: Any
    gazetteer: Any
    contexts: Any
    petrarch: Any = None  # a PetrarchCoder when Settings.petrarch_dicts is given
    backoff: Any = None  # the statistical back-off (coding/backoff.py) when Settings.backoff


def _add_newline_splitter(nlp) -> None:
    """Make every line break a sentence break: headlines and datelines carry no full stop.

    Also force a break after ``MAX_SENTENCE_TOKENS`` tokens with neither a
    line break nor sentence-final punctuation (issue 14): such a run is not
    prose, and it bounds the longest sentence the coder walks (see
    docs/PERFORMANCE.md, "Memory"). Prose has a full stop every few dozen
    tokens, so it is never cut.
    """
    from spacy.language import Language

    if "fp_newlines" not in Language.factories:

        @Language.component("fp_newlines")
        def fp_newlines(doc):  # noqa: ANN001 - spaCy component signature
            run = 0
            for tok in doc[:-1]:
                run += 1
                if tok.is_space and "\n" in tok.text or tok.text in _SENTENCE_ENDS:
                    if tok.is_space:
                        doc[tok.i + 1].is_sent_start = True
                    run = 0
                elif run >= MAX_SENTENCE_TOKENS:
                    doc[tok.i + 1].is_sent_start = True
                    run = 0
            return doc

    if "fp_newlines" not in nlp.pipe_names:
        nlp.add_pipe("fp_newlines", before="parser")


def _add_irregular_lemmas(nlp) -> None:
    """Give an irregular past verb the tagger read as a present form its lemma.

    The small model sometimes tags "retook" or "overrode" as a base form (VBP), and the
    rule lemmatizer then keeps the word as it is. Where the lemmatizer's own table of
    irregular forms names another lemma for the word ("retook" -> "retake") and the word is
    no verb of its own ("lay" stays), that one is meant whatever the tag. One table
    look-up per verb that kept its own form.
    """
    from spacy.language import Language
    from spacy.symbols import VERB as VERB_POS

    if "lemmatizer" not in nlp.pipe_names:
        return
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        table = lookups.get_table("lemma_exc")["verb"]
        bases = set(lookups.get_table("lemma_index")["verb"])
    except (KeyError, ValueError):
        return
    # a form that is also a verb of its own ("lay", "found", "saw") keeps its lemma
    irregular = {form: lemmas[0] for form, lemmas in table.items()
                 if lemmas and lemmas[0] != form and form not in bases}
    name = "fp_irregular_lemmas"
    if name not in Language.factories:

        @Language.factory(name)
        def make(nlp, name, irregular: dict):  # noqa: ANN001 - spaCy factory signature
            def fix(doc):
                # read off the arrays: a Token is built only for the few verbs to mend
                for i, (pos, lower) in enumerate(doc.to_array(["POS", "LOWER"]).tolist()):
                    if pos == VERB_POS and doc.vocab.strings[lower] in irregular:
                        tok = doc[i]
                        low = tok.lower_
                        if tok.tag_ in ("VBP", "VB", "NN", "NNP") and tok.lemma_.lower() == low:
                            tok.lemma_ = irregular[low]
                return doc
            return fix

    if name not in nlp.pipe_names:
        nlp.add_pipe(name, after="lemmatizer", config={"irregular": irregular})


@functools.lru_cache(maxsize=4)
def load_resources(settings: Settings) -> Resources:
    """Load the model and every knowledge file (cached per settings).

    Process-wide: the loaded tables are then frozen out of the garbage collector's walks and
    its youngest generation's threshold is raised to :data:`flashpoint.resident.YOUNG`
    (:func:`flashpoint.resident.settle`; docs/OPERATIONS.md, "The garbage collector")."""
    from .actors import KnowledgeBase
    from .coding.contexts import ContextTagger
    from .coding.ontology import Ontology
    from .coding.patterns import load_patterns
    from .geo.gazetteer import Gazetteer
    from .nlp.model import load_nlp

    from .resident import settle

    nlp = load_nlp(settings.model)
    _add_newline_splitter(nlp)
    _add_irregular_lemmas(nlp)
    ontology = Ontology.load()
    res = Resources(
        nlp=nlp,
        patterns=load_patterns(None, frozenset(ontology.codes)),
        kb=KnowledgeBase.load(settings.actor_files),
        ontology=ontology,
        gazetteer=Gazetteer.load(),
        contexts=ContextTagger.load(),
        petrarch=_petrarch_coder(settings),
        backoff=_backoff(settings),
    )
    settle()  # loaded for good: out of the garbage collector's walks (resident.py)
    return res


def load_worker_resources(settings: Settings) -> Resources:
    """:func:`load_resources`, and the tables a coder reads on first use (the small
    places): for a process that will code many batches (a ``--workers`` process, a
    Dask worker), so its first batch costs no more than the next (about 0.9 CPU s
    more before)."""
    from .geo.small_places import SmallPlaces

    res = load_resources(settings)
    SmallPlaces.load()
    return res


def _backoff(settings: Settings):
    if not settings.backoff or settings.petrarch_dicts is not None:
        return None
    from .coding.backoff import load_backoff

    return load_backoff()


def _petrarch_coder(settings: Settings):
    if settings.petrarch_dicts is None:
        return None
    from .coding.petrarch import PetrarchCoder

    return PetrarchCoder(settings.petrarch_dicts, not settings.dyads_only)


def clean_text(text: str) -> str:
    """Drop control characters (keeping tabs and newlines); offsets refer to the cleaned text."""
    return _CONTROL.sub(" ", text)


def _chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Pieces of at most ``size`` characters with their offsets, cut at a line
    break, else after a full stop, else at a space (a line with no sentence
    end, which the forced break cuts anyway), so no word is cut in two."""
    if len(text) <= size:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut == -1:
                cut = text.rfind(". ", start + size // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + size // 2, end)
            end = cut + 1 if cut != -1 else end
        yield start, text[start:end]
        start = end


def char_batches(pieces: Iterable[tuple[tuple[str, int], Any]], size: int, budget: int) -> Iterator[list]:
    """Group ``((text, offset), meta)`` pieces for one ``nlp.pipe`` call each.

    A group closes at ``size`` pieces, or before a piece that would take its
    characters past ``budget`` (issue 14): the parse costs about 3 KB per
    character in flight, so the characters parsed at once, not the number
    of documents, set the peak memory. A single piece longer than the budget
    makes a group of its own (``code_articles`` cuts pieces to the budget).
    """
    group: list = []
    chars = 0
    for piece in pieces:
        n = len(piece[0][0])
        if group and (len(group) >= size or chars + n > budget):
            yield group
            group, chars = [], 0
        group.append(piece)
        chars += n
    if group:
        yield group


def as_article(obj: Any, n: int = 0) -> Article:
    if isinstance(obj, Article):
        return obj
    if isinstance(obj, dict):
        text = obj.get("text")
        if not isinstance(text, str):
            raise InputError(f"record {obj.get('id', n)!r}: 'text' must be a string")
        return Article(
            id=str(obj.get("id") or content_id(text)),
            text=text,
            date=obj.get("date"),
            title=obj.get("title"),
            url=obj.get("url"),
            outlet=obj.get("outlet"),
        )
    if isinstance(obj, str):
        return Article(id=content_id(obj), text=obj)
    raise InputError(f"cannot code an object of type {type(obj).__name__}")


def code_text(text: str, date: str | None = None, doc_id: str | None = None, settings: Settings | None = None) -> list[Event]:
    """Code one text; returns the counted events (all events with ``include_uncounted``)."""
    art = Article(id=doc_id or content_id(text), text=text, date=date)
    for _, events, error in code_articles([art], settings):
        if error:
            raise InputError(error)
        return events
    return []


def code_articles(articles: Iterable[Any], settings: Settings | None = None) -> Iterator[tuple[Article, list[Event], str | None]]:
    """Stream articles through the coder: yields ``(article, events, error)``."""
    from .nlp.structure import Structure, mask, read_structure

    settings = settings or Settings()
    res = load_resources(settings)
    budget = max(1, int(settings.batch_chars))
    chunk_chars = min(CHUNK_CHARS, budget)  # so that no one piece parses past the budget

    def pieces() -> Iterator[tuple[tuple[str, int], tuple[Article, int, int, str | None, Structure | None]]]:
        for n, obj in enumerate(articles):
            try:
                art = as_article(obj, n)
                published = _published(art.date)
                text = clean_text(art.text)[: settings.max_chars]
                # Datelines, bylines, captions and boilerplate are blanked before parsing (nlp/structure.py).
                structure = read_structure(text)
                text = mask(text, structure)
            except FlashpointError as exc:
                bad = obj if isinstance(obj, Article) else Article(id=str(getattr(obj, "get", lambda *_: n)("id", n)), text="")
                yield ("", 0), (bad, -1, 0, str(exc), None)
                continue
            chunks = list(_chunks(text, chunk_chars)) if text.strip() else []
            if chunks and settings.prefilter and res.petrarch is None:
                from .nlp.prefilter import hot_pieces  # parse only what can yield an event

                chunks = hot_pieces(chunks, res)
            if not chunks:
                yield ("", 0), (art, 0, 0, None, None)
                continue
            for k, (offset, chunk) in enumerate(chunks):
                yield (chunk, offset), (art, k, len(chunks), published, structure)

    current: Article | None = None
    acc: list[Event] = []
    # One nlp.pipe call per group of pieces, each group within the character
    # budget, and every Doc dropped once coded: what is parsed at once, and
    # so the peak memory, does not grow with the input (docs/PERFORMANCE.md, "Memory").
    for group in char_batches(pieces(), max(1, int(settings.batch_size)), budget):
        docs = res.nlp.pipe(((c[0], (c, m)) for c, m in group), as_tuples=True, batch_size=len(group))
        for doc, (chunk, meta) in docs:
            art, k, total, published, structure = meta
            if k == -1:
                yield art, [], published  # published holds the error here
                continue
            try:
                events = code_doc(doc, chunk[1], art, published, res, settings, structure, text=chunk[0]) if doc is not None else []
            except (ImportError, SyntaxError):
                # A broken install or a module that does not compile is no fault of the document:
                # caught below it would turn every document into an error row and every figure to 0.
                raise
            except Exception as exc:  # one bad document must not sink the batch
                yield art, [], f"{type(exc).__name__}: {exc}"
                continue
            finally:
                doc = None  # released before the next group is parsed
            if total <= 1:
                yield art, events, None
                continue
            if k == 0:
                current, acc = art, []
            acc.extend(events)
            if k == total - 1:
                yield current, acc, None
        group = docs = None


class _LazyMap(Mapping):
    """The mapping ``i -> compute(i)`` for ``i`` in ``range(n)``, each value computed
    when first asked for (and once)."""

    def __init__(self, n: int, compute: Callable[[int], Any]) -> None:
        self._n = n
        self._compute = compute
        self._memo: dict[int, Any] = {}

    def __getitem__(self, i: int) -> Any:
        if not isinstance(i, int) or not 0 <= i < self._n:
            raise KeyError(i)
        if i not in self._memo:
            self._memo[i] = self._compute(i)
        return self._memo[i]

    def __iter__(self) -> Iterator[int]:
        return iter(range(self._n))

    def __len__(self) -> int:
        return self._n


def _published(value: str | None) -> Date | None:
    if not value:
        return None
    from .nlp.dates import parse_iso_date

    return parse_iso_date(str(value)[:10])


def code_doc(doc, offset: int, art: Article, published: Date | None, res: Resources, settings: Settings,
             structure=None, text: str | None = None) -> list[Event]:
    """Code one parsed document (or one chunk of a long one): the rules, then the
    back-off for the sentences where the rules coded nothing, counted or not.
    ``text`` is the text that was parsed, when the caller has it (``doc.text`` is
    the same string, which spaCy rebuilds from the tokens)."""
    from .nlp.docmemo import document_memo, memoized

    covered: set[int] = set()
    with document_memo(doc):  # the stages share what they read off the parse (nlp/docmemo.py)
        if text is not None:
            memoized(doc, "text", lambda: text)
        events = _rule_events(doc, offset, art, published, res, settings, structure, covered)
        if res.backoff is not None:
            events = with_backoff(events, doc, offset, art, published, covered, res, settings, structure)
    return events


def with_backoff(events: list[Event], doc, offset: int, art: Article, published: Date | None, covered: set[int],
                 res: Resources, settings: Settings, structure=None, gates=None) -> list[Event]:
    """The rules' ``events`` of one parsed document with the back-off's added (``covered``: the
    sentences the rules coded); ``gates``: the back-off's gates, the kept ones by default."""
    from .coding.backoff_events import backoff_events
    from .coding.backoff_gates import DEFAULT_GATES

    extra = backoff_events(doc, offset, art, published, covered, res, settings, DEFAULT_GATES if gates is None else gates)
    events, extra = _acts_over_statements(events, extra)
    headline = structure.headline if structure is not None and offset == 0 else None
    if extra and headline is not None and any(headline[0] <= e.evidence.start < headline[1] for e in extra):
        # a headline only the back-off coded restates the lead as much as a rule's does
        from .coding.reports import fold_reports

        return fold_reports(events + extra, headline)
    return events + extra


def _acts_over_statements(events: list[Event], extra: list[Event]) -> tuple[list[Event], list[Event]]:
    """Where the rules read only a statement to nobody in particular and the back-off reads an act in the
    same sentence ("gave the junta one week to ... and said ..."), the act stands and the
    statement goes; a back-off statement beside a rule statement adds nothing."""
    stated = {e.evidence.start for e in events if e.statement and e.target is None}
    if not stated or not extra:
        return events, extra
    extra = [e for e in extra if not (e.evidence.start in stated and e.cameo.startswith("01"))]
    acted = {e.evidence.start for e in extra}
    return [e for e in events if not (e.statement and e.target is None and e.evidence.start in acted)], extra


def _rule_events(doc, offset: int, art: Article, published: Date | None, res: Resources, settings: Settings,
                 structure=None, covered: set[int] | None = None) -> list[Event]:
    """The rules' events; ``covered`` receives the start of every sentence they coded (counted or not)."""
    from .coding.coder import Coder, attach_quantities, triggers
    from .coding.confidence import calibrate, confidence_inputs, group_of, shipped
    from .coding.events import build_event, ontology_facts
    from .coding.generic_country import dateline_country
    from .coding.reports import fold_reports
    from .geo.fallback import FINE_BASES, back_reference, refine_location
    from .geo.small_places import SmallPlaces
    from .nlp.docmemo import doc_sents, doc_text
    from .nlp.event_dates import TOLD_AGAIN_REACH, event_date, find_date_expressions, lead_date, story_dater, then_date, told_again
    from .nlp.extract import extract_candidates
    from .nlp.places import article_places, event_location
    from .nlp.quantities import extract_quantities
    from .nlp.quotes import find_quotes
    from .nlp.reparse import reparse

    text = doc_text(doc)  # spaCy rebuilds Doc.text from the tokens on every access: read it once
    if not text.strip():
        return []
    if res.petrarch is not None:
        from .coding.petrarch import to_events

        return to_events(res.petrarch.code(doc, published), doc, offset, art, published, res)
    quotes = find_quotes(text)
    trig = triggers(res.patterns)
    variants = reparse(res.nlp, doc, trig.verbs)  # headlines and captions read without a verb
    cands = extract_candidates(doc, trig.verbs, trig.nouns, res.patterns.reporting, quotes, variants)
    if not cands:
        return []
    # The event's own clause, then its sentence, then the article (nlp/event_dates.py).
    # Worked out when first asked for: most candidates become no event.
    expressions: dict[tuple[int, int], list] = {}  # a sentence's date expressions, shared by its events
    storied: dict[tuple[int, str, bool], Any] = {}  # (sentence, tag, future) -> the lead's date there, or None
    dater: list = []  # story_dater of the document's lead, made when first asked for

    headline = structure.headline if structure is not None and offset == 0 else None
    # verbs of saying and of bare statements: dated at their own time, not the lead's (nlp/event_dates.py)
    saying = res.patterns.reporting | (trig.statements.verb_lemmas - res.patterns.verb_lemmas)

    def date_of(c) -> Any:
        where = (c.sent_start, c.sent_end)
        if where not in expressions:
            expressions[where] = find_date_expressions(text[c.sent_start : c.sent_end])
        rd = event_date(c.dates, c.clause, text[c.sent_start : c.sent_end], c.trigger_start - c.sent_start,
                        published, c.future, expressions[where])
        if rd.basis == "article" and not c.future and c.sent_index > 0:
            # "Tokayev then asked ...": the time of the sentence before (nlp/event_dates.py)
            before = doc_sents(doc)[c.sent_index - 1]
            rd = then_date(text[c.sent_start : c.sent_end], text[before.start_char : before.end_char], published) or rd
        elif rd.basis == "sentence" and c.kind == "noun" and structure is not None:
            # "X said on Tuesday that a drone strike had killed ..." / "The strike hit ... late on Sunday"
            lead, lead_end = _lead_span(doc, text, structure)
            if lead and c.sent_end <= lead_end:
                sents = doc_sents(doc)
                later = [text[x.start_char : x.end_char] for x in sents[c.sent_index + 1 : c.sent_index + 1 + TOLD_AGAIN_REACH]]
                rd = told_again(c.trigger, rd, later, published) or rd
        if rd.basis == "article" and headline is not None and headline[0] <= c.sent_start < headline[1]:
            # A headline tells in the present what its lead dates: "Clashes kill nine in Tripoli".
            rd = lead_date(_lead(doc, text, structure), published, c.future) or rd
        elif rd.basis == "article" and structure is not None:
            # A later past act with no date of its own happened on the lead's day (nlp/event_dates.py).
            lead, lead_end = _lead_span(doc, text, structure)
            if lead and lead_end <= c.sent_start and 0 <= c.token_i < len(doc) \
                    and not (c.kind == "verb" and c.lemma in saying):  # saying keeps its own time
                # (the lead's day read once per document, the text up to a sentence once per sentence)
                key = (c.sent_start, doc[c.token_i].tag_, c.future)
                if key not in storied:
                    if not dater:
                        dater.append(story_dater(lead, published))
                    storied[key] = dater[0](text[lead_end : c.sent_start], key[1], c.future)
                rd = storied[key] or rd
        return rd

    dates = _LazyMap(len(cands), lambda i: date_of(cands[i]))
    historical = _LazyMap(len(cands), lambda i: dates[i].historical)
    kb, gazetteer = _remembered(doc, res.kb), _remembered(doc, res.gazetteer)
    _pin_qualified_towns(doc, gazetteer, kb)
    # The dateline is where the story was filed: the home country of domestic actors, never an actor.
    home = dateline_country(structure.dateline, kb, gazetteer) if structure is not None else None
    countries = _doc_countries(doc, kb, gazetteer, home)
    if home is not None and home not in countries:
        countries.append(home)
    coder = Coder(res.patterns, kb, res.ontology, settings.open_actors, gazetteer,
                  single_actor=not settings.dyads_only, known_actors_only=settings.known_actors_only)
    coded = coder.code_document(cands, published, historical, tuple(countries), home=home,
                                told=lambda: _told(doc, text, kb))
    if covered is not None:
        covered.update(start + offset for start in coder.coded_sentences)
    if not coded:
        return []
    sents = doc_sents(doc)  # once: ``tok.sent`` walks the document's sentences on every call
    # the raw gazetteer: geo/fallback.py knows the article's place by identity (``loc is article_place``)
    places = article_places(doc, res.gazetteer, countries)
    main_place = places[0] if places else None
    story_tags = _story_tags(doc, res)  # once per document, not once per event
    calibration = shipped()  # coding/confidence.py: raw score -> how often such events are right
    # One candidate often makes several events (one per pair of parties), several
    # candidates share a sentence: what depends only on them is found once.
    located: dict[int, Any] = {}  # candidate -> its place in the sentence
    counts: dict[str, tuple] = {}  # clause or sentence -> its quantities
    tagged: dict[str, tuple[str, ...]] = {}  # sentence -> its context tags
    events: list[Event] = []
    placed: list[Any] = []  # the places events were put in so far, for "in the province" (geo/fallback.py)
    for ce in coded:
        if not settings.include_uncounted and (ce.negated or ce.modality == "hypothetical" or ce.alleged):
            continue
        if ce.statement and not settings.statements:
            continue
        if ce.source.name == "unknown" and dates[ce.cand_index].historical:
            # "1,500 students had been kidnapped since 2014": a tally by nobody named over a
            # period is a statistic, not an event
            continue
        cand = cands[ce.cand_index]
        tok = doc[cand.token_i]
        sent = sents[cand.sent_index]
        if ce.cand_index not in located:
            located[ce.cand_index] = event_location(sent, tok, gazetteer, countries, main_place)
        location, place_basis = refine_location(located[ce.cand_index],
                                                text[sent.start_char : sent.end_char], gazetteer, countries, home, main_place, SmallPlaces.load(),
                                                ce.target.text if ce.target is not None and ce.target.sector is None else None)
        location, place_basis = back_reference(location, place_basis, text[sent.start_char : sent.end_char],
                                               placed[-1] if placed else None)
        if place_basis in FINE_BASES and location is not None and location.precision != "country":
            placed.append(location)
        entry = res.ontology[ce.code]
        rd = dates[ce.cand_index]
        ev_date, precision = rd.date, rd.precision
        sentence = text[cand.sent_start : cand.sent_end]
        for words in (cand.clause, sentence):
            if words not in counts:
                counts[words] = extract_quantities(words)
            qs = attach_quantities(counts[words], entry.root)
            if qs:
                break
        if sentence not in tagged:
            tagged[sentence] = res.contexts.tag(sentence, article_tags=story_tags)
        evidence = Evidence(sentence=sentence, start=cand.sent_start + offset, end=cand.sent_end + offset, trigger=cand.trigger)
        src, tgt = ce.source, ce.target
        events.append(build_event(
            art, evidence, cand.trigger_start + offset, ce.code, ontology_facts(res.ontology, ce.code), src, tgt,
            date=ev_date, date_precision=precision, negated=ce.negated, modality=ce.modality,
            attribution=ce.attribution, location=location, quantities=qs, rule=ce.rule,
            confidence=calibrate(ce.confidence, calibration, group_of(src, tgt)),
            contexts=tagged[sentence], statement=ce.statement,
            inputs=confidence_inputs(ce.confidence, ce.pattern.confidence, src, tgt, rd.basis, place_basis),
        ))
    return fold_reports(events, headline)


def _lead(doc, text: str, structure) -> str:
    """The lead's first sentence after the headline, without its dateline ("TAIPEI, Dec 3 (CNA) -")."""
    return _lead_span(doc, text, structure)[0]


def _lead_span(doc, text: str, structure) -> tuple[str, int]:
    """The lead's first sentence (as :func:`_lead`) and where it ends; ("", 0) when there is none."""
    from .nlp.docmemo import doc_sents, memoized

    def find() -> tuple[str, int]:
        start = max(structure.headline[1] if structure.headline else 0,
                    structure.dateline.end if structure.dateline is not None else 0)
        for sent in doc_sents(doc):
            if sent.end_char > start and text[max(start, sent.start_char) : sent.end_char].strip():
                return text[max(start, sent.start_char) : sent.end_char], sent.end_char
        return "", 0

    return memoized(doc, "lead_span", find)


def _remembered(doc, lookups):
    """The knowledge base or gazetteer ``lookups``, with its answers for this document kept (lookup_memo.py)."""
    from .lookup_memo import LookupMemo
    from .nlp.docmemo import memoized

    return None if lookups is None else memoized(doc, ("lookups", id(lookups)), lambda: LookupMemo(lookups))


def _pin_qualified_towns(doc, gazetteer, kb=None) -> None:
    """A town the document qualifies once ("The mayor of Moscow, Idaho, ...", "the Scottish
    city of Perth") is that town wherever the document names it (geo/gazetteer.py
    ``qualified_towns``): pinned in the document's gazetteer memo (lookup_memo.py), once per document."""
    from .geo.gazetteer import qualified_towns
    from .nlp.docmemo import doc_text, memoized

    def pin() -> bool:
        for key, town in qualified_towns(doc_text(doc), gazetteer.target, kb.country_of if kb is not None else None).items():
            gazetteer.pin(key, town.to_location())
        return True

    if gazetteer is not None:
        memoized(doc, ("qualified_towns", id(gazetteer)), pin)


def _story_tags(doc, res: Resources) -> frozenset[str]:
    """The context tags of the whole document (coding/contexts.py), found once per document."""
    from .nlp.docmemo import doc_text, memoized

    return memoized(doc, ("article_tags", id(res.contexts)), lambda: res.contexts.article_tags(doc_text(doc)))


def _told(doc, text: str, kb) -> tuple:
    """The organisations and countries the article names, with where (coding/backrefs.py):
    what "the alliance" may point back to when no event told it."""
    from .coding.backrefs import told_in_article
    from .nlp.docmemo import doc_ents

    return told_in_article([(e.start_char, text[e.start_char : e.end_char], e.label_) for e in doc_ents(doc)
                            if e.label_ in ("ORG", "GPE", "NORP")], kb)


def _doc_countries(doc, kb, gazetteer=None, home: str | None = None) -> list[str]:
    """Countries the document talks about, most mentioned first (a new list each
    call; counted once per document: the rules and the back-off both ask).

    Names of countries, peoples and organisations count through the actor
    knowledge base; a city or region the knowledge base does not know counts
    for the country the gazetteer puts it in ("Kharkiv"), and a known person
    for their country ("Zelensky"), so a story that never names its country
    still has one. A town told as where its own agents work ("Police in Tripoli") counts for
    the dateline's country ``home`` where that has a town of the name (not a famous city's).
    """
    from .nlp.docmemo import memoized

    return list(memoized(doc, ("countries", id(kb), id(gazetteer), home),
                         lambda: _count_countries(doc, kb, gazetteer, home)))


def _count_countries(doc, kb, gazetteer, home: str | None = None) -> tuple[str, ...]:
    """Each entity's country by the ordered strategies of coding/story_countries.py."""
    from .coding.story_countries import StoryCountries

    return StoryCountries.load().count(doc, kb, gazetteer, home)
