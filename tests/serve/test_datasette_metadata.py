"""The shipped datasette metadata names real tables and columns, and its canned queries run."""

from __future__ import annotations

import sqlite3
from importlib import resources

import yaml

from .conftest import fill

METADATA = resources.files("flashpoint") / "data" / "datasette" / "metadata.yml"


def test_metadata_matches_the_schema_and_queries_run(tmp_path):
    db = tmp_path / "flashpoint.db"
    ids = fill(str(db))
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    conn = sqlite3.connect(db)
    spec = meta["databases"]["flashpoint"]
    for table, about in spec["tables"].items():
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        assert columns, f"no table {table}"
        named = set(about.get("facets", [])) | set(about.get("columns", {}))
        named |= {about[k] for k in ("sort_desc", "label_column") if k in about}
        assert named <= columns, (table, named - columns)
    q = spec["queries"]
    dyads = conn.execute(q["events_by_dyad"]["sql"], {"since": "", "until": ""}).fetchall()
    assert dyads[0][:3] == ("RUS", "UKR", 3)
    weeks = conn.execute(q["events_by_week"]["sql"], {"source": "RUS", "target": "UKR"}).fetchall()
    assert [w[0] for w in weeks] == ["2022-02-28", "2022-04-04"] and weeks[0][1] == 2
    evidence = conn.execute(q["evidence_of_an_event"]["sql"], {"event_id": ids["r1"]}).fetchall()
    assert {row[2] for row in evidence} == {"Meridian", "Baltic Post"} and evidence[0][1] == "shelled"
    conn.close()
