"""The JSON Schema of the event record, and every emitted event validated against it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import jsonschema

from flashpoint.types import Actor, Event, Evidence, Plover, Quantity, event_from_dict


@lru_cache(maxsize=1)
def _validator():
    schema = json.loads((resources.files("flashpoint") / "schema" / "event.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def validate_event(d: dict) -> None:
    errors = sorted(_validator().iter_errors(d), key=lambda e: e.path)
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def sample_event(**kw) -> Event:
    base = dict(
        event_id="0123456789abcdef", doc_id="d1", date="2021-11-11", date_precision="day",
        source=Actor("Belarus", "Belarus", "BLR", None, "GOV", "BLRGOV"),
        target=Actor("Poland", "Poland", "POL", None, None, "POL"),
        cameo="112", cameo_root="11", quad_class=3, goldstein=-2.0, plover=Plover("ACCUSE", None),
        negated=False, modality="asserted", attribution=None, location=None,
        quantities=(Quantity(15000, "troops"),),
        evidence=Evidence("Belarus accused Poland.", 0, 23, "accused"),
        rule="verb:accuse", confidence=0.8, contexts=("military",),
    )
    base.update(kw)
    return Event(**base)


def test_sample_event_valid_and_roundtrips():
    e = sample_event()
    validate_event(e.to_dict())
    assert event_from_dict(json.loads(json.dumps(e.to_dict()))) == e


def test_schema_rejects_bad_records():
    import pytest

    bad = sample_event().to_dict()
    bad["quad_class"] = 7
    with pytest.raises(AssertionError):
        validate_event(bad)
    bad = sample_event().to_dict()
    bad["extra"] = 1
    with pytest.raises(AssertionError):
        validate_event(bad)
