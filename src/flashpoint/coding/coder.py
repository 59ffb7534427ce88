"""From event candidates to coded events.

The coder walks a document's candidates in order, keeping a little state
(the actors seen so far, for pronouns and "the alliance"; who accused whom,
for denials), resolves source and target through the actor knowledge base,
picks a CAMEO code from the pattern dictionary, and judges modality.
It is pure: the same candidates give the same events.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial

from ..actors.civil import civil_name
from ..actors.surnames import TITLES, earlier_person
from ..lookup_memo import UNSETTLED
from ..nlp.extract import CHARGE_DEPS, CHARGE_GOVERNORS, CONDITION_INTENT, FRAMING_DEPS, STAKE_BREAK, Candidate, Mention
from ..types import Actor, Quantity
from . import targets as targeting
from .backrefs import act_nouns, definite_backrefs, latest_told, member_blocs
from .generic_country import (ARMED_NON_STATE, UNPLACED_HEADS, avoided_countries, clause_place_country, deep_place_country,
                              generic_context, scene_setting, settlement_names)
from .patterns import Pattern, PatternSet
from .background import BackgroundRule, without_background, without_prior
from .targets import EXECUTION_LEMMAS, TargetChain, TargetQuery, party, same_actor, slot_mentions

# Definite descriptions that point back to an earlier actor of a kind (data/backrefs.yaml).
DEFINITE_BACKREFS = definite_backrefs()
# Security institutions whose members a bare "officers" or "personnel" in their own words are.
MEMBERS_SECTORS = frozenset({"POL", "MIL", "SPY"})
# Heads that name a leader's followers: "his men" of a militia leader are the militia.
FOLLOWER_HEADS = {"man", "fighter", "force", "troop", "militia", "militiaman", "loyalist", "gunman", "follower"}
GROUP_PRONOUNS = {"they"}  # "them" is as often the latest object ("swore in 17 ministers. He told them")
PERSON_PRONOUNS = {"he", "his", "him", "she", "her"}
# Named-entity labels of a name that is an actor even when the knowledge base does not know it.
UNKNOWN_ACTOR_ENTS = {"PERSON", "ORG", "NORP"}
THING_PRONOUNS = {"it", "its", "they", "their", "them"}
FIRST_PERSON = {"we", "our", "us", "i", "my"}
SOURCE_ROLES = ("subj", "agent", "instr", "poss", "mod", "prep:by", "gov_subj")
# A noun event takes the subject of the verb it hangs off only for light verbs
# ("launched an attack"), not for others ("condemned the attack").
NOUN_OWN_SOURCE_ROLES = ("poss", "mod", "prep:by")
MAX_ACTORS_PER_SIDE = 4
DECISION_VERBS = {"agree", "decide", "vote", "resolve", "announce"}
TAKEN_DECISIONS = {"decide", "vote", "resolve"}
# Verbs that carry an event noun without meaning much of their own ("*engaged in*
# fighting", "*launched* an offensive", "*held* talks"): their subject does the act.
LIGHT_VERBS = {"engage", "launch", "carry", "conduct", "stage", "hold", "wage", "mount", "make", "take", "give",
               "issue", "pay", "deliver", "sign", "reach", "begin", "start", "continue", "resume", "step",
               "intensify", "escalate", "announce", "order", "lead", "impose", "unleash", "undertake",
               "perform", "execute", "initiate", "open", "join", "extend", "offer", "provide", "lodge", "file",
               "renew", "reiterate", "repeat", "voice", "redouble", "press", "complete", "finish", "accelerate",
               # "Israel *responded* with air strikes": what one answers with, one does
               "respond", "retaliate", "react", "reply"}
# Heads of streets and roads named after a people or a country ("Spanish Town Road", "Rue de France").
STREET_HEADS = frozenset({"road", "street", "avenue", "boulevard", "lane", "highway", "rue", "avenida", "calle", "strasse"})
# "the two leaders", "both sides": the last two parties told.
CONSULT_ROOT = "04"
# How many sentences back "the two leaders" looks for the exchange whose parties they are.
PAIR_LOOKBACK = 3
# The kind of party a pair phrase names: leaders and ministers are people, governments states.
PAIR_PERSON_WORDS = frozenset({"leaders", "ministers", "presidents", "men", "leader", "president"})
PAIR_STATE_WORDS = frozenset({"countries", "governments", "nations", "neighbours", "neighbors", "country",
                              "government", "nation"})
# Visits and meetings whose other side is a visitor's "host" (data/backrefs.yaml, kind ``host``).
HOST_CODES = ("042", "043", "044", "040", "036")
# Meetings that bring two parties together, told either way ("hosted", "visited", "held talks with").
MEETING_CODES = frozenset({"040", "041", "042", "043", "044", "046"})
# "each side blamed the other": the same two, each acting on the other.
# ("two men" with no article tells new people, victims or suspects: "a strike killed two men")
PAIR_BACKREF = re.compile(r"^(?:(?:the two|both) (?:leaders|sides|countries|governments|nations|ministers|"
                          r"presidents|delegations|parties|neighbours|neighbors|rivals|men|foreign ministers|"
                          r"heads of state|heads of government|prime ministers|premiers|defence ministers|"
                          r"defense ministers|governments|states|capitals)"
                          r"|each (?:side|country|government|party|army|camp|nation|leader)"
                          r"|the (?:pair|duo))$")  # "The pair signed an accord"
# Expelling or deporting people (174): told in the passive, the country they were sent from did it.
EXPULSION_CODE = "174"
EXTRADITION_CODE = "063"  # "was extradited from Spain": judicial cooperation by the state the person leaves
# Statement tones: the content's words narrow a statement to a pessimistic (012) or
# optimistic (013) comment, or a policy option weighed (014). Such a comment is an
# event of its own even where its content carries another.
STATEMENT_TONES = (
    ("012", frozenset({"concern", "concerned", "worry", "worried", "doubt", "doubtful", "skeptical", "sceptical",
                       "pessimistic", "alarm", "alarmed", "fear", "warn", "troubled", "dismay", "regret",
                       "unlikely", "bleak", "grim", "gloomy", "slim", "caution", "fragile",
                       # "said she was disappointed by the US decision", "was frustrated with the talks"
                       "disappointed", "be disappoint", "be disappointed", "frustrated", "be frustrate",
                       "be frustrated"})),
    ("013", frozenset({"confident", "hopeful", "optimistic", "hope", "optimism", "upbeat", "encouraged",
                       "positive", "promising",
                       # "said it was encouraged / heartened / reassured by ...": the passive's lemma after
                       # "be" (an active "would only encourage Moscow" is no optimism)
                       "be encourage", "be hearten", "be heartened", "be reassure", "be reassured", "be buoy",
                       "be buoyed", "feel encourage", "feel reassure", "feel reassured",
                       # "said he was pleased with the progress of talks", "satisfied with": content (session 22)
                       "pleased", "satisfied", "delighted", "be please", "be satisfy", "be delight"})),
    ("014", frozenset({"consider", "considering", "weigh", "weighing", "study", "studying", "explore", "mull"})),
    # "said its thoughts were with the people of Mozambique": sympathy (018);
    # "said it was of one mind with Eritrea", "on the same page as Rabat": accord (019)
    ("018", frozenset({"thought be", "prayer be", "heart go", "condolence",
                       # "said he was saddened by the deaths of migrants" (session 22)
                       "saddened", "be sadden", "be saddened", "heartbroken", "grieve"})),
    ("019", frozenset({"one mind", "same page", "like-minded"})),
)
# Doubt denied is certainty: "said it had no doubt that", "there is little doubt", "never doubted".
# Hope denied is pessimism (012): "saw little hope of a breakthrough", "no hope for the talks",
# "was not optimistic about" ("never lost hope" is left alone: no loss word is read).
NO_HOPE = re.compile(r"\b(?:(?:no|little|scant|dim|faint|without(?: any)?)\s+(?:real\s+|great\s+|much\s+)?"
                     r"(?:hope|optimism)\b|not\s+(?:very\s+|too\s+|particularly\s+)?(?:optimistic|hopeful|pleased|satisfied|happy)\b)", re.I)
NO_DOUBT = re.compile(r"\b(?:no|little|without(?: any)?|never|not|beyond(?: any)?)\s+(?:a\s+|any\s+|the\s+slightest\s+)?doubt", re.I)
ACT_HEADS = {"move", "act", "action", "step", "decision", "claim", "allegation", "accusation", "charge",
             "violence", "killing", "crackdown", "attack", "strike", "raid", "use", "plan", "proposal", "remark",
             "timeline", "timetable", "deal", "ultimatum", "verdict", "ruling", "sentence", "law", "ban",
             "revenge", "retaliation", "retribution", "vengeance", "reprisal", "punishment",
             # what a state did, told back as a thing: "condemned *the launch*", "denounced *the closures*"
             "launch", "test", "closure", "measure", "conviction", "detention", "execution", "shutdown",
             "suspension", "expulsion", "seizure", "annexation", "incursion", "jailing", "policy", "order",
             # "called *the cutoff* an unfriendly step"; "rejected *that account*": what the other side said
             "cutoff", "cut-off", "account", "version",
             # "called *the pause* regrettable", "condemned *the freeze*": of aid, talks, cooperation
             "pause", "freeze",
             # "welcomed *the gesture*", "rebuffed *the overture*" (backrefs.yaml acts)
             "gesture", "overture"}
# A bare public statement (CAMEO 010): the data's catch-all statement pattern (01.yaml,
# id "statement"), used when no other pattern gives the verb a code.
BARE_STATEMENT = "statement"
# Crowds told by their size ("Thousands marched in Tbilisi").
CROWD_COUNTS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
                          "tens", "scores", "crowd", "crowds"})
# Exchanges that need a partner: with none named they are no event (business news).
PARTNER_CODES = ("061",)
# The sector a pattern's ``source_sector`` names for a country told by its name ("Japan",
# "Tokyo"), which acts as its state.
STATE_SECTOR = "STATE"
# Verbal acts (statements, appeals, accusations, rejections, threats): a speaker can do them.
VERBAL_ROOTS = {"01", "02", "03", "04", "05", "09", "10", "11", "12", "13"}
# Acts coded with an unnamed doer ("three soldiers were killed"): force and coercion,
# as ACLED and GDELT record them; a support or aid whose giver is unnamed is no event.
UNNAMED_AGENT_ROOTS = {"17", "18", "19", "20"}
# Of those, the acts whose unnamed doer takes the country where they happened
# (bombings, assassinations: CAMEO's note on 1833; see Coder._unnamed_doer).
UNNAMED_LOCATED_ROOTS = {"18"}
# "in protest of the arrest", "in retaliation for the killing", "in response to the raid":
# an act named as the grounds of another is told as background, not as news of its own.
GROUNDS_NOUNS = frozenset({"protest", "defiance", "retaliation", "response", "reaction", "reprisal", "revenge"})
GROUNDS_DEPS = frozenset({"pobj:of", "pobj:against", "pobj:at", "pobj:for", "pobj:to", "pobj:over"})
# Verbs that say what a thing is (or is seen as): the noun they give it is a name, no act of its
# own ("called the plot *the gravest attack on democracy*", "described the raid *as an invasion*")
NAMING_GOVERNORS = frozenset({"call", "describe", "label", "term", "brand", "dub", "deem", "characterise",
                              "characterize", "denounce", "condemn", "decry", "regard", "see", "view"})
NAMING_DEPS = frozenset({"oprd", "pobj:as"})
# Acts a third party does between two others ("Egypt's mediation between Israel and
# Hamas"): the parties named "between" are its targets, not each other's.
THIRD_PARTY_CODES = frozenset({"039", "045"})
# Heads of role phrases that name one person ("Poland's foreign *minister*"): a later
# "he" or "she" can stand for them.
PERSON_HEADS = frozenset({"minister", "president", "premier", "chancellor", "king", "queen", "prince", "emir",
                          "sultan", "leader", "counterpart", "spokesman", "spokeswoman", "spokesperson", "envoy",
                          "ambassador", "secretary", "chief", "commander", "general", "governor", "mayor",
                          "senator", "lawmaker", "prosecutor", "judge", "official", "diplomat", "negotiator",
                          "chairman", "chairwoman", "speaker", "ayatollah", "pope", "cleric", "monarch",
                          # "Mary-Ellen McGroarty, the WFP's country director. She called ...": she is the director
                          "director", "coordinator", "representative", "adviser", "advisor", "commissioner",
                          "rapporteur", "administrator", "officer", "deputy", "attorney",
                          # "Congolese opposition figure Moise Katumbi ... He accused ...": a person too
                          "figure", "activist", "politician", "candidate", "dissident", "critic", "journalist",
                          "lawyer", "campaigner", "businessman", "businesswoman", "tycoon", "billionaire",
                          "warlord", "strongman"})
# Events whose "of" complement is an act they claim somebody did ("accused Y *of
# massing troops*", "denied any role *in the attack*"): that act is coded, nested.
CLAIM_ROOTS = ("11", "015", "016")
OWNING_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
DENIALS = ("016",)
# patterns of a doer owning an act ("said they were behind the bombing", 015): told by another
# speaker of a party, the same words accuse it (112)
CHARGED_CLAIMS = frozenset({"be-behind-act", "be-to-blame"})
# Weapons and fire told as the doer: "Russian *shelling* killed two civilians" is armed force.
FORCE_INSTRUMENTS = frozenset({"shelling", "airstrike", "strike", "missile", "rocket", "drone", "bombardment",
                               "artillery", "barrage", "shell", "mortar", "warplane", "jet", "gunship", "helicopter",
                               "aircraft", "bomber"})
# One office holder told by a title ("the army chief", "the intelligence chief", "a defence minister"):
# whatever the office's sector, a person who travels visits, as troops that arrive do not.
OFFICIAL_HEADS = frozenset({"chief", "minister", "commander", "general", "admiral", "marshal", "director", "head",
                            "envoy", "secretary", "spokesman", "spokeswoman", "chairman", "chairwoman", "president"})
OFFICIAL_SECTOR = "OFFICIAL"
# A person who blows himself up is no bomber aircraft: what he does is a suicide bombing (1831).
SUICIDE_BOMBER_SECTOR = "SUICIDE_BOMBER"
# Measures, markets and weather: what "hits" or "targets" someone as a subject without force.
MEASURE_HEADS = frozenset({"ban", "tariff", "duty", "levy", "sanction", "embargo", "boycott", "restriction", "measure",
                           "policy", "decision", "law", "rule", "regulation", "tax", "cut", "price", "cost", "inflation",
                           "shortage", "slowdown", "recession", "crisis", "drought", "flood", "storm", "cyclone",
                           "heatwave", "rise", "fall", "decline", "hike", "increase", "freeze", "curb", "quota"})
# Verbs of force that are as often figurative ("a campaign targeting Poland"): with no
# named doer they are not coded.
ABSTRACT_FORCE_LEMMAS = {"target", "hit", "affect", "threaten", "undermine",
                         # a state of war, not an episode: "the war in Ukraine has driven up prices"
                         "war", "conflict", "hostility", "insurgency", "violence", "unrest"}
# Words that make a doer an artist, whose "attacks" and "tours" are no political acts ("the
# Slovak novelist attacked the conventions of the genre"); as the one acted on they stay people
# of their country ("police detained a Turkish novelist").
ARTS_WORDS = frozenset({"novelist", "novelists", "drummer", "guitarist", "singer", "singers", "rapper", "songwriter",
                        "pianist", "violinist", "cellist", "composer", "conductor", "actor", "actress", "actors",
                        "filmmaker", "film-maker", "painter", "sculptor", "poet", "playwright", "comedian", "band",
                        "orchestra", "choir", "ballerina", "dancer", "dancers", "pop", "chef", "fashion"})
# Words that make a phrase name a sporting body or player ("Nigeria's football federation",
# "the Kenyan athletes"), and the sporting contests a clause may tell with words of force.
SPORT_WORDS = frozenset({"football", "soccer", "basketball", "cricket", "rugby", "tennis", "hockey", "baseball",
                         "volleyball", "handball", "athletics", "fifa", "uefa", "coach", "striker", "goalkeeper",
                         "midfielder", "defender's", "referee", "footballer", "footballers", "cricketer", "cricketers",
                         "athlete", "athletes", "sprinter", "sprinters", "boxer", "golfer", "olympic", "olympics",
                         "runner", "runners", "marathoner", "cyclist", "cyclists", "swimmer", "swimmers", "wrestler",
                         "wrestlers", "skier", "skiers", "jockey", "chess",
                         "batsman", "batsmen", "batter", "bowler", "bowlers", "pitcher", "quarterback", "winger",
                         "squad", "club's", "fc"})
CONTEST_LEMMAS = frozenset({"beat", "defeat", "thrash", "crush", "rout", "edge", "outclass", "outplay", "overcome",
                            "hammer", "trounce", "down", "stun", "upset", "eliminate", "knock", "draw", "tie",
                            "top", "win", "lose", "score", "sweep", "dominate"})
SPORT_CONTEXT = re.compile(r"\b(?:overtime|extra time|penalt(?:y|ies)|shoot-?out|qualifier|semi-?finals?|quarter-?finals?|"
                           r"league|cup|tournament|championship|derby|match|matches|innings|wickets?|goals?|"
                           r"grand slam|marathon|podium|medals?|sprint|finish line|season opener|playoffs?|kick-?off|t20|odi|twenty20|thriller|friendly|"
                           r"\d+-\d+)\b", re.IGNORECASE)
# The parts of a score the parser may take for an object ("beat Brazil 1-0": "0").
SCORE_PART = re.compile(r"[\d\s\u2013-]+")
# Heads of a subject that is a work, not a party: what it "attacks" or "condemns" is its theme.
ARTWORK_HEADS = frozenset({"film", "movie", "novel", "book", "documentary", "play", "song", "album", "memoir",
                           "poem", "painting", "exhibition", "series", "sitcom", "opera", "musical", "satire"})
# Heads of a subject that is goods, their trade or their price, not a party: what it "kills" or
# "hits" is figurative ("cheap Chinese steel is killing European mills", "imports are hurting farmers").
GOODS_HEADS = frozenset({"steel", "aluminium", "aluminum", "import", "export", "product", "goods", "commodity",
                         "price", "cost", "rice", "wheat", "grain", "sugar", "textile", "garment", "dumping",
                         "competition", "inflation", "glut", "oversupply", "overcapacity"})
# Who speaks in a statement must be a political actor: not bystanders, the press or business.
NON_POLITICAL_SECTORS = {"CVL", "MED", "BUS"}
# ... except a country's press that *reports* ("the Jerusalem Post reported that ...": ISRMED 010)
MEDIA_REPORTING = frozenset({"report"})
# An audience is no target of a statement ("told reporters").
AUDIENCE_HEADS = {"reporter", "journalist", "press", "media", "newsman", "correspondent", "audience",
                  "crowd", "supporter", "viewer", "listener", "parliament", "lawmaker", "conference", "briefing",
                  # "told senators that ...", "told students": a home audience, not the party addressed
                  "senator", "legislator", "deputy", "mp", "student", "delegate", "congress", "senate", "assembly"}


@dataclass
class CodedEvent:
    """A candidate that became an event, before dates, places and ids are attached."""

    cand_index: int
    pattern: Pattern
    code: str
    source: Actor
    target: Actor | None
    attribution: Actor | None
    negated: bool
    modality: str
    confidence: float
    nested: bool = False
    # told deeper inside an accusation's content than the act it names ("accused India of sponsoring
    # militants *who attacked* a bus"): it describes a party of the alleged act, and CAMEO's 112
    # "does not in any way imply that the alleged events have taken place"; kept only with --all
    alleged: bool = False
    statement: bool = False  # a bare public statement (what was said: 010, or its tone 012-014); see Event.statement
    target_via: str | None = None  # the target chain's strategy that found the target (coding/data/targets.yaml)

    @property
    def rule(self) -> str:
        """The pattern's rule, with the target strategy when it was not the pattern's own slots."""
        via = self.target_via
        return self.pattern.rule if via in (None, "slots") else f"{self.pattern.rule}>{via}"


@dataclass
class DocState:
    """What the coder remembers within one document."""

    actors: list[tuple[Actor, bool]] = field(default_factory=list)  # (actor, is_person)
    accusers: dict[str, Actor] = field(default_factory=dict)  # accused key -> accuser
    subject_country: str | None = None  # the latest named subject's, the article's main country before one
    subject_told: bool = False  # whether subject_country is a subject's, not the article's (generic_country.py)
    subject_person: Actor | None = None  # the latest person told as a subject: whom "he" most likely means
    countries: tuple[str, ...] = ()  # the article's countries, most mentioned first
    coded: dict[int, list[CodedEvent]] = field(default_factory=dict)
    by_token: dict[int, int] = field(default_factory=dict)  # trigger token index -> candidate index
    carrier_codes: dict[int, str] = field(default_factory=dict)  # candidate index -> its pattern's code
    speakers: dict[int, Actor] = field(default_factory=dict)  # quote index -> speaker
    pronoun_speakers: dict[int, list] = field(default_factory=dict)  # a pronoun speaker's offset -> its actors
    recent: list[tuple[int, Actor]] = field(default_factory=list)  # (sentence, source) of coded events
    claimants: set[str] = field(default_factory=set)  # keys of speakers whose statement was no event
    home_country: str | None = None  # the dateline's country (issue 10)
    clause_country: str | None = None  # where the current candidate's clause happens (issue 10)
    places: set[str] = field(default_factory=set)  # names the text introduces as places ("the town of Walikale")
    scenes: dict[int, str] = field(default_factory=dict)  # sentence -> country of its fronted place ("In Abeche, ...")
    group: tuple[Actor, ...] = ()  # the latest coordinated subject ("Kenya and Uganda"): whom "they" means
    guessed: set[Actor] = field(default_factory=set)  # unknown names given only the story's country
    speaking: tuple[Actor, ...] = ()  # the speakers of the current candidate's clause ("France and Germany said ...")
    sentence_places: dict[int, str] = field(default_factory=dict)  # sentence -> its first clause place's country
    cands: list = field(default_factory=list)  # the document's candidates (the topic strategy reads back)
    index: int = 0  # the candidate being coded
    not_parties: frozenset[str] = frozenset()  # while a target is sought: the acting parties (targets.party)
    told_at: list[int] = field(default_factory=list)  # the sentence start of each of ``actors``
    told_of: Callable[[], tuple] | None = None  # reads ``told`` when a back-reference first asks (backrefs.py)
    _told: tuple | None = None

    @property
    def told(self) -> tuple:
        """(start, actor) of every organisation and country the article names, read on first use:
        only a definite back-reference with no fitting party ("the alliance") needs them."""
        if self._told is None:
            self._told = self.told_of() if self.told_of is not None else ()
        return self._told

    def remember(self, actor: Actor, is_person: bool) -> None:
        self.actors.append((actor, is_person))
        self.told_at.append(self.cands[self.index].sent_start if self.cands else -1)
        if len(self.actors) > 50:
            del self.actors[:10]
            del self.told_at[:10]

    def last_two(self, kind: str = "any", sent: int | None = None) -> list[Actor]:
        """The pair "the two leaders", "both governments" stand for, oldest first: the two
        parties of the latest exchange told in the last few sentences (each acting on the
        other: "A met B"; or a visit or hosting, told one way), else the two latest distinct parties (by organisation or country)
        of the phrase's kind ("person" for leaders, "state" for governments), else of any kind.
        A party only named since ("Uganda's president was absent") does not break the pair."""
        for events in reversed(list(self.coded.values())):
            if sent is not None and events and self.cands and \
                    self.cands[events[0].cand_index].sent_index < sent - PAIR_LOOKBACK:
                break
            pairs = {(party(e.source), party(e.target)): e for e in events
                     if e.target is not None and not e.nested and party(e.source) != party(e.target)}
            for (a, b), e in pairs.items():
                # (a visit or a host's welcome is told one way: "France hosted Germany's chancellor")
                if ((b, a) in pairs or e.code[:2] == CONSULT_ROOT) and all(_of_kind(x, kind) for x in (e.source, e.target)):
                    return [e.source, e.target]
        story = self.story_pair(kind)
        if story:
            return story
        for wanted in dict.fromkeys((kind, "any")):
            found: list[Actor] = []
            for actor, is_person in reversed(self.actors):
                if (actor.country or actor.org) and _of_kind(actor, wanted, is_person) \
                        and all(party(actor) != party(a) for a in found):
                    found.append(actor)
                    if len(found) == 2:
                        return found[::-1]
        return []

    def story_pair(self, kind: str = "any") -> list[Actor]:
        """The two parties the story's coded events set against each other most often, either way
        ("the sharpest row between the two countries", "urged both sides to show restraint" after a
        strike, a charge and a counter-charge between them), when one pair is told twice or more and
        more often than any other; else []. A third party told since (a backer, a mediator) is not one of them."""
        tally: dict[frozenset, list] = {}
        for events in self.coded.values():
            for e in events:
                a, b = party(e.source), party(e.target) if e.target is not None else None
                if b is None or a == b or e.nested or not all(_of_kind(x, kind) for x in (e.source, e.target)):
                    continue
                tally.setdefault(frozenset((a, b)), []).append(e)
        ranked = sorted(tally.values(), key=len, reverse=True)
        if not ranked or len(ranked[0]) < 2 or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
            return []
        latest = ranked[0][-1]
        return [latest.source, latest.target]

    def last_meeting_pair(self) -> list[Actor]:
        """The two parties of the latest coded events, when those events were the two
        acting on each other ("A and B met ..."): whom a following "they" means."""
        for events in reversed(list(self.coded.values())):
            pairs = {(e.source.key, e.target.key): e for e in events if e.target is not None and not e.nested}
            for (a, b), e in pairs.items():
                if (b, a) in pairs:
                    return [e.source, e.target]
            # "Bolivia's president hosted his Peruvian counterpart. They signed ...": a visit
            # or a meeting told one way brings its two parties together all the same
            met = next((e for e in pairs.values() if e.code in MEETING_CODES and e.source.key != e.target.key), None)
            return [met.source, met.target] if met is not None else []
        return []

    def last(self, kind: str, skip: frozenset[str] = frozenset()) -> Actor | None:
        """The latest actor of ``kind`` told, not one of the parties ``skip`` names."""
        if kind == "host":
            return self.last_host()
        for actor, is_person in reversed(self.actors):
            if skip and party(actor) in skip:
                continue
            if kind == "person" and is_person:
                return actor
            if kind == "org" and actor.org:
                return actor  # a person who leads an organisation also stands for it
            if kind == "country" and actor.country and not actor.org and not is_person:
                return Actor(actor.text, actor.name, actor.country, None, actor.sector, actor.code)
            if kind == "thing" and not is_person:
                return actor
        return None

    def last_host(self) -> Actor | None:
        """Whom the latest visit or meeting told was with ("flew to Ankara. He urged his
        host ..."): its target's country."""
        for i in sorted(self.coded, reverse=True):
            for e in self.coded[i]:
                if e.code.startswith(HOST_CODES) and e.target is not None and e.target.country and not e.nested:
                    t = e.target
                    return Actor(t.text, t.name, t.country, None, None, t.country)
        return None


class Coder:
    """Codes the candidates of one document at a time."""

    def __init__(self, patterns: PatternSet, kb, ontology=None, open_actors: bool = False, gazetteer=None,
                 single_actor: bool = False, known_actors_only: bool = True) -> None:
        self.patterns = patterns
        self.kb = kb
        # LookupMemo.settled where the knowledge base is memoised (lookup_memo.py), else nothing
        self._settled = getattr(kb, "settled", None)
        self.ontology = ontology
        self.coded_sentences: set[int] = set()  # set by code_document
        # Places: force against a place names its country as the target ("shelled Kharkiv").
        self.gazetteer = gazetteer
        # Open actors: accept proper nouns the knowledge base does not know, and
        # generic actors with no country (for gold sets with fictional actors).
        self.open_actors = open_actors
        self.chain = TargetChain.load()
        self.background = BackgroundRule.load()
        self.statements = triggers(patterns).statements
        # a candidate's stake words (_stake_words), by the candidate object, for the document
        # being coded (emptied when it starts and when it is done): the targets, the code's
        # narrowing and its tone each ask for them
        self._stakes: dict[int, tuple[Candidate, frozenset[str]]] = {}
        # Single-actor events: a known source with no target named ("Russia threatened
        # to walk out of the talks"), as GDELT and PLOVER code them (on in the pipeline's
        # defaults; ``Settings.dyads_only`` turns them off).
        self.single_actor = single_actor
        # Unknown named actors: a person, group or organisation the knowledge base does
        # not know is still an actor, with its text (``Settings.known_actors_only`` off).
        self.known_actors_only = known_actors_only

    # -- actors -------------------------------------------------------------------
    def _resolve(self, m: Mention, when, state: DocState, in_quote: int | None, avoid: str | None = None) -> tuple[Actor | None, float]:
        """Resolve a mention to an actor; the float is a confidence factor."""
        if m.pronoun:
            if m.pronoun in FIRST_PERSON:
                sp = state.speakers.get(in_quote) if in_quote is not None else None
                return (self._retext(sp, m.text), 0.9) if sp else (None, 0.0)
            kind = "person" if m.pronoun in PERSON_PRONOUNS else "thing"
            found = state.last(kind)
            if kind == "person" and m.role == "subj" and state.subject_person is not None:
                found = state.subject_person  # "X met Y. He promised ...": he is X
            return (self._retext(found, m.text), 0.8) if found else (None, 0.0)
        if SPORT_WORDS.intersection(m.text.lower().split()):
            return None, 0.0  # "the head of Nigeria's football federation": sport, not politics
        if m.role in ("subj", "agent", "gov_subj") and ARTS_WORDS.intersection(m.text.lower().split()):
            return None, 0.0  # "the Slovak novelist attacked ...": the arts, not politics
        if m.proper and m.text in state.places and self.kb.is_capital(m.text):
            return None, 0.0  # "handed to prosecutors in the state of Sucre": a place the text names, no government
        if m.proper and m.head in STREET_HEADS and not self.kb.names_whole(m.text):
            # "opened fire on Spanish Town Road", "a rally on Avenida Brasil": a street, no party
            # (one the knowledge base lists whole is a metonym: "Downing Street said ...")
            return None, 0.0
        described = self._described(m, when, state, avoid)  # "the kingdom", "the Gulf state's army"
        if described is not None:
            return described, 0.8
        if m.possessor in PERSON_PRONOUNS and m.head in FOLLOWER_HEADS:
            followed = self._followers(state)  # "Hemedti said his men ...": the RSF
            if followed is not None:
                return self._retext(followed, m.text), 0.8
        if m.possessor in ("its", "their") and m.head in FOLLOWER_HEADS:
            group = state.last("thing")  # "The ELN said its fighters ...": the ELN's own
            if group is not None and group.org and group.sector in ("REB", "CRM"):
                return self._retext(group, m.text), 0.8
        if m.possessor in ("its", "their") and m.head in ORG_OFFICER_HEADS and m.role in ("subj", "gov_subj"):
            body = _recent_org(state)  # "The WHO said ... Its Africa director praised ...": the WHO's officer
            if body is not None:
                return self._retext(body, m.text), 0.8
        kind = DEFINITE_BACKREFS.get(m.text.lower())  # "the alliance", "the country"
        if kind is not None:
            found = latest_told(state, kind, state.not_parties, m.text)  # a party or any earlier mention
            own = self._member_bloc(m, found, when, state)  # "Slovakia accused the bloc": the EU
            if own is not None:
                return self._retext(own, m.text), 0.75
            if found is not None:
                return self._retext(found, m.text), 0.8
            # none told yet: the phrase as any other ("the militia" is the story's)
        else:
            described_group = self._described_group(m, when, state)  # "the al Qaeda-linked group"
            if described_group is not None:
                return described_group, 0.75
        context = None
        if m.possessor in PERSON_PRONOUNS | THING_PRONOUNS:
            owner = state.last("person") if m.possessor in PERSON_PRONOUNS else None
            owner = owner or state.last("thing")
            context = owner.country if owner else None
        elif m.possessor in FIRST_PERSON and in_quote is not None and in_quote in state.speakers:
            context = state.speakers[in_quote].country
        settled = self._settled(m.text, when) if context is None and self._settled is not None else UNSETTLED
        if settled is UNSETTLED and context is None and self._settled is not None:
            # the bare answer first (generic_context asks for it too): when no context can
            # change it, the context is not worked out (docs/PERFORMANCE.md)
            self.kb.resolve(m.text, when, None)
            settled = self._settled(m.text, when)
        if settled is not UNSETTLED and settled is not None:
            # no context can change the answer (lookup_memo.py): none is worked out
            res = settled
        else:
            if context is None:
                # A bare generic actor: clause place, home country, latest subject, never
                # the country named as the other side (coding/generic_country.py).
                context = generic_context(self.kb, m.text, when, state, avoid, self.gazetteer)
            res = self.kb.resolve(m.text, when, context)
        if res is not None and not _is_person(res) and (
                self.kb.first_name_of(m.text) if m.ent == "PERSON" else m.proper and self.kb.given_name_of(m.text)):
            # "Chad Smith said": a person whose first name is a country's (actors/kb.py); so is
            # "Israel Adesanya", whom the parser tags as two places, by his surname-like last word
            res = None
        res = self._speakers_members(res, state) or res  # "Police said officers had killed ...": police officers
        if m.proper and (res is None or not (res.actor.country or res.actor.org)):
            # "Graham" or "Senator Graham" after "Lindsey Graham": the one person named earlier with that surname
            earlier = earlier_person(m.text, [a for a, is_person in state.actors if is_person])
            if earlier is not None:
                state.remember(earlier, True)
                if m.role == "subj":
                    state.subject_person = earlier
                return self._retext(earlier, m.text), 0.9
            holder = self._officeholder(m, when, state)
            if holder is not None:
                return holder, 0.85
        if res is None:
            if self.open_actors and m.proper:
                return Actor(m.text, m.text), 0.6
            unknown = self._unknown_named(m, when, context, state.countries, state.places,
                                          state.home_country, state) or self._members_of_named(m, when, context, state)
            if unknown is not None:
                if unknown.country and unknown.sector is None:
                    state.guessed.add(unknown)
                state.remember(unknown, m.ent == "PERSON")
                return unknown, 0.6
            return None, 0.0
        actor = res.actor
        if actor.country is None and actor.org is None and m.head in UNPLACED_HEADS:
            # "Hackers breached the ministry's servers": doers of no country the text gives, an
            # unknown source as an unattributed act's (generic_country.py), not the victim's nation
            return Actor(m.text, "unknown", None, None, actor.sector, None), 0.6
        if actor.country is None and actor.org is None and not self.open_actors:
            return None, 0.0  # a generic actor with no country is not enough for a dyad
        # "West African leaders" are a group: "they", not "he"
        # "army spokesman Major General Winthai Suvaree": a name the model tags as a person's is
        # a person ("he") whatever office the knowledge base read from the title before it
        # a place or organisation the model tags PERSON ("Ankara demanded ...") stays a state or group
        named = m.ent == "PERSON" and not _is_place_or_org(res)
        person = _is_person(res) or (not m.plural and (m.head in PERSON_HEADS or named or _titled_name(m.text)))
        state.remember(actor, person)
        if person and m.role == "subj":
            state.subject_person = actor
        factor = 0.85 if _used_context(res) else 1.0  # only a country the context lent lowers it
        return actor, factor

    def _described(self, m: Mention, when, state: DocState, avoid: str | None = None) -> Actor | None:
        """A description of a state ("the kingdom", "the island nation's president"):
        the latest country told that it fits, else the story's own (dateline, clause
        place, most-mentioned), never the other side's; the knowledge base's
        descriptors say which fit."""
        if m.pronoun:
            return None
        fits = self.kb.described(m.text)
        if not fits:
            return None
        told = [a.country for a, _ in reversed(state.actors) if a.country and not a.org]
        country = next((c for c in (*told, state.home_country, state.clause_country, *state.countries)
                        if c in fits and c not in avoided_countries(avoid)), None)
        if country is None:
            return None
        res = self.kb.resolve(m.text, when, country)
        if res is None or res.actor.country is None:
            return None
        state.remember(res.actor, False)
        return res.actor

    @staticmethod
    def _speakers_members(res, state: DocState):
        """"The police said *officers* had killed a gang leader": members named by no
        institution of their own ("officers", "personnel", "units", agents.yaml's
        ``agent:members``) in the words of one speaking security institution (police,
        military, intelligence) are that institution's, not the military by default."""
        if res is None or res.entry_ids != ("agent:members",) or len(state.speaking) != 1:
            return None
        speaker = state.speaking[0]
        if speaker.sector not in MEMBERS_SECTORS or speaker.org or not speaker.country:
            return None
        a = res.actor
        if a.country not in (None, speaker.country) or not speaker.code:
            return None
        actor = Actor(a.text, a.name, speaker.country, None, speaker.sector, speaker.code)
        return replace(res, actor=actor, why=f"{res.why}; the speaking {speaker.sector} institution's members")

    def _member_bloc(self, m: Mention, found: Actor | None, when, state: DocState) -> Actor | None:
        """"the bloc" aimed at by (or acting on) a member state: the regional bloc that state
        belongs to (data/backrefs.yaml ``blocs``), when no bloc is told or the one told is another
        regional bloc the state is no member of; None leaves the back-reference as it is."""
        phrases, blocs = member_blocs()
        if m.text.lower() not in phrases or m.role in ("subj", "gov_subj") or not state.cands:
            return None
        subjects = [s for s in state.cands[state.index].subjects if s.role in ("subj", "gov_subj") and not s.pronoun]
        told = self.kb.resolve(subjects[0].text, when, None) if subjects else None
        member = told.actor.country if told is not None and not told.actor.org else None
        home = next((name for name, members in blocs.items() if member in members), None)
        if home is None:
            return None
        res = self.kb.resolve(home, when, None)
        if res is None:
            return None
        bloc_codes = {r.actor.code for r in (self.kb.resolve(n, when, None) for n in blocs) if r is not None}
        if found is not None and (found.code == res.actor.code or found.code not in bloc_codes):
            return None
        return res.actor

    def _described_group(self, m: Mention, when, state: DocState) -> Actor | None:
        """A definite description of a group told before ("the al Qaeda-linked group",
        "the militant group", "the Iran-backed militia"): its head is a back-reference word
        of an organisation (data/backrefs.yaml) and the knowledge base names no organisation
        in it, only a kind (REB) and perhaps a country; the latest organisation told of that
        kind and country is the group, else the phrase is resolved as any other."""
        words = m.text.lower().split()
        if m.pronoun or len(words) < 3 or words[0] != "the" or DEFINITE_BACKREFS.get(f"the {words[-1]}") != "org":
            return None
        found = state.last("org")
        if found is None:
            return None
        res = self.kb.resolve(m.text, when, None)
        if res is not None and (res.actor.org or res.actor.country not in (None, found.country)
                                or res.actor.sector not in (None, found.sector)):
            return None
        return self._retext(found, m.text)

    def _followers(self, state: DocState) -> Actor | None:
        """The organisation the latest person told leads, when it is an armed group or a gang."""
        leader = state.last("person")
        if leader is None or not leader.org or leader.sector not in ("REB", "CRM"):
            return None
        entry = self.kb.org_entry(leader.org)
        return Actor(leader.text, entry.name if entry else leader.name, leader.country, leader.org, leader.sector, leader.code)

    def _unknown_named(self, m: Mention, when, context: str | None, countries: tuple[str, ...] = (),
                       places: set[str] | frozenset[str] = frozenset(), story: str | None = None,
                       state: DocState | None = None) -> Actor | None:
        """A named person, group or organisation the knowledge base does not know
        ("Mohammed al-Sudani", "the Wagner Group"), kept as an actor with its text.
        Its country and sector come from the words around the name when the
        knowledge base knows them ("Iraqi Prime Minister ...", "opposition leader
        ..."), else its country is the story's (``story``: the dateline's; not the
        place its clause happens in, where a visitor meets his hosts), with no
        sector: a district commissioner quoted in a story from Mogadishu is
        Somali. A one-word name ("the
        Commission") is more often an institution told before by its full name
        than a new actor, so it gets no country this way. Places are never actors
        this way (the gazetteer places them)."""
        if self.known_actors_only or m.pronoun or not m.proper:
            return None
        words = m.text.split()
        # a name the tagger left unlabelled counts when it looks like one: two capitalised words or more
        # (with the particles inside names: "the Comandos de la Frontera")
        if m.ent not in UNKNOWN_ACTOR_ENTS and not (m.ent == "" and len(words) > 1 and all(
                w[:1].isupper() or (0 < i < len(words) - 1 and w in NAME_PARTICLES) for i, w in enumerate(words))) \
                and not self.kb.given_name_of(m.text):  # "Israel Adesanya", tagged as two places, is a person
            return None
        if len(m.text) < 3:
            return None  # "El" of "El Fasher" cut off by the parser
        if m.ent == "NORP" and m.text.islower():
            return None  # "the *trans*-Saharan pipeline": a people's word in lower case names no one
        if len(words) == 1 and m.plural and m.ent in ("ORG", "") and m.text.istitle() and m.head and m.head != m.text.lower():
            return None  # "*Locusts* invaded farmland": a plural common noun capitalised at the start
        if m.ent == "NORP" and len(words) == 1 and m.role in ("mod", "deep:mod"):
            return None  # "a *Turkic* summit", "an *Arab* summit in Riyadh": a people's word of no known party names none
        if self.gazetteer is not None and self.gazetteer.resolve(m.text) is not None:
            return None  # a place the parser took for a name ("shelled Kharkiv")
        if countries and _small_place_in(m.text, countries):
            return None  # a village or camp of the story's countries ("the Zamzam camp")
        if m.text in places:
            return None  # a name the text itself calls a place ("the town of Walikale")
        # The role words before the name: "Iraqi Prime Minister" of "Iraqi Prime Minister X Y".
        given = self.kb.first_name_of(m.text) if m.ent == "PERSON" else self.kb.given_name_of(m.text)
        for cut in range(len(words) - 1, 0, -1):
            if given is not None and words[cut - 1] == given:
                continue  # "Chad" of "Chad Smith" is his first name, not his country
            res = self.kb.resolve(" ".join(words[:cut]), when, context)
            if res is not None and (res.actor.country or res.actor.org):
                a = res.actor
                if a.sector is None and not a.org and civil_name(m.text):
                    return Actor(m.text, m.text, a.country, None, "NGO", (a.code or "") + "NGO")
                return Actor(m.text, m.text, a.country, a.org, a.sector, a.code)
        named = [w for w in words if w.lower() not in ("the", "a", "an")]
        # "the Sahel Rights Observatory", "Fundación Caminos": a civil-society body by its name's words
        civil = "NGO" if civil_name(m.text) else None
        armed = _armed_name(named) if civil is None and m.ent != "PERSON" and len(named) > 1 else None
        if armed is not None and state is not None:
            # "the Comandos de la Frontera attacked a police post in Putumayo": a group its name's
            # words call armed (or criminal) is placed as "rebels" (or "gangs") would be: the
            # clause's place, the dateline's, the latest subject's (generic_country.py)
            iso = generic_context(self.kb, "gangs" if armed == "CRM" else "rebels", when, state, None, self.gazetteer)
            entry = self.kb.country(iso) if iso else None
            if entry is not None:
                return Actor(m.text, m.text, iso, None, armed, self.kb.cameo_of(iso) + armed)
        entry = self.kb.country(story) if story and (m.ent == "PERSON" or len(named) > 1) else None
        if entry is not None:
            return Actor(m.text, m.text, story, None, civil, self.kb.cameo_of(story) + (civil or ""))
        return Actor(m.text, m.text, None, None, civil, civil)

    def _members_of_named(self, m: Mention, when, context: str | None, state: DocState) -> Actor | None:
        """"Members of the Kivu Salvation Front", "fighters from Jamaat Ahl al-Qura": people of a
        named group the knowledge base does not know are that group, kept as an unknown named
        actor (:meth:`_unknown_named`); fighters, militants and gunmen of it make it an armed group."""
        found = MEMBERS_OF_NAME.match(m.text)
        if found is None or m.pronoun:
            return None
        name = found.group("name")
        words = name.split()
        if not words or not all(w[:1].isupper() or w.rsplit("-", 1)[-1][:1].isupper()  # "al-Qura"
                                or (0 < i < len(words) - 1 and w in NAME_PARTICLES) for i, w in enumerate(words)):
            return None  # "members of the armed forces": no name
        group = replace(m, text=name, proper=True, ent="ORG", head=words[-1].lower(), plural=False, possessor=None)
        actor = self._unknown_named(group, when, context, state.countries, state.places, state.home_country, state)
        if actor is None:
            return None
        if actor.sector is None and actor.country and found.group("who").lower() in ARMED_MEMBER_WORDS:
            actor = replace(actor, sector="REB", code=self.kb.cameo_of(actor.country) + "REB")
        return replace(actor, text=m.text)

    def _officeholder(self, m: Mention, when, state: DocState) -> Actor | None:
        """"Sanchez hosted Lula *in Madrid*": a bare surname the knowledge base keeps out of
        its aliases (it is common) names the one officeholder of that surname in the country
        the clause takes place in, else in the story's home country."""
        words = m.text.replace(".", "").split()
        if not words or len(words) > 3 or any(w.lower() not in TITLES for w in words[:-1]):
            return None
        for country in dict.fromkeys(c for c in (state.clause_country, state.home_country) if c):
            entry = self.kb.officeholder(words[-1], country, when)
            if entry is not None:
                res = self.kb.resolve(entry.name, when)
                if res is not None and res.actor.country:
                    state.remember(res.actor, True)
                    if m.role == "subj":
                        state.subject_person = res.actor
                    return self._retext(res.actor, m.text)
        return None

    @staticmethod
    def _retext(actor: Actor | None, text: str) -> Actor | None:
        if actor is None:
            return None
        return Actor(text, actor.name, actor.country, actor.org, actor.sector, actor.code)

    def _actors(self, mentions, when, state, quote, limit=MAX_ACTORS_PER_SIDE, avoid=None,
                resolved: dict[int, Actor] | None = None) -> list[tuple[Actor, float]]:
        """The parties ``mentions`` name, at most ``limit``. ``resolved``, when given, is filled
        with the actor each mention resolved to, by ``id(mention)``: the list returned may
        merge one mention's actor with another's or leave it out."""
        out: list[tuple[Actor, float]] = []
        keys: set[str] = set()
        if len(mentions) > 1:
            mentions = self._apposed_titles(mentions, when)
        for m in mentions:
            if not m.proper and (PAIR_BACKREF.match(m.text.lower()) or (
                    m.pronoun and m.text.lower() == "they" and state.last_meeting_pair())):
                pair = state.last_meeting_pair() if m.pronoun else state.last_two(
                    _pair_kind(m.text), state.cands[state.index].sent_index if state.cands else None)
                out.extend((a, 0.75) for a in pair if a.key not in keys)
                keys.update(a.key for a in pair)
                continue
            if m.pronoun in GROUP_PRONOUNS and state.group:
                # "Kenya and Uganda held talks. They agreed ...": both parties
                out.extend((self._retext(a, m.text), 0.8) for a in state.group if a.key not in keys)
                keys.update(a.key for a in state.group)
                continue
            actor, factor = self._resolve(m, when, state, quote, avoid)
            if resolved is not None and actor is not None:
                resolved[id(m)] = actor
            if actor is not None and actor.key not in keys:
                keys.add(actor.key)
                out.append((actor, factor))
                if len(out) >= limit:
                    break
        if any((a.country or a.org) and a not in state.guessed for a, _ in out):
            # "summoned Niger's ambassador Brah Mohamane": a name the knowledge base does
            # not know, beside a known party on the same side, is that party told again
            # (or a bystander), not a second party of its own.
            out = [(a, f) for a, f in out if ((a.country or a.org) and a not in state.guessed) or _placeholder(a)]
        if out and all(m.role == "subj" and not m.pronoun for m in mentions) and (len(out) > 1 or any(m.plural for m in mentions)):
            # the latest plural subject is whom "they" means ("Japan criticised the pact" does not
            # change who "they" are after "Russia and China signed it")
            state.group = tuple(a for a, _ in out)
        return out

    def _apposed_titles(self, mentions, when) -> list:
        """"Colombia's defence minister, Pedro Sanchez, said ...", "Pedro Sanchez, Colombia's
        defence minister": a known person's name set beside a title of another country is
        that title's person, as "Colombian Defence Minister Pedro Sanchez" is (actors/resolve.py),
        so the two are read as one phrase, title first; so is one beside a title of another office
        ("Abdel Fattah al-Burhan, the army chief": the army's chief)."""
        out = list(mentions)
        k = 0
        while k < len(out) - 1:
            a, b = out[k], out[k + 1]
            same = a.role == b.role or (a.role, b.role) == ("obj", "appos")  # "met Pedro Sanchez, Colombia's ..."
            if a.pronoun or b.pronoun or not same or not 0 <= b.start - a.end <= 2:  # ", " between
                k += 1
                continue
            merged = None
            for title, name in ((a, b), (b, a)):
                alone = self.kb.resolve(name.text, when) if name.proper else None
                if alone is None or not _is_person(alone):
                    continue
                both = self.kb.resolve(f"{title.text} {name.text}", when)
                if both is not None and both.actor.country and (
                        both.actor.country != alone.actor.country or both.actor.sector != alone.actor.sector):
                    # another country's title, or an office of his own country the title names
                    # ("Abdel Fattah al-Burhan, the army chief": MIL, actors/resolve.py rule 15)
                    merged = replace(a, text=f"{title.text} {name.text}", proper=True, ent="PERSON")
                    break
            if merged is not None:
                out[k:k + 2] = [merged]
            k += 1
        return out

    def _named_country(self, mentions, home: str | None = None) -> str | None:
        """The country of the first proper name among ``mentions``, if any (a name with
        its title beside it read as one: "Pedro Sanchez, Colombia's defence minister"); else,
        in a story filed from ``home``, of a generic party whose own words name another country
        ("gave *French troops* until midnight to leave": a foreign side, not the subject's)."""
        for m in (self._apposed_titles(mentions, None) if len(mentions) > 1 else mentions):
            if m.proper and not m.pronoun:
                res = self.kb.resolve(m.text, None, None)
                if res is not None and res.actor.country:
                    a = res.actor
                    if a.org is None and a.sector is None and m.head and m.head not in a.name.lower():
                        # "said *the Union of Democratic Forces of Guinea* had incited violence": a body
                        # named after its country (read as the country) is a party at home, no foreign side
                        continue
                    return a.country
        if home is not None:
            for m in mentions:
                if not m.proper and not m.pronoun:
                    res = self.kb.resolve(m.text, None, None)
                    if res is not None and res.actor.country and res.actor.country != home:
                        return res.actor.country
        return None

    def _names_an_act(self, m: Mention) -> bool:
        """An event or act ("the attack", "the move", "the accusation"), not a party."""
        return not m.proper and not m.pronoun and (
            m.head in self.patterns.noun_lemmas or m.head in ACT_HEADS or self._names_no_party(m))

    @staticmethod
    def _audience(pattern: Pattern, m: Mention) -> bool:
        """An audience ("told reporters") is no target of a statement."""
        return pattern.statement and m.head in AUDIENCE_HEADS

    def _names_no_party(self, m: Mention) -> bool:
        """A thing or an act ("military aid", "a new offensive"), or a generic
        modifier ("*military* aid"): only a country, organisation or person word
        inside it ("*Turkey's* efforts", "*Israeli* policies") makes it a party."""
        thing = m.head in self.patterns.thing_heads or (m.role.endswith(":mod") and not m.proper)
        if not thing:
            return False
        res = self.kb.resolve(m.text, None, None)
        return res is None or (res.actor.country is None and res.actor.org is None)

    def _country_actor(self, text: str, iso3: str) -> Actor:
        """A whole country as an actor, named as the knowledge base names it."""
        entry = self.kb.country(iso3)
        return Actor(text, entry.name if entry is not None else iso3, iso3, None, None,
                     getattr(entry, "cameo", None) or iso3)

    def _government_of(self, country: str, when, factor: float) -> list[tuple[Actor, float]]:
        """The government of ``country`` as an implicit target."""
        res = self.kb.resolve("government", when, country)
        return [(self._retext(res.actor, "(implicit)"), factor)] if res is not None and res.actor.country == country else []

    def _place_country(self, cand: Candidate, state: DocState,
                       roles: tuple[str, ...] = ("prep:in", "prep:at", "prep:outside")) -> str | None:
        """The country of a place the trigger itself is said to happen in ("in Baghdad"), or
        of the place its ``roles`` name ("deported *from Ghana*")."""
        if self.gazetteer is None:
            return None
        for m in cand.preps:
            if m.role in roles and m.proper and not m.pronoun and m.depth == 0:
                place = self.gazetteer.resolve(m.text, state.countries)
                if place is not None and place.country:
                    return place.country
        return None

    def _unnamed_doer(self, cand: Candidate, pattern: Pattern, state: DocState) -> Actor:
        """The stand-in for the doer of an act the text does not attribute.

        A bombing, assassination or other unconventional violence (root 18) by nobody
        named is coded with the country where it happened as its source, as CAMEO
        does ("reports of such attacks can rarely credibly identify the actors
        responsible ..., the particular locations of such attacks are typically coded
        as source actors": the codebook on 1833). The actor stays the ``unknown``
        placeholder, with that country. Other acts, and attacks told with no place,
        keep an unknown source with no country.
        """
        country = None
        if self._final_code(pattern, cand)[:2] in UNNAMED_LOCATED_ROOTS:
            country = (self._place_country(cand, state) or state.clause_country
                       or deep_place_country(cand.clause, self.gazetteer, state.countries))
        if country is None:
            return Actor("(unknown)", "unknown")
        return Actor("(unknown)", "unknown", country, None, None, None)

    def _venue_country(self, cand: Candidate, state: DocState) -> str | None:
        """The country of the place an "in" or "at" phrase hung on the trigger puts a meeting in,
        or an "in" phrase hung, as the parse often does, on its object ("met Croatia's premier
        *in Geneva*"; the object's "at" phrases are not among a verb's ``preps``)."""
        if self.gazetteer is None:
            return None
        return next((c for c in self._place_countries([m for m in cand.preps if m.role in ("prep:in", "prep:at")], state)
                     if c), None)

    def _place_countries(self, mentions: list[Mention], state: DocState) -> Iterator[str | None]:
        """The country of each place named by ``mentions`` (proper names, no pronoun) that the
        gazetteer knows, in order (a meeting's "in" and "at" phrases: :meth:`_venue_country`, :meth:`_hosted_by`)."""
        for m in mentions:
            if m.proper and not m.pronoun:
                place = self.gazetteer.resolve(m.text, state.countries)
                if place is not None:
                    yield place.country

    def _hosted_by(self, cand: Candidate, target: Actor, state: DocState) -> bool:
        """Whether the target is the country of the place the meeting is in."""
        if not target.country or target.org or target.sector not in (None, "GOV") or self.gazetteer is None:
            return False
        return target.country in self._place_countries(
            [m for m in (*cand.preps, *cand.deep) if m.role.split(":")[-1] in ("in", "at")], state)

    # -- modality -----------------------------------------------------------------
    def _modality(self, cand: Candidate, source: Actor, attribution: Actor | None, historical: Callable[[], bool]) -> str:
        """``historical`` is asked only when needed: it dates the candidate (pipeline.py)."""
        if cand.hypothetical:
            return "hypothetical"
        if cand.future:
            return "future"
        if historical():
            return "historical"
        if attribution is not None and not _speaks_for(attribution, source):
            return "reported"
        return "asserted"

    def _refusal(self, cand: Candidate, code: str) -> Candidate:
        """"will not release", "would not meet": a stated refusal, not a negated act.

        The candidate is marked for :meth:`_intent_code` to map its cooperative
        code to the matching rejection code; a plain past negation ("did not
        meet") stays a negated event.
        """
        stated = cand.negated and not cand.refused and (cand.future or cand.hypothetical)
        refused = cand.refused and not cand.negated  # "refused to meet", "failed to reach an agreement"
        if not (cand.kind == "verb" and (stated or refused)):
            return cand
        if code[:2] == BACKING_ROOT and cand.lemma in STANDING_IDIOM:
            return cand  # "will not stand by while ... is overthrown": an idiom that warns, no backing withheld
        if not any(key in self.patterns.refusal for key in (code, code[:3], code[:2])):
            return cand
        return replace(cand, negated=False, refused=False, future=False, hypothetical=False, intent="refusal")

    def _intent_code(self, code: str, cand: Candidate) -> str:
        if cand.intent == "refusal":
            for key in (code, code[:3], code[:2]):
                if key in self.patterns.refusal:
                    return self.patterns.refusal[key]
            return code
        if cand.intent == CONDITION_INTENT and cand.future and code[:2] in CONDITIONAL_THREAT_ROOTS:
            # "said it would veto the bid unless ...": a hostile act stated on a condition is a threat
            return next((self.patterns.intent[k] for k in (code, code[:3], code[:2]) if k in self.patterns.intent),
                        GENERIC_THREAT)
        if not cand.future or cand.hypothetical or (cand.kind == "noun" and cand.intent is None):
            return code
        if cand.intent in DECISION_VERBS and code[:2] >= "09":
            return code  # "agreed to broaden sanctions" is a decision, not a threat
        if cand.intent in TAKEN_DECISIONS:
            return code  # "Japan decided to ease sanctions": the easing is decided, not just intended
        intent = self.patterns.intent
        for key in (code, code[:3], code[:2]):
            if key in intent:
                return intent[key]
        return code

    def _answer_by_purpose(self, cand: Candidate, sectors) -> Pattern | None:
        """An answer announced whose purpose the parse hung on the verb as an adverbial clause, not
        as its complement ("will take military-technical steps *to counter* the deployment"): matched
        with the purpose clause's words as its complement, by a pattern told only of the future."""
        return self.patterns.future_only.match(
            cand.kind, cand.lemma, cand.obj_lemmas, cand.prep_lemmas, cand.pobj_lemmas, cand.xcomp, cand.particle,
            cand.governor, cand.comp_lemmas + tuple(cand.stake_lemmas), cand.ccomp_aux, sectors, "future")

    def _statement_tone(self, cand: Candidate) -> str | None:
        words = self._stake_words(cand) | set(cand.obj_lemmas) | set(cand.comp_lemmas)
        if NO_DOUBT.search(cand.clause):
            words -= {"doubt", "doubtful"}  # "had no doubt that ...", "left little doubt": certainty, no pessimism
        if NO_HOPE.search(cand.clause):
            return "012"
        return next((code for code, cues in STATEMENT_TONES if not cues.isdisjoint(words)), None)

    def _stake_words(self, cand: Candidate) -> frozenset[str]:
        """:func:`_stake_words` of ``cand``, worked out once per candidate object while a
        document is coded (the object is kept with its answer, so its id stays its own)."""
        got = self._stakes.get(id(cand))
        if got is None or got[0] is not cand:
            got = self._stakes[id(cand)] = (cand, _stake_words(cand))
        return got[1]

    def narrowed_code(self, code: str, cand: Candidate) -> str:
        """A pattern's code narrowed by what is at stake, before any intent form."""
        return self.patterns.refine(code, self._stake_words(cand))

    def _final_code(self, pattern: Pattern, cand: Candidate) -> str:
        """The pattern's code narrowed by what is at stake, moved to its intent,
        threat or refusal form, and narrowed again in that form ("will give
        *military* aid": 07 -> 033 -> 0332)."""
        if pattern.code == CONFISCATE and _takes_a_place(cand):
            pattern = replace(pattern, code=OCCUPY)
        if not pattern.refine:
            return self._intent_code(pattern.code, cand)
        stake = self._stake_words(cand)
        code = self._intent_code(self.patterns.refine(pattern.code, stake), cand)
        return self.patterns.refine(code, stake)

    # -- the document -------------------------------------------------------------
    def code_document(
        self,
        cands: list[Candidate],
        when: date | None,
        historical: dict[int, bool] | None = None,
        countries: tuple[str, ...] = (),
        home: str | None = None,
        told: Callable[[], tuple] | None = None,
    ) -> list[CodedEvent]:
        # Generic actors ("police", "the defence ministry") take the country of the
        # latest named subject, or the article's main country before there is one.
        self._stakes = {}
        state = DocState(subject_country=countries[0] if countries else None, countries=tuple(countries),
                         home_country=home, cands=cands, told_of=told)
        state.by_token = {c.token_i: k for k, c in enumerate(cands)}
        out: list[CodedEvent] = []
        charged: set[int] = set()  # sentences whose act is only what a charge names
        historical = historical or {}
        used_nouns: set[int] = set()
        # a clause's place, scene and settlement names, read once per clause (its candidates share them)
        clause_facts: dict[str, tuple[str | None, bool, set[str]]] = {}
        for i, cand in enumerate(cands):
            state.index = i
            facts = clause_facts.get(cand.clause)
            if facts is None:
                country = clause_place_country(cand.clause, self.kb, self.gazetteer, state.countries)
                facts = clause_facts[cand.clause] = (country, bool(country) and scene_setting(cand.clause),
                                                     settlement_names(cand.clause))
            state.clause_country = facts[0]
            if facts[1]:
                state.scenes[cand.sent_index] = state.clause_country
            if state.clause_country:
                state.sentence_places.setdefault(cand.sent_index, state.clause_country)
            state.clause_country = state.clause_country or state.scenes.get(cand.sent_index)
            state.places.update(facts[2])
            # Speakers first: they are context for "we" inside their quote.
            attribution = None
            state.speaking = ()
            if cand.speakers:
                # a pronoun speaker ("It said it regretted Uganda's decision and called for ...") is who
                # it was when its reporting verb was first read, not a party its clause named since
                memo = cand.speakers[0].start if cand.speakers[0].pronoun else None
                got = state.pronoun_speakers.get(memo) if memo is not None else None
                if got is None:
                    got = self._actors(cand.speakers, when, state, None)
                    if memo is not None and got:
                        state.pronoun_speakers[memo] = got
                if got:
                    attribution = got[0][0]
                    state.speaking = tuple(a for a, _ in got)
            if cand.quote is not None:
                if attribution is not None and cand.quote not in state.speakers:
                    state.speakers[cand.quote] = attribution
                attribution = attribution or state.speakers.get(cand.quote)
            if cand.kind == "noun" and cand.token_i in used_nouns and len(slot_mentions(cand, "prep:between")) < 2:
                continue  # the verb coded it ("imposed sanctions on X"), unless it has parties of its own
            if cand.kind == "noun" and cand.intent and _offered_to_others(cand):
                continue  # "Switzerland offered to host talks between Russia and Ukraine": only offered, by a third party
            if cand.demanded:
                if cand.kind == "noun" and cand.governor in CHARGE_GOVERNORS and cand.governor_dep in CHARGE_DEPS:
                    charged.add(cand.sent_start)  # "were charged with arson": read, no act for the back-off to guess
                continue  # the appeal or demand above it is the event
            if cand.kind == "noun" and cand.governor in NAMING_GOVERNORS and cand.governor_dep in NAMING_DEPS:
                continue  # "called the plan *an attack on democracy*": what the plan is called, not an attack
            if cand.kind == "noun" and cand.governor in GROUNDS_NOUNS and cand.governor_dep in GROUNDS_DEPS:
                continue  # "a strike in protest of the arrest of their leader": what the act answers, told as its grounds
            if (cand.lemma in CONTEST_LEMMAS and SPORT_CONTEXT.search(cand.clause)
                    and all(m.proper or SCORE_PART.fullmatch(m.text) for m in cand.objects)):
                continue  # "Georgia Tech beat Virginia in overtime", "beat Brazil 1-0": a game ("police beat protesters" is not)
            if cand.kind == "verb" and any(m.role == "subj" and not m.proper and m.head in ARTWORK_HEADS
                                           for m in cand.subjects):
                continue  # "the director's new film attacks the hypocrisy of the elite": a work's theme, no act
            if cand.kind == "verb" and not cand.passive and any(m.role == "subj" and m.head in GOODS_HEADS
                                                                and m.ent != "PERSON" for m in cand.subjects):
                continue  # "cheap Chinese steel is killing European mills": goods do no political act
            if _claimed_back(cand) and any(e.code[:2] in FORCE_ROOTS for evs in state.coded.values() for e in evs):
                continue  # "claimed responsibility for the attack": the claim is the event, the attack told before
            sectors = ()
            if cand.lemma in self.patterns.sector_lemmas.get(cand.kind, ()):
                subs = [m for m in cand.subjects if m.role in ("subj", "agent", "instr", "poss", "mod", "prep:by")]
                resolved: dict[int, Actor] = {}
                sectors = tuple(a.sector for a, _ in self._actors(subs, when, state, cand.quote, resolved=resolved)
                                if a.sector)
                if any(a.country and not a.sector and not a.org for a in (resolved.get(id(m)) for m in subs if m.proper)
                       if a is not None):
                    sectors += (STATE_SECTOR,)  # a country told by its name acts as its state ("Japan protests ...")
                if any(m.head == "bomber" and "suicide" in m.text.lower() for m in subs):
                    sectors += (SUICIDE_BOMBER_SECTOR,)  # "a suicide bomber killed 14 people": a bombing (18.yaml)
                elif any(m.head in FORCE_INSTRUMENTS for m in subs):
                    sectors += ("MIL",)  # "Russian shelling killed two civilians": armed force did it
                if any(m.head in OFFICIAL_HEADS and not m.plural for m in subs):
                    sectors += (OFFICIAL_SECTOR,)  # "Chad's army chief flew to Paris": one official travels, no troops
            told = "negated" if cand.negated else "future" if cand.future or cand.hypothetical else "done"
            pattern = self.patterns.match(
                cand.kind, cand.lemma, cand.obj_lemmas, cand.prep_lemmas, cand.pobj_lemmas,
                cand.xcomp, cand.particle, cand.governor, cand.comp_lemmas, cand.ccomp_aux, sectors, told,
            )
            if pattern is None and told == "future" and cand.kind == "verb" and cand.lemma in self.patterns.future_only.verbs:
                pattern = self._answer_by_purpose(cand, sectors)
            if pattern is None:
                # public statements and comments (root 01), matched apart from the events
                pattern = self.statements.match(
                    cand.kind, cand.lemma, cand.obj_lemmas, cand.prep_lemmas, cand.pobj_lemmas,
                    cand.xcomp, cand.particle, cand.governor, cand.comp_lemmas, cand.ccomp_aux, sectors, told,
                )
            if pattern is None:
                self._note_subjects(cand, when, state)
                continue
            if pattern.when == "negated":
                # "did not rule out force": the negation is the act, told now
                cand = replace(cand, negated=False, future=False, hypothetical=False, refused=False)
            if cand.intent and _coded_with_governor(cand, self._intent_code(pattern.code, cand), cands, state.coded):
                continue  # "decided to resign": the deciding verb's pattern coded the pair (0341), not a resignation
            if cand.intent == "threaten" and pattern.code[:2] in THREATENED_YIELDS:
                continue  # "threatened to resign", "threatened to release them": the threat is the event, no intent to yield
            cand = self._refusal(_conditional_threat(cand, pattern.code), pattern.code)
            events = self._code_one(i, cand, pattern, when, state, attribution, partial(historical.get, i, False))
            if cand.kind == "verb" and any(not e.statement or _light_statement(e.pattern) for e in events):
                # ("announced the deployment of troops": a statement leaves its object's event to the noun)
                used_nouns.update(_object_token_hint(cands, i))
            state.coded[i] = events
            state.carrier_codes[i] = pattern.code
            state.recent.extend((cand.sent_index, e.source) for e in events if not e.nested)
            if not events and pattern.statement and cand.kind == "verb":
                # "Peskov said Kherson remained part of Russia. Ukraine rejected the claim.": a
                # statement about its own side is no event, but its speaker made a claim.
                speaker = self._subject_actor(cand, when, state)
                if speaker is not None and (speaker.country or speaker.org):
                    state.recent.append((cand.sent_index, speaker))
                    state.claimants.add(speaker.key)
            out.extend(events)
        # every sentence the rules coded, whether or not its events stand (a headline restated
        # by its lead is coded, then merged away): the back-off leaves these alone
        # (a statement to nobody in particular excepted: the back-off may still read an act
        # there, which then replaces it)
        # (and a statement told with its noun, which says plainly that a statement was all)
        self.coded_sentences = {cands[e.cand_index].sent_start for e in out
                                if not (e.statement and e.target is None and not _light_statement(e.pattern))} | charged
        out = without_background(out, cands, self.background)
        out = _without_unnamed_beside_named(_without_carried_statements(out, cands), cands)
        out = _without_one_sided_after_dyad(_without_mediated_talks(out, cands), cands)
        out = _without_verdict_beside_term(out, cands)
        events = without_prior(_once_per_sentence(_without_subsumed(out, cands), cands), cands, self.background)
        self._stakes = {}  # (the answers hold their candidates, and these the parse: none kept past the document)
        return events

    def _conjuncts_country(self, subs: list[Mention], when) -> str | None:
        """The country a subject's first conjunct names by its own words ("*Chinese* fighter jets
        and warships"), when the others are bare generic nouns; else None."""
        if len(subs) < 2 or any(m.proper or m.pronoun or m.role != "subj" for m in subs):
            return None
        first = self.kb.resolve(subs[0].text, when, None)  # no context: what the words alone say
        if first is None or not first.actor.country or _used_context(first):
            return None
        # the others must name no country of their own ("Israeli tanks and Palestinian gunmen")
        for m in subs[1:]:
            other = self.kb.resolve(m.text, when, None)
            if other is not None and other.actor.country:
                return None
        return first.actor.country

    def _subject_actor(self, cand: Candidate, when, state: DocState) -> Actor | None:
        """The actor of the candidate's grammatical subject, if one resolves."""
        got = self._actors([m for m in cand.subjects if m.role == "subj"], when, state, cand.quote, limit=1)
        return got[0][0] if got else None

    def _note_subjects(self, cand: Candidate, when, state: DocState) -> None:
        actor = self._subject_actor(cand, when, state)
        if actor is not None and actor.country:
            state.subject_country, state.subject_told = actor.country, True

    def _code_one(self, i, cand, pattern, when, state, attribution, historical) -> list[CodedEvent]:
        nested = cand.nested_in is not None and cand.nested_in in state.coded
        if nested and not state.coded[cand.nested_in] \
                and not state.carrier_codes.get(cand.nested_in, "").startswith(CLAIM_ROOTS):
            # "the signing *of a gas deal between Azerbaijan and Romania*": an act whose
            # carrier named no party is coded on its own
            nested = False
        if nested and cand.governor_dep in ("pobj:over", "pobj:for") and not any(
                e.code.startswith(ACCUSING_ROOT) and e.target is not None for e in state.coded[cand.nested_in][:1]):
            # an arrest a grievance is "over" is its target's only when it has one: else coded on its own
            nested = False
        if nested:
            parent = state.coded[cand.nested_in]
            if parent and not parent[0].code.startswith(CLAIM_ROOTS):
                return []  # "Japan's offer *of aid*": what was offered, coded with the offer
            if not parent or parent[0].target is None:
                return []
            if parent[0].code.startswith(ACCUSE) and pattern.code[:2] in ALLEGED_VIOLENCE_ROOTS:
                # "the army accused the RSF *of killing* 40 civilians", "accused Moscow of shelling a
                # hospital": violence an accusation alleges is its content (CAMEO codes the accusation,
                # 1121-1124 by the kind of act alleged), not a second event of the accusation's day; the
                # act, when news, is told on its own with its own date. A posture alleged ("accused
                # Poland of a military build-up on the border") stays nested, as claims (015) and
                # denials (016) keep theirs.
                return []
            # "X accused Y of a build-up": Y did it, to X unless the noun names a target.
            sources = [(parent[0].target, 0.9)]
            targets, via = self.chain.find(self, TargetQuery(cand, pattern, sources, state, when, True, parent[0].source))
            if via == "accuser" and cand.governor_dep in ("pobj:over", "pobj:for") and not any(
                    m.role == "prep:of" and (m.possessor or "").lower() in OWNING_PRONOUNS for m in cand.preps):
                # "condemned Egypt for the jailing *of a blogger*": the one jailed is not the critic, unless
                # the act befell the critic's own ("over the detention *of its* diplomat"): the doer's own people
                doer = sources[0][0].country
                targets, via = ([(self._country_actor("(own country)", doer), 0.6)], "own_country") if doer else ([], None)
            if parent[0].code.startswith(ACCUSING_ROOT) and pattern.code[:2] in HELPING_ROOTS \
                    and (not targets or all(same_actor(t, parent[0].source) for t, _ in targets)):
                # "expelled a Russian diplomat, accusing him of *helping* to organise protests": help
                # alleged names no one helped; it is no aid, cooperation or appeal to the accuser
                return []
            attribution = parent[0].source
        else:
            # (a visit or meeting that frames the clause is its subject's: "pledged aid *during a visit to Kenya*")
            roles = SOURCE_ROLES if cand.kind == "verb" or cand.governor in pattern.governor \
                or cand.governor in LIGHT_VERBS or cand.governor_dep in FRAMING_DEPS else NOUN_OWN_SOURCE_ROLES
            subs = [m for m in cand.subjects if m.role in roles and not (pattern.victim_subject and m.role == "subj")]
            if pattern.code[:2] in FORCE_ROOTS and cand.lemma in ABSTRACT_FORCE_LEMMAS and subs \
                    and all(m.head in MEASURE_HEADS for m in subs):
                # "India's ban on rice exports hit buyers", "new US tariffs hit Chinese exporters": a measure
                # or a market that hits someone uses no force
                return []
            if pattern.victim_subject and not subs and not pattern.implicit_source:
                # "Armenian troops came under fire *from Azerbaijani positions*": whom the fire came from
                subs = [m for c in (cand, *_under_nouns(state.cands, state.index)) for m in (*c.preps, *c.deep)
                        if m.role in ("prep:from", "deep:from") and not m.pronoun][:1]
            # "China held drills off Taiwan. The exercises were a warning": the act told before
            # is the warning, by its doer, aimed at its target
            told = self._told_act(cand, state)
            if told is not None:
                sources = [(told.source, 0.8)]
            elif cand.speakers and subs and all(m.pronoun in THING_PRONOUNS for m in subs):
                # "the junta said it would ...": "it" is the speaker; when the speaker is
                # no known actor, an older actor is no better guess. "France and Germany said
                # they would send ...": each of several speakers does it.
                speaking = state.speaking if len(state.speaking) > 1 and subs[0].pronoun in GROUP_PRONOUNS else (attribution,)
                sources = [(self._retext(a, subs[0].text), 0.85) for a in speaking] if attribution is not None else []
            else:
                # "Chinese fighter jets and warships": a bare conjunct is of the country its
                # first conjunct names, not of the place the clause tells ("around Taiwan")
                conjunct_country = self._conjuncts_country(subs, when)
                if subs and not any(m.proper or m.pronoun for m in subs):
                    # "In Niamey, thousands of junta supporters marched": a generic
                    # subject is in the country where its clause happens.
                    state.subject_country = conjunct_country or self._place_country(cand, state) or state.subject_country
                # A generic subject is not in the country its own clause names as the
                # other side ("the junta accused France": not the French junta).
                own_place = state.clause_country
                if own_place is None and targeting.is_participle(cand):
                    # "Gunmen on the Venezuelan bank fired on a patrol, wounding three soldiers": the
                    # subject an -ing clause shares with its sentence's verb is where that verb's clause is
                    state.clause_country = state.sentence_places.get(cand.sent_index)
                if conjunct_country:
                    state.clause_country = conjunct_country
                sources = self._actors(subs, when, state, cand.quote, avoid=self._named_country(cand.objects, state.home_country))
                if sources and len(subs) == 1 and subs[0].pronoun and cand.lemma in self.patterns.reporting:
                    state.pronoun_speakers.setdefault(subs[0].start, sources)  # "It said ...": who "It" is
                state.clause_country = own_place
            if not sources and subs and attribution is not None and (cand.kind == "verb" or cand.governor == "be") and not cand.passive \
                    and pattern.code[:2] in VERBAL_ROOTS and not any(m.proper or m.pronoun for m in subs) \
                    and not (cand.kind == "verb" and pattern.code[:2] == THREAT_ROOT and all(self._names_an_act(m) for m in subs)):
                # ("saying *the closure threatened* supplies of fuel": an act that endangers something threatens nobody;
                # a show told as a message, "the exercises were a message to Washington", still warns for the speaker)
                # "the ministry said the attack was an internal matter, and accused Bujumbura ...":
                # the parser lent the verbal act a thing for subject; the speaker does it.
                sources = [(self._retext(attribution, attribution.text), 0.8)]
            if not sources and not subs and attribution is not None and cand.kind == "noun" and cand.governor == "be" \
                    and pattern.code in DENIALS:
                # "said there was no truth to the reports": a denial whose clause has no subject but "there" is the speaker's
                sources = [(self._retext(attribution, attribution.text), 0.8)]
            if not sources and not subs and cand.kind == "verb" and not cand.passive \
                    and pattern.code not in MEETING_CODES:  # ("went to Seoul to discuss ...": the trip is the meeting)
                sources = self._trip_purpose_doer(cand, state)
            if not sources and cand.kind == "verb" and cand.passive:
                # "UK troops sent to Poland": the theme's country sends them.
                theme = self._actors(cand.objects, when, state, cand.quote, limit=1)
                # (an officer extradited does not extradite himself: "a Peruvian army officer was extradited")
                if theme and pattern.code[:2] in ("06", "07", "15") and theme[0][0].sector in ("MIL", "POL") \
                        and not pattern.code.startswith(EXTRADITION_CODE):
                    sources = theme
                    cand = _without_objects(cand)
            if not sources and pattern.implicit_source and (cand.passive or cand.kind == "noun" or pattern.victim_subject) \
                    and not any(m.role == "agent" for m in cand.subjects):
                # "Fifty protesters were arrested": the police did it, in the story's country.
                # "... was arrested in Lebanon": the police of the place where it happened
                place = self._place_country(cand, state)
                if place is None and pattern.victim_subject:
                    # "two Azerbaijani brothers died in custody after a police raid in Novosibirsk": the
                    # police of the place the clause names, not of the victims' nationality
                    place = deep_place_country(cand.clause, self.gazetteer, state.countries)
                res = self.kb.resolve(pattern.implicit_source, when, place or state.clause_country or state.subject_country)
                if res is not None and (res.actor.country or self.open_actors):
                    a = res.actor
                    sources = [(Actor("(implicit)", a.name, a.country, a.org, a.sector, a.code), 0.6)]
            if not sources and cand.kind == "verb" and cand.passive and attribution is not None \
                    and (pattern.code.startswith("114") or pattern.code[:2] in ("16", "17") or cand.lemma in EXECUTION_LEMMAS) \
                    and attribution.country and (attribution.sector in STATE_FORCE_SECTORS
                                                 or (attribution.sector == "JUD" and cand.lemma in EXECUTION_LEMMAS)) \
                    and not any(m.role == "agent" for m in cand.subjects):
                # "the minister said Kenya's envoy had been summoned", "said a curfew would be imposed":
                # a state's own administrative act told without its doer is the speaking state's,
                # unless what it befell is the speaker's own side ("said Russian diplomats had been expelled")
                theme = self._actors(cand.objects, when, state, cand.quote, limit=1)
                if not theme or theme[0][0].country != attribution.country or pattern.code[:3] in ("172",):
                    sources = [(self._retext(attribution, attribution.text), 0.6)]
            if not sources and pattern.code[:2] == "14" and subs and all(m.head in CROWD_COUNTS for m in subs):
                # "Thousands marched in Tbilisi": a crowd told by its size is the people where it marched
                res = self.kb.resolve("protesters", when, self._place_country(cand, state) or state.clause_country)
                if res is not None and res.actor.country:
                    a = res.actor
                    sources = [(Actor(subs[0].text, a.name, a.country, a.org, a.sector, a.code), 0.6)]
            if not sources and cand.passive and pattern.code.startswith((EXPULSION_CODE, EXTRADITION_CODE)) \
                    and not any(m.role == "agent" for m in cand.subjects):
                # "forty Nigerian traders were deported from Ghana": a state deports from its own land
                # (and extradites: "was extradited from Spain")
                country = self._place_country(cand, state, ("prep:from",))
                sources = self._government_of(country, when, 0.6) if country else []
            if not sources and (self.open_actors or (self.single_actor and pattern.code[:2] in UNNAMED_AGENT_ROOTS
                                                     and cand.lemma not in ABSTRACT_FORCE_LEMMAS)) \
                    and (cand.passive or cand.kind == "noun") and not any(m.role == "agent" for m in cand.subjects):
                # Open and single-actor modes code agentless reports ("grenades were hurled at ...",
                # "three soldiers were killed in a roadside bombing") with an unknown source.
                sources = [(self._unnamed_doer(cand, pattern, state), 0.5)]
            if pattern.joint and len({a.country for a, _ in sources if a.country}) > 1 \
                    and not slot_mentions(cand, "prep:with"):
                # "French and Egyptian warships launched war games": parties of several
                # countries do it together, each with the others (unless they do it "with"
                # another: "Russia and Ukraine signed separate agreements with Turkey")
                return self._symmetric(i, cand, replace(pattern, code=pattern.joint), sources, attribution, historical, state)
            if cand.kind == "noun" and pattern.code[:3] not in THIRD_PARTY_CODES and (
                    pattern.symmetric or pattern.joint or pattern.code in targeting.RECIPROCAL_CODES
                    or pattern.code[:2] in targeting.SYMMETRIC_ROOTS):
                # "clashes between the army and the RSF", "Egypt hosted negotiations between
                # Israel and Hamas": the parties named act on each other, whoever hosts.
                between = [m for m in cand.preps if m.role == "prep:between"]
                if not between and pattern.symmetric and pattern.code[:2] == "04":
                    # "a meeting *of Indian and Chinese ministers*": the parties of a meeting told by "of"
                    # meet each other (one party alone, "a meeting of NATO ministers", meets no one here)
                    between = [m for m in cand.preps if m.role == "prep:of" and m.depth == 0]
                sides = self._actors(between, when, state, cand.quote)
                if len(sides) == 1 and len(between) > 1:
                    # "clashes between police and protesters": two sides of one country, told apart by sector
                    sides = _by_sector([a for m in between for a in self._actors([m], when, state, cand.quote, limit=1)])
                if len(sides) > 1:
                    together = replace(pattern, code=pattern.joint) if pattern.joint else pattern
                    return self._symmetric(i, cand, together, sides, attribution, historical, state)
                if len(sides) == 1 and len(between) == 1 and between[0].plural and all(_placeholder(a) for a, _ in sources) \
                        and sides[0][0].sector not in STATE_FORCE_SECTORS:
                    # "a riot between rival gangs", "clashes between militias": one plural party, fighting among itself
                    # (a state force named alone is half of a pair the parse lost: "clashes between police ...")
                    sources = sides
            if not sources:
                return []
            targets, via = self.chain.find(self, TargetQuery(cand, pattern, sources, state, when))
            if via == "reaction" and subs and _own_state_reacts(subs, sources, targets):
                # "Russia fired missiles at Kyiv. The government condemned the attack": a generic
                # subject the context placed reacts to the act's author, so it is not of its country
                again = self._actors(subs, when, state, cand.quote, avoid=targets[0][0].country)
                if again and again[0][0].country not in (None, targets[0][0].country):
                    sources = again
            if told is not None and told.target is not None:
                targets, via = [(told.target, 0.7)], "told_act"
            summed = self._summed_act(cand, state) if not targets else None
            if summed is not None:
                # "Portugal recognised Palestine, a move Israel condemned": aimed at whoever made the move
                targets, via = [(summed.source, 0.7)], "summed_act"
            # the phrase that names the doer is never also whom the act is aimed at
            # ("the deployment *of 230 troops*")
            named = {a.text for a, _ in sources if not _placeholder(a)}
            targets = [(t, f) for t, f in targets if t.text not in named]
            if sources[0][0].country and cand.kind == "verb":
                # after the targets: a generic target is not its own event's source's by reference
                # ("gunmen ... wounding three soldiers": the soldiers are not the gunmen's)
                state.subject_country, state.subject_told = sources[0][0].country, True
            if via == targeting.RECIPROCAL:
                return self._symmetric(i, cand, pattern, sources, attribution, historical, state)
            if not self.open_actors and sources[0][0].name == "unknown" and not _known(targets):
                return []  # single-actor mode: one side may be missing, not both
        partnered = bool(pattern.joint) and _with_partner(cand, targets)
        if partnered:
            pattern = replace(pattern, code=pattern.joint)  # "held drills with Lithuania": done together
        if pattern.recipient_subject:
            # "Lebanon received supplies from Jordan": Jordan gave them to Lebanon.
            if not targets:
                return []
            sources, targets = targets, sources
        statement = pattern.code[:2] == "01"
        if statement:
            # A statement is an event only when a political actor makes it, and it is
            # about another party, not its own country ("Britain said British troops ...").
            own = {a.country for a, _ in sources}
            # (an armed group's claim or denial is about what it did to its own state: "Al-Shabaab
            # claimed a bombing that killed Somali soldiers")
            armed = pattern.code.startswith(("015", "016")) and all(a.sector in ARMED_NON_STATE for a, _ in sources)
            targets = [(t, f) for t, f in targets if t.org or t.country not in own or armed]
            sources = [(a, f) for a, f in sources if (a.country or a.org)
                       and (a.sector not in NON_POLITICAL_SECTORS
                            or (a.sector == "MED" and a.country and cand.lemma in MEDIA_REPORTING))
                       and not (pattern.id == BARE_STATEMENT and f < 1.0 and not nested and not targets)]
            if not sources:
                return []  # "officials said" about no one: a speaker only the context places says little
        if pattern.needs_target:
            # (whom a "received" names is a visitor only when a political party from another side:
            # "received a record number of foreign tourists" hosts no one)
            own = {a.country for a, _ in sources if a.country}
            targets = [(t, f) for t, f in targets if t.sector not in NON_POLITICAL_SECTORS
                       and (t.org or t.country not in own)]
        if pattern.target_org:
            # (the ICC's sector is JUD: its code, IGOWSTICC, says it is intergovernmental)
            targets = [(t, f) for t, f in targets if t.org and (t.sector == "IGO" or (t.code or "").startswith("IGO"))]
            if not targets:
                return []
        if pattern.finite and targeting.is_participle(cand):
            return []  # "..., joining Canada and the EU": alongside them, no membership
        if not targets and (pattern.needs_target
                            or not (pattern.no_target or self.open_actors or (self.single_actor and _stands_alone(sources)))):
            return []
        code = self._final_code(pattern, cand)
        if not targets and code.startswith(PARTNER_CODES):
            return []  # "Ghana exported a record amount of cocoa": trade with no partner is no event
        if not targets and code == "042" and cand.kind == "noun":
            return []  # "over a visit by Japanese lawmakers to the Yasukuni shrine": a visit with no host is none
        if pattern.id == BARE_STATEMENT:
            code = self._statement_tone(cand) or code
        if code == "044" and targets and self._hosted_by(cand, targets[0][0], state):
            code = "042"  # "attended a summit in Moscow": a meeting in the other side's country is a visit
        # "met in Geneva", "held talks in Doha": a meeting told in a third country's place (044)
        venue = self._venue_country(cand, state) if code == PLAIN_MEETING and targets else None
        events: list[CodedEvent] = []
        # the act an accusation names is coded with it (nested, reported); what is told deeper
        # inside it, describing a party of that act, is not counted
        alleged = not nested and any(state.coded.get(k) and state.coded[k][0].code.startswith(ACCUSING_ROOT)
                                     for k in cand.of_contents)
        # what a demand, an appeal or a threat asks for or threatens, at any depth, is that act's
        # content, not an act done ("demanded support in *regaining* control", "vowed to fight
        # until they *gain* control", "said the US must be ready to *mediate*")
        # (one that carries the act's own code stays: "threatened to *impose* tariffs" is the threat, 1312)
        alleged = alleged or (not nested and any(
            state.coded.get(k) and state.coded[k][0].code[:2] in CONTENT_ROOTS and not state.coded[k][0].statement
            and state.coded[k][0].code[:2] != self._final_code(pattern, cand)[:2]
            for k in (state.by_token.get(t) for t in cand.heads) if k is not None and k != i))
        for src, sf in sources:
            for tgt, tf in targets or [(None, 1.0)]:
                if code.startswith(VISIT_CODE) and _own_land(src, tgt):
                    continue  # "2,000 people attended the funeral in Dublin": a trip at home visits no one
                modality = "reported" if nested else self._modality(cand, src, attribution, historical)
                if nested and (cand.hypothetical or cand.future):
                    modality = self._modality(cand, src, attribution, historical)
                conf = pattern.confidence * sf * tf
                if attribution is not None and modality == "reported":
                    conf *= 0.95
                ev_code, ev_via = _at_home(code, src, tgt, pattern.id in DEPLOYMENTS, pattern.code == RETREAT), via
                if venue is not None and _third_place(venue, src, tgt):
                    ev_code = THIRD_PLACE_MEETING
                if tgt is not None and ev_code[:2] in STRUCK_ROOTS and _struck_capital(tgt, self.kb):
                    tgt = self._country_actor(tgt.text, tgt.country)  # "missiles struck Kyiv": the country, a place
                if ev_code != code and ev_code == HOME_DEPLOYMENT.get(code):
                    # "deployed riot police in Belgrade": police sent at home (153) are aimed at the
                    # state's own people, as a curfew is (own_country)
                    ev_code = self.patterns.refine(ev_code, self._stake_words(cand))
                    if tgt is None and ev_code in HOME_POLICE and src.country and not src.org:
                        tgt, ev_via = self._country_actor("(own country)", src.country), "own_country"
                ev = CodedEvent(
                    cand_index=i, pattern=pattern, code=ev_code, source=src, target=tgt,
                    target_via=ev_via if tgt else None,
                    attribution=attribution, negated=cand.negated or cand.refused,
                    modality=modality, confidence=round(min(max(conf, 0.05), 0.99), 3), nested=nested, alleged=alleged,
                    # only what was merely said is a statement (--no-statements): a denial,
                    # a claim of responsibility or condolences are acts PETRARCH codes too
                    # (and any bare 010 some other pattern gives: "a statement issued by the ministry")
                    statement=(statement and pattern.id == BARE_STATEMENT) or code == "010",
                )
                if pattern.id in CHARGED_CLAIMS and attribution is not None and (attribution.country or attribution.org) \
                        and not same_actor(attribution, src) and not _speaks_for(attribution, src):
                    # "Kenya said Somalia was behind the attack": a doer named by another is accused (112), not owning up
                    ev = replace(ev, code=ACCUSE, source=attribution, target=src, attribution=None, modality="asserted")
                events.append(ev)
                if (code in targeting.RECIPROCAL_CODES or partnered) and tgt is not None and not nested \
                        and (tgt.country or tgt.org):
                    events.append(replace(ev, source=tgt, target=src, confidence=round(ev.confidence * 0.9, 3)))
                if code[:2] == "11" and tgt is not None:
                    state.accusers[tgt.key] = src
        return events


    def _trip_purpose_doer(self, cand: Candidate, state: DocState) -> list[tuple[Actor, float]]:
        """"travelled to Tehran *to sign* a gas deal with Iran", "met Lula in Brasilia *to discuss* trade": a
        trip or meeting told with what it was for; the act it was for is done by whoever made the trip (the
        parse leaves the purpose clause without a subject). Only under a visit or meeting coded in the
        same clause chain: a purpose under other acts ("launched an offensive to retake the town") is aim,
        not deed."""
        if cand.clause.split()[:2] != ["to", cand.trigger]:
            return []  # a "to" clause of its own ("a day after the summit *ended*" is no purpose)
        k = state.by_token.get(cand.heads[0]) if cand.heads else None
        events = state.coded.get(k) if k is not None else None
        if not events or events[0].code not in MEETING_CODES or events[0].statement:
            return []
        return [(events[0].source, 0.8)]

    def _told_act(self, cand: Candidate, state: DocState) -> CodedEvent | None:
        """"The exercises were a warning": the act a noun told as what something *was* has for
        subject ("the exercises", "the launch", "the move"), when that names an act told just
        before; its latest event (not a statement) in this sentence or the two before."""
        if cand.kind != "noun" or cand.governor != "be":
            return None
        subs = [m for m in cand.subjects if m.role == "gov_subj"]
        if not subs or not all(self._names_an_act(m) for m in subs):
            return None
        # "the strikes were a warning": the latest strike told, however far back, before
        # whatever act was told last ("... after the kidnapping of a trader")
        # (the same word first: "struck" for "the strikes"; then any act of its kind)
        heads = {m.head for m in subs}
        roots = frozenset().union(*(act_nouns().get(h, frozenset()) for h in heads))
        for same_word in (True, False):
            for k in sorted(state.coded, reverse=True) if roots else ():
                if same_word and state.cands[k].lemma not in heads:
                    continue
                evs = [e for e in state.coded[k] if e.code[:2] in roots and not e.statement and not e.nested
                       and not e.negated and e.source is not None and e.source.name != "unknown"]
                if evs:
                    return max(evs, key=lambda e: (e.target is not None, e.confidence))
        for k in sorted(state.coded, reverse=True):
            evs = [e for e in state.coded[k] if not e.statement and not e.nested and not e.negated]
            if state.cands[k].sent_index < cand.sent_index - 2:
                break
            if evs:
                return max(evs, key=lambda e: (e.target is not None, e.confidence))
        return None

    def _summed_act(self, cand: Candidate, state: DocState) -> CodedEvent | None:
        """The event of the verb whose act the trigger's noun sums up ("recognised Palestine,
        *a move* Israel condemned"): its first coded event with a named source."""
        for verb in cand.summed_act:
            k = state.by_token.get(verb)
            evs = [e for e in state.coded.get(k, ()) if e.source is not None and not e.statement] if k is not None else []
            if evs:
                return evs[0]
        return None

    def _symmetric(self, i, cand, pattern, sources, attribution, historical, state: DocState) -> list[CodedEvent]:
        """"Israel and Lebanon renewed negotiations": each side acts toward the other."""
        code = self._final_code(pattern, cand)
        venue = self._venue_country(cand, state) if code == PLAIN_MEETING else None
        out = []
        for src, sf in sources:
            for tgt, tf in sources:
                if src.key == tgt.key and src.sector == tgt.sector:
                    continue
                out.append(CodedEvent(
                    cand_index=i, pattern=pattern, source=src, target=tgt,
                    code=THIRD_PLACE_MEETING if venue is not None and _third_place(venue, src, tgt) else code,
                    attribution=attribution, negated=cand.negated or cand.refused,
                    modality=self._modality(cand, src, attribution, historical),
                    confidence=round(min(max(pattern.confidence * sf * tf * 0.9, 0.05), 0.99), 3),
                ))
        return out


def _with_partner(cand: Candidate, targets: list[tuple[Actor, float]]) -> bool:
    """Whether a target is the partner the act is done "with" ("held drills *with Lithuania*")."""
    partners = {m.text for m in slot_mentions(cand, "prep:with")}
    return any(t.text in partners for t, _ in targets)


def _by_sector(actors: list[tuple[Actor, float]]) -> list[tuple[Actor, float]]:
    """Actors with one entry per party and sector (police and protesters of one country are two sides)."""
    seen: set[tuple[str, str | None]] = set()
    out = []
    for a, f in actors:
        if (a.key, a.sector) not in seen:
            seen.add((a.key, a.sector))
            out.append((a, f))
    return out


def _without_carried_statements(events: list[CodedEvent], cands: list[Candidate]) -> list[CodedEvent]:
    """Drop a statement whose content carries an event of its own: "Russia said it
    would send troops" is the troops (with the statement as their attribution), not
    also a statement. A speaker who does something else in the same sentence
    ("accused Poland ..., saying ...") makes no separate statement there either, and
    one speaker makes one statement per sentence (the one naming a target, if any). An act
    told only as when the statement was made ("spoke to reporters after arriving in
    Lisbon") leaves it standing."""
    carried = {cands[e.cand_index].reported_by for e in events if not e.statement}
    busy: dict[tuple[int, str], set] = {}  # (sentence, party) -> where its other acts hang (a time adjunct's verb)
    for e in events:
        if not e.statement:
            cand = cands[e.cand_index]
            for a in (e.source, e.attribution):
                if a is not None:
                    busy.setdefault((cand.sent_index, a.key), set()).add(cand.time_adjunct_of)
    kept: list[CodedEvent] = []
    said: set[tuple[int, str]] = set()
    ranked = sorted(range(len(events)), key=lambda k: (events[k].target is None, -events[k].confidence, k))
    drop = set()
    for k in ranked:
        e = events[k]
        if not e.statement:
            continue
        cand = cands[e.cand_index]
        key = (cand.sent_index, e.source.key)
        if e.code != "010":
            continue  # a comment with a tone (012, 013, ...) is an event of its own
        # "spoke to reporters *after arriving* in Lisbon": an act told as when the statement
        # was made is beside it, not what it says
        beside = busy.get(key, set()) == {cand.token_i}
        if cand.token_i in carried or (key in busy and not beside) or key in said:
            drop.add(k)
        else:
            said.add(key)
    kept = [e for k, e in enumerate(events) if k not in drop]
    return kept


# Verbal acts whose words are about another act: appeals, intents, praise, inquiries, demands,
# criticism, rejections, threats (not statements, not meetings, which are often only the frame).
ABOUT_ROOTS = frozenset({"02", "03", "05", "09", "10", "11", "12", "13"})
CONTENT_ROOTS = frozenset({"02", "10", "12", "13"})  # appeal, demand, reject, threaten: what they ask, refuse or threaten is not done
ACCUSING_ROOT = "11"  # disapprove: what an accusation or a criticism tells "of" someone beyond its act is not counted
ACCUSE = "112"  # accusations: what is alleged is coded with them (see _code_one's nested acts)
THREAT_ROOT = "13"
# ... and help alleged with no one helped named beside the accuser: what the accusation says, no act
HELPING_ROOTS = frozenset({"02", "03", "04", "05", "07", "08"})  # (not 06: troops sent, alleged, are a build-up)
ALLEGED_VIOLENCE_ROOTS = frozenset({"18", "19", "20"})  # ... except violence alleged: the accusation's content only


# Military cooperation with one's own country is a deployment at home: force posture.
HOME_DEPLOYMENT = {"062": "154"}
CIVIL_ORG_SECTORS = frozenset({"IGO", "NGO"})  # their teams sent with no partner are no build-up
HOME_POLICE = frozenset({"153"})  # police mobilised at home: at the state's own people
DEPLOYMENTS = frozenset({"send-troops", "send-troops-alongside"})  # patterns of troops sent: with no partner, a build-up
# A withdrawal from an international organisation is no retreat: it ends the diplomatic exchange
# membership is (CAMEO 161: "terminate diplomatic exchange"), as quitting or leaving one does
# ("announced their withdrawal from ECOWAS", "pulled out of the bloc").
# A withdrawal told as to come is a threat to end it (CAMEO 1313), not an intent to de-escalate (0356).
FROM_ORGANISATION = {"0874": "161", "0356": "1313"}
RETREAT = "0874"


# Force used on a capital city strikes the country there, not its government: "Russian drones
# attacked Kyiv", "jets bombed Kabul" (a capital is its government only as a speaker or decider:
# "Kyiv rejected the offer"). PETRARCH's city entries name the bare country too.
STRUCK_ROOTS = frozenset({"18", "19", "20"})


def _struck_capital(target: Actor, kb) -> bool:
    """The target is a capital's name alone, resolved to its government."""
    return target.sector == "GOV" and not target.org and bool(target.country) and kb.is_capital(target.text)


def _at_home(code: str, source: Actor, target: Actor | None, deployment: bool = False, retreat: bool = False) -> str:
    """"Ethiopia sent troops to the Amhara region": troops sent within their own country
    cooperate with nobody; they increase the armed forces there (154), as CAMEO codes it.
    So do troops deployed with no partner named (``deployment``: "the army deployed 5,000
    soldiers to the port city", "troops were deployed along the coast"). An organisation of states
    or a rights group sending a team, monitors or a mission builds up no force ("the OAS sent a
    team to the river")."""
    if code in HOME_DEPLOYMENT and ((target is not None and not target.org and source.country
                                     and target.country == source.country)
                                    or (deployment and target is None and source.sector not in CIVIL_ORG_SECTORS)):
        return HOME_DEPLOYMENT[code]
    if retreat and code in FROM_ORGANISATION and target is not None and target.org and target.sector == "IGO":
        return FROM_ORGANISATION[code]
    return code


# Seizing a place is occupying territory (CAMEO 192: "seize control of a territory using armed
# forces"), not confiscating property (1711): "seized Mosul", "seized the capital Sanaa".
CONFISCATE, OCCUPY = "1711", "192"
PLACE_ENTS = frozenset({"GPE", "LOC"})


# A meeting (040) held in a country neither side is of is a meeting at a third location
# (CAMEO 044: "meet at a third location"); one in either side's own country stays 040.
PLAIN_MEETING, THIRD_PLACE_MEETING = "040", "044"


def _third_place(venue: str, source: Actor, target: Actor | None) -> bool:
    """Both sides are of named countries (not organisations) and the venue is of neither."""
    return target is not None and not source.org and not target.org and bool(source.country) \
        and bool(target.country) and venue not in (source.country, target.country)


# Backing told as withheld is a rejection (modality.yaml refusal "05"), except "will not stand (or sit) by
# while ...", which says the speaker will act.
BACKING_ROOT, STANDING_IDIOM = "05", frozenset({"stand", "sit"})


def _takes_a_place(cand: Candidate) -> bool:
    """The direct object names a place: a city, region or country by name, or a capital."""
    return any(m.role == "obj" and (m.ent in PLACE_ENTS or m.head == "capital") for m in cand.objects)


# Visits (042): people, press or business visiting their own country make no event between parties.
VISIT_CODE = "042"
# State forces: one named alone after "between" is half of a pair, not a party fighting itself.
STATE_FORCE_SECTORS = frozenset({"POL", "MIL", "GOV", "SPY"})


def _own_land(source: Actor, target: Actor | None) -> bool:
    """A non-political source ("2,000 people attended the funeral in Dublin") and, as target, the
    country it belongs to, bare or as its government (a place of that country names it so)."""
    return target is not None and source.sector in NON_POLITICAL_SECTORS and bool(source.country) \
        and target.country == source.country and not target.org and target.sector in (None, "GOV")


def _light_statement(pattern: Pattern) -> bool:
    """A bare statement told by its noun, with or without a light verb ("issued a statement",
    "made remarks", "held a news conference", "in a statement"): a statement like any
    other, so when its speaker does something in the same sentence ("issued a statement
    condemning the raid"), the act is the event (:func:`_without_carried_statements`)."""
    return pattern.code == "010" and pattern.trigger_form in ("light", "noun")


def _without_unnamed_beside_named(events: list[CodedEvent], cands: list[Candidate]) -> list[CodedEvent]:
    """Drop an act by nobody named (the ``unknown`` stand-in) told after a named doer's
    verbal act (appeal, demand, criticism ...: ``ABOUT_ROOTS``) in the same sentence:
    "the Pope called for an end to the fighting", "demanded an admission that forces murdered officers". What follows the named doer's
    verb is what its act is about. An unnamed act told first ("an air strike destroyed a
    clinic run by a charity"), one beside a material act ("protesters rallied, and clashes
    broke out") and one whose sentence names no doer ("clashes erupted in the capital")
    stay. Only an act told as done counts: not a bare statement (it names no act of its
    own), not one denied or only supposed, and not an accusation, which tells its content
    on purpose ("accused soldiers of the rape")."""
    first: dict[int, int] = {}  # sentence -> where its first named act done starts
    for e in events:
        cand = cands[e.cand_index]
        if e.source.name == "unknown" or e.code[:2] not in ABOUT_ROOTS or e.statement \
                or e.code.startswith(ACCUSE) or e.negated or e.modality == "hypothetical":
            continue
        first[cand.sent_index] = min(first.get(cand.sent_index, cand.trigger_start), cand.trigger_start)

    def after_named(e: CodedEvent) -> bool:
        cand = cands[e.cand_index]
        return cand.sent_index in first and first[cand.sent_index] < cand.trigger_start

    return [e for e in events if e.source.name != "unknown" or not after_named(e)]


def _coded_with_governor(cand: Candidate, code: str, cands: list[Candidate], coded: dict) -> bool:
    """Whether the verb that governs ``cand`` ("*decided* to resign") was coded, in the same
    sentence, by a pattern that names ``cand``'s verb as its complement, under another root than
    ``code`` (``cand``'s own code in its intent form): the pair is one act, and reading the
    complement alone would tell a second, different one."""
    return any(
        cand.lemma in e.pattern.xcomp and e.code[:2] != code[:2]
        and cands[k].lemma == cand.intent and cands[k].sent_index == cand.sent_index
        for k, evs in coded.items() for e in evs
    )


# Hostile acts a party states it would do on a condition ("would veto the bid unless Ankara
# withdrew its ships", "will strike if ..."): CAMEO's threats (13), conditional statements of
# negative action, made now. (Cooperation on a condition stays hypothetical: an offer at most.)
CONDITIONAL_THREAT_ROOTS = frozenset({"12", "16", "17", "18", "19", "20"})
GENERIC_THREAT = "130"


def _conditional_threat(cand: Candidate, code: str) -> Candidate:
    """A hostile act stated on a condition, told as a future threat (made now) rather than a
    hypothetical act; other candidates unchanged."""
    if cand.intent != CONDITION_INTENT or cand.negated or code[:2] not in CONDITIONAL_THREAT_ROOTS:
        return cand
    return replace(cand, hypothetical=False, future=True)


# Roots of cooperation and yielding: an act of these told as what a party threatens to do is
# no intent of it (the threat, coded by the threatening verb, is the event).
THREATENED_YIELDS = frozenset({"03", "04", "05", "06", "07", "08"})


# Acts that stand one-sided in their own right, wherever the sentence tells them: statements,
# protests, force posture, coercion and force (what ACLED and GDELT count with one side).
ONE_SIDED_ROOTS = frozenset({"01", "14", "15", "17", "18", "19", "20"})
# Appeals and intents told by a verb of their own stand beside the dyad: "hosted the Ukrainian
# president and *promised* more air defence", "held talks ... and *called for* calm".
OWN_VERB_ROOTS = frozenset({"02", "03"})


# What a third party does about talks between others: offers them or mediates them (CAMEO 036,
# 039, 045). "Oman mediated talks between Iran and the US" is Oman's act toward each party, and
# talks only offered have not happened. Talks a host holds (043) took place: the parties'
# negotiation stays ("Norway hosted negotiations between Colombia and the ELN").
THIRD_PARTY_ACTS = frozenset({"036", "039", "045"})


def _without_mediated_talks(events: list[CodedEvent], cands: list[Candidate]) -> list[CodedEvent]:
    """Drop the consultations read from a talks noun with parties named by "between"
    ("talks *between* Kinshasa and the M23") when a third party, none of those parties,
    offers or mediates them in the same sentence: the third party's act is the event."""
    third: dict[int, list[Actor]] = {}  # sentence -> who offers or mediates there
    for e in events:
        if e.code in THIRD_PARTY_ACTS and not e.negated and not e.statement:
            third.setdefault(cands[e.cand_index].sent_index, []).append(e.source)

    def dropped(e: CodedEvent) -> bool:
        cand = cands[e.cand_index]
        if cand.kind != "noun" or e.code[:2] != "04" or cand.sent_index not in third:
            return False
        if len({m.text for m in slot_mentions(cand, "prep:between")}) < 2:
            return False
        parties = [a for a in (e.source, e.target) if a is not None]
        return any(not any(same_actor(doer, p) for p in parties)
                   for doer in third[cand.sent_index])

    return [e for e in events if not dropped(e)]


def _without_one_sided_after_dyad(events: list[CodedEvent], cands: list[Candidate]) -> list[CodedEvent]:
    """Drop a one-sided verbal or cooperative act told, by the same doer or by one the
    knowledge base does not know, after an act between two parties in the same sentence:
    "Bangladesh rejected India's proposal for signing a Free Trade *Agreement*", "the US
    would prohibit aid to the rebels and would *deny* entry ...". What follows the sentence's
    dyadic act is what that act is about, or a side remark whose other party the sentence does
    not name; PETRARCH codes the act between the parties. Another known party's act stays
    ("... stormed the residence, and the speaker said the president had *agreed* to resign"),
    and so do one-sided acts of their own kind (``ONE_SIDED_ROOTS``), one told first, and an
    appeal or intent told by a verb of its own ("Kenya condemned the raid and *promised* to
    investigate", ``OWN_VERB_ROOTS``): raters give the sentence that root too (session 12:
    own_raters 93.8 -> 94.2, own_raters2 87.5 -> 88.1, strict F1 of plover_gsr held and of the
    own wire sets unchanged)."""
    dyads: dict[int, list[tuple[int, Actor]]] = {}  # sentence -> (where, doer) of its acts between two named parties
    for e in events:
        if e.target is None or e.statement or e.negated or e.modality == "hypothetical" \
                or _placeholder(e.source) or _placeholder(e.target):
            continue
        cand = cands[e.cand_index]
        dyads.setdefault(cand.sent_index, []).append((cand.trigger_start, e.source))
    # sentence -> where its first claim (accusation, denial) starts: what follows may be its content
    claims: dict[int, int] = {}
    for e in events:
        if e.code.startswith(CLAIM_ROOTS) and not e.nested:
            cand = cands[e.cand_index]
            claims[cand.sent_index] = min(claims.get(cand.sent_index, cand.trigger_start), cand.trigger_start)

    def dropped(e: CodedEvent) -> bool:
        if e.target is not None or e.code[:2] in ONE_SIDED_ROOTS or e.nested:
            return False
        cand = cands[e.cand_index]
        after_claim = claims.get(cand.sent_index, cand.trigger_start) < cand.trigger_start
        if cand.kind == "verb" and e.code[:2] in OWN_VERB_ROOTS and not after_claim:
            return False  # (not what follows an accusation: "accuses Minsk of flying migrants ... and *pushing* them")
        known = bool(e.source.country or e.source.org) and not _placeholder(e.source)
        return any(start < cand.trigger_start and (not known or targeting.same_actor(doer, e.source))
                   for start, doer in dyads.get(cand.sent_index, ()))

    return [e for e in events if not dropped(e)]


SUBSUME_SENTENCES = 3  # a headline and the lead that restates it lie this close


def _small_place_in(name: str, countries: tuple[str, ...]) -> bool:
    """Whether ``name`` is a small place (500 to 15,000 people) in one of the story's countries."""
    from ..geo.small_places import SmallPlaces

    loc = SmallPlaces.load().resolve(name, countries)
    return loc is not None and loc.country in countries


# Acts of force, coercion and posture: told first one-sided and then, a sentence or more later,
# with the side they hit named, they are one act (see _without_subsumed).
_NAMED_LATER_ROOTS = frozenset({"15", "17", "18", "19", "20"})
_FORCE_ROOTS = frozenset({"18", "19", "20"})


def _without_subsumed(events: list[CodedEvent], cands: list[Candidate]) -> list[CodedEvent]:
    """Drop a one-sided event when a nearby event of the same source and root names
    the target ("UK troops deployed" beside "UK troops deployed to Poland"): the
    same act told twice, once with less detail. When the one-sided report of an act of
    force, coercion or posture comes first, in an earlier sentence than any report naming
    the side hit ("A drone struck a car near the town on Sunday, killing two men. ... The
    army said it had targeted a militia commander"), the first report is the event: it
    carries the day, the place and the toll; it takes the later report's target, and the
    later report is dropped instead (a headline's report before it is folded into it later,
    coding/reports.py). The first sentence never takes a later report's target: it may be a
    headline, whose act the lead restates with its own details."""
    dyadic = [(k, cands[e.cand_index].sent_index, e.source.key, e.code[:2]) for k, e in enumerate(events)
              if e.target is not None and not e.negated and e.modality != "hypothetical"]  # only an act told as done
    if not dyadic:
        return events

    def near(e: CodedEvent) -> list[tuple[int, int]]:
        sent = cands[e.cand_index].sent_index
        return [(j, s) for j, s, k, r in dyadic if abs(sent - s) <= SUBSUME_SENTENCES and k == e.source.key and r == e.code[:2]]

    taken: dict[int, int] = {}  # one-sided event -> the later report whose target it takes
    # the report nearest before the later one takes it (the lead's, not the headline's)
    for k, e in sorted(enumerate(events), key=lambda ke: -cands[ke[1].cand_index].sent_index):
        if (e.target is not None and not _victims_only(e)) or e.code[:2] not in _NAMED_LATER_ROOTS or e.negated \
                or e.modality == "hypothetical":
            continue
        sent = cands[e.cand_index].sent_index
        if sent == 0:
            continue  # the first line may be a headline, which its lead restates: the lead's report stays
        # the same act: any use of force, or the same kind of coercion or posture ("set fire to
        # houses" and "imposed a curfew" are two acts of one state's people)
        later = [j for j, s in near(e) if s > sent and j not in taken.values()
                 and (e.code[:2] in _FORCE_ROOTS or events[j].code[:3] == e.code[:3])]
        if later:  # (an earlier report, such as the headline's, is folded into this one: coding/reports.py)
            taken[k] = later[0]
    dropped = set(taken.values())
    out = []
    for k, e in enumerate(events):
        if k in taken:
            later = events[taken[k]]
            out.append(replace(e, target=later.target, target_via=later.target_via or "report"))
        elif k not in dropped and (e.target is not None or not near(e)):
            out.append(e)
    return out


def _victims_only(e: CodedEvent) -> bool:
    """Force whose only target is whom its -ing adjunct says it killed, told as generic civilians
    ("struck a car, killing *two men*"): the report names no side, as a one-sided one (a later
    report of the same act may: "the ministry said it had hit YPG militants")."""
    return e.target_via == "consequence" and e.target is not None and e.target.org is None \
        and e.target.sector == "CVL"


FIND_GUILTY = "116"
PRISON_TERM_RULE = "sentence-to-prison"
COURT_FINE_RULES = frozenset({"verb:fine", "verb:impose-fine"})


def _without_verdict_beside_term(events: list[CodedEvent], cands: list[Candidate]) -> list[CodedEvent]:
    """A finding of guilt (116) told beside the prison term it led to ("convicted a former president of
    plotting a coup and sentenced him to 27 years in prison") is the imprisonment (173): the codebook
    keeps 116 for rulings where imprisonment is not at issue. The verdict is dropped when the same
    sentence imposes a prison term on the same party (or on no party named)."""
    verdicts = {(cands[e.cand_index].sent_index, e.source.key) for e in events if e.code == FIND_GUILTY and not e.negated}
    if verdicts:
        # "convicted the company of negligence and fined it": a court's fine beside its verdict is the
        # penalty of that finding of liability (116), no administrative sanction of its own
        events = [e for e in events if not ((e.rule or "").split(">")[0] in COURT_FINE_RULES
                                            and (cands[e.cand_index].sent_index, e.source.key) in verdicts)]
    terms = [(cands[e.cand_index].sent_index, e.target.key if e.target else None) for e in events
             if e.code == "173" and PRISON_TERM_RULE in (e.rule or "") and not e.negated]
    if not terms:
        return events
    return [e for e in events
            if not (e.code == FIND_GUILTY and not e.negated
                    and any(s == cands[e.cand_index].sent_index and (t is None or e.target is None or t == e.target.key)
                            for s, t in terms))]


def _once_per_sentence(events: list[CodedEvent], cands: list[Candidate]) -> list[CodedEvent]:
    """One event per sentence, code and pair of parties: "pledged to send systems"
    is one pledge, whether the pledge or the sending carried it (the more confident
    reading is kept, in document order)."""
    best: dict[tuple, int] = {}
    for k, e in enumerate(events):
        key = (cands[e.cand_index].sent_index, e.code, e.source.key, e.target.key if e.target else None, e.negated,
               e.modality == "hypothetical")  # an act only wished for never hides the act done
        if key not in best or e.confidence > events[best[key]].confidence:
            best[key] = k
    keep = set(best.values())
    return [e for k, e in enumerate(events) if k in keep]


def _known(sources) -> bool:
    """The first source is a known actor: a country or an organisation."""
    return bool(sources) and bool(sources[0][0].country or sources[0][0].org)


def _offered_to_others(cand: Candidate) -> bool:
    """A noun's parties ("talks *between Russia and Ukraine*") are not who intends it
    (the governing verb's subject, "Switzerland offered to host ...")."""
    between = {m.text for m in slot_mentions(cand, "prep:between")}
    subjects = [m for m in cand.subjects if m.role == "gov_subj"]
    return len(between) > 1 and bool(subjects) and all(m.text not in between for m in subjects)


def _placeholder(actor: Actor) -> bool:
    """An actor the coder put in for one the text does not name: an agentless report's
    "(unknown)", the "(implicit)" police of a passive arrest, "(own country)"."""
    return actor.name == "unknown" or actor.text.startswith("(")


def _pair_kind(text: str) -> str:
    """``person``, ``state`` or ``any``: the kind of party a pair phrase names ("the two leaders")."""
    words = set(text.lower().split())
    return "person" if words & PAIR_PERSON_WORDS else "state" if words & PAIR_STATE_WORDS else "any"


def _of_kind(actor: Actor, kind: str, is_person: bool | None = None) -> bool:
    """Whether an actor can be one of a pair of ``kind``: a leader is a person or a state told by
    its name, government or international body (whose head stands for it), not an armed force,
    agency or group; a government is a state's."""
    if kind == "any":
        return True
    if kind == "person":
        return bool(is_person) or actor.sector in (None, "GOV", "IGO")
    return not actor.org and actor.sector in (None, "GOV")


def _stands_alone(sources) -> bool:
    """The first source is an actor that can stand alone as an event's one side: a
    known actor (:func:`_known`), or a name the knowledge base does not know ("Tendai
    Mukorera threatened to boycott the vote"); not a bare generic actor, not a placeholder."""
    return _known(sources) or (bool(sources) and not _placeholder(sources[0][0])
                               and sources[0][0].name == sources[0][0].text)


def _stake_words(cand: Candidate) -> frozenset[str]:
    """The words of what an act is about: the trigger ("*tortured* them"), its
    object, complements and purpose, marked "~" the verb of the complement it
    asks for, offers or refuses ("urged X *to lift* ..."), and marked "^" the
    head of its subject."""
    seq = cand.stake_lemmas
    words = {cand.lemma, *seq}
    # adjacent pairs too: "war crime", "step down", "car bomb"
    words.update(f"{a} {b}" for a, b in zip(seq, seq[1:]) if a != STAKE_BREAK and b != STAKE_BREAK)
    words.discard(STAKE_BREAK)
    # "^" marks the head of whoever or whatever did it ("Soviet *aircraft* killed ..."); for an
    # act told as a noun, its by-agent or the subject of the verb it hangs off ("the bombing of
    # villages *by planes*", "*drones* carried out a strike")
    words.update(f"^{m.head}" for m in cand.subjects if m.role in ("subj", "agent", "instr", "prep:by", "gov_subj") and m.head)
    if cand.xcomp:
        words.update((cand.xcomp, f"~{cand.xcomp}"))
    return frozenset(words)


def _without_objects(cand: Candidate) -> Candidate:
    from dataclasses import replace

    return replace(cand, objects=())


FORCE_ROOTS = ("18", "19", "20")


def _claimed_back(cand: Candidate) -> bool:
    """An act referred back to as claimed or denied: "claimed responsibility for *the* attack"
    (the caller checks that an attack was told before)."""
    return cand.kind == "noun" and cand.governor == "responsibility" and cand.governor_dep == "pobj:for" \
        and re.search(rf"\b(?:the|this|that|these|those|its|their) {re.escape(cand.trigger)}\b", cand.clause, re.IGNORECASE) is not None


def _object_token_hint(cands: list[Candidate], i: int) -> set[int]:
    """Token indices of noun candidates that are the object of verb candidate ``i``
    (so "imposed sanctions on X" is coded once, by the verb)."""
    verb = cands[i]
    out = set()
    for c in cands[i + 1 : i + 8]:
        if c.kind == "noun" and c.sent_index == verb.sent_index and c.governor == verb.lemma and c.governor_dep in ("dobj", "pobj:in", "pobj:with", "pobj:under"):
            out.add(c.token_i)
    return out


def _under_nouns(cands: list[Candidate], i: int) -> list[Candidate]:
    """The noun candidates a verb candidate ``i`` is "under" ("came *under fire* from ...")."""
    verb = cands[i]
    return [c for c in cands[i + 1 : i + 4] if c.kind == "noun" and c.sent_index == verb.sent_index
            and c.governor == verb.lemma and c.governor_dep == "pobj:under"]


def _speaks_for(speaker: Actor, doer: Actor) -> bool:
    """Whether a speaker tells of its own act: the same party, or a state's government
    (or the bare state) telling of that state's organs. The opposition, a rights group
    or the press telling of their own country's police report it."""
    if speaker.key != doer.key:
        return False
    return speaker.sector in (None, "GOV") or speaker.sector == doer.sector


# Words inside a name that are not capitalised ("Comandos de la Frontera", "Front for the Liberation of ...").
NAME_PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "al", "of", "the", "for", "and", "du", "des", "da", "do"})
# A name's own words that tell an armed group or a criminal one the knowledge base does not know
# ("the Comandos de la Frontera", "the Mai-Mai Brigade", "the Sinai Tribal Militia"). "Front" and
# "Movement" are left out: parties and campaigns take them as often ("National Front").
ARMED_NAME_WORDS = frozenset({
    "army", "armies", "brigade", "brigades", "battalion", "battalions", "militia", "militias", "commandos", "comandos",
    "guerrillas", "guerrilla", "insurgents", "rebels", "mujahideen", "legion", "ejercito", "ejército", "fuerzas",
    "autodefensas", "self-defence", "self-defense", "jihad", "martyrs", "fighters", "liberation", "resistance",
})
CRIMINAL_NAME_WORDS = frozenset({"cartel", "gang", "mafia", "syndicate", "clan", "cartel's"})
# Officers an organisation speaks and acts through: "its president", "its regional director" are
# the organisation told before (Coder._resolve).
ORG_OFFICER_HEADS = frozenset({"director", "president", "chief", "head", "spokesman", "spokeswoman", "spokesperson",
                               "secretary-general", "chairman", "chairwoman", "chairperson", "chair", "envoy",
                               "representative", "coordinator", "commissioner", "executive", "leader", "boss"})
# "Members of the X", "fighters from X": the people of a named group (Coder._members_of_named).
ARMED_MEMBER_WORDS = frozenset({"fighters", "militants", "gunmen", "insurgents", "rebels", "combatants", "militiamen"})
MEMBER_WORDS = ARMED_MEMBER_WORDS | {"members", "supporters", "followers", "loyalists", "activists", "leaders", "commanders"}
MEMBERS_OF_NAME = re.compile(rf"^(?P<who>{'|'.join(sorted(MEMBER_WORDS))})\s+(?:of|from)\s+(?:the\s+)?(?P<name>.+)$",
                             re.IGNORECASE)


def _recent_org(state) -> Actor | None:
    """The organisation "its director" / "their spokesman" stands for: an organisation that is the
    first party (not a person) told in this sentence ("The WHO said its director ..."), else the first
    party of the sentence before, when that one is an organisation. "Amnesty said soldiers had beaten
    protesters. Its regional director ...": Amnesty; "... Rwanda closed its border. Its president ...":
    Rwanda's, not an organisation told earlier; "M23 rebels attacked a UN base. Their leader ...": the
    sentence's first party, not its object."""
    if not state.cands:
        return None
    here = state.cands[state.index]
    starts = {c.sent_index: c.sent_start for c in state.cands}
    for back in (0, 1):
        start = starts.get(here.sent_index - back)
        first = None
        for (actor, is_person), at in zip(state.actors, state.told_at):
            if at == start and not is_person and actor.code:
                first = actor
                break
        if first is not None and first.org:
            return first
        if first is not None and back:
            return None
    return None


def _armed_name(words: list[str]) -> str | None:
    """REB when a name's own words call an armed group, CRM a criminal one, else None."""
    low = {w.lower().strip(",.") for w in words}
    if low & CRIMINAL_NAME_WORDS:
        return "CRM"
    if low & ARMED_NAME_WORDS:
        return "REB"
    return None


def _titled_name(text: str) -> bool:
    """Whether a phrase ends in a name after a person's title ("Kenyan police spokeswoman
    Resila Onyango"), however the small model labels it (often ORG)."""
    words = text.replace(",", " ").split()
    for i in range(len(words) - 2, -1, -1):
        if words[i].lower() in PERSON_HEADS:
            rest = words[i + 1 :]
            return 0 < len(rest) <= 4 and all(w[:1].isupper() for w in rest)
    return False


def _is_place_or_org(res) -> bool:
    """Whether a resolution comes from a country (a capital's name included) or an organisation entry."""
    return any(str(e).startswith(("country:", "org:")) for e in res.entry_ids)


def _is_person(res) -> bool:
    """Whether a resolution names a person (the knowledge base's person entries)."""
    return any(str(e).startswith(("person:", "people:", "person/")) for e in res.entry_ids) or "person" in (res.why or "").lower()


STATE_SIDES = frozenset({None, "GOV", "MIL"})


def _own_state_reacts(subs, sources, targets) -> bool:
    """Whether a reaction's generic subject ("the government", "officials"), which only the
    context placed, got the country of the state whose act it reacts to: a state seldom
    condemns its own state's act, so the context chose the act's author by mistake."""
    if any(m.proper or m.pronoun for m in subs) or not targets:
        return False
    author = targets[0][0]
    return bool(author.country) and author.sector in STATE_SIDES and all(
        f < 1.0 and a.country == author.country and a.sector in STATE_SIDES for a, f in sources)


def _used_context(res) -> bool:
    return "context" in (res.why or "").lower()


def attach_quantities(qs: tuple[Quantity, ...], root: str) -> tuple[Quantity, ...]:
    """Keep the quantities that fit the event's kind of action."""
    if not qs:
        return ()
    fits = {
        "troops": {"06", "07", "15", "19", "08", "16"},
        "dead": {"18", "19", "20", "17", "14"},
        "injured": {"18", "19", "20", "17", "14"},
        "arrested": {"17"},
        "displaced": {"20", "19", "18", "07"},
    }
    return tuple(q for q in qs if root in fits.get(q.unit, {root}))


@dataclass(frozen=True)
class Triggers:
    """What starts a candidate, for one pattern set: its verb and noun lemmas and
    those of its statement patterns (matched apart, see ``PatternSet.statements``)."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    statements: PatternSet


_TRIGGERS: dict[int, tuple[PatternSet, Triggers]] = {}


def triggers(patterns: PatternSet) -> Triggers:
    """The triggers of a pattern set (computed once per set)."""
    hit = _TRIGGERS.get(id(patterns))
    if hit is None or hit[0] is not patterns:
        st = patterns.statement_patterns()
        hit = _TRIGGERS[id(patterns)] = (patterns, Triggers(patterns.verb_lemmas | st.verb_lemmas,
                                                           patterns.noun_lemmas | st.noun_lemmas, st))
    return hit[1]


__all__ = ["Coder", "CodedEvent", "Triggers", "attach_quantities", "triggers"]
