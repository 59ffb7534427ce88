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
