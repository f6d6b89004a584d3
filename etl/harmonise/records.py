"""Project records → ``activity``, ``participation``, ``collaboration``, ``milestone``: company
references resolved to ``company`` (after the members step), repeated IDs and unknown
activities rejected with their row and column (etl/sql/records/)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

import duckdb

from core.i18n import N_
from etl.harmonise import run_folder, where
from etl.model import Notice, ReadResult, Reject

if TYPE_CHECKING:
    from etl.build_report import BuildReport

SQL_DIR: Final = Path(__file__).resolve().parents[1] / "sql" / "records"
MERGED_QUERY: Final = "060_merged.sql"

PROBLEMS: Final[dict[str, str]] = {
    "unknown_company": N_("No member company has the register or member number {value}"),
    "ambiguous_company": N_(
        "Member number {value} is used by both associations; write OE {value} or WVE {value}"
    ),
    "duplicate_id": N_(
        "ID {value} is already used in row {row} of {where}; this row was not loaded"
    ),
    "unknown_activity": N_("Activity {value} is not in any activity list"),
    "not_dutch": N_("{value} is a German company; the Dutch partner must be a Dutch company"),
    "not_german": N_("{value} is a Dutch company; the German partner must be a German company"),
    "duplicate_milestone": N_(
        "Milestone {value} is already recorded in row {row} of {where}; this row was not loaded"
    ),
}
MERGED = N_(
    "Same company and activity as row {row} of {where}; the rows were merged (the larger "
    "number of persons counts)"
)
KINDS: Final = ("activity", "participation", "collaboration", "milestone")


def run(con: duckdb.DuckDBPyConnection, report: BuildReport) -> None:
    merged = run_folder(con, SQL_DIR, last=MERGED_QUERY)
    problems = con.execute(
        "SELECT kind, file, sheet, row_number, column_name, value, problem, first_file,"
        " first_sheet, first_row FROM stg_record_problem ORDER BY file, sheet, row_number"
    ).fetchall()
    dropped: set[tuple[str, str, str, int]] = set()
    for kind, file, sheet, row, column, value, problem, first_file, first_sheet, first in problems:
        result = report.of_file(file)
        if result is None:
            continue
        params: dict[str, object] = {"value": value or ""}
        if first is not None:
            params.update(row=first, where=where(first_file, first_sheet or None))
        result.rejects.append(
            Reject(
                file=file,
                reason=PROBLEMS[problem],
                sheet=sheet or None,
                row_number=row,
                column_name=column,
                value=value,
                params=params,
            )
        )
        dropped.add((kind, file, sheet or "", row))
    for file, sheet, row, column, ref, first_file, first_sheet, first in merged:
        result = report.of_file(file)
        if result is not None:
            result.notices.append(
                Notice(
                    file=file,
                    reason=MERGED,
                    sheet=sheet or None,
                    row_number=row,
                    column_name=column,
                    value=ref,
                    params={"row": first, "where": where(first_file, first_sheet or None)},
                )
            )
    for result in report.results:
        _forget_rejected(result, dropped)


def _forget_rejected(result: ReadResult, dropped: set[tuple[str, str, str, int]]) -> None:
    """Take rows rejected here out of the reader's tables, so the build summary's accepted
    count is what was loaded."""
    for kind in KINDS:
        frame = result.tables.get(kind)
        if frame is None or frame.empty:
            continue
        keys = zip(frame["file"], frame["sheet"].fillna(""), frame["row_number"], strict=True)
        keep = [(kind, file, sheet, int(row)) not in dropped for file, sheet, row in keys]
        result.tables[kind] = frame[keep].reset_index(drop=True)
