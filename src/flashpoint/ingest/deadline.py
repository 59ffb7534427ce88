"""A total time limit on one fetch, headers included.

httpx has connect and per-read timeouts but no overall one: a server that
sends one header byte every few seconds never trips a per-read timeout and
can hold a fetch (and ``watch``, which polls feeds one after another) for as
long as it likes. A :class:`Deadline` learns the socket of each connection
the fetch opens through httpcore's ``trace`` request extension and, when
the time is up, shuts that socket down from a timer thread: the blocked
read returns at once and the fetch fails with a clear error.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from typing import Any


class Deadline:
    """``seconds`` from entering the block; pass :meth:`trace` as the
    ``trace`` extension of every request made inside it."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, seconds), self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self.at = time.monotonic() + self.seconds
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def trace(self, name: str, info: dict[str, Any]) -> None:
        """httpcore trace hook: remember the socket of a new connection (a
        TLS connection reports again once the handshake wrapped it)."""
        if not name.endswith(("connect_tcp.complete", "start_tls.complete")):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        with self._lock:
            self._sock = sock
            expired = self.expired
        if expired:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sock = self._sock
        _shut(sock)


def _shut(sock: socket.socket | None) -> None:
    # shutdown(), not close(): closing a descriptor does not wake a thread
    # blocked reading it on Linux, shutting the connection down does.
    if sock is not None:
        with contextlib.suppress(OSError, ValueError):
            sock.shutdown(socket.SHUT_RDWR)
