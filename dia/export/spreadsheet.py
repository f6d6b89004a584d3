"""Tables as .xlsx downloads: one sheet per table, note lines (sample label, source) on top.
Every text cell goes through ``core.cells.safe_text``: text is never stored as a formula."""

from __future__ import annotations

import io
import numbers

import pandas as pd
import xlsxwriter

from core.cells import safe_text


def workbook_bytes(sheets: dict[str, pd.DataFrame], notes: list[str] | None = None) -> bytes:
    """An .xlsx with each frame on its own sheet under the ``notes`` lines (headers bold,
    columns sized to their content, header row frozen)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"remove_timezone": True, "nan_inf_to_errors": True})
    bold = book.add_format({"bold": True})
    note_format = book.add_format({"italic": True, "font_color": "#7f4f00"})
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    for name, frame in sheets.items():
        sheet = book.add_worksheet(name[:31])
        row = 0
        for note in notes or []:
            sheet.write_string(row, 0, safe_text(note), note_format)
            row += 1
        if notes:
            row += 1
        sheet.write_row(row, 0, [safe_text(str(c)) for c in frame.columns], bold)
        sheet.freeze_panes(row + 1, 0)
        for column, name_ in enumerate(frame.columns):
            values = frame[name_]
            width = max([len(str(name_))] + [len(str(v)) for v in values.head(500)]) + 2
            sheet.set_column(column, column, min(width, 60))
            for offset, value in enumerate(values, start=row + 1):
                if _missing(value):
                    continue
                if hasattr(value, "year") and hasattr(value, "month"):
                    sheet.write_datetime(
                        offset, column, pd.Timestamp(value).to_pydatetime(), date_format
                    )
                elif isinstance(value, bool):
                    sheet.write_boolean(offset, column, value)
                elif isinstance(value, numbers.Number):
                    sheet.write_number(offset, column, float(value))  # type: ignore[arg-type]
                else:
                    sheet.write_string(offset, column, safe_text(str(value)))
    book.close()
    return buffer.getvalue()


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
