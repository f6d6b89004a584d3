"""Build step: what changed against the version published before and against the data of the
latest submitted report (etl/changes.py)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import duckdb

from core import reports
from core.paths import warehouse_dir
from core.versions import current_version
from etl.changes import SQL_DIR, Inventory, compare, inventory, store

if TYPE_CHECKING:
    from etl.build_report import BuildReport


def run(con: duckdb.DuckDBPyConnection, report: BuildReport) -> None:
    now = dt.datetime.now(dt.UTC)
    con.execute((SQL_DIR / "evidence_label.sql").read_text(encoding="utf-8"))
    after = inventory(con)
    previous = current_version(warehouse_dir())  # still the published one while we build
    if previous is not None:
        try:
            with duckdb.connect(str(previous.path), read_only=True) as old:
                before = inventory(old)
        except duckdb.Error:
            before = None  # a version from before the digest existed: nothing to compare
        if before is not None:
            store(
                con,
                "version",
                previous.version_id,
                previous.version_id,
                compare(before, after),
                now,
            )
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
        store(
            con,
            "report",
            latest.period,
            latest.data_version,
            compare(reported, after, up_to=periods),
            now,
        )
