"""Text cells that a spreadsheet program can never run: the one guard every writer uses.

Excel, LibreOffice and Google Sheets treat a cell or CSV field starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``). Text we
write, from member lists, project records or uploads, is prefixed with an apostrophe when it
starts like that (the OWASP rule), so it stays visible text wherever the file is opened.
Numbers are written as numbers and are not touched.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Final

import pandas as pd
from openpyxl import Workbook

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
# Full-width and similar look-alikes that some spreadsheet programs fold to the ASCII signs.
_LOOKALIKES: Final = ("\uff1d", "\uff0b", "\uff0d", "\uff20", "\u2212")


def safe_text(text: str) -> str:
    """``text`` as a cell value that is never read as a formula."""
    stripped = text.lstrip(" \n\x0b\x0c")
    if stripped.startswith(FORMULA_STARTS + _LOOKALIKES) or text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def safe_value(value: object) -> object:
    """A cell value: text is made safe, everything else is returned as it is."""
    return safe_text(value) if isinstance(value, str) else value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell and column name made safe (for CSV and spreadsheet writers)."""
    out = frame.rename(columns=lambda c: safe_text(c) if isinstance(c, str) else c)
    for column in out.columns:
        if out[column].dtype.kind not in "biufcmM":  # text or mixed: may hold strings
            out[column] = out[column].map(safe_value)
    return out


def csv_bytes(frame: pd.DataFrame, *, notes: Sequence[str] = (), sep: str = ";") -> bytes:
    """A CSV (UTF-8 with BOM, so Excel reads umlauts) with optional note lines on top, every text
    field made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n")
    for note in notes:
        writer.writerow([safe_text(note)])
    if notes:
        writer.writerow([])
    _rows(writer, safe_frame(frame))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _rows(writer: csv.writer, frame: pd.DataFrame) -> None:  # type: ignore[valid-type]
    writer.writerow([str(c) for c in frame.columns])  # type: ignore[attr-defined]
    for row in frame.itertuples(index=False, name=None):
        writer.writerow(["" if _missing(v) else v for v in row])  # type: ignore[attr-defined]


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def safe_rows(rows: Iterable[Sequence[object]]) -> list[list[object]]:
    return [[safe_value(v) for v in row] for row in rows]


def neutralise_workbook(book: Workbook) -> int:
    """Make every text cell of an openpyxl workbook safe, just before it is saved; openpyxl stores
    any text starting with ``=`` as a formula. Returns how many cells were changed."""
    changed = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and safe_text(cell.value) != cell.value:
                    cell.value = safe_text(cell.value)
                    cell.data_type = "s"
                    changed += 1
    return changed
