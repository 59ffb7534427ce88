-- The precision of an event's place (city, region, country) on the events
-- row, beside its name, country and coordinates. Exports read the place from
-- the row, not from the stored record: the merge gives an event a place found
-- by a later report (relational.py _locate) and updates only the row. The
-- precision is the one in the record of the report whose place the row holds
-- (the first such report by id), else the event record's own.
ALTER TABLE events ADD COLUMN location_precision TEXT;
UPDATE events SET location_precision = COALESCE(
    (SELECT json_extract(r.record, '$.location.precision') FROM event_reports r
     WHERE r.merged_id = events.id
       AND json_extract(r.record, '$.location.name') IS events.location_name
       AND json_extract(r.record, '$.location.country') IS events.location_country
     ORDER BY r.id LIMIT 1),
    json_extract(record, '$.location.precision'))
WHERE location_name IS NOT NULL OR location_country IS NOT NULL;
