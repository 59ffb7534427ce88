"""The pattern dictionary: loading, validation and matching.

Patterns are data (``coding/data/patterns.yaml``); this module only reads
them and picks, for an event candidate, the most specific pattern whose
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
    "symmetric", "implicit_source", "victim_subject", "not_governor", "refine",
}
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

    @property
    def rule(self) -> str:
        return f"{self.kind}:{self.id}"


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

    def refine(self, code: str, words) -> str:
        """Narrow ``code`` by the words of what is given, asked, refused or
        threatened, as far as the ``subcodes`` table reaches."""
        for _ in range(MAX_REFINE_STEPS):
            nxt = next((child for child, ws in self.subcodes.get(code, ()) if not ws.isdisjoint(words)), None)
            if nxt is None:
                break
            code = nxt
        return code

    @property
    def verb_lemmas(self) -> frozenset[str]:
        return frozenset(self.verbs)

    @property
    def noun_lemmas(self) -> frozenset[str]:
        return frozenset(self.nouns)

    def match(self, kind: str, lemma: str, obj_lemmas, prep_lemmas, pobj_lemmas, xcomp, particle, governor, comp_lemmas=(), ccomp_aux=(), source_sectors=()) -> Pattern | None:
        """The most specific pattern for a candidate, or None.

        An ``object`` constraint is met best by the direct object, and also,
        with a lower score, by a prepositional or clausal complement
        ("asked the EU *for aid*").
        """
        table = self.verbs if kind == "verb" else self.nouns
        best: Pattern | None = None
        best_score = -1
        objs = set(obj_lemmas)
        comps = set(comp_lemmas)
        for p in table.get(lemma, ()):
            score = 0
            via_comp = False
            if p.object:
                if objs & p.object:
                    score += 2
                elif comps & p.object:
                    score += 1
                    via_comp = True
                else:
                    continue
            # the words that rule a pattern out are looked for where its object was found
            if p.not_object and (objs & p.not_object or (via_comp and comps & p.not_object)):
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
                if xcomp not in p.xcomp:
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
            if score > best_score:
                best, best_score = p, score
        return best

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
        target=tuple(raw.get("target") or ()),
        no_target=bool(raw.get("no_target", False)),
        confidence=conf,
        refine=bool(raw.get("refine", True)),
    )


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
    """Validate and index a parsed pattern file."""
    if not isinstance(data, dict):
        raise DataFileError(f"{source}: expected a mapping at the top level")
    classes = data.get("classes") or {}
    defaults = data.get("defaults") or {}
    seen: set[str] = set()
    built: list[Pattern] = []
    for kind, key in (("verb", "verbs"), ("noun", "nouns")):
        for n, raw in enumerate(data.get(key) or []):
            where = f"{source}: {key}[{n}]"
            if not isinstance(raw, dict):
                raise DataFileError(f"{where}: expected a mapping")
            p = _build(raw, kind, classes, valid_codes, where)
            if p.rule in seen:
                raise DataFileError(f"{where}: duplicate pattern id {p.id!r}")
            seen.add(p.rule)
            if not p.target:
                default = defaults.get(f"{kind}_target") or ["obj"]
                p = Pattern(**{**{f: getattr(p, f) for f in p.__dataclass_fields__}, "target": tuple(default)})
            built.append(p)
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    for p in built:
        for lemma in p.lemmas:
            (verbs if p.kind == "verb" else nouns).setdefault(lemma, []).append(p)
    return PatternSet(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        reporting=frozenset(w.lower() for w in data.get("reporting") or ()),
        intent={str(k): str(v) for k, v in (data.get("intent") or {}).items()},
        patterns=tuple(built),
        refusal={str(k): str(v) for k, v in (data.get("refusal") or {}).items()},
        thing_heads=frozenset(nouns) | _word_set(data.get("thing_heads"), classes, f"{source}: thing_heads"),
        subcodes=_subcodes(data, classes, valid_codes, source),
    )


@functools.lru_cache(maxsize=1)
def _packaged_codes() -> frozenset[str]:
    """The CAMEO codes of the packaged ontology table (its first column), for
    checking narrower codes when no ontology is passed in."""
    text = (resources.files("flashpoint.coding") / "data" / "cameo.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t", 1)[0] for line in text.splitlines() if line and not line.startswith("#"))
    return frozenset(code for code in rows if code.isdigit())


def default_patterns_path() -> Path:
    return Path(str(resources.files("flashpoint.coding") / "data" / "patterns.yaml"))


@functools.lru_cache(maxsize=8)
def load_patterns(path: str | None = None, valid_codes: frozenset[str] | None = None) -> PatternSet:
    """Load and validate the pattern dictionary (the packaged one by default)."""
    p = Path(path) if path else default_patterns_path()
    try:
        data = load_yaml(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read pattern file {p}: {exc}") from exc
    return parse_patterns(data, valid_codes, str(p))
