-- Flashpoint store, schema version 1. Runs unchanged on SQLite and PostgreSQL:
-- types are spelled so both accept them (SQLite maps them to its affinities).
-- Dates are ISO text (YYYY-MM-DD), timestamps ISO text in UTC.

-- One row per coded document; ids are content hashes, so re-adding is a no-op.
CREATE TABLE articles (
    id            TEXT PRIMARY KEY,
    url           TEXT,
    canonical_url TEXT,
    title         TEXT,
    outlet        TEXT,
    date          TEXT,
    language      TEXT,
    content_hash  TEXT NOT NULL,
    minhash       TEXT,
    text          TEXT NOT NULL,
    coded_at      TEXT NOT NULL
);
CREATE INDEX articles_canonical_url ON articles (canonical_url);
CREATE INDEX articles_content_hash ON articles (content_hash);

-- Syndicated copies: not coded again, but each adds mentions to the original's events.
CREATE TABLE article_copies (
    id            TEXT PRIMARY KEY,
    url           TEXT,
    canonical_url TEXT,
    outlet        TEXT,
    date          TEXT,
    content_hash  TEXT,
    original_id   TEXT NOT NULL REFERENCES articles (id),
    added_at      TEXT NOT NULL
);
CREATE INDEX article_copies_original ON article_copies (original_id);
CREATE INDEX article_copies_canonical_url ON article_copies (canonical_url);
CREATE INDEX article_copies_content_hash ON article_copies (content_hash);

-- LSH band keys of each article's MinHash: near-duplicate search is an index lookup.
CREATE TABLE lsh_bands (
    band       TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id),
    PRIMARY KEY (band, article_id)
);

-- Merged real-world events: each counted once however many articles report it.
CREATE TABLE events (
    id               TEXT PRIMARY KEY,
    date             TEXT,
    source_key       TEXT NOT NULL,
    source_name      TEXT,
    source_country   TEXT,
    source_org       TEXT,
    source_code      TEXT,
    source_sector    TEXT,
    target_key       TEXT NOT NULL,
    target_name      TEXT,
    target_country   TEXT,
    target_org       TEXT,
    target_code      TEXT,
    target_sector    TEXT,
    cameo            TEXT NOT NULL,
    cameo_root       TEXT NOT NULL,
    quad_class       INTEGER NOT NULL,
    goldstein        DOUBLE PRECISION NOT NULL,
    plover_type      TEXT,
    plover_mode      TEXT,
    negated          BOOLEAN NOT NULL,
    modality         TEXT NOT NULL,
    counted          BOOLEAN NOT NULL,
    location_name    TEXT,
    location_country TEXT,
    lat              DOUBLE PRECISION,
    lon              DOUBLE PRECISION,
    evidence         TEXT,
    num_mentions     INTEGER NOT NULL DEFAULT 0,
    num_sources      INTEGER NOT NULL DEFAULT 0,
    num_articles     INTEGER NOT NULL DEFAULT 0,
    first_seen       TEXT NOT NULL,
    record           TEXT NOT NULL
);
-- The dyad time series reads only this index's range for one (source, target).
CREATE INDEX events_dyad ON events (source_key, target_key, date);
-- Merging looks up candidates by dyad, CAMEO root and a date window.
CREATE INDEX events_merge ON events (source_key, target_key, cameo_root, date);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_source_code ON events (source_code);
CREATE INDEX events_target_code ON events (target_code);
CREATE INDEX events_cameo ON events (cameo);

-- One row per coded Event from one article, with the full record.
CREATE TABLE event_reports (
    id         TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    merged_id  TEXT NOT NULL REFERENCES events (id),
    date       TEXT,
    trigger    TEXT NOT NULL,
    sentence   TEXT NOT NULL,
    record     TEXT NOT NULL
);
CREATE INDEX event_reports_merged ON event_reports (merged_id);
CREATE INDEX event_reports_article ON event_reports (article_id);

-- Distinct actors seen in any event (source, target or attribution).
CREATE TABLE actors (
    id         TEXT PRIMARY KEY,
    key        TEXT NOT NULL,
    name       TEXT NOT NULL,
    country    TEXT,
    org        TEXT,
    sector     TEXT,
    code       TEXT,
    first_seen TEXT NOT NULL
);
CREATE INDEX actors_key ON actors (key);

-- Documents that failed a stage, kept for a retry.
CREATE TABLE failures (
    key      TEXT PRIMARY KEY,
    stage    TEXT NOT NULL,
    reason   TEXT NOT NULL,
    payload  TEXT,
    attempts INTEGER NOT NULL DEFAULT 1,
    at       TEXT NOT NULL
);
