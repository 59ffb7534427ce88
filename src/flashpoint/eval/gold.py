"""Gold records: read an evaluation JSONL file into one common shape.

Every gold file under ``evaldata/`` has one JSON object a line with ``id``,
``text``, ``date``, ``expected`` (a list of ``{source, target, code, ...}``)
and ``meta``. :func:`read_gold` checks each line at the edge and returns
:class:`GoldRecord` values, so the scorers downstream trust their input.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError

MAX_LINE = 1_000_000  # a gold line is one sentence or snippet; longer means a wrong file
MAX_TEXT = 100_000

# File stem -> set name, for ``--set auto``.
SET_BY_STEM = {
    "cameo_manual_examples": "cameo_manual",
    "petrarch2_unittest": "petrarch2",
    "plover_gsr_cameo": "plover_gsr",
    "india_police_events": "india_police",
    "case2021_task2": "case2021",
    "event_location": "event_location",
    "conflibert_cameo_train": "conflibert",
    "generalisation": "probes",  # ../shared/probes/, beside evaldata (see runner.gold_path)
    "own_wire": "own_wire",  # tests/data/, the project's own wire sentences (eval/wire.py); own_wire2 by prefix
    "own_raters": "raters",  # tests/data/: CAMEO root sets of our own sentences
}
SET_NAMES = tuple(SET_BY_STEM.values())
FILE_BY_SET = {name: f"{stem}.jsonl" for stem, name in SET_BY_STEM.items()}


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected event: actor codes (or None), the label and any extras."""

    code: str | None
    source: str | None = None
    target: str | None = None
    extra: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        """An extra field of the gold event (``source_text``, ``mode``, ...)."""
        return dict(self.extra).get(key, default)


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold sentence or snippet with what the annotators expect from it."""

    id: str
    text: str
    date: str | None
    expected: tuple[GoldEvent, ...]
    meta: tuple[tuple[str, Any], ...] = field(default=())

    def meta_get(self, key: str, default: Any = None) -> Any:
        """A value from the record's ``meta`` object."""
        return dict(self.meta).get(key, default)

    def as_input(self) -> dict[str, Any]:
        """The record as a coder input (id, text, date)."""
        return {"id": self.id, "text": self.text, "date": self.date}


def _opt_str(value: Any, what: str, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"{where}: {what} must be a string or null, not {type(value).__name__}")


def _freeze(value: Any) -> Any:
    """Make nested JSON values hashable so records stay frozen."""
    if isinstance(value, dict):
        return tuple((str(k), _freeze(v)) for k, v in value.items())
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def parse_record(obj: Any, where: str) -> GoldRecord:
    """Check one decoded line and build its :class:`GoldRecord`.

    Raises:
        InputError: a required field is missing or has the wrong type.
    """
    if not isinstance(obj, dict):
        raise InputError(f"{where}: a gold record must be a JSON object, not {type(obj).__name__}")
    rid, text = obj.get("id"), obj.get("text")
    if not isinstance(rid, (str, int)) or isinstance(rid, bool) or str(rid) == "":
        raise InputError(f"{where}: 'id' must be a non-empty string")
    if not isinstance(text, str):
        raise InputError(f"{where}: 'text' must be a string")
    if len(text) > MAX_TEXT:
        raise InputError(f"{where}: 'text' is over {MAX_TEXT} characters; gold records are sentences or snippets")
    expected = obj.get("expected", [])
    if expected is None:
        expected = []
    if not isinstance(expected, list):
        raise InputError(f"{where}: 'expected' must be a list of events")
    events = []
    for k, e in enumerate(expected):
        if not isinstance(e, dict):
            raise InputError(f"{where}: expected[{k}] must be an object")
        extra = tuple((str(key), _freeze(v)) for key, v in e.items() if key not in ("code", "source", "target"))
        events.append(GoldEvent(
            code=_opt_str(e.get("code"), f"expected[{k}].code", where),
            source=_opt_str(e.get("source"), f"expected[{k}].source", where),
            target=_opt_str(e.get("target"), f"expected[{k}].target", where),
            extra=extra,
        ))
    meta = obj.get("meta")
    meta = {} if meta is None else meta
    if not isinstance(meta, dict):
        raise InputError(f"{where}: 'meta' must be an object")
    date = obj.get("date")
    return GoldRecord(
        id=str(rid),
        text=text,
        date=date if isinstance(date, str) else None,
        expected=tuple(events),
        meta=tuple((str(k), _freeze(v)) for k, v in meta.items()),
    )


def iter_gold(path: str | Path, limit: int | None = None) -> Iterator[GoldRecord]:
    """Yield the gold records of a JSONL file, at most ``limit`` of them.

    Raises:
        InputError: the file cannot be read, or a line is not a valid record.
    """
    path = Path(path)
    if limit is not None and limit < 0:
        raise UsageError("--limit must be zero or more")
    try:
        fh = open(path, "rb")  # decoded line by line, so bad UTF-8 is reported with its line
    except OSError as exc:
        raise InputError(f"cannot open gold file {path}: {exc.strerror or exc}") from exc
    n_out = 0
    seen: set[str] = set()
    with fh:
        for n, raw in enumerate(fh, start=1):
            if limit is not None and n_out >= limit:
                return
            where = f"{path.name} line {n}"
            if len(raw) > MAX_LINE * 4:
                raise InputError(f"{where} is over {MAX_LINE} characters; is this a gold file?")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"{where} is not UTF-8 text (byte {exc.start + 1} of the line: {exc.reason});"
                                 " save the file as UTF-8") from None
            if not line.strip():
                continue
            if len(line) > MAX_LINE:
                raise InputError(f"{where} is over {MAX_LINE} characters; is this a gold file?")
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where} is not JSON ({exc.msg}); fix or drop the line") from exc
            except RecursionError:
                raise InputError(f"{where} is JSON nested too deeply to be a gold record") from None
            rec = parse_record(obj, where)
            if rec.id in seen:
                raise InputError(f"{where}: duplicate id {rec.id!r}; gold ids must be unique per file")
            seen.add(rec.id)
            n_out += 1
            yield rec


def read_gold(path: str | Path, limit: int | None = None) -> list[GoldRecord]:
    """Read a whole gold file (see :func:`iter_gold`).

    Raises:
        InputError: also when the file holds no record: an empty gold set
            scores nothing, and reporting 0% for it would mislead.
    """
    records = list(iter_gold(path, limit))
    if not records and limit != 0:
        raise InputError(f"{Path(path).name} holds no gold records (it is empty or blank); give a gold JSONL file")
    return records


def detect_set(path: str | Path, first: GoldRecord | None = None) -> str:
    """Guess the gold set from the file name, else from the first record's ``label_scheme``.

    Raises:
        UsageError: neither the name nor the label scheme says which set it is.
    """
    stem = Path(path).name.removesuffix(".jsonl")
    if stem in SET_BY_STEM:
        return SET_BY_STEM[stem]
    for known, name in SET_BY_STEM.items():
        if stem.startswith(known):
            return name
    scheme = str(first.meta_get("label_scheme", "")) if first else ""
    hints = (
        ("IndiaPoliceEvents", "india_police"),
        ("CASE 2021", "case2021"),
        ("PLOVER event", "plover_gsr"),
        ("geolocation", "event_location"),
        ("CAMEO event code only", "cameo_manual"),
        ("Phoenix QuadClass", "conflibert"),
        ("CAMEO root set", "raters"),
    )
    for needle, name in hints:
        if needle in scheme:
            return name
    if first is not None and first.meta_get("petrarch_dictionaries") is not None:
        return "petrarch2"
    raise UsageError(f"cannot tell which gold set {path} is; pass --set ({'|'.join(SET_NAMES)})")
