"""DIA's project records as staff keep them in spreadsheets (.xlsx, .xls, .csv): activities,
participations, collaborations and milestones, with Dutch, German or English headers, one kind
per sheet. See docs/records.md.

The header matching, the spreadsheet grid and the normalisers are the member lists' (etl.memberlist,
etl.normalise); the aliases are in etl/config/record_columns.toml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pandas as pd

from core.i18n import N_
from etl.memberlist.columns import is_sample_title
from etl.memberlist.grid import head, open_workbook
from etl.memberlist.reading import combined, file_source, not_read, open_sheets, read_sheet
from etl.model import ReadResult, Reject, SourceInfo
from etl.records.kinds import KINDS, columns_config, find_record_header
from etl.records.rows import validate

KIND: Final = "project_records"
NOT_RECORDS = N_("Sheet {value} has no header of project records and was not read")
MISSING_COLUMN = N_(
    "Sheet {sheet} lacks the required column {column}; none of its rows were loaded"
)
PUBLISHER: Final = "Ondernemend Emmen / Wirtschaftsverband Emsland (DIA)"


def detect(path: Path) -> str | None:
    """``project_records`` when a sheet of the file has a header of project records."""
    workbook = head(open_workbook(path), 20)
    for sheet in workbook.sheets:
        if find_record_header(sheet.rows, sheet.hidden_columns) is not None:
            return KIND
    return None


def source_for(path: Path, is_sample: bool) -> SourceInfo:
    return file_source(
        path,
        id_prefix="records",
        title=f"DIA-projectregistratie / DIA-Projektdaten: {path.name}",
        publisher=PUBLISHER,
        is_sample=is_sample,
    )


def read(path: Path) -> ReadResult:
    """Every visible sheet with a header of project records, each into its kind's table."""
    workbook, result = open_sheets(path, KIND)
    found = [
        (sheet, find_record_header(sheet.rows, sheet.hidden_columns)) for sheet in workbook.sheets
    ]
    if not any(header is not None for _sheet, header in found):
        raise ValueError("no sheet has a header of project records")
    is_sample = any(
        is_sample_title(sheet.rows[: header.row]) for sheet, header in found if header is not None
    )
    source = source_for(path, is_sample)
    result.sources.append(source)
    frames: dict[str, list[pd.DataFrame]] = {}
    for sheet, header in found:
        if header is None:
            not_read(result, NOT_RECORDS, sheet)
            continue
        kind = KINDS[header.association]
        missing = [field for field in kind.required if field not in header.columns]
        if missing:
            aliases = columns_config()[kind.name].aliases
            for field in missing:
                result.rejects.append(
                    Reject(
                        file=result.file,
                        reason=MISSING_COLUMN,
                        sheet=sheet.name,
                        row_number=header.row + 1,
                        column_name=aliases[field][0],
                        params={
                            "sheet": sheet.name or result.file,
                            "column": " / ".join(aliases[field][:3]),
                        },
                    )
                )
            continue
        frame = read_sheet(result, validate, sheet, header, source.source_id)
        frames.setdefault(kind.name, []).append(frame)
    for kind_name, parts in frames.items():
        result.tables[kind_name] = combined(parts)
    return result
