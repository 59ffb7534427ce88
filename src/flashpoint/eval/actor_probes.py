"""Score actor probes: one sentence, one mention, the code it should resolve to.

A probe file (``tests/data/actor_probes.jsonl``) holds one JSON record a line::

    {"id": "ap-001", "kind": "ellipsis", "region": "asia", "date": "2025-05-08",
     "text": "SEOUL -- The North fired ...", "mention": "The North",
     "expect": "PRK", "context": "KOR"}

``expect`` is the actor code (``USAGOV``, ``IGOEUREEC``); a trailing ``*`` asks only
for that prefix, for groups whose own three letters are the knowledge base's choice
(``LBNREB*`` for Hezbollah). ``context`` is the story's country as a dateline or the
article gives it, passed as the context country, as the coder does for generic and
elliptical words; it is absent where the mention must stand on its own.

Mention level asks the knowledge base alone (``KnowledgeBase.resolve``); event level
codes the sentence and asks whether the expected actor is a source or target of some
event (the coder's share, which this module does not tune).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..errors import UsageError

REQUIRED = ("id", "kind", "text", "mention", "expect")


@dataclass(frozen=True, slots=True)
class Probe:
    """One probe record (see the module docstring)."""

    id: str
    kind: str
    region: str
    date: str | None
    text: str
    mention: str
    expect: str
    context: str | None = None

    def accepts(self, code: str | None) -> bool:
        """Whether an actor code is the expected one (a prefix when ``expect`` ends in ``*``)."""
        if not code:
            return False
        if self.expect.endswith("*"):
            return code.startswith(self.expect[:-1])
        return code == self.expect


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """A probe and what the knowledge base made of its mention."""

    probe: Probe
    code: str | None
    why: str

    @property
    def ok(self) -> bool:
        return self.probe.accepts(self.code)


def read_probes(path: Path | str) -> list[Probe]:
    """Read a probe file; a record missing a field or naming a mention its text lacks is an error."""
    path = Path(path)
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        missing = [k for k in REQUIRED if not rec.get(k)]
        if missing:
            raise UsageError(f"{path}:{number}: missing {', '.join(missing)}; each probe needs {', '.join(REQUIRED)}")
        if rec["mention"] not in rec["text"]:
            raise UsageError(f"{path}:{number}: mention {rec['mention']!r} is not in the text; copy it as written")
        out.append(Probe(rec["id"], rec["kind"], rec.get("region", ""), rec.get("date"), rec["text"],
                         rec["mention"], rec["expect"], rec.get("context")))
    return out


def resolve_probes(kb, probes: Iterable[Probe]) -> list[ProbeResult]:
    """Resolve each probe's mention on its date with its context country."""
    out = []
    for p in probes:
        res = kb.resolve(p.mention, p.date, p.context)
        out.append(ProbeResult(p, res.actor.code if res else None, res.why if res else "no actor"))
    return out


def event_hits(probes: list[Probe], settings=None) -> dict[str, bool]:
    """Per probe: whether coding its sentence gives an event with the expected actor on either side."""
    from ..config import Settings
    from ..pipeline import code_articles

    by_id = {p.id: p for p in probes}
    arts = [{"id": p.id, "text": p.text, "date": p.date} for p in probes]
    out = {}
    for art, events, _ in code_articles(arts, settings or Settings()):
        p = by_id[art.id]
        out[p.id] = any(p.accepts(a.code) for e in events for a in (e.source, e.target) if a is not None)
    return out


def summarise(results: list[ProbeResult], events: dict[str, bool] | None = None) -> dict[str, Any]:
    """Totals overall and by kind, and the misses (id, mention, expected, got)."""
    total, kinds, hits = len(results), Counter(), Counter()
    for r in results:
        kinds[r.probe.kind] += 1
        hits[r.probe.kind] += r.ok
    out: dict[str, Any] = {
        "probes": total,
        "mention_level": round(sum(hits.values()) / total, 4) if total else None,
        "by_kind": {k: f"{hits[k]}/{n}" for k, n in sorted(kinds.items())},
        "misses": [{"id": r.probe.id, "mention": r.probe.mention, "expect": r.probe.expect, "got": r.code}
                   for r in results if not r.ok],
    }
    if events is not None:
        out["event_level"] = round(sum(events.values()) / total, 4) if total else None
    return out
