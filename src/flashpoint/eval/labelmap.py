"""Label maps: turn Flashpoint events into the labels of non-CAMEO gold sets.

The maps live in ``eval/data/labelmaps.yaml`` (see its header for the rule
language); :func:`load_labelmaps` validates the file with a JSON Schema and
returns one :class:`LabelMap` per gold set.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ..yamlio import load_yaml, package_text

from ..errors import DataFileError
from ..types import Actor, Event

# The coder's placeholder source for agentless reports in open-actor mode ("were killed").
UNNAMED_SOURCE = "(unknown)"
_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
_RULE = {
    "type": "object",
    "required": ["label"],
    "additionalProperties": False,
    "properties": {
        "label": {"type": "string", "pattern": "^[A-Z_]+$"},
        "codes": {"type": "array", "items": {"type": "string", "pattern": "^[0-9]{2,4}$"}, "minItems": 1},
        "triggers": _WORDS,
        "words": _WORDS,
        "units": _WORDS,
        "source_sectors": _WORDS,
        "not_source_sectors": _WORDS,
        "target_sectors": _WORDS,
        "not_target_sectors": _WORDS,
        "named_source": {"type": "boolean"},
    },
}
SCHEMA = {
    "type": "object",
    "required": ["india_police", "case2021"],
    "properties": {
        "india_police": {
            "type": "object",
            "required": ["rules", "police_source"],
            "additionalProperties": False,
            "properties": {
                "rules": {"type": "array", "items": _RULE, "minItems": 1},
                "police_source": {
                    "type": "object",
                    "required": ["sectors", "words"],
                    "additionalProperties": False,
                    "properties": {"sectors": _WORDS, "words": _WORDS},
                },
            },
        },
        "case2021": {
            "type": "object",
            "required": ["rules", "seen_labels"],
            "additionalProperties": False,
            "properties": {
                "rules": {"type": "array", "items": _RULE, "minItems": 1},
                "seen_labels": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            },
        },
    },
}


def _phrases(words: list[str] | None) -> re.Pattern[str] | None:
    """One regex for a word list: whole-word start, any inflected ending."""
    if not words:
        return None
    alts = sorted((re.escape(w.lower()) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    """One mapping rule: conditions on an event and the label it gives."""

    label: str
    codes: tuple[str, ...] = ()
    triggers: re.Pattern[str] | None = None
    words: re.Pattern[str] | None = None
    units: frozenset[str] = frozenset()
    source_sectors: frozenset[str] = frozenset()
    not_source_sectors: frozenset[str] = frozenset()
    target_sectors: frozenset[str] = frozenset()
    not_target_sectors: frozenset[str] = frozenset()
    named_source: bool = False

    def matches(self, event: Event) -> bool:
        """Whether every condition the rule states holds for ``event``."""
        if self.codes and not event.cameo.startswith(self.codes):
            return False
        if self.triggers is not None and not self.triggers.search(event.evidence.trigger):
            return False
        if self.words is not None and not self.words.search(event.evidence.sentence):
            return False
        if self.units and not any(q.unit in self.units for q in event.quantities):
            return False
        if self.named_source and (event.source is None or event.source.text == UNNAMED_SOURCE):
            return False
        return _sector_ok(event.source, self.source_sectors, self.not_source_sectors) and _sector_ok(
            event.target, self.target_sectors, self.not_target_sectors)

    def describe(self) -> str:
        """A short human-readable statement of the rule (for ACCURACY.md)."""
        parts = []
        if self.codes:
            parts.append("code " + "/".join(f"{c}*" for c in self.codes))
        for name, pat in (("trigger", self.triggers), ("sentence", self.words)):
            if pat is not None:
                parts.append(f"{name} has " + _pattern_words(pat))
        if self.units:
            parts.append("quantity unit " + "/".join(sorted(self.units)))
        if self.source_sectors:
            parts.append("source sector " + "/".join(sorted(self.source_sectors)))
        if self.not_source_sectors:
            parts.append("source sector not " + "/".join(sorted(self.not_source_sectors)))
        if self.target_sectors:
            parts.append("target sector " + "/".join(sorted(self.target_sectors)))
        if self.not_target_sectors:
            parts.append("target sector not " + "/".join(sorted(self.not_target_sectors)))
        if self.named_source:
            parts.append("the text names the source")
        return "; ".join(parts) or "any event"


def _sector_ok(actor: Actor | None, allowed: frozenset[str], refused: frozenset[str]) -> bool:
    """Whether an actor's sector (None without an actor) is allowed and not refused."""
    sector = actor.sector if actor else None
    return (not allowed or sector in allowed) and not (refused and sector in refused)


def _pattern_words(pat: re.Pattern[str]) -> str:
    inner = pat.pattern.split("(?:", 1)[1].rstrip(")")
    return ", ".join(f'"{w.replace(chr(92), "")}"' for w in sorted(inner.split("|")))


def _rule(raw: dict[str, Any]) -> Rule:
    return Rule(
        label=raw["label"],
        codes=tuple(raw.get("codes") or ()),
        triggers=_phrases(raw.get("triggers")),
        words=_phrases(raw.get("words")),
        units=frozenset(raw.get("units") or ()),
        source_sectors=frozenset(raw.get("source_sectors") or ()),
        not_source_sectors=frozenset(raw.get("not_source_sectors") or ()),
        target_sectors=frozenset(raw.get("target_sectors") or ()),
        not_target_sectors=frozenset(raw.get("not_target_sectors") or ()),
        named_source=bool(raw.get("named_source", False)),
    )


@dataclass(frozen=True)
class LabelMap:
    """Ordered rules for one gold set, plus its source filter and label list."""

    rules: tuple[Rule, ...]
    labels: tuple[str, ...]
    police_sectors: frozenset[str] = frozenset()
    police_words: re.Pattern[str] | None = None

    def labels_of(self, event: Event) -> list[str]:
        """Every label some rule gives ``event``, in rule order, without repeats."""
        return list(dict.fromkeys(r.label for r in self.rules if r.matches(event)))

    def first_label(self, event: Event) -> str | None:
        """The label of the first rule that matches ``event``, or None."""
        for r in self.rules:
            if r.matches(event):
                return r.label
        return None

    def is_police(self, actor: Actor | None) -> bool:
        """Whether an actor is the police (by sector, else by its words)."""
        if actor is None:
            return False
        if actor.sector in self.police_sectors:
            return True
        return self.police_words is not None and bool(self.police_words.search(f"{actor.text} {actor.name}"))


def parse_labelmaps(data: Any, where: str) -> dict[str, LabelMap]:
    """Validate decoded label-map data and build the maps.

    Raises:
        DataFileError: the data does not follow the schema.
    """
    try:
        jsonschema.validate(data, SCHEMA)
    except jsonschema.ValidationError as exc:
        loc = "/".join(str(p) for p in exc.absolute_path) or "top level"
        raise DataFileError(f"{where}: {loc}: {exc.message}; see the header of labelmaps.yaml") from exc
    india, case = data["india_police"], data["case2021"]
    india_rules = tuple(_rule(r) for r in india["rules"])
    case_rules = tuple(_rule(r) for r in case["rules"])
    unknown = {r.label for r in case_rules} - set(case["seen_labels"])
    if unknown:
        raise DataFileError(f"{where}: case2021 rules give labels not in seen_labels: {sorted(unknown)}")
    return {
        "india_police": LabelMap(
            rules=india_rules,
            labels=tuple(dict.fromkeys(r.label for r in india_rules)),
            police_sectors=frozenset(india["police_source"]["sectors"]),
            police_words=_phrases(india["police_source"]["words"]),
        ),
        "case2021": LabelMap(rules=case_rules, labels=tuple(case["seen_labels"])),
    }


@functools.lru_cache(maxsize=4)
def load_labelmaps(path: Path | None = None) -> dict[str, LabelMap]:
    """Load and validate the label maps (the packaged file by default).

    Raises:
        DataFileError: the file is missing, not YAML, or fails the schema.
    """
    try:
        if path is None:
            text = package_text("flashpoint.eval", "data", "labelmaps.yaml")
            where = "eval/data/labelmaps.yaml"
        else:
            text, where = Path(path).read_text(encoding="utf-8"), str(path)
        data = load_yaml(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read label maps {path or 'labelmaps.yaml'}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"label maps {path or 'labelmaps.yaml'} are not valid YAML: {exc}") from exc
    return parse_labelmaps(data, where)
