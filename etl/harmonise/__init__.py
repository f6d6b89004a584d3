"""Harmonisation steps run after staging, inside the new warehouse file.

Each module exposes ``run(con, report)``; etl/registry.py lists them in the order they run.
A step reads ``stg_*`` tables and fills warehouse tables; it may add rejects to
``report.results`` entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from etl.model import Notice, ReadResult, Reject

if TYPE_CHECKING:
    from etl.build_report import BuildReport


def run_folder(con: duckdb.DuckDBPyConnection, folder: Path, *, last: str) -> list[tuple[Any, ...]]:
    """Run every SQL file of ``folder`` in name order, and ``last`` (a query) after them: its
    rows, the rows the step reports back to their files."""
    for path in sorted(folder.glob("*.sql")):
        if path.name != last:
            con.execute(path.read_text(encoding="utf-8"))
    return con.execute((folder / last).read_text(encoding="utf-8")).fetchall()


def where(file: str, sheet: str | None) -> str:
    """A file and sheet as a reject or notice names them: ``leden.xlsx (Leden)``."""
    return f"{file} ({sheet})" if sheet else file


def unmatched_codes(
    report: BuildReport,
    codes: Iterable[tuple[str, str, str]],
    reason: str,
    kind: type[Reject],
) -> None:
    """Tell the file behind each ``(source_id, classification, code)`` that the code is in no
    crosswalk: a ``Reject`` (its figures are left out) or a ``Notice`` (they are kept)."""
    for source_id, classification, code in codes:
        result = report.of_source(source_id)
        if result is None:
            continue
        problem = kind(
            file=result.file,
            reason=reason,
            column_name="code",
            value=code,
            params={"classification": classification, "value": code},
        )
        _attach(result, problem)


def repeated_rows(
    report: BuildReport,
    rows: Iterable[tuple[str, str | None, int, str, str, str | None, int]],
    reason: str,
    kind: type[Reject],
    column_name: str | None = None,
) -> None:
    """Tell the file of each ``(file, sheet, row, value, first_file, first_sheet, first_row)``
    that the row repeats an earlier one; ``reason`` names it as row ``{first}`` of ``{other}``."""
    for file, sheet, row_number, value, first_file, first_sheet, first_row in rows:
        result = report.of_file(file)
        if result is None:
            continue
        params = {"first": first_row, "other": where(first_file, first_sheet)}
        # the fields in Reject's order: file, reason, sheet, row_number, column_name, value, …
        _attach(result, kind(file, reason, sheet, row_number, column_name, value, params))


def _attach(result: ReadResult, problem: Reject) -> None:
    if isinstance(problem, Notice):
        result.notices.append(problem)
    else:
        result.rejects.append(problem)
