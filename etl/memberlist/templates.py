"""Blank member-list templates (data/templates/members_oe.xlsx, members_wve.xlsx): the headers
the reader knows, drop-down lists and checks in Excel, and instructions in Dutch and German.

Written by ``python -m etl templates`` and offered for download on the data page.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Final

import xlsxwriter

from core.i18n import N_, Lang, translate
from core.paths import TEMPLATES_DIR
from etl.memberlist.columns import FIELD_LABELS, FIELDS, load_config
from etl.nace import divisions

ROWS: Final = 5000  # rows prepared with validation
SHEETS: Final[dict[str, str]] = {"OE": "Leden", "WVE": "Mitglieder"}
LISTS_SHEET: Final[dict[str, str]] = {"OE": "Lijsten", "WVE": "Listen"}
INSTRUCTIONS_SHEET: Final = "Instructies - Anleitung"  # Excel forbids "/" in sheet names
LANG_OF: Final[dict[str, Lang]] = {"OE": "nl", "WVE": "de"}

# One line per field: what to write there (msgids; the sheet shows them in NL and DE).
FIELD_HELP: Final[dict[str, str]] = {
    "member_number": N_("Your own member number (optional)."),
    "name": N_("Required. The company's registered name, legal form included."),
    "register": N_(
        "KvK number (8 digits) or Handelsregister entry, e.g. HRB 123456 Amtsgericht Osnabrück."
    ),
    "street": N_("Street and house number of the business address."),
    "postcode": N_("Required unless the place is given: 1234 AB (Netherlands) or 12345 (Germany)."),
    "city": N_("Place of the business address."),
    "sector": N_(
        "SBI/WZ 2008 code (e.g. 25.62) or pick a division from the list; a sector name also works."
    ),
    "employees": N_("Number of employees (head count), or a range such as 10-49."),
    "since": N_("Date the membership began, e.g. 01-03-2019."),
    "until": N_("Date the membership ended; empty while the company is a member."),
    "person": N_("Contact person (personal data: only staff of your association see it)."),
    "email": N_("E-mail address of the contact person."),
    "phone": N_("Phone number."),
    "training_company": N_(
        "yes if the company is a recognised training company (SBB erkend leerbedrijf, "
        "Ausbildungsbetrieb), no if not; empty if unknown."
    ),
    "internship_places": N_("Internship and training places the company offers (a whole number)."),
}
RULES: Final[tuple[str, ...]] = (
    N_("One row per member company; leave no empty rows between members and add no totals row."),
    N_("Keep the header row as it is; you may add your own columns, they are ignored."),
    N_("Check the file on the Data page (or with python -m etl check FILE) before loading it."),
    N_("Rows that cannot be loaded are listed with sheet, row, column and the reason."),
)
TITLE: Final = N_("Member list template")


_DATE_CHECK: Final[dict[str, object]] = {
    "validate": "date",
    "criteria": "between",
    "minimum": dt.date(1900, 1, 1),
    "maximum": dt.date(2100, 12, 31),
}
# Excel's input checks per column (the sector's list is added where the sheet is written); they
# only warn: the reader decides what is rejected.
CHECKS: Final[dict[str, dict[str, object]]] = {
    "employees": {"validate": "integer", "criteria": ">=", "value": 0},
    "since": _DATE_CHECK,
    "until": _DATE_CHECK,
    "postcode": {"validate": "length", "criteria": "between", "minimum": 4, "maximum": 8},
}


def write_template(association: str, target: Path | io.BytesIO) -> None:
    """The blank template of ``association`` (OE or WVE) into a file or buffer."""
    columns = load_config()[association]
    lang = LANG_OF[association]
    fields = [name for name in FIELDS if columns.aliases.get(name)]
    book = xlsxwriter.Workbook(target if isinstance(target, io.BytesIO) else str(target))
    book.set_properties(
        {
            "title": f"{translate(lang, TITLE)} – {columns.label}",
            "author": "DIA Monitor",
            "created": dt.datetime(2025, 1, 1),
        }
    )
    header = book.add_format(
        {"bold": True, "bg_color": "#1f4e79", "font_color": "#ffffff", "border": 1}
    )
    date_format = book.add_format({"num_format": "dd-mm-yyyy" if lang == "nl" else "dd.mm.yyyy"})
    text_format = book.add_format({"num_format": "@"})
    sheet = book.add_worksheet(SHEETS[association])
    lists = book.add_worksheet(LISTS_SHEET[association])
    instructions = book.add_worksheet(INSTRUCTIONS_SHEET)

    labels = divisions().sort_values("division")
    for index, row in enumerate(labels.itertuples(index=False), start=1):
        lists.write_string(index, 0, f"{row.division} – {getattr(row, f'label_{lang}')}")
    lists.write_string(0, 0, translate(lang, FIELD_LABELS["sector"]))
    lists.hide()
    division_range = f"='{LISTS_SHEET[association]}'!$A$2:$A${len(labels) + 1}"

    for column, name in enumerate(fields):
        sheet.write_string(0, column, columns.header(name), header)
        width = 34 if name in ("name", "sector", "email") else 18
        cell_format = {"since": date_format, "until": date_format}.get(name)
        if name in ("postcode", "register", "phone", "member_number"):
            cell_format = text_format
        sheet.set_column(column, column, width, cell_format)
        prompt = translate(lang, FIELD_HELP[name])
        validation: dict[str, object] = {
            "validate": "any",
            "input_title": columns.header(name)[:32],
            "input_message": prompt[:255],
        }
        check: dict[str, object] | None = (
            {"validate": "list", "source": division_range} if name == "sector" else CHECKS.get(name)
        )
        if check is not None:
            validation = {**validation, **check, "error_type": "warning"}
        sheet.data_validation(1, column, ROWS, column, validation)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, ROWS, len(fields) - 1)

    bold = book.add_format({"bold": True, "font_size": 13})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    instructions.set_column(0, 0, 26)
    instructions.set_column(1, 2, 70, wrap)
    instructions.write_string(
        0, 0, f"{columns.label}: {translate('nl', TITLE)} / {translate('de', TITLE)}", bold
    )
    instructions.write_row(2, 0, ["", "Nederlands", "Deutsch"], bold)
    row = 3
    for rule in RULES:
        instructions.write_row(row, 0, ["", translate("nl", rule), translate("de", rule)])
        row += 1
    row += 1
    for name in fields:
        instructions.write_row(
            row,
            0,
            [
                columns.header(name),
                translate("nl", FIELD_HELP[name]),
                translate("de", FIELD_HELP[name]),
            ],
        )
        row += 1
    instructions.activate()
    sheet.activate()
    book.close()


def template_bytes(association: str) -> bytes:
    buffer = io.BytesIO()
    write_template(association, buffer)
    return buffer.getvalue()


def template_name(association: str) -> str:
    return f"members_{association.lower()}.xlsx"


def write_templates(out_dir: Path = TEMPLATES_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for association in load_config():
        path = out_dir / template_name(association)
        write_template(association, path)
        paths.append(path)
    return paths
