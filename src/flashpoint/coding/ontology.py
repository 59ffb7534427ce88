"""The CAMEO event ontology, PLOVER types and modes, and the crosswalk between them.

Both vocabularies live in package data (``data/cameo.tsv`` and
``data/plover.yaml``), are checked against a schema and for internal
consistency when loaded, and are read once per process:

>>> ont = Ontology.load()
>>> ont["112"].name
'Accuse'
>>> [c.code for c in ont.path("1123")]
['11', '112', '1123']
>>> ont.plover("1123")
Plover(type='ACCUSE', mode='allege')
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ..yamlio import load_yaml, package_text

from ..errors import DataFileError, UsageError
from ..types import Plover

#: QuadClass by CAMEO root: 1 verbal cooperation, 2 material cooperation,
#: 3 verbal conflict, 4 material conflict.
QUAD_CLASS_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
PLOVER_SOURCES = ("crosswalk", "adjusted", "filled", "none")

_CODE_RE = r"^(0[1-9]|1[0-9]|20)([0-9]{1,2})?$"
_ROW_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["code", "level", "root", "name", "goldstein", "quad_class", "plover_source", "definition"],
    "additionalProperties": False,
    "properties": {
        "code": {"type": "string", "pattern": _CODE_RE},
        "level": {"type": "integer", "minimum": 1, "maximum": 3},
        "parent": {"type": ["string", "null"], "pattern": _CODE_RE},
        "root": {"type": "string", "pattern": r"^(0[1-9]|1[0-9]|20)$"},
        "name": {"type": "string", "minLength": 1, "maxLength": 120},
        "goldstein": {"type": "number", "minimum": -10, "maximum": 10},
        "quad_class": {"type": "integer", "minimum": 1, "maximum": 4},
        "plover_type": {"type": ["string", "null"], "pattern": "^[A-Z]+$"},
        "plover_mode": {"type": ["string", "null"], "pattern": "^[a-z][a-z_-]*$"},
        "plover_source": {"enum": list(PLOVER_SOURCES)},
        "definition": {"type": "string", "minLength": 10, "maxLength": 300},
    },
}
_NAMED = {
    "type": "object",
    "required": ["name", "definition"],
    "additionalProperties": False,
    "properties": {"name": {"type": "string", "pattern": "^[a-z][a-z_-]*$"}, "definition": {"type": "string", "minLength": 3}},
}
_PLOVER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["version", "types", "old_types"],
    "additionalProperties": False,
    "properties": {
        "version": {"type": "integer"},
        "types": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "quad_class", "definition", "modes"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string", "pattern": "^[A-Z]+$"},
                    "quad_class": {"type": "integer", "minimum": 1, "maximum": 4},
                    "definition": {"type": "string", "minLength": 3},
                    "modes": {"type": "array", "items": _NAMED},
                },
            },
        },
        "old_types": {"type": "object", "additionalProperties": {"type": "string", "pattern": "^[A-Z]+$"}},
        "old_modes": {
            "type": "object",
            "additionalProperties": {"type": "object", "additionalProperties": {"type": ["string", "null"]}},
        },
    },
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its place in the tree and its PLOVER mapping."""

    code: str
    name: str
    level: int  # 1 root (two digits), 2 three digits, 3 four digits
    parent: str | None
    root: str
    goldstein: float
    quad_class: int
    definition: str
    plover_type: str | None
    plover_mode: str | None
    plover_source: str = "crosswalk"  # crosswalk | adjusted | filled | none


@dataclass(frozen=True, slots=True)
class PloverMode:
    name: str
    definition: str


@dataclass(frozen=True, slots=True)
class PloverType:
    """A current PLOVER event type and its modes."""

    name: str
    quad_class: int
    definition: str
    modes: tuple[PloverMode, ...]

    @property
    def mode_names(self) -> tuple[str, ...]:
        return tuple(m.name for m in self.modes)


def _data_text(name: str) -> str:
    return package_text("flashpoint.coding", "data", name)


def _read(path: Path | None, default: str) -> tuple[str, str]:
    if path is None:
        return _data_text(default), f"flashpoint/coding/data/{default}"
    try:
        return Path(path).read_text(encoding="utf-8"), str(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read ({exc}); pass a readable UTF-8 file") from exc


def _parse_cameo(text: str, where: str) -> list[CameoCode]:
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    reader = csv.DictReader(io.StringIO(body), delimiter="\t", quoting=csv.QUOTE_NONE)
    wanted = set(_ROW_SCHEMA["properties"])
    if set(reader.fieldnames or ()) != wanted:
        raise DataFileError(f"{where}: header must name the columns {sorted(wanted)}, got {reader.fieldnames}")
    codes = []
    for lineno, raw in enumerate(reader, start=2):
        if None in raw or any(v is None for v in raw.values()):
            raise DataFileError(f"{where}: row {lineno} has the wrong number of tab-separated cells")
        row: dict[str, Any] = {k: (v.strip() or None) for k, v in raw.items()}
        try:
            row["level"] = int(row["level"])
            row["quad_class"] = int(row["quad_class"])
            row["goldstein"] = float(row["goldstein"])
        except (TypeError, ValueError) as exc:
            raise DataFileError(f"{where}: row {lineno}: level, quad_class and goldstein must be numbers ({exc})") from exc
        row = {k: v for k, v in row.items() if v is not None}
        _validate(row, "row", f"{where}: row {lineno}")
        codes.append(CameoCode(parent=row.get("parent"), plover_type=row.get("plover_type"),
                               plover_mode=row.get("plover_mode"),
                               **{k: row[k] for k in _ROW_SCHEMA["required"]}))
    return codes


@functools.lru_cache(maxsize=4)
def _validator(name: str) -> jsonschema.protocols.Validator:
    # One checked validator per schema: jsonschema.validate() re-checks the
    # schema itself on every call, which made loading 312 rows take ~1 s.
    schema = {"row": _ROW_SCHEMA, "plover": _PLOVER_SCHEMA}[name]
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate(obj: Any, schema: str, where: str) -> None:
    try:
        error = jsonschema.exceptions.best_match(_validator(schema).iter_errors(obj))
        if error is not None:
            raise error
    except jsonschema.ValidationError as exc:
        at = "/".join(str(p) for p in exc.absolute_path) or "top level"
        raise DataFileError(f"{where}: {exc.message} (at {at}); fix the data file") from None


def _expected_quad(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


class Ontology:
    """The CAMEO code tree with Goldstein values, QuadClass and PLOVER mapping.

    Build it with :meth:`load`; instances are read-only.
    """

    def __init__(self, codes: list[CameoCode], plover_types: list[PloverType],
                 old_types: dict[str, str], old_modes: dict[str, dict[str, str | None]]) -> None:
        self._by_code = {c.code: c for c in codes}
        self.codes: tuple[str, ...] = tuple(c.code for c in codes)
        self.plover_types: tuple[PloverType, ...] = tuple(plover_types)
        self._plover = {t.name: t for t in plover_types}
        self._old_types = dict(old_types)
        self._old_modes = {k: dict(v) for k, v in old_modes.items()}
        self._children: dict[str, list[CameoCode]] = {}
        for c in codes:
            if c.parent:
                self._children.setdefault(c.parent, []).append(c)
        self._check()

    @classmethod
    def load(cls, cameo_path: Path | None = None, plover_path: Path | None = None) -> "Ontology":
        """Load and validate the ontology (package data unless paths are given).

        Raises:
            DataFileError: a file is unreadable, fails its schema or is inconsistent.
        """
        if cameo_path is None and plover_path is None:
            return _load_default()
        return cls._build(cameo_path, plover_path)

    @classmethod
    def _build(cls, cameo_path: Path | None, plover_path: Path | None) -> "Ontology":
        cameo_text, cameo_where = _read(cameo_path, "cameo.tsv")
        plover_text, plover_where = _read(plover_path, "plover.yaml")
        try:
            doc = load_yaml(plover_text)
        except (yaml.YAMLError, RecursionError) as exc:
            raise DataFileError(f"{plover_where}: not valid YAML ({str(exc)[:200]}); fix the syntax") from None
        _validate(doc, "plover", plover_where)
        types = [PloverType(t["name"], t["quad_class"], t["definition"],
                            tuple(PloverMode(m["name"], m["definition"]) for m in t["modes"]))
                 for t in doc["types"]]
        codes = _parse_cameo(cameo_text, cameo_where)
        try:
            return cls(codes, types, doc["old_types"], doc.get("old_modes") or {})
        except DataFileError as exc:
            raise DataFileError(f"{cameo_where}: {exc}") from None

    def _check(self) -> None:
        """Cross-row consistency the schema cannot express."""
        if not self.codes:
            raise DataFileError("no CAMEO codes found")
        if len(self._by_code) != len(self.codes):
            raise DataFileError("duplicate CAMEO codes")
        if len(self._plover) != len(self.plover_types):
            raise DataFileError("duplicate PLOVER type names")
        for c in self._by_code.values():
            want_parent = None if len(c.code) == 2 else c.code[:2] if len(c.code) == 3 else c.code[:3]
            if c.level != len(c.code) - 1 or c.parent != want_parent or c.root != c.code[:2]:
                raise DataFileError(f"code {c.code}: level, parent or root disagree with the code's digits")
            if c.parent is not None and c.parent not in self._by_code:
                raise DataFileError(f"code {c.code}: parent {c.parent} is missing")
            if c.quad_class != _expected_quad(c.root):
                raise DataFileError(f"code {c.code}: quad_class {c.quad_class} is wrong for root {c.root}")
            if (c.plover_type is None) != (c.plover_source == "none"):
                raise DataFileError(f"code {c.code}: plover_source 'none' goes with an empty plover_type only")
            if c.plover_type is not None:
                t = self._plover.get(c.plover_type)
                if t is None:
                    raise DataFileError(f"code {c.code}: unknown PLOVER type {c.plover_type}")
                if c.plover_mode is not None and c.plover_mode not in t.mode_names:
                    raise DataFileError(f"code {c.code}: {c.plover_type} has no mode {c.plover_mode!r}")
            elif c.plover_mode is not None:
                raise DataFileError(f"code {c.code}: a PLOVER mode needs a PLOVER type")
        for old, new in self._old_types.items():
            if new not in self._plover:
                raise DataFileError(f"old PLOVER type {old} maps to unknown type {new}")

    # -- lookup ---------------------------------------------------------

    def __getitem__(self, code: str) -> CameoCode:
        found = self.get(code)
        if found is None:
            raise UsageError(self._unknown(code))
        return found

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip() in self._by_code

    def __len__(self) -> int:
        return len(self.codes)

    def get(self, code: object) -> CameoCode | None:
        """The code's record, or None when ``code`` is not a known CAMEO code."""
        return self._by_code.get(code.strip()) if isinstance(code, str) else None

    def _unknown(self, code: object) -> str:
        text = repr(code)[:40]
        if isinstance(code, str):
            for n in (3, 2):  # nearest known ancestor, if the digits suggest one
                if code[:n] in self._by_code and len(code) > n:
                    c = self._by_code[code[:n]]
                    return (f"unknown CAMEO code {text}; did you mean {c.code} ({c.name}) or one of its children? "
                            f"Run 'flashpoint ontology list --root {c.root}' to see them")
        return (f"unknown CAMEO code {text}; CAMEO codes are strings of 2-4 digits from '01' to '2042' "
                "(keep leading zeros); run 'flashpoint ontology list' to see them all")

    # -- tree -----------------------------------------------------------

    def path(self, code: str) -> list[CameoCode]:
        """The chain from the root down to ``code`` (inclusive)."""
        chain = [self[code]]
        while chain[0].parent is not None:
            chain.insert(0, self._by_code[chain[0].parent])
        return chain

    def children(self, code: str) -> list[CameoCode]:
        """Direct children of ``code`` in codebook order."""
        return list(self._children.get(self[code].code, ()))

    def descendants(self, code: str) -> list[CameoCode]:
        """All codes below ``code`` (children, grandchildren) in codebook order."""
        out: list[CameoCode] = []
        for child in self.children(code):
            out.append(child)
            out.extend(self.descendants(child.code))
        return out

    def roots(self) -> list[CameoCode]:
        """The twenty two-digit root codes."""
        return [c for c in self._by_code.values() if c.level == 1]

    # -- PLOVER ---------------------------------------------------------

    def plover(self, code: str) -> Plover | None:
        """The PLOVER type and mode for ``code``, inherited from the nearest
        mapped ancestor; None for codes with no PLOVER equivalent (root 01)."""
        for c in reversed(self.path(code)):
            if c.plover_type is not None:
                return Plover(c.plover_type, c.plover_mode)
        return None

    def plover_type(self, name: str) -> PloverType:
        """A current PLOVER type by name (case-insensitive)."""
        found = self._plover.get(name.strip().upper()) if isinstance(name, str) else None
        if found is None:
            raise UsageError(f"unknown PLOVER type {name!r}; known types: {', '.join(self._plover)}")
        return found

    def old_plover_type(self, name: str) -> str:
        """Map a PLOVER 0.5b1 type name (DEMAND, DISAPPROVE, FIGHT, ...) to the current one."""
        key = name.strip().upper() if isinstance(name, str) else ""
        if key in self._old_types:
            return self._old_types[key]
        if key in self._plover:
            return key
        raise UsageError(f"unknown PLOVER 0.5b1 type {name!r}; known: {', '.join(sorted(self._old_types))}")

    def old_plover(self, name: str, mode: str | None = None) -> Plover:
        """Map a PLOVER 0.5b1 (type, mode) pair to a current :class:`Plover`.

        Renamed modes follow ``old_modes`` in plover.yaml; a mode the current
        type does not have is dropped rather than guessed.
        """
        new = self.old_plover_type(name)
        old_key, raw = name.strip().upper(), (mode or "").strip()
        table = {**self._old_modes.get("*", {}), **self._old_modes.get(old_key, {})}
        mapped = table[raw] if raw in table else (raw or None)
        return Plover(new, mapped if mapped in self._plover[new].mode_names else None)


@functools.lru_cache(maxsize=1)
def _load_default() -> Ontology:
    return Ontology._build(None, None)


def pattern_ids_by_code(path: Path | None = None) -> dict[str, list[str]] | None:
    """Index a pattern folder or file by CAMEO code: ``{code: [pattern id, ...]}``.

    Each file is walked generically (any mapping with string ``id`` and
    ``code`` keys, at any depth), so this does not depend on the files'
    exact layout or validity. Returns None when there is no such file or folder.

    Raises:
        DataFileError: a file exists but is not readable YAML.
    """
    from .patterns import default_patterns_path, pattern_files

    target = Path(path) if path is not None else default_patterns_path()
    if not target.exists():
        return None
    index: dict[str, list[str]] = {}
    for file in pattern_files(target):
        where = str(file) if path is not None else f"flashpoint/coding/data/patterns/{file.name}"
        try:
            doc = load_yaml(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError) as exc:
            raise DataFileError(f"{where}: cannot read the pattern file ({str(exc)[:200]}); fix its syntax") from None
        _index_ids(doc, index)
    return index


def _index_ids(doc: Any, index: dict[str, list[str]]) -> None:
    stack, seen = [doc], set()
    while stack:  # iterative: hostile files may nest deeply or alias themselves
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            pid, code = node.get("id"), node.get("code")
            if isinstance(pid, str) and isinstance(code, str):
                index.setdefault(code.strip(), []).append(pid)
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend(reversed(node))
