"""JSON Schemas for actor entries, one per kind, and a fast checker for them.

Package files and user files go through the same schemas; TSV rows are
turned into the same dictionaries first.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .entries import ROLE_SECTORS, SECTORS

_ALIAS = {"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"^~?=?[^\t\n\r|]*\w[^\t\n\r|]*$"}
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
            "pattern": r"^~?=?[^\t\n\r|>]*\w[^\t\n\r|>]*(>(" + "|".join(SECTORS) + r"))?(@[A-Z]{3}(\+[A-Z]{3})*)?$"}


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
        "aliases": _ALIASES, "seats": _ALIASES,
        # a community of no one country: the countries it lives in, its main one first
        "homes": {"type": "array", "minItems": 2, "maxItems": 12, "items": _ISO3},
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


def check(schema: dict[str, Any], value: Any, path: tuple = ()) -> tuple[tuple, str] | None:
    """Check ``value`` against the JSON Schema subset used here; first error or None.

    jsonschema itself takes half a second to import, longer than loading all
    actor data, so loading uses this checker; the tests run jsonschema on the
    same schemas and records to keep the two in agreement.
    """
    if "anyOf" in schema:
        if any(check(sub, value, path) is None for sub in schema["anyOf"]):
            return None
        return path, f"{_short(value)} is not valid under any of the given schemas"
    if "enum" in schema:
        return None if value in schema["enum"] else (path, f"{_short(value)} is not one of {schema['enum']}")
    kind = schema.get("type")
    if kind == "object":
        if not isinstance(value, dict):
            return path, f"{_short(value)} is not of type 'object'"
        for key in schema.get("required", ()):
            if key not in value:
                return path, f"{key!r} is a required property"
        props = schema.get("properties", {})
        for key, item in value.items():
            if key not in props:
                if schema.get("additionalProperties") is False:
                    return path, f"Additional properties are not allowed ({key!r} was unexpected)"
                continue
            err = check(props[key], item, (*path, key))
            if err:
                return err
        return None
    if kind == "array":
        if not isinstance(value, list):
            return path, f"{_short(value)} is not of type 'array'"
        if len(value) > schema.get("maxItems", len(value)):
            return path, f"has {len(value)} items, more than {schema['maxItems']}"
        if len(value) < schema.get("minItems", 0):
            return path, "should be non-empty"
        items = schema.get("items")
        for i, item in enumerate(value if items else ()):
            err = check(items, item, (*path, i))
            if err:
                return err
        return None
    if kind == "string":
        if not isinstance(value, str):
            return path, f"{_short(value)} is not of type 'string'"
        if len(value) < schema.get("minLength", 0):
            return path, f"{value!r} should be non-empty"
        if len(value) > schema.get("maxLength", len(value)):
            return path, f"{_short(value)} is too long (over {schema['maxLength']} characters)"
        if "pattern" in schema and not _compiled(schema["pattern"]).search(value):
            return path, f"{_short(value)} does not match {schema['pattern']!r}"
        return None
    if kind == "boolean":
        return None if isinstance(value, bool) else (path, f"{_short(value)} is not of type 'boolean'")
    if kind == "null":
        return None if value is None else (path, f"{_short(value)} is not of type 'null'")
    return None


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def first_error(kind: str, record: dict[str, Any]) -> str | None:
    """A one-line description of the first schema error in ``record``, or None."""
    err = check(SCHEMAS[kind], record)
    if err is None:
        return None
    where = "/".join(str(p) for p in err[0]) or "entry"
    return f"{where}: {err[1]}"
