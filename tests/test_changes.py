"""The what-changed digest compares two inventories in DuckDB (etl/changes.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from etl.changes import (
    Inventory,
    changed_totals,
    hold_items,
    hold_reported,
    inventory,
    previous_version,
    store,
)

SCHEMA = Path(__file__).resolve().parents[1] / "etl" / "sql" / "schema" / "070_changes.sql"
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

# kind, group, id, label, detail, state
BEFORE = [
    ("member", "OE", "OE-1", "Stays", "2019-01-01", "active"),
    ("member", "OE", "OE-2", "Leaves by date", "2019-01-01", "active"),
    ("member", "OE", "OE-3", "Comes back", "2018-01-01", "left"),
    ("member", "WVE", "WVE-6", "Row gone", "2017-05-01", "active"),
    ("member", "WVE", "WVE-7", "Gone, had left", "2017-05-01", "left"),
    ("activity", "workshop", "A1", "Old workshop", "2022-03-01", "active"),
    ("participation", "A1", "A1 / C-1", "Stays GmbH", "Old workshop", "active"),
]
AFTER = [
    ("member", "OE", "OE-1", "Stays (renamed)", "2019-01-01", "active"),
    ("member", "OE", "OE-2", "Leaves by date", "2019-01-01", "left"),
    ("member", "OE", "OE-3", "Comes back", "2018-01-01", "active"),
    ("member", "OE", "OE-4", "New", "2024-01-01", "active"),
    ("member", "OE", "OE-5", "New but left", "2024-01-01", "left"),
    ("activity", "webinar", "A2", "New webinar", "2024-02-01", "active"),
    ("participation", "A1", "A1 / C-1", "Stays GmbH", "Old workshop", "active"),
]
# What the rules give, worked out by hand: a member joins when it is active now and was not
# (new, or back after leaving); it leaves when it was active and is not now (left by date:
# shown as now; row gone: shown as before). Other items are added or removed; a label change
# alone is no change.
EXPECTED = [
    ("activity", "webinar", "A2", "New webinar", "2024-02-01", "added"),
    ("activity", "workshop", "A1", "Old workshop", "2022-03-01", "removed"),
    ("member", "OE", "OE-2", "Leaves by date", "2019-01-01", "left"),
    ("member", "OE", "OE-3", "Comes back", "2018-01-01", "joined"),
    ("member", "OE", "OE-4", "New", "2024-01-01", "joined"),
    ("member", "WVE", "WVE-6", "Row gone", "2017-05-01", "left"),
]


def _changes(con: duckdb.DuckDBPyConnection, scope: str) -> list[tuple[str, ...]]:
    return con.execute(
        "SELECT kind, grp, item_id, label, detail, change FROM change_item WHERE scope = ? "
        "ORDER BY kind, grp, item_id",
        [scope],
    ).fetchall()


def test_items_compared_in_the_database() -> None:
    with duckdb.connect() as con:
        con.execute(SCHEMA.read_text(encoding="utf-8"))
        hold_reported(con, "inventory_before", BEFORE)
        hold_reported(con, "inventory_after", AFTER)
        store(con, "report", "2023-H2", "v1", [("RCO115", 3.0, 2.0)], NOW)
        assert _changes(con, "report") == EXPECTED
        assert con.execute("SELECT * FROM change_indicator").fetchall() == [
            ("report", "RCO115", 3.0, 2.0)
        ]
        assert con.execute("SELECT scope, reference FROM change_basis").fetchall() == [
            ("report", "2023-H2")
        ]


def test_totals_up_to_a_period() -> None:
    before = {"RCO115": {"2023-H1": 2.0, "2023-H2": 1.0}, "CO01": {"2023-H1": 5.0}}
    after = {"RCO115": {"2023-H1": 2.0, "2023-H2": 3.0, "2024-H1": 1.0}, "CO01": {"2023-H1": 5.0}}
    # All periods: RCO115 3 → 6; up to 2023-H1 nothing changed.
    assert changed_totals(before, after) == [("RCO115", 3.0, 6.0)]
    assert changed_totals(before, after, up_to=["2023-H1"]) == []
    assert changed_totals(before, after, up_to=["2023-H1", "2023-H2"]) == [("RCO115", 3.0, 5.0)]


MINIMAL_TABLES = """
CREATE TABLE project_calendar (data_as_of DATE);
CREATE TABLE member (member_id VARCHAR, association VARCHAR, name VARCHAR,
                     member_since DATE, member_until DATE);
CREATE TABLE activity (activity_id VARCHAR, type VARCHAR, title VARCHAR, date DATE);
CREATE TABLE company (company_id VARCHAR, name VARCHAR);
CREATE TABLE participation (activity_id VARCHAR, company_id VARCHAR);
CREATE TABLE collaboration (collaboration_id VARCHAR, type VARCHAR, company_id_nl VARCHAR,
                            company_id_de VARCHAR, started_on DATE);
CREATE TABLE indicator_value (code VARCHAR, period VARCHAR, value DOUBLE);
INSERT INTO project_calendar VALUES ('2024-06-30');
"""


def test_previous_version_attached_read_only(tmp_path: Path) -> None:
    old = tmp_path / "old.duckdb"
    with duckdb.connect(str(old)) as con:
        con.execute(MINIMAL_TABLES)
        con.execute(
            "INSERT INTO member VALUES ('OE-1', 'OE', 'Stays', '2019-01-01', NULL),"
            " ('OE-2', 'OE', 'Goes', '2019-01-01', NULL)"
        )
        con.execute("INSERT INTO activity VALUES ('A1', 'workshop', 'Old', '2022-03-01')")
        con.execute("INSERT INTO indicator_value VALUES ('RCO115', '2023-H1', 1)")
    with duckdb.connect(str(tmp_path / "new.duckdb")) as con:
        con.execute(MINIMAL_TABLES)
        con.execute(SCHEMA.read_text(encoding="utf-8"))
        # OE-2 leaves: its member_until (2024-01-31) lies before the data's date (2024-06-30).
        con.execute(
            "INSERT INTO member VALUES ('OE-1', 'OE', 'Stays', '2019-01-01', NULL),"
            " ('OE-2', 'OE', 'Goes', '2019-01-01', '2024-01-31'),"
            " ('OE-3', 'OE', 'New', '2024-02-01', NULL)"
        )
        hold_items(con, "inventory_after")
        with previous_version(con, old):
            hold_items(con, "inventory_before")
            assert con.execute("SELECT count(*) FROM member").fetchone() == (2,)
        # Back on the new warehouse, the old one let go of.
        assert con.execute("SELECT count(*) FROM member").fetchone() == (3,)
        assert "previous_version" not in {
            name
            for (name,) in con.execute("SELECT database_name FROM duckdb_databases()").fetchall()
        }
        store(con, "version", "v-old", "v-old", [], NOW)
        assert _changes(con, "version") == [
            ("activity", "workshop", "A1", "Old", "2022-03-01", "removed"),
            ("member", "OE", "OE-2", "Goes", "2019-01-01", "left"),
            ("member", "OE", "OE-3", "New", "2024-02-01", "joined"),
        ]
        # What a report keeps: the same items, as strings, in a fixed order.
        held = inventory(con)
        assert held.items[0] == ("member", "OE", "OE-1", "Stays", "2019-01-01", "active")
        assert Inventory.from_json(held.to_json()) == held
