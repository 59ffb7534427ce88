-- A changes feed for downstream copies (GET /api/v1/changes): one row per
-- merged event created, joined by a new report (merged) or deleted, written
-- by triggers so every writer (ingest, bulk load, a hand-run DELETE) records it.
CREATE TABLE event_changes (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL,
    kind     TEXT NOT NULL,
    at       TEXT NOT NULL
);
CREATE INDEX event_changes_at ON event_changes (at);
CREATE TRIGGER events_changed_new AFTER INSERT ON events BEGIN
  INSERT INTO event_changes (event_id, kind, at) VALUES (NEW.id, 'new', strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'));
END;
-- A new event is recounted once in the transaction that creates it (0 -> n
-- mentions); only later recounts mean another report joined it.
CREATE TRIGGER events_changed_merged AFTER UPDATE OF num_mentions, location_country ON events
WHEN OLD.num_mentions > 0
  AND (NEW.num_mentions <> OLD.num_mentions OR NEW.location_country IS NOT OLD.location_country) BEGIN
  INSERT INTO event_changes (event_id, kind, at) VALUES (NEW.id, 'merged', strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'));
END;
CREATE TRIGGER events_changed_deleted AFTER DELETE ON events BEGIN
  INSERT INTO event_changes (event_id, kind, at) VALUES (OLD.id, 'deleted', strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'));
END;
-- The API's event pages are ordered by (date, id), undated events last when
-- newest come first: an index in that order serves the first page of 1M
-- events without sorting them. Its other columns make it covering for the
-- dashboard's series and dyad table over a date range (no table reads).
CREATE INDEX events_order ON events (date, id, counted, quad_class, goldstein, source_key, target_key);
-- The dyad series by QuadClass reads only this index.
DROP INDEX IF EXISTS events_dyad;
CREATE INDEX events_dyad ON events (source_key, target_key, date, counted, goldstein, quad_class);
-- The map reads located events of a date range only.
CREATE INDEX events_located ON events (date) WHERE lat IS NOT NULL;
