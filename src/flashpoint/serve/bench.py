"""``flashpoint bench --serve``: API latency under concurrent clients.

Loads the store benchmark's synthetic events (:func:`flashpoint.bench.query.synthetic_rows`)
into an empty database, starts ``flashpoint serve`` on it as a separate
process on a free loopback port, and times, with ``clients`` concurrent
HTTP clients each holding a keep-alive connection (:mod:`.loadgen`, in a
process of its own):

- the first page of events (``/api/v1/events``, newest first, 50 a page)
  and the first page of one dyad with a CAMEO prefix;
- the weekly series of the busiest dyad (``/api/v1/series``);
- the dashboard's first page (``/``), one client at a time: its HTML alone,
  and in Debian's chromium (Playwright) until the page's ``load`` event.

Each API request is also timed from one client alone (no queueing behind the
others), and the machine's load average is reported with the figures. With
``workers`` above 1, each database is served twice, by one process and then
by ``workers`` processes (``flashpoint serve --workers``), so the two are
compared in one run on the same data.

Self-contained so it can move with the other benchmarks.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from ..errors import UsageError
from . import loadgen

WORKLOADS = {
    "events first page": "/api/v1/events?size=50",
    "dyad events page": "/api/v1/events?source=RUS&target=UKR&cameo=19&size=50",
    "weekly dyad series": "/api/v1/series?source=RUS&target=UKR&freq=week",
}


def load(url: str, n_events: int) -> float:
    """Bulk-load ``n_events`` synthetic events into the empty store at ``url``; seconds taken."""
    from ..store import open_store
    from ..bench.query import load_synthetic

    store = open_store(url)
    try:
        return load_synthetic(store, url, n_events)
    finally:
        store.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``flashpoint serve`` in a child process, stopped on exit."""

    def __init__(self, db: str, log: Path, workers: int = 1) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        with open(log, "wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "flashpoint", "serve", "--db", db, "--port", str(self.port),
                 "--workers", str(workers)],
                stdout=subprocess.DEVNULL, stderr=err, env={**os.environ, "FLASHPOINT_TOKEN": ""})
        self.log = log

    def __enter__(self) -> "Server":
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(self.base + "/api/v1/stats", timeout=30).raise_for_status()
                return self
            except httpx.TransportError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.__exit__()
                    raise UsageError(f"the server did not start: {self.log.read_text()[-300:]}") from None
                time.sleep(0.2)

    def cpu_seconds(self) -> float | None:
        """CPU time (user + system) used so far by the server and its worker
        processes, or None where ``/proc`` cannot tell (not Linux). Unlike
        latency, it hardly moves with what else the machine runs."""
        try:
            total, todo = 0, [self.proc.pid]
            while todo:
                pid = todo.pop()
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
                for task in Path(f"/proc/{pid}/task").iterdir():
                    todo.extend(int(c) for c in (task / "children").read_text().split())
            return total / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def page_render(base: str, path: str = "/", repeat: int = 5) -> dict[str, float]:
    """One client fetching the HTML of ``path`` ``repeat`` times (after one warm-up)."""
    with httpx.Client(base_url=base, timeout=60) as http:
        http.get(path).raise_for_status()
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            http.get(path).raise_for_status()
            times.append((time.perf_counter() - t) * 1000)
    return {"median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1)}


def bench_serve(n_events: int = 1_000_000, pg: str | None = None, clients: int = 20,
                per_client: int = 10, workers: int = 1) -> Iterator[str]:
    """Yield report lines for SQLite (a temporary file) and, given ``pg``,
    PostgreSQL; served by one process and, when ``workers`` > 1, by that many."""
    with tempfile.TemporaryDirectory(prefix="flashpoint-serve-bench-") as tmp:
        targets = [("sqlite", str(Path(tmp) / "bench.db"))]
        if pg:
            targets.append(("postgres", pg))
        for name, url in targets:
            seconds = load(url, n_events)
            yield f"serve {name}: loaded {n_events:,} events in {seconds:.1f} s"
            for n in sorted({1, workers}):
                with Server(url, Path(tmp) / f"{name}-{n}.log", n) as server:
                    yield from _timed(server, f"serve {name}, {n} worker{'s' if n > 1 else ''}:", clients, per_client)


def _timed(server: Server, head: str, clients: int, per_client: int) -> Iterator[str]:
    yield f"{head} load average {_load()} (the machine's, before timing)"
    for label, path in WORKLOADS.items():
        r = loadgen.run_in_process(server.base, path, 1, per_client * 2)
        yield (f"{head} {label:<20} {'computed':<11}  1 client:  p50 {r['p50_ms']:.0f} ms,"
               f" p95 {r['p95_ms']:.0f} ms, max {r['max_ms']:.0f} ms")
        for how in loadgen.HOW:
            before = server.cpu_seconds()
            r = loadgen.run_in_process(server.base, path, clients, per_client, how)
            after = server.cpu_seconds()
            cpu = (f", server CPU {(after - before) * 1000 / r['sent']:.1f} ms/request"
                   if before is not None and after is not None else "")
            yield (f"{head} {label:<20} {how:<11} {clients:>2} clients: p50 {r['p50_ms']:.0f} ms,"
                   f" p95 {r['p95_ms']:.0f} ms, max {r['max_ms']:.0f} ms, {r['rps']:.0f} req/s{cpu}")
    r = page_render(server.base)
    yield f"{head} dashboard first page   1 client: HTML median {r['median_ms']:.0f} ms, max {r['max_ms']:.0f} ms"
    shown = browser_render(server.base)
    yield (f"{head} dashboard first page   chromium: {shown}" if isinstance(shown, str) else
           f"{head} dashboard first page   chromium, new context each (no cache), until 'load':"
           f" median {shown['median_ms']:.0f} ms, max {shown['max_ms']:.0f} ms")
    yield f"{head} load average {_load()} (after timing)"


CHROMIUM = "/usr/bin/chromium"  # Debian's package; Playwright cannot download a browser here
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def browser_render(base: str, path: str = "/", repeat: int = 5) -> dict[str, float] | str:
    """A real browser opening ``path`` ``repeat`` times, each in a fresh context
    (nothing cached), timed from navigation to the page's ``load`` event
    (HTML, styles, script and the vendored outlines drawn); after one warm-up.
    Returns why not when Playwright or Debian's ``chromium`` is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "skipped (no playwright: pip install 'flashpoint[test]')"
    if not Path(CHROMIUM).exists():
        return f"skipped ({CHROMIUM} is missing: apt-get install -y chromium)"
    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for n in range(repeat + 1):
                context = browser.new_context()
                page = context.new_page()
                t = time.perf_counter()
                answer = page.goto(base + path, wait_until="load")
                took = (time.perf_counter() - t) * 1000
                context.close()
                if answer is None or not answer.ok:
                    raise UsageError(f"the dashboard did not load: {answer.status if answer else 'no answer'}")
                if n:
                    times.append(took)
        finally:
            browser.close()
    return {"median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1)}


def _load() -> str:
    """The 1, 5 and 15 minute load averages: the figures above are only as
    quiet as the machine was."""
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"

