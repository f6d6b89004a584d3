"""Queries the dashboard and ``etl report`` both run live once, in core/sql/."""

from __future__ import annotations

from core.queries import SHARED_SQL_DIR, sql_path
from dia.data.warehouse import SQL_DIR as DASHBOARD_SQL
from etl.report import SQL_DIR as REPORT_SQL


def test_both_sides_read_the_shared_file_and_no_copy_shadows_it() -> None:
    shared = sorted(path.stem for path in SHARED_SQL_DIR.glob("*.sql"))
    assert {"project_calendar", "record_sources"} <= set(shared)
    for name in shared:
        assert not (DASHBOARD_SQL / f"{name}.sql").exists(), name
        assert not (REPORT_SQL / f"{name}.sql").exists(), name
        assert sql_path(name, DASHBOARD_SQL) == sql_path(name, REPORT_SQL)
        assert sql_path(name, REPORT_SQL).parent == SHARED_SQL_DIR


def test_a_side_s_own_query_comes_first() -> None:
    own = next(DASHBOARD_SQL.glob("*.sql"))
    assert sql_path(own.stem, DASHBOARD_SQL) == own
