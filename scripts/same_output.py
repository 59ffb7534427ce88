"""Check that a change to the coder leaves its output byte for byte the same.

A pure performance change must not move a single event. This script codes
three corpora under three settings and writes every event (all fields: id,
code, actors, rule, confidence, evidence, ...) as one sorted JSON line:

- the bundled sample corpus (what ``flashpoint bench`` repeats);
- the first 600 tuning sentences of ../shared/evaldata/conflibert_cameo_train.jsonl;
- the tuning sentences of ../shared/probes/generalisation.jsonl
(held-aside records, by flashpoint.eval.split.part_of, are never read).

Settings: the defaults with negated and hypothetical events kept; open actors;
and PETRARCH's conventions (dyads only, known actors only, no statements, no
back-off). Corpora missing from ../shared are skipped with a message.

Usage:
    python scripts/same_output.py --write before.jsonl     # record the output
    python scripts/same_output.py --check before.jsonl     # compare with it
    python scripts/same_output.py --against main           # record REF's output in a
                                                           # temporary worktree, then compare

Exit 0 when the output is the same, 1 when it differs (the first differences
are printed), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CONFLIBERT = SHARED / "evaldata" / "conflibert_cameo_train.jsonl"
PROBES = SHARED / "probes" / "generalisation.jsonl"
CONFLIBERT_RECORDS = 600


def _jsonl(path: Path, limit: int | None = None) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line))
            if limit is not None and len(out) >= limit:
                break
    return out


def corpora() -> dict[str, list]:
    from flashpoint.bench.coder import sample_articles
    from flashpoint.types import Article

    out: dict[str, list] = {"sample": sample_articles()}
    from flashpoint.eval.split import TUNING, part_of

    for name, path, limit in (("conflibert", CONFLIBERT, CONFLIBERT_RECORDS), ("probes", PROBES, None)):
        if not path.exists():
            print(f"skipped {name}: {path} is absent", file=sys.stderr)
            continue
        # the tuning part only: held-aside records are never coded here, since a difference is printed
        tuning = [r for r in _jsonl(path) if part_of(name, str(r["id"])) == TUNING]
        out[name] = [Article(id=str(r["id"]), text=r["text"], date=r.get("date")) for r in tuning[:limit]]
    return out


def variants():
    from flashpoint.config import Settings

    base = Settings(include_uncounted=True)
    return {
        "default": base,
        "open": replace(base, open_actors=True),
        "petrarch": replace(base, dyads_only=True, known_actors_only=True, statements=False, backoff=False),
    }


def lines() -> list[str]:
    """One sorted JSON line per event (or per failed document), corpus and settings first."""
    from flashpoint.pipeline import code_articles

    out = []
    texts = corpora()
    for vname, settings in variants().items():
        for cname, arts in texts.items():
            for art, events, error in code_articles(arts, settings):
                if error:
                    out.append(json.dumps({"run": vname, "corpus": cname, "doc": art.id, "error": error}, sort_keys=True))
                for ev in events:
                    rec = {"run": vname, "corpus": cname, "doc": art.id, "event": ev.to_dict()}
                    out.append(json.dumps(rec, sort_keys=True, ensure_ascii=False))
    return out


def compare(before: list[str], after: list[str]) -> int:
    if before == after:
        print(f"same output: {len(after)} lines")
        return 0
    print(f"output differs: {len(before)} lines before, {len(after)} after")
    shown = 0
    for k in range(max(len(before), len(after))):
        a = before[k] if k < len(before) else "<none>"
        b = after[k] if k < len(after) else "<none>"
        if a != b:
            print(f"line {k + 1}:\n  before: {a[:600]}\n  after:  {b[:600]}")
            shown += 1
            if shown >= 5:
                break
    return 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the current output to this file")
    group.add_argument("--check", type=Path, help="compare the current output with this file")
    group.add_argument("--against", metavar="REF", help="compare with the output of git REF (a temporary worktree)")
    args = ap.parse_args(argv)
    if args.write:
        args.write.write_text("\n".join(lines()) + "\n", encoding="utf-8")
        print(f"wrote {args.write}")
        return 0
    if args.check:
        if not args.check.exists():
            print(f"error: {args.check} does not exist; record it first with --write", file=sys.stderr)
            return 2
        return compare(args.check.read_text(encoding="utf-8").splitlines(), lines())
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "ref"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.against], check=True,
                       capture_output=True)
        try:
            recorded = Path(tmp) / "before.jsonl"
            # The reference's own sources come first on the path; this script is the same.
            code = (f"import sys; sys.path.insert(0, {str(tree / 'src')!r}); import flashpoint; "
                    f"__file__ = {str(Path(__file__).resolve())!r}; "
                    f"assert flashpoint.__file__.startswith({str(tree)!r}), flashpoint.__file__; "
                    f"sys.argv = ['same_output', '--write', {str(recorded)!r}]; "
                    f"exec(compile(open({str(Path(__file__).resolve())!r}).read(), 'same_output', 'exec'))")
            subprocess.run([sys.executable, "-c", code], check=True)
            before = recorded.read_text(encoding="utf-8").splitlines()
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False,
                           capture_output=True)
    return compare(before, lines())


if __name__ == "__main__":
    sys.exit(main())
