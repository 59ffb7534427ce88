"""Run the evaluation: code a gold set in one stream, score it, write the diff.

:func:`evaluate_file` scores one gold file; :func:`run_all` scores every set
under an ``evaldata`` directory (plus the worked example article and event
locations) and also re-scores the fast subset the CI guard checks, from the
same coded records, so the committed subset figures are computed exactly
as the guard computes them.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError, UsageError
from .coded import Coded, SetResult
from .gold import FILE_BY_SET, SET_NAMES, GoldRecord, detect_set, read_gold
from .split import PARTS, part_of

SCORED_SETS = ("cameo_manual", "petrarch2", "plover_gsr", "india_police", "case2021", "conflibert", "probes")
# The CI guard's subset: whole small sets, the head of the big ones (< 2 minutes).
SUBSET_LIMITS: dict[str, int | None] = {
    "cameo_manual": None, "petrarch2": None, "plover_gsr": None, "india_police": 3000, "case2021": 300,
    "conflibert": None, "probes": None,
}
# Sets whose actors are not scored run with open actors (fictional or country-less ones accepted).
OPEN_ACTOR_SETS = frozenset({"cameo_manual", "petrarch2", "india_police", "case2021"})
EXAMPLE = "belarus_border_2021.txt"
# The PETRARCH suite's own dictionaries, beside its gold file: petrarch2 is also scored with them.
PETRARCH_SUITE_DICTS = Path("raw") / "petrarch2_unittest"

Progress = Callable[[str], None]


def default_evaldata(repo: Path | None = None) -> Path:
    """``$FLASHPOINT_EVALDATA``, else ``../shared/evaldata`` beside the repository."""
    env = os.environ.get("FLASHPOINT_EVALDATA")
    if env:
        return Path(env)
    repo = repo or Path(__file__).resolve().parents[3]
    return repo.parent / "shared" / "evaldata"


def gold_path(evaldata: Path, set_name: str) -> Path:
    """Where a set's gold file sits: under ``evaldata``, except the project's own probes
    (``../shared/probes/generalisation.jsonl``, beside it)."""
    if set_name == "probes":
        return evaldata.parent / "probes" / FILE_BY_SET[set_name]
    return evaldata / FILE_BY_SET[set_name]


def code_records(records: Sequence[GoldRecord], settings: Settings) -> list[Coded]:
    """Code every record in one batched ``code_articles`` stream.

    Raises:
        InputError: the coder's output does not line up with its input.
    """
    from ..pipeline import code_articles  # the model loads only when coding

    out: list[Coded] = []
    stream = code_articles((r.as_input() for r in records), settings)
    for rec, (article, events, error) in zip(records, stream):
        if article.id != rec.id and not error:
            raise InputError(f"coder output out of order: expected {rec.id!r}, got {article.id!r}")
        out.append(Coded(rec, tuple(events), error))
    if len(out) != len(records):
        raise InputError(f"the coder returned {len(out)} results for {len(records)} records")
    return out


def without_backoff(coded: Sequence[Coded]) -> list[Coded]:
    """The coded records without the statistical back-off's events."""
    from ..coding.backoff import RULE

    return [Coded(c.record, tuple(e for e in c.events if e.rule != RULE), c.error) for c in coded]


def score(set_name: str, coded: Sequence[Coded]) -> SetResult:
    """Score coded records with the scorer of ``set_name``."""
    from ..coding.ontology import Ontology
    from .event_sets import score_cameo_manual, score_petrarch2, score_plover_gsr
    from .label_sets import score_case2021, score_india_police
    from .labelmap import load_labelmaps
    from .news_sets import score_conflibert, score_probes, score_raters
    from .wire import score_wire

    if set_name == "cameo_manual":
        return score_cameo_manual(coded)
    if set_name == "petrarch2":
        return score_petrarch2(coded, frozenset(Ontology.load().codes))
    if set_name == "plover_gsr":
        return score_plover_gsr(coded, Ontology.load().old_plover_type)
    if set_name == "india_police":
        return score_india_police(coded, load_labelmaps()["india_police"])
    if set_name == "case2021":
        return score_case2021(coded, load_labelmaps()["case2021"])
    if set_name == "conflibert":
        return score_conflibert(coded)
    if set_name == "probes":
        return score_probes(coded)
    if set_name == "own_wire":
        return score_wire(coded)
    if set_name == "raters":
        return score_raters(coded)
    raise UsageError(f"no scorer for set {set_name!r}; choose one of {', '.join((*SCORED_SETS, 'own_wire', 'raters'))}")


def _settings_for(set_name: str, settings: Settings) -> Settings:
    if set_name == "plover_gsr":
        # The gold codes one-sided events (a target of null), as the coder does by default.
        return replace(settings, dyads_only=False)
    if set_name == "own_wire":
        from .wire import wire_settings

        return wire_settings(settings)
    return replace(settings, open_actors=True) if set_name in OPEN_ACTOR_SETS else settings


def _score_runs(set_name: str, runs: dict[str, list[Coded]]) -> SetResult:
    main = score(set_name, runs["main"])
    for variant, coded in runs.items():
        if variant == "main":
            continue
        other = score(set_name, coded)
        main.figures[variant] = other.figures
        main.figures["headline"].update({f"{variant}_{k}": v for k, v in other.figures["headline"].items()})
    return main


def score_variants(set_name: str, runs: dict[str, list[Coded]], limit: int | None = None) -> SetResult:
    """Score a set from its coded runs, whole and by part of the split.

    The other variants (plover_gsr's open-actor and dyads-only runs, petrarch2 with
    the suite's dictionaries) add their figures under their name. ``figures["parts"]``
    holds the headline of the tuning and the held-aside records (:mod:`.split`).
    """
    if limit is not None:
        runs = {variant: coded[:limit] for variant, coded in runs.items()}
    result = _score_runs(set_name, runs)
    parts = {}
    for part in PARTS:
        kept = {v: [c for c in coded if part_of(set_name, c.record.id) == part] for v, coded in runs.items()}
        figs = _score_runs(set_name, kept).figures
        parts[part] = {"n": figs.get("n"), "headline": figs["headline"]}
    result.figures["parts"] = parts
    return result


def suite_dictionaries(evaldata: Path) -> Path | None:
    """The PETRARCH suite's dictionary directory under ``evaldata``, when present."""
    path = Path(evaldata) / PETRARCH_SUITE_DICTS
    return path if path.is_dir() else None


def code_set(set_name: str, records: Sequence[GoldRecord], settings: Settings,
             suite_dicts: Path | None = None) -> dict[str, list[Coded]]:
    """Code a set once per settings variant it is scored under (with the back-off on,
    also its rules-only figures, ``no_backoff``).

    ``suite_dicts``: for petrarch2, also code with the suite's own dictionaries
    (variant ``petrarch_dicts``) unless the settings already name a dictionary set.
    """
    runs = {"main": code_records(records, _settings_for(set_name, settings))}
    if settings.backoff and settings.petrarch_dicts is None:
        # The back-off only adds events to sentences the rules leave uncoded, so the rules
        # alone are the same run without its events: scored as the no_backoff variant.
        runs["no_backoff"] = without_backoff(runs["main"])
    if set_name == "plover_gsr":
        # Actors are scored here, so known actors only (with one-sided events, as the gold
        # has them) are the headline; open actors and dyads-only runs are reported too.
        runs["open_actors"] = code_records(records, replace(settings, open_actors=True))
        runs["dyads_only"] = code_records(records, replace(settings, dyads_only=True))
    if set_name == "petrarch2" and suite_dicts is not None and settings.petrarch_dicts is None:
        # One-sided events too, as PETRARCH emits them: the scorer keeps them only for the
        # records whose own configuration says require_dyad = false.
        suite = replace(_settings_for(set_name, settings), petrarch_dicts=suite_dicts, dyads_only=False)
        runs["petrarch_dicts"] = code_records(records, suite)
    return runs


def write_diff(rows: Sequence[dict[str, Any]], path: str | Path) -> None:
    """Write diff rows as JSONL (one record a line).

    Raises:
        UsageError: the file cannot be written.
    """
    try:
        with open(path, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    except OSError as exc:
        raise UsageError(f"cannot write the diff file {path}: {exc.strerror or exc}") from exc


def evaluate_file(path: str | Path, set_name: str = "auto", limit: int | None = None,
                  diff: str | Path | None = None, settings: Settings | None = None,
                  coded: str | Path | None = None) -> dict[str, Any]:
    """Score one gold file and return its figures (``set`` names the scorer used).

    ``coded``: a JSONL file of events already coded (``flashpoint code --jsonl``
    on the gold file) to score instead of coding the records (:mod:`.recorded`).

    Raises:
        UsageError: unknown set, or ``diff`` asked for event locations.
        InputError: the gold file cannot be read.
    """
    settings = settings or Settings()
    if set_name not in ("auto", *SET_NAMES):
        raise UsageError(f"unknown set {set_name!r}; choose auto or one of {', '.join(SET_NAMES)}")
    path = Path(path)
    if set_name == "auto":
        records = read_gold(path, 1)
        set_name = detect_set(path, records[0] if records else None)
    if set_name == "event_location":
        if diff:
            raise UsageError("--diff is not available for event_location; its scorer keeps no per-record rows")
        if coded:
            raise UsageError("--coded is not available for event_location; it scores places, not events")
        from ..geo.evaluate import evaluate_locations

        return {"set": set_name, **evaluate_locations(path, limit=limit)}
    records = read_gold(path, limit)
    started = time.perf_counter()
    if coded is not None:
        from .recorded import coded_from_events

        given = coded_from_events(records, coded)
        result = score_variants(set_name, {"main": given, "no_backoff": without_backoff(given)})
    else:
        result = score_variants(set_name, code_set(set_name, records, settings, suite_dictionaries(path.parent)))
    if diff:
        write_diff(result.rows, diff)
    return {"set": set_name, "seconds": round(time.perf_counter() - started, 1), **result.figures}


def git_commit(repo: Path | None = None) -> str | None:
    """The checked-out commit (with ``+changes`` when the tree differs), or None."""
    repo = repo or Path(__file__).resolve().parents[3]
    try:
        sha = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=30, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return f"{sha}+changes" if dirty else sha or None


def run_all(evaldata: str | Path | None = None, settings: Settings | None = None,
            progress: Progress | None = None, subset_only: bool = False,
            locations: bool = True) -> dict[str, Any]:
    """Score every gold set and the example article; return the figures.

    Args:
        evaldata: the gold directory (default :func:`default_evaldata`).
        settings: base settings (open actors are switched on per set).
        progress: called with a short line as each set starts.
        subset_only: code only the CI guard's subset (what the guard runs).
        locations: also score event locations (slow: parses 10,000 texts).

    Raises:
        UsageError: the directory or one of its gold files is missing.
    """
    settings = settings or Settings()
    evaldata = Path(evaldata) if evaldata else default_evaldata()
    if not evaldata.is_dir():
        raise UsageError(f"no gold data at {evaldata}; pass --evaldata PATH or set FLASHPOINT_EVALDATA")
    say = progress or (lambda _msg: None)
    run_started = time.perf_counter()
    figures: dict[str, Any] = {
        "generated": date.today().isoformat(), "commit": git_commit(), "evaldata": str(evaldata),
        "sets": {}, "subset": {}, "subset_limits": dict(SUBSET_LIMITS),
    }
    for set_name in SCORED_SETS:
        path = gold_path(evaldata, set_name)
        if not path.is_file():
            raise UsageError(f"gold file {path} is missing; is {evaldata} the evaldata directory?")
        started = time.perf_counter()
        limit = SUBSET_LIMITS[set_name] if subset_only else None
        records = read_gold(path, limit)
        say(f"{set_name}: coding {len(records)} records")
        runs = code_set(set_name, records, settings, suite_dictionaries(evaldata))
        if not subset_only:
            figures["sets"][set_name] = {**score_variants(set_name, runs).figures,
                                         "seconds": round(time.perf_counter() - started, 1)}
        figures["subset"][set_name] = score_variants(set_name, runs, SUBSET_LIMITS[set_name]).figures
    if subset_only:
        return figures
    figures["seconds_sets"] = round(time.perf_counter() - run_started, 1)
    example = evaldata.parent / "examples" / EXAMPLE
    if example.is_file():
        say("example article")
        figures["sets"]["example_article"] = run_example(example, settings)
    from .project import run_project

    say("project test data: actor sentences, sample corpus, merge fixture")
    figures["project"] = run_project(settings)
    if locations and (evaldata / FILE_BY_SET["event_location"]).is_file():
        from ..geo.evaluate import evaluate_locations

        loc_path = evaldata / FILE_BY_SET["event_location"]
        say("event_location: gold_relabel records, then all")
        started = time.perf_counter()
        figures["sets"]["event_location"] = {
            "gold_relabel": evaluate_locations(loc_path, gold_relabel_only=True),
            "all": evaluate_locations(loc_path),
            "seconds": None,
        }
        figures["sets"]["event_location"]["seconds"] = round(time.perf_counter() - started, 1)
    figures["seconds_total"] = round(time.perf_counter() - run_started, 1)
    return figures


def run_example(text_path: str | Path, settings: Settings) -> dict[str, Any]:
    """Code the example article with the given settings and score it."""
    from ..pipeline import code_articles
    from .example import read_example, score_example

    text, expected = read_example(text_path)
    article = {"id": Path(text_path).stem, "text": text, "date": expected.get("published")}
    events: list[Any] = []
    for _, evs, error in code_articles([article], settings):
        if error:
            raise InputError(f"the example article failed to code: {error}")
        events = evs
    return score_example(events, expected)
