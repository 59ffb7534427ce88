"""Location cue words (prepositions, motion verbs, actor roles) as data."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import jsonschema
import yaml

from ..yamlio import load_yaml

from flashpoint.errors import DataFileError

_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}}
_SCHEMA = {
    "type": "object",
    "required": [
        "version", "locative", "destination", "motion_lemmas", "actor_deps",
        "place_object_lemmas", "settlement_nouns", "reference_words",
    ],
    "additionalProperties": False,
    "properties": {
        "version": {"const": 1},
        "locative": _WORDS,
        "destination": _WORDS,
        "motion_lemmas": _WORDS,
        "actor_deps": _WORDS,
        "place_object_lemmas": _WORDS,
        "settlement_nouns": _WORDS,
        "reference_words": _WORDS,
    },
}


@dataclass(frozen=True, slots=True)
class LocationCues:
    """The word lists :mod:`flashpoint.nlp.places` uses to pick an event's place."""

    locative: frozenset[str]
    destination: frozenset[str]
    motion_lemmas: frozenset[str]
    actor_deps: frozenset[str]
    place_object_lemmas: frozenset[str]
    settlement_nouns: frozenset[str]
    reference_words: frozenset[str]

    @classmethod
    def from_yaml(cls, text: str, origin: str = "<string>") -> "LocationCues":
        """Parse and validate a cues document.

        Raises:
            DataFileError: the text is not YAML or fails the schema.
        """
        try:
            data = load_yaml(text)
            jsonschema.validate(data, _SCHEMA)
        except yaml.YAMLError as exc:
            raise DataFileError(f"{origin} is not valid YAML: {exc}") from exc
        except jsonschema.ValidationError as exc:
            where = "/".join(str(p) for p in exc.absolute_path) or "top level"
            raise DataFileError(f"{origin} fails its schema at {where}: {exc.message}") from exc
        return cls(
            locative=frozenset(w.lower() for w in data["locative"]),
            destination=frozenset(w.lower() for w in data["destination"]),
            motion_lemmas=frozenset(w.lower() for w in data["motion_lemmas"]),
            actor_deps=frozenset(data["actor_deps"]),
            place_object_lemmas=frozenset(w.lower() for w in data["place_object_lemmas"]),
            settlement_nouns=frozenset(w.lower() for w in data["settlement_nouns"]),
            reference_words=frozenset(w.lower() for w in data["reference_words"]),
        )


@functools.lru_cache(maxsize=1)
def location_cues() -> LocationCues:
    """The shipped cues (``geo/data/location_cues.yaml``), loaded once."""
    path = resources.files("flashpoint.geo") / "data" / "location_cues.yaml"
    return LocationCues.from_yaml(path.read_text(encoding="utf-8"), origin=str(path))
