-- A report that names its source and no target may join a merged event of its
-- source and CAMEO root whatever that event's target (store/merge.py, rule 1;
-- issue 9, fourteenth session). The merge asks for those by source, root and
-- date window; events_merge leads with the target and cannot serve it.
CREATE INDEX events_merge_source ON events (source_key, cameo_root, date);
