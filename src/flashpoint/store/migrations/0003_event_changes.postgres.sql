-- A changes feed for downstream copies (GET /api/v1/changes): one row per
-- merged event created, joined by a new report (merged) or deleted, written
-- by triggers so every writer (ingest, COPY, a hand-run DELETE) records it.
CREATE TABLE event_changes (
    seq      BIGSERIAL PRIMARY KEY,
    event_id TEXT NOT NULL,
    kind     TEXT NOT NULL,
    at       TEXT NOT NULL
);
CREATE INDEX event_changes_at ON event_changes (at);
CREATE FUNCTION flashpoint_event_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO event_changes (event_id, kind, at)
      VALUES (NEW.id, 'new', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'));
  ELSIF TG_OP = 'UPDATE' THEN
    -- A new event is recounted once in the transaction that creates it (0 -> n
    -- mentions); only later recounts mean another report joined it.
    IF OLD.num_mentions > 0 AND (NEW.num_mentions IS DISTINCT FROM OLD.num_mentions
        OR NEW.location_country IS DISTINCT FROM OLD.location_country) THEN
      INSERT INTO event_changes (event_id, kind, at)
        VALUES (NEW.id, 'merged', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'));
    END IF;
  ELSE
    INSERT INTO event_changes (event_id, kind, at)
      VALUES (OLD.id, 'deleted', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER events_changed AFTER INSERT OR UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION flashpoint_event_changed();
-- The API's event pages are ordered by (date, id) in byte order, undated
-- events last when newest come first (as SQLite orders NULLs): an index in
-- that order serves the first page of 1M events without sorting them.
-- Its other columns make it covering for the dashboard's series and dyad
-- table over a date range (index-only scans).
CREATE INDEX events_order ON events (date NULLS FIRST, id COLLATE "C", counted, quad_class, goldstein,
                                     source_key, target_key);
-- The dyad series by QuadClass reads only this index.
DROP INDEX IF EXISTS events_dyad;
CREATE INDEX events_dyad ON events (source_key, target_key, date, counted, goldstein, quad_class);
-- The map reads located events of a date range only.
CREATE INDEX events_located ON events (date) WHERE lat IS NOT NULL;
