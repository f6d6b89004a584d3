"""``etl check``: the dry run staff use before loading — kind, accepted rows, rejects with reasons."""

from __future__ import annotations

from pathlib import Path

from etl.model import ReadResult
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
        for reject in result.rejects:
            where = ", ".join(
                part
                for part in (
                    f"sheet {reject.sheet}" if reject.sheet else "",
                    f"row {reject.row_number}" if reject.row_number else "",
                    f"column {reject.column_name}" if reject.column_name else "",
                )
                if part
            )
            value = f" value {reject.value!r}" if reject.value not in (None, "") else ""
            print(f"  reject{' (' + where + ')' if where else ''}:{value} {reject.message()}")
