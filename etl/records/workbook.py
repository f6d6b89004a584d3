"""Saving openpyxl workbooks so the same content gives the same bytes (templates in the
repository, sample files): openpyxl stamps the save time into the file and its zip entries."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def save_workbook(book: Workbook, target: Path | io.BytesIO, stamp: dt.datetime) -> None:
    """Save with ``stamp`` as created and modified time and fixed zip entry times."""
    book.properties.created = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    fixed = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>",
                    data,
                )
            out.writestr(zipfile.ZipInfo(item.filename, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    if isinstance(target, io.BytesIO):
        target.write(fixed.getvalue())
    else:
        target.write_bytes(fixed.getvalue())
