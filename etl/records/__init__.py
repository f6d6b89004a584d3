"""DIA's project records as staff keep them in spreadsheets (.xlsx, .xls, .csv): activities,
participations, collaborations and milestones, with Dutch, German or English headers, one kind
per sheet. See docs/records.md.

The header matching, the spreadsheet grid and the normalisers are the member lists' (etl.memberlist,
etl.normalise); the aliases are in etl/config/record_columns.toml.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

import pandas as pd

from core.i18n import N_
from etl.memberlist.columns import is_sample_title
from etl.memberlist.grid import forget, head, open_workbook
from etl.model import Notice, ReadResult, Reject, SourceInfo
from etl.records.kinds import KINDS, columns_config, find_record_header
from etl.records.rows import validate

KIND: Final = "project_records"
NOT_RECORDS = N_("Sheet {value} has no header of project records and was not read")
HIDDEN_SHEET = N_("Sheet {value} is hidden and was not read")
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
    digest = hashlib.sha1(path.name.encode()).hexdigest()[:8]
    slug = re.sub(r"[^a-z0-9]+", "_", path.stem.lower()).strip("_")[:40]
    vintage = datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat()
    title = f"DIA-projectregistratie / DIA-Projektdaten: {path.name}"
    return SourceInfo(
        source_id=f"records_{slug}_{digest}",
        title=("Voorbeelddata / Beispieldaten – " + title) if is_sample else title,
        publisher="DIA Monitor (generated sample)" if is_sample else PUBLISHER,
        licence="intern / intern",
        attribution=PUBLISHER,
        vintage=vintage,
        is_sample=is_sample,
    )


def read(path: Path) -> ReadResult:
    """Every visible sheet with a header of project records, each into its kind's table."""
    try:
        workbook = open_workbook(path)
    finally:
        forget()
    name = path.name
    result = ReadResult(file=name, kind=KIND)
    for hidden in workbook.hidden_sheets:
        result.notices.append(
            Notice(file=name, reason=HIDDEN_SHEET, sheet=hidden, params={"value": hidden})
        )
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
        label = sheet.name or name
        if header is None:
            result.notices.append(
                Notice(file=name, reason=NOT_RECORDS, sheet=sheet.name, params={"value": label})
            )
            continue
        kind = KINDS[header.association]
        missing = [field for field in kind.required if field not in header.columns]
        if missing:
            aliases = columns_config()[kind.name].aliases
            for field in missing:
                result.rejects.append(
                    Reject(
                        file=name,
                        reason=MISSING_COLUMN,
                        sheet=sheet.name,
                        row_number=header.row + 1,
                        column_name=aliases[field][0],
                        params={"sheet": label, "column": " / ".join(aliases[field][:3])},
                    )
                )
            continue
        result.notices.extend(header.ignored_notices(name, sheet.name))
        checked = validate(
            sheet.rows, header, file=name, sheet=sheet.name, source_id=source.source_id
        )
        frames.setdefault(kind.name, []).append(checked.frame)
        result.rejects.extend(checked.rejects)
        result.notices.extend(checked.notices)
        result.skipped += checked.skipped
    for kind_name, parts in frames.items():
        filled = [frame for frame in parts if not frame.empty]
        result.tables[kind_name] = pd.concat(filled, ignore_index=True) if filled else parts[0]
    return result
