"""Time the API of this tree against another commit's, alternating, on one database.

The clients are this tree's load generator (:mod:`flashpoint.serve.loadgen`)
for both, so only the server differs.

``flashpoint bench --serve`` compares one server process with several on the
code it runs; a change to the code itself needs the code before it too. This
script exports REF's ``src/`` (``git archive``, no worktree), then serves the
given database (filled by ``flashpoint bench --serve``'s loader or any other)
in rounds: REF with 1 and N processes and this tree with 1 and N, in turn, so a
busy machine weighs on all four alike. For each it prints one client's and 20
concurrent clients' latency for the weekly RUS->UKR series (or ``--path``;
computed: no answer cache) and the server's CPU time per request (server processes only; a
PostgreSQL server's own work is not in it).

Usage (fill an empty database first, as the bench does):
    python -c "from flashpoint.serve.bench import load; load('bench.db', 1_000_000)"
    python scripts/serve_ab.py --against HEAD~1 --db bench.db --rounds 3 --workers 2
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

from flashpoint.serve.bench import Server, _load
from flashpoint.serve.loadgen import run_in_process as hammer

ROOT = Path(__file__).resolve().parent.parent
PATH = "/api/v1/series?source=RUS&target=UKR&freq=week"


def export(ref: str, into: Path) -> Path:
    """REF's ``src`` directory under ``into``."""
    archive = subprocess.run(["git", "archive", ref, "src"], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--against", required=True, help="the commit to compare with (e.g. main, HEAD~1)")
    ap.add_argument("--db", required=True, help="a filled SQLite file or postgresql:// URL")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--path", default=PATH, help=f"the request to time (default {PATH})")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="flashpoint-serve-ab-") as tmp:
        old = export(args.against, Path(tmp))
        variants = [(args.against, old, 1), ("this tree", None, 1), ("this tree", None, args.workers),
                    (args.against, old, args.workers)]
        for n in range(args.rounds):
            for name, src, workers in variants:
                os.environ["PYTHONPATH"] = str(src) if src else ""  # REF's package shadows the installed one
                with Server(args.db, Path(tmp) / "serve.log", workers) as server:
                    os.environ["PYTHONPATH"] = ""  # the load generator is this tree's
                    one = hammer(server.base, args.path, 1, 20)
                    before = server.cpu_seconds()
                    many = hammer(server.base, args.path, args.clients, 10)
                    after = server.cpu_seconds()
                    cpu = f"{(after - before) * 1000 / many['sent']:.1f}" if before is not None and after is not None else "?"
                    print(f"round {n + 1} {name:>10} {workers} proc: 1 client p50 {one['p50_ms']:.0f} ms;"
                          f" {args.clients} clients p50 {many['p50_ms']:.0f} p95 {many['p95_ms']:.0f} ms,"
                          f" {many['rps']:.0f} req/s, server CPU {cpu} ms/request (load {_load()})", flush=True)


if __name__ == "__main__":
    main()
