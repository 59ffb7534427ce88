"""The pattern dictionary: loading, validation and matching.

Patterns are data: the folder ``coding/data/patterns/`` holds one file per
CAMEO root (``01.yaml`` ... ``20.yaml``: the verb and noun patterns whose code
lies under that root) and the shared tables apart (``classes.yaml``,
``defaults.yaml``, ``modality.yaml``, ``subcodes.yaml``). A user's dictionary
may be such a folder or a single file with every section. This module only
reads them and picks, for an event candidate, the most specific pattern whose
constraints all hold.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..yamlio import load_yaml

from ..errors import DataFileError

PATTERN_KEYS = {
    "id", "lemmas", "code", "object", "not_object", "prep", "pobj", "xcomp", "particle",
    "target", "no_target", "governor", "confidence", "not_prep", "ccomp_aux", "source_sector",
    "symmetric", "implicit_source", "victim_subject", "not_governor", "refine", "priority", "statement",
    "recipient_subject", "joint", "when", "needs_target", "target_org", "direct_object", "finite",
}
# How a trigger must be told for a pattern with ``when``: "done" (not as future or hypothetical;
# a negation keeps its usual reading), "future" (only as future or hypothetical: "Moscow *would
# respond*" threatens, "Moscow responded" does not), "negated" (in the negative: the event is what
# the negation says).
WHEN_VALUES = ("done", "future", "negated")
# Sections shared by every pattern file: mappings merge (a name defined twice is an
# error), lists join; ``verbs`` and ``nouns`` join in file order.
SHARED_MAPPINGS = ("defaults", "intent", "refusal", "classes", "subcode_families", "subcodes")
SHARED_LISTS = ("reporting", "thing_heads")
PATTERN_SECTIONS = (("verb", "verbs"), ("noun", "nouns"))
# How many times a code may be narrowed ("020" -> "023" -> "0232").
MAX_REFINE_STEPS = 3
# Phrasal particles that change a verb's meaning ("call off", "back down").
MEANING_PARTICLES = {"off", "down", "back", "out", "up", "away", "over"}


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    kind: str  # verb | noun
    lemmas: tuple[str, ...]
    code: str
    object: frozenset[str] = frozenset()
    not_object: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    pobj: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    particle: str | None = None
    governor: frozenset[str] = frozenset()
    not_governor: frozenset[str] = frozenset()  # nouns: the event is only wanted or feared ("demanded the arrest")
    not_prep: frozenset[str] = frozenset()
    ccomp_aux: frozenset[str] = frozenset()
    source_sector: frozenset[str] = frozenset()
    symmetric: bool = False
    implicit_source: str | None = None  # agent-less passives: who usually does this ("police")
    victim_subject: bool = False  # the subject is the one acted on ("97 died in police firing")
    target: tuple[str, ...] = ()
    no_target: bool = False
    confidence: float = 0.8
    refine: bool = True  # narrow the code by what is at stake (see ``subcodes`` in the data)
    priority: int = 0  # among equally specific patterns the higher wins, then the first listed
    statement: bool = False  # a public statement (01x): kept apart from matching (``PatternSet.statements``)
    recipient_subject: bool = False  # the subject receives; the target slot gives ("received aid from Jordan")
    # The code when the act is done together: by parties of two countries or more, or
    # "with" a partner ("held drills with Lithuania"); coded once each way.
    joint: str | None = None
    # "done": only an act told as done ("resigned", not "will resign"); "future": only one told
    # as to come; "negated": only a trigger told in the negative ("did not rule out force"),
    # whose event is then asserted.
    when: str | None = None
    # no event without a political party of another side to aim it at, even where one-sided events
    # are kept: a bare "received" hosts a visitor only when the one received is such a party, not
    # "a letter" or "foreign tourists"
    needs_target: bool = False
    # no event unless the target is an international organisation: "quit ECOWAS", "joined NATO"
    # leave or join a body; "left Kabul", "joined the protest" do not
    target_org: bool = False
    # the ``object`` must be the direct object (or a passive's subject), never a word of a
    # complement: "the trawler *sank* after colliding with a ship" sank no ship
    direct_object: bool = False
    # no event when the trigger opens an -ing clause: "Finland joined NATO" joins it, while "...,
    # *joining* Canada and the EU" acts alongside them and "talks on *joining* the EU" name a topic
    finite: bool = False

    @property
    def rule(self) -> str:
        return f"{self.kind}:{self.id}"

    def triggers(self, by_object: bool = False) -> tuple["Trigger", ...]:
        """One trigger entry per lemma (per lemma and object word with ``by_object``):
        the lemma with the constraints that make it this code."""
        objects = sorted(self.object) if by_object and self.object else [None]
        return tuple(Trigger(self.trigger_form, lemma, self.code, self.id,
                             self.describe(lemma) if obj is None else self.describe(lemma).split(" + ")[0] + f" + {obj}",
                             self, obj)
                     for lemma in self.lemmas for obj in objects)

    @property
    def trigger_form(self) -> str:
        """``noun``, ``phrasal`` (verb + particle), ``light`` (verb + object) or ``verb``."""
        if self.kind == "noun":
            return "noun"
        return "phrasal" if self.particle else "light" if self.object else "verb"

    def describe(self, lemma: str, max_words: int = 6) -> str:
        """A reader's rendering: "hold + talk|negotiation ... (with)", "call off", "talk (with|to)"."""
        def words(ws: frozenset[str]) -> str:
            items = sorted(ws)
            return "|".join(items[:max_words]) + ("|..." if len(items) > max_words else "")

        text = lemma + (f" {self.particle}" if self.particle else "")
        if self.object:
            text += f" + {words(self.object)}"
        if self.xcomp:
            text += f" ... to {words(self.xcomp)}"
        if self.prep:
            text += f" ({words(self.prep)}" + (f" {words(self.pobj)}" if self.pobj else "") + ")"
        elif self.pobj:
            text += f" (... {words(self.pobj)})"
        if self.governor:
            text = f"{words(self.governor)} ... {text}"
        if self.when == "negated":
            text = f"not {text}"
        return text


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger entry: a lemma, alone or with an object, particle, preposition or
    complement, that leads to a code (what ``flashpoint ontology show`` lists)."""

    form: str  # verb | phrasal | light | noun
    lemma: str
    code: str
    pattern: str
    text: str
    source: "Pattern" = dataclasses.field(repr=False, compare=False)
    object: str | None = None  # the one object word of a light-verb entry (``by_object``)


@dataclass(frozen=True)
class PatternSet:
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    reporting: frozenset[str]
    intent: dict[str, str]
    patterns: tuple[Pattern, ...]
    refusal: dict[str, str] = dataclasses.field(default_factory=dict)
    # Head nouns that name a thing or an act, never a target actor ("military *aid*").
    thing_heads: frozenset[str] = frozenset()
    # Parent code -> its narrower codes, each with the words that name what is at
    # stake ("asked for *military* aid" -> 0232); the first whose words occur wins.
    subcodes: dict[str, tuple[tuple[str, frozenset[str]], ...]] = dataclasses.field(default_factory=dict)
    # Patterns marked ``statement: true``: not matched by the event coder; a statement
    # stage keys on them (``statement_patterns()``).
    statements: tuple[Pattern, ...] = ()

    def refine(self, code: str, words) -> str:
        """Narrow ``code`` by the words of what is given, asked, refused or
        threatened, as far as the ``subcodes`` table reaches."""
        for _ in range(MAX_REFINE_STEPS):
            nxt = next((child for child, ws in self.subcodes.get(code, ()) if not ws.isdisjoint(words)), None)
            if nxt is None:
                break
            code = nxt
        return code

    # Read once per pattern set: the coder asks whether a head is an event noun for most
    # mentions, and a frozenset of the tables' keys built on every question cost about 1% of
    # coding (docs/PERFORMANCE.md). The tables are not changed after the set is built.
    @functools.cached_property
    def verb_lemmas(self) -> frozenset[str]:
        return frozenset(self.verbs)

    @functools.cached_property
    def noun_lemmas(self) -> frozenset[str]:
        return frozenset(self.nouns)

    def match(self, kind: str, lemma: str, obj_lemmas, prep_lemmas, pobj_lemmas, xcomp, particle, governor, comp_lemmas=(), ccomp_aux=(), source_sectors=(), told: str = "done") -> Pattern | None:
        """The most specific pattern for a candidate, or None.

        An ``object`` constraint is met best by the direct object, and also,
        with a lower score, by a prepositional or clausal complement
        ("asked the EU *for aid*"). ``told`` is how the trigger is told: "done",
        "future" (also hypothetical) or "negated"; a pattern with ``when`` matches
        only its way, and a negated pattern outranks the others of a negated trigger.
        """
        table = self.verbs if kind == "verb" else self.nouns
        best: Pattern | None = None
        best_score = -1
        objs = set(obj_lemmas)
        comps = set(comp_lemmas)
        for p in table.get(lemma, ()):
            score = 0
            via_comp = False
            if (p.when == "done" and told == "future") or (p.when == "future" and told != "future"):
                continue  # (a negated act stays one: "would not resign" is a refusal, "did not resign" negated)
            if p.when == "negated":
                if told != "negated":
                    continue
                score += 3
            if p.object:
                if objs & p.object:
                    score += 2
                elif comps & p.object and not p.direct_object:
                    score += 1
                    via_comp = True
                else:
                    continue
            # the words that rule a pattern out are looked for where its object was found
            # (for a pattern on a complement verb, the complement's words too: "vowed to fight *corruption*")
            if p.not_object and (objs & p.not_object or ((via_comp or p.xcomp) and comps & p.not_object)):
                continue
            if p.prep:
                if not p.prep.intersection(prep_lemmas):
                    continue
                score += 1
            if p.source_sector:
                if not p.source_sector.intersection(source_sectors):
                    continue
                score += 1
            if p.not_prep and p.not_prep.intersection(prep_lemmas):
                continue
            if p.ccomp_aux:
                if not p.ccomp_aux.intersection(ccomp_aux):
                    continue
                score += 2
            if p.pobj:
                if not p.pobj.intersection(pobj_lemmas):
                    continue
                score += 2
            if p.xcomp:
                # "-" stands for no complement verb ("called on the president" vs "called on him to resign")
                if (xcomp or "-") not in p.xcomp:
                    continue
                score += 2
            if p.particle:
                if particle != p.particle:
                    continue
                score += 2
            elif particle in MEANING_PARTICLES:
                continue
            if p.governor:
                if governor not in p.governor:
                    continue
                score += 1
            if governor in p.not_governor:
                continue
            if score > best_score or (score == best_score and best is not None and p.priority > best.priority):
                best, best_score = p, score
        return best

    @functools.cached_property
    def future_only(self) -> "PatternSet":
        """The patterns told only of the future ("would take steps to counter"), as a set of their own."""
        return _index(tuple(p for p in self.patterns if p.when == "future"), self)

    @functools.cached_property
    def sector_lemmas(self) -> dict[str, frozenset[str]]:
        """Trigger lemmas with a pattern that needs the source's sector to decide."""
        out: dict[str, set[str]] = {"verb": set(), "noun": set()}
        for p in self.patterns:
            if p.source_sector:
                out[p.kind].update(p.lemmas)
        return {k: frozenset(v) for k, v in out.items()}

    def for_code(self, code: str) -> list[Pattern]:
        return [p for p in self.patterns if p.code == code]

    def triggers(self, code: str | None = None, by_object: bool = False) -> list[Trigger]:
        """Every trigger entry (of one code when given), in dictionary order, statements included."""
        return [t for p in (*self.patterns, *self.statements) if code is None or p.code == code for t in p.triggers(by_object)]

    def statement_patterns(self) -> "PatternSet":
        """The statement (01x) patterns as a set of their own, for the statement stage to match."""
        return _index(self.statements, self)


def _word_set(value: Any, classes: dict[str, list[str]], where: str, _seen: tuple[str, ...] = ()) -> frozenset[str]:
    """A word list, with ``@class`` items (also inside a class) expanded."""
    if value is None:
        return frozenset()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise DataFileError(f"{where}: expected a word list or '@class', got {value!r}")
    out: set[str] = set()
    for item in items:
        item = str(item)
        if item.startswith("@"):
            name = item[1:]
            if name not in classes:
                raise DataFileError(f"{where}: unknown class {item!r}; define it under 'classes:'")
            if name in _seen:
                raise DataFileError(f"{where}: class {item!r} refers to itself")
            out |= _word_set(classes[name], classes, where, (*_seen, name))
        else:
            out.add(item.lower())
    return frozenset(out)


def _build(raw: dict, kind: str, classes: dict, valid_codes: frozenset[str] | None, where: str) -> Pattern:
    unknown = set(raw) - PATTERN_KEYS
    if unknown:
        raise DataFileError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("id", "lemmas", "code"):
        if key not in raw:
            raise DataFileError(f"{where}: pattern needs {key!r}")
    code = str(raw["code"])
    if valid_codes is not None and code not in valid_codes:
        raise DataFileError(f"{where}: CAMEO code {code!r} is not in the ontology")
    joint = str(raw["joint"]) if raw.get("joint") is not None else None
    if joint is not None and valid_codes is not None and joint not in valid_codes:
        raise DataFileError(f"{where}: joint CAMEO code {joint!r} is not in the ontology")
    conf = float(raw.get("confidence", 0.8))
    if not 0 <= conf <= 1:
        raise DataFileError(f"{where}: confidence must be within 0..1")
    return Pattern(
        id=str(raw["id"]),
        kind=kind,
        lemmas=tuple(str(x).lower() for x in raw["lemmas"]),
        code=code,
        object=_word_set(raw.get("object"), classes, where),
        not_object=_word_set(raw.get("not_object"), classes, where),
        prep=_word_set(raw.get("prep"), classes, where),
        pobj=_word_set(raw.get("pobj"), classes, where),
        xcomp=_word_set(raw.get("xcomp"), classes, where),
        particle=raw.get("particle"),
        governor=_word_set(raw.get("governor"), classes, where),
        not_governor=_word_set(raw.get("not_governor"), classes, where),
        not_prep=_word_set(raw.get("not_prep"), classes, where),
        ccomp_aux=_word_set(raw.get("ccomp_aux"), classes, where),
        source_sector=frozenset(str(x).upper() for x in raw.get("source_sector") or ()),
        symmetric=bool(raw.get("symmetric", False)),
        implicit_source=raw.get("implicit_source"),
        victim_subject=bool(raw.get("victim_subject", False)),
        recipient_subject=bool(raw.get("recipient_subject", False)),
        target=tuple(raw.get("target") or ()),
        no_target=bool(raw.get("no_target", False)),
        needs_target=bool(raw.get("needs_target", False)),
        target_org=bool(raw.get("target_org", False)),
        confidence=conf,
        refine=bool(raw.get("refine", True)),
        priority=_priority(raw.get("priority", 0), where),
        statement=bool(raw.get("statement", False)),
        joint=joint,
        when=_when(raw.get("when"), where),
        direct_object=bool(raw.get("direct_object", False)),
        finite=bool(raw.get("finite", False)),
    )


def _when(value: Any, where: str) -> str | None:
    if value is not None and value not in WHEN_VALUES:
        raise DataFileError(f"{where}: when must be one of {', '.join(WHEN_VALUES)}, got {value!r}")
    return value


def _priority(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DataFileError(f"{where}: priority must be a whole number, got {value!r}")
    return value


def _subcodes(data: dict, classes: dict, valid_codes: frozenset[str] | None, source: str) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """The refinement table: ``subcode_families`` name the aspects of what is at
    stake (kinds of aid, of reform, of yielding ...), each an ordered list of
    ``{key, digit, words}``; ``subcodes`` gives each parent code a family and
    either a prefix its digits extend (the parent itself by default) or an
    explicit key -> code map. Narrower codes the ontology lacks are skipped."""
    families: dict[str, list[tuple[str, str, frozenset[str]]]] = {}
    for name, items in (data.get("subcode_families") or {}).items():
        where = f"{source}: subcode_families.{name}"
        if not isinstance(items, list):
            raise DataFileError(f"{where}: expected a list of {{key, digit, words}}")
        rows = []
        for item in items:
            if not isinstance(item, dict) or "key" not in item or "words" not in item:
                raise DataFileError(f"{where}: each entry needs 'key' and 'words'")
            rows.append((str(item["key"]), str(item.get("digit", "")), _word_set(item["words"], classes, where)))
        families[str(name)] = rows
    out: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}
    known = valid_codes if valid_codes is not None else (_packaged_codes() if data.get("subcodes") else frozenset())
    for parent, spec in (data.get("subcodes") or {}).items():
        parent = str(parent)
        where = f"{source}: subcodes.{parent}"
        name, how = (spec, parent) if isinstance(spec, str) else (spec[0], spec[1]) if isinstance(spec, list) and len(spec) == 2 else (None, None)
        if name not in families:
            raise DataFileError(f"{where}: expected a family name or [family, prefix-or-map], got {spec!r}")
        children = []
        for key, digit, words in families[name]:
            if isinstance(how, dict):
                child = how.get(key)
            else:
                child = f"{how}{digit}" if digit else None
            if child is None or child == parent:
                continue
            child = str(child)
            if child not in known:
                if isinstance(how, dict):
                    raise DataFileError(f"{where}: CAMEO code {child!r} is not in the ontology")
                continue
            children.append((child, words))
        out[parent] = tuple(children)
    return out


def parse_patterns(data: dict, valid_codes: frozenset[str] | None = None, source: str = "patterns") -> PatternSet:
    """Validate and index a parsed single-file pattern dictionary."""
    return parse_pattern_files([(source, data)], valid_codes)


def _root_of_file(name: str) -> str | None:
    """``"14"`` for a root file (``.../14.yaml``, ``.../14-lexicon.yaml``), else None."""
    stem = Path(name).stem
    root = stem[:2]
    return root if root.isdigit() and (len(stem) == 2 or stem[2] in "-_") else None


def _merge(docs: list[tuple[str, Any]]) -> tuple[dict, list[tuple[str, str, dict]]]:
    """One mapping of the shared sections, and every pattern with where it was written."""
    merged: dict[str, Any] = {}
    owner: dict[tuple[str, str], str] = {}
    raws: list[tuple[str, str, dict]] = []
    for source, data in docs:
        if data is None:
            continue
        if not isinstance(data, dict):
            raise DataFileError(f"{source}: expected a mapping at the top level")
        for key, value in data.items():
            if key in SHARED_MAPPINGS:
                if value is None:
                    continue
                if not isinstance(value, dict):
                    raise DataFileError(f"{source}: {key!r} must be a mapping")
                for name, item in value.items():
                    if (key, str(name)) in owner:
                        raise DataFileError(f"{source}: {key}.{name} is already defined in {owner[key, str(name)]}; keep one")
                    owner[key, str(name)] = source
                    merged.setdefault(key, {})[name] = item
            elif key in SHARED_LISTS:
                merged.setdefault(key, []).extend(value or [])
            elif key not in ("verbs", "nouns"):
                raise DataFileError(f"{source}: unknown section {key!r}; expected verbs, nouns or one of "
                                    f"{', '.join(SHARED_MAPPINGS + SHARED_LISTS)}")
        root = _root_of_file(source)
        for kind, key in PATTERN_SECTIONS:
            items = data.get(key) or []
            if not isinstance(items, list):
                raise DataFileError(f"{source}: {key!r} must be a list of patterns")
            for n, raw in enumerate(items):
                name = raw.get("id") if isinstance(raw, dict) else None
                where = f"{source}: {key}[{n}]" + (f" (id {name!r})" if name is not None else "")
                if not isinstance(raw, dict):
                    raise DataFileError(f"{where}: expected a mapping")
                if root is not None and not str(raw.get("code", root)).startswith(root):
                    raise DataFileError(f"{where}: code {raw.get('code')!r} is not under root {root}; "
                                        f"move the pattern to {str(raw.get('code'))[:2]}.yaml")
                raws.append((kind, where, raw))
    return merged, raws


def parse_pattern_files(docs: list[tuple[str, Any]], valid_codes: frozenset[str] | None = None) -> PatternSet:
    """Validate and index pattern files given as ``(file name, parsed YAML)`` in order."""
    data, raws = _merge(docs)
    source = docs[0][0] if len(docs) == 1 else str(Path(docs[0][0]).parent) if docs else "patterns"
    classes = data.get("classes") or {}
    defaults = data.get("defaults") or {}
    seen: dict[str, str] = {}
    built: list[Pattern] = []
    for kind, where, raw in raws:
        p = _build(raw, kind, classes, valid_codes, where)
        if p.rule in seen:
            raise DataFileError(f"{where}: duplicate pattern id {p.id!r} (also at {seen[p.rule]})")
        seen[p.rule] = where
        if not p.target:
            default = defaults.get(f"{kind}_target") or ["obj"]
            p = dataclasses.replace(p, target=tuple(default))
        built.append(p)
    events = [p for p in built if not p.statement]
    verbs, nouns = _lemma_tables(events)
    return PatternSet(
        verbs=verbs,
        nouns=nouns,
        reporting=frozenset(w.lower() for w in data.get("reporting") or ()),
        intent={str(k): str(v) for k, v in (data.get("intent") or {}).items()},
        patterns=tuple(events),
        refusal={str(k): str(v) for k, v in (data.get("refusal") or {}).items()},
        thing_heads=frozenset(nouns) | _word_set(data.get("thing_heads"), classes, f"{source}: thing_heads"),
        subcodes=_subcodes(data, classes, valid_codes, source),
        statements=tuple(p for p in built if p.statement),
    )


def _lemma_tables(patterns) -> tuple[dict[str, tuple[Pattern, ...]], dict[str, tuple[Pattern, ...]]]:
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    for p in patterns:
        for lemma in p.lemmas:
            (verbs if p.kind == "verb" else nouns).setdefault(lemma, []).append(p)
    return {k: tuple(v) for k, v in verbs.items()}, {k: tuple(v) for k, v in nouns.items()}


def _index(patterns: tuple[Pattern, ...], like: PatternSet) -> PatternSet:
    verbs, nouns = _lemma_tables(patterns)
    return dataclasses.replace(like, verbs=verbs, nouns=nouns, patterns=tuple(patterns), statements=())


@functools.lru_cache(maxsize=1)
def _packaged_codes() -> frozenset[str]:
    """The CAMEO codes of the packaged ontology table (its first column), for
    checking narrower codes when no ontology is passed in."""
    text = (resources.files("flashpoint.coding") / "data" / "cameo.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t", 1)[0] for line in text.splitlines() if line and not line.startswith("#"))
    return frozenset(code for code in rows if code.isdigit())


def default_patterns_path() -> Path:
    """The packaged pattern folder."""
    return Path(str(resources.files("flashpoint.coding") / "data" / "patterns"))


def pattern_files(path: Path) -> list[Path]:
    """The YAML files of a pattern folder in load order (root files first, by name),
    or the one file given."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def read_pattern_files(path: Path) -> list[tuple[str, Any]]:
    """Parse every file of a pattern folder (or the single file) as ``(name, data)``."""
    files = pattern_files(path)
    if not files:
        raise DataFileError(f"pattern folder {path} holds no .yaml files")
    out = []
    for f in files:
        try:
            out.append((str(f), load_yaml(f.read_text(encoding="utf-8"))))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise DataFileError(f"cannot read pattern file {f}: {exc}") from exc
    return out


@functools.lru_cache(maxsize=8)
def load_patterns(path: str | None = None, valid_codes: frozenset[str] | None = None) -> PatternSet:
    """Load and validate the pattern dictionary: a folder of files or one file
    (the packaged folder by default)."""
    p = Path(path) if path else default_patterns_path()
    if not p.exists():
        raise DataFileError(f"cannot read pattern file {p}: no such file or folder")
    return parse_pattern_files(read_pattern_files(p), valid_codes)
