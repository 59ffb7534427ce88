-- What the flat exports read from an event's mentions, kept on the events row:
-- the first URL (of the first report by id whose article has one) and the
-- sorted, distinct outlets as a JSON array. Parquet and GDELT then need no
-- join over event_reports and articles per page (an export of 1M events spent
-- half its time there). The merge recount keeps both up to date; the same
-- expressions are in relational.py (_MENTION_FACTS).
ALTER TABLE events ADD COLUMN first_url TEXT;
ALTER TABLE events ADD COLUMN outlets TEXT NOT NULL DEFAULT '[]';
UPDATE events SET
  first_url = (SELECT a.url FROM event_reports r JOIN articles a ON a.id = r.article_id
               WHERE r.merged_id = events.id AND a.url <> '' ORDER BY r.id COLLATE "C" LIMIT 1),
  outlets = (SELECT COALESCE(json_agg(o ORDER BY o)::text, '[]') FROM (
               SELECT DISTINCT a.outlet COLLATE "C" AS o FROM event_reports r JOIN articles a ON a.id = r.article_id
               WHERE r.merged_id = events.id AND a.outlet <> '') d);
