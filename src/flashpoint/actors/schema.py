"""JSON Schemas for actor entries, one per kind, and a cached validator.

Package files and user files go through the same schemas; TSV rows are
turned into the same dictionaries first.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .entries import KINDS, ROLE_SECTORS, SECTORS

_ALIAS = {"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"^[=~]?[^\t\n\r|]*\w"}
_ALIASES = {"type": "array", "items": _ALIAS, "maxItems": 2000}
_ISO3 = {"type": "string", "pattern": "^[A-Z]{3}$"}
_ORG = {"type": "string", "pattern": r"^[A-Z0-9+]{1,20}$"}
_SECTOR = {"enum": list(SECTORS)}
_CODE = {"type": "string", "pattern": "^[A-Z0-9]{3,20}$"}
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_NAME = {"type": "string", "minLength": 1, "maxLength": 300}
_KEY = r"[A-Za-z0-9][A-Za-z0-9_.+-]{0,79}"
# A metonym may carry its sector: "Pentagon>MIL".
_METONYM = {"type": "string", "minLength": 1, "maxLength": 200,
            "pattern": r"^[=~]?[^\t\n\r|>]*\w(>(" + "|".join(SECTORS) + "))?$"}


def _entry(kind: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {"id": {"type": "string", "pattern": f"^{kind}:{_KEY}$"}, **properties},
        "required": ["id", *required],
        "additionalProperties": False,
    }


SCHEMAS: dict[str, dict[str, Any]] = {
    "country": _entry("country", {
        "name": _NAME, "iso3": _ISO3, "cameo": _ISO3, "aliases": _ALIASES,
        "adjectives": _ALIASES, "capitals": _ALIASES,
        "metonyms": {"type": "array", "items": _METONYM, "maxItems": 2000},
    }, ["name", "iso3"]),
    "org": _entry("org", {
        "name": _NAME, "org": _ORG, "sector": _SECTOR, "code": _CODE, "country": _ISO3,
        "aliases": _ALIASES,
        "periods": {"type": "array", "maxItems": 50, "items": {
            "type": "object", "additionalProperties": False, "required": ["start", "sector"],
            "properties": {"start": _DATE, "sector": _SECTOR, "code": _CODE}}},
    }, ["name", "org", "sector", "code"]),
    "agent": _entry("agent", {
        "name": _NAME, "sector": _SECTOR, "aliases": _ALIASES, "representative": {"type": "boolean"},
    }, ["name", "sector", "aliases"]),
    "person": _entry("person", {
        "name": _NAME, "aliases": _ALIASES,
        "roles": {"type": "array", "minItems": 1, "maxItems": 200, "items": {
            "type": "object", "additionalProperties": False, "required": ["country", "role"],
            "properties": {
                "country": {"anyOf": [_ISO3, _ORG]}, "role": {"enum": list(ROLE_SECTORS)},
                "start": {"anyOf": [_DATE, {"type": "null"}]}, "end": {"anyOf": [_DATE, {"type": "null"}]},
            }}},
    }, ["name", "roles"]),
    "block": _entry("block", {"aliases": _ALIASES, "note": {"type": "string", "maxLength": 2000}}, ["aliases"]),
}
assert set(SCHEMAS) == set(KINDS)


@lru_cache(maxsize=None)
def validator(kind: str):  # -> jsonschema validator; imported lazily (startup cost)
    """The compiled validator for one kind of entry."""
    import jsonschema

    schema = SCHEMAS[kind]
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def first_error(kind: str, record: dict[str, Any]) -> str | None:
    """A one-line description of the first schema error in ``record``, or None."""
    errors = sorted(validator(kind).iter_errors(record), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    err = errors[0]
    where = "/".join(str(p) for p in err.absolute_path) or "entry"
    message = err.message if len(err.message) <= 160 else err.message[:157] + "..."
    return f"{where}: {message}"
