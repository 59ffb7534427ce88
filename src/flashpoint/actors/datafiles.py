"""Read actor data files (package and user) into validated :class:`Entry` records.

Three formats:

* YAML: a list of entries (or ``{entries: [...]}``), each a mapping whose
  ``id`` prefix gives its kind (``org:NATO``); see docs/ACTORS.md.
* countries TSV: ``iso3 cameo name names adjectives capitals metonyms``.
* people TSV: ``id name aliases country role start end``, one row per office.

Every problem raises :class:`~flashpoint.errors.DataFileError` naming the
file and line and saying how to fix it.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..yamlio import WordSafeLoader
from ..errors import DataFileError
from .entries import KINDS, Alias, Entry, Period, Role
from .schema import SCHEMAS, check, first_error

MAX_FILE_BYTES = 50_000_000
COUNTRY_COLUMNS = ("iso3", "cameo", "name", "names", "adjectives", "capitals", "metonyms")
PEOPLE_COLUMNS = ("id", "name", "aliases", "country", "role", "start", "end")


def read_text(path: Path) -> str:
    """Read a data file as UTF-8, refusing huge or binary files."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataFileError(f"{path}: {size} bytes is over the {MAX_FILE_BYTES}-byte limit for actor files; split it")
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror}); check the path") from None


def read_entries(path: Path, trusted: bool = False) -> list[Entry]:
    """Read any actor file, choosing the format by name and header.

    Args:
        path: a ``.yaml``/``.yml`` file, ``countries*.tsv`` or a people TSV.
        trusted: package files skip the YAML anchor check.
    """
    text = read_text(path)
    if "\x00" in text:
        raise DataFileError(f"{path}: contains NUL bytes; this is not a text file")
    if path.suffix.lower() in (".yaml", ".yml"):
        return _yaml_entries(path, text, trusted)
    if path.suffix.lower() == ".tsv":
        header = next((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), "")
        cols = tuple(c.strip() for c in header.split("\t"))
        if cols == COUNTRY_COLUMNS:
            return _country_entries(path, text)
        if cols == PEOPLE_COLUMNS:
            return _people_entries(path, text)
        raise DataFileError(
            f"{path}:1: unknown TSV header {header[:120]!r}; use the people columns "
            f"{' '.join(PEOPLE_COLUMNS)} or the country columns {' '.join(COUNTRY_COLUMNS)}, tab-separated")
    raise DataFileError(f"{path}: unknown actor file type {path.suffix!r}; use .yaml, .yml or .tsv")


def _yaml_entries(path: Path, text: str, trusted: bool) -> list[Entry]:
    loader = WordSafeLoader
    try:
        if not trusted and ("&" in text or "*" in text):
            # Anchors and aliases can expand a small file into a huge tree.
            for event in yaml.parse(text, Loader=loader):
                if isinstance(event, yaml.AliasEvent):
                    raise DataFileError(
                        f"{path}:{event.start_mark.line + 1}: YAML anchors and aliases (*name) are not allowed in actor files; write the values out")
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataFileError(f"{path}:{line}: YAML syntax error: {problem}; fix the indentation or quoting there") from None
    except RecursionError:
        raise DataFileError(f"{path}: YAML nested too deeply; actor files are a flat list of entries") from None
    if isinstance(data, dict) and set(data) == {"entries"}:
        data = data["entries"]
    if data is None:
        raise DataFileError(f"{path}: the file is empty; write a YAML list of entries (see docs/ACTORS.md)")
    if not isinstance(data, list):
        raise DataFileError(f"{path}:1: expected a YAML list of entries (lines starting with '- '), got {type(data).__name__}")
    lines = _item_lines(text, loader, len(data))
    entries, errors = [], []
    for i, record in enumerate(data):
        try:
            entries.append(_from_record(record, f"{path}:{lines[i]}"))
        except DataFileError as exc:  # go on: `actors validate` reports every bad entry at once
            errors.append(str(exc))
    if errors:
        raise DataFileError("\n".join(errors))  # one line per entry, each with its line number
    return entries


def _item_lines(text: str, loader: Any, count: int) -> list[int]:
    """Line numbers of the top-level list items (1-based)."""
    node = yaml.compose(text, Loader=loader)
    if isinstance(node, yaml.MappingNode):
        node = node.value[0][1]
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    lines = [n.start_mark.line + 1 for n in items]
    return lines + [1] * (count - len(lines))


def _from_record(record: Any, where: str) -> Entry:
    """Validate one entry dict and build the :class:`Entry`."""
    if not isinstance(record, dict):
        raise DataFileError(f"{where}: each entry must be a mapping with an id, got {type(record).__name__}")
    ident = record.get("id")
    kind = ident.split(":", 1)[0] if isinstance(ident, str) and ":" in ident else None
    if kind not in KINDS:
        raise DataFileError(f"{where}: id {str(ident)[:80]!r} must start with one of {', '.join(k + ':' for k in KINDS)}")
    error = first_error(kind, record)
    if error:
        raise DataFileError(f"{where}: {ident}: {error}")
    return _build(kind, record, where)


_CONTEXTS = re.compile(r"@([A-Z]{3}(?:\+[A-Z]{3})*)$")


def _aliases(values: Iterable[str], role: str) -> list[Alias]:
    out = []
    for value in values:
        contexts: tuple[str, ...] = ()
        found = _CONTEXTS.search(value)
        if found:  # "North@KOR+PRK": names its entry only in a story about those countries
            value, contexts = value[: found.start()], tuple(found.group(1).split("+"))
        sector = None
        if role == "metonym" and ">" in value:
            value, sector = value.rsplit(">", 1)
        shared = value.startswith("~")
        value = value[1:] if shared else value
        exact = value.startswith("=")
        out.append(Alias(value[1:] if exact else value, role, sector or ("GOV" if role in ("metonym", "capital") else None), exact, shared,
                         contexts))
    return out


def _date(value: str | None, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataFileError(f"{where}: {value!r} is not a real date; write YYYY-MM-DD") from None


def _build(kind: str, r: dict[str, Any], where: str) -> Entry:
    if kind == "country":
        aliases = (_aliases([r["name"], *r.get("aliases", [])], "name") + _aliases(r.get("adjectives", []), "adjective")
                   + _aliases(r.get("capitals", []), "capital") + _aliases(r.get("metonyms", []), "metonym"))
        return Entry(r["id"], kind, r["name"], tuple(aliases), where, country=r["iso3"], cameo=r.get("cameo") or r["iso3"])
    if kind == "org":
        periods = tuple(Period(_date(p["start"], where), p["sector"], p.get("code")) for p in r.get("periods", []))
        aliases = _aliases([r["name"], *r.get("aliases", [])], "org") + _aliases(r.get("seats", []), "seat")
        return Entry(r["id"], kind, r["name"], tuple(aliases), where,
                     country=r.get("country"), org=r["org"], sector=r["sector"], code=r["code"],
                     homes=tuple(r.get("homes") or ()),
                     periods=tuple(sorted(periods, key=lambda p: p.start)))
    if kind == "agent":
        return Entry(r["id"], kind, r["name"], tuple(_aliases(r["aliases"], "agent")), where,
                     sector=r["sector"], representative=bool(r.get("representative", False)))
    if kind == "person":
        roles = []
        for role in r["roles"]:
            start, end = _date(role.get("start"), where), _date(role.get("end"), where)
            if start and end and end < start:
                raise DataFileError(f"{where}: {r['id']}: role {role['role']} ends ({end}) before it starts ({start}); swap the dates")
            roles.append(Role(role["country"], role["role"], start, end))
        return Entry(r["id"], kind, r["name"], tuple(_aliases([r["name"], *r.get("aliases", [])], "person")), where,
                     roles=tuple(roles))
    return Entry(r["id"], kind, r["id"], tuple(_aliases(r["aliases"], "block")), where)


def _rows(path: Path, text: str, columns: tuple[str, ...]) -> Iterable[tuple[int, dict[str, str]]]:
    """Yield ``(line, row)`` for each data row of a TSV with a known header."""
    header_seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise DataFileError(
                f"{path}:{number}: {len(cells)} tab-separated cells, expected {len(columns)} ({' '.join(columns)}); "
                "check for spaces where tabs belong")
        yield number, {c: v.strip() for c, v in zip(columns, cells)}


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _country_entries(path: Path, text: str) -> list[Entry]:
    out = []
    for number, row in _rows(path, text, COUNTRY_COLUMNS):
        record: dict[str, Any] = {"id": f"country:{row['iso3']}", "name": row["name"], "iso3": row["iso3"]}
        if row["cameo"]:
            record["cameo"] = row["cameo"]
        for col, key in (("names", "aliases"), ("adjectives", "adjectives"), ("capitals", "capitals"), ("metonyms", "metonyms")):
            record[key] = _split(row[col])
        out.append(_from_record(record, f"{path}:{number}"))
    return out


def _people_entries(path: Path, text: str) -> list[Entry]:
    """Group the one-row-per-office people table into one entry per person."""
    records: dict[str, dict[str, Any]] = {}
    first_line: dict[str, int] = {}
    for number, row in _rows(path, text, PEOPLE_COLUMNS):
        where = f"{path}:{number}"
        if not row["id"] or not row["name"]:
            raise DataFileError(f"{where}: id and name must not be empty")
        ident = f"person:{row['id']}"
        rec = records.get(ident)
        if rec is None:
            rec = records[ident] = {"id": ident, "name": row["name"], "aliases": [], "roles": []}
            first_line[ident] = number
        elif rec["name"] != row["name"]:
            raise DataFileError(f"{where}: id {row['id']!r} is named {row['name']!r} here but {rec['name']!r} on line "
                                f"{first_line[ident]}; one id is one person")
        rec["aliases"].extend(a for a in _split(row["aliases"]) if a not in rec["aliases"])
        role = {"country": row["country"], "role": row["role"], "start": row["start"] or None, "end": row["end"] or None}
        error = check(SCHEMAS["person"]["properties"]["roles"]["items"], role)
        if error:
            raise DataFileError(f"{where}: {ident}: {'/'.join(map(str, error[0])) or 'role'}: {error[1]}")
        rec["roles"].append(role)
    out = []
    for ident, rec in records.items():
        out.append(_from_record(rec, f"{path}:{first_line[ident]}"))
    return out


_ISO3 = re.compile(r"^[A-Z]{3}$")


def read_descriptors(path: Path) -> dict[str, frozenset[str]]:
    """Read ``descriptors.yaml`` (kinds and regions of states, see the file's head)
    into ``{phrase: member countries}``: "kingdom" -> the kingdoms, "Gulf state" ->
    the Gulf states, "Gulf kingdom" -> the Gulf states that are kingdoms."""
    data = yaml.load(read_text(path), Loader=WordSafeLoader)
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict) or not isinstance(data.get("regions"), dict):
        raise DataFileError(f"{path}: expected a mapping with heads, kinds and regions; see the comment at its head")

    def members(values: Any, where: str) -> frozenset[str]:
        if not isinstance(values, list) or not all(isinstance(v, str) and _ISO3.match(v) for v in values):
            raise DataFileError(f"{path}: {where}: members must be a list of ISO3 codes ([SAU, QAT])")
        return frozenset(values)

    out: dict[str, set[str]] = {}
    kinds: list[tuple[list[str], frozenset[str]]] = []
    for name, kind in data["kinds"].items():
        if not isinstance(kind, dict) or not isinstance(kind.get("phrases"), list):
            raise DataFileError(f"{path}: kind {name!r}: needs phrases (a list) and members")
        group = members(kind.get("members"), f"kind {name!r}")
        kinds.append((kind["phrases"], group))
        for phrase in kind["phrases"]:
            out.setdefault(str(phrase), set()).update(group)
    for word, values in data["regions"].items():
        group = members(values, f"region {word!r}")
        for head in data.get("heads") or ():
            out.setdefault(f"{word} {head}", set()).update(group)
        for phrases, kind_members in kinds:
            inside = group & kind_members
            for phrase in phrases if inside else ():
                out.setdefault(f"{word} {phrase}", set()).update(inside)
    return {phrase: frozenset(isos) for phrase, isos in out.items()}
