"""Score events coded elsewhere: the output of ``flashpoint code --jsonl`` against a gold set.

``flashpoint eval DATASET --coded EVENTS.jsonl`` reads the event records a user
got from the CLI (one JSON event a line, ``doc_id`` naming the gold record) and
scores them with the set's own scorer, so the figures of the CLI's output need no
scratch scorer of their own: the same events give the same figures as
``flashpoint eval DATASET`` (tests/cli/test_code_matches_eval.py).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..types import Event, event_from_dict
from .coded import Coded
from .gold import GoldRecord


def read_events(path: str | Path) -> dict[str, list[Event]]:
    """The events of a JSONL file, by ``doc_id``, in file order.

    Raises:
        InputError: the file cannot be read, or a line is not an event record.
    """
    by_doc: dict[str, list[Event]] = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    event = event_from_dict(json.loads(line))
                except (ValueError, KeyError, TypeError) as exc:
                    raise InputError(f"{path}:{n}: not an event record of `flashpoint code --jsonl` ({exc})") from exc
                by_doc.setdefault(event.doc_id, []).append(event)
    except OSError as exc:
        raise InputError(f"cannot read the coded events {path}: {exc.strerror or exc}") from exc
    return by_doc


def coded_from_events(records: Sequence[GoldRecord], path: str | Path) -> list[Coded]:
    """Pair each gold record with the events of its id in ``path`` (none when absent).

    Raises:
        InputError: the file is unreadable, or its events name none of the records (the wrong file).
    """
    by_doc = read_events(path)
    ids = {r.id for r in records}
    if by_doc and not ids & by_doc.keys():
        raise InputError(f"{path}: no event's doc_id is a record id of the gold set; code the gold file itself "
                         "(`flashpoint code --jsonl GOLD.jsonl > EVENTS.jsonl`)")
    return [Coded(r, tuple(by_doc.get(r.id, ()))) for r in records]
