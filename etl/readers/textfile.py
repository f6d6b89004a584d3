"""Shared helpers for the statistics readers (CBS StatLine, GENESIS, long-format template).

Everything the three readers have in common lives here: reading bytes and sniffing the text
encoding, splitting delimited text into rows with their line numbers, parsing numbers with
decimal commas and published missing-value symbols, ISO periods, region codes and their
geography, and building the tidy ``statistic`` table.

The readers import this module; it imports none of them.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, TypedDict

import pandas as pd

from core.i18n import N_
from etl.model import ReadResult, Reject, SourceInfo

HEAD_BYTES: Final = 64 * 1024
# A value may span lines (quoted); files are at most 20 MB (etl/config/limits.toml), so the csv
# module's 128 KB default would only turn a long quoted value into an error.
csv.field_size_limit(64 * 1024 * 1024)
"""How much of a file ``detect`` may look at."""

STATISTIC_COLUMNS: Final[tuple[str, ...]] = (
    "region_code",
    "region_name",
    "source_geography",
    "period",
    "measure",
    "measure_label",
    "classification",
    "class_code",
    "class_label",
    "value",
    "symbol",
    "unit",
    "source_id",
)

# Published "no figure" symbols. GENESIS: - nothing, . unknown/secret, x not meaningful,
# / too uncertain, ... not yet available. CBS: . missing, x secret, - nil. Both keep the
# symbol so a dash is never mistaken for a zero.
MISSING_SYMBOLS: Final[frozenset[str]] = frozenset(
    {"-", ".", "..", "...", "…", "x", "X", "/", "–", "—", "?"}
)
# Flags that may follow a number: CBS * provisional, ** revised provisional; GENESIS p
# provisional, r corrected, s estimated, e estimated.
_FLAG_RE: Final = re.compile(r"^(?P<number>.*?\d)\s*(?P<flag>\*{1,2}|[prse])$")

# Reject reasons are gettext msgids: English templates, translated where they are shown.
REJECT_VALUE: Final = N_("Value {value} in column {column} is not a number or a published symbol")
REJECT_PERIOD: Final = N_("Period {value} in column {column} is not a date, year, quarter or month")
REJECT_REGION: Final = N_("Region code {value} in column {column} is not a known region code")
REJECT_FIELDS: Final = N_("Line has {count} fields, the header has {expected}")


class StatisticRecord(TypedDict):
    """One row of the tidy ``statistic`` table (see ``STATISTIC_COLUMNS``)."""

    region_code: str
    region_name: str
    source_geography: str
    period: str
    measure: str
    measure_label: str
    classification: str | None
    class_code: str | None
    class_label: str | None
    value: float | None
    symbol: str | None
    unit: str
    source_id: str


def statistic_frame(records: Iterable[StatisticRecord]) -> pd.DataFrame:
    """The tidy table with exactly ``STATISTIC_COLUMNS``: text columns hold ``str`` or
    ``None`` (object dtype, so a total's classification really is ``None``), ``value`` is
    float64 with NaN where only a symbol was published."""
    rows = list(records)
    return pd.DataFrame(
        {
            column: pd.Series(
                [row[column] for row in rows],  # type: ignore[literal-required]
                dtype="float64" if column == "value" else object,
            )
            for column in STATISTIC_COLUMNS
        }
    )


# --------------------------------------------------------------------------- bytes and text


@dataclass(frozen=True)
class TextFile:
    """Decoded text of a file (or of its head) and the encoding it was decoded with.

    Lines that cannot be a table row as they stand (a NUL byte, a quotation mark that never
    closes, another delimiter than the file's) are blank in ``text`` — so every other line keeps
    its number — and listed in ``problems`` as (line, reason, params) for the reject report."""

    text: str
    encoding: str
    problems: tuple[tuple[int, str, dict[str, object]], ...] = ()


NUL_BYTE = N_("Line {row} contains a NUL byte (character 0), which no table has; it was not read")
UNCLOSED_QUOTE = N_(
    "A quotation mark opened in line {row} is never closed, so lines {row} to {last} would "
    "become one value; line {row} was not read"
)
MIXED_DELIMITER = N_(
    "Line {row} separates its values with “{found}” while the file uses “{expected}”; it was "
    "not read"
)


_MAGIC: Final[dict[bytes, str]] = {
    b"PK\x03\x04": "zip",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "ole",
    b"%PDF": "pdf",
    b"\x1f\x8b": "gzip",
    b"\x89PNG": "png",
    b"\xff\xd8\xff": "jpeg",
}


def read_head(path: Path, limit: int = HEAD_BYTES) -> bytes:
    """The first ``limit`` bytes; empty for a missing or unreadable file."""
    try:
        with path.open("rb") as handle:
            return handle.read(limit)
    except OSError:
        return b""


def binary_kind(raw: bytes) -> str | None:
    """``zip``/``ole``/``pdf``/… for known binary containers, ``binary`` for other binary
    data, ``None`` for text."""
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            return kind
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # UTF-16 text has NUL bytes but is still text
    if b"\x00" not in raw or _utf16_without_bom(raw):
        return None
    # A few stray NUL bytes in otherwise plain text are reported at their line, not as binary.
    controls = sum(raw.count(bytes([c])) for c in range(32) if c not in (9, 10, 13))
    return "binary" if controls > max(8, len(raw) // 100) else None


def _utf16_without_bom(raw: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when every other byte is NUL (ASCII-range UTF-16 text)."""
    sample = raw[:4096]
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 8:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def sniff_encoding(raw: bytes) -> str:
    """UTF-8 with BOM, UTF-16 with BOM, plain UTF-8, else Windows-1252 (GENESIS Werte-CSV is
    ISO-8859-1; cp1252 is a superset for every printable character), else Latin-1."""
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    without_bom = _utf16_without_bom(raw)
    if without_bom:
        return without_bom
    try:
        # Incremental decode so a multi-byte character cut at the end of a head still counts.
        codecs.getincrementaldecoder("utf-8")().decode(raw, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        raw.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def decode(raw: bytes, *, partial: bool = False) -> TextFile | None:
    """Decoded text, or ``None`` for binary data. ``partial``: ``raw`` is a file's head."""
    if binary_kind(raw) is not None:
        return None
    encoding = sniff_encoding(raw)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace" if partial else "strict")
    try:
        text = decoder.decode(raw, final=not partial)
    except UnicodeDecodeError:
        return None
    text, problems = _blank_nul_lines(text.lstrip("\ufeff"))
    if not partial:
        text, found = _blank_broken_lines(text)
        problems += found
    return TextFile(text=text, encoding=encoding, problems=tuple(problems))


_Problem = tuple[int, str, dict[str, object]]


def _blank_nul_lines(text: str) -> tuple[str, list[_Problem]]:
    if "\x00" not in text:
        return text, []
    lines = text.split("\n")
    problems: list[_Problem] = []
    for index, line in enumerate(lines):
        if "\x00" in line:
            problems.append((index + 1, NUL_BYTE, {"row": index + 1}))
            lines[index] = ""
    return "\n".join(lines), problems


def _blank_broken_lines(text: str) -> tuple[str, list[_Problem]]:
    """Blank lines with another delimiter than the file's, and a line whose quote never closes
    (``csv`` would silently swallow every later line into that one value)."""
    problems: list[_Problem] = []
    lines = text.split("\n")
    delimiter = sniff_delimiter(text[:HEAD_BYTES])
    header = next((line for line in lines if line.strip()), "")
    width = len(split_line(header, delimiter))
    if width >= 3:
        for index, line in enumerate(lines):
            if not line.strip() or '"' in line or len(split_line(line, delimiter)) > 1:
                continue
            for other in DELIMITERS:
                if other != delimiter and len(split_line(line, other)) >= width - 1:
                    params: dict[str, object] = {
                        "row": index + 1,
                        "found": other,
                        "expected": delimiter,
                    }
                    problems.append((index + 1, MIXED_DELIMITER, params))
                    lines[index] = ""
                    break
    for _attempt in range(5):
        rows = parse_rows("\n".join(lines), delimiter)
        if not rows:
            break
        start, last = rows[-1]
        last_line = len("\n".join(lines).rstrip().split("\n"))
        if start >= last_line or not any("\n" in cell for cell in last):
            break
        # a record running from line ``start`` to the end inside one quoted value
        problems.append((start, UNCLOSED_QUOTE, {"row": start, "last": last_line}))
        lines[start - 1] = ""
    return "\n".join(lines), problems


def read_text(path: Path) -> TextFile | None:
    """The whole file decoded, ``None`` for binary or unreadable files."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    return decode(raw)


def read_text_head(path: Path, limit: int = HEAD_BYTES) -> TextFile | None:
    """At most ``limit`` bytes decoded, for ``detect``; never raises."""
    return decode(read_head(path, limit), partial=True)


# --------------------------------------------------------------------------- delimited text


def detect_head(path: Path, detect_text: Callable[[str], str | None]) -> str | None:
    """The layout ``detect_text`` finds in the head of a text file; ``None`` for binaries."""
    head = read_text_head(path)
    return None if head is None else detect_text(head.text)


def read_detected(
    path: Path, detect_text: Callable[[str], str | None], what: str
) -> tuple[str, str]:
    """A text file's text and its layout; ``ValueError`` when it is not ``what``."""
    loaded = read_text(path)
    if loaded is None:
        raise ValueError("binary or unreadable file")
    kind = detect_text(loaded.text)
    if kind is None:
        raise ValueError(f"not {what}")
    return loaded.text, kind


DELIMITERS: Final = (";", ",", "\t", "|")


def head_lines(text: str, count: int = 30) -> list[str]:
    """The first ``count`` non-blank physical lines (for cheap format checks)."""
    lines = []
    for line in text.splitlines():
        if line.strip():
            lines.append(line)
            if len(lines) >= count:
                break
    return lines


def split_line(line: str, delimiter: str) -> list[str]:
    """One physical line split like a CSV record (quotes respected)."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return [line]


def sniff_delimiter(text: str) -> str:
    """The delimiter giving the most consistent field count over the first lines.

    ``csv.Sniffer`` trips over CBS's ``|``-joined subject paths and GENESIS title lines, so
    this counts fields per parsed line instead; ties go to ``;`` (the usual in NL and DE)."""
    lines = head_lines(text, 40)
    best, best_score = ";", 0
    for delimiter in DELIMITERS:
        counts = [len(split_line(line, delimiter)) for line in lines]
        multi = [count for count in counts if count > 1]
        if not multi:
            continue
        modal = max(set(multi), key=multi.count)
        score = multi.count(modal) * modal
        if score > best_score:
            best, best_score = delimiter, score
    return best


def parse_rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """All records with the 1-based line number each starts on (quoted fields may span
    lines, as in the GENESIS footer)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    for row in reader:
        rows.append((start, row))
        start = reader.line_num + 1
    return rows


def is_blank(row: Sequence[str]) -> bool:
    return all(not cell.strip() for cell in row)


# --------------------------------------------------------------------------- values

_THOUSANDS_RE: Final = {
    ",": re.compile(r"^\d{1,3}(,\d{3})+$"),
    ".": re.compile(r"^\d{1,3}(\.\d{3})+$"),
}
_NUMBER_CHARS_RE: Final = re.compile(r"^[\d.,]*\d[\d.,]*$")


def parse_number(text: str, decimal: str | None = None) -> float:
    """A number as published: leading/trailing spaces, space or dot/comma thousands
    separators, decimal comma or point. ``decimal`` is the file's decimal mark; ``None``
    decides per value (a lone comma is a decimal comma). Raises ``ValueError``."""
    cleaned = text.strip()
    for space in (" ", "\u00a0", "\u202f", "'"):
        cleaned = cleaned.replace(space, "")
    sign = ""
    if cleaned and cleaned[0] in "+-−":
        sign = "-" if cleaned[0] in "-−" else ""
        cleaned = cleaned[1:]
    if not _NUMBER_CHARS_RE.match(cleaned):
        raise ValueError(text)
    if "," in cleaned and "." in cleaned:
        mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        grouping = "." if mark == "," else ","
        integer, _, fraction = cleaned.rpartition(mark)
        if not _THOUSANDS_RE[grouping].match(integer) or grouping in fraction:
            raise ValueError(text)
        cleaned = integer.replace(grouping, "") + "." + fraction
    elif "," in cleaned or "." in cleaned:
        mark = "," if "," in cleaned else "."
        other = "." if mark == "," else ","
        if decimal == other or cleaned.count(mark) > 1:  # the mark separates thousands
            if not _THOUSANDS_RE[mark].match(cleaned):
                raise ValueError(text)
            cleaned = cleaned.replace(mark, "")
        else:
            cleaned = cleaned.replace(mark, ".")
    if cleaned.startswith(".") or cleaned.endswith("."):
        raise ValueError(text)
    return float(sign + cleaned)


def parse_value(text: str, decimal: str | None = None) -> tuple[float | None, str | None]:
    """``(value, symbol)`` of one published cell.

    A missing-value symbol gives ``(None, symbol)``; a number with a quality flag (``12*``,
    ``345p``) gives ``(number, flag)``; an empty cell gives ``(None, None)``. Anything else
    raises ``ValueError``."""
    stripped = text.strip()
    if not stripped:
        return None, None
    if stripped in MISSING_SYMBOLS:
        return None, stripped
    try:
        return parse_number(stripped, decimal), None
    except ValueError:
        flagged = _FLAG_RE.match(stripped)
        if flagged is None:
            raise
        return parse_number(flagged["number"], decimal), flagged["flag"]


# --------------------------------------------------------------------------- periods

_PERIOD_PATTERNS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?$"), "iso"),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), "german"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "month"),
    (re.compile(r"^(\d{4})JJ00$"), "year"),  # CBS OData style 2021JJ00
    (re.compile(r"^(\d{4})MM(\d{2})$"), "month"),
    (re.compile(r"^(\d{4})KW0?([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})\s*-?\s*[QK]([1-4])$", re.IGNORECASE), "quarter"),
    (re.compile(r"^[QK]([1-4])\s*-?\s*(\d{4})$", re.IGNORECASE), "quarter_first"),
)


_MONTHS: Final[dict[str, int]] = {
    name: number
    for names in (
        # Dutch (CBS), German (GENESIS), English (CBS English tables)
        "januari februari maart april mei juni juli augustus september oktober november december",
        "januar februar märz april mai juni juli august september oktober november dezember",
        "january february march april may june july august september october november december",
    )
    for number, name in enumerate(names.split(), start=1)
}
_LABELLED_PERIOD_RE: Final = re.compile(
    r"^(?P<year>\d{4})\s+(?:(?P<quarter>[1-4])\s*(?:e|st|nd|rd|th|\.)?\s*"
    r"(?:kwartaal|quarter|quartal)|(?P<month>[a-zäë]+))$",
    re.IGNORECASE,
)


def parse_period(text: str) -> str:
    """ISO form of a published period: ``2021``, ``2024-12-31`` (from ``31.12.2024`` too),
    ``2023-06`` (also ``2023 juni``), ``2023-Q2`` (also ``2023 2e kwartaal``).
    GENESIS writes a period by its start and length, ``2023-10P6M`` (winter semester 2023/24):
    its start month. Raises ``ValueError``."""
    stripped = text.strip()
    semester = re.fullmatch(r"(\d{4})-(\d{2})P\d+M", stripped)
    if semester is not None and 1 <= int(semester[2]) <= 12:
        return f"{semester[1]}-{semester[2]}"
    labelled = _LABELLED_PERIOD_RE.match(stripped)
    if labelled is not None:
        if labelled["quarter"]:
            return f"{labelled['year']}-Q{labelled['quarter']}"
        month = _MONTHS.get(labelled["month"].lower())
        if month is None:
            raise ValueError(text)
        return f"{labelled['year']}-{month:02d}"
    for pattern, kind in _PERIOD_PATTERNS:
        match = pattern.match(stripped)
        if match is None:
            continue
        groups = match.groups()
        if kind == "year":
            return groups[0]
        if kind == "iso":
            return dt.date(int(groups[0]), int(groups[1]), int(groups[2])).isoformat()
        if kind == "german":
            return dt.date(int(groups[2]), int(groups[1]), int(groups[0])).isoformat()
        if kind == "month":
            if not 1 <= int(groups[1]) <= 12:
                raise ValueError(text)
            return f"{groups[0]}-{int(groups[1]):02d}"
        if kind == "quarter":
            return f"{groups[0]}-Q{groups[1]}"
        return f"{groups[1]}-Q{groups[0]}"
    raise ValueError(text)


def split_provisional(text: str) -> tuple[str, str | None]:
    """CBS marks provisional periods with ``*`` (``2022*``, ``2023**``): period and flag."""
    stripped = text.strip()
    bare = stripped.rstrip("*")
    return bare, (stripped[len(bare) :] or None)


# --------------------------------------------------------------------------- regions

NL_GEOGRAPHY: Final[dict[str, str]] = {
    "NL": "land",
    "LD": "landsdeel",
    "PV": "provincie",
    "CR": "corop",
    "GM": "gemeente",
    "WK": "wijk",
    "BU": "buurt",
    "AM": "arbeidsmarktregio",
    "GG": "ggd_regio",
    "VR": "veiligheidsregio",
    "RE": "res_regio",
    "JZ": "jeugdzorgregio",
    "ZK": "zorgkantoorregio",
}
DE_GEOGRAPHY: Final[dict[int, str]] = {
    2: "bundesland",
    3: "regierungsbezirk",
    5: "kreis",
    8: "gemeinde",
    9: "gemeindeverband",
}
_NL_CODE_RE: Final = re.compile(r"^([A-Z]{2})(\d{2,8})$")
_DE_CODE_RE: Final = re.compile(r"^(DG|\d{2}|\d{3}|\d{5}|\d{8}|\d{9}|\d{12})$")


def ars_to_ags(ars: str) -> str:
    """12-digit Regionalschlüssel → 8-digit Gemeindeschlüssel (drops the Verband digits)."""
    return ars[:5] + ars[9:]


def normalise_region_code(code: str) -> str:
    """Strip padding; a 12-digit ARS of a Gemeinde becomes its 8-digit AGS."""
    stripped = code.strip()
    if len(stripped) == 12 and stripped.isdigit():
        return ars_to_ags(stripped)
    return stripped


def is_region_code(code: str) -> bool:
    stripped = code.strip()
    nl = _NL_CODE_RE.match(stripped)
    if nl is not None:
        return nl.group(1) in NL_GEOGRAPHY
    return _DE_CODE_RE.match(stripped) is not None


def region_geography(code: str) -> str:
    """The level a (normalised) NL or DE region code stands for; ``''`` if unknown."""
    stripped = code.strip()
    if stripped == "DG":
        return "staat"
    nl = _NL_CODE_RE.match(stripped)
    if nl is not None:
        return NL_GEOGRAPHY.get(nl.group(1), "")
    if stripped.isdigit():
        return DE_GEOGRAPHY.get(len(stripped), "")
    return ""


# --------------------------------------------------------------------------- text helpers


def slug(text: str) -> str:
    """Stable lower-case ASCII key: ``Opleidingsniveau/Laag/Waarde`` → ``opleidingsniveau_laag_waarde``."""
    folded = text.replace("ß", "ss")
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe")):
        folded = folded.replace(umlaut, plain)
    folded = folded.replace("Ü", "Ue")
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


_UNIT_SUFFIX_RE: Final = re.compile(r"^(?P<label>.*\S)\s*\((?P<unit>[^()]*)\)\s*$")


def split_unit(header: str) -> tuple[str, str] | None:
    """``'Particuliere huishoudens (Aantal)'`` → ``('Particuliere huishoudens', 'Aantal')``."""
    match = _UNIT_SUFFIX_RE.match(header.strip())
    if match is None:
        return None
    return match["label"], match["unit"].strip()


def join_classes(
    parts: Sequence[tuple[str, str, str]],
) -> tuple[str | None, str | None, str | None]:
    """Combine the non-total breakdowns of one cell (e.g. nationality *and* sex) into one
    ``(classification, class_code, class_label)``, joined with ``|``; ``None``s for a total."""
    if not parts:
        return None, None, None
    return (
        "|".join(part[0] for part in parts),
        "|".join(part[1] for part in parts),
        "|".join(part[2] for part in parts),
    )


# --------------------------------------------------------------------------- results


@dataclass
class RejectCollector:
    """Collects rejects of one file with the reader's file name filled in."""

    file: str
    sheet: str | None = None
    rejects: list[Reject] = field(default_factory=list)

    def add(
        self,
        reason: str,
        *,
        row_number: int | None = None,
        column_name: str | None = None,
        value: str | None = None,
        **params: object,
    ) -> None:
        values: dict[str, object] = {
            "value": repr(value) if value is not None else "",
            "column": column_name or "",
        }
        values.update(params)
        self.rejects.append(
            Reject(
                file=self.file,
                reason=reason,
                sheet=self.sheet,
                row_number=row_number,
                column_name=column_name,
                value=value,
                params=values,
            )
        )


@dataclass
class StatisticOutput:
    """Records, rejects and notes of one statistics file (GENESIS, StatLine), and the
    ``ReadResult`` they become."""

    path: Path
    kind: str
    records: list[StatisticRecord] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: int = 0
    empty_cells: int = 0

    def __post_init__(self) -> None:
        self.rejects = RejectCollector(self.path.name)

    def wrong_width(self, line: int, row: Sequence[str], expected: int, delimiter: str) -> bool:
        """Reject a line with another number of fields than the header; whether it did."""
        if len(row) == expected:
            return False
        self.rejects.add(
            REJECT_FIELDS,
            row_number=line,
            value=delimiter.join(row)[:200],
            count=len(row),
            expected=expected,
        )
        return True

    def add_cell(
        self,
        cell: str,
        decimal: str,
        *,
        line: int,
        column: str,
        region: tuple[str, str, str],
        period: str,
        measure: tuple[str, str, str],
        classes: Sequence[tuple[str, str, str]],
        flag: str | None = None,
    ) -> None:
        """One value cell: a record (``flag`` marks a figure without a symbol of its own, e.g.
        a provisional period), a reject when it is no number, nothing when it is empty."""
        try:
            value, symbol = parse_value(cell, decimal)
        except ValueError:
            self.rejects.add(REJECT_VALUE, row_number=line, column_name=column, value=cell)
            return
        if value is None and symbol is None:
            self.empty_cells += 1
            return
        classification, class_code, class_label = join_classes(classes)
        self.records.append(
            StatisticRecord(
                region_code=region[0],
                region_name=region[1],
                source_geography=region[2],
                period=period,
                measure=measure[0],
                measure_label=measure[1],
                classification=classification,
                class_code=class_code,
                class_label=class_label,
                value=value,
                symbol=symbol or flag or None,
                unit=measure[2],
                source_id="",  # filled in by ``stamp`` once the vintage is known
            )
        )

    def stamp(self, publisher: str, table: str) -> tuple[str, str]:
        """Give every record the source id ``publisher:table:vintage``; the id and vintage."""
        vintage = vintage_of(record["period"] for record in self.records)
        source_id = ":".join(
            part for part in (publisher, table, vintage.replace(" – ", "..")) if part
        )
        for record in self.records:
            record["source_id"] = source_id
        if self.empty_cells:
            self.notes.append(f"{self.empty_cells} empty value cell(s) left out")
        return source_id, vintage

    def result(self, source: SourceInfo) -> ReadResult:
        return ReadResult(
            file=self.path.name,
            kind=self.kind,
            tables={"statistic": statistic_frame(self.records)},
            rejects=self.rejects.rejects,
            sources=[source] if self.records else [],
            notes=self.notes,
            skipped=self.skipped,
        )


GENESIS_PUBLISHER: Final = "Statistische Ämter des Bundes und der Länder"
GENESIS_LICENCE: Final = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"
CBS_PUBLISHER: Final = "Centraal Bureau voor de Statistiek (CBS)"
CBS_LICENCE: Final = "CC BY 4.0"
CBS_ATTRIBUTION: Final = "Bron: CBS"


def genesis_attribution(year: int | str) -> str:
    return f"© Statistische Ämter des Bundes und der Länder, Deutschland, {year}"


def vintage_of(periods: Iterable[str]) -> str:
    """One period, or ``first – last`` for several; ``''`` for none."""
    unique = sorted({period for period in periods if period})
    if not unique:
        return ""
    return unique[0] if len(unique) == 1 else f"{unique[0]} – {unique[-1]}"
