"""Score the worked example article against its hand-made expected coding.

The expected file lists events a careful coder finds, each as a dyad
(source and target by :attr:`Actor.key`) and the root codes acceptable for
it. An emitted event *matches* an expected one when its dyad is the same and
its root is among ``roots``. ``required`` events must be matched; an emitted
event that matches no listed event (required or optional) is spurious.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..types import Event
from .coded import actor_key, event_row

MAX_BYTES = 5_000_000


def event_matches(event: Event, want: dict[str, Any]) -> bool:
    """Whether an emitted event has the expected dyad and an acceptable root."""
    return (
        actor_key(event.source) == want.get("source")
        and actor_key(event.target) == want.get("target")
        and event.cameo_root in (want.get("roots") or ())
    )


def score_example(events: Sequence[Event], expected: dict[str, Any]) -> dict[str, Any]:
    """Required events found and spurious events, from emitted events and the expected file."""
    wanted = expected.get("events")
    if not isinstance(wanted, list) or not all(isinstance(w, dict) for w in wanted):
        raise InputError("the expected file must have an 'events' list of objects")
    required = [w for w in wanted if w.get("required")]
    found = [w for w in required if any(event_matches(e, w) for e in events)]
    spurious = [e for e in events if not any(event_matches(e, w) for w in wanted)]
    # The hand list is of dyads, PETRARCH's convention: a spurious dyad is a wrong claim of who
    # did what to whom. One-sided events and statements, which the coder keeps by default,
    # are counted apart.
    extra = [e for e in spurious if e.target is None or e.statement]
    return {
        "events": len(events),
        "headline": {"required_found": len(found), "spurious": len(spurious) - len(extra),
                     "spurious_one_sided_or_statement": len(extra)},
        "required_total": len(required),
        "missing": [w.get("what", str(w.get("n"))) for w in required if w not in found],
        "spurious_events": [event_row(e) for e in spurious],
    }


def read_example(text_path: str | Path) -> tuple[str, dict[str, Any]]:
    """Read an example article and its ``.expected.json`` beside it.

    Raises:
        InputError: either file is missing, too big, not UTF-8 or not JSON.
    """
    text_path = Path(text_path)
    exp_path = text_path.with_suffix(".expected.json")
    try:
        if text_path.stat().st_size > MAX_BYTES or exp_path.stat().st_size > MAX_BYTES:
            raise InputError(f"{text_path} or its expected file is over {MAX_BYTES} bytes")
        text = text_path.read_text(encoding="utf-8")
        expected = json.loads(exp_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the example article {text_path} and {exp_path.name}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{exp_path} is not JSON ({exc.msg})") from exc
    if not isinstance(expected, dict):
        raise InputError(f"{exp_path} must hold a JSON object")
    return text, expected
