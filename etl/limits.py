"""What a file may cost, checked before any parser sees it (etl/config/limits.toml).

Spreadsheet libraries trust the file: a 2 KB workbook with one cell at XFD1048576 makes them
allocate the whole rectangle, a small zip part may unpack to gigabytes. So every file is first
looked at from the outside: its size, each zip part's declared unpacked size and packing ratio,
the last cell each sheet uses, the lines of a text file. Only a file within the limits is parsed,
and then in a child process with time and memory limits (etl/sandbox.py).
"""

from __future__ import annotations

import stat
import tomllib
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

import numpy as np

from core.i18n import N_
from etl.memberlist.grid import sheet_parts
from etl.model import Reject
from etl.readers.textfile import binary_kind, decode, read_head, sniff_delimiter

CONFIG_FILE: Final = Path(__file__).with_name("config") / "limits.toml"
MB: Final = 1024 * 1024
# Ratios are checked for parts this large: small parts of real workbooks pack very well.
RATIO_FROM_BYTES: Final = MB

LINK = N_("The file is a link to another file; only regular files are read")
SPECIAL = N_("This is not a regular file (a folder, device or pipe); it was not read")
EMPTY = N_("The file is empty")
TOO_LARGE = N_("The file has {size} MB; at most {limit} MB are read")
TRUNCATED = N_(
    "The workbook is damaged or incomplete (probably cut off while copying or downloading): "
    "save it again from the spreadsheet program and load that copy"
)
ENCRYPTED = N_(
    "The workbook is protected with a password: save a copy without a password and load that"
)
MACROS = N_(
    "The workbook contains macros (.xlsm): save it as an Excel workbook (.xlsx) without macros "
    "and load that"
)
PART_TOO_LARGE = N_("Part {part} of the workbook unpacks to {size} MB; at most {limit} MB are read")
UNPACKED_TOO_LARGE = N_("The workbook unpacks to {size} MB; at most {limit} MB are read")
BOMB = N_(
    "Part {part} of the workbook unpacks to {ratio} times its packed size (at most {limit} "
    "times): the file looks like a zip bomb and was not opened"
)
SHEET_TOO_LARGE = N_(
    "Sheet {sheet} uses cells up to {cell} ({rows} rows, {columns} columns); at most {max_rows} "
    "rows, {max_columns} columns and {max_cells} cells are read. Delete the far cells or copy "
    "the table into a new sheet"
)
TEXT_TOO_MANY_ROWS = N_("The file has {rows} lines; at most {limit} are read")
LINE_TOO_LONG = N_("Line {row} has {chars} characters; at most {limit} per line are read")
TOO_MANY_COLUMNS = N_("Line {row} has {columns} columns; at most {limit} are read")
NOT_A_TABLE: Final[dict[str, str]] = {
    "pdf": N_("This is a PDF document, not a spreadsheet: export the table as .xlsx or .csv"),
    "png": N_("This is an image, not a spreadsheet: load the table as .xlsx or .csv"),
    "jpeg": N_("This is an image, not a spreadsheet: load the table as .xlsx or .csv"),
    "gzip": N_("This is a compressed archive, not a spreadsheet: extract the table first"),
    "zip": N_("This is a ZIP archive, not a spreadsheet: extract the table first"),
    "word": N_("This is a Word document, not a spreadsheet: copy the table into .xlsx or .csv"),
    "powerpoint": N_("This is a PowerPoint file, not a spreadsheet: copy the table into .xlsx"),
    "ods": N_("This is an OpenDocument spreadsheet (.ods): save it as .xlsx and load that"),
    "binary": N_("This is binary data, not a spreadsheet or a text table"),
    "html": N_("This is a web page (HTML), not a data file: the download probably failed"),
    "json": N_("This is a JSON file (an API response), not a table: download the table as CSV"),
}


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_part_bytes: int
    max_unpacked_bytes: int
    max_ratio: int
    max_rows: int
    max_columns: int
    max_cells: int
    max_line_chars: int
    seconds: int
    memory_mb: int
    reserve_mb: int


@lru_cache(maxsize=1)
def load_limits(path: Path = CONFIG_FILE) -> Limits:
    with path.open("rb") as handle:
        return Limits(**tomllib.load(handle)["file"])


def preflight(path: Path, limits: Limits | None = None) -> Reject | None:
    """Why ``path`` must not be parsed, or None when it is within the limits."""
    limits = limits or load_limits()
    name = path.name
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return Reject(file=name, reason=LINK)
    if not stat.S_ISREG(info.st_mode):
        return Reject(file=name, reason=SPECIAL)
    if info.st_size == 0:
        return Reject(file=name, reason=EMPTY)
    if info.st_size > limits.max_bytes:
        params = {"size": _mb(info.st_size), "limit": _mb(limits.max_bytes)}
        return Reject(file=name, reason=TOO_LARGE, params=params)
    container = binary_kind(read_head(path, 8192))
    if container == "zip":
        return _check_zip(path, limits)
    if container == "ole":
        return _check_ole(path)
    if container is not None:
        return Reject(file=name, reason=NOT_A_TABLE.get(container, NOT_A_TABLE["binary"]))
    return _check_text(path, limits)


def _mb(size: int) -> str:
    return f"{size / MB:.1f}".rstrip("0").rstrip(".")


def _check_zip(path: Path, limits: Limits) -> Reject | None:
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            names = {part.filename for part in parts}
            if any(part.flag_bits & 0x1 for part in parts):
                return Reject(file=name, reason=ENCRYPTED)
            if "xl/workbook.xml" not in names:
                return Reject(file=name, reason=NOT_A_TABLE[_zip_kind(archive, names)])
            total = 0
            for part in parts:
                total += part.file_size
                if part.file_size > limits.max_part_bytes:
                    params: dict[str, object] = {
                        "part": part.filename,
                        "size": _mb(part.file_size),
                        "limit": _mb(limits.max_part_bytes),
                    }
                    return Reject(file=name, reason=PART_TOO_LARGE, params=params)
                ratio = part.file_size / max(part.compress_size, 1)
                if part.file_size > RATIO_FROM_BYTES and ratio > limits.max_ratio:
                    params = {
                        "part": part.filename,
                        "ratio": int(ratio),
                        "limit": limits.max_ratio,
                    }
                    return Reject(file=name, reason=BOMB, params=params)
            if total > limits.max_unpacked_bytes:
                params = {"size": _mb(total), "limit": _mb(limits.max_unpacked_bytes)}
                return Reject(file=name, reason=UNPACKED_TOO_LARGE, params=params)
            if "xl/vbaProject.bin" in names or b"macroEnabled" in _read_small(
                archive, "[Content_Types].xml"
            ):
                return Reject(file=name, reason=MACROS)
            for sheet, member in sheet_parts(archive).items():
                problem = _check_sheet(archive, member, limits)
                if problem is not None:
                    return Reject(
                        file=name,
                        reason=SHEET_TOO_LARGE,
                        sheet=sheet,
                        params=problem | {"sheet": sheet},
                    )
    except (zipfile.BadZipFile, EOFError, KeyError, zipfile.LargeZipFile):
        return Reject(file=name, reason=TRUNCATED)
    except (OSError, ValueError, NotImplementedError):
        # zlib errors of a cut-off part surface as these
        return Reject(file=name, reason=TRUNCATED)
    return None


def _read_small(archive: zipfile.ZipFile, member: str, limit: int = MB) -> bytes:
    try:
        with archive.open(member) as handle:
            return handle.read(limit)
    except KeyError:
        return b""


def _zip_kind(archive: zipfile.ZipFile, names: set[str]) -> str:
    if "word/document.xml" in names:
        return "word"
    if "ppt/presentation.xml" in names:
        return "powerpoint"
    if b"opendocument" in _read_small(archive, "mimetype"):
        return "ods"
    return "zip"


_CHUNK: Final = 1 << 22
# ``r="`` as bytes, and the longest reference after it: 3 letters, 7 digits, the closing quote.
_R, _EQ, _QUOTE = b'r="'
_REF_BYTES: Final = 11


def _leading(mask: np.ndarray) -> np.ndarray:
    """How many leading entries of each row of ``mask`` hold."""
    return np.cumprod(mask, axis=1, dtype=np.int8).sum(axis=1)


def _number(digits: np.ndarray, count: np.ndarray, base: int, zero: int) -> np.ndarray:
    """The first ``count`` bytes of each row of ``digits`` read as a number (Horner)."""
    value = np.zeros(len(digits), dtype=np.int64)
    for j in range(digits.shape[1]):
        value = np.where(j < count, value * base + (digits[:, j].astype(np.int64) - zero), value)
    return value


def reference_extent(xml: bytes) -> tuple[int, int, str, int]:
    """The largest row and column referred to by an ``r="…"`` attribute in a piece of sheet XML
    (cells ``r="B12"``, rows ``r="12"``), and the farthest cell with its row × column.

    Looked at with array operations rather than a regular expression per reference: a
    100,000-row sheet has over a million of them."""
    buf = np.frombuffer(xml, dtype=np.uint8)
    if len(buf) < 5:
        return 0, 0, "", -1
    hits = np.flatnonzero((buf[1:-2] == _R) & (buf[2:-1] == _EQ) & (buf[3:] == _QUOTE))
    before = buf[hits]  # the byte before ``r``: no letter, digit or ``_`` (``xr="…"`` is not it)
    word = (
        ((before >= 48) & (before <= 57))
        | ((before >= 65) & (before <= 90))
        | ((before >= 97) & (before <= 122))
        | (before == 95)
    )
    starts = hits[~word] + 4  # the first byte of each value
    padded = np.concatenate([buf, np.zeros(_REF_BYTES, dtype=np.uint8)])
    window = padded[starts[:, None] + np.arange(_REF_BYTES)]
    letters = _leading((window >= 65) & (window <= 90))
    max_row = max_col = 0
    far, far_size = "", -1
    for width in range(4):  # references with no (a row), one, two or three column letters
        refs = window[letters == width]
        digits = refs[:, width : width + 8]
        count = _leading((digits >= 48) & (digits <= 57))
        closed = digits[np.arange(len(digits)), np.minimum(count, 7)] == _QUOTE
        valid = (count >= 1) & (count <= 7) & closed
        if not valid.any():
            continue
        refs, count = refs[valid], count[valid]
        rows = _number(refs[:, width : width + 7], count, 10, 48)
        max_row = max(max_row, int(rows.max()))
        if width == 0:
            continue
        columns = _number(refs[:, :width], np.full(len(refs), width), 26, 64)
        max_col = max(max_col, int(columns.max()))
        size = rows * columns
        at = int(size.argmax())
        if size[at] > far_size:
            far_size = int(size[at])
            far = bytes(refs[at, : width + int(count[at])]).decode()
    return max_row, max_col, far, far_size


def _check_sheet(
    archive: zipfile.ZipFile, member: str, limits: Limits
) -> dict[str, int | str] | None:
    """The extent of one sheet (its last used row and column) against the limits.

    Every cell reference is scanned: a sheet's ``<dimension>`` may be missing or wrong."""
    max_row = max_col = 0
    far_cell, far_size = "", -1
    tail = b""
    with archive.open(member) as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            data = tail + chunk
            # keep an unfinished tag for the next chunk
            cut = data.rfind(b"<")
            scan, tail = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
            rows, columns, far, size = reference_extent(scan)
            max_row, max_col = max(max_row, rows), max(max_col, columns)
            if size > far_size:
                far_cell, far_size = far, size
            if len(tail) > _CHUNK:  # a single tag this long is no cell
                tail = b""
    within = max_row <= limits.max_rows and max_col <= limits.max_columns
    if within and max_row * max_col <= limits.max_cells:
        return None
    return {
        "cell": far_cell or f"row {max_row}",
        "rows": max_row,
        "columns": max_col,
        "max_rows": limits.max_rows,
        "max_columns": limits.max_columns,
        "max_cells": limits.max_cells,
    }


_ENCRYPTED_PACKAGE: Final = "EncryptedPackage".encode("utf-16-le")


def _check_ole(path: Path) -> Reject | None:
    """An OLE container is an .xls workbook, or an encrypted .xlsx (its ``EncryptedPackage``)."""
    raw = path.read_bytes()
    if _ENCRYPTED_PACKAGE in raw:
        return Reject(file=path.name, reason=ENCRYPTED)
    # The header names its sector size as a power of two: 9 (512 bytes) or 12 (4096 bytes).
    if len(raw) < 512 or int.from_bytes(raw[30:32], "little") not in (9, 12):
        return Reject(file=path.name, reason=TRUNCATED)
    return None


def _check_text(path: Path, limits: Limits) -> Reject | None:
    name = path.name
    loaded = decode(path.read_bytes(), partial=True)  # the lines as they are, before any cleaning
    if loaded is None:
        return None  # the readers explain text they cannot decode
    text = loaded.text
    first = text.lstrip()[:200].lower()
    if first.startswith(("<!doctype", "<html")):
        return Reject(file=name, reason=NOT_A_TABLE["html"])
    if first.startswith("{"):
        return Reject(file=name, reason=NOT_A_TABLE["json"])
    lines = text.splitlines()
    if len(lines) > limits.max_rows:
        return Reject(
            file=name,
            reason=TEXT_TOO_MANY_ROWS,
            params={"rows": len(lines), "limit": limits.max_rows},
        )
    delimiter = sniff_delimiter(text[: 64 * 1024])
    for number, line in enumerate(lines, start=1):
        if len(line) > limits.max_line_chars:
            params = {"row": number, "chars": len(line), "limit": limits.max_line_chars}
            return Reject(file=name, reason=LINE_TOO_LONG, row_number=number, params=params)
        columns = line.count(delimiter) + 1
        if columns > limits.max_columns:
            params = {"row": number, "columns": columns, "limit": limits.max_columns}
            return Reject(file=name, reason=TOO_MANY_COLUMNS, row_number=number, params=params)
    return None
