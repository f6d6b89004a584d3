"""Rows of a CSV file or of the one workbook sheet that holds a known header.

The energy templates accept headers in Dutch, German or English; a reader passes its aliases
(``text_key`` of the header → canonical column) and the columns it cannot do without. The
long-format statistics reader uses the same cell, workbook and text loading with its own header
rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from etl.normalise import text_key
from etl.readers.textfile import (
    binary_kind,
    decode,
    head_lines,
    parse_number,
    parse_rows,
    read_head,
    read_text,
    sniff_delimiter,
    split_line,
)

Cell = str | float | int | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None
HEADER_SEARCH_ROWS: Final = 12


@dataclass(frozen=True)
class Header:
    row_index: int  # position in ``Table.rows``
    columns: dict[str, int]  # canonical column → cell index
    names: dict[str, str]  # canonical column → header as written


@dataclass(frozen=True)
class Table:
    rows: list[tuple[int, list[Cell]]]  # (1-based row or line number, cells)
    sheet: str | None
    header: Header
    # The decimal mark of text numbers: "," for ";"-separated exports, "." for "," files and
    # for workbooks (whose numbers are numbers, and whose text numbers are typed by hand).
    decimal: str | None

    def body(self) -> list[tuple[int, list[Cell]]]:
        return self.rows[self.header.row_index + 1 :]

    def above_header(self) -> list[list[Cell]]:
        return [cells for _number, cells in self.rows[: self.header.row_index]]


def cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def cell_number(cell: Cell, decimal: str | None) -> float | None:
    """A number cell, or text written as a number with the file's decimal mark; else ``None``
    (a yes/no cell is no number)."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        return float(cell)
    try:
        return parse_number(cell_text(cell), decimal)
    except ValueError:
        return None


def find_header(
    rows: Sequence[Sequence[Cell]], aliases: Mapping[str, str], required: Sequence[str]
) -> Header | None:
    """The first row (of the first ``HEADER_SEARCH_ROWS``) naming every required column."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        names: dict[str, str] = {}
        for position, cell in enumerate(row):
            canonical = aliases.get(text_key(cell)) if isinstance(cell, str) else None
            if canonical and canonical not in columns:
                columns[canonical] = position
                names[canonical] = cell_text(cell)
        if all(column in columns for column in required):
            return Header(index, columns, names)
    return None


def _is_workbook(raw: bytes) -> bool:
    return binary_kind(raw) in {"zip", "ole"}


def _sheet(workbook: Any, name: str, nrows: int | None) -> list[list[Cell]]:
    sheet = workbook.get_sheet_by_name(name)
    return [list(row) for row in sheet.to_python(skip_empty_area=False, nrows=nrows)]


def workbook_rows(path: Path, nrows: int | None) -> list[tuple[str, list[list[Cell]]]]:
    """Every sheet's name and rows (the first ``nrows``, or all)."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    try:
        return [
            # empty leading rows are kept so list positions are the spreadsheet's row numbers
            (name, [list(row) for row in _sheet(workbook, name, nrows)])
            for name in workbook.sheet_names
        ]
    finally:
        workbook.close()


def detect_header(path: Path, aliases: Mapping[str, str], required: Sequence[str]) -> bool:
    """Whether ``path`` (CSV or workbook) has a sheet with the header."""
    raw = read_head(path)
    if _is_workbook(raw):
        return any(
            find_header(rows, aliases, required)
            for _name, rows in workbook_rows(path, HEADER_SEARCH_ROWS)
        )
    if binary_kind(raw) is not None:
        return False
    head = decode(raw, partial=True)
    if head is None:
        return False
    lines = head_lines(head.text, HEADER_SEARCH_ROWS)
    delimiter = sniff_delimiter(head.text)
    return (
        find_header([split_line(line, delimiter) for line in lines], aliases, required) is not None
    )


def load_table(path: Path, aliases: Mapping[str, str], required: Sequence[str]) -> Table:
    """The table under the header; raises ``ValueError`` if no sheet has it."""
    if _is_workbook(read_head(path)):
        for name, cells in workbook_rows(path, None):
            header = find_header(cells, aliases, required)
            if header is not None:
                rows = [(index + 1, row) for index, row in enumerate(cells)]
                return Table(rows, name, header, ".")
        raise ValueError("no sheet with the template's headers")
    rows, decimal = text_rows(path)
    # Blank lines are not rows of parse_rows' output, so search the header among the records.
    header = find_header([row for _line, row in rows], aliases, required)
    if header is None:
        raise ValueError("no header row with the template's columns")
    return Table(rows, None, header, decimal)


def text_rows(path: Path) -> tuple[list[tuple[int, list[Cell]]], str]:
    """A delimited text file's rows with their line numbers, and its decimal mark: a comma
    with ";" or tabs (NL/DE exports), a point with ","."""
    loaded = read_text(path)
    if loaded is None:
        raise ValueError("binary or unreadable file")
    delimiter = sniff_delimiter(loaded.text)
    rows: list[tuple[int, list[Cell]]] = [
        (line, list(row)) for line, row in parse_rows(loaded.text, delimiter)
    ]
    return rows, "." if delimiter == "," else ","


def alias_index(spellings: Mapping[str, str]) -> dict[str, str]:
    """``{"canonical": "alias other_alias …"}`` → text key of every alias → canonical.
    Aliases are written with ``_`` for spaces; the key ignores spaces and punctuation."""
    return {
        text_key(alias): canonical
        for canonical, aliases in spellings.items()
        for alias in [canonical, *aliases.split()]
    }
