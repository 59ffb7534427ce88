"""``flashpoint bench``: throughput and memory, as ratios against same-run baselines.

Each flag runs one module of :mod:`flashpoint.bench`; a new benchmark adds
a module there and a flag here.
"""

from __future__ import annotations

import click

from ..config import Settings
from ..errors import FlashpointError
from .backoff_option import backoff_option
from .common import fail, settings_options


@click.command("bench")
@click.option("--min-mb", default=1.0, show_default=True, help="Text to code, in MB (the sample corpus repeated).")
@click.option("--rounds", default=2, show_default=True, help="Alternating rounds; the best of each is kept.")
@click.option("--ingest", "ingest", is_flag=True, help="Also benchmark ingest into the store and a dyad query over 1M events.")
@click.option("--articles", default=5000, show_default=True, help="Generated articles for --ingest and --backfill.")
@click.option("--events", "n_events", default=1_000_000, show_default=True,
              help="Stored events for the dyad query (--ingest), or events to export (--export) or serve (--serve).")
@click.option("--pg", default=None,
              help="A postgresql:// URL (an empty database) to benchmark as well (--ingest, --serve, --export; --backfill writes there).")
@click.option("--export", "export", is_flag=True,
              help="Only benchmark exports: --events merged events to Parquet and GDELT TSV, from memory and from "
                   "a SQLite file (and --pg): rate and peak memory.")
@click.option("--export-db", type=click.Path(dir_okay=False), default=None,
              help="With --export: the SQLite file to export from, filled with --events events when it is empty and "
                   "used as it is when it holds them already (a load of 1,000,000 takes 10-25 minutes).")
@click.option("--serve", "serve", is_flag=True, help="Only benchmark the API: latency with 20 concurrent clients over --events events.")
@click.option("--workers", "workers", type=int, default=None, is_flag=False, flag_value=2,
              help="Only: N coding processes against one (--workers alone: 2); with --serve, N server processes "
                   "(flashpoint serve --workers N) against one.")
@click.option("--backfill", "backfill", is_flag=True,
              help="Only: a 2-worker Dask backfill against 1 worker, with the batch writer and the row writer"
                   " (--articles, --pg).")
@click.option("--memory", "memory", is_flag=True,
              help="With --backfill: one run of --articles on 2 workers, worker memory read along it (is it flat?).")
@click.option("--sentences", type=click.IntRange(1, 30), default=None,
              help="With --backfill --memory: sentences per generated article (default 6-10; 2 for a long, fast run).")
@click.option("--prefilter", "prefilter", is_flag=True, help="Only: the pre-filter's throughput and every gold set with and without it.")
@click.option("--no-gold", is_flag=True, help="With --prefilter: skip the gold sets (an hour).")
@click.option("--gold-subset", is_flag=True, help="With --prefilter: only the accuracy guard's subset of each gold set.")
@click.option("--evaldata", type=click.Path(file_okay=False), default=None, help="Gold data directory (--prefilter).")
@click.option("--limit", type=click.IntRange(1), default=None, help="With --prefilter: the first N articles of the mixed corpus.")
@settings_options
@backoff_option
def bench_command(min_mb, rounds, ingest, articles, n_events, pg, export, export_db, serve, workers, backfill, memory, sentences,
                  prefilter, no_gold, gold_subset, evaldata, limit, settings: Settings) -> None:
    """Benchmark the coder against the bare spaCy pipeline on the same text.

    \b
    Example:
      flashpoint bench --min-mb 1
      flashpoint bench --ingest --pg postgresql://localhost/flashpoint
      flashpoint bench --workers 2 --min-mb 0.5
      flashpoint bench --backfill --articles 2000 --rounds 3 --pg postgresql://localhost/flashpoint
      flashpoint bench --backfill --memory --articles 100000 --sentences 2 --pg postgresql://localhost/flashpoint
      flashpoint bench --backfill --memory --articles 100000 --pg postgresql://localhost/flashpoint
      flashpoint bench --prefilter --limit 100 --gold-subset
      flashpoint bench --export --events 1000000
      flashpoint bench --export --events 1000000 --export-db /var/tmp/export-1m.db
      flashpoint bench --export --events 1000000 --pg postgresql://localhost/flashpoint_bench
      flashpoint bench --serve --events 1000000
      flashpoint bench --serve --workers 2 --pg postgresql://localhost/flashpoint_bench
    """
    from ..bench import machine_line

    try:
        click.echo(f"machine: {machine_line()}")
        lines = _selected(min_mb, rounds, ingest, articles, n_events, pg, ((export, export_db), serve, workers, (backfill, memory, sentences), prefilter),
                          (no_gold, gold_subset), evaldata, limit, settings)
        for line in lines:
            click.echo(line)
    except FlashpointError as exc:
        fail(str(exc), exc.exit_code)


def _selected(min_mb, rounds, ingest, articles, n_events, pg, only, gold, evaldata, limit, settings):
    export, serve, workers, backfill, prefilter = only
    export, export_db = export
    if export:
        from ..bench.export import bench_export, format_lines

        yield from format_lines(bench_export(n_events, pg=pg, sqlite_path=export_db))
        return
    if serve:
        from ..serve.bench import bench_serve

        yield from bench_serve(n_events, pg, workers=workers or 1)
        return
    if workers is not None:
        from ..bench.workers import bench_workers

        yield from bench_workers(int(min_mb * 1_000_000), settings, max(2, workers), rounds)
        return
    backfill, memory, sentences = backfill
    if backfill and memory:
        from ..bench.backfill import bench_backfill_memory

        yield from bench_backfill_memory(articles, pg, settings, sentences=sentences)
        return
    if backfill:
        from ..bench.backfill import bench_backfill

        yield from bench_backfill(articles, pg, settings, rounds=rounds)
        return
    if prefilter:
        from ..bench.prefilter import bench_prefilter

        no_gold, subset = gold
        yield from bench_prefilter(evaldata, settings, rounds, gold=not no_gold, limit=limit, subset=subset,
                                   progress=lambda m: click.echo(m, err=True))
        return
    from ..bench import bench_coder

    yield from bench_coder(int(min_mb * 1_000_000), rounds, settings).lines()
    if ingest:
        from ..bench.ingest import bench_ingest

        yield from bench_ingest(articles, n_events, pg, settings)


commands = [bench_command]
