"""Blank templates of the project records (data/templates/records_nl.xlsx, records_de.xlsx):
one sheet per kind of record with the headers the reader knows, drop-down lists for every list
column, date and number checks, and instructions in Dutch and German.

Written by ``python -m etl templates``; docs/records.md describes the columns.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Final

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from core.codes import CODE_LISTS
from core.i18n import N_, Lang, translate
from core.paths import TEMPLATES_DIR
from etl.records.kinds import FIELD_HELP, KINDS, headers
from etl.records.plan import load_plan
from etl.records.workbook import save_workbook
from etl.reference import region_frame

ROWS: Final = 2000  # rows prepared with checks
LANGS: Final[tuple[Lang, ...]] = ("nl", "de")
SHEETS: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "activity": "Activiteiten",
        "participation": "Deelnames",
        "collaboration": "Samenwerkingen",
        "milestone": "Mijlpalen",
        "lists": "Lijsten",
    },
    "de": {
        "activity": "Aktivitäten",
        "participation": "Teilnahmen",
        "collaboration": "Kooperationen",
        "milestone": "Meilensteine",
        "lists": "Listen",
    },
}
INSTRUCTIONS_SHEET: Final = "Instructies - Anleitung"  # Excel forbids "/" in sheet names
# Which code list (core.codes.CODE_LISTS) each list column draws from.
LIST_COLUMNS: Final[dict[str, str]] = {
    "type": "type",
    "format": "format",
    "theme": "theme",
    "organiser": "organiser",
    "collaboration_type": "collaboration_type",
    "status": "status",
}
DATE_COLUMNS: Final = frozenset({"date", "started_on", "planned_on", "done_on"})
TEXT_COLUMNS: Final = frozenset(
    {"activity_id", "company", "company_nl", "company_de", "collaboration_id"}
)
TITLE = N_("DIA project records template")
RULES: Final[tuple[str, ...]] = (
    N_("One sheet per kind of record; keep the header row as it is. Extra columns are ignored."),
    N_(
        "Activities and participations are linked by the activity ID; companies are named by "
        "KvK or Handelsregister number or by member number."
    ),
    N_("Values in the list columns may be written in Dutch, German or English."),
    N_("Check the file on the Data page (or with python -m etl check FILE) before loading it."),
    N_("Rows that cannot be loaded are listed with sheet, row, column and the reason."),
    N_("Enter no personal data: no names of persons, no e-mail addresses."),
)
HEADER_FILL: Final = PatternFill("solid", fgColor="1F4E79")


def _list_values(column: str, lang: Lang) -> list[str]:
    return [translate(lang, message) for message in CODE_LISTS[LIST_COLUMNS[column]].values()]


def _venues() -> list[str]:
    regions = region_frame()
    towns = regions[regions["level"].isin(["gemeente", "gemeinde"]) & ~regions["is_context"]]
    return sorted(towns["name"].tolist())


def _lists_sheet(book: Workbook, lang: Lang) -> dict[str, str]:
    """The hidden sheet of drop-down values; returns each list's cell range."""
    sheet = book.create_sheet(SHEETS[lang]["lists"])
    lists = {column: _list_values(column, lang) for column in LIST_COLUMNS}
    lists["region"] = _venues()
    lists["work_package"] = [f"{wp.code} {wp.names[lang]}" for wp in load_plan().work_packages]
    ranges = {}
    for index, (column, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index, value=column)
        for row, value in enumerate(values, start=2):
            sheet.cell(row=row, column=index, value=value)
        ranges[column] = f"'{sheet.title}'!${letter}$2:${letter}${len(values) + 1}"
    sheet.sheet_state = "hidden"
    return ranges


def _record_sheet(book: Workbook, kind: str, lang: Lang, ranges: dict[str, str]) -> None:
    sheet = book.create_sheet(SHEETS[lang][kind])
    names = headers(kind, lang)
    for column, (field, header) in enumerate(names.items(), start=1):
        cell = sheet.cell(row=1, column=column, value=header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        letter = get_column_letter(column)
        wide = field.startswith("milestone") or field in (
            "title",
            "evidence",
            "company_name",
            "name_nl",
            "name_de",
        )
        sheet.column_dimensions[letter].width = 44 if wide else 22
        _check(sheet, field, header, f"{letter}2:{letter}{ROWS + 1}", lang, ranges)
        # A column style: Excel applies it to every cell typed in the column.
        if field in DATE_COLUMNS:
            sheet.column_dimensions[letter].number_format = (
                "DD-MM-YYYY" if lang == "nl" else "DD.MM.YYYY"
            )
        elif field in TEXT_COLUMNS:
            sheet.column_dimensions[letter].number_format = "@"
    sheet.freeze_panes = "A2"


def _check(
    sheet: Worksheet, field: str, header: str, cells: str, lang: Lang, ranges: dict[str, str]
) -> None:
    """A drop-down list or a date/number check with the field's help as input message; a
    value outside it only warns, since the reader accepts more spellings than the list."""
    if field in ranges:
        check = DataValidation(type="list", formula1=f"={ranges[field]}", allow_blank=True)
    elif field in DATE_COLUMNS:
        check = DataValidation(
            type="date",
            operator="between",
            formula1="DATE(2015,1,1)",
            formula2="DATE(2035,12,31)",
            allow_blank=True,
        )
    elif field == "persons":
        check = DataValidation(
            type="whole", operator="greaterThanOrEqual", formula1="1", allow_blank=True
        )
    else:
        check = DataValidation(type=None, allow_blank=True)
    check.errorStyle = "warning"
    check.showErrorMessage = True
    check.promptTitle = header[:32]
    check.prompt = translate(lang, FIELD_HELP[field])[:255]
    check.showInputMessage = True
    sheet.add_data_validation(check)
    check.add(cells)


def _instructions(book: Workbook) -> None:
    sheet = book.create_sheet(INSTRUCTIONS_SHEET)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 70
    sheet.column_dimensions["C"].width = 70
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    sheet.cell(
        row=1, column=1, value=f"{translate('nl', TITLE)} / {translate('de', TITLE)}"
    ).font = Font(bold=True, size=13)
    row = 3
    for column, text in enumerate(("", "Nederlands", "Deutsch"), start=1):
        sheet.cell(row=row, column=column, value=text).font = bold
    for rule in RULES:
        row += 1
        for column, text in enumerate(("", translate("nl", rule), translate("de", rule)), start=1):
            sheet.cell(row=row, column=column, value=text).alignment = wrap
    for kind in KINDS.values():
        row += 2
        title = f"{SHEETS['nl'][kind.name]} / {SHEETS['de'][kind.name]}"
        sheet.cell(row=row, column=1, value=title).font = bold
        nl, de = headers(kind.name, "nl"), headers(kind.name, "de")
        for field in kind.fields:
            row += 1
            values = (
                f"{nl[field]} / {de[field]}",
                translate("nl", FIELD_HELP[field]),
                translate("de", FIELD_HELP[field]),
            )
            for column, text in enumerate(values, start=1):
                sheet.cell(row=row, column=column, value=text).alignment = wrap


def write_template(lang: Lang, target: Path | io.BytesIO) -> None:
    """The blank template with headers and lists in ``lang`` (nl or de)."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    ranges = _lists_sheet(book, lang)
    for kind in KINDS:
        _record_sheet(book, kind, lang, ranges)
    _instructions(book)
    book.move_sheet(SHEETS[lang]["lists"], offset=len(book.sheetnames))
    book.active = 0
    book.properties.title = translate(lang, TITLE)
    book.properties.creator = "DIA Monitor"
    save_workbook(book, target, dt.datetime(2025, 1, 1))


def template_name(lang: Lang) -> str:
    return f"records_{lang}.xlsx"


def template_bytes(lang: Lang) -> bytes:
    buffer = io.BytesIO()
    write_template(lang, buffer)
    return buffer.getvalue()


def write_templates(out_dir: Path = TEMPLATES_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for lang in LANGS:
        path = out_dir / template_name(lang)
        write_template(lang, path)
        paths.append(path)
    return paths
