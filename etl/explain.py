"""Why no reader claims a file: which kind it looks like and what it lacks, in one located
message that quotes the file's own headers."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Final

from core.i18n import N_
from etl.memberlist.columns import (
    HEADER_SEARCH_ROWS,
    AssociationColumns,
    alias_index,
    load_config,
)
from etl.memberlist.grid import Workbook, head, open_workbook
from etl.model import Reject
from etl.normalise import text_key
from etl.readers import genesis, longformat, statline
from etl.readers.textfile import (
    binary_kind,
    decode,
    head_lines,
    read_head,
    sniff_delimiter,
    split_line,
)

UNRECOGNISED = N_("Content not recognised as any accepted format: {detail}")
NEAR_MEMBER_LIST = N_(
    "This looks like a member list of {association} (header in row {row}), but the column(s) "
    "{missing} are missing. The file's headers are: {headers}. Use the headers of the template "
    "on the Data page."
)
NEAR_MEMBER_LIST_TYPO = N_(
    "This looks like a member list of {association} (header in row {row}), but some headers are "
    "misspelt: did you mean {suggestions}? Missing: {missing}. The file's headers are: {headers}."
)
NO_KNOWN_HEADER = N_(
    "No sheet has the headers of a member list, project records or statistics table. "
    "Row {row} has the headers {headers}; a member list needs {oe} (OE) or {wve} (WVE)."
)
READER_FAILED = N_("The file could not be read: {error}")
HIDDEN_ONLY = N_(
    "Every sheet with content is hidden ({sheets}): make the sheet visible, or copy the table to "
    "a visible sheet, and load the file again"
)

# A header as written in the file resembles an alias when it is this similar (difflib ratio).
SIMILAR: Final = 0.8
SHOWN_HEADERS: Final = 12


def explain(path: Path, errors: dict[str, Exception]) -> Reject:
    """The reject for a file no reader claimed; ``errors``: readers that failed on it."""
    name = path.name
    container = binary_kind(read_head(path, 8192))
    if container in ("zip", "ole") or (container is None and not _statistics_text(path)):
        try:
            workbook = head(open_workbook(path), HEADER_SEARCH_ROWS)
        except Exception as exc:  # the readers failed on it too; say how
            return Reject(file=name, reason=READER_FAILED, params={"error": _describe(exc)})
        found = (
            _near_member_list(name, workbook)
            or _headers_seen(name, workbook)
            or _hidden_only(name, workbook)
        )
        if found is not None:
            return found
    if errors:
        error = next(iter(errors.values()))
        return Reject(file=name, reason=READER_FAILED, params={"error": _describe(error)})
    return Reject(file=name, reason=UNRECOGNISED, params={"detail": explain_statistics(path)})


def _describe(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def _statistics_text(path: Path) -> bool:
    """Text that starts like a GENESIS or StatLine download (title lines, quoted headers)."""
    loaded = decode(read_head(path), partial=True)
    if loaded is None:
        return False
    first = loaded.text.lstrip()[:40]
    return first.startswith(("GENESIS", '"', "Statistik", "Tabelle"))


def _header_row(rows: list[list[object]]) -> tuple[int, list[str]] | None:
    """The row with the most text cells among the first rows: where a header would be."""
    best: tuple[int, list[str]] | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        texts = [str(cell).strip() for cell in row if isinstance(cell, str) and cell.strip()]
        if len(texts) >= 2 and (best is None or len(texts) > len(best[1])):
            best = (index, texts)
    return best


def _quoted(headers: list[str]) -> str:
    shown = [f"“{h}”" for h in headers[:SHOWN_HEADERS]]
    return ", ".join(shown) + (", …" if len(headers) > SHOWN_HEADERS else "")


def _near_member_list(file: str, workbook: Workbook) -> Reject | None:
    """A sheet whose header names some member-list fields, exactly or nearly."""
    index = alias_index()
    keys = list(index)
    config = load_config()
    for sheet in workbook.sheets:
        for row, cells in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
            headers = [str(c).strip() for c in cells if isinstance(c, str) and c.strip()]
            if len(headers) < 2:
                continue
            found = _member_fields(file, sheet.name, row, headers, index, keys, config)
            if found is not None:
                return found
    return None


def _member_fields(
    file: str,
    sheet: str | None,
    row: int,
    headers: list[str],
    index: dict[str, list[tuple[str, str]]],
    keys: list[str],
    config: dict[str, AssociationColumns],
) -> Reject | None:
    """A member-list reject when ``headers`` name two or more member-list fields, nearly."""
    matched: dict[str, set[str]] = {}
    suggestions: list[str] = []
    for header in headers:
        key = text_key(header)
        meanings = index.get(key)
        if not meanings:
            close = difflib.get_close_matches(key, keys, n=1, cutoff=SIMILAR)
            if not close:
                continue
            meanings = index[close[0]]
            alias = config[meanings[0][0]].aliases[meanings[0][1]]
            spelled = next((a for a in alias if text_key(a) == close[0]), alias[0])
            suggestions.append(f"“{spelled}” (“{header}”)")
        for association, name in meanings:
            matched.setdefault(association, set()).add(name)
    if not matched:
        return None
    association, fields = max(matched.items(), key=lambda item: len(item[1]))
    if len(fields) < 2:
        return None
    columns = config[association]
    missing = [columns.header("name")] if "name" not in fields else []
    if not fields & {"postcode", "city"}:
        missing.append(f"{columns.header('postcode')} / {columns.header('city')}")
    if not missing and not suggestions:
        return None
    return Reject(
        file=file,
        reason=NEAR_MEMBER_LIST_TYPO if suggestions else NEAR_MEMBER_LIST,
        sheet=sheet,
        row_number=row + 1,
        params={
            "association": association,
            "row": row + 1,
            "missing": ", ".join(f"“{m}”" for m in missing) or "–",
            "headers": _quoted(headers),
            "suggestions": ", ".join(suggestions),
        },
    )


def _headers_seen(file: str, workbook: Workbook) -> Reject | None:
    for sheet in workbook.sheets:
        found = _header_row(sheet.rows)
        if found is None:
            continue
        row, headers = found
        config = load_config()
        needs = {
            association: f"“{c.header('name')}” + “{c.header('postcode')}” / “{c.header('city')}”"
            for association, c in config.items()
        }
        return Reject(
            file=file,
            reason=NO_KNOWN_HEADER,
            sheet=sheet.name,
            row_number=row + 1,
            params={
                "row": row + 1,
                "headers": _quoted(headers),
                "oe": needs.get("OE", ""),
                "wve": needs.get("WVE", ""),
            },
        )
    return None


_JSON_ARRAY_RE: Final = re.compile(r'^\[\s*($|[\[{"\d-])')


def explain_statistics(path: Path) -> str:
    """Plain-English reason why ``path`` is none of the statistics formats."""
    if not path.exists():
        return "file does not exist"
    for reader in (genesis, statline, longformat):
        kind = reader.detect(path)
        if kind:
            return f"the file is a supported format ({kind})"
    raw = read_head(path)
    if not raw:
        return "empty file"
    container = binary_kind(raw)
    if container == "zip":
        if longformat.is_excel_zip(path):
            return (
                "Excel file without the template's headers (needs columns for region code, "
                "period, measure, classification, code, value and source)"
            )
        return "ZIP archive, not a table: extract the CSV inside it first"
    if container == "ole":
        return (
            "old Excel (.xls) or other Office file without the template's headers "
            "(needs columns for region code, period, measure, classification, code, value "
            "and source)"
        )
    if container == "pdf":
        return "PDF document: download the table as CSV instead"
    if container is not None:
        named = {"gzip": "gzip archive", "png": "PNG image", "jpeg": "JPEG image"}
        return f"{named.get(container, 'binary file')}, not a table"
    head = decode(raw, partial=True)
    if head is None:
        return "binary file, not a table"
    text = head.text
    lines = head_lines(text, 40)
    if not lines:
        return "file has no text lines (only blanks)"
    first = lines[0].strip()
    if first.startswith("{") or _JSON_ARRAY_RE.match(first):
        return "JSON file (e.g. an OData/API response): download the table as CSV instead"
    if first.lower().startswith(("<!doctype", "<html", "<?xml", "<")):
        return "HTML/XML page, not a data file (the download probably failed)"
    for reader in (genesis, statline, longformat):
        reason = reader.near_miss(text)
        if reason:
            return reason
    delimiter = sniff_delimiter(text)
    columns = len(split_line(lines[0], delimiter))
    shown = first if len(first) <= 80 else first[:77] + "..."
    names = {";": "semicolon", ",": "comma", "\t": "tab", "|": "pipe"}
    return (
        f"text with {columns} {names[delimiter]}-separated column(s) whose header matches no "
        f"statistics format (first line: {shown!r})"
    )


def _hidden_only(file: str, workbook: Workbook) -> Reject | None:
    if not workbook.hidden_sheets or any(_header_row(s.rows) for s in workbook.sheets):
        return None
    sheets = ", ".join(workbook.hidden_sheets)
    return Reject(
        file=file, reason=HIDDEN_ONLY, sheet=workbook.hidden_sheets[0], params={"sheets": sheets}
    )
