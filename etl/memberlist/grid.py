"""Spreadsheets as grids of raw cell values: every sheet of an .xlsx/.xls workbook (read with
python-calamine) or the one table of a .csv file, with the columns the author hid."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, Final

import numpy as np
import python_calamine
from python_calamine import CalamineWorkbook, SheetVisibleEnum

from etl.readers.textfile import binary_kind, decode, parse_rows, read_head, sniff_delimiter

Cell = Any  # str | int | float | bool | date | datetime | time | timedelta; "" when empty
Row = list[Cell]


@dataclass
class Sheet:
    """One table. ``rows[i]`` is spreadsheet row ``i + 1``; ``rows[i][j]`` is column ``j``."""

    name: str | None  # None for CSV files
    rows: list[Row]
    hidden_columns: frozenset[int] = frozenset()
    notes: list[str] = field(default_factory=list)


@dataclass
class Workbook:
    """The sheets of one file; hidden sheets are listed but not offered as tables."""

    sheets: list[Sheet]
    hidden_sheets: list[str] = field(default_factory=list)


def file_kind(path: Path) -> str | None:
    """``xlsx`` (any Office Open XML workbook), ``xls`` (BIFF), ``csv`` (text) or None."""
    head = read_head(path, 8192)
    container = binary_kind(head)
    if container == "zip":
        return "xlsx"
    if container == "ole":
        return "xls"
    if container is None and head:
        return "csv"
    return None


@lru_cache(maxsize=2)
def _open(path: str, mtime_ns: int, size: int) -> Workbook:
    kind = file_kind(Path(path))
    if kind in ("xlsx", "xls"):
        return _open_excel(Path(path), kind)
    if kind == "csv":
        return _open_csv(Path(path))
    raise ValueError("not a spreadsheet or text table")


def open_workbook(path: Path) -> Workbook:
    """The file's sheets. The last files opened stay in memory (until ``forget``), so
    detecting a file's kind and then reading it parses the workbook once."""
    stat = path.stat()
    return _open(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


def forget() -> None:
    """Drop the workbooks kept by ``open_workbook``."""
    _open.cache_clear()


def head(workbook: Workbook, rows: int) -> Workbook:
    """The first ``rows`` rows of every sheet."""
    return Workbook(
        sheets=[Sheet(s.name, s.rows[:rows], s.hidden_columns, s.notes) for s in workbook.sheets],
        hidden_sheets=workbook.hidden_sheets,
    )


def _open_excel(path: Path, kind: str) -> Workbook:
    try:
        book = CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError as exc:
        raise ValueError("the workbook is protected with a password") from exc
    hidden_by_sheet = _xlsx_hidden_columns(path) if kind == "xlsx" else _xls_hidden_columns(path)
    sheets: list[Sheet] = []
    hidden_sheets: list[str] = []
    for meta in book.sheets_metadata:
        if meta.visible != SheetVisibleEnum.Visible:
            hidden_sheets.append(meta.name)
            continue
        sheet = book.get_sheet_by_name(meta.name)
        rows = sheet.to_python(skip_empty_area=False)
        sheets.append(Sheet(meta.name, rows, hidden_by_sheet.get(meta.name, frozenset())))
    return Workbook(sheets, hidden_sheets)


_SHEET_RE: Final = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL_RE: Final = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_REL_RE_REVERSED: Final = re.compile(
    rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"'
)
_COL_RE: Final = re.compile(rb"<(?:\w+:)?col\b([^>]*)/?>")
_ATTR_RE: Final = re.compile(rb'(\w+)="([^"]*)"')


def _xlsx_hidden_columns(path: Path) -> dict[str, frozenset[int]]:
    """0-based indexes of hidden columns per sheet name, from each sheet's ``<cols>``.

    Only the head of each sheet's XML is read: ``<cols>`` comes before ``<sheetData>``.
    """
    result: dict[str, frozenset[int]] = {}
    with zipfile.ZipFile(path) as archive:
        for name, member in sheet_parts(archive).items():
            hidden = _hidden_in_cols(_xml_head(archive, member))
            if hidden:
                result[name] = hidden
    return result


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the zip part holding its XML, as ``xl/workbook.xml`` lists them."""
    workbook = archive.read("xl/workbook.xml")
    rels = archive.read("xl/_rels/workbook.xml.rels")
    targets = {rid: target for rid, target in _REL_RE.findall(rels)}
    targets.update({rid: target for target, rid in _REL_RE_REVERSED.findall(rels)})
    names = set(archive.namelist())
    parts: dict[str, str] = {}
    for raw_name, rid in _SHEET_RE.findall(workbook):
        target = targets.get(rid)
        if target is None:
            continue
        target_text = target.decode()
        member = (
            target_text.lstrip("/")
            if target_text.startswith("/")
            else str(PurePosixPath("xl") / target_text)
        )
        if member in names:
            parts[_xml_unescape(raw_name.decode())] = member
    return parts


def _xml_head(archive: zipfile.ZipFile, member: str, limit: int = 1 << 22) -> bytes:
    head = b""
    with archive.open(member) as handle:
        for chunk in iter(lambda: handle.read(65536), b""):
            head += chunk
            if b"sheetData" in head or len(head) > limit:
                break
    return head.split(b"sheetData", 1)[0]


def _hidden_in_cols(head: bytes) -> frozenset[int]:
    hidden: set[int] = set()
    for attributes in _COL_RE.findall(head):
        attrs = dict(_ATTR_RE.findall(attributes))
        if attrs.get(b"hidden") in (b"1", b"true"):
            first, last = int(attrs.get(b"min", b"1")), int(attrs.get(b"max", b"1"))
            hidden.update(range(first - 1, min(last, 16384)))
    return frozenset(hidden)


def _xml_unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def _xls_hidden_columns(path: Path) -> dict[str, frozenset[int]]:
    """Hidden columns of an Excel 97–2003 workbook (xlrd reads the COLINFO records)."""
    import xlrd

    result: dict[str, frozenset[int]] = {}
    book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            hidden = frozenset(col for col, info in sheet.colinfo_map.items() if info.hidden)
            if hidden:
                result[sheet.name] = hidden
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return result


def _open_csv(path: Path) -> Workbook:
    text = decode(path.read_bytes())
    if text is None:
        raise ValueError("the file is neither UTF-8 nor Windows-1252 text")
    delimiter = sniff_delimiter(text.text)
    rows = [row for _line, row in parse_rows(text.text, delimiter)]
    width = max((len(row) for row in rows), default=0)
    padded: list[Row] = [row + [""] * (width - len(row)) for row in rows]
    return Workbook([Sheet(None, padded)])


def iter_columns(rows: list[Row], indexes: list[int]) -> Iterator[Sequence[Cell] | np.ndarray]:
    """The cells of the given columns, one sequence per column (rows are equally long)."""
    width = len(rows[0]) if rows else 0
    try:
        # One pass in C over every row (a list per column in Python costs 5× as much).
        grid = np.array(rows, dtype=object).reshape(len(rows), width)
    except ValueError:  # rows of unequal length: not made by this module, but still readable
        grid = None
    for index in indexes:
        if index >= width:
            yield [""] * len(rows)
        elif grid is not None:
            yield grid[:, index]
        else:
            yield [row[index] if index < len(row) else "" for row in rows]
