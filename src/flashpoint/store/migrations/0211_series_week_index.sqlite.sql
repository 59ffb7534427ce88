-- Weekly series straight off an index (issue 11, sixth session; numbered 0211 so that it
-- cannot collide with migrations added on other branches). The week number is the
-- expression queries.series groups by (_WEEK_NUMBER), and the index holds every column
-- the series reads, so a dyad's weeks come out already grouped: SQLite no longer sorts
-- the dyad's days into weeks in a temporary B-tree (RUS->UKR over 1,000,000 events:
-- 3,650 days, 522 weeks). SQLite only: PostgreSQL groups with a hash table, and it cannot
-- index a text-to-date cast (not immutable).
CREATE INDEX event_rollup_week ON event_rollup (grain, k1, k2, counted,
  CAST((julianday(day) - 1721425.5) / 7 AS INTEGER), day, n1, n2, n3, n4, g1, g2, g3, g4);
