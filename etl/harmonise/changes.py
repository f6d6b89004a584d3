"""Build step: what changed against the version published before and against the data of the
latest submitted report (etl/changes.py)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import duckdb

from core import reports
from core.paths import warehouse_dir
from core.versions import current_version
from etl.changes import (
    SQL_DIR,
    Inventory,
    changed_totals,
    hold_items,
    hold_reported,
    indicator_totals,
    previous_version,
    store,
)

if TYPE_CHECKING:
    from etl.build_report import BuildReport

BEFORE, AFTER = "inventory_before", "inventory_after"


def run(con: duckdb.DuckDBPyConnection, report: BuildReport) -> None:
    now = dt.datetime.now(dt.UTC)
    con.execute((SQL_DIR / "evidence_label.sql").read_text(encoding="utf-8"))
    hold_items(con, AFTER)
    after = indicator_totals(con)
    previous = current_version(warehouse_dir())  # still the published one while we build
    if previous is not None:
        try:
            with previous_version(con, previous.path):
                hold_items(con, BEFORE)
                before = indicator_totals(con)
        except duckdb.Error:
            before = None  # a version from before the digest existed: nothing to compare
        if before is not None:
            totals = changed_totals(before, after)
            store(con, "version", previous.version_id, previous.version_id, totals, now)
    done = reports.submissions()
    if done and "inventory" in done[-1].snapshot:
        latest = done[-1]
        periods = [
            p
            for (p,) in con.execute(
                "SELECT period FROM reporting_period WHERE position <= ? ORDER BY position",
                [latest.position],
            ).fetchall()
        ]
        reported = Inventory.from_json(latest.snapshot["inventory"])
        hold_reported(con, BEFORE, reported.items)
        totals = changed_totals(reported.indicators, after, up_to=periods)
        store(con, "report", latest.period, latest.data_version, totals, now)
    con.execute(f"DROP TABLE IF EXISTS {BEFORE}")
    con.execute(f"DROP TABLE IF EXISTS {AFTER}")
