-- Checkpoints of `flashpoint backfill` (numbered 0113 so that it cannot collide with
-- migrations added on other branches; the runner applies any it has not applied yet).

-- One row per backfill: what it reads, how it was planned, where its cluster is.
CREATE TABLE backfill_runs (
    id               TEXT PRIMARY KEY,
    sources          TEXT NOT NULL,
    batch_size       INTEGER NOT NULL,
    planned_batches  INTEGER,
    planned_articles INTEGER,
    scheduler        TEXT,
    dashboard        TEXT,
    workers          INTEGER,
    started_at       TEXT NOT NULL,
    resumed_at       TEXT NOT NULL,
    finished_at      TEXT
);

-- One row per finished batch, written after the batch is stored: a re-run skips these.
CREATE TABLE backfill_batches (
    run_id     TEXT NOT NULL REFERENCES backfill_runs (id),
    id         TEXT NOT NULL,
    shard      TEXT NOT NULL,
    ordinal    INTEGER NOT NULL,
    articles   INTEGER NOT NULL,
    new        INTEGER NOT NULL,
    skipped    INTEGER NOT NULL,
    duplicates INTEGER NOT NULL,
    events     INTEGER NOT NULL,
    failures   INTEGER NOT NULL,
    seconds    DOUBLE PRECISION NOT NULL,
    done_at    TEXT NOT NULL,
    PRIMARY KEY (run_id, id)
);
CREATE INDEX backfill_batches_done ON backfill_batches (run_id, done_at);
