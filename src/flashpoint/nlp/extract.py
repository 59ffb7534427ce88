"""Event candidates from a parsed document.

A candidate is a trigger word (a verb, or an event noun such as "sanctions"
or "build-up") with its arguments read off the dependency parse: subjects,
objects, prepositional phrases, the agent of a passive, conjoined actors,
plus the clause-level facts the coder needs to judge modality (negation,
auxiliaries, conditionals, reporting verbs, quotes). Everything is turned
into plain values here. What the patterns match on is read at once; what
only a matched candidate needs (its prepositional and nested parties, the
complement's arguments, stake words, dates) is read off the parse when the
coder first asks for it (:class:`Deferred`), so a candidate holds its parse
until then: candidates live while their document is coded, and never leave
the process.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable

from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS
from spacy.strings import hash_string
from spacy.symbols import AUX, NOUN, PROPN, VERB

from ..actors.resolve import AFFILIATION_BEFORE
from .describing import adjunct_of, described_noun, prior_clause_of, setting_clause, time_adjunct_of
from .docmemo import children, doc_sents, doc_text, memo_of, memoized, parse_table, span_ents, subtree
from .quotes import Quote, quote_at

SUBJ_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJ_DEPS = {"nsubjpass", "csubjpass"}
OBJ_DEPS = {"dobj", "obj"}
GIVEN_SPANS = frozenset({"hour", "day", "week", "month"})  # "gave Kabul a week to ...": an ultimatum's span
# Parts of a noun phrase that are not part of the actor's name.
CUT_DEPS = {"relcl", "acl", "conj", "cc", "punct", "advcl", "appos", "prep", "parataxis"}
PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "him", "she", "her", "we", "our", "us", "i", "my"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d", "must", "ought"}  # "must" and "ought": an obligation, not an act
NEG_WORDS = {"not", "n't", "never", "no"}
# the means a talk is held by ("spoke by telephone with ...", "conferred via video link with ...")
# the strain a show of force is told amid ("amid rising tension with Venezuela", "in a standoff with Greece")
RIVALRY_NOUNS = {"tension", "tensions", "standoff", "stand-off", "row", "dispute", "confrontation", "feud", "crisis", "showdown"}
MEANS_OF_TALK = {"phone", "telephone", "videoconference", "videolink", "video-link", "link", "hotline", "video"}
# Subjects that say nobody did or suffered the act: "no one was hurt", "nobody was arrested".
NOBODY_WORDS = {"nobody", "none", "noone", "nothing"}
PLURAL_PRONOUNS = {"they", "them", "their"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# "X has to ...": the verbs whose to-complement states an obligation, as "must" does.
OBLIGATION_VERBS = {"have"}
SUBJUNCTIVE_VERBS = {"demand", "insist", "urge", "ask", "request", "propose", "recommend", "want"}
# Force nouns whose modifier names who used the force: "killed in *police* firing",
# "died in an *Israeli* airstrike", "injured in firing *by the police*".
INSTRUMENT_NOUNS = {"firing", "fire", "shooting", "bullet", "lathicharge", "lathi-charge", "action", "crackdown",
                    "clash", "fighting", "battle", "gunfight", "firefight", "skirmish", "shootout",
                    "encounter", "retaliation", "airstrike", "strike", "raid", "shelling", "bombardment", "bombing",
                    "attack", "assault", "offensive", "ambush", "operation", "gunfire"}
# Reporting verbs whose clause may be an admission ("admitted that its troops *had
# mistakenly killed* ..."): the clause's words count for the pattern.
ADMIT_VERBS = {"admit", "acknowledge", "concede", "confess"}
# Weapons told as the doer, with who used them in a reduced clause: "drones *launched by
# Russia* struck ...", "killed by a bomb *planted by militants*".
WEAPON_NOUNS = {"bomb", "drone", "missile", "rocket", "shell", "mine", "landmine", "device", "ied", "grenade", "explosive",
                "mortar", "projectile", "torpedo", "munition", "car-bomb"}
# Combat nouns whose "with" names the other side ("killed in a clash *with rebels*").
COMBAT_NOUNS = {"encounter", "clash", "fighting", "battle", "gunfight", "firefight", "skirmish", "shootout", "exchange"}
FORCE_CLAUSE_VERBS = {"fire", "shoot", "open", "attack", "charge", "lathicharge", "storm", "raid", "bomb", "shell", "strike", "ambush"}
INSTRUMENT_PREPS = {"in", "during", "to", "by", "from", "under"}
# Verbs that report speech with a clause and are acts with an object ("charged three men").
SPEECH_OR_ACT_VERBS = {"charge"}
# Verbs whose subject suffers the event ("three died in police firing").
VICTIM_VERBS = {"die", "perish", "succumb"}
# Verbs whose subject can be an act of force and whose object is its victim ("an airstrike *killed* five fighters").
HARM_VERBS = {"kill", "wound", "injure", "hit", "destroy", "damage", "claim", "maim"}
# What a fight with another side did to whom it names, done by that side ("clashes with rebels *left* two dead")
COMBAT_HARM_VERBS = frozenset({"kill", "wound", "injure", "claim", "maim", "leave", "hurt"})
# Verbs never used without an object: with a subject and no object or auxiliary they are
# a headline's passive with the auxiliary dropped ("4 policemen killed in ambush").
HEADLINE_PASSIVE_VERBS = {"kill", "murder", "lynch", "behead", "massacre", "slay", "injure", "wound",
                          "arrest", "detain", "abduct", "kidnap"}
# "promised X to ...": the subject, not the object, does the complement.
SUBJECT_CONTROL_VERBS = {"promise", "pledge", "vow", "threaten"}
# Verbs that credit or blame a party *for* what it did: "thanked Morocco for sharing intelligence",
# "criticised Hungary for blocking the loan": the party credited or blamed did the act, not the speaker.
CREDIT_VERBS = frozenset({"thank", "praise", "commend", "congratulate", "hail", "laud", "applaud", "salute", "reward",
                          "criticise", "criticize", "condemn", "blame", "fault", "rebuke", "reprimand", "chide", "castigate",
                          "slam", "punish", "censure", "lambast", "scold", "denounce", "fine"})
THREAT_VERBS = {"threaten", "vow", "warn", "swear"}
# Verbs that let another do something: a refusal above them is not that other's ("refused to
# allow envoys to meet her": the envoys refused nothing)
PERMIT_VERBS = frozenset({"allow", "permit", "let", "enable", "authorise", "authorize"})
# Verbs whose "to" clause is what is promised or refused, even when the parser
# hangs it as an adverbial clause ("have sworn *to fight*").
CONTROL_VERBS = SUBJECT_CONTROL_VERBS | {"swear", "refuse", "decline", "agree", "offer", "plan", "intend", "threaten"}
# A crowd's purpose clause is its complement ("gathered outside the commission *to demand* the results").
GATHER_VERBS = frozenset({"gather", "assemble", "converge", "congregate", "rally"})
# verbs of giving whose purpose clause "to help X" names the receiver (HELP_VERBS, below)
GIVING_VERBS = frozenset({"pledge", "promise", "offer", "give", "provide", "send", "donate", "grant", "extend", "allocate",
                          "approve", "announce", "disburse", "lend", "deliver", "supply", "commit", "earmark", "contribute"})
INQUIRY_NOUNS = frozenset({"investigation", "probe", "inquiry", "enquiry", "inspection"})
# forces sent somewhere "to help protect ...": the purpose clause tells what they are sent for (07.yaml send-troops-to-protect)
DISPATCH_VERBS = frozenset({"send", "deploy", "dispatch", "contribute", "commit"})
# Nouns that name a phase of an act, not an act: "the opening of talks", "the start of the withdrawal".
PHASE_NOUNS = frozenset({"opening", "start", "resumption", "beginning", "launch", "holding"})
# Prepositions that only place the act in time or circumstance ("despite warnings
# of starvation", "ahead of talks"): their words say nothing about what is at stake.
CIRCUMSTANCE_PREPS = {"despite", "since", "according", "until", "ahead", "like", "unlike", "notwithstanding"}
# Documents that speak for whoever issues them ("a declaration demanding reforms").
DOCUMENT_NOUNS = {"declaration", "statement", "letter", "petition", "resolution", "communique", "communiqué",
                  "memorandum", "manifesto", "appeal", "note", "message", "report", "open-letter",
                  # what a speaker gives or makes speaks for the speaker too ("made remarks praising ...")
                  "remark", "comment", "speech", "address", "announcement", "post", "tweet", "interview"}


@dataclass(frozen=True, slots=True)
class Mention:
    """A phrase that may name an actor, with where it sits relative to the trigger."""

    text: str
    start: int
    end: int
    role: str  # subj | obj | agent | instr (who used the force named) | poss | mod | appos | prep:<lemma> | deep:<lemma>
    depth: int = 0
    pronoun: str | None = None  # the pronoun, when the phrase is one ("it", "its", "we")
    possessor: str | None = None  # a possessive pronoun inside the phrase ("his government")
    proper: bool = False  # headed by a proper noun or a named entity
    head: str = ""  # lemma of the phrase's head word ("aid" in "military aid")
    ent: str = ""  # named-entity label of the head word (PERSON, ORG, NORP, GPE, ...), if any
    plural: bool = False  # a plural head ("West African leaders", "they"): a group, not one person


class Deferred:
    """Some values of a candidate, each worked out when first read and then kept.

    A candidate made from another with ``dataclasses.replace`` shares its
    ``Deferred``, so nothing is worked out twice. The functions read the parse;
    each is dropped once it has run, and so is the parse with the last of them.
    With ``args``, ``make`` is a table shared by every candidate of a kind (its
    functions take ``args``, kept until the candidate goes): no function is made
    per candidate (:data:`_VERB_LATER`, :data:`_NOUN_LATER`).
    """

    __slots__ = ("_make", "_done", "_args")

    def __init__(self, make: dict[str, Callable[..., Any]], args: tuple | None = None) -> None:
        self._make = make
        self._done: dict[str, Any] = {}
        self._args = args

    def get(self, name: str, default: Any = None) -> Any:
        done = self._done
        if name not in done:
            make = self._make.get(name)
            if make is None:
                done[name] = default
            elif self._args is None:
                done[name] = make()
                self._make.pop(name, None)
            else:
                done[name] = make(*self._args)
        return done[name]

    def mapped(self, change: dict[str, Callable[[Any], Any]]) -> "Deferred":
        """A new ``Deferred``: this one's values, those named in ``change`` passed through it."""
        def later(name: str) -> Callable[[], Any]:
            fn = change.get(name)
            return (lambda: self.get(name, ())) if fn is None else (lambda: fn(self.get(name, ())))

        return Deferred({name: later(name) for name in {*self._make, *self._done, *change}})


def _deferred(name: str, doc: str) -> Any:
    """A read-only attribute of a candidate, worked out by its ``Deferred`` when first read."""
    return property(lambda self: self.later.get(name, ()), doc=doc)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger with its arguments and clause facts. The attributes made by
    ``_deferred`` are read off the parse on first access (``later``)."""

    kind: str  # verb | noun
    lemma: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sent_index: int
    sent_start: int
    sent_end: int
    subjects: tuple[Mention, ...]
    objects: tuple[Mention, ...]
    obj_lemmas: tuple[str, ...]  # lemmas inside the direct object phrase
    comp_lemmas: tuple[str, ...]  # lemmas inside prepositional and clausal complements
    prep_lemmas: tuple[str, ...]  # prepositions attached to the trigger
    pobj_lemmas: tuple[str, ...]  # head lemmas of the trigger's prepositional objects ("in solidarity")
    xcomp: str | None  # lemma of an open complement ("call on X to *cease*")
    ccomp_aux: tuple[str, ...]  # auxiliaries of a clausal complement ("said Iraq *must* comply")
    particle: str | None
    passive: bool
    negated: bool
    future: bool
    hypothetical: bool
    intent: str | None  # a governing intent verb ("plans to", "pledged to")
    refused: bool  # governed by refuse/decline/fail
    demanded: bool  # an act asked for ("urged Russia to *withdraw*") or denied ("denies *targeting*"), not done
    governor: str | None  # lemma of the verb a noun trigger depends on
    governor_dep: str | None
    nested_in: int | None  # index of the candidate whose "of"-complement this is
    speakers: tuple[Mention, ...]  # subject of a reporting verb above this clause
    quote: int | None
    clause: str  # text of the trigger's clause, for quantities
    token_i: int = field(default=-1, compare=False)
    # token index of the reporting verb whose complement this trigger is in
    # ("Russia said *it would send* troops": the index of "said"), else None
    reported_by: int | None = None
    # What only a matched candidate needs (the properties below), read off the
    # parse when first asked for: about half the candidates match no pattern.
    later: Deferred = field(default_factory=lambda: Deferred({}), compare=False, repr=False)

    preps = _deferred("preps", 'Prepositional objects, role "prep:<lemma>" (datives as prep:to).')
    deep = _deferred("deep", "Actors nested inside the object phrase, and parties a statement's content is about.")
    grievance_authors = _deferred("grievance_authors", (
        'Who did the act an "over", "about" or "against" phrase names, by its modifier or possessive '
        '("complained to the UN *over Israeli raids*": "Israeli"); verbs only.'))
    cause_subjects = _deferred("cause_subjects", (
        'Who did what the act answers, told in an "after" clause or phrase ("put its air force on alert '
        '*after India\'s defence minister* warned", "scrambled jets *after Chinese drones* flew near Okinawa"); verbs only.'))
    ccomp_subjects = _deferred("ccomp_subjects", 'Subjects of a clausal complement ("said *Iraq* must comply").')
    xcomp_args = _deferred("xcomp_args", "Objects and prepositional objects of the open complement.")
    dates = _deferred("dates", "DATE entity texts: clause first, then sentence.")
    described = _deferred("described", (
        '(dependency, noun lemma, verb tag) of the noun a describing clause around the trigger is hung on '
        '("hostages *held* by Hamas": ("acl", "hostage", "VBN")), else () (nlp/describing.py).'))
    adjunct_of = _deferred("adjunct_of", (
        'Token index of the verb whose bare -ing adjunct the trigger opens ("marched ..., *demanding* ..."), '
        'else () (nlp/describing.py).'))
    time_adjunct_of = _deferred("time_adjunct_of", (
        'Token index of the verb whose time adjunct the trigger heads ("spoke ... *after arriving* in Lisbon"), '
        'else () (nlp/describing.py).'))
    prior_of = _deferred("prior_of", (
        'The time clause or phrase the trigger heads ("suspended air links *after* a jet *shot down* a '
        'helicopter"): its word, the verb it hangs on and the verbs above it, and whether it comes first; '
        'else () (nlp/describing.PriorClause).'))
    purpose_args = _deferred("purpose_args", (
        'Whom a "to" purpose clause says the act helps (role "purpose:help"): "released $1 billion '
        '*to help Pakistan* rebuild".'))
    after_subjects = _deferred("after_subjects", (
        'Subjects of an "after" clause on the trigger, what prompted it ("scrambled jets after *Chinese drones* flew ...").'))
    summed_act = _deferred("summed_act", (
        'Token indices of the verbs whose act a noun after a comma sums up, nearest first, when the trigger is '
        'that noun\'s relative clause ("recognised Palestine, *a move* Israel *condemned*": "recognised"), else ().'))
    heads = _deferred("heads", (
        'Token indices of the words the trigger hangs under, nearest first, stopping at a conjunct or '
        'parenthetical clause ("demanded support *in regaining* control": "in", "support", "demanded").'))
    of_contents = _deferred("of_contents", (
        'Candidates whose "of" complement holds the trigger at any depth, nearest first ("accused India '
        '*of sponsoring militants who attacked* a bus": "attacked" is inside the accusation\'s content).'))
    stake_lemmas = _deferred("stake_lemmas", (
        "Lemmas of what the act is about, phrase by phrase (STAKE_BREAK between): its object and "
        'complements and its purpose clause ("staged rallies *to demand reforms*"), without the '
        'words of names ("the *Emergency Relief* Coordinator").'))


# Speakers whose "for" phrase names whom they speak for: "a spokesman *for the Qassam
# Brigades*" is the brigades' spokesman, as "a Qassam Brigades spokesman" is.
SPEAKING_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople",
                          "spokespersons"})


def _phrase_bounds(tok) -> tuple[int, int]:
    """Token index range of ``tok``'s noun phrase, without clauses, conjuncts and
    prepositional phrases other than "of" ("team of engineers", "Ministry of Defence")
    and a spokesman's "for" ("a spokesman for the army")."""
    i = left = right = tok.i
    kept = ("of", "for") if tok.lower_ in SPEAKING_FOR else ("of",)
    doc = tok.doc
    table = parse_table(doc)  # (the Tokens and edges read once per document, when it has one)
    words = doc if table is None else table.tokens
    for child in (tok.lefts if table is None else [words[k] for k in table.lefts[i]]):
        if child.dep_ in CUT_DEPS:
            continue
        left = min(left, child.left_edge.i if table is None else table.left_edge[child.i])
    for child in (tok.rights if table is None else [words[k] for k in table.rights[i]]):
        if child.dep_ == "punct":
            continue
        if child.dep_ in CUT_DEPS and not (child.dep_ == "prep" and child.lower_ in kept) and not _name_goes_on(child, right):
            break
        if child.dep_ == "prep" and _of_a_deed(doc[child.i]):
            break  # "accused the peacekeepers *of siding with ...*": the charge, not the party's name
        right = max(right, child.right_edge.i if table is None else table.right_edge[child.i])
    while left < i and words[left].is_punct:
        left += 1
    while right > i and words[right].is_punct:
        right -= 1
    if left > 0 and words[left].lower_ in LEADING_TITLES and tok.pos_ == "PROPN":
        # "Cook Islands Prime Minister Mark Brown called ...": the country's name before a title,
        # which the parser hung on the verb ("Islands" as an adverbial), is the title's
        prev = words[left - 1]
        p_left = prev.left_edge.i if table is None else table.left_edge[prev.i]
        p_right = prev.right_edge.i if table is None else table.right_edge[prev.i]
        if prev.pos_ == "PROPN" and prev.dep_ in STRAY_NAME_DEPS and p_right == left - 1 \
                and not left <= prev.head.i <= right and p_left >= tok.sent.start:
            left = p_left
    return left, right


def _of_a_deed(prep) -> bool:
    """An "of" the parser hung on a noun whose object is a gerund: what someone is accused or
    suspected of ("the peacekeepers of siding with", "rights groups of pushing migrants back")."""
    return prep.lower_ == "of" and any(g.dep_ in ("pcomp", "pobj") and g.tag_ == "VBG" and g.pos_ == "VERB"
                                       for g in prep.children)


# Words a title starts with ("Prime Minister", "President", "Foreign Minister") and the arcs on
# which the parser hangs a country's name told before one elsewhere
LEADING_TITLES = frozenset({"prime", "president", "premier", "foreign", "defence", "defense", "interior",
                            "vice", "deputy", "king", "queen", "chancellor"})
STRAY_NAME_DEPS = frozenset({"npadvmod", "dep", "nmod"})


def _name_goes_on(child, right: int) -> bool:
    """Whether a cut dependent ``child`` is the rest of a name the parser broke at ``right``:
    a preposition inside the name's entity ("the International Organization *for Migration*"),
    or a proper noun read as an apposition with no comma after a proper noun ("fighters of the
    Islamic State *Sahel Province*"); "its envoy, John Smith" and "the group Hamas" stay cut."""
    doc = child.doc
    if child.dep_ == "prep":
        if child.i != right + 1:
            return False
        return (child.ent_iob_ == "I" and doc[child.i - 1].ent_iob_ in ("B", "I")) or _titled_name_link(child)
    if child.dep_ in ("relcl", "acl") and child.i == right + 2 and doc[right + 1].lower_ == "to":
        # "the Committee *to Protect Journalists*": an infinitive in title case inside a name
        return _title_cased(doc[right]) and _title_cased(child) and child.i > child.sent.start + 1 \
            and all(_title_cased(t) or t.is_punct or t.lower_ in NAME_FUNCTION_WORDS
                    for t in doc[child.i : child.right_edge.i + 1])
    return (child.dep_ == "appos" and child.pos_ == "PROPN" and child.left_edge.i == right + 1
            and doc[right].pos_ == "PROPN" and doc[child.left_edge.i].pos_ == "PROPN")


# Prepositions and function words inside organisations' names ("Reporters *Without* Borders",
# "Physicians *for* Human Rights", "Coalition *Against* Hunger", "Medecins *Sans* Frontieres").
NAME_LINKS = frozenset({"without", "for", "against", "sans", "de", "des", "du", "contre", "pour"})
NAME_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "to", "in", "on", "without", "against", "de", "des", "du",
                                 "la", "le", "sans", "&"})


def _title_cased(t) -> bool:
    return t.text[:1].isupper()


def _titled_name_link(prep) -> bool:
    """A preposition that carries on an organisation's name written in title case: itself
    capitalised inside the sentence ("Reporters *Without* Borders", "the Coalition *Against*
    Hunger"), or one of the name links after a proper noun that is no place, with a title-case
    object naming no place or people ("Physicians *for* Human Rights"); "aid from Britain for
    Ukraine" and "officials for Hamas" stay cut."""
    if prep.lower_ not in NAME_LINKS:
        return False
    words = list(prep.doc[prep.i + 1 : prep.right_edge.i + 1])
    if not words or not all(_title_cased(t) or t.is_punct or t.lower_ in NAME_FUNCTION_WORDS for t in words):
        return False
    if not _title_cased(words[-1]):
        return False
    if _title_cased(prep) and prep.i > prep.sent.start:
        return True
    head = prep.doc[prep.i - 1]
    return (head.pos_ == "PROPN" and head.ent_type_ not in ("GPE", "NORP", "LOC", "PERSON")
            and not any(t.ent_type_ in ("GPE", "NORP", "LOC") for t in words))


def make_mention(tok, role: str, depth: int = 0) -> Mention:
    """The mention of ``tok``'s phrase (made once per document: candidates share subjects and speakers)."""
    memo = memo_of(tok.doc)
    if memo is None:
        return _new_mention(tok, role, depth)
    key = ("mention", tok.i, role, depth)  # (memoized's key, read here without a function per mention)
    mention = memo.get(key)
    if mention is None:
        mention = memo[key] = _new_mention(tok, role, depth)
    return mention


def _new_mention(tok, role: str, depth: int) -> Mention:
    left, right = _phrase_bounds(tok)
    doc = tok.doc
    lower = tok.lower_
    pronoun = lower if tok.pos_ == "PRON" and lower in PRONOUNS else None
    possessor = None
    deps, lowers, poss, pronouns = _poss_arrays(doc)
    for i in range(left, right + 1):
        if deps[i] == poss and lowers[i] in pronouns:  # (off the arrays: no Token per word)
            possessor = pronouns[lowers[i]]
            break
    table = parse_table(doc)
    words = doc if table is None else table.tokens
    last = words[right]
    start, end = words[left].idx, last.idx + len(last.text)
    proper = tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")
    # the document's text between them: what Span.text joins token by token
    plural = tok.tag_ in ("NNS", "NNPS") or lower in PLURAL_PRONOUNS
    return Mention(doc_text(doc)[start:end], start, end, role, depth, pronoun, possessor, proper, tok.lemma_.lower(),
                   tok.ent_type_, plural)


def _poss_arrays(doc) -> tuple[list[int], list[int], int, dict[int, str]]:
    """Every word's dependency label and lower-cased form (ids of the string store), the
    id of "poss" and the ids of :data:`PRONOUNS`, read once per document."""
    def arrays() -> tuple[list[int], list[int], int, dict[int, str]]:
        strings = doc.vocab.strings
        rows = doc.to_array([DEP, LOWER])
        return (rows[:, 0].tolist(), rows[:, 1].tolist(), strings["poss"],
                {strings[w]: w for w in PRONOUNS})

    return memoized(doc, "poss_arrays", arrays)


# People whose "from" names where they come from, as object too.
ORIGIN_PEOPLE = {"dissident", "official", "delegation", "delegate", "refugee", "migrant", "envoy", "diplomat",
                 "minister", "leader", "representative", "activist", "lawmaker", "politician", "counterpart",
                 "negotiator", "emissary", "opposition", "exile", "student", "worker", "national",
                 "fisherman", "sailor", "tourist", "citizen", "pilgrim", "smuggler", "asylum-seeker"}


# Verbs whose "from" names the place someone is taken from, not where they come from:
# "deported migrants from Greece", "evacuated refugees from Sudan".
REMOVAL_VERBS = frozenset({"deport", "expel", "evacuate", "withdraw", "remove", "pull", "repatriate", "rescue", "free",
                           "release", "extradite", "return", "send", "bring", "fly", "airlift", "recall", "evict",
                           "transfer", "smuggle", "kidnap", "abduct", "move", "relocate", "take", "drive", "chase"})


def _origins_on_verb(obj) -> list:
    """"detained migrants *from Haiti*": the parser hangs the people's origin on the verb; right
    after the object it is theirs (not after a verb of removal: "deported migrants from Greece")."""
    verb = obj.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() in REMOVAL_VERBS:
        return []
    return [g for c in children(verb) if c.dep_ == "prep" and c.lower_ == "from" and c.i == obj.right_edge.i + 1
            for g in children(c) if g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ in ("GPE", "NORP")]


def _people_group(c) -> bool:
    """A modifier that names a people, or opens a coordination of peoples one of which NER tagged."""
    if c.ent_type_ in ("NORP", "GPE"):
        return True
    group = (c, *c.conjuncts)
    return (len(group) > 1 and c.text[:1].isupper() and c.pos_ in ("ADJ", "PROPN")
            and any(d.ent_type_ in ("NORP", "GPE") for d in group))


def _misread_participle(tok, kids) -> bool:
    """A past participle after a common noun that the parser read as a past tense with no subject
    of its own ("handed over a police officer *detained* near the line"): a reduced passive. Not
    after a subject, where it is more often the finite verb the parser lost ("after activists
    *called* for volunteers to support the army")."""
    return (tok.dep_ == "acl" and tok.tag_ == "VBD" and tok.head.pos_ == "NOUN"
            and tok.head.dep_ not in SUBJ_DEPS and tok.head.dep_ not in PASSIVE_SUBJ_DEPS
            and not any(c.dep_ in SUBJ_DEPS or c.dep_ in PASSIVE_SUBJ_DEPS for c in kids))


def _name_text(o) -> str:
    """A proper name with its own words and "of" phrase, without its conjuncts: "the *Democratic
    Republic of Congo* and Rwanda" gives "Democratic Republic of Congo", not "Republic"."""
    skip = {t.i for c in children(o) if c.dep_ in ("conj", "cc", "punct", "appos", "acl", "relcl") for t in subtree(c)}
    words = [t for t in subtree(o) if t.i not in skip and not (t.dep_ == "det" and t.head.i == o.i)]
    return o.doc[words[0].i : words[-1].i + 1].text if words else o.text


def _demonym_text(d) -> str:
    """A demonym with the compound words before it ("South Korean", not "Korean":
    the bare word would name the other Korea)."""
    start = min([c.i for c in d.lefts if c.dep_ in ("compound", "amod") and c.text[:1].isupper()] + [d.i])
    return d.doc[start : d.i + 1].text


# Nouns for the sides of a conflict, whose country an "in" phrase names ("the warring parties in Sudan").
SIDE_NOUNS = frozenset({"party", "side", "faction"})


def expand(tok, role: str, depth: int = 0) -> list[Mention]:
    """Mentions for ``tok`` and its conjuncts ("Poland, Lithuania and Latvia")."""
    if tok.pos_ == "NOUN" and (role == "subj" or tok.lemma_.lower() in ORIGIN_PEOPLE):
        # "Officials from Turkey, Sweden and Finland met": one party per country named.
        # (Subjects, and objects that are people: "met dissidents from Belarus"; not
        # "withdrew troops from Syria", which names where they were, not whose.)
        origins = [g for c in children(tok) if c.dep_ == "prep" and c.lower_ == "from"
                   for g in children(c) if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        if not origins and role == "obj" and tok.dep_ in OBJ_DEPS:
            origins = _origins_on_verb(tok)
        if origins:
            base = make_mention(tok, role, depth)
            return [replace(base, text=f"{base.text} from {_name_text(o)}", proper=True)
                    for g in origins for o in (g, *g.conjuncts) if o.pos_ == "PROPN"]
    if tok.tag_ == "NNS":
        # "the presidents of Kenya and Somalia": one party per country named.
        owners = [o for c in children(tok) if c.dep_ == "prep" and c.lower_ == "of"
                  for g in children(c) if g.dep_ == "pobj" and g.pos_ == "PROPN"
                  for o in (g, *g.conjuncts) if o.pos_ == "PROPN"]
        if len(owners) > 1:
            base = make_mention(tok, role, depth)
            # ("the foreign ministers of Saudi Arabia, Egypt and Qatar": each name whole, not "Arabia")
            return [replace(base, text=f"{tok.lemma_} of {_name_text(o)}", proper=True) for o in owners]
    if tok.lemma_.lower() in SIDE_NOUNS:
        # "appealed to the warring parties *in Sudan*": the sides of a country's own war are its
        places = [g for c in children(tok) if c.dep_ == "prep" and c.lower_ == "in"
                  for g in children(c) if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        if len(places) == 1:
            base = make_mention(tok, role, depth)
            return [replace(base, text=f"{base.text} in {_name_text(places[0])}", proper=True)]
    if tok.pos_ == "NOUN":
        # "the Egyptian and Ethiopian leaders": one party per people named.
        # ("U.S. and Iranian negotiators": the parser may hang the first as "nmod")
        # NER may miss either one ("Nigerien and Malian officials": the first read as a person's name)
        demonyms = [d for c in children(tok) if c.dep_ in ("amod", "compound", "nmod") and _people_group(c)
                    for d in (c, *c.conjuncts) if d.pos_ in ("ADJ", "PROPN")
                    and (d.ent_type_ in ("NORP", "GPE") or d.text[:1].isupper())]
        # "anti-Syria" (anti, -, Syria) is one name, a leaning, not three peoples
        demonyms = [d for d in demonyms if not _in_leaning(d)]
        # "Turkish Cypriot police", "Bosnian Serb forces": a demonym right before another
        # qualifies it (one people), it is no second party
        demonyms = sorted(demonyms, key=lambda d: d.i)
        demonyms = [d for d, after in zip(demonyms, [*demonyms[1:], None]) if after is None or after.i != d.i + 1]
        if len(demonyms) > 1:
            base = make_mention(tok, role, depth)
            return [replace(base, text=f"{_demonym_text(d)} {tok.text}", proper=True) for d in demonyms]
    split = _possessed_pair(tok, role, depth)
    if split:
        return split
    out = [make_mention(tok, role, depth)]
    for child in children(tok):
        if child.dep_ == "appos":
            out.append(make_mention(child, "appos" if role == "obj" else role, depth))
    for conj in tok.conjuncts:
        if conj.i > tok.i and conj.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
            out.append(make_mention(conj, role, depth))
    return out


# Heads of a state's institutions that a possessive names ("Colombia's government"): when the
# parser coordinates one with a name as modifiers of one noun ("Colombia's [government and ELN]
# rebels"), the phrase is two parties.
INSTITUTION_HEADS = frozenset({"government", "junta", "army", "military", "regime", "administration", "president",
                               "authorities", "authority", "police", "forces", "cabinet", "leadership", "presidency"})


def _possessed_pair(tok, role: str, depth: int) -> list[Mention]:
    """"Colombia's government and ELN rebels", "Mali's junta and Tuareg rebels": the small parser
    hangs the possessive and the coordination under the last noun; one mention for each party
    ("Colombia's government", "ELN rebels"), or none when the phrase is not so made."""
    if tok.pos_ != "NOUN":
        return []
    mods = [c for c in children(tok) if c.dep_ in ("nmod", "compound") and c.lower_ in INSTITUTION_HEADS]
    if not mods:
        return []
    # (the possessive hangs on the noun or on the institution: "Mali's junta and Tuareg rebels")
    poss = [c for c in (*children(tok), *children(mods[0])) if c.dep_ == "poss" and c.pos_ == "PROPN" and c.i < mods[0].i]
    if not poss:
        return []
    names = [d for d in mods[0].conjuncts if d.i > mods[0].i and (d.pos_ == "PROPN" or d.ent_type_ in ("ORG", "NORP"))]
    if not names:
        return []
    doc, base = tok.doc, make_mention(tok, role, depth)
    first = doc[poss[0].left_edge.i: mods[0].i + 1]
    second = doc[names[0].i: tok.i + 1]
    return [replace(base, text=first.text, start=first.start_char, end=first.end_char, proper=False,
                    head=mods[0].lemma_.lower(), ent="", plural=False),
            replace(base, text=second.text, start=second.start_char, end=second.end_char, proper=True)]


def _in_leaning(tok) -> bool:
    """Whether ``tok`` is inside a named span that opens with "pro", "anti" or "non"
    ("anti-Syria", "pro-Russian"): a leaning, as actors/resolve.py reads it."""
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1
    return tok.doc[start].lower_ in AFFILIATION_BEFORE


def _leaning_word(tok) -> bool:
    """"pro-Russian", "anti-Western" (as one named span or as pro, -, Russian): a leaning."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in AFFILIATION_BEFORE:
        return True
    return tok.ent_type_ != "" and _in_leaning(tok)


def _prep_mentions(head, depth: int = 0, role_prefix: str = "prep") -> list[Mention]:
    out: list[Mention] = []
    for child in children(head):
        if child.dep_ == "prep" and child.lower_ in ("out", "away"):
            # "pulled its troops out of Mali": the place left
            out.extend(m for g in children(child) if g.dep_ == "prep" and g.lower_ in ("of", "from")
                       for p in children(g) if p.dep_ == "pobj" and p.pos_ in ("PROPN", "NOUN")
                       for m in expand(p, f"{role_prefix}:from", depth))
        if child.dep_ in ("prep", "dative", "agent"):
            plemma = "by" if child.dep_ == "agent" else child.lower_
            for pobj in children(child):
                if pobj.dep_ in ("pobj", "pcomp") and pobj.pos_ in ("PROPN", "NOUN", "PRON") and pobj.ent_type_ not in ("DATE", "TIME"):
                    out.extend(expand(pobj, f"{role_prefix}:{plemma}", depth))
                    if plemma in ("by", "over", "via") and pobj.lemma_.lower() in MEANS_OF_TALK:
                        # "spoke by telephone *with* Zelensky": the party talked with is the verb's,
                        # though the parser hung its phrase on the means
                        out.extend(m for g in children(pobj) if g.dep_ == "prep" and g.lower_ in ("with", "to")
                                   for p in children(g) if p.dep_ == "pobj" and p.pos_ in ("PROPN", "NOUN", "PRON")
                                   for m in expand(p, f"{role_prefix}:{g.lower_}", depth))
                    if plemma in ("amid", "amidst", "in", "during") and pobj.lemma_.lower() in RIVALRY_NOUNS:
                        # "sent jets to the region *amid tension with Venezuela*": the rival a show of force aims at
                        out.extend(m for g in children(pobj) if g.dep_ == "prep" and g.lower_ == "with"
                                   for p in children(g) if p.dep_ == "pobj" and p.pos_ in ("PROPN", "NOUN")
                                   for m in expand(p, f"{role_prefix}:rival", depth))
                elif plemma == "into" and pobj.dep_ == "pcomp" and pobj.pos_ in ("VERB", "AUX") \
                        and any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in children(pobj)):
                    # "an investigation *into whether Temu had failed* to ...": whom it looks into
                    out.extend(m for s in children(pobj) if s.dep_ in SUBJ_DEPS for m in expand(s, f"{role_prefix}:{plemma}", depth))
        elif child.dep_ == "pobj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(expand(child, f"{role_prefix}:{head.lower_}", depth))
        if child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(expand(child, f"{role_prefix}:to", depth))
    return out


def _deep_mentions(head, max_depth: int = 4) -> list[Mention]:
    """Breadth-first actor candidates nested in a phrase, nearest first."""
    out: list[Mention] = []
    frontier = [(head, 0)]
    seen = {head.i}
    while frontier:
        nxt = []
        for tok, d in frontier:
            for child in children(tok):
                # past the depth only a name's conjunct, which stands where the name does ("talks between
                # Armenia *and Azerbaijan*"; a frontier word is never deeper than max_depth)
                if child.i in seen or (d + 1 > max_depth and not (
                        child.dep_ == "conj" and tok.dep_ == "pobj" and child.pos_ == "PROPN")):
                    continue
                seen.add(child.i)
                role = None
                if child.dep_ == "poss":
                    role = "deep:poss"
                elif child.dep_ in ("pobj",) and child.pos_ in ("PROPN", "NOUN", "PRON"):
                    role = f"deep:{tok.lower_ if tok.dep_ != 'agent' else 'by'}"
                elif child.dep_ in ("amod", "compound", "nmod") and child.pos_ in ("PROPN", "ADJ"):
                    # ("a *pro-Russian* party" in Chisinau is no Russian party: a leaning names no party)
                    role = None if _leaning_word(child) else "deep:mod"
                elif child.dep_ == "conj" and tok.dep_ in ("amod", "compound", "nmod") and child.pos_ in ("PROPN", "ADJ") \
                        and child.text[:1].isupper():
                    role = "deep:mod"  # "a French *and Saudi* proposal": both peoples' proposal
                elif child.dep_ == "conj" and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and child.pos_ == "PROPN":
                    role = f"deep:{tok.head.lower_}"  # "action against South Korea *and the United States*": both
                if role is not None:
                    out.append(make_mention(child, role, d + 1))
                if child.dep_ not in ("relcl", "punct", "cc") and d + 1 <= max_depth:
                    nxt.append((child, d + 1))
        frontier = nxt
    return out


def _lemmas(tokens) -> list[str]:
    """Lower-case lemmas, with hyphenated compounds also joined ("cease-fire")."""
    out = []
    prev2 = prev = None
    for t in tokens:
        if t.is_punct and t.text != "-":
            prev2, prev = prev, t
            continue
        if t.ent_type_ in ("DATE", "TIME") and t.pos_ == "PROPN":
            prev2, prev = prev, t
            continue  # "in *March*", "on *Friday*": a date, never the act's object word
        low = t.lemma_.lower()
        out.append(low)
        if prev is not None and prev.text == "-" and prev2 is not None:
            out.append(f"{prev2.lemma_.lower()}-{low}")
        prev2, prev = prev, t
    return out


def _verb_chain(tok):
    """The trigger plus the verbs it is conjoined to (shared subject and auxiliaries)."""
    chain = [tok]
    cur = tok
    # A conjunct in the past tense has its own tense: "he would send a team on Sunday
    # but rejected any deal" did reject; "would" is the first verb's only.
    # One with auxiliaries of its own keeps its own: "said it would send troops and that the
    # president *had spoken* by telephone with ..." did speak.
    while cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX") and cur.head.i != cur.i \
            and not (cur.tag_ == "VBD" and cur.head.tag_ != "VBD") \
            and not any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in cur.children):
        cur = cur.head
        chain.append(cur)
    return chain


# Nouns inside a verb's phrase whose "with" names the other party or place ("engaged in
# fighting *with* jihadists", "near the border *with* Niger")
WITH_HEADS = frozenset({"border", "boundary", "frontier", "fighting", "fight", "clash", "battle", "skirmish", "gunfight",
                        "firefight", "exchange", "talk", "negotiation", "dialogue"})
# Verbs that claim an act as one's own ("claimed responsibility for the attack")
CLAIM_VERBS = frozenset({"claim", "accept", "admit", "take", "assume"})
# Verbs whose subject (a reaction, an offer) comes "from" whom made it ("condemnation came from Riyadh")
ARRIVAL_VERBS = frozenset({"come", "pour", "arrive", "flood", "flow", "stream", "emerge"})
# The nouns that arrive from their author: reactions, offers and help, never an attack ("the attack came
# from Iranian territory" restates where it was launched from, not a new act)
ARRIVAL_NOUNS = frozenset({"condemnation", "criticism", "protest", "rebuke", "reproach", "censure", "praise",
                           "support", "backing", "welcome", "congratulation", "condolence", "sympathy", "tribute",
                           "offer", "pledge", "promise", "appeal", "call", "plea", "demand", "request", "warning",
                           "threat", "denial", "apology", "objection", "complaint", "accusation", "reaction",
                           "response", "message", "invitation", "help", "aid", "assistance", "donation"})
# Verbs whose object is a reaction that comes "from" someone ("drew condemnation from")
DRAW_VERBS = frozenset({"draw", "attract", "earn", "receive", "prompt", "provoke", "spark", "trigger", "elicit", "win"})
# Passive forms that state what their subject does ("is engaged in", "are locked in")
STATIVE_PASSIVES = frozenset({"engage", "involve", "embroil", "lock", "mire", "entangle"})


# Verbs of sending a message whose purpose clause ("wrote to Turkey *to demand* ...") is the sender's act.
MESSAGE_VERBS = frozenset({"write", "telephone", "phone", "cable"})


# Verbs whose "at"/"into" names whom a crowd or force rushed: never a reduced passive
# ("riot police *charged at* protesters", which the tagger reads as "police (who were) charged").
RUSH_AT_VERBS = frozenset({"charge"})


def _charged_at(tok, kids) -> bool:
    """"Thai riot police charged at protesters": the sentence's head noun did it."""
    return tok.lemma_.lower() in RUSH_AT_VERBS and tok.head.dep_ == "ROOT" \
        and any(c.dep_ == "prep" and c.lower_ in ("at", "into", "toward", "towards") for c in kids) \
        and not any(c.dep_ == "agent" for c in kids)


def _to_clause_as_adverbial(c) -> bool:
    """A "to" clause the parser hung as an adverbial one because a phrase stands between it and its
    verb ("offered *on Friday* to host talks", "sent troops to fight alongside ..."): for verbs of
    will, appeal and dispatch it is the complement."""
    return c.dep_ == "advcl" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c))


def _object_relative_antecedent(tok):
    """"the tanker *that Iranian commandos seized*": the small parser hangs the verb on its subject as a
    reduced passive ("commandos (who were) seized") and the "that" elsewhere; the verb is active, its
    subject the noun it hangs on, and its object the noun before "that" (returned), else None."""
    doc, head = tok.doc, tok.head
    if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD") or head.pos_ not in ("NOUN", "PROPN") or tok.i != head.i + 1:
        return None
    mark = head.left_edge.i - 1
    if mark < 1 or doc[mark].lower_ not in ("that", "which") or doc[mark].tag_ != "WDT" or doc[mark].head.i == tok.i:
        return None
    before = doc[mark - 1]
    return before if before.pos_ in ("NOUN", "PROPN") else None


def _finite_after_apposition(tok, kids) -> bool:
    """"Qatar, home to Hamas's political office, *offered* to mediate": a past verb the parser
    hung on the sentence's only name as a participle, after an apposition closed by a comma,
    with a complement to say what was done and no "by" to make it a passive."""
    doc = tok.doc
    return tok.head.pos_ == "PROPN" and tok.head.dep_ == "ROOT" and tok.i >= 2 and doc[tok.i - 1].text == "," \
        and any(c.dep_ == "punct" and c.text == "," and c.i < tok.i - 1 for c in children(tok.head)) \
        and any(c.dep_ in ("xcomp", "ccomp") for c in kids) and not any(c.dep_ == "agent" for c in kids)


def _combat_other_side(subj) -> list:
    """The party a fight's subject names by "with" ("*clashes with* Tajik guards", "*fighting
    with* Russian troops"); [] for any other subject."""
    if subj.lemma_.lower() not in COMBAT_NOUNS and subj.lower_ not in COMBAT_NOUNS:
        return []
    return [p for c in children(subj) if c.dep_ == "prep" and c.lower_ == "with"
            for p in children(c) if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]


def _subject_in_fronted_clause(tok, kids):
    """"*Asked about the swap with Belarus, a spokeswoman* said ...": the small parser reads the subject
    as an apposition inside the fronted participle clause; the noun that ends that clause right
    before the subjectless verb is its subject. Else None."""
    for c in kids:
        if c.dep_ == "advcl" and c.i < tok.i and c.tag_ in ("VBN", "VBG") and c.i == c.sent.start:
            return next((t for t in subtree(c) if t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN")
                         and t.right_edge.i + 1 == tok.i), None)
    return None


def _caption_pronoun_name(verb, subs):
    """A caption's "President Gustavo Petro gestures as *he* speaks with ...": the small parser reads
    "gestures" as a noun the name modifies, so "he" has no name before it in the parse; the name
    is the one that verbless root holds. Else None."""
    if len(subs) != 1 or subs[0].lower_ not in ("he", "she") or verb.dep_ != "advcl":
        return None
    head = verb.head
    if head.dep_ != "ROOT" or head.pos_ != "NOUN" or head.i < verb.sent.start + 1:
        return None
    names = [c for c in children(head) if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"]
    return names[-1] if len(names) == 1 else None


def _cleft_focus(verb, subj):
    """"*It was Qatar that* brokered the swap": the name a cleft puts in focus is the subject its "that"
    (or "who") stands for; the parser reads the clause as a complement of "was". Else None."""
    if subj.lower_ not in ("that", "who") or verb.dep_ not in ("ccomp", "relcl") or verb.head.lemma_ != "be":
        return None
    be_kids = list(children(verb.head))
    if not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in be_kids):
        return None
    return next((c for c in be_kids if c.dep_ == "attr" and c.pos_ in ("PROPN", "NOUN")), None)


def _subjects(tok, kids: list | None = None) -> tuple[list[Mention], bool]:
    """Subjects of a verb (following conjunction and xcomp chains) and whether it is
    passive; ``kids``: ``tok``'s children, when the caller has them."""
    if kids is None:
        kids = list(children(tok))
    passive = any(c.dep_ in PASSIVE_SUBJ_DEPS or c.dep_ == "auxpass" for c in kids) or _headline_passive(tok)
    if passive and tok.lemma_.lower() in STATIVE_PASSIVES:
        passive = False  # "the army is engaged in fighting with jihadists": the army fights
    if tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN") \
            and (tok.tag_ == "VBN" or _misread_participle(tok, kids)) \
            and not any(c.dep_ in OBJ_DEPS for c in kids):  # "militants killed 58 people": active
        if _charged_at(tok, kids) or _finite_after_apposition(tok, kids) or _object_relative_antecedent(tok) is not None:
            return expand(tok.head, "subj"), False
        # "troops sent to the border", "the arrested workers": a reduced passive whose head noun is the theme.
        return expand(tok.head, "subj"), True
    speaker = _speaker_of_stray_conjunct(tok)
    if speaker is not None:
        return expand(speaker, "subj"), passive
    doublet = _clause_doublet_subjects(tok)
    if doublet:
        return [m for s in doublet for m in expand(s, "subj")], passive
    top = tok
    while top.dep_ == "xcomp" and top.head.i != top.i:
        top = top.head
    if top.dep_ == "acl" and top.tag_ == "VBD" and top.head.pos_ == "PROPN" \
            and not any(c.dep_ in SUBJ_DEPS for c in children(top)):
        # "Russia, which supplies arms to Armenia, *offered* to mediate": a finite verb the
        # parser hung on its subject's name after a relative clause.
        return expand(top.head, "subj"), passive
    if _headline_infinitive(tok):
        # a headline's "Turkey to supply drones to Poland", "Prabowo to visit Moscow": the name is its subject
        return expand(tok.head, "subj"), passive
    if tok.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) \
            and not any(c.dep_ in SUBJ_DEPS for c in kids):
        # a headline's "Armenian PM to visit Paris next week": the title before the infinitive hung as a stray
        # dependant of it is its subject
        stray = [c for c in kids if c.dep_ in ("dep", "npadvmod") and c.pos_ in ("NOUN", "PROPN") and c.i < tok.i]
        if stray:
            return expand(stray[0], "subj"), passive
    for verb in _verb_chain(tok):
        subs = [c for c in (kids if verb.i == tok.i else children(verb)) if c.dep_ in SUBJ_DEPS or c.dep_ in PASSIVE_SUBJ_DEPS]
        if subs:
            # "Kenya, Somalia agree to restore ties": a headline's comma joins two subjects the
            # parser leaves unattached
            subs = [c for c in children(verb) if c.dep_ in ("dep", "npadvmod", "intj") and c.pos_ == "PROPN"
                    and c.i + 2 == subs[0].i and c.doc[c.i + 1].text == ","] + subs  # ("Zelensky, Erdogan hold talks": intj)
            # ... and "Bolivian, Peruvian presidents meet": two peoples' words before one plural head
            # ("*Emirati*, Saudi diplomats meet ...": the tagger may read the first people's word as a plural noun)
            subs = [c for c in children(verb) if c.dep_ in ("amod", "dep", "npadvmod", "advcl")
                    and (c.pos_ in ("ADJ", "PROPN") or c.pos_ == "NOUN" and c.ent_type_ in ("NORP", "GPE"))
                    and c.i < subs[0].i and c.i + 2 == subs[0].left_edge.i and c.doc[c.i + 1].text == ","
                    and subs[0].tag_ in ("NNS", "NNPS") and c.text[:1].isupper()] + subs
            # ... and a caption's "Ruto and Ethiopian Prime Minister Abiy Ahmed review an honour guard": the second
            # name of the pair read as a compound of the verb, its "and" left without a conjunct
            subs += [c for c in children(verb) if c.dep_ == "compound" and c.pos_ == "PROPN" and subs[-1].i < c.i < verb.i
                     and any(g.dep_ == "cc" for g in children(subs[-1])) and not any(g.dep_ == "conj" for g in children(subs[-1]))]
            if verb.dep_ == "relcl" and subs[0].lower_ in RELATIVE_PRONOUNS:
                # "the policemen who killed ...": the relative pronoun stands for the head noun.
                return expand(verb.head, "subj"), passive
            caption_name = _caption_pronoun_name(verb, subs)
            if caption_name is not None:
                return expand(caption_name, "subj"), passive  # "Petro gestures as *he* speaks with Maduro"
            focus = _cleft_focus(verb, subs[0])
            if focus is not None:
                return expand(focus, "subj"), passive  # "it was Qatar that brokered the swap"
            if not passive and verb.lemma_.lower() in COMBAT_HARM_VERBS:
                # "Clashes with Ethiopian militia left four soldiers dead", "fighting with Russian troops
                # killed three": the fight's other side did it to whom the verb names (not what the fight
                # itself did: "fighting with militias has displaced thousands")
                subs = [o for s in subs for o in (_combat_other_side(s) or [s])]
            return [m for s in subs for m in expand(s, "subj")], passive
    if tok.dep_ == "advcl" and tok.head.lemma_.lower() in MESSAGE_VERBS and tok.head.i != tok.i \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
        # "Iraq wrote to Turkey on Monday *to demand* the withdrawal": what a message is sent for is
        # its sender's act (not "went on strike to press the government": a protest's aim is no act)
        return _subjects(tok.head)[0], passive
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() not in SUBJECT_CONTROL_VERBS:
        # "forced the police to open fire": the object of the governing verb acts.
        # "the police were forced to open fire": in the passive, the passive subject.
        objs = [c for c in children(tok.head) if c.dep_ in OBJ_DEPS or c.dep_ == "nsubjpass"]
        if objs:
            return expand(objs[0], "subj"), passive
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in CREDIT_VERBS:
        credited = [c for c in children(tok.head.head) if c.dep_ == "dobj"]
        if credited:  # "thanked Morocco *for sharing* intelligence": Morocco shared it
            return expand(credited[0], "subj"), passive
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        # "police resorted to firing", "dispersed them by firing": the gerund shares the subject.
        return _subjects(tok.head.head)[0], passive
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ in SHARED_SUBJECT_MARKS \
            and tok.head.head.dep_ in ("npadvmod", "advmod") and tok.head.head.head.pos_ in ("VERB", "AUX"):
        # "*A day after meeting* the Ugandan president, Kenya's minister flew on": the time phrase hangs
        # on the main verb, whose subject the gerund shares
        return _subjects(tok.head.head.head)[0], passive
    # "X plans to attack Y", "X was expected to meet Y": borrow the controlling subject.
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("xcomp", "advcl", "acl", "conj", "ccomp", "acomp") and cur.head.i != cur.i:
            if cur.dep_ == "xcomp" and cur.head.pos_ == "ADJ" and cur.head.dep_ == "acomp":
                cur = cur.head  # "Norway is willing to send": climb through the adjective
            cur = cur.head
            if cur.pos_ == "NOUN" and tok.dep_ == "acl":
                if _stated_readiness(cur):
                    # "Jordan signalled its readiness to reopen ...": who states it is ready does it
                    return _subjects(cur.head)[0], passive
                if cur.lemma_.lower() in DOCUMENT_NOUNS and cur.dep_ in OBJ_DEPS and cur.head.pos_ in ("VERB", "AUX"):
                    # "issued a declaration demanding ...": the issuer demands
                    return _subjects(cur.head)[0], passive
                return expand(cur, "subj"), passive
            subs = [c for c in children(cur) if c.dep_ in SUBJ_DEPS]
            # a bare -ing adjunct, or one opened by a word of time ("spoke to the press *while
            # visiting* Kyiv"), has no subject of its own: it shares the verb's
            shares = tok.dep_ in ("xcomp", "conj") or (
                tok.dep_ == "advcl" and tok.tag_ == "VBG"
                and all(c.lower_ in SHARED_SUBJECT_MARKS for c in children(tok) if c.dep_ == "mark")
            )
            if subs and shares:
                return [m for s in subs for m in expand(s, "subj")], passive
        else:
            break
    fronted = _subject_in_fronted_clause(tok, kids)
    if fronted is not None:
        return expand(fronted, "subj"), passive
    governed_by_verb = tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX")
    if tok.tag_ == "VBG" and tok.lemma_.lower() in FORCE_CLAUSE_VERBS and not governed_by_verb \
            and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos"):
        # "two persons dead in police firing": the parser made the gerund a verb with its doer as
        # compound ("killed in police firing" is the killing's instrument, see _instrument)
        doers = [c for c in children(tok) if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
        if doers:
            return expand(doers[0], "subj"), passive
    return [], passive


# Reactions told in the passive whose "in <capital>" names who reacted ("was welcomed in Tokyo").
PLACED_REACTIONS = frozenset({"welcome", "hail", "condemn", "criticise", "criticize", "denounce", "praise", "applaud",
                              "deplore", "reject", "dismiss", "slam", "decry", "rebuff", "protest"})


# Words of time that open a subjectless -ing adjunct whose doer is the verb's subject.
SHARED_SUBJECT_MARKS = frozenset({"while", "after", "before", "when", "since", "upon", "once"})


# Speech acts a speaker goes on to make after reporting something: "the ministry said the
# vessel had intruded and *urged* Manila to stop" (the parser joins "urged" to "intruded").
SPEAKER_ACTS = {"urge", "call", "demand", "accuse", "condemn", "deny", "reject", "appeal", "ask", "press",
                "criticise", "criticize", "denounce", "blame", "warn"}


def _speaker_of_stray_conjunct(tok):
    """The subject of the reporting verb when ``tok`` is a speech act conjoined to
    the reported clause rather than to the reporting verb, else None."""
    if tok.dep_ != "conj" or tok.lemma_.lower() not in SPEAKER_ACTS or any(c.dep_ in SUBJ_DEPS for c in children(tok)):
        return None
    head = tok.head
    # "denied that Moscow had anything to do with it and accused Finland of piracy": the
    # parser hangs the accusation on the denied clause; the denier accuses, and does
    if head.dep_ != "ccomp" or head.head.lemma_.lower() not in SAYING_VERBS | STRAY_DENIALS:
        return None
    subs = [c for c in children(head.head) if c.dep_ in SUBJ_DEPS]
    return subs[0] if subs else None


def _clause_doublet_subjects(tok) -> list:
    """The subjects of the clause verb just before "and" when ``tok`` ends a doublet the
    parser joined to the main verb instead: "Ghana recalled its envoy after Togolese troops
    *shot and wounded* two farmers" (``wounded`` hung on "recalled"). Only a verb with no
    subject of its own, right after "and" and a subordinate verb of the same head that has
    its own subject and no object (the object both share follows ``tok``)."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.i < 2 or any(c.dep_ in SUBJ_DEPS for c in children(tok)):
        return []
    doc = tok.doc
    cc, prev = doc[tok.i - 1], doc[tok.i - 2]
    if cc.dep_ != "cc" or cc.lower_ != "and" or prev.pos_ != "VERB" or prev.dep_ != "advcl" \
            or prev.head.i != tok.head.i or any(c.dep_ in OBJ_DEPS for c in children(prev)):
        return []
    return [c for c in children(prev) if c.dep_ in SUBJ_DEPS]


SAYING_VERBS = {"say", "state", "announce", "declare", "add", "insist", "claim", "note", "stress", "tell"}
# Denials whose "that" clause a speech act is often wrongly conjoined to.
STRAY_DENIALS = {"deny", "refute"}


# Verbs of a relative clause that reports who used a weapon ("a bomb that officials *said* ...").
REPORTING_LEMMAS = SAYING_VERBS | {"believe", "suspect", "think"}


def _weapon_user(tok) -> list[Mention]:
    """"drones *launched by Russia*": who used the weapon a passive clause on it names, reduced
    or relative ("a bomb *that had been planted by militants*"), also where the relative
    clause reports it ("a bomb *that officials said had been planted by IS*")."""
    if tok.lemma_.lower() not in WEAPON_NOUNS:
        return []
    clauses = [c for c in children(tok) if (c.dep_ == "acl" and c.tag_ == "VBN") or c.dep_ == "relcl"]
    clauses += [g for c in clauses if c.dep_ == "relcl" and c.lemma_.lower() in REPORTING_LEMMAS
                for g in children(c) if g.dep_ == "ccomp" and g.tag_ == "VBN"]
    return [m for c in clauses
            for a in children(c) if a.dep_ == "agent"
            for g in children(a) if g.dep_ == "pobj" for m in expand(g, "agent")]



def _obliged(clause):
    """The verb a clause obliges its subject to do ("Ankara *had to do* more" -> do), or None."""
    if clause.lemma_.lower() not in OBLIGATION_VERBS or not any(s.dep_ in SUBJ_DEPS for s in children(clause)):
        return None
    # ("had to *be* ready": a state the speaker says is needed, not an act asked of anyone)
    return next((x for x in children(clause) if x.dep_ == "xcomp" and x.pos_ == "VERB" and x.lemma_.lower() != "be"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(x))), None)


def _exchange_of_fire(tok) -> list:
    """The "fire" of "an exchange of fire" (or of gunfire, shots, artillery) under ``tok``, else []."""
    return [f for g in children(tok) if g.dep_ == "prep" and g.lower_ == "of"
            for f in children(g) if f.dep_ == "pobj" and f.lemma_.lower() in ("fire", "gunfire", "shot", "artillery")]


def _instrument(tok, kids: list | None = None) -> tuple[list[Mention], list[str]]:
    """Who used the force that a verb's prepositional phrase or "when" clause names,
    and the force's lemma.

    "killed in police firing" (also when the parser reads "firing" as a verb on
    "police"), "died in an Israeli airstrike", "hurt in firing by the police",
    "killed in an encounter with the police", "killed when troops opened fire".
    """
    if kids is None:
        kids = list(children(tok))  # walked several times below
    agents: list[Mention] = []
    lemmas: list[str] = []
    preps = [c for c in kids if c.dep_ == "prep" and c.lower_ in INSTRUMENT_PREPS]
    preps += [g for c in kids if c.dep_ == "prep" for g in children(c) if g.dep_ == "prep" and g.lower_ in ("to", "of")]  # "due to", "because of"
    # "four were killed and five injured in police firing": the force phrase hangs on the conjunct
    for conj in (c for c in kids if c.dep_ == "conj"):
        for v in (conj, *(g for g in children(conj) if g.dep_ in ("acl", "amod"))):
            preps += [c for c in children(v) if c.dep_ == "prep" and c.lower_ in ("in", "during")]
    for prep in preps:
        for p in children(prep):
            if p.dep_ != "pobj":
                continue
            nxt = p.doc[p.i + 1] if p.i + 1 < len(p.doc) else None
            if nxt is not None and nxt.tag_ == "VBG" and nxt.lemma_.lower() in ("fire", "shoot") and p.pos_ in ("NOUN", "PROPN"):
                # "in police firing" misread as a noun with a participle after it
                agents.extend(expand(p, "instr", 1))
                lemmas.append(nxt.lower_)  # the gerund as written: "firing", not "fire" (a blaze)
            elif p.lemma_.lower() == "exchange" and (fire := _exchange_of_fire(p)):
                # "killed in an exchange of fire with Hezbollah": the side it was exchanged with (session 22)
                agents.extend(m for w in (p, *fire) for c in children(w)
                              if c.dep_ == "prep" and c.lower_ == "with"
                              for g in children(c) if g.dep_ == "pobj" for m in expand(g, "instr", 1))
            elif p.lemma_.lower() in INSTRUMENT_NOUNS or p.lower_ in INSTRUMENT_NOUNS:
                for c in children(p):
                    if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "NOUN", "ADJ")):
                        agents.append(make_mention(c, "instr", 1))
                    elif c.dep_ in ("prep", "agent") and (c.lower_ == "by" or (c.lower_ == "with" and p.lemma_.lower() in COMBAT_NOUNS)):
                        agents.extend(m for g in children(c) if g.dep_ == "pobj" for m in expand(g, "instr", 1))
    # "the police firing in which one person was killed": the force the clause hangs on names who used it.
    noun = _force_antecedent(tok) if tok.dep_ == "relcl" and any(
        c.dep_ == "prep" and c.lower_ in ("in", "during") for c in kids) else None
    if noun is not None:
        for c in children(noun):
            if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "NOUN", "ADJ")):
                agents.append(make_mention(c, "instr", 1))
        nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        prev = noun.doc[noun.i - 1] if noun.i > 0 else None
        if noun.lower_ == "firing" and prev is not None and prev.pos_ in ("NOUN", "PROPN") and prev.dep_ != "compound":
            agents.extend(expand(prev, "instr", 1))  # "the police firing": the parser may make "police" the head
        lemmas.append(noun.lower_ if noun.tag_ == "VBG" else noun.lemma_.lower())
    # "two were killed (and five hurt) when the police opened fire": the force clause names who used it.
    near = [tok, *(c for c in kids if c.dep_ == "conj"), *([tok.head] if tok.dep_ == "conj" else [])]
    for c in (g for v in near for g in (kids if v.i == tok.i else children(v))):
        if c.dep_ == "advcl" and c.lemma_.lower() in FORCE_CLAUSE_VERBS and any(
                m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "after") for m in children(c)):
            agents.extend(m for s in children(c) if s.dep_ in SUBJ_DEPS for m in expand(s, "instr", 1))
    return agents, lemmas


def _force_antecedent(relcl):
    """The force noun a relative clause's "in which" stands for: its head, or the noun the
    head's phrase hangs on when the parser attached the clause to the last noun ("the
    police firing on the marchers near the old bridge in which ...", "ordered firing at the crowd in which ...")."""
    cur = relcl.head
    for _ in range(6):
        if cur.lemma_.lower() in INSTRUMENT_NOUNS or cur.lower_ in INSTRUMENT_NOUNS:
            return cur
        nxt = cur.doc[cur.i + 1] if cur.i + 1 < len(cur.doc) else None
        if nxt is not None and nxt.head.i == cur.i and nxt.tag_ == "VBG" and nxt.lemma_.lower() in ("fire", "shoot"):
            return nxt  # "the police firing in which ...": "firing" parsed as a participle on "police"
        if cur.dep_ not in ("pobj", "prep", "compound") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _name_read_as_verb(head, verb) -> bool:
    """A headline's opening name the tagger read as a bare verb ("*Modi* to visit Moscow"): a
    capitalised first word, the sentence's root, with nothing hung on it but the infinitive."""
    return head.dep_ == "ROOT" and head.tag_ == "VB" and head.i == head.sent.start and head.text[:1].isupper() \
        and not head.is_sent_end and all(c.i == verb.i or c.dep_ == "punct" for c in children(head))


def _headline_infinitive(verb) -> bool:
    """A headline's "Turkey to supply drones to Poland": the parser hangs the infinitive on the
    name as a relative clause with no subject of its own; "Oman's sultan to host Saudi envoys":
    on a title that stands as the verbless headline's root."""
    head = verb.head
    return ((verb.dep_ in ("relcl", "acl") and head.pos_ == "PROPN" and head.dep_ in ("ROOT", "npadvmod", "dep")
             or verb.dep_ in ("relcl", "acl") and head.pos_ == "NOUN" and head.dep_ == "ROOT"
             # "Modi to visit Moscow": a name opening the headline, mistagged as a bare verb with the
             # infinitive as its only dependant
             or verb.dep_ in ("advcl", "xcomp") and _name_read_as_verb(head, verb))
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(verb))
            and not any(c.dep_ in SUBJ_DEPS for c in children(verb)))


# What a "by" phrase names when it tells the means, not the doer ("the minister's arrival by helicopter").
MEANS_HEADS = frozenset({"helicopter", "plane", "air", "road", "car", "boat", "sea", "land", "train", "phone",
                         "telephone", "video", "videolink", "letter", "decree", "vote", "majority", "margin", "means",
                         "mail", "email", "force", "hand", "mistake", "accident", "default"})
# What is offered for a capture or an arrest still to come (the noun stands as the act's governor).
REWARD_NOUNS = frozenset({"reward", "bounty"})
# A state's acts on persons that a grievance is "over" or "for": whom it is aimed at did them.
GRIEVANCE_ACTS = frozenset({"arrest", "detention", "jailing", "imprisonment", "sentencing", "expulsion", "deportation",
                            "execution", "seizure"})
# Verbs that call off an act named by their object ("postponed the visit", "the summit was cancelled").
CALLED_OFF_VERBS = frozenset({"postpone", "cancel", "delay", "defer", "scrap", "shelve", "scrub", "abort", "adjourn"})
# Verbs whose "against" gerund is what their subject opposes ("voted against ratifying the pact").
OPPOSING_VERBS = frozenset({"vote", "decide", "rule", "advise", "argue", "campaign", "lobby", "caution", "warn", "speak",
                            "opt", "come", "counsel", "recommend"})
# Participles that tell what somebody is suspected of ("officers suspected of torturing migrants").
ALLEGED_PARTICIPLES = frozenset({"suspect", "accuse", "charge", "allege", "convict", "blame", "want"})
# "were charged *with arson*", "convicted of the 2019 killing of a reporter", "held *on charges of
# murder*": a crime a charge names is the charge's content, not an act the sentence reports
# (the act itself, when news, is told elsewhere with its own date)
CHARGE_GOVERNORS = frozenset({"charge", "indict", "convict", "acquit", "prosecute", "suspect",
                              "suspicion", "allegation", "indictment", "conviction"})
CHARGE_DEPS = frozenset({"pobj:with", "pobj:of", "pobj:over", "pobj:for"})
# Legal actions whose "for" or "with" gerund names the offence: "arrested a leader *for collaborating* with
# rebels", "charged a reporter *with insulting* the president", "jailed a shaman *for calling* for ...". The
# offence is the action's grounds, not an act the sentence reports; violence named so stays an event (police
# records count the killing a man is arrested for).
LEGAL_ACTIONS = frozenset({"arrest", "detain", "jail", "imprison", "sentence", "convict", "charge", "indict", "prosecute",
                           "try", "fine", "punish", "expel", "deport", "sanction", "ban", "suspend", "dismiss", "fire",
                           "sack", "summon", "question", "investigate", "probe", "sue"})
VIOLENT_OFFENCES = frozenset({"kill", "murder", "attack", "assault", "shoot", "stab", "bomb", "rape", "beat", "lynch",
                              "abduct", "kidnap", "torture", "burn", "loot", "rob", "riot", "behead", "massacre", "shell",
                              "hack", "injure", "wound", "fire", "throw", "pelt", "vandalise", "vandalize", "torch"})


def _clause_flags(tok, reporting: frozenset[str] = frozenset(), kids: list | None = None) -> dict:
    """Negation, future, hypothetical, intent and refusal markers around a verb
    (``kids``: ``tok``'s children, when the caller has them)."""
    negated = future = hypothetical = refused = demanded = False
    conditional = False  # an "if"/"unless" clause, not just "would"
    intent = None
    stray = _speaker_of_stray_conjunct(tok) is not None
    # a speech act wrongly conjoined to a reported clause takes none of that clause's markers
    chain = [tok] if stray else _verb_chain(tok)
    for verb in chain:
        for c in (kids if verb.i == tok.i and kids is not None else children(verb)):
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "advmod" and low in ("never",)):
                negated = True
            elif c.dep_ in ("nsubj", "nsubjpass") and _says_nobody(c):
                negated = True  # "no one was injured in the firing", "no arrests were made"
            elif c.dep_ == "advmod" and low == "longer":
                if any(g.lower_ == "no" for g in children(c)) or verb.doc[max(c.i - 1, 0)].lower_ == "no":
                    negated = True
            elif c.dep_ == "aux":
                if low in FUTURE_AUX or (low == "to" and (verb.dep_ == "ROOT" or _headline_infinitive(verb))):
                    future = True  # "will visit"; a headline's "Iran to free French nationals", "Prabowo to visit Moscow"
                elif low in HYPOTHETICAL_AUX:
                    hypothetical = True
            elif c.dep_ == "mark" and low in ("if", "unless"):
                hypothetical = conditional = True
    # "agreed to resign without returning home", "withdrew without firing a shot": not done
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        negated = True
    # "voted *against ratifying* the pact", "advised against sending troops": what is opposed is not done
    if tok.dep_ == "pcomp" and tok.head.lower_ == "against" and tok.head.head.lemma_.lower() in OPPOSING_VERBS:
        negated = True
    # "four officers *suspected of torturing* migrants", "a man accused of attacking a synagogue": what
    # a suspect is said to have done is the suspicion's content, not an act the sentence reports
    if tok.dep_ == "pcomp" and tok.head.lower_ in ("of", "with", "for") and tok.head.head.dep_ in ("acl", "amod") \
            and tok.head.head.tag_ == "VBN" and tok.head.head.lemma_.lower() in ALLEGED_PARTICIPLES:
        demanded = True
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ in ("for", "with", "over") \
            and tok.head.head.lemma_.lower() in LEGAL_ACTIONS and tok.lemma_.lower() not in VIOLENT_OFFENCES:
        demanded = True
    # "Moscow denies targeting civilians": the denial is the event, the act it
    # denies is not reported as done.
    top = chain[-1]
    if stray:
        top = tok  # a speech act of the speaker's own, not part of what is denied or said
    if top.dep_ in ("xcomp", "ccomp") and top.tag_ == "VBG" and top.head.lemma_.lower() in DENY_VERBS:
        demanded = True
    elif top.dep_ == "ccomp" and top.head.lemma_.lower() in ("deny", "refute"):
        demanded = True  # "police denied that any arrest had been made": the denial is the event
    # "a request *to extradite*", "an attempt *to assassinate*", "a plan *to build*": the act is
    # only asked for, tried or planned; the noun's own event, if any, is the event.
    if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in UNREALISED_NOUNS \
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(tok)):
        if _stated_readiness(tok.head):
            # "signalled its readiness to reopen the embassy": the act its doer states it is ready to do (an intent)
            intent, future = "ready", True
        else:
            demanded = True
    # Governing verbs: "plans to attack", "refused to meet", "is going to".
    cur = tok
    permitted_other = False
    if cur.dep_ == "conj" and cur.head.dep_ == "xcomp" and not any(c.dep_ in SUBJ_DEPS for c in children(cur)):
        cur = cur.head  # "agreed to reopen the crossing and *to hold* talks": the conjunct shares the governor
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "ccomp", "advcl") or cur.head.i == cur.i:
            break
        head = cur.head
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children(cur)):
            hypothetical = conditional = True
        lem = head.lemma_.lower()
        if lem in PERMIT_VERBS and any(c.dep_ in SUBJ_DEPS for c in children(cur)):
            permitted_other = True  # "allow *inspectors* to visit": another's act, let or not
        if cur.dep_ == "xcomp" and head.pos_ == "ADJ" and lem in INTENT_ADJECTIVES:
            intent = lem
            future = True
        elif lem in SELF_INTENT_VERBS and cur.dep_ == "xcomp" and not any(c.dep_ in OBJ_DEPS for c in children(head)):
            intent = lem
            future = True
        elif lem in CONSIDER_VERBS and cur.dep_ in ("xcomp", "ccomp"):
            # "is considering sending aid": an option weighed (014), nothing sent
            demanded = True
        elif lem in APPEAL_VERBS and (cur.dep_ == "xcomp" or (cur.dep_ == "ccomp" and lem in SUBJUNCTIVE_VERBS)):
            # "urged Russia to withdraw", "demanded that the soldiers return": the
            # appeal is the event; the action asked for has not happened.
            demanded = True
        elif cur.dep_ == "xcomp":
            if lem in INTENT_VERBS:
                intent = lem
                future = True
            elif lem in REFUSE_VERBS:
                if permitted_other:
                    # "refused to allow ASEAN envoys to meet Suu Kyi": the envoys refused nothing; what
                    # they were not let do did not happen (the refusal is the permitter's, 1245)
                    hypothetical = True
                else:
                    refused = True
            elif lem == "go" and any(c.dep_ == "aux" for c in children(head)):
                future = True
        if any(c.dep_ == "neg" for c in children(head)) and lem in INTENT_VERBS | {"want", "try", "seek"}:
            negated = True
        cur = head
    if hypothetical and not conditional and _reported_would(chain[-1], reporting):
        # "Russia said it would send troops": "would" is the future of reported speech.
        hypothetical, future = False, True
        if chain[-1].head.lemma_.lower() in DECIDING_REPORTERS:
            intent = chain[-1].head.lemma_.lower()
    elif hypothetical and not conditional and intent is None and _says_would(chain[-1], reporting) \
            and any(_condition_clause(c) for v in chain for c in children(v)):
        # "Greece said it would veto the bid unless Ankara withdrew its ships", "will strike if ...":
        # an act its doer states it would do on a condition (a threat when the act is hostile)
        intent = CONDITION_INTENT
    return dict(negated=negated, future=future, hypothetical=hypothetical, intent=intent, refused=refused, demanded=demanded)


def _says_nobody(tok) -> bool:
    """A noun phrase that names no one: "nobody", "no one", "no arrests" (not "no fewer than ten")."""
    return tok.lower_ in NOBODY_WORDS or any(d.dep_ == "det" and d.lower_ == "no" for d in children(tok))


DECIDING_REPORTERS = {"announce"}  # "announced it would prohibit aid" reports a decision


CONDITION_INTENT = "condition"  # the intent of an act stated on a condition ("would ... if")
SPEAKER_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})


def _says_would(top, reporting: frozenset[str]) -> bool:
    """A clause with "would" or "will" under a reporting verb, its doer the speaker ("said *it
    would* veto ... unless"; not "Russia would attack if ..., analysts said")."""
    return top.dep_ == "ccomp" and top.head.i != top.i and top.head.lemma_.lower() in reporting \
        and any(a.dep_ == "aux" and a.lower_ in ("would", "'d", "will", "'ll") for a in children(top)) \
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in SPEAKER_PRONOUNS for c in children(top))


def _reported_would(top, reporting: frozenset[str]) -> bool:
    """A clause with "would" under a past-tense reporting verb, with no condition in sight."""
    head = top.head
    if top.dep_ != "ccomp" or head.i == top.i or head.lemma_.lower() not in reporting or head.tag_ != "VBD":
        return False
    if not any(a.dep_ == "aux" and a.lower_ in ("would", "'d") for a in children(top)):
        return False
    return not any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in subtree(head))


UNREALISED_NOUNS = {"request", "demand", "call", "appeal", "plea", "proposal", "offer", "ultimatum", "bid", "plan",
                    "attempt", "threat", "promise", "pledge", "invitation", "effort", "order", "decision", "bill",
                    "motion", "resolution", "initiative", "campaign", "readiness", "willingness",
                    "refusal", "reluctance", "application", "candidacy"}
INTENT_VERBS = {"plan", "pledge", "promise", "vow", "intend", "offer", "agree", "prepare", "aim", "seek", "threaten", "decide", "expect", "propose",
                # "applied to join the EU": a membership asked for, not yet held
                "apply",
                # scheduled acts: "is scheduled to attend", "is set to visit", "is slated to meet"
                "schedule", "slate", "set", "due", "poise"}
# "X wants to visit Y": wanting to do something oneself is an intent, not a request
# (a request has someone to ask: "wants Russia to withdraw").
CONSIDER_VERBS = {"consider", "weigh", "mull", "contemplate", "explore", "debate", "discuss"}
SELF_INTENT_VERBS = {"want", "wish", "hope", "seek", "aim", "try", "intend"}
REFUSE_VERBS = {"refuse", "decline", "fail", "reject"}
# Parties inside the object of an open complement: "to cut *Russia's* gas", "the
# leaders *of Mali*", "to break off relations *with Congo*". (Not "against" or "on":
# "agreed to widen sanctions *against Belarus*" is no agreement with Belarus.)
XCOMP_DEEP_ROLES = {"deep:poss", "deep:of", "deep:with", "deep:to", "deep:between"}  # "to host talks *between* X and Y"
APPEAL_VERBS = {"urge", "ask", "call", "appeal", "press", "implore", "encourage", "demand", "request", "invite", "want",
                "pressure", "persuade", "beg", "exhort", "plead", "insist", "propose", "recommend"}
DENY_VERBS = {"deny", "dismiss", "reject", "refute"}
BLAME_VERBS = {"blame", "pin"}
# Acts told as nouns whose "of" phrase names the doer ("the withdrawal *of Russian troops*",
# "the arrival of Chinese warships"), not what was done to.
OF_AGENT_NOUNS = {"withdrawal", "pullout", "pull-out", "retreat", "arrival", "departure", "advance", "incursion",
                  "deployment", "visit", "presence", "return", "entry", "intervention", "mobilisation", "mobilization"}  # "blamed the attack on Russia"
INTENT_ADJECTIVES = {"willing", "ready", "prepared", "eager", "determined", "committed", "poised", "set"}
# Adjectives of readiness whose "for" or "to" names an act a party intends ("ready for talks", "open to a deal").
READY_ADJECTIVES = frozenset({"ready", "willing", "prepared", "open", "eager"})


# Nouns of a party's readiness to act, and the verbs that state it ("signalled its *readiness* to reopen
# the embassy", "expressed willingness to send troops"): the act is its doer's intent
READINESS_NOUNS = frozenset({"readiness", "willingness", "preparedness"})
READINESS_STATING = frozenset({"signal", "express", "state", "voice", "declare", "announce", "confirm", "reaffirm",
                               "reiterate", "indicate", "show", "convey", "stress", "underline", "demonstrate"})


def _stated_readiness(noun) -> bool:
    """A readiness noun that a verb of stating takes as its object ("signalled its readiness")."""
    return noun.lemma_.lower() in READINESS_NOUNS and noun.dep_ in ("dobj", "obj") \
        and noun.head.lemma_.lower() in READINESS_STATING


def _reporting_head(tok, reporting: frozenset[str]):
    """The closest reporting verb that governs ``tok``'s clause, or None."""
    cur = tok
    for _ in range(4):
        head = cur.head  # once: spaCy builds a new Token on every read
        if head.i == cur.i:
            return None
        if cur.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj") and head.lemma_.lower() in reporting:
            return head
        cur = head
    return None


def _head_speakers(head) -> list[Mention]:
    """The subject of a reporting verb (none for None): with :func:`_reporting_head`,
    the speaker of a clause."""
    if head is None:
        return []
    subs = [c for c in children(head) if c.dep_ in SUBJ_DEPS]
    if subs:
        return expand(subs[0], "speaker")
    subs, _ = _subjects(head)
    return subs


# The words of a statement's content that may name whom it is about: the
# complement's subject and the parties nested in it ("said *the border with
# Somalia* would remain closed").
STATEMENT_COMPLEMENT_DEPS = ("ccomp", "parataxis", "xcomp")


# Nouns of a stance whose "that" clause is what the stance is about, however the parser reads
# the "that" ("voiced scepticism *that* the commission would meet": "that" as the clause's object).
STANCE_NOUNS = frozenset({"doubt", "scepticism", "skepticism", "concern", "fear", "hope", "optimism", "confidence",
                          "worry", "alarm", "pessimism", "belief", "conviction", "expectation"})


def _stance_content(noun, clause) -> bool:
    return noun.lemma_.lower() in STANCE_NOUNS and clause.i > noun.i \
        and any(t.lower_ == "that" and t.i == noun.i + 1 for t in children(clause))


def _about_mentions(tok) -> list[Mention]:
    """Parties a statement's content is about, nearest first (role ``about``)."""
    out: list[Mention] = []
    comps = [c for c in children(tok) if c.dep_ in STATEMENT_COMPLEMENT_DEPS]
    # "voiced doubt *that the truce would hold*", "expressed concern *that* ...", "was confident *that* ..."
    comps += [g for c in children(tok) if c.dep_ in OBJ_DEPS | {"acomp", "attr"}
              for g in children(c) if g.dep_ in ("acl", "ccomp") and (any(m.dep_ == "mark" for m in children(g))
                                                                    or _stance_content(c, g))]
    # "voiced pessimism *about the prospects for talks with Pyongyang*", "expressed doubt about a deal with
    # China": the party the topic of a stance names
    stances = [c for c in children(tok) if c.dep_ in OBJ_DEPS and c.lemma_.lower() in STANCE_NOUNS]
    if stances:
        comps += [p for h in (tok, *stances) for c in children(h) if c.dep_ == "prep" and c.lower_ in ("about", "over", "on")
                  for p in children(c) if p.dep_ == "pobj" and p.pos_ == "NOUN"]
    for c in comps:
        if c.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
            continue
        # every named party in the content, the shallowest first: "that *Turkey* would
        # ratify", "relations with *Nepal*", "*Afghan* territory"
        named = [t for t in subtree(c) if t.i != tok.i and _names_party(t)]
        named.sort(key=lambda t: (_depth_below(t, c), t.i))
        out.extend(make_mention(t, "about", 1) for t in named)
    return out


def _names_party(t) -> bool:
    """A phrase head that names a party: a proper noun heading its phrase, or a people's adjective."""
    if t.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
        return False
    if t.pos_ == "PROPN":
        return t.dep_ not in ("compound", "flat") or t.head.pos_ != "PROPN"
    return t.pos_ == "ADJ" and t.ent_type_ == "NORP"


def _depth_below(t, top) -> int:
    d = 0
    while t.i != top.i and t.head.i != t.i and d < 50:
        t, d = t.head, d + 1
    return d


def _dates(sent, tok) -> tuple[str, ...]:
    """DATE entities attached to the trigger ("on Thursday", "earlier this week"),
    or, for an event noun, to the verb it hangs off. Dates deep inside other
    phrases ("his disputed 2020 re-election") say nothing about this event."""
    anchors = {tok.i}
    head = tok.head
    if tok.pos_ in ("NOUN", "PROPN"):
        if head.dep_ == "prep":
            head = head.head
        anchors.add(head.i)
    out = []
    for ent in span_ents(sent):  # sent.ents reads the whole Doc.ents each time
        if ent.label_ != "DATE":
            continue
        root = ent.root
        h = root.head
        if h.dep_ == "prep" or (h.dep_ == "advmod" and h.head.i in anchors):
            h = h.head
        if h.i in anchors and root.dep_ not in ("compound", "amod", "nummod", "poss"):
            out.append(ent.text)
    if not out and tok.pos_ in ("VERB", "AUX"):
        # "summoned Azerbaijan's ambassador, Rahman Mustafayev, *on Tuesday*": a day the parser
        # hung on the verb's object (or the object's apposition) is the verb's, when it has none
        objects = {c.i for c in children(tok) if c.dep_ == "dobj"}
        objects |= {a.i for c in children(tok) if c.dep_ == "dobj" for a in children(c) if a.dep_ == "appos"}
        for ent in span_ents(sent):
            root = ent.root
            if ent.label_ == "DATE" and root.dep_ == "pobj" and root.head.lower_ == "on" \
                    and root.head.dep_ == "prep" and root.head.head.i in objects:
                out.append(ent.text)
    return tuple(out)


NAME_ENTS = {"ORG", "GPE", "PERSON", "FAC", "LOC", "NORP"}
STAKE_BREAK = "|"  # between the phrases of a candidate's stake lemmas
# Participles that say what an act is for ("rallied *demanding* his release");
# others only add circumstances ("*reviving* an old chant").
PURPOSE_PARTICIPLES = {"demand", "call", "seek", "protest", "urge", "press", "push", "ask", "insist", "denounce",
                       "condemn", "oppose", "reject", "support", "back", "voice", "express", "chant", "shout", "want",
                       "accuse", "criticize", "criticise", "decry", "say", "carry", "hold", "wave", "appeal", "plead"}


def _purpose_clauses(tok) -> list:
    """The purpose clauses of ``tok``: a "to" infinitive or a bare participle
    ("to demand ...", "calling for ..."), not a time or condition clause."""
    out = []
    for c in children(tok):
        if c.dep_ != "advcl" or c.pos_ not in ("VERB", "AUX"):
            continue
        if any(m.dep_ == "mark" and m.lower_ not in ("to", "in", "order") for m in children(c)):
            continue
        if any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c)) or (
                c.tag_ == "VBG" and c.lemma_.lower() in PURPOSE_PARTICIPLES):
            out.append(c)
    return out


def _after_subjects(tok) -> tuple[Mention, ...]:
    """The subjects of a clause telling what prompted an act ("scrambled jets *after Chinese
    drones flew* near Okinawa"), role "after": the clause's own subjects only, with "after"
    parsed as its marker or as a preposition (``_cause_subjects`` reads its subjects further,
    for the marker only; each as its target strategy was tuned)."""
    return tuple(m for c in children(tok) if _after_clause(c, ("mark", "prep"))
                 for s in children(c) if s.dep_ in SUBJ_DEPS for m in expand(s, "after"))


HELP_VERBS = frozenset({"help", "assist", "support", "aid", "enable", "allow"})


def _purpose_args(tok) -> tuple[Mention, ...]:
    """Whom a "to" purpose clause says an act helps ("released $1 billion *to help Pakistan*
    rebuild", role "purpose:help"). The places such a clause names are not taken: "to fight
    militants *in Somalia*" says where, not whom (targets.purpose)."""
    out: list[Mention] = []
    todo = [c for c in _purpose_clauses(tok) if c.tag_ != "VBG"]
    for _ in range(3):
        nxt = []
        for v in todo:
            for c in children(v):
                if v.lemma_.lower() in HELP_VERBS and c.dep_ in OBJ_DEPS:
                    out.extend(expand(c, "purpose:help"))
                elif c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
                    if v.lemma_.lower() in HELP_VERBS:
                        out.extend(m for s in children(c) if s.dep_ in SUBJ_DEPS for m in expand(s, "purpose:help"))
                    nxt.append(c)
        todo = nxt
    return tuple(out)


def _place_or_time_clause(tok) -> bool:
    return tok.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ in ("where", "when", "whereby") for c in children(tok))


def _condition_clause(tok) -> bool:
    """An "if" or "unless" clause: the condition of a threat or an offer, not what is at stake
    ("threatened to close the strait *if the sanctions were tightened*" threatens no sanctions)."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children(tok))


def _stake_lemmas(heads) -> tuple[str, ...]:
    """Lemmas of the subtrees of ``heads``, in order, one subtree after another
    with ``STAKE_BREAK`` between them, skipping dates and the words of names."""
    out: list[str] = []
    for head in heads:
        if head.dep_ == "prep" and head.lower_ in CIRCUMSTANCE_PREPS:
            continue
        # a projective parse: the subtree is the span from its left to its right edge
        table = parse_table(head.doc)
        if table is None:
            toks = list(head.doc[head.left_edge.i : head.right_edge.i + 1])
            head_end = head.right_edge.i
            skips = [(t.left_edge.i, t.right_edge.i) for t in toks if t.i != head.i and _skipped_context(t)]
        else:
            head_end = table.right_edge[head.i]
            toks = table.tokens[table.left_edge[head.i] : head_end + 1]
            skips = [(table.left_edge[t.i], table.right_edge[t.i]) for t in toks if t.i != head.i and _skipped_context(t)]
        seq: list[str] = []
        for t in toks:
            if t.ent_type_ in NAME_ENTS or t.ent_type_ == "DATE" or (skips and any(a <= t.i <= b for a, b in skips)):
                continue
            if t.text == "-" and seq and t.i < head_end:
                seq[-1] = f"{seq[-1]}-"  # "cease-fire", "right-winger": one word
                continue
            if t.is_punct:
                continue
            low = t.lemma_.lower()
            if seq and seq[-1].endswith("-"):
                seq[-1] += low
            else:
                seq.append(low)
        if seq:
            out.extend(seq)
            out.append(STAKE_BREAK)
    return tuple(out)


def _skipped_context(t) -> bool:
    """Circumstances and clauses of place or time ("the curfew in Kosovo, *where riots ...*"),
    and conditions: context, not what is at stake (:func:`_stake_lemmas`)."""
    return (t.dep_ == "prep" and t.lower_ in CIRCUMSTANCE_PREPS) or _place_or_time_clause(t) or _condition_clause(t)


def _clause_text(tok) -> str:
    """The text from the first to the last token of ``tok``'s subtree, in the order
    ``Token.subtree`` walks it (without building the subtree)."""
    table = parse_table(tok.doc)
    if table is None:
        first = last = tok
        while first.n_lefts:
            first = next(first.lefts)
        while last.n_rights:
            *_, last = last.rights
    else:
        lefts, rights = table.lefts, table.rights
        f = la = tok.i
        while lefts[f]:
            f = lefts[f][0]
        while rights[la]:
            la = rights[la][-1]
        first, last = table.tokens[f], table.tokens[la]
    # the document's text between them: what Span.text joins token by token
    return doc_text(tok.doc)[first.idx : last.idx + len(last.text)]


def extract_candidates(
    doc,
    verb_lemmas: frozenset[str],
    noun_lemmas: frozenset[str],
    reporting: frozenset[str],
    quotes: list[Quote],
    variants: dict | None = None,
) -> list[Candidate]:
    """All event candidates of ``doc`` whose trigger lemma the pattern index knows.

    ``variants`` (from :func:`flashpoint.nlp.reparse.reparse`) replace the parse of
    some sentences (headlines the small model read without a verb); their
    candidates carry offsets and token indices of ``doc`` like all others.
    """
    out: list[Candidate] = []
    speakers = quote_speakers(doc, quotes, reporting) if quotes else {}
    variants = variants or {}
    for s_i, sent in enumerate(doc_sents(doc)):
        sent_cands: dict[int, int] = {}
        variant = variants.get(s_i)
        toks = variant.doc if variant is not None else _trigger_words(doc, sent, verb_lemmas, noun_lemmas)
        for tok in toks:
            pos = tok.pos_  # the part of speech first: most words are neither verb nor noun
            if pos == "VERB" or pos == "AUX":
                lemma = tok.lemma_.lower()
                if lemma not in verb_lemmas or _descriptive_compound(tok) or _speech_sense(tok, lemma, reporting):
                    continue
                make = _verb_candidate
            elif pos == "NOUN" or pos == "PROPN":
                lemma = _noun_key(tok)
                if lemma not in noun_lemmas or _topic_label(tok, sent):
                    continue
                make = _noun_candidate
            else:
                continue
            span = tok.sent if variant is not None else sent
            own_quotes = [] if variant is not None else quotes
            cand = make(tok, lemma, s_i, span, reporting, own_quotes, sent_cands)
            if variant is not None:
                cand = _mapped(cand, variant, doc)
            if cand.quote is not None and not cand.speakers and cand.quote in speakers:
                cand = replace(cand, speakers=speakers[cand.quote])
            sent_cands[tok.i] = len(out)
            out.append(cand)
    return out


def _topic_label(tok, sent) -> bool:
    """A headline's topic before its colon ("*Sudan war*: army chief in Cairo", "*Gaza conflict*: Egypt
    hosts talks"): the running story's name, not an act told. The label opens the sentence, is at most
    three words and ends on the trigger noun just before the colon."""
    nxt = tok.i + 1
    return nxt < sent.end and tok.doc[nxt].text == ":" and tok.i - sent.start < 3 \
        and all(t.pos_ in ("PROPN", "NOUN", "ADJ") for t in tok.doc[sent.start : tok.i])


def _trigger_words(doc, sent, verb_lemmas: frozenset[str], noun_lemmas: frozenset[str]):
    """The words of ``sent`` that may be triggers, as Tokens: a verb whose lemma is a
    trigger verb, a noun whose lemma is a trigger noun or that follows a hyphen (a
    compound's key, :func:`_noun_key`). Read off the document's arrays, so that no Token
    is built for the other words (most of them); the caller tests each word in full."""
    pos_of, lemma_of, orth_of = _word_arrays(doc)
    strings = doc.vocab.strings
    table = parse_table(doc)
    words = doc if table is None else table.tokens  # (the table's words: their attributes read once)
    # whether a lemma (by its id) is a trigger verb or noun, asked once per lemma of the document
    verbs, nouns = memoized(doc, ("trigger_lemmas", id(verb_lemmas), id(noun_lemmas)), lambda: ({}, {}))
    known_verb, known_noun = verbs.get, nouns.get  # (_listed's answer read inline once it is kept)
    for i in range(sent.start, sent.end):
        pos = pos_of[i]
        if pos == VERB or pos == AUX:
            listed = known_verb(lemma_of[i])
            if listed is None:
                listed = _listed(verbs, lemma_of[i], verb_lemmas, strings)
            if listed:
                yield words[i]
        elif pos == NOUN or pos == PROPN:
            if i >= 2 and orth_of[i - 1] == _HYPHEN:
                yield words[i]
                continue
            listed = known_noun(lemma_of[i])
            if listed is None:
                listed = _listed(nouns, lemma_of[i], noun_lemmas, strings)
            if listed:
                yield words[i]


def _listed(memo: dict, lemma: int, lemmas, strings) -> bool:
    """Whether the lemma of string id ``lemma`` (lower-cased) is in ``lemmas``, asked once per document."""
    known = memo.get(lemma)
    if known is None:
        known = memo[lemma] = strings[lemma].lower() in lemmas
    return known


_HYPHEN = hash_string("-")  # the string store's id of "-"


def _word_arrays(doc) -> tuple[list[int], list[int], list[int]]:
    """Every word's part of speech, lemma and text (ids of the string store), read once
    per document. Only for a walk over every word: for the few words of a phrase,
    reading the Tokens is cheaper than looking the arrays up (measured)."""
    def arrays() -> tuple[list[int], list[int], list[int]]:
        rows = doc.to_array([POS, LEMMA, ORTH])
        return rows[:, 0].tolist(), rows[:, 1].tolist(), rows[:, 2].tolist()

    return memoized(doc, "word_arrays", arrays)


def _speech_sense(tok, lemma: str, reporting: frozenset[str]) -> bool:
    """A verb that is an act with an object and speech with a clause ("police *charged* three
    men" / "the opposition *charged that* police beat protesters"), used as speech: the
    clause it reports is coded, attributed to its subject."""
    return lemma in reporting and lemma in SPEECH_OR_ACT_VERBS and not any(c.dep_ in OBJ_DEPS for c in children(tok)) \
        and any(c.dep_ == "ccomp" for c in children(tok))


# Verbs of sponsorship a present passive relative clause uses to say what a group is
# ("Hezbollah, which is backed by Iran, fired ...").
SPONSOR_VERBS = frozenset({"back", "support", "sponsor", "fund", "finance", "arm", "bankroll", "train", "equip"})


def _descriptive_compound(tok) -> bool:
    """A participle in a hyphenated compound before its noun ("the Israeli-occupied West
    Bank", "the rebel-held town", "the US-led coalition"): it names what the place or
    group is, not something that happens in the sentence. So does a present passive
    relative clause of sponsorship ("Hezbollah, *which is backed by Iran*, fired ...")."""
    if tok.dep_ == "relcl" and tok.lemma_.lower() in SPONSOR_VERBS and tok.tag_ == "VBN":
        kids = list(children(tok))
        if any(c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in kids) \
                and any(c.dep_ == "nsubjpass" and c.lower_ in ("which", "who", "that") for c in kids):
            return True
    if tok.dep_ != "amod" or tok.i > tok.head.i or tok.i == 0:
        return False
    return tok.doc[tok.i - 1].text == "-" or any(c.dep_ == "npadvmod" and c.i < tok.i for c in children(tok))


def _mapped(cand: Candidate, variant, doc) -> Candidate:
    """A candidate read off a sentence's second parse, with the offsets and token
    indices of the original document."""
    def m(x: Mention) -> Mention:
        return replace(x, start=variant.char(x.start), end=variant.char(x.end))

    def token_at(char: int) -> int:
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else cand.token_i

    vdoc = variant.doc
    reported = None if cand.reported_by is None else token_at(variant.char(vdoc[cand.reported_by].idx))
    start, end = variant.char(cand.trigger_start), variant.char(cand.trigger_end)
    def ms(xs: tuple[Mention, ...]) -> tuple[Mention, ...]:
        return tuple(map(m, xs))

    return replace(
        cand,
        trigger_start=start, trigger_end=end,
        sent_start=variant.start, sent_end=variant.start + variant.length,
        subjects=ms(cand.subjects), objects=ms(cand.objects), speakers=ms(cand.speakers),
        later=cand.later.mapped({name: ms for name in ("preps", "deep", "ccomp_subjects", "xcomp_args")}),
        token_i=token_at(start), reported_by=reported,
    )


def quote_speakers(doc, quotes: list[Quote], reporting: frozenset[str]) -> dict[int, tuple[Mention, ...]]:
    """Who speaks each quote: the subject of a reporting verb outside the quote, in the
    sentence that opens it ('X said: "...') or, failing that, the one that closes it."""
    out: dict[int, tuple[Mention, ...]] = {}
    for q_i, q in enumerate(quotes):
        for offset in (max(q.start - 1, 0), max(q.end - 1, 0)):
            span = doc.char_span(offset, offset + 1, alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            for tok in sent:
                if tok.lemma_.lower() in reporting and tok.pos_ in ("VERB", "AUX") and not (q.start <= tok.idx < q.end):
                    subs = [c for c in children(tok) if c.dep_ in SUBJ_DEPS and not (q.start <= c.idx < q.end)]
                    if subs:
                        out[q_i] = tuple(expand(subs[0], "speaker"))
                        break
            if q_i in out:
                break
    return out


def _noun_key(tok) -> str:
    """Lemma of an event noun; hyphenated compounds join ("build-up" -> "build-up")."""
    lemma = tok.lemma_.lower()
    if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).dep_ == "compound":
        return f"{tok.nbor(-2).lemma_.lower()}-{lemma}"
    return lemma


def _base(tok, lemma, s_i, sent, reporting, quotes, trigger_text, t_start, t_end) -> dict:
    reporter = _reporting_head(tok, reporting)
    return dict(
        lemma=lemma,
        trigger=trigger_text,
        trigger_start=t_start,
        trigger_end=t_end,
        sent_index=s_i,
        sent_start=sent.start_char,
        sent_end=sent.end_char,
        # (once per reporting verb: the candidates of its clause share their speakers)
        speakers=() if reporter is None else memoized(
            tok.doc, ("head_speakers", reporter.i), lambda: tuple(_head_speakers(reporter))),
        reported_by=getattr(reporter, "i", None),
        quote=quote_at(quotes, tok.idx),
        # an event noun that is its verb's subject ("Protests *erupted in Kampala on Monday*")
        # happens in the verb's clause
        clause=_clause_text(tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") else tok),
        token_i=tok.i,
    )


def _headline_passive(tok) -> bool:
    """"4 constables and 3 villagers also killed": a past form of an object-only verb that
    heads its clause with a subject but no object, auxiliary or complement."""
    return (tok.lemma_.lower() in HEADLINE_PASSIVE_VERBS and tok.tag_ in ("VBD", "VBN") and tok.dep_ in ("ROOT", "conj")
            and any(c.dep_ in SUBJ_DEPS and c.i < tok.i for c in children(tok))
            and not any(c.dep_ in OBJ_DEPS or c.dep_ in HEADLINE_ACTIVE_DEPS for c in children(tok))
            and all(c.dep_ in HEADLINE_AFTER_DEPS for c in tok.rights) and _shared_object(tok) is None)


def _shared_object(tok):
    """"detained and later deported eleven Afghan nationals": the direct object told after a
    verb joined to ``tok`` by "and", when that verb has no subject of its own (None if none)."""
    if not any(c.dep_ == "cc" for c in children(tok)):
        return None
    for c in children(tok):
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i:
            if any(g.dep_ in SUBJ_DEPS for g in children(c)):
                return None
            return next((g for g in children(c) if g.dep_ == "dobj"), None)
    return None


# Particles the small model often parses as adverbs right after the verb ("brushed *aside*", "waved *away*",
# "stepped *down*": "down" always changes the verb's meaning, as in "crack down", "back down", "stand down").
ADVERB_PARTICLES = frozenset({"aside", "away", "down"})
# Offices whose holder, a verb's lone predicate noun, is its object: "Macron called the Algerian president on Tuesday"
# rang the president (the small model reads naming); a thing named needs an object beside it ("called the vote a farce").
CALLED_OFFICES = frozenset({"president", "minister", "premier", "chancellor", "counterpart", "king", "emir", "leader",
                            "secretary-general", "sultan", "crown"})
# Verbs whose "X back" after the object is a particle: "pushed the boat back" is no pressure on anyone.
BACK_VERBS = frozenset({"push", "drive", "force", "beat"})
HEADLINE_ACTIVE_DEPS = {"aux", "auxpass", "prt", "ccomp", "xcomp", "dative", "attr", "oprd", "agent"}
# What may follow such a verb: "killed *in an ambush* on Sunday", "killed, *12 hurt*";
# a bare noun after it ("abducted last Thursday the minister") is an object the parser missed.
HEADLINE_AFTER_DEPS = {"prep", "punct", "advmod", "cc", "conj", "advcl"}


def _is_time_phrase(prep) -> bool:
    """"on Tuesday", "for three days": a preposition that only dates the event."""
    objs = [p for p in children(prep) if p.dep_ == "pobj"]
    return bool(objs) and all(p.ent_type_ in ("DATE", "TIME") for p in objs)


ANTECEDENT_PRONOUNS = frozenset({"them", "him", "her"})
PARTY_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON"})


def _participle_pronoun_antecedent(tok, kids):
    """The party an -ing participle's object pronoun stands for: the named party its main verb
    acted on ("expelled three French diplomats, accusing *them* of spying"; "imposed sanctions on two
    Israeli ministers, accusing *them* of incitement"), or None."""
    if not (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.pos_ in ("VERB", "AUX")):
        return None
    if not any(c.dep_ in OBJ_DEPS and c.lower_ in ANTECEDENT_PRONOUNS for c in kids):
        return None
    def aimed(word, preps=("on", "against")):  # "sanctions *on two Israeli ministers*"
        return [p for c in children(word) if c.dep_ == "prep" and c.lower_ in preps
                for p in children(c) if p.dep_ == "pobj"]

    objs = [c for c in children(tok.head) if c.dep_ in OBJ_DEPS]
    # ("ordered the expulsion *of three French diplomats*, accusing them of ...")
    for ph in [p for o in objs for p in aimed(o, ("on", "against", "of"))] + objs + aimed(tok.head):
        if ph.pos_ != "PRON" and any(t.ent_type_ in PARTY_ENTS for t in (ph, *children(ph)) if t.dep_ != "prep"):
            return ph
    return None


def _verb_candidate(tok, lemma, s_i, sent, reporting, quotes, sent_cands=None) -> Candidate:
    """A verb candidate: what the patterns match on, read now; its prepositional and
    nested parties, the complement's arguments, stake words and dates (``_verb_later``)
    only when the coder asks for them."""
    kids = list(children(tok))  # read once: spaCy builds a Token object per child on every walk
    subjects, passive = _subjects(tok, kids)
    objects: list[Mention] = []
    obj_kids: list = []  # the object phrases, whose nested parties are read later
    obj_lemmas: list[str] = []
    particle = None
    xcomp = None
    doc = tok.doc
    # "kidnapped up to 16 advisers": "up to" counts, it is no particle, and its noun is the object
    # ("owned *up to* the deaths" is a phrasal verb: "up to" counts only before a number)
    up_to = {c.i + 1 for c in kids if c.dep_ == "prt" and c.lower_ == "up" and c.i + 1 < len(doc) and doc[c.i + 1].lower_ == "to"
             and any(p.dep_ == "pobj" and (p.like_num or any(n.dep_ == "nummod" for n in children(p))) for p in children(doc[c.i + 1]))}
    shifted = _shifted_object(tok, kids)
    if shifted is not None:
        objects.extend(expand(shifted, "obj"))
        obj_lemmas.extend(_lemmas(subtree(shifted)))
        obj_kids.append(shifted)
    judged = _judged_in_content(kids) if lemma in SAYING_VERBS else None
    if judged is not None:
        # "said the North's launch was a provocation" names the act as "called the launch a
        # provocation" does: the act is the object, the judgement what it is called
        act, verdict = judged
        objects.extend(expand(act, "obj"))
        obj_lemmas.extend(_lemmas(subtree(act)))
        obj_lemmas.extend(_lemmas(subtree(verdict)))
        obj_lemmas.append(NAMING_MARK)
        obj_kids.append(act)
    for c in kids:
        if c.dep_ == "prep" and c.i in up_to:
            for p in children(c):
                if p.dep_ == "pobj" and any(n.dep_ == "nummod" for n in children(p)):
                    objects.extend(expand(p, "obj"))
                    obj_lemmas.extend(_lemmas(subtree(p)))
        # "Macron called Putin": the small model often reads a lone object as a
        # predicate ("oprd"); with a real object beside it, it names ("called the attack a crime").
        lone_oprd = c.dep_ == "oprd" and (c.pos_ in ("PROPN", "PRON") or c.lemma_.lower() in CALLED_OFFICES) \
            and not any(g.dep_ in OBJ_DEPS for g in kids)  # ("Macron called *the Algerian president*": an office holder rung)
        # "met Tunisian President Kais Saied (on) Tuesday to discuss migration": before a weekday or a
        # purpose clause the small model hangs the name as a clause of its own (advcl); it is the object
        lone_oprd = lone_oprd or (c.dep_ == "advcl" and c.pos_ == "PROPN" and c.i > tok.i
                                  and not any(g.dep_ in OBJ_DEPS for g in kids))
        if c.dep_ == "oprd" and not lone_oprd:
            obj_lemmas.extend(_lemmas(subtree(c)))  # what the object is called is part of what is said
            obj_lemmas.append(NAMING_MARK)  # "calling it a naive illusion": naming, not a phone call
        elif c.dep_ == "dobj" and sum(g.dep_ == "det" for g in children(c)) > 1:
            # "calling the build-up a threat": the small model folds the object and its name into one
            # phrase with two determiners; it names all the same
            obj_lemmas.append(NAMING_MARK)
        if c.dep_ in OBJ_DEPS and tok.dep_ == "relcl" and c.lower_ in ("whom", "which", "that") \
                and tok.head.pos_ in ("PROPN", "NOUN"):
            # "Maduro, *whom* Washington accuses of ...": the relative pronoun stands for the head noun
            # (and its words are the object's: "the tanker *that* Iran seized")
            objects.extend(expand(tok.head, "obj"))
            obj_lemmas.extend(_lemmas(subtree(c)))
            obj_lemmas.extend(_lemmas([t for t in subtree(tok.head) if t.i <= tok.head.i]))
            obj_kids.append(c)
        elif c.dep_ in OBJ_DEPS or (c.dep_ == "attr" and tok.lemma_ != "be") or lone_oprd:
            objects.extend(expand(c, "obj"))
            obj_lemmas.extend(_lemmas(subtree(c)))
            obj_kids.append(c)
        elif c.dep_ == "npadvmod" and c.lemma_ in GIVEN_SPANS and tok.lemma_ in ("give", "grant"):
            obj_lemmas.extend(_lemmas(subtree(c)))  # "gave the envoy *48 hours* to leave": the span given, read as an adverb
        elif c.dep_ == "prt" and c.i + 1 in up_to:
            continue
        elif c.dep_ == "prt":
            particle = c.lower_
        elif c.dep_ == "advmod" and c.i == tok.i + 1 and c.lower_ in ADVERB_PARTICLES and particle is None:
            particle = c.lower_  # "brushed aside the call", "stepped down": the small model reads the particle as an adverb
        elif c.dep_ == "advmod" and c.lower_ == "back" and particle is None and tok.lemma_.lower() in BACK_VERBS \
                and any(o.dep_ in OBJ_DEPS and (o.right_edge.i + 1 == c.i or c.i == tok.i + 1 < o.i) for o in kids):
            particle = "back"  # "pushed a migrant boat *back*", "drove the rebels back", "pushed *back* the rebels": a physical push, no appeal
        elif c.dep_ == "xcomp" and _verbal(c) and xcomp is None:
            xcomp = c.lemma_.lower()
            if xcomp == "step" and any(p.dep_ == "prt" and p.lower_ in ("up", "in") for p in children(c)):
                xcomp = "step " + next(p.lower_ for p in children(c) if p.dep_ == "prt")  # "promised to step up" is no resigning
    relative_object = _object_relative_antecedent(tok) if not objects else None
    if relative_object is not None:
        objects.extend(expand(relative_object, "obj"))  # "the tanker that Iranian commandos seized"
        obj_lemmas.extend(_lemmas(subtree(relative_object)))
        obj_kids.append(relative_object)
    antecedent = _participle_pronoun_antecedent(tok, kids) if objects else None
    if antecedent is not None:
        # "expelled three French diplomats, *accusing them* of spying": them are the diplomats
        objects = [m for m in objects if m.pronoun not in ANTECEDENT_PRONOUNS] + expand(antecedent, "obj")
    if not objects and not passive and tok.pos_ == "VERB" and not any(c.dep_ in ("prep", "dative", "ccomp", "xcomp") for c in kids):
        shared = _shared_object(tok)  # "detained and later deported eleven Afghan nationals"
        if shared is not None:
            objects.extend(expand(shared, "obj"))
            obj_lemmas.extend(_lemmas(subtree(shared)))
            obj_kids.append(shared)
    if xcomp is None and (lemma in CONTROL_VERBS or lemma in APPEAL_VERBS or lemma in GATHER_VERBS or lemma in DISPATCH_VERBS):
        xcomp = next((c.lemma_.lower() for c in kids if _to_clause_as_adverbial(c)), None)
    agents: list[Mention] = []
    if passive:
        for c in kids:
            if c.dep_ in PASSIVE_SUBJ_DEPS or c.dep_ in SUBJ_DEPS:  # nsubj: a headline's passive
                obj_lemmas.extend(t.lemma_.lower() for t in subtree(c) if not t.is_punct)
                # "an Egyptian proposal was rejected by Israel": the parties nested in the
                # logical object are read as an active verb's ("rejected *Egypt's* proposal")
                obj_kids.append(c)
        if tok.dep_ in ("acl", "amod") or (tok.dep_ == "relcl" and any(
                c.dep_ in PASSIVE_SUBJ_DEPS and c.lower_ in RELATIVE_PRONOUNS for c in kids)):
            # "the troops sent ...", "the two terrorists who were shot dead": the head noun is the theme
            obj_lemmas.extend(t.lemma_.lower() for t in tok.head.lefts)
            obj_lemmas.append(tok.head.lemma_.lower())
        # The passive subject is the logical object; the "by" agent the logical subject.
        objects = [replace(m, role="obj") for m in subjects]
        subjects = []
        for c in kids:
            if c.dep_ == "agent":
                for p in children(c):
                    if p.dep_ == "pobj":
                        agents.extend(expand(p, "agent"))
        if not agents:
            # "was charged with trafficking *by prosecutors in Tarija*": the parser hangs the agent on
            # the charge's noun
            agents.extend(m for c in kids if c.dep_ == "prep" and c.lower_ == "with"
                          for p in children(c) if p.dep_ == "pobj" and p.pos_ == "NOUN"
                          for b in children(p) if b.dep_ == "prep" and b.lower_ == "by"
                          for a in children(b) if a.dep_ == "pobj" and a.pos_ in ("NOUN", "PROPN") for m in expand(a, "agent"))
        if not agents and lemma in PLACED_REACTIONS:
            # "the release was welcomed *in The Hague*", "was condemned in Manila": with no "by",
            # the capital or country a reaction is told in is who reacts
            agents.extend(m for c in kids if c.dep_ == "prep" and c.lower_ == "in"
                          for p in children(c) if p.dep_ == "pobj" and p.ent_type_ == "GPE" for m in expand(p, "agent"))
        if tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and not objects:
            objects = expand(tok.head, "obj")
    users: list[Mention] = []
    if subjects or agents:
        # a weapon as the doer names who used it: that one did the act
        weapons = [w for c in kids if c.dep_ in SUBJ_DEPS or c.dep_ == "agent"
                   for w in ([c] if c.dep_ != "agent" else [g for g in children(c) if g.dep_ == "pobj"])]
        users = [m for w in weapons for m in _weapon_user(w)]
        if users and passive:
            agents = users
        elif users:
            subjects = users
    else:
        weapons = []
    instr_agents, instr_lemmas = _instrument(tok, kids)
    if users:
        # what the force was done with, as "killed *in a bombing*" says it
        instr_lemmas = instr_lemmas + [w.lemma_.lower() for w in weapons if _weapon_user(w)]
    if (passive and not agents) or lemma in VICTIM_VERBS:
        agents.extend(instr_agents)
    ccomp_aux: list[str] = []
    ccomp_subs: list = []  # the complements' subjects, expanded later
    for c in kids:
        if c.dep_ == "ccomp" or (c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX")):
            aux = [a.lower_ for a in children(c) if a.dep_ == "aux"]
            obliged = _obliged(c) if c.dep_ == "ccomp" and not aux else None
            if obliged is not None:
                aux = ["must"]  # "said Ankara *had to* do more": an obligation put on the subject, as "must" is
            if aux:
                ccomp_aux.extend(aux)
                ccomp_subs.extend(sub for sub in children(c) if sub.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS)
            # ("demanded that Azerbaijan *release* ...": the small model may tag a bare subjunctive a noun)
            if xcomp is None and c.dep_ == "ccomp" and (c.pos_ in ("VERB", "AUX") or (
                    tok.lemma_.lower() in SUBJUNCTIVE_VERBS and any(g.dep_ in SUBJ_DEPS for g in children(c))
                    and any(g.dep_ == "mark" for g in children(c)))):
                comp_verb = c.lemma_.lower() if obliged is None else obliged.lemma_.lower()
                if obliged is not None or any(a.lower_ in ("must", "should") for a in children(c)):
                    xcomp = comp_verb
                elif tok.lemma_.lower() in SUBJUNCTIVE_VERBS:
                    # "demanded that the soldiers return": the complement says what is demanded
                    xcomp = comp_verb
                    ccomp_subs.extend(sub for sub in children(c) if sub.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS)
    # A particle that is really a preposition ("called *on* Israel to ...") counts as one.
    prep_lemmas = tuple(c.lower_ for c in kids if (c.dep_ in ("prep", "dative", "agent") and not _is_time_phrase(c))
                        or (c.dep_ == "prt" and c.lower_ in ("on", "upon", "for")))
    if particle in ("on", "upon", "for"):
        particle = None
    if "for" not in prep_lemmas and any(c.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                                        for c in kids):
        prep_lemmas += ("for",)  # "called *for* Britain to stay in the market": a clause asked for, no phone call
    if lemma in BLAME_VERBS and "on" not in prep_lemmas and any(
            p.dep_ == "prep" and p.lower_ == "on" for o in kids if o.dep_ in OBJ_DEPS for p in children(o)):
        prep_lemmas += ("on",)  # "blamed the attack *on Russia*": the parser hangs "on" on the attack
    if lemma in DEPLOY_VERBS:
        # "deployed warships *around Taiwan*": the parser hangs where on what was deployed, or on its
        # last conjunct ("sent 30 warplanes and nine ships *around Taiwan*")
        deployed = [o for o in kids if o.dep_ in OBJ_DEPS]
        deployed += [c for o in deployed for c in children(o) if c.dep_ == "conj"]
        prep_lemmas += tuple(dict.fromkeys(p.lower_ for o in deployed for p in children(o)
                                           if p.dep_ == "prep" and p.lower_ in POSTURE_PREPS and p.lower_ not in prep_lemmas))
    # A reporting verb's clause is coded on its own ("announced that it will
    # withdraw"), so its words do not make the reporting verb an event.
    comp_deps = ("prep", "dative", "xcomp", "oprd", "acomp", "advmod") if lemma in reporting and lemma not in ADMIT_VERBS else (
        "prep", "dative", "xcomp", "ccomp", "oprd", "acomp", "advmod")
    comp_heads = [c for c in kids if c.dep_ in comp_deps]
    if lemma in CONTROL_VERBS:
        # "offered *on Friday* to host talks": a phrase before the "to" clause makes the parser read the
        # complement as an adverbial clause (as for ``xcomp`` above); its words are still what is offered
        comp_heads += [c for c in kids if _to_clause_as_adverbial(c)]
    # a condition inside a complement is not what is at stake ("threatened to close the strait *if
    # the sanctions were tightened*")
    conditions = [(t.left_edge.i, t.right_edge.i) for c in comp_heads if c.dep_ == "xcomp"
                  for t in children(c) if _condition_clause(t)]
    comp_lemmas = tuple(
        lem
        for c in comp_heads
        for lem in _lemmas(t for t in subtree(c) if t.ent_type_ != "DATE"
                           and not (conditions and any(a <= t.i <= b for a, b in conditions)))
    )
    pobj_lemmas = tuple(
        p.lemma_.lower() if p.tag_ != "VBG" else p.lower_  # "in police firing" read as a participle: "firing"
        # "spoke *by telephone*": the parser may read a means's "by" as a passive agent
        for c in kids if c.dep_ == "prep" or (c.dep_ == "agent" and tok.tag_ != "VBN") for p in children(c) if p.dep_ == "pobj"
    ) + tuple(instr_lemmas) + tuple(
        # "placed police *on standby* at the request of ...": the small model reads the noun
        # after a bare preposition as a verb of the clause
        doc[c.i + 1].lower_ for c in kids if c.dep_ == "prep" and c.n_rights == 0 and c.n_lefts == 0
        and c.i + 1 < len(doc) and doc[c.i + 1].head.i == tok.i and doc[c.i + 1].dep_ in ("advcl", "dep", "conj")
    )
    if xcomp is None:
        # "call on Belarus to cease": the complement may hang off the prepositional object.
        for c in kids:
            if c.dep_ == "prep":
                for p in children(c):
                    for g in children(p):
                        if g.dep_ in ("acl", "relcl") and g.pos_ == "VERB" and any(a.lower_ == "to" for a in children(g)):
                            xcomp = g.lemma_.lower()
    trigger_text = tok.text if particle is None else f"{tok.text} {particle}"
    # "met Iraqi Prime Minister al-Sudani Monday": the small parser makes the weekday the
    # head of the name; the name before it is the object.
    for c in kids:
        if c.dep_ == "npadvmod" and c.ent_type_ == "DATE" and not objects:
            named = _name_before_date(c)
            if named is not None:
                objects.append(named)
                obj_lemmas.extend(t.lemma_.lower() for t in doc[named_start(named, doc) : c.i])
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "dead":
        trigger_text = f"{tok.text} dead"  # "shot dead"
    flags = _clause_flags(tok, reporting, kids)
    if lemma in SELF_INTENT_VERBS and xcomp and not objects and not ccomp_subs:
        # "wants to visit Riyadh": the visit (as an intent) is the event, not a request
        flags["demanded"] = True
    stake_heads = [c for c in kids if c.dep_ in OBJ_DEPS or c.dep_ in comp_deps or c.dep_ in ("attr", "ccomp")
                   or (passive and c.dep_ in PASSIVE_SUBJ_DEPS)]
    later = Deferred(_VERB_LATER, (tok, kids, obj_kids, ccomp_subs, lemma, stake_heads, sent, sent_cands))
    return Candidate(
        kind="verb",
        subjects=tuple(subjects + agents),
        objects=tuple(objects),
        obj_lemmas=tuple(obj_lemmas),
        comp_lemmas=comp_lemmas,
        ccomp_aux=tuple(ccomp_aux),
        prep_lemmas=prep_lemmas,
        pobj_lemmas=pobj_lemmas,
        xcomp=xcomp,
        particle=particle,
        passive=passive,
        governor=None,
        governor_dep=None,
        nested_in=_of_complement_of(tok, sent_cands or {}),
        later=later,
        **flags,
        **_base(tok, lemma, s_i, sent, reporting, quotes, trigger_text, tok.idx, tok.idx + len(tok.text)),
    )


# What a verb candidate works out when first asked for (``Deferred``), from
# (tok, kids, obj_kids, ccomp_subs, lemma, stake_heads, sent, sent_cands) of ``_verb_candidate``.
_VERB_LATER: dict[str, Callable[..., Any]] = {
    "preps": lambda tok, kids, *_: _verb_preps(tok, kids),
    "deep": lambda tok, kids, obj_kids, *_: _verb_deep(tok, obj_kids),
    "cause_subjects": lambda tok, kids, *_: _cause_subjects(kids),
    "grievance_authors": lambda tok, kids, *_: _grievance_authors(kids),
    "ccomp_subjects": lambda tok, kids, obj_kids, ccomp_subs, *_: tuple(
        m for sub in ccomp_subs for m in expand(sub, "ccomp_subj")),
    "xcomp_args": lambda tok, kids, obj_kids, ccomp_subs, lemma, *_: _verb_xcomp_args(tok, lemma, kids),
    "stake_lemmas": lambda tok, kids, obj_kids, ccomp_subs, lemma, stake_heads, *_: _stake_lemmas(
        stake_heads + _purpose_clauses(tok)),
    "dates": lambda tok, kids, obj_kids, ccomp_subs, lemma, stake_heads, sent, sent_cands: _dates(sent, tok),
    "described": lambda tok, *_: described_noun(tok),
    "adjunct_of": lambda tok, *_: adjunct_of(tok),
    "time_adjunct_of": lambda tok, *_: time_adjunct_of(tok),
    "prior_of": lambda tok, *_: prior_clause_of(tok),
    "purpose_args": lambda tok, *_: _purpose_args(tok),
    "after_subjects": lambda tok, *_: _after_subjects(tok),
    "of_contents": lambda tok, kids, obj_kids, ccomp_subs, lemma, stake_heads, sent, sent_cands: _of_contents(
        tok, sent_cands or {}),
    "heads": lambda tok, *_: _heads(tok),
    "summed_act": lambda tok, *_: _summed_act(tok),
}


def _verb_preps(tok, kids) -> tuple[Mention, ...]:
    """A verb's prepositional objects, then destinations attached inside its object
    ("sent bombers on patrols over Belarus")."""
    preps = _prep_mentions(tok)
    for c in kids:
        # ("pulled its troops *back from the border with Kosovo*": the parser hangs "from" on the adverb)
        if c.dep_ in OBJ_DEPS or c.dep_ == "prep" or (c.dep_ == "advmod" and c.lower_ in ("back", "away", "out")):
            for t in subtree(c):
                if t.dep_ == "prep" and t.head.i != tok.i and (
                    t.lower_ in ("to", "over", "into", "in", "inside", "within", "across", "toward", "towards", "for")
                    or (t.lower_ == "with" and t.head.lemma_.lower() in WITH_HEADS)
                    or (t.lower_ == "on" and t.head.dep_ in OBJ_DEPS and tok.lemma_.lower() in BLAME_VERBS)
                ):
                    preps.extend(_prep_mentions(t.head, 1))
    return tuple(preps)


# Words that open what an act answers: "*after* Chinese drones flew near Okinawa".
CAUSE_MARKS = frozenset({"after", "following"})


def _after_clause(c, marker_deps: tuple[str, ...]) -> bool:
    """Whether ``c`` is an adverbial clause opened by "after" or "following" with one of
    ``marker_deps`` ("scrambled jets *after* Chinese drones flew near Okinawa")."""
    return c.dep_ == "advcl" and any(k.dep_ in marker_deps and k.lower_ in CAUSE_MARKS for k in children(c))


def _act_authors(prep, modifier_deps: tuple[str, ...], nouns_only: bool = False):
    """The tokens that name who did the act a prepositional phrase tells: a possessive or a
    name-like modifier (``modifier_deps``) of its object ("after *India's* warning", "over
    *Israeli* raids"); ``nouns_only``: only of an object tagged as a common noun."""
    return (g for p in children(prep) if p.dep_ == "pobj" and (p.pos_ == "NOUN" or not nouns_only)
            for g in children(p) if g.dep_ == "poss" or (g.dep_ in modifier_deps and g.pos_ in ("PROPN", "ADJ")))


def _cause_subjects(kids) -> tuple[Mention, ...]:
    """Subjects of an "after" clause hung on the verb, and the named author of an act an
    "after"/"following" phrase tells ("after India's warning", "following Chinese incursions")."""
    out: list[Mention] = []
    for c in kids:
        # (or an "as" clause: "put its forces on alert *as China's military began* drills around the island")
        if _after_clause(c, ("mark",)) or (c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ == "as" for k in children(c))):
            subs, _ = _subjects(c)
            out.extend(replace(m, role="cause") for m in subs)
        elif c.dep_ == "prep" and c.lower_ in CAUSE_MARKS:
            out.extend(make_mention(g, "cause", 2) for g in _act_authors(c, ("amod", "compound")))
    return tuple(out)


def _grievance_authors(kids) -> tuple[Mention, ...]:
    """Who did the act an "over", "about" or "against" phrase names ("complained to the UN
    *over Israeli raids*": "Israeli"), role "deep:poss" or "deep:mod"."""
    return tuple(make_mention(g, "deep:poss" if g.dep_ == "poss" else "deep:mod", 2)
                 for c in kids if c.dep_ == "prep" and c.lower_ in GRIEVANCE_PREPS
                 for g in _act_authors(c, ("amod", "compound", "nmod"), nouns_only=True))


def _inquiry_suspects(tok, obj_kids) -> list[Mention]:
    """Whom an inquiry looks into, told past the deed's noun: "opened an investigation into alleged war
    crimes *committed by Myanmar's military*", "... into allegations *that a Chinese company* paid
    bribes" (role "deep:into")."""
    out: list[Mention] = []
    inquiries = [c for c in obj_kids if c.lemma_.lower() in INQUIRY_NOUNS  # (or "a commission *of inquiry*")
                 or any(g.dep_ == "prep" and g.lower_ == "of" and p.lemma_.lower() in INQUIRY_NOUNS
                        for g in children(c) for p in children(g) if p.dep_ == "pobj")]
    if not inquiries:
        return out
    for c in (*inquiries, tok):  # (the parser often hangs "into ..." on the verb: "opened a probe on Monday into ...")
        for deed in (p for g in children(c) if g.dep_ == "prep" and g.lower_ in ("into", "of")
                     for p in children(g) if p.dep_ == "pobj"):
            for cl in children(deed):
                if cl.dep_ == "prep" and cl.lower_ == "by":  # "into abuses *by Ethiopian troops*"
                    out.extend(m for b in children(cl) if b.dep_ == "pobj" for m in expand(b, "deep:into", 3))
                elif cl.dep_ == "acl" and cl.tag_ == "VBN":
                    out.extend(m for a in children(cl) if a.dep_ == "agent" for b in children(a) if b.dep_ == "pobj"
                               for m in expand(b, "deep:into", 3))
                elif cl.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in children(cl)):
                    out.extend(m for s in children(cl) if s.dep_ in SUBJ_DEPS for m in expand(s, "deep:into", 3))
            # "into the disappearance of material from a hospital *in Kyrgyzstan*": where the deed was
            out.extend(make_mention(t, f"deep:{t.head.lower_}", 3) for t in deed.subtree
                       if t.i != deed.i and t.dep_ == "pobj" and t.pos_ == "PROPN"
                       and t.head.dep_ == "prep" and t.head.lower_ in ("in", "at", "near"))
    if any(k.dep_ in SUBJ_DEPS and k.dep_ != "nsubjpass" for k in children(tok)):
        # "opened an investigation into alleged crimes *by Venezuelan security forces*": the parser hangs the
        # deed's doers on the active verb as its agent, which an active verb cannot have
        out.extend(m for a in children(tok) if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by")
                   for b in children(a) if b.dep_ == "pobj" and b.ent_type_ not in ("DATE", "TIME")
                   for m in expand(b, "deep:into", 3))
    return out


# Nouns of asking whose "that" clause names whom they ask ("a demand *that Serbia* hand over ...")
ASKING_NOUNS = frozenset({"demand", "call", "request", "appeal", "plea", "insistence", "ultimatum", "proposal",
                          "suggestion", "recommendation"})


def _verb_deep(tok, obj_kids) -> tuple[Mention, ...]:
    """Parties nested in a verb's object phrases, then those its statement is about."""
    deep: list[Mention] = []
    for c in obj_kids:
        deep.extend(_deep_mentions(c))
        deep.extend(m for m in _prep_mentions(c, 1, "deep") if m.role != "deep:of")
    deep.extend(_about_mentions(tok))
    deep.extend(_inquiry_suspects(tok, obj_kids))
    # "renewed its demand *that Serbia* hand over the gunmen": whom a demand or a call asks is the subject
    # of the clause it holds
    deep.extend(m for c in obj_kids if c.lemma_.lower() in ASKING_NOUNS for r in children(c)
                if r.dep_ in ("acl", "ccomp") and r.pos_ in ("VERB", "AUX")
                for sj in children(r) if sj.dep_ in SUBJ_DEPS and sj.pos_ in ("PROPN", "NOUN")
                for m in expand(sj, "deep:of", 1))
    # "refused to take part in any operation *that violated Afghan territory*": whom a thing
    # acted on is aimed at, told in a relative clause on the object (role "deep:relobj")
    things = [*obj_kids, *(p for c in children(tok) if c.dep_ == "prep" for p in children(c) if p.dep_ == "pobj")]
    deep.extend(make_mention(o, "deep:relobj", 2) for t in things for r in children(t)
                if r.dep_ == "relcl" and not setting_clause(r) for o in children(r) if o.dep_ in OBJ_DEPS and o.pos_ in ("NOUN", "PROPN"))
    return tuple(deep)


def _shifted_object(tok, kids):
    """The object put after an "as" phrase that the small model read into it: "denounced as
    illegal *Russia's annexation* of ...", "denounced as an ugly crime *Serbia's suppression* of
    ...": a noun of the "as" phrase with a possessor, or its second noun, when the verb has no
    object of its own; else None."""
    if tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].lower_ != "as" or any(c.dep_ in OBJ_DEPS for c in kids):
        return None
    as_phrase = next((c for c in kids if c.dep_ == "prep" and c.i == tok.i + 1), None)
    if as_phrase is None:
        return None
    nouns = [p for p in children(as_phrase) if p.dep_ == "pobj"]
    # (or one the parser hung as an apposition on the "as" noun: "as an ugly crime *Serbia's suppression*")
    nouns += [a for a in subtree(as_phrase) if a.dep_ == "appos" and a.head.dep_ == "pobj" and a.i > a.head.i]
    for k, p in enumerate(nouns):
        if (k > 0 and p.head.dep_ != "pobj") or any(g.dep_ == "poss" and g.i < p.i for g in children(p)):
            return p
        # "rejected as groundless *a Chinese charge*": the judgement, then the object's own article
        if k == 0 and tok.doc[as_phrase.i + 1].tag_ in ("JJ", "VBN") and any(
                g.dep_ == "det" and as_phrase.i + 1 < g.i < p.i for g in children(p)):
            return p
    return None


# What a statement's content may judge: an act, or what another party said ("said *the launch*
# was a provocation", "said *the Thai statement* was untrue"); not a state of things ("said the
# situation was dangerous").
JUDGED_HEADS = frozenset({
    "launch", "test", "attack", "strike", "raid", "incursion", "drill", "exercise", "deployment", "move", "step",
    "decision", "action", "measure", "sanction", "ban", "closure", "expulsion", "arrest", "detention", "sentence",
    "verdict", "ruling", "execution", "seizure", "annexation", "occupation", "shelling", "bombing", "killing",
    "visit", "vote", "referendum", "law", "plan", "proposal", "remark", "comment", "statement", "claim",
    "accusation", "allegation", "charge", "report", "demand", "ultimatum", "threat", "policy", "order"})


def _judged_in_content(kids):
    """``(act, judgement)`` for a statement whose "that" clause is a copula judging an act
    ("said the launch *was a grave provocation*", "said the charge *was completely untrue*"),
    when the statement has no object of its own; else None."""
    if any(c.dep_ in OBJ_DEPS for c in kids):
        return None
    for c in kids:
        if c.dep_ != "ccomp" or c.lemma_ != "be" or any(g.dep_ == "neg" for g in children(c)):
            continue
        subj = next((g for g in children(c) if g.dep_ == "nsubj" and g.pos_ == "NOUN"), None)
        verdict = next((g for g in children(c) if g.dep_ in ("attr", "acomp")), None)
        if subj is not None and verdict is not None and subj.lemma_.lower() in JUDGED_HEADS:
            return subj, verdict
    return None


def _verbal(c) -> bool:
    """A complement verb, also one the tagger read as a noun after "to" ("offered to *host* talks")."""
    return c.pos_ in ("VERB", "AUX") or (c.dep_ == "xcomp" and c.pos_ == "NOUN"
                                         and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c)))


def _verb_xcomp_args(tok, lemma, kids) -> tuple[Mention, ...]:
    """Objects and prepositional objects of a verb's complement, and whom a threat is aimed at."""
    xcomp_args: list[Mention] = []
    # ("offered *on Thursday* to mediate between X and Y": a phrase between the verb and its "to" clause
    # makes the parser hang the clause as an adverbial one; for verbs of will and appeal it is the complement)
    # (and "sent troops *to fight alongside* Russian forces": what forces are sent to do)
    controls = lemma in CONTROL_VERBS or lemma in APPEAL_VERBS or lemma in DISPATCH_VERBS
    for c in kids:
        if (c.dep_ in ("xcomp", "ccomp") or (controls and _to_clause_as_adverbial(c))) \
                and _verbal(c):
            for g in children(c):
                if g.dep_ in OBJ_DEPS:
                    xcomp_args.extend(expand(g, "xobj"))
                    # "threatened to launch an offensive *against Israel*", "refused to lift the curfew
                    # *on Palestinians*": whom a threat or refusal is aimed at
                    aimed = ("deep:against", "deep:on") if lemma in THREAT_VERBS or lemma in REFUSE_VERBS else ()
                    xcomp_args.extend(replace(m, role="xobj") for m in _deep_mentions(g)
                                      if m.role in (*XCOMP_DEEP_ROLES, *aimed)
                                      or (m.role == "deep:mod" and m.proper))
            xcomp_args.extend(replace(m, role="xobj") for m in _prep_mentions(c) if m.role in ("prep:on", "prep:against", "prep:with", "prep:to", "prep:into", "prep:from", "prep:between",
                                                                                     "prep:alongside"))
    if lemma in GIVING_VERBS:
        # "pledged 120 million euros *to help Lebanon* rebuild": the one a gift is meant to help receives it
        # (or "to help *Lebanon* rebuild", which the parser reads as the subject of "rebuild")
        helps = [c for c in kids if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in HELP_VERBS
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c))]
        helped = [g for c in helps for g in children(c) if g.dep_ in OBJ_DEPS] + \
                 [s for c in helps for g in children(c) if g.dep_ in ("ccomp", "xcomp") for s in children(g) if s.dep_ in SUBJ_DEPS]
        xcomp_args.extend(m for g in helped if g.pos_ in ("PROPN", "NOUN") for m in expand(g, "xobj", 1))
    if lemma in THREAT_VERBS:
        # "threatened to stop the talks *if the United States* goes ahead", "... *unless
        # Baghdad* accepts": a threat is aimed at whoever the condition is about.
        for c in subtree(tok):
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in children(c)):
                xcomp_args.extend(m for s in children(c) if s.dep_ in SUBJ_DEPS for m in expand(s, "xobj", 1))
    return tuple(xcomp_args)


def _name_before_date(date_tok) -> Mention | None:
    """The name the parser hung under a date ("al-Sudani *Monday*"), as an object mention."""
    names = [c for c in children(date_tok) if c.dep_ in ("compound", "amod") and c.ent_type_ != "DATE"]
    if not names or not any(c.pos_ == "PROPN" for c in names):
        return None
    doc = date_tok.doc
    start = min(c.left_edge.i for c in names)
    head = doc[date_tok.i - 1]
    span = doc[start : date_tok.i]
    proper = head.pos_ == "PROPN" or head.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")
    return Mention(span.text, span.start_char, span.end_char, "obj", 0, None, None, proper, head.lemma_.lower(), head.ent_type_)


def named_start(m: Mention, doc) -> int:
    """Token index where a mention starts."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.start if span is not None else 0


def _of_contents(tok, sent_cands: dict[int, int]) -> tuple[int, ...]:
    """The candidates whose "of" complement holds ``tok`` at any depth, nearest first:
    "accused France *of backing rebels who killed* soldiers" puts "killed" inside the
    accusation's content (coding/coder.py: what is alleged is not coded as done)."""
    out: list[int] = []
    node = tok
    for _ in range(16):
        head = node.head
        if head.i == node.i:
            break
        if head.dep_ == "prep" and head.lower_ == "of" and node.dep_ in ("pcomp", "pobj") \
                and head.head.i in sent_cands and head.head.i != tok.i:
            out.append(sent_cands[head.head.i])
        node = head
    return tuple(out)


def _heads(tok) -> tuple[int, ...]:
    """Token indices of the words ``tok`` hangs under, nearest first, up to its clause's
    verb chain; a conjunct, a parenthetical clause or a participle set off by a comma starts
    an act of its own, so the walk stops there ("condemned the raid *and promised* to
    investigate"; "demanded the envoy's recall, *accusing* Algiers of ...": the accusation is
    no part of what the demand asks for)."""
    out: list[int] = []
    node = tok
    for _ in range(16):
        if node.dep_ in ("conj", "parataxis") or node.head.i == node.i or _comma_participle(node):
            break
        node = node.head
        out.append(node.i)
    return tuple(out)


# Nouns that sum up the act of the clause they follow ("..., a move Israel condemned").
# (and an accusation told back: "accused Kenya of harbouring rebels, *a charge* Nairobi rejected")
SUMMING_NOUNS = frozenset({"move", "decision", "step", "act", "action", "measure", "verdict", "ruling", "operation",
                           "charge", "accusation", "allegation"})


def _summed_act(tok) -> tuple[int, ...]:
    """"Portugal recognised Palestine, *a move* Israel condemned", "..., in a decision welcomed
    by Egypt": the verb whose act the relative or participle clause's noun sums up (its index)."""
    if tok.dep_ not in ("relcl", "acl") or tok.head.lemma_.lower() not in SUMMING_NOUNS:
        return ()
    noun = tok.head
    first = noun.head.left_edge.i if noun.dep_ == "pobj" else noun.left_edge.i  # "in a move ..."
    if first == 0 or tok.doc[first - 1].text != ",":
        return ()
    host = noun.head
    for _ in range(4):  # up to the verb ("restored ties with Bolivia, *a decision* ...": hung on "Bolivia")
        if host.pos_ in ("VERB", "AUX") or host.head.i == host.i:
            break
        host = host.head
    if host.pos_ not in ("VERB", "AUX") or host.i > noun.i:
        return ()
    if host.dep_ in ("advcl", "conj") and host.head.pos_ in ("VERB", "AUX"):
        return host.i, host.head.i  # "recognised Palestine, *joining* Britain, in a move ...": either act
    # "Portugal recognised Palestine, the minister *announced*, in a move ...": the act is the
    # reported clause, not its attribution
    reported = [c.i for c in children(host) if c.dep_ == "ccomp" and c.i < host.i]
    return (*reported, host.i)


def _comma_participle(tok) -> bool:
    """A participle clause after a comma on the verb before it ("..., *accusing* Algeria of ...")."""
    return (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > tok.head.i and tok.left_edge.i > 0
            and tok.doc[tok.left_edge.i - 1].text == ",")


def _of_complement_of(tok, sent_cands: dict[int, int]) -> int | None:
    """The candidate a gerund completes through "of": "accused France *of massing*
    troops" is the accusation's claim, coded like "accused France of a build-up"."""
    if tok.dep_ == "pcomp" and tok.head.lower_ == "of" and tok.tag_ == "VBG":
        return sent_cands.get(tok.head.head.i)
    return None


# Put among a verb's object lemmas when the verb names its object ("called *the plan* a
# betrayal", "calling *it* a naive illusion"): patterns can refuse it (`not_object`).
NAMING_MARK = "naming-predicate"
SCHEDULING_VERBS = {"plan", "schedule", "expect", "set", "slate", "prepare", "arrange"}
# Prepositions of what a complaint is about.
GRIEVANCE_PREPS = frozenset({"over", "about", "against"})
# Verbs of deployment, and the prepositions that say where force is shown.
DEPLOY_VERBS = frozenset({"deploy", "send", "dispatch", "station", "position", "move", "sail", "fly", "mass", "amass"})
POSTURE_PREPS = frozenset({"around", "near", "off"})
# Nouns of travel and meeting whose doer is the clause's subject when they frame it and name
# where or with whom: "pledged aid *during a visit to Nairobi*", "said *on a trip to Tokyo*"
# (not "during the protests", nor a bare "during the visit").
# Light verbs that carry out an attack noun: "carried out / launched / conducted strikes on X".
CARRY_OUT_VERBS = frozenset({"carry", "launch", "conduct", "stage", "mount", "unleash"})
FRAMING_NOUNS = frozenset({"visit", "trip", "tour", "stopover", "meeting", "talk", "call", "conference", "briefing"})
# ("said *after talks with* his Kenyan counterpart": the talks that came before the clause are its subject's too)
AFTER_DEPS = frozenset({"pobj:after", "pobj:following"})
FRAMING_DEPS = frozenset({"pobj:during", "pobj:on"}) | AFTER_DEPS
# Nouns of a call that frame a clause: its other party is whom the clause's verb addresses.
CALL_NOUNS = frozenset({"call", "conversation"})


def _misplaced_by_phrase(tok) -> list[Mention]:
    """A noun's "by" phrase that the parser hung elsewhere: on the active verb that
    governs the noun ("witnesses described the shelling of Kharkiv *by Russian
    artillery*": an active verb's "by" after its object is the object's agent), or
    on the noun's "of" object ("the arrest of a journalist *by Azerbaijani police*")."""
    gov = tok.head
    hosts = [pobj for c in children(tok) if c.dep_ == "prep" and c.lower_ in ("of", "on", "against")
             for pobj in children(c) if pobj.dep_ == "pobj"]
    # ... or on a place told inside that object ("the raid on a camp *in Tulkarm by Israeli forces*")
    hosts += [pp for h in list(hosts) for c in children(h) if c.dep_ == "prep" and c.lower_ in ("in", "near", "at")
              for pp in children(c) if pp.dep_ == "pobj" and pp.ent_type_ in ("GPE", "LOC", "FAC")]
    if tok.dep_ == "dobj" and gov.pos_ == "VERB" and not any(c.dep_ in ("auxpass", "nsubjpass") for c in children(gov)):
        hosts.append(gov)
    return [m for h in hosts for c in children(h) if c.dep_ == "prep" and c.lower_ == "by" and c.i > tok.i
            for p in children(c) if p.dep_ == "pobj" and p.pos_ in ("PROPN", "NOUN")
            for m in expand(p, "prep:by")]


def _clause_objects(tok) -> list[Mention]:
    """The objects of the clause a noun introduces: "Thailand's refusal to
    extradite *the activist*", "the decision to expel *two envoys*"."""
    return [m for c in children(tok) if c.dep_ == "acl" and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c))
            for o in children(c) if o.dep_ == "dobj" for m in expand(o, "obj")]


def _hyphen_partners(mod) -> list[Mention]:
    """"*US*-China talks", "*Saudi*-Houthi talks": the name joined to a noun's modifier by a
    hyphen is a party of its own (the pair then acts on each other, as "A and B" do)."""
    doc = mod.doc
    return [make_mention(c, "mod") for c in children(mod)
            if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "ADJ")
            and c.i + 2 == mod.i and doc[c.i + 1].text == "-" and not doc[c.i].whitespace_ and not doc[c.i + 1].whitespace_]


# What a noun candidate works out when first asked for (``Deferred``), from
# (tok, preps, gov, sent, sent_cands) of ``_noun_candidate``.
_NOUN_LATER: dict[str, Callable[..., Any]] = {
    "preps": lambda tok, preps, *_: tuple(m for m in preps if m.role != "prep:by"),
    # PPs the parser hung one level down: "a visit by the emir *to Tehran*"
    "deep": lambda tok, *_: tuple(
        m for m in _deep_mentions(tok, 4) if m.depth > 2 and m.role not in ("deep:mod", "deep:poss")),
    "xcomp_args": lambda tok, *_: tuple(_clause_objects(tok)),
    "stake_lemmas": lambda tok, preps, gov, *_: _stake_lemmas(
        [tok, *(_purpose_clauses(gov) if gov.pos_ in ("VERB", "AUX") and gov.i != tok.i else ())]),
    "dates": lambda tok, preps, gov, sent, sent_cands: _dates(sent, tok),
    "described": lambda tok, *_: described_noun(tok),
    "prior_of": lambda tok, *_: prior_clause_of(tok),
    "of_contents": lambda tok, preps, gov, sent, sent_cands: _of_contents(tok, sent_cands),
    "heads": lambda tok, *_: _heads(tok),
}


def _noun_candidate(tok, key, s_i, sent, reporting, quotes, sent_cands) -> Candidate:
    subjects: list[Mention] = []
    for c in children(tok):
        if c.dep_ == "poss":
            subjects.extend(expand(c, "poss"))
        elif c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "ADJ"):
            subjects.append(make_mention(c, "mod"))
            subjects.extend(_hyphen_partners(c))
    preps = _prep_mentions(tok)
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in CARRY_OUT_VERBS \
            and not any(m.role in ("prep:on", "prep:against") for m in preps):
        # "carried out air strikes *on three Iranian sites*": the parser hangs the target on the light verb
        preps += [m for m in _prep_mentions(tok.head) if m.role in ("prep:on", "prep:against")]
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
        # "clashes broke out *between police and protesters*", "talks were held in Doha *between
        # Afghan and Uzbek officials*": the parser hangs the parties on the verb
        preps += [m for m in _prep_mentions(tok.head) if m.role == "prep:between"]
    misplaced_by = _misplaced_by_phrase(tok)
    if misplaced_by and not any(m.role == "prep:by" for m in preps):
        preps += misplaced_by  # "described heavy shelling of Kharkiv *by Russian artillery*"
    subjects.extend(m for m in preps if m.role == "prep:by")
    if any(m.role == "prep:by" and m.head not in MEANS_HEADS for m in subjects) and any(m.role == "poss" for m in subjects):
        # "Ukraine's invasion *by Russia*", "Mexico's ambassador's expulsion by Peru": beside a "by" agent the
        # possessor is the one the act befell, its target
        preps += [replace(m, role="prep:of") for m in subjects if m.role == "poss"]
        subjects = [m for m in subjects if m.role != "poss"]
    if tok.lemma_.lower() in OF_AGENT_NOUNS and not subjects:
        # "the withdrawal *of Russian troops*": who withdrew, not what was withdrawn
        subjects.extend(replace(m, role="prep:by") for m in preps if m.role == "prep:of")
    # The verb this noun hangs off: "imposed sanctions", "accused Poland of a build-up".
    # "lift embargoes and other *sanctions*": a conjunct hangs off what its first conjunct does
    first = tok
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN") and first.head.i != first.i:
        first = first.head
    gov = first.head
    gov_dep = first.dep_
    nested_in = None
    if first.dep_ == "pobj" and gov.dep_ == "prep":
        gov_dep = f"pobj:{gov.lower_}"
        gov = gov.head
        if gov_dep in ("pobj:for", "pobj:on") and gov.pos_ == "VERB":
            # "offered a reward *for the capture* of ...", "put a bounty *on the arrest* of ...": the parser
            # hangs the act on the verb; it is what the reward is for, still to come
            gov = next((c for c in gov.children if c.dep_ == "dobj" and c.lemma_.lower() in REWARD_NOUNS), gov)
    if gov_dep == "pobj:of" and gov.pos_ == "NOUN" and gov.lemma_.lower() in PHASE_NOUNS and gov.i not in sent_cands:
        # "would block *the opening of* accession talks", "called for *the resumption of* talks":
        # the phase names no act of its own; the talks hang off the verb that blocks or asks for them
        if gov.dep_ == "dobj" and gov.head.pos_ == "VERB":
            gov, gov_dep = gov.head, "dobj"
        elif gov.dep_ == "pobj" and gov.head.dep_ == "prep" and gov.head.head.pos_ == "VERB":
            gov, gov_dep = gov.head.head, f"pobj:{gov.head.lower_}"
    if gov.i in sent_cands and (gov_dep == "pobj:of" or gov_dep in ("pobj:over", "pobj:for")
                                and tok.lemma_.lower() in GRIEVANCE_ACTS):
        # ("criticised Iran *over the arrest* of its citizen": the act the grievance is about, the coder
        # gives it to whom the grievance is aimed at, as an accusation's "of")
        nested_in = sent_cands[gov.i]
    ready = None
    if gov_dep in ("pobj:for", "pobj:to") and gov.pos_ == "ADJ" and gov.lemma_.lower() in READY_ADJECTIVES \
            and gov.dep_ == "acomp" and gov.head.pos_ in ("VERB", "AUX"):
        # "said Tehran was ready *for a new deal* with Washington", "is open to talks": what a party is
        # ready for is what it intends (the noun's act in its intent form), its subject the party
        ready, gov, gov_dep = gov.lemma_.lower(), gov.head, "dobj"
    elif gov_dep == "dobj":
        # "accused Pakistan of *carrying out air strikes*": the act told inside the accusation
        nested_in = _of_complement_of(gov, sent_cands)
    if gov_dep == "pobj:for" and gov.lemma_.lower() == "responsibility" and gov.head.lemma_.lower() in CLAIM_VERBS \
            and not any(m.role in ("poss", "prep:by") for m in subjects):
        # "the Houthis claimed responsibility for the attack": the claimant did it
        claimants, _ = _subjects(gov.head)
        subjects.extend(replace(m, role="prep:by") for m in claimants)
    flags = _clause_flags(gov, reporting) if gov.pos_ in ("VERB", "AUX") else dict(negated=False, future=False, hypothetical=False, intent=None, refused=False, demanded=False)
    if gov_dep == "nsubjpass" and gov.lemma_.lower() == "claim" and flags["negated"]:
        # "the abduction of an engineer by gunmen *has not been claimed*": no one claimed it, it was done
        flags = dict(flags, negated=False)
    if _says_nobody(tok):
        flags = dict(flags, negated=True)  # "police made no arrests"
    if gov_dep in CHARGE_DEPS and gov.lemma_.lower() in CHARGE_GOVERNORS and gov.i != tok.i:
        flags = dict(flags, demanded=True)  # "charged with the killing of ...": the charge's content
    if gov_dep in ("nsubjpass", "dobj") and gov.i != tok.i and (gov.lemma_.lower() in CALLED_OFF_VERBS or (
            gov.lemma_.lower() in ("call", "put") and any(c.dep_ == "prt" and c.lower_ == "off" for c in children(gov)))):
        # "Macron's planned visit to Algeria was postponed", "cancelled the talks", "called off the summit":
        # an act called off did not take place (halting talks is the verb's own code, 164)
        flags = dict(flags, negated=True)
    if ready is not None:
        flags = dict(flags, future=True, intent=ready)
    if gov_dep == "nsubjpass" and gov.lemma_.lower() in SCHEDULING_VERBS:
        flags = dict(flags, future=True, intent=gov.lemma_.lower())  # "a visit ... is planned for May"
    else:
        # "the minister's trip to Baghdad, *expected* later this month, ...": a participle that schedules it
        planned = next((c for c in children(tok) if c.dep_ == "acl" and c.tag_ == "VBN"
                        and c.lemma_.lower() in SCHEDULING_VERBS), None)
        if planned is not None:
            flags = dict(flags, future=True, intent=planned.lemma_.lower())
    start = tok.idx
    if "-" in key and tok.i >= 2:
        start = tok.nbor(-2).idx
    gov_subjects: list[Mention] = []
    if gov_dep == "nsubj" and gov.lemma_.lower() in HARM_VERBS:
        # "a roadside bombing killed one U.S. soldier": who the act harmed is whom it was aimed at
        preps = list(preps) + [replace(m, role="prep:on") for c in children(gov) if c.dep_ == "dobj" for m in expand(c, "prep:on")]
        if not any(m.role in ("prep:in", "prep:near", "prep:at") for m in preps):
            # "a drone strike killed two *in Mogadishu*": where the harm was done is where the act was
            preps += [m for m in _prep_mentions(gov) if m.role in ("prep:in", "prep:near", "prep:at")]
    if gov_dep == "nsubj" and gov.lemma_.lower() in ARRIVAL_VERBS and tok.lemma_.lower() in ARRIVAL_NOUNS \
            and not any(m.role in ("poss", "prep:by", "mod") for m in subjects):
        # "condemnation of the strike *came swiftly from Saudi Arabia*", "offers of help poured in from
        # Ankara": whom it came from made it (one party: the coder would pair two authors with each other)
        came_from = [m for c in children(gov) if c.dep_ == "prep" and c.lower_ == "from"
                     for p in children(c) if p.dep_ == "pobj" for m in expand(p, "prep:by")]
        if len(came_from) == 1:
            subjects.extend(came_from)
    if gov_dep == "dobj" and gov.lemma_.lower() in DRAW_VERBS:
        # "Iran's seizure of a tanker *drew condemnation from Athens*": Athens condemns,
        # and what drew it is what it is aimed at
        by = [m for c in children(gov) if c.dep_ == "prep" and c.lower_ == "from"
              for p in children(c) if p.dep_ == "pobj" for m in expand(p, "prep:by")]
        if not by and not any(m.role in ("poss", "prep:by") for m in subjects):
            # ("prompted *a rebuke from the European Union*": the parser hangs who reacts on the noun)
            by = [replace(m, role="prep:by") for m in preps if m.role == "prep:from" and m.depth == 0]
        if by:
            subjects.extend(by)
            drew, _ = _subjects(gov)
            preps = list(preps) + [replace(m, role="prep:of", depth=1) for m in drew]
    elif gov.pos_ in ("VERB", "AUX") and (gov_dep in ("dobj", "pobj:in", "pobj:with") or gov_dep == "attr" and gov.lemma_ == "be"
                                         or gov_dep in FRAMING_DEPS and tok.lemma_.lower() in FRAMING_NOUNS
                                         and any(c.dep_ == "prep" and c.lower_ in ("to", "with") for c in children(tok))
                                         # ("after a visit to Minsk *by a U.S. envoy*": the visit is the envoy's)
                                         and not (gov_dep in AFTER_DEPS and subjects)):
        gov_subjects, _ = _subjects(gov)
    if gov_dep == "pobj:in" and gov.dep_ == "ROOT" and gov.pos_ in ("PROPN", "NOUN") and not gov_subjects:
        # a headline's "Ghana *in talks with* IMF over loan": the verbless root is who is in them, as if "is"
        gov_subjects = expand(gov, "subj")
        headline_be = True
    else:
        headline_be = False
    framing_call = gov.pos_ in ("VERB", "AUX") and gov_dep in ("pobj:in", "pobj:during") \
        and tok.lemma_.lower() in CALL_NOUNS
    if framing_call and not any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in children(tok)):
        # "*in a telephone call*, Macron urged Pezeshkian to ...": the call is with whom the clause addresses
        preps = list(preps) + [replace(m, role="prep:with") for c in children(gov)
                               if c.dep_ in ("dobj", "dative") for m in expand(c, "prep:with")]
    return Candidate(
        kind="noun",
        subjects=tuple(subjects + [replace(m, role="gov_subj", depth=1) for m in gov_subjects]),
        objects=(),
        obj_lemmas=tuple(_lemmas(subtree(tok))),
        comp_lemmas=(),
        ccomp_aux=(),
        prep_lemmas=tuple(c.lower_ for c in children(tok) if c.dep_ == "prep"),
        pobj_lemmas=(),
        xcomp=None,
        particle=None,
        passive=False,
        # a call that frames the clause is not what its verb acts on ("urged ... in a phone call")
        governor="be" if headline_be else gov.lemma_.lower() if gov.i != tok.i and not framing_call else None,
        governor_dep="pobj:during" if framing_call else gov_dep,  # "in a call" frames as "during a call" does
        nested_in=nested_in,
        later=Deferred(_NOUN_LATER, (tok, preps, gov, sent, sent_cands)),
        **flags,
        **_base(tok, key, s_i, sent, reporting, quotes, (tok.doc[tok.i - 2 : tok.i + 1].text if start != tok.idx else tok.text), start, tok.idx + len(tok.text)),
    )


def iter_sentences(doc) -> Iterable[tuple[int, int, str]]:
    for sent in doc.sents:
        yield sent.start_char, sent.end_char, sent.text
