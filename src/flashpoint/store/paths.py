"""Output paths that cannot destroy the database, and files replaced whole.

``export -o`` and ``watch --cache`` take a path from the user; one that
names the database (or its ``-wal``, ``-shm`` or ``-journal`` file) would
overwrite it. :func:`refuse_database_path` turns that into a usage error
before anything is opened for writing, and :func:`replacing` writes a file
beside its target and renames it into place only when the writing
succeeded, so a failed export leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import UsageError

SIDE_FILES = ("", "-wal", "-shm", "-journal")  # SQLite keeps these beside the database


def database_file(url: str) -> Path | None:
    """The file a store URL names (a path or ``sqlite:`` URL), else None."""
    text = (url or "").strip()
    if not text or text in ("memory:", ":memory:") or text.startswith(("postgresql://", "postgres://")):
        return None
    if text.startswith("sqlite:"):
        path = urlsplit(text).path
        return Path(path[1:]) if path.startswith("/") else None
    return Path(text)


def _same(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)  # hard links, bind mounts
    except OSError:
        return False


def refuse_database_path(path: str | Path, db_url: str, option: str) -> None:
    """Raise UsageError when ``path`` is the database of ``db_url`` or one of
    its side files; ``option`` names the command-line option in the message."""
    db = database_file(db_url)
    if db is None or str(path) == "-":
        return
    target = Path(path)
    for suffix in SIDE_FILES:
        if _same(target, db.with_name(db.name + suffix)):
            raise UsageError(f"{option} {path} is the database{' ' + suffix[1:] + ' file' if suffix else ''}"
                             f" ({db}); writing there would destroy it; choose another file")


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends without an
    error, flush it to disk and rename it over ``path`` (else remove it)."""
    target = Path(path)
    fd, name = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".",
                                prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        sync_file(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    sync_directory(target.parent)


def sync_file(path: Path) -> None:
    """fsync a written file, so a rename after it never exposes an empty file."""
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def sync_directory(path: Path) -> None:
    """fsync a directory so a rename in it survives an OS crash (where the
    platform allows opening a directory)."""
    with contextlib.suppress(OSError):
        fd = os.open(path if str(path) else ".", os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
