"""The benchmark's load generator: concurrent keep-alive HTTP/1.1 clients on one event loop.

``flashpoint bench --serve`` measures the server, so the clients should cost
as little CPU as they can: on a 2-core machine every millisecond a client
spends parsing an answer is a millisecond the server does not get. Twenty
threads each driving an ``httpx.Client`` spent about as much CPU per request
as the server spent on a cached answer, all under one GIL. Here each client
is a coroutine holding one raw socket connection; a request is one write and
an answer one read of its head and ``Content-Length`` (or chunked) body. Only
what a benchmark needs: GET, loopback, no TLS, no redirects.

The clients run in a process of their own (:func:`run_in_process`), so
neither the bench's bookkeeping nor its imports share their interpreter.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import statistics
import subprocess
import sys
import time
from typing import Any
from urllib.parse import urlsplit

from ..errors import UsageError


class _Connection:
    """One keep-alive connection sending GETs and reading whole answers."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str) -> None:
        self.reader, self.writer, self.host = reader, writer, host
        self.send_headers({})

    def send_headers(self, headers: dict[str, str]) -> None:
        """Send ``headers`` with every request from now on."""
        extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.head = f"Host: {self.host}\r\nAccept: */*\r\n{extra}\r\n"

    async def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        self.writer.write(f"GET {path} HTTP/1.1\r\n{self.head}".encode("latin-1"))
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        fields = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            fields[name.strip().lower()] = value.strip()
        if status in (204, 304):  # never a body
            body = b""
        elif "content-length" in fields:
            body = await self.reader.readexactly(int(fields["content-length"]))
        elif fields.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                parts.append(await self.reader.readexactly(size))
                await self.reader.readexactly(2)
            await self.reader.readuntil(b"\r\n")  # the (empty) trailer
            body = b"".join(parts)
        else:
            raise UsageError(f"the server answered {path} without a length; the load generator needs one")
        return status, fields, body

    async def close(self) -> None:
        self.writer.close()
        with contextlib.suppress(OSError):
            await self.writer.wait_closed()


# What each kind of request asks of the server, and the status it must answer.
HOW = {
    "computed": ({"Cache-Control": "no-cache"}, 200),  # a fresh answer, never the answer cache
    "cached": ({}, 200),  # the answer cache may answer
    # A client that kept the answer checks it is still current: If-None-Match
    # with the ETag of the warm-up's (plain) answer, and no-cache, as a browser's reload.
    "revalidated": ({"Cache-Control": "no-cache"}, 304),
}


async def _hammer(base: str, path: str, clients: int, per_client: int, how: str) -> dict[str, Any]:
    url = urlsplit(base)
    headers, expected = HOW[how]
    conns: list[_Connection] = []
    latencies: list[float] = []
    failures: list[str] = []

    async def client(conn: _Connection) -> None:
        for _ in range(per_client):
            t = time.perf_counter()
            status, _, body = await conn.get(path)
            latencies.append((time.perf_counter() - t) * 1000)
            if status != expected:
                failures.append(f"{status} {body[:100]!r}")

    try:
        for _ in range(clients):
            conns.append(_Connection(*await asyncio.open_connection(url.hostname, url.port), url.netloc))
        for conn in conns:  # warm each connection (and the server thread that takes it)
            if how != "revalidated":
                conn.send_headers(headers)
            _, fields, _ = await conn.get(path)
            if how == "revalidated":
                if "etag" not in fields:
                    raise UsageError(f"{path} has no ETag to revalidate")
                conn.send_headers({"If-None-Match": fields["etag"], **headers})
        t0 = time.perf_counter()
        await asyncio.gather(*(client(c) for c in conns))
        wall = time.perf_counter() - t0
    finally:
        for conn in conns:
            await conn.close()
    return {"latencies": latencies, "wall": wall, "failures": failures, "sent": len(latencies) + clients}


def hammer(base: str, path: str, clients: int, per_client: int, how: str = "computed") -> dict[str, Any]:
    """``clients`` concurrent connections each sending ``per_client`` GETs of ``path``.

    ``how`` (:data:`HOW`): ``computed`` requests say ``Cache-Control:
    no-cache``, so the server computes each answer rather than taking it from
    its answer cache; ``cached`` ones let it; ``revalidated`` ones send the
    ETag of a first answer and must be answered ``304 Not Modified``.
    Returns latency figures in ms (``p50_ms``, ``p95_ms``, ``max_ms``), the
    rate (``rps``) and the requests timed and sent (with one warm-up each).
    """
    if how not in HOW:
        raise UsageError(f"how must be one of {', '.join(HOW)}, not {how!r}")
    try:
        raw = asyncio.run(_hammer(base, path, clients, per_client, how))
    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
        raise UsageError(f"{path}: the connection to {base} failed ({exc!r})") from None
    if raw["failures"]:
        raise UsageError(f"{path} failed under load: {raw['failures'][0]}")
    lat = raw["latencies"]
    return {"p50_ms": round(statistics.median(lat), 3), "p95_ms": round(percentile(lat, 0.95), 3),
            "max_ms": round(max(lat), 3), "rps": round(len(lat) / raw["wall"], 1), "requests": len(lat),
            "sent": raw["sent"]}


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def run_in_process(base: str, path: str, clients: int, per_client: int, how: str = "computed") -> dict[str, Any]:
    """:func:`hammer` in a fresh Python process (``python -m flashpoint.serve.loadgen``)."""
    args = [sys.executable, "-m", "flashpoint.serve.loadgen", base, path, str(clients), str(per_client), how]
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        raise UsageError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "the load generator failed")
    return json.loads(done.stdout)


def main(argv: list[str]) -> int:
    """``python -m flashpoint.serve.loadgen BASE PATH CLIENTS PER_CLIENT [HOW]``: figures as JSON."""
    base, path, clients, per_client, *how = argv
    try:
        print(json.dumps(hammer(base, path, int(clients), int(per_client), *how)))
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
