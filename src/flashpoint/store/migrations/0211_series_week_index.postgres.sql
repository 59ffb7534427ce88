-- Nothing to do on PostgreSQL (see 0211_series_week_index.sqlite.sql): it groups a series'
-- days into weeks with a hash table, and it cannot index a text-to-date cast. The number is
-- kept so both engines share one schema version.
SELECT 1;
