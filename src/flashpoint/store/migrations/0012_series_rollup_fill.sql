-- Fill the series roll-up of migration 0011 from the events already stored.
-- One row per dated event and grain it counts in.
CREATE VIEW event_rollup_rows AS
  SELECT id, 'dyad' AS grain, source_key AS k1, target_key AS k2, date AS day, counted, quad_class, goldstein
    FROM events WHERE date IS NOT NULL
  UNION ALL SELECT id, 'code', cameo_root, '', date, counted, quad_class, goldstein
    FROM events WHERE date IS NOT NULL
  UNION ALL SELECT id, 'country', source_country, '', date, counted, quad_class, goldstein
    FROM events WHERE date IS NOT NULL AND source_country IS NOT NULL
  UNION ALL SELECT id, 'country', target_country, '', date, counted, quad_class, goldstein
    FROM events WHERE date IS NOT NULL AND target_country IS NOT NULL
      AND (source_country IS NULL OR source_country <> target_country);
INSERT INTO event_rollup (grain, k1, k2, day, counted, n1, n2, n3, n4, g1, g2, g3, g4)
SELECT grain, k1, k2, day, counted,
  sum(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END), sum(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END),
  sum(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END), sum(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END),
  sum(CASE WHEN quad_class = 1 THEN goldstein ELSE 0 END), sum(CASE WHEN quad_class = 2 THEN goldstein ELSE 0 END),
  sum(CASE WHEN quad_class = 3 THEN goldstein ELSE 0 END), sum(CASE WHEN quad_class = 4 THEN goldstein ELSE 0 END)
FROM event_rollup_rows GROUP BY grain, k1, k2, day, counted ORDER BY grain, k1, k2, day, counted;
