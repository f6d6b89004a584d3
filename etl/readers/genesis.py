"""GENESIS / Regionaldatenbank downloads (Destatis, regionalstatistik.de, Zensus 2022).

Three generations are accepted, each recognised from its content:

- ``genesis_werte``: classic "Werte-CSV" (ISO-8859-1, ``GENESIS-Tabelle:`` title block,
  column-header block, indented region names, ``__________`` footer with © and Stand);
- ``genesis_ffcsv_2024``: flat file of the 2024 API (German headers ``Statistik_Code;…``,
  one column per measure named ``<CODE>__<Label>__<Unit>``);
- ``genesis_flat_2025``: flat file of the 2025 API (English headers, UTF-8 BOM, one row per
  measure with ``value``/``value_unit``/``value_variable_code``).

All become the tidy ``statistic`` table (see ``etl.readers.textfile.STATISTIC_COLUMNS``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from core.i18n import N_
from etl.model import ReadResult, SourceInfo
from etl.readers.textfile import (
    GENESIS_LICENCE,
    GENESIS_PUBLISHER,
    REJECT_PERIOD,
    REJECT_REGION,
    StatisticOutput,
    detect_head,
    genesis_attribution,
    head_lines,
    is_blank,
    is_region_code,
    normalise_region_code,
    parse_period,
    parse_rows,
    read_detected,
    region_geography,
    slug,
    split_line,
    split_unit,
)

KIND_WERTE: Final = "genesis_werte"
KIND_FFCSV: Final = "genesis_ffcsv_2024"
KIND_FLAT: Final = "genesis_flat_2025"

REJECT_NO_REGION: Final = N_("No region variable (GEO*, KREISE, GEMEIN, DLAND, …) in this line")
REJECT_NO_PERIOD: Final = N_("The column header block has no period (date or year) row")

# Variables that hold the region; GEO* covers the Zensus 2022 database (GEODL1, GEOGM4, …).
REGION_VARIABLES: Final = frozenset(
    {"DINSG", "DLAND", "REGBEZ", "KREISE", "GEMEIN", "GEMVB", "GVB", "STAAT"}
)
# GENESIS variable → our classification name; others keep their GENESIS variable code.
CLASSIFICATIONS: Final[dict[str, str]] = {
    "GES": "sex",
    "NAT": "nationality",
    "WZ08": "NACE",
    "WZ08X": "NACE",
    "KLDB10": "KldB2010",
    "BERUF": "KldB2010",
}
# Werte-CSV headers carry labels only: the codes the same attributes have in flat files.
ATTRIBUTE_LABELS: Final[dict[str, tuple[str, str]]] = {
    "männlich": ("sex", "GESM"),
    "weiblich": ("sex", "GESW"),
    "ausländer/-innen": ("nationality", "NATA"),
    "ausländer": ("nationality", "NATA"),
    "ausländisch": ("nationality", "NATA"),
    "deutsche": ("nationality", "NATD"),
    "deutsch": ("nationality", "NATD"),
}
TOTAL_LABELS: Final = frozenset({"insgesamt", "zusammen", "gesamt", "total"})
# Werte-CSV names its measure but not its code: codes the same tables use in flat files.
MEASURE_CODES: Final[dict[str, str]] = {
    "Bevölkerungsstand": "BEVSTD",
    "Zahl der Gemeinden": "GEM001",
    "Sozialversicherungspflichtig Beschäftigte": "ERW032",
    "Sozialversicherungspfl. Beschäftigte (Arbeitsort)": "ERW032",
    "Veräußerungsfälle von Bauland": "BAU001",
    "Veräußerte Baulandfläche": "BAU002",
    "Kaufsumme": "BAU003",
    "Durchschnittlicher Kaufwert je qm": "BAU004",
    "Lohn- und Einkommensteuerpflichtige": "LSNW01",
    "Lohn- und Einkommensteuer": "LSNW02",
    "Gesamtbetrag der Einkünfte": "EKF002",
}
TIME_LABELS: Final = frozenset({"stichtag", "jahr", "jahre", "monat", "quartal", "zeit"})
UNITS: Final = frozenset(
    {
        "anzahl",
        "prozent",
        "%",
        "eur",
        "euro",
        "tsd. eur",
        "mill. eur",
        "mio. eur",
        "1000",
        "1000 eur",
        "qkm",
        "km²",
        "ha",
        "qm",
        "1000 qm",
        "t",
        "tonnen",
        "personen",
        "je 1000 einwohner",
    }
)

_TABLE_CODE_RE: Final = re.compile(r"^[0-9A-Z]+(?:-[0-9A-Z]+)+$")
# GENESIS-Online (Destatis) codes look like 12411-0001; Regionaldatenbank ones end in -4/-5.
_DESTATIS_CODE_RE: Final = re.compile(r"^\d{5}-\d{4}$")
DESTATIS_PUBLISHER: Final = "Statistisches Bundesamt (Destatis)"
_EPOCH_MS_RE: Final = re.compile(r"(?<!\d)(1\d{12})(?!\d)")
_YEAR_MONTH_RE: Final = re.compile(r"(?<!\d)((?:19|20)\d\d)-(?:0[1-9]|1[0-2])(?!\d)")
_STAND_RE: Final = re.compile(r"Stand:\s*(\d{1,2}\.\d{1,2}\.\d{4})")
_COPYRIGHT_YEAR_RE: Final = re.compile(r"((?:19|20)\d\d)\s*\.?\s*$")


# --------------------------------------------------------------------------- detection


@dataclass(frozen=True)
class _Dialect:
    """Header names of one flat-file generation (German 2024, English 2025)."""

    kind: str
    stat_code: str
    stat_label: str
    time: str
    var_code: str
    var_label: str
    attr_code: str
    attr_label: str


FFCSV: Final = _Dialect(
    KIND_FFCSV,
    "Statistik_Code",
    "Statistik_Label",
    "Zeit",
    "{n}_Merkmal_Code",
    "{n}_Merkmal_Label",
    "{n}_Auspraegung_Code",
    "{n}_Auspraegung_Label",
)
FLAT: Final = _Dialect(
    KIND_FLAT,
    "statistics_code",
    "statistics_label",
    "time",
    "{n}_variable_code",
    "{n}_variable_label",
    "{n}_variable_attribute_code",
    "{n}_variable_attribute_label",
)
FLAT_VALUE_COLUMNS: Final = ("value", "value_unit", "value_variable_code", "value_variable_label")


def detect(path: Path) -> str | None:
    return detect_head(path, detect_text)


def detect_text(text: str) -> str | None:
    lines = head_lines(text, 80)
    if not lines:
        return None
    header = [cell.strip() for cell in split_line(lines[0], ";")]
    names = set(header)
    if {FLAT.stat_code, FLAT.time, "1_variable_code", *FLAT_VALUE_COLUMNS} <= names:
        return KIND_FLAT
    if {FFCSV.stat_code, FFCSV.time, "1_Merkmal_Code"} <= names and _measure_columns(header):
        return KIND_FFCSV
    if lines[0].startswith("GENESIS-Tabelle:") and _werte_layout(parse_rows(text, ";")):
        return KIND_WERTE
    return None


def near_miss(text: str) -> str | None:
    """Why a GENESIS-looking text is not readable, for ``explain_unsupported``."""
    lines = head_lines(text, 80)
    if not lines or detect_text(text):
        return None
    header = {cell.strip() for cell in split_line(lines[0], ";")}
    if lines[0].startswith("GENESIS-Tabelle:"):
        return (
            "looks like a GENESIS table but has no value columns (no column-header block "
            "followed by region rows); download it as 'Werte (CSV)' or flat CSV"
        )
    if FFCSV.stat_code in header or FLAT.stat_code in header:
        return (
            "looks like a GENESIS flat file but has no value columns (no "
            "'<CODE>__<Label>__<Unit>' column and no value/value_unit/value_variable_code)"
        )
    return None


def _measure_columns(header: Sequence[str]) -> list[int]:
    return [index for index, name in enumerate(header) if "__" in name]


# --------------------------------------------------------------------------- reading


def read(path: Path) -> ReadResult:
    text, kind = read_detected(path, detect_text, "a GENESIS download")
    rows = parse_rows(text, ";")
    builder = _Builder(path, kind)
    if kind == KIND_WERTE:
        _read_werte(rows, builder)
    else:
        _read_flat(rows, FLAT if kind == KIND_FLAT else FFCSV, builder)
    return builder.finish()


@dataclass
class _Builder(StatisticOutput):
    """Collects records, rejects and metadata of one file."""

    table_code: str = ""
    title: str = ""
    attribution: str = ""
    stand: str = ""

    def finish(self) -> ReadResult:
        table = self.table_code or "unknown"
        source_id, vintage = self.stamp("genesis", table)
        if table.startswith("13111"):
            self.notes.append(
                "Table 13111 redistributes the employment statistics of the Bundesagentur für "
                "Arbeit (© Statistik der Bundesagentur für Arbeit)"
            )
        destatis = bool(_DESTATIS_CODE_RE.match(table)) or "Destatis" in self.attribution
        if destatis:
            publisher = DESTATIS_PUBLISHER
        elif table.startswith("1000A"):
            publisher = f"{GENESIS_PUBLISHER} (Zensus 2022)"
        else:
            publisher = f"{GENESIS_PUBLISHER} (Regionaldatenbank Deutschland)"
        default_attribution = (
            f"© {DESTATIS_PUBLISHER}, {self._year()}"
            if destatis
            else genesis_attribution(self._year())
        )
        return self.result(
            SourceInfo(
                source_id=source_id,
                title=f"{self.title} ({table})" if self.title else table,
                publisher=publisher,
                licence=GENESIS_LICENCE,
                attribution=self.attribution or default_attribution,
                vintage=f"{vintage} (Stand {self.stand})" if self.stand else vintage,
            )
        )

    def _year(self) -> int:
        """Attribution year: the API's download timestamp in the file name, a YYYY-MM in the
        name, else the latest data year (flat files carry no publication date)."""
        stem = self.path.stem
        epoch = _EPOCH_MS_RE.search(stem)
        if epoch is not None:
            return dt.datetime.fromtimestamp(int(epoch.group(1)) / 1000, tz=dt.UTC).year
        year_month = _YEAR_MONTH_RE.search(stem)
        if year_month is not None:
            return int(year_month.group(1))
        years = [int(record["period"][:4]) for record in self.records if record["period"]]
        return max(years) if years else dt.date.today().year


def _table_code_from_name(path: Path, fallback: str) -> str:
    """The full table code (``12411-01-01-4``) is only in the download's file name; the
    content has the statistic number (``12411``)."""
    first = path.stem.split("_")[0]
    return first if _TABLE_CODE_RE.match(first) else fallback.strip()


def _region(code: str, name: str) -> tuple[str, str, str] | None:
    if not is_region_code(code):
        return None
    normalised = normalise_region_code(code)
    return normalised, name.strip(), region_geography(normalised)


def _classification(variable: str) -> str:
    return CLASSIFICATIONS.get(variable, variable)


def _is_region_variable(variable: str) -> bool:
    return variable.startswith("GEO") or variable in REGION_VARIABLES


# --------------------------------------------------------------------------- flat files


def _read_flat(rows: list[tuple[int, list[str]]], dialect: _Dialect, out: _Builder) -> None:
    _line, header = rows[0]
    header = [cell.strip() for cell in header]
    column = {name: index for index, name in enumerate(header)}
    groups: list[tuple[int, int, int, int]] = []
    n = 1
    while dialect.var_code.format(n=n) in column:
        groups.append(
            (
                column[dialect.var_code.format(n=n)],
                column[dialect.var_label.format(n=n)],
                column[dialect.attr_code.format(n=n)],
                column[dialect.attr_label.format(n=n)],
            )
        )
        n += 1
    measures = _measure_columns(header) if dialect is FFCSV else []
    time_index = column[dialect.time]
    for line, row in rows[1:]:
        if is_blank(row):
            out.skipped += 1
            continue
        if out.wrong_width(line, row, len(header), ";"):
            continue
        if not out.title:
            out.title = row[column[dialect.stat_label]].strip()
            out.table_code = _table_code_from_name(out.path, row[column[dialect.stat_code]])
        try:
            period = parse_period(row[time_index])
        except ValueError:
            out.rejects.add(
                REJECT_PERIOD,
                row_number=line,
                column_name=dialect.time,
                value=row[time_index],
            )
            continue
        region: tuple[str, str, str] | None = None
        classes: list[tuple[str, str, str]] = []
        region_found = False
        for var_code, _var_label, attr_code, attr_label in groups:
            variable = row[var_code].strip()
            if _is_region_variable(variable) and not region_found:
                region_found = True
                region = _region(row[attr_code], row[attr_label])
                if region is None:
                    out.rejects.add(
                        REJECT_REGION,
                        row_number=line,
                        column_name=header[attr_code],
                        value=row[attr_code],
                    )
                continue
            if row[attr_code].strip():  # an empty attribute code is the total (Insgesamt)
                classes.append(
                    (_classification(variable), row[attr_code].strip(), row[attr_label].strip())
                )
        if not region_found:
            out.rejects.add(REJECT_NO_REGION, row_number=line)
            continue
        if region is None:
            continue
        if dialect is FLAT:
            cells = [
                (
                    column["value"],
                    (
                        row[column["value_variable_code"]].strip(),
                        row[column["value_variable_label"]].strip(),
                        row[column["value_unit"]].strip(),
                    ),
                )
            ]
        else:
            cells = [(index, _ffcsv_measure(header[index])) for index in measures]
        quality = row[column["value_q"]].strip() if "value_q" in column else ""
        for index, measure in cells:
            out.add_cell(
                row[index],
                ",",
                line=line,
                column=header[index],
                region=region,
                period=period,
                measure=measure,
                classes=classes,
                flag=quality,
            )


def _ffcsv_measure(header: str) -> tuple[str, str, str]:
    """``ERW032__Sozialversicherungspfl._Beschaeftigte_(Arbeitsort)__Anzahl`` → code, label,
    unit (the label keeps the file's ASCII spelling, underscores become spaces)."""
    parts = header.split("__")
    code = parts[0].strip()
    if len(parts) < 3:
        return code, " ".join(parts[1:]).replace("_", " ").strip(), ""
    return code, "__".join(parts[1:-1]).replace("_", " ").strip(), parts[-1].replace("_", " ")


# --------------------------------------------------------------------------- Werte-CSV


@dataclass(frozen=True)
class _WerteLayout:
    title_rows: list[tuple[int, list[str]]]
    header_rows: list[tuple[int, list[str]]]
    key_width: int
    value_columns: list[int]
    data_start: int


def _werte_layout(rows: list[tuple[int, list[str]]]) -> _WerteLayout | None:
    """Split a Werte-CSV into title lines, column-header block and data.

    Title lines have text in the first cell only; header lines leave the key columns
    (region code, name) empty; the data starts at the first line after the header block
    with a first cell again."""
    header_start = None
    for index, (_line, row) in enumerate(rows[1:], start=1):
        if not row or is_blank(row):
            continue
        if not row[0].strip() and any(cell.strip() for cell in row[1:]):
            header_start = index
            break
    if header_start is None:
        return None
    header_end = header_start
    while header_end < len(rows) and (
        is_blank(rows[header_end][1]) or not rows[header_end][1][0].strip()
    ):
        header_end += 1
    if header_end >= len(rows) or rows[header_end][1][0].startswith("___"):
        return None
    header_rows = [entry for entry in rows[header_start:header_end] if not is_blank(entry[1])]
    key_width = min(_leading_empty(row) for _line, row in header_rows)
    width = max(len(row) for _line, row in header_rows)
    value_columns = list(range(key_width, width))
    if key_width == 0 or not value_columns:
        return None
    title_rows = [entry for entry in rows[1:header_start] if not is_blank(entry[1])]
    return _WerteLayout(title_rows, header_rows, key_width, value_columns, header_end)


def _leading_empty(row: Sequence[str]) -> int:
    count = 0
    for cell in row:
        if cell.strip():
            break
        count += 1
    return count


def _filled(row: Sequence[str], columns: Sequence[int]) -> list[str]:
    """Header cells per value column; an empty cell repeats the one to its left (spans)."""
    cells: list[str] = []
    last = ""
    for index in columns:
        cell = row[index].strip() if index < len(row) else ""
        last = cell or last
        cells.append(last)
    return cells


def _is_period_row(cells: Sequence[str]) -> bool:
    try:
        return all(parse_period(cell) for cell in cells) and bool(cells)
    except ValueError:
        return False


def _read_werte(rows: list[tuple[int, list[str]]], out: _Builder) -> None:
    layout = _werte_layout(rows)
    if layout is None:
        raise ValueError("no column-header block")
    out.table_code = rows[0][1][0].split(":", 1)[1].strip()
    titles = [row[0].strip() for _line, row in layout.title_rows]
    out.title = titles[0] if titles else ""
    columns = layout.value_columns

    # Classify the header block: periods, units, time labels, measure names, attributes.
    periods: list[str] | None = None
    units: list[str] | None = None
    measure_row: list[str] | None = None
    attribute_rows: list[list[str]] = []
    for _line, row in layout.header_rows:
        cells = _filled(row, columns)
        lowered = {cell.lower() for cell in cells}
        if _is_period_row(cells):
            periods = [parse_period(cell) for cell in cells]
        elif lowered <= TIME_LABELS:
            continue
        elif lowered <= UNITS:
            units = cells
        elif all(split_unit(cell) for cell in cells) and measure_row is None:
            measure_row = cells
        else:
            attribute_rows.append(cells)
    title_measure = next(
        (split_unit(title) for title in reversed(titles) if split_unit(title)), None
    )
    measures: list[tuple[str, str]]  # (label, unit) per value column
    if measure_row is not None:
        measures = [split_unit(cell) or (cell, "") for cell in measure_row]
    elif title_measure is not None:
        measures = [title_measure] * len(columns)
    elif attribute_rows:
        measures = [(cell, "") for cell in attribute_rows.pop(0)]
    else:
        measures = [(out.title, "")] * len(columns)
    if units is not None:
        measures = [(label, unit) for (label, _), unit in zip(measures, units, strict=True)]
    column_names = [
        " / ".join(
            part
            for part in (
                measures[position][0],
                *(attribute[position] for attribute in attribute_rows),
                periods[position] if periods else "",
            )
            if part
        )
        for position in range(len(columns))
    ]
    # The period is a header row, or (the "Stichtag" layout: date; code; name; values) the
    # first key column of every data row.
    in_rows = periods is None and layout.key_width >= 3 and _periods_in_rows(rows, layout)
    if periods is None and not in_rows:
        out.rejects.add(REJECT_NO_PERIOD, row_number=layout.header_rows[0][0])
        return
    first_key = 1 if in_rows else 0

    footer = False
    for line, row in rows[layout.data_start :]:
        if footer:
            out.skipped += 1
            _read_footer_cell(" ".join(row), out)
            continue
        if is_blank(row):
            out.skipped += 1
            continue
        if row[0].startswith("___"):
            footer = True
            out.skipped += 1
            continue
        if not any(cell.strip() for cell in row[1:]):
            out.skipped += 1  # a text line between the data, not a figure
            continue
        code, name = row[first_key], row[first_key + 1] if layout.key_width > first_key + 1 else ""
        region = _region(code, name)
        if region is None:
            column = f"column {first_key + 1}"
            out.rejects.add(REJECT_REGION, row_number=line, column_name=column, value=code)
            continue
        row_period = ""
        if in_rows:
            try:
                row_period = parse_period(row[0])
            except ValueError:
                out.rejects.add(
                    REJECT_PERIOD, row_number=line, column_name="column 1", value=row[0]
                )
                continue
        row_classes = [
            ("attribute", row[index].strip(), row[index].strip())
            for index in range(first_key + 2, layout.key_width)
            if index < len(row) and row[index].strip()
        ]
        for position, index in enumerate(columns):
            label, unit = measures[position]
            classes = row_classes + [
                _attribute(attribute[position])
                for attribute in attribute_rows
                if attribute[position].lower() not in TOTAL_LABELS
            ]
            out.add_cell(
                row[index] if index < len(row) else "",
                ",",
                line=line,
                column=column_names[position],
                region=region,
                period=periods[position] if periods else row_period,
                measure=(MEASURE_CODES.get(label, slug(label)), label, unit),
                classes=classes,
            )


def _periods_in_rows(rows: list[tuple[int, list[str]]], layout: _WerteLayout) -> bool:
    """Whether the data rows start with a date or year (and a region code after it)."""
    data: list[list[str]] = []
    for _line, row in rows[layout.data_start :]:
        if (row and row[0].startswith("___")) or len(data) == 20:
            break
        if row and not is_blank(row):
            data.append(row)
    if not data:
        return False
    try:
        return all(parse_period(row[0]) for row in data) and all(
            _region(row[1], "") is not None for row in data if len(row) > 1
        )
    except ValueError:
        return False


def _attribute(label: str) -> tuple[str, str, str]:
    known = ATTRIBUTE_LABELS.get(label.lower())
    if known is None:
        return "attribute", label, label
    return known[0], known[1], label


def _read_footer_cell(text: str, out: _Builder) -> None:
    """Keep the © line as attribution, the Stand date as vintage and notes as notes."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return
    if cleaned.startswith("©"):
        first_sentence = text.strip().splitlines()[0].strip().rstrip(".")
        if _COPYRIGHT_YEAR_RE.search(first_sentence):
            out.attribution = first_sentence
        return
    stand = _STAND_RE.search(cleaned)
    if stand is not None:
        out.stand = parse_period(stand.group(1))
        return
    out.notes.append(f"Footnote: {cleaned}")
