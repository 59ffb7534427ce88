-- The precision of an event's place (city, region, country) on the events
-- row, beside its name, country and coordinates. Exports read the place from
-- the row, not from the stored record: the merge gives an event a place found
-- by a later report (relational.py _locate) and updates only the row. The
-- precision is the one in the record of the report whose place the row holds
-- (the first such report by id), else the event record's own.
ALTER TABLE events ADD COLUMN location_precision TEXT;
UPDATE events SET location_precision = COALESCE(
    (SELECT r.record::json #>> '{location,precision}' FROM event_reports r
     WHERE r.merged_id = events.id
       AND (r.record::json #>> '{location,name}') IS NOT DISTINCT FROM events.location_name
       AND (r.record::json #>> '{location,country}') IS NOT DISTINCT FROM events.location_country
     ORDER BY r.id COLLATE "C" LIMIT 1),
    record::json #>> '{location,precision}')
WHERE location_name IS NOT NULL OR location_country IS NOT NULL;
