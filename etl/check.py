"""``etl check``: the dry run staff use before loading — kind, accepted rows, rejects with reasons."""

from __future__ import annotations

from pathlib import Path

from etl.model import ReadResult, Reject
from etl.readers import read_file


def check_files(paths: list[Path]) -> list[ReadResult]:
    return [read_file(path) for path in paths]


def print_check(results: list[ReadResult]) -> None:
    for result in results:
        print(f"{result.file}: {result.kind}")
        print(
            f"  accepted {result.accepted}, rejected {len(result.rejects)}, skipped {result.skipped}"
        )
        for note in result.notes:
            print(f"  note: {note}")
        for notice in result.notices:
            print(f"  note{_where(notice)}: {notice.message()}")
        for reject in result.rejects:
            value = f" value {reject.value!r}" if reject.value not in (None, "") else ""
            print(f"  reject{_where(reject)}:{value} {reject.message()}")


def _where(item: Reject) -> str:
    """`` (sheet S, row 12, column PLZ)`` — where a reject or notice points to."""
    where = ", ".join(
        part
        for part in (
            f"sheet {item.sheet}" if item.sheet else "",
            f"row {item.row_number}" if item.row_number else "",
            f"column {item.column_name}" if item.column_name else "",
        )
        if part
    )
    return f" ({where})" if where else ""
