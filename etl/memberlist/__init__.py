"""Member lists of Ondernemend Emmen (Dutch headers) and Wirtschaftsverband Emsland (German
headers): .xlsx, .xls and .csv files as staff keep them, title rows, hidden columns, totals
rows and all. See docs/members.md."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from core.i18n import N_
from etl.memberlist.columns import find_header, is_sample_title, load_config
from etl.memberlist.grid import head, open_workbook
from etl.memberlist.reading import combined, file_source, not_read, open_sheets, read_sheet
from etl.memberlist.rows import validate
from etl.model import ReadResult, SourceInfo

KIND_PREFIX: Final = "members_"
# How each association calls its member list, in its own language (source titles).
TITLES: Final[dict[str, str]] = {"OE": "ledenbestand", "WVE": "Mitgliederverzeichnis"}
NOT_A_LIST = N_("Sheet {value} has no member list header and was not read")
OTHER_ASSOCIATION = N_(
    "Sheet {value} is a member list of another association than the first sheet and was not read"
)


def kind_of(association: str) -> str:
    return KIND_PREFIX + association.lower()


def association_of(kind: str) -> str | None:
    """``members_oe`` → ``OE``; None for other kinds."""
    if not kind.startswith(KIND_PREFIX):
        return None
    wanted = kind.removeprefix(KIND_PREFIX).upper()
    return wanted if wanted in load_config() else None


def detect(path: Path) -> str | None:
    """``members_oe`` / ``members_wve`` when a sheet of the file reads as a member list."""
    workbook = head(open_workbook(path), 20)
    for sheet in workbook.sheets:
        header = find_header(sheet.rows, sheet.hidden_columns)
        if header is not None:
            return kind_of(header.association)
    return None


def source_for(path: Path, association: str, is_sample: bool) -> SourceInfo:
    columns = load_config()[association]
    # The title names the list, not the file: file names are internal (the data page has them).
    return file_source(
        path,
        id_prefix=f"members_{association.lower()}",
        title=f"{columns.label}: {TITLES.get(association, 'member list')}",
        publisher=columns.label,
        is_sample=is_sample,
    )


def read(path: Path) -> ReadResult:
    """Every visible sheet that reads as a member list of the file's association."""
    workbook, result = open_sheets(path, "")
    found = [(sheet, find_header(sheet.rows, sheet.hidden_columns)) for sheet in workbook.sheets]
    lists = [(sheet, header) for sheet, header in found if header is not None]
    if not lists:
        raise ValueError("no sheet has a member list header")
    association = lists[0][1].association
    result.kind = kind_of(association)
    is_sample = any(is_sample_title(sheet.rows[: header.row]) for sheet, header in lists)
    source = source_for(path, association, is_sample)
    result.sources.append(source)
    frames = []
    for sheet, header in found:
        if header is None:
            not_read(result, NOT_A_LIST, sheet)
        elif header.association != association:
            not_read(result, OTHER_ASSOCIATION, sheet)
        else:
            frames.append(read_sheet(result, validate, sheet, header, source.source_id))
    result.tables["member"] = combined(frames)
    return result
