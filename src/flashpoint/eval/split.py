"""A fixed tuning / held-aside split of every gold set.

A record belongs to the held-aside part when a hash of its set name and id
falls in the first third of the hash space. The split never changes with the
file's order or size, so a record stays on its side as sets grow. Patterns are
written while reading the tuning part only; the held-aside figures are the ones
quoted.
"""

from __future__ import annotations

import hashlib

TUNING = "tuning"
HELD = "held"
PARTS = (TUNING, HELD)
HELD_SHARE = 3  # one record in HELD_SHARE (by hash) is held aside


def part_of(set_name: str, record_id: str) -> str:
    """``"held"`` or ``"tuning"`` for one record of one set."""
    digest = hashlib.sha256(f"{set_name}\x1f{record_id}".encode("utf-8")).digest()
    return HELD if int.from_bytes(digest[:8], "big") % HELD_SHARE == 0 else TUNING


def is_held(set_name: str, record_id: str) -> bool:
    return part_of(set_name, record_id) == HELD
