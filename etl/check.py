"""``etl check``: the dry run staff use before loading — kind, accepted rows, rejects with reasons.

Each file is read in a child process within the limits of etl/config/limits.toml, so no file can
take the caller down. ``--json`` prints what the Data page shows, in every language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.filekinds import association_of, kind_label
from core.i18n import LANGS, translate
from etl.model import ReadResult, Reject
from etl.sandbox import read_files


def check_files(paths: list[Path]) -> list[ReadResult]:
    return read_files(paths)


def print_check(results: list[ReadResult]) -> None:
    for result in results:
        print(f"{result.file}: {kind_label(result.kind, 'en')} ({result.kind})")
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


def item_json(item: Reject) -> dict[str, Any]:
    """A reject or notice with its reason in every language."""
    return {
        "file": item.file,
        "sheet": item.sheet,
        "row_number": item.row_number,
        "column_name": item.column_name,
        "value": item.value,
        "reason": {lang: translate(lang, item.reason, **item.params) for lang in LANGS},
    }


def result_json(result: ReadResult) -> dict[str, Any]:
    return {
        "file": result.file,
        "kind": result.kind,
        "kind_label": {lang: kind_label(result.kind, lang) for lang in LANGS},
        "association": association_of(result.kind),
        "accepted": result.accepted,
        "rejected": len(result.rejects),
        "rejected_rows": len({(r.sheet, r.row_number) for r in result.rejects}),
        "skipped": result.skipped,
        "tables": result.table_rows(),
        "rejects": [item_json(r) for r in result.rejects],
        "notices": [item_json(n) for n in result.notices],
        "notes": list(result.notes),
        "seconds": result.seconds,
        "peak_mb": result.peak_mb,
    }
