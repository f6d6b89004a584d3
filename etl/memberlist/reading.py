"""What the member-list and project-record readers share around their sheets: opening the
workbook, the notices for sheets that were not read, the source row of the file, and folding
each sheet's checked rows into the file's ``ReadResult``."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import pandas as pd

from core.i18n import N_
from etl.memberlist.columns import Header
from etl.memberlist.grid import Sheet, Workbook, forget, open_workbook
from etl.model import Notice, ReadResult, Reject, SourceInfo

HIDDEN_SHEET = N_("Sheet {value} is hidden and was not read")
SAMPLE_TITLE = "Voorbeelddata / Beispieldaten – "
SAMPLE_PUBLISHER = "DIA Monitor (generated sample)"
SHOWN_VALUE = 80  # characters of a rejected value shown back to the user


@dataclass
class SheetResult:
    """The checked rows of one sheet, with what was rejected, noticed and skipped."""

    frame: pd.DataFrame
    rejects: list[Reject] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    skipped: int = 0


class Validate(Protocol):
    def __call__(
        self, grid: Sheet, header: Header, *, file: str, source_id: str
    ) -> SheetResult: ...


def open_sheets(path: Path, kind: str) -> tuple[Workbook, ReadResult]:
    """The whole workbook (not kept in the head cache) and a result that already notes its
    hidden sheets."""
    try:
        workbook = open_workbook(path)
    finally:
        forget()
    result = ReadResult(file=path.name, kind=kind)
    for hidden in workbook.hidden_sheets:
        result.notices.append(
            Notice(file=path.name, reason=HIDDEN_SHEET, sheet=hidden, params={"value": hidden})
        )
    return workbook, result


def not_read(result: ReadResult, reason: str, sheet: Sheet) -> None:
    """Note that ``sheet`` was left out, and why (``reason`` takes the sheet as ``{value}``)."""
    label = sheet.name or result.file
    result.notices.append(
        Notice(file=result.file, reason=reason, sheet=sheet.name, params={"value": label})
    )


def read_sheet(
    result: ReadResult, validate: Validate, sheet: Sheet, header: Header, source_id: str
) -> pd.DataFrame:
    """Check the rows under ``header``; their rejects, notices and skips go into ``result``."""
    result.notices.extend(header.ignored_notices(result.file, sheet.name))
    checked = validate(sheet, header, file=result.file, source_id=source_id)
    result.rejects.extend(checked.rejects)
    result.notices.extend(checked.notices)
    result.skipped += checked.skipped
    return checked.frame


def combined(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The sheets' rows in one frame (an empty frame keeps the columns when all are empty)."""
    filled = [frame for frame in frames if not frame.empty]
    return pd.concat(filled, ignore_index=True) if filled else frames[0]


def file_source(
    path: Path, *, id_prefix: str, title: str, publisher: str, is_sample: bool
) -> SourceInfo:
    """The source row of an association's own file: named after the file, dated by its
    modification time, and labelled as sample when it is one."""
    digest = hashlib.sha1(path.name.encode()).hexdigest()[:8]
    slug = re.sub(r"[^a-z0-9]+", "_", path.stem.lower()).strip("_")[:40]
    vintage = datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat()
    return SourceInfo(
        source_id=f"{id_prefix}_{slug}_{digest}",
        title=(SAMPLE_TITLE + title) if is_sample else title,
        publisher=SAMPLE_PUBLISHER if is_sample else publisher,
        licence="intern / intern",
        attribution=publisher,
        vintage=vintage,
        is_sample=is_sample,
    )


def cell_rejects(
    errors: pd.Series,
    values: pd.Series,
    *,
    file: str,
    sheet: str | None,
    column_name: str | None,
    params: Mapping[str, str] | None = None,
    row_params: Callable[[int, str], dict[str, str]] | None = None,
) -> Iterator[Reject]:
    """One reject per row where ``errors`` holds a msgid, showing that row's value (cut to
    ``SHOWN_VALUE`` characters); ``params`` and ``row_params`` (per row and reason) add
    message parameters."""
    for row_number, reason in errors[errors.notna()].items():
        value = values.get(row_number)
        value = None if value is None or value != value else str(value)
        if value is not None and len(value) > SHOWN_VALUE:
            value = value[: SHOWN_VALUE - 1] + "…"
        extra = {
            **(params or {}),
            **(row_params(int(row_number), str(reason)) if row_params else {}),
        }
        yield Reject(
            file=file,
            reason=str(reason),
            sheet=sheet,
            row_number=int(row_number),
            column_name=column_name,
            value=value,
            params={"value": value or "", **extra},
        )
