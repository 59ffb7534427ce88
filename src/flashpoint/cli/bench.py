"""``flashpoint bench``: throughput and memory, as ratios against same-run baselines."""

from __future__ import annotations

import click

from ..config import Settings
from ..errors import FlashpointError
from .common import fail, settings_options


@click.command("bench")
@click.option("--min-mb", default=1.0, show_default=True, help="Text to code, in MB (the sample corpus repeated).")
@click.option("--rounds", default=2, show_default=True, help="Alternating rounds; the best of each is kept.")
@click.option("--ingest", "ingest", is_flag=True, help="Also benchmark ingest into the store and a dyad query over 1M events.")
@click.option("--articles", default=5000, show_default=True, help="Generated articles for --ingest.")
@click.option("--events", "n_events", default=1_000_000, show_default=True, help="Stored events for the dyad query (--ingest), or events to export (--export).")
@click.option("--pg", default=None, help="A postgresql:// URL to benchmark as well (--ingest).")
@click.option("--export", "export", is_flag=True,
              help="Only benchmark exports: --events merged events to Parquet and GDELT TSV (rate and peak memory).")
@settings_options
def bench_command(min_mb, rounds, ingest, articles, n_events, pg, export, settings: Settings) -> None:
    """Benchmark the coder against the bare spaCy pipeline on the same text.

    \b
    Example:
      flashpoint bench --min-mb 1
      flashpoint bench --ingest --pg postgresql://localhost/flashpoint
      flashpoint bench --export --events 1000000
    """
    from ..bench import bench_coder, machine_line

    try:
        click.echo(f"machine: {machine_line()}")
        if export:
            from ..store.export_bench import bench_export, format_lines

            for line in format_lines(bench_export(n_events)):
                click.echo(line)
            return
        result = bench_coder(int(min_mb * 1_000_000), rounds, settings)
        for line in result.lines():
            click.echo(line)
        if ingest:
            from ..ingest_bench import bench_ingest

            for line in bench_ingest(articles, n_events, pg, settings):
                click.echo(line)
    except FlashpointError as exc:
        fail(str(exc), exc.exit_code)


commands = [bench_command]
