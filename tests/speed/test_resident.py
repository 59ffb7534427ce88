"""The loaded tables are out of the garbage collector's walks (flashpoint/resident.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

# In a fresh process, so that no earlier test's freeze (the small places also settle) can
# make the check pass without load_resources doing it.
CHECK = """
import gc
from flashpoint.config import Settings
from flashpoint.pipeline import load_resources
res = load_resources(Settings())
walked = gc.get_objects()  # what a full collection walks: frozen objects are not listed
assert not any(o is res.kb or o is res.gazetteer for o in walked), "the loaded tables are still walked"
"""


@pytest.mark.slow
def test_loaded_resources_are_frozen():
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


# In a fresh process too: the threshold is the process's.
YOUNG_CHECK = """
import gc
from flashpoint.resident import YOUNG, settle
gc.set_threshold(700, 10, 10)
settle(collect=False)
assert gc.get_threshold() == (YOUNG, 10, 10), gc.get_threshold()
gc.set_threshold(YOUNG * 3, 5, 5)
settle(collect=False)
assert gc.get_threshold() == (YOUNG * 3, 5, 5), "a larger threshold is never lowered"
gc.set_threshold(0)
settle(collect=False)
assert gc.get_threshold()[0] == 0, "collection switched off stays off"
"""


def test_settle_raises_the_young_threshold_only():
    done = subprocess.run([sys.executable, "-c", YOUNG_CHECK], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]


# Importing is no loading: a library user's collector is changed only by load_resources (docs/OPERATIONS.md).
IMPORT_CHECK = """
import gc, importlib, pkgutil
import flashpoint
before = gc.get_threshold()
for m in pkgutil.walk_packages(flashpoint.__path__, "flashpoint."):
    if m.name.endswith("__main__"):
        continue
    try:
        importlib.import_module(m.name)
    except ImportError:
        continue  # (an optional extra not installed)
    assert gc.get_threshold() == before, f"importing {m.name} changed the collector's threshold"
    assert gc.get_freeze_count() == 0, f"importing {m.name} froze objects"
"""


def test_session22_importing_leaves_the_collector_alone():
    done = subprocess.run([sys.executable, "-c", IMPORT_CHECK], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
