"""Members → ``member``, ``company`` and ``member_contact``: duplicates merged, a company that is
a member of both associations counted once, contact data kept apart (etl/sql/members/)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

import duckdb

from core.i18n import N_
from etl import nace
from etl.harmonise import repeated_rows, run_folder
from etl.model import Notice

if TYPE_CHECKING:
    from etl.build_report import BuildReport

SQL_DIR: Final = Path(__file__).resolve().parents[1] / "sql" / "members"
MERGE_QUERY: Final = "050_merged_across_files.sql"

MERGED_ACROSS = N_("Same company as row {first} of {other}; the rows were merged")


def run(con: duckdb.DuckDBPyConnection, report: BuildReport) -> None:
    nace.load_labels(con)
    merged = run_folder(con, SQL_DIR, last=MERGE_QUERY)
    # the rows without their company key (column 5)
    rows = [(*row[:4], *row[5:]) for row in merged]
    repeated_rows(report, rows, MERGED_ACROSS, Notice)
