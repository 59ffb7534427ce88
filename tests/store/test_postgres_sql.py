"""The PostgreSQL store's placeholders: our "?" as PostgreSQL's numbered ones."""

from flashpoint.store.postgres import _CACHED_SQL, _numbered


def test_placeholders_are_numbered_in_order():
    assert _numbered("SELECT ? AS a, ? AS b WHERE x IN (?, ?)") == "SELECT $1 AS a, $2 AS b WHERE x IN ($3, $4)"


def test_a_statement_without_placeholders_is_unchanged():
    assert _numbered("SELECT 1 WHERE name LIKE 'a%'") == "SELECT 1 WHERE name LIKE 'a%'"


def test_long_multi_row_statements_are_numbered_too():
    sql = "INSERT INTO t (a, b) VALUES " + ", ".join(["(?, ?)"] * 2000)
    assert len(sql) > _CACHED_SQL
    out = _numbered(sql)
    assert out.endswith("($3999, $4000)") and out.count("$") == 4000 and "?" not in out
