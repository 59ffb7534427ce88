"""A private PostgreSQL server for tests that stop and restart it.

The server CI starts (scripts/postgres-up.sh) is shared by every test and
every helper on the machine, so outage tests get their own: ``initdb`` into
a fresh directory and ``pg_ctl`` on a free port, trust authentication on
127.0.0.1 only. PostgreSQL refuses to run as root; as root (CI) the server
runs as the ``postgres`` user that the Debian package creates.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _bindir() -> Path | None:
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.access(os.path.join(d, "pg_ctl"), os.X_OK):
            return Path(d)
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrivateServer:
    """One throwaway cluster: start, stop, restart; ``url`` to connect."""

    def __init__(self, bindir: Path, root: Path, user: str | None) -> None:
        self.bindir, self.root, self.user = bindir, root, user
        self.data = root / "data"
        self.port = _free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = " ".join(shlex.quote(a) for a in args)
        argv = ["su", self.user, "-s", "/bin/sh", "-c", command] if self.user else ["/bin/sh", "-c", command]
        return subprocess.run(argv, capture_output=True, text=True, check=check, timeout=120, cwd="/")

    def init(self) -> None:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off"
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options,
                  "-l", str(self.root / "server.log"), "-w", "start")

    def stop(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)

    def restart(self) -> None:
        self.stop()
        self.start()


@contextlib.contextmanager
def private_server() -> Iterator[PrivateServer | str]:
    """A running private server, or a string saying why there is none."""
    bindir = _bindir()
    if bindir is None:
        yield "no PostgreSQL server binaries (pg_ctl) on this machine"
        return
    user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            yield "running as root and there is no 'postgres' user to run a server as"
            return
        user = "postgres"
    root = Path(tempfile.mkdtemp(prefix="flashpoint-pg-", dir="/tmp"))
    if user:
        shutil.chown(root, user)
    server = PrivateServer(bindir, root, user)
    try:
        server.init()
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
