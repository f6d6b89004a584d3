"""The build's duplicate-key check of project records (etl/sql/records/030_duplicate_keys.sql):
the first row with a key is loaded, every later one is a problem that points back at it."""

from __future__ import annotations

import duckdb

from etl.build import SQL_DIR, run_sql_folder

RECORDS = SQL_DIR / "records"


def _connection() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    run_sql_folder(con, "schema")
    run_sql_folder(con, "staging")
    con.execute((RECORDS / "010_company_refs.sql").read_text(encoding="utf-8"))
    return con


def test_later_rows_with_a_used_key_are_problems_naming_the_first() -> None:
    con = _connection()
    activity = (
        "INSERT INTO stg_activity VALUES (?, ?, ?, ?, DATE '2023-05-01', 't', 'workshop', "
        "'digital', 'energy', NULL, 'OE', 'src', 'Activiteit-ID')"
    )
    # A-1 three times (two sheets), A-2 once: rows 9 (b.xlsx) and 4 (a.xlsx, Blad2) repeat A-1.
    for file, sheet, row, key in [
        ("a.xlsx", "Blad1", 3, "A-1"),
        ("a.xlsx", "Blad2", 4, "A-1"),
        ("a.xlsx", "Blad1", 5, "A-2"),
        ("b.xlsx", "Blad1", 9, "A-1"),
    ]:
        con.execute(activity, [file, sheet, row, key])
    collaboration = (
        "INSERT INTO stg_collaboration (file, sheet, row_number, collaboration_id, ref_nl, ref_de,"
        " type, status, source_id, collaboration_id_column)"
        " VALUES (?, 'S', ?, ?, 'x', 'y', 'joint_project', 'active', 'src', 'Collaboration ID')"
    )
    # the same ID as an activity is no clash: keys are per kind
    for row, key in [(2, "S-1"), (3, "A-1"), (4, "S-1")]:
        con.execute(collaboration, ["c.xlsx", row, key])
    milestone = (
        "INSERT INTO stg_milestone (file, sheet, row_number, work_package, milestone, planned_on,"
        " source_id) VALUES ('m.xlsx', 'M', ?, ?, ?, DATE '2024-01-01', 'src')"
    )
    # letter case does not make another milestone; another work package does
    for row, package, name in [
        (2, "WP1", "Kick-off"),
        (3, "WP1", "kick-off"),
        (4, "WP2", "Kick-off"),
    ]:
        con.execute(milestone, [row, package, name])

    con.execute((RECORDS / "030_duplicate_keys.sql").read_text(encoding="utf-8"))

    problems = con.execute(
        "SELECT kind, file, sheet, row_number, column_name, value, problem, first_file,"
        " first_sheet, first_row FROM stg_record_problem ORDER BY kind, file, sheet, row_number"
    ).fetchall()
    assert problems == [
        ("activity", "a.xlsx", "Blad2", 4, "Activiteit-ID", "A-1", "duplicate_id",
         "a.xlsx", "Blad1", 3),
        ("activity", "b.xlsx", "Blad1", 9, "Activiteit-ID", "A-1", "duplicate_id",
         "a.xlsx", "Blad1", 3),
        ("collaboration", "c.xlsx", "S", 4, "Collaboration ID", "S-1", "duplicate_id",
         "c.xlsx", "S", 2),
        ("milestone", "m.xlsx", "M", 3, None, "kick-off", "duplicate_milestone",
         "m.xlsx", "M", 2),
    ]  # fmt: skip
