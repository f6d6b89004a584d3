"""Member lists of Ondernemend Emmen (Dutch headers) and Wirtschaftsverband Emsland (German
headers): .xlsx, .xls and .csv files as staff keep them, title rows, hidden columns, totals
rows and all. See docs/members.md."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

import pandas as pd

from core.i18n import N_
from etl.memberlist.columns import find_header, is_sample_title, load_config
from etl.memberlist.grid import forget, head, open_workbook
from etl.memberlist.rows import validate
from etl.model import Notice, ReadResult, SourceInfo

KIND_PREFIX: Final = "members_"
# How each association calls its member list, in its own language (source titles).
TITLES: Final[dict[str, str]] = {"OE": "ledenbestand", "WVE": "Mitgliederverzeichnis"}
HIDDEN_SHEET = N_("Sheet {value} is hidden and was not read")
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
    digest = hashlib.sha1(path.name.encode()).hexdigest()[:8]
    slug = re.sub(r"[^a-z0-9]+", "_", path.stem.lower()).strip("_")[:40]
    vintage = datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat()
    # The title names the list, not the file: file names are internal (the data page has them).
    title = f"{columns.label}: {TITLES.get(association, 'member list')}"
    return SourceInfo(
        source_id=f"members_{association.lower()}_{slug}_{digest}",
        title=("Voorbeelddata / Beispieldaten – " + title) if is_sample else title,
        publisher="DIA Monitor (generated sample)" if is_sample else columns.label,
        licence="intern / intern",
        attribution=columns.label,
        vintage=vintage,
        is_sample=is_sample,
    )


def read(path: Path) -> ReadResult:
    """Every visible sheet that reads as a member list of the file's association."""
    try:
        workbook = open_workbook(path)
    finally:
        forget()
    name = path.name
    result = ReadResult(file=name, kind="")
    for hidden in workbook.hidden_sheets:
        result.notices.append(
            Notice(file=name, reason=HIDDEN_SHEET, sheet=hidden, params={"value": hidden})
        )
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
        label = sheet.name or name
        if header is None:
            result.notices.append(
                Notice(file=name, reason=NOT_A_LIST, sheet=sheet.name, params={"value": label})
            )
            continue
        if header.association != association:
            result.notices.append(
                Notice(
                    file=name, reason=OTHER_ASSOCIATION, sheet=sheet.name, params={"value": label}
                )
            )
            continue
        result.notices.extend(header.ignored_notices(name, sheet.name))
        checked = validate(
            sheet.rows, header, file=name, sheet=sheet.name, source_id=source.source_id
        )
        frames.append(checked.frame)
        result.rejects.extend(checked.rejects)
        result.notices.extend(checked.notices)
        result.skipped += checked.skipped
    filled = [frame for frame in frames if not frame.empty]
    result.tables["member"] = pd.concat(filled, ignore_index=True) if filled else frames[0]
    return result
