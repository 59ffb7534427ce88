"""Finding and reading a PETRARCH dictionary directory.

A directory holds one verbs file and any number of actors, agents and
discards files, recognised by name (``*verbs*.txt``, ``*actors*.txt``,
``*agents*.txt``, ``*discards*.txt``, any case), as PETRARCH and TABARI
dictionary sets are usually named. Files are read at run time and never
copied anywhere.
"""

from __future__ import annotations

import functools
from pathlib import Path

from ...errors import DataFileError
from .model import DictionarySet
from .parse import Problems, parse_actors, parse_agents, parse_discards, parse_verbs

MAX_FILE_BYTES = 256 * 1024 * 1024
KINDS = ("verbs", "actors", "agents", "discards")


def dictionary_files(directory: Path) -> dict[str, list[Path]]:
    """The directory's dictionary files by kind (sorted by name).

    Raises:
        DataFileError: not a directory, no verbs file or several, no actors file.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise DataFileError(f"PETRARCH dictionaries: {directory} is not a directory")
    found: dict[str, list[Path]] = {k: [] for k in KINDS}
    for path in sorted(directory.iterdir()):
        name = path.name.lower()
        if not path.is_file() or not name.endswith(".txt"):
            continue
        kinds = [k for k in KINDS if k in name]
        if len(kinds) == 1:
            found[kinds[0]].append(path)
    if len(found["verbs"]) != 1:
        listed = ", ".join(p.name for p in found["verbs"]) or "none"
        raise DataFileError(f"PETRARCH dictionaries: {directory} must hold exactly one *verbs*.txt file (found {listed})")
    if not found["actors"]:
        raise DataFileError(f"PETRARCH dictionaries: {directory} holds no *actors*.txt file")
    return found


def read_text(path: Path) -> str:
    """A dictionary file's text (UTF-8, else Latin-1, as old TABARI files often are).

    Raises:
        DataFileError: unreadable or larger than :data:`MAX_FILE_BYTES`.
    """
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise DataFileError(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; is this a dictionary?")
        data = path.read_bytes()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if b"\x00" in data[:4096]:
        raise DataFileError(f"{path}: binary file, not a dictionary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


@functools.lru_cache(maxsize=4)
def load_dictionaries(directory: Path, strict: bool = False) -> DictionarySet:
    """Read and parse every dictionary file of a directory (cached per path).

    Big dictionaries written over decades hold the odd broken line; unless ``strict``,
    such a line (or the entry it belongs to) is skipped and described in
    ``DictionarySet.problems`` ("file: line N: why"), as PETRARCH goes on past them.

    Raises:
        DataFileError: a file is missing, unreadable or binary, a comment is never closed,
            or (``strict``) any line is malformed; the message names the file and line.
    """
    files = dictionary_files(Path(directory))
    problems = Problems(strict)
    verbs_path = files["verbs"][0]
    actors = tuple(a for p in files["actors"] for a in parse_actors(read_text(p), p.name, problems))
    agents = tuple(a for p in files["agents"] for a in parse_agents(read_text(p), p.name, problems))
    discards = tuple(d for p in files["discards"] for d in parse_discards(read_text(p), p.name, problems))
    verbs = parse_verbs(read_text(verbs_path), verbs_path.name, problems)
    if not verbs.blocks:
        raise DataFileError(f"PETRARCH dictionaries: {verbs_path} holds no readable verb block")
    return DictionarySet(
        verbs=verbs,
        actors=actors,
        agents=agents,
        discards=discards,
        files=tuple(str(p) for kind in KINDS for p in files[kind]),
        problems=tuple(problems.notes),
    )
