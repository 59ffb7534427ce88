"""The JSON Schema of a merged event: the event record plus what merging adds.

``flashpoint events --format json|jsonl`` and ``export --format jsonl``
write merged events: the record of the first report
(``schema/event.schema.json``) with ``id``, ``num_mentions``,
``num_sources``, ``num_articles``, ``first_seen`` and ``mentions``. The
schema is composed from the event schema when asked for, so a field added
to the event record is part of the merged schema at once; print it with
``python -m flashpoint.store.merged_schema``.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from importlib import resources
from typing import Any

_NULLABLE_TEXT = {"type": ["string", "null"]}
MERGED_PROPERTIES: dict[str, Any] = {
    "id": {"type": "string", "pattern": "^[0-9a-f]{16}$",
           "description": "Id of the merged (real-world) event; stable across runs."},
    "num_mentions": {"type": "integer", "minimum": 0, "description": "Reports of the event, copies included."},
    "num_sources": {"type": "integer", "minimum": 0, "description": "Distinct outlets that reported it."},
    "num_articles": {"type": "integer", "minimum": 0, "description": "Distinct articles that reported it."},
    "first_seen": {"type": "string", "description": "UTC time (ISO 8601) the event was first stored."},
    "mentions": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["article_id", "sentence", "trigger"],
            "additionalProperties": False,
            "properties": {
                "article_id": {"type": "string"}, "outlet": _NULLABLE_TEXT, "url": _NULLABLE_TEXT,
                "date": _NULLABLE_TEXT, "title": _NULLABLE_TEXT, "language": _NULLABLE_TEXT,
                "sentence": {"type": "string"}, "trigger": {"type": "string"},
            },
        },
    },
}


def event_schema() -> dict[str, Any]:
    """The event record's schema as shipped in the package."""
    return json.loads((resources.files("flashpoint") / "schema" / "event.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _merged() -> str:
    schema = copy.deepcopy(event_schema())
    schema["$id"] = schema.get("$id", "").replace("event.schema.json", "merged_event.schema.json")
    schema["title"] = "Flashpoint merged event"
    schema["description"] = ("A merged event: the event record of its first report plus the merge counts "
                             "and one mention per report.")
    schema["properties"].update(copy.deepcopy(MERGED_PROPERTIES))
    schema["required"] = list(schema.get("required", [])) + list(MERGED_PROPERTIES)
    return json.dumps(schema)


def merged_event_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) a merged event validates against."""
    return json.loads(_merged())


if __name__ == "__main__":  # pragma: no cover - a printing aid
    print(json.dumps(merged_event_schema(), indent=2))
