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
