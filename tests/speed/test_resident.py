"""The loaded tables are out of the garbage collector's walks (flashpoint/resident.py)."""

from __future__ import annotations

import gc

from flashpoint.config import Settings
from flashpoint.pipeline import load_resources
from flashpoint.resident import settle


def test_loaded_resources_are_frozen():
    res = load_resources(Settings())
    walked = gc.get_objects()  # what a full collection walks: frozen objects are not listed
    assert gc.get_freeze_count() > 100_000
    assert not any(o is res.kb or o is res.gazetteer for o in walked)


def test_frozen_objects_are_still_freed_by_reference_count():
    import weakref

    class Table:
        pass

    table = Table()
    gone = weakref.ref(table)
    settle(collect=False)
    del table
    assert gone() is None
