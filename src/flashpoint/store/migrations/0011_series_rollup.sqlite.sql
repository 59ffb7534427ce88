-- Series from a daily roll-up (issue 11; numbered 0011 so that it cannot collide
-- with migrations added on other branches). See flashpoint/store/rollup.py.
-- 0012 (the same on both engines) defines the view the triggers read and fills the table.
CREATE TABLE event_rollup (
    grain   TEXT NOT NULL,  -- 'dyad' (k1 source key, k2 target key), 'country' (k1), 'code' (k1 CAMEO root)
    k1      TEXT NOT NULL,
    k2      TEXT NOT NULL,
    day     TEXT NOT NULL,
    counted BOOLEAN NOT NULL,
    n1 INTEGER NOT NULL, n2 INTEGER NOT NULL, n3 INTEGER NOT NULL, n4 INTEGER NOT NULL,
    g1 DOUBLE PRECISION NOT NULL, g2 DOUBLE PRECISION NOT NULL,
    g3 DOUBLE PRECISION NOT NULL, g4 DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (grain, k1, k2, day, counted)
) WITHOUT ROWID;
-- The store adds inserted events itself (in the same transaction); these
-- triggers cover what only a hand-run statement does: deleting events or
-- changing what they are counted under.
CREATE TRIGGER events_rollup_deleted AFTER DELETE ON events WHEN OLD.date IS NOT NULL BEGIN
  UPDATE event_rollup SET
    n1 = n1 - (OLD.quad_class = 1), n2 = n2 - (OLD.quad_class = 2),
    n3 = n3 - (OLD.quad_class = 3), n4 = n4 - (OLD.quad_class = 4),
    g1 = g1 - (CASE WHEN OLD.quad_class = 1 THEN OLD.goldstein ELSE 0 END),
    g2 = g2 - (CASE WHEN OLD.quad_class = 2 THEN OLD.goldstein ELSE 0 END),
    g3 = g3 - (CASE WHEN OLD.quad_class = 3 THEN OLD.goldstein ELSE 0 END),
    g4 = g4 - (CASE WHEN OLD.quad_class = 4 THEN OLD.goldstein ELSE 0 END)
  WHERE day = OLD.date AND counted = OLD.counted
    AND ((grain = 'dyad' AND k1 = OLD.source_key AND k2 = OLD.target_key)
      OR (grain = 'code' AND k1 = OLD.cameo_root AND k2 = '')
      OR (grain = 'country' AND k1 IN (OLD.source_country, OLD.target_country) AND k2 = ''));
END;
CREATE TRIGGER events_rollup_updated AFTER UPDATE OF date, source_key, target_key, source_country, target_country,
  cameo_root, quad_class, goldstein, counted ON events BEGIN
  UPDATE event_rollup SET
    n1 = n1 - (OLD.quad_class = 1), n2 = n2 - (OLD.quad_class = 2),
    n3 = n3 - (OLD.quad_class = 3), n4 = n4 - (OLD.quad_class = 4),
    g1 = g1 - (CASE WHEN OLD.quad_class = 1 THEN OLD.goldstein ELSE 0 END),
    g2 = g2 - (CASE WHEN OLD.quad_class = 2 THEN OLD.goldstein ELSE 0 END),
    g3 = g3 - (CASE WHEN OLD.quad_class = 3 THEN OLD.goldstein ELSE 0 END),
    g4 = g4 - (CASE WHEN OLD.quad_class = 4 THEN OLD.goldstein ELSE 0 END)
  WHERE OLD.date IS NOT NULL AND day = OLD.date AND counted = OLD.counted
    AND ((grain = 'dyad' AND k1 = OLD.source_key AND k2 = OLD.target_key)
      OR (grain = 'code' AND k1 = OLD.cameo_root AND k2 = '')
      OR (grain = 'country' AND k1 IN (OLD.source_country, OLD.target_country) AND k2 = ''));
  INSERT INTO event_rollup (grain, k1, k2, day, counted, n1, n2, n3, n4, g1, g2, g3, g4)
  SELECT grain, k1, k2, day, counted,
    sum(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END), sum(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END),
    sum(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END), sum(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END),
    sum(CASE WHEN quad_class = 1 THEN goldstein ELSE 0 END), sum(CASE WHEN quad_class = 2 THEN goldstein ELSE 0 END),
    sum(CASE WHEN quad_class = 3 THEN goldstein ELSE 0 END), sum(CASE WHEN quad_class = 4 THEN goldstein ELSE 0 END)
  FROM event_rollup_rows WHERE id = NEW.id GROUP BY grain, k1, k2, day, counted
  ON CONFLICT (grain, k1, k2, day, counted) DO UPDATE SET
    n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3, n4 = n4 + excluded.n4,
    g1 = g1 + excluded.g1, g2 = g2 + excluded.g2, g3 = g3 + excluded.g3, g4 = g4 + excluded.g4;
END;
-- New events: the store writes their 'new' rows of the changes feed in the
-- transaction that inserts them, many rows per statement (a trigger per
-- inserted row made a bulk load of 1M events about five times slower).
DROP TRIGGER events_changed_new;
-- A dyad's events with a CAMEO prefix, newest first, straight off the merge
-- index once it also holds the page order's id (before, every event of the
-- dyad and root was read and sorted: 2,676 rows for RUS->UKR, 19).
DROP INDEX events_merge;
CREATE INDEX events_merge ON events (source_key, target_key, cameo_root, date, id);
