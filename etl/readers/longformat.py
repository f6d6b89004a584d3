"""Long-format statistics template (``statistics_longformat``): one figure per row.

For figures that come from sources without a machine-readable download (UWV vacancy tables,
BA Kreisreports, a research report): staff fill in the template (``.xlsx``) or any CSV with the
same columns. Columns may be named in English, Dutch or German (``regiocode`` /
``Regionalschlüssel``, ``periode`` / ``Zeitraum``, …). Required: region code, period, measure,
classification, code, value, source; optional: region name, measure label, class label,
unit, symbol, source geography.

``write_template(path)`` writes the blank workbook (``data/templates/statistics_longformat.xlsx``).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from core.i18n import N_
from etl.model import ReadResult, SourceInfo
from etl.readers.sheets import Cell, cell_text, text_rows, workbook_rows
from etl.readers.textfile import (
    REJECT_PERIOD,
    REJECT_REGION,
    REJECT_VALUE,
    RejectCollector,
    StatisticRecord,
    binary_kind,
    decode,
    head_lines,
    is_region_code,
    normalise_region_code,
    parse_period,
    parse_value,
    read_head,
    region_geography,
    slug,
    sniff_delimiter,
    split_line,
    statistic_frame,
    vintage_of,
)

KIND: Final = "statistics_longformat"
TEMPLATE_PATH: Final = (
    Path(__file__).resolve().parents[2] / "data/templates/statistics_longformat.xlsx"
)
DATA_SHEET: Final = "Data"
INSTRUCTIONS_SHEET: Final = "Instructies - Anleitung"  # Excel forbids "/" in sheet names

CLASSIFICATIONS: Final = ("BRC2014", "KldB2010", "ISCO08", "NACE")
_CLASSIFICATION_ALIASES: Final[dict[str, str]] = {
    "brc2014": "BRC2014",
    "brc": "BRC2014",
    "kldb2010": "KldB2010",
    "kldb": "KldB2010",
    "isco08": "ISCO08",
    "isco2008": "ISCO08",
    "isco": "ISCO08",
    "nace": "NACE",
    "nacerev2": "NACE",
    "nace2": "NACE",
    # SBI 2008 and WZ 2008 are NACE Rev. 2 down to the 4-digit class
    "sbi2008": "NACE",
    "sbi": "NACE",
    "wz2008": "NACE",
    "wz08": "NACE",
    "wz": "NACE",
}
_CODE_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    "BRC2014": re.compile(r"^\d{2,4}$"),  # beroepsklasse 2, -segment 3, -groep 4 digits
    "KldB2010": re.compile(r"^\d{1,5}$"),  # Berufsbereich 1 … Berufsgattung 5 digits
    "ISCO08": re.compile(r"^\d{1,4}$"),  # major group 1 … unit group 4 digits
    "NACE": re.compile(r"^([A-U]|\d{2}(\.?\d{1,2}(\.\d)?)?)$"),  # section, division, …
}

REQUIRED: Final = ("region_code", "period", "measure", "classification", "code", "value", "source")
OPTIONAL: Final = (
    "region_name",
    "measure_label",
    "class_label",
    "unit",
    "symbol",
    "source_geography",
)
TEMPLATE_COLUMNS: Final = (
    "region_code",
    "region_name",
    "period",
    "measure",
    "measure_label",
    "classification",
    "code",
    "class_label",
    "value",
    "unit",
    "symbol",
    "source",
    "source_geography",
)
# Accepted header spellings (compared after ``slug``: lower case, umlauts folded, "_").
HEADER_ALIASES: Final[dict[str, str]] = {
    alias: canonical
    for canonical, aliases in {
        "region_code": "region_code regioncode regiocode regio_code regionalschluessel "
        "regionalschlussel regional_schluessel gemeindeschluessel ags ars gebietscode",
        "region_name": "region_name regionname regionaam regio_naam regio regionsname "
        "region_bezeichnung gebiet gebietsname",
        "period": "period periode zeitraum zeit stichtag peildatum jahr jaar datum",
        "measure": "measure maatstaf merkmal kenmerk indicator kennzahl",
        "measure_label": "measure_label maatstaf_label maatstaf_omschrijving merkmal_label "
        "merkmalsbezeichnung",
        "classification": "classification classificatie klassifikation klassifizierung "
        "indeling systematik",
        "code": "code class_code klasse klassecode klassencode",
        "class_label": "class_label code_label code_omschrijving klassenbezeichnung "
        "bezeichnung omschrijving",
        "value": "value waarde wert",
        "unit": "unit eenheid einheit",
        "symbol": "symbol symbool zeichen",
        "source": "source bron quelle",
        "source_geography": "source_geography geography geografie regioniveau gebietsebene ebene",
    }.items()
    for alias in aliases.split()
}

REJECT_REQUIRED: Final = N_("Column {column} is empty but required")
REJECT_CLASSIFICATION: Final = N_(
    "Classification {value} is not one of BRC2014, KldB2010, ISCO08, NACE"
)
REJECT_CODE: Final = N_("Code {value} is not a valid {classification} code")
REJECT_CODE_WITHOUT_CLASSIFICATION: Final = N_("Code {value} is given without a classification")

_HEADER_SEARCH_ROWS: Final = 10
_PADDED_DE_LENGTHS: Final = {4: 5, 7: 8, 8: 9, 11: 12}  # AGS/ARS whose leading 0 Excel dropped

# --------------------------------------------------------------------------- headers


def canonical_header(name: object) -> str | None:
    return HEADER_ALIASES.get(slug(str(name))) if name is not None else None


def _header_map(row: Sequence[Cell]) -> dict[str, int] | None:
    """Canonical column → index when ``row`` holds every required header."""
    mapping: dict[str, int] = {}
    for index, cell in enumerate(row):
        canonical = canonical_header(cell) if isinstance(cell, str) else None
        if canonical and canonical not in mapping:
            mapping[canonical] = index
    return mapping if all(column in mapping for column in REQUIRED) else None


def _find_header(rows: Sequence[Sequence[Cell]]) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        mapping = _header_map(row)
        if mapping is not None:
            return index, mapping
    return None


# --------------------------------------------------------------------------- detection


def is_excel_zip(path: Path) -> bool:
    """An .xlsx/.xlsm workbook (a ZIP with ``xl/workbook.xml``), whatever its name."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def detect(path: Path) -> str | None:
    raw = read_head(path)
    container = binary_kind(raw)
    if container in {"zip", "ole"}:
        if container == "zip" and not is_excel_zip(path):
            return None
        return KIND if _workbook_sheet(path, nrows=_HEADER_SEARCH_ROWS) else None
    if container is not None:
        return None
    head = decode(raw, partial=True)
    return None if head is None else detect_text(head.text)


def detect_text(text: str) -> str | None:
    lines = head_lines(text, _HEADER_SEARCH_ROWS)
    if not lines:
        return None
    delimiter = sniff_delimiter(text)
    rows = [split_line(line, delimiter) for line in lines]
    return KIND if _find_header(rows) else None


def near_miss(text: str) -> str | None:
    """Why a template-looking CSV is not readable, for ``explain_unsupported``."""
    lines = head_lines(text, _HEADER_SEARCH_ROWS)
    if not lines or detect_text(text):
        return None
    delimiter = sniff_delimiter(text)
    best: set[str] = set()
    for line in lines:
        found = {canonical_header(cell) for cell in split_line(line, delimiter)}
        found.discard(None)
        if len(found) > len(best):
            best = {name for name in found if name}
    if len(best & set(REQUIRED)) >= 3:
        missing = ", ".join(column for column in REQUIRED if column not in best)
        return f"looks like the long-format statistics template but lacks column(s): {missing}"
    return None


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Table:
    rows: list[tuple[int, list[Cell]]]  # (1-based row/line number, cells)
    sheet: str | None
    decimal: str | None  # the file's decimal mark for text values; None decides per value


def _workbook_sheet(path: Path, nrows: int | None = None) -> tuple[str, list[list[Cell]]] | None:
    """First sheet whose first rows hold the template's headers (skips the instructions)."""
    return next(
        ((name, rows) for name, rows in workbook_rows(path, nrows) if _find_header(rows)), None
    )


def _load(path: Path) -> _Table:
    container = binary_kind(read_head(path))
    if container in {"zip", "ole"}:
        found = _workbook_sheet(path)
        if found is None:
            raise ValueError("workbook without the template's headers")
        sheet, cells = found
        return _Table([(index + 1, row) for index, row in enumerate(cells)], sheet, None)
    rows, decimal = text_rows(path)
    return _Table(rows, None, decimal)


def read(path: Path) -> ReadResult:
    table = _load(path)
    found = _find_header([row for _number, row in table.rows])
    if found is None:
        raise ValueError("no header row with the template's columns")
    header_index, columns = found
    header_row = table.rows[header_index][1]
    parser = _RowParser(
        names={column: cell_text(header_row[index]) for column, index in columns.items()},
        decimal=table.decimal,
        rejects=RejectCollector(path.name, sheet=table.sheet),
    )
    records: list[StatisticRecord] = []
    skipped = 0
    for number, row in table.rows[header_index + 1 :]:
        if all(cell_text(cell) == "" for cell in row):
            skipped += 1
            continue
        cells = {
            column: (row[index] if index < len(row) else None) for column, index in columns.items()
        }
        record = parser.parse(number, cells)
        if record is not None:
            records.append(record)
    notes = []
    if parser.padded:
        notes.append(
            f"{parser.padded} region code(s) stored as numbers had lost their leading zero and "
            "were restored (format the column as text)"
        )
    return ReadResult(
        file=path.name,
        kind=KIND,
        tables={"statistic": statistic_frame(records)},
        rejects=parser.rejects.rejects,
        sources=_sources(records, parser.source_names),
        notes=notes,
        skipped=skipped,
    )


@dataclass
class _RowParser:
    """Turns one template row into a record, or into rejects naming row and column."""

    names: dict[str, str]  # canonical column → header as written in the file
    decimal: str | None
    rejects: RejectCollector
    padded: int = 0
    source_names: dict[str, str] = field(default_factory=dict)

    def parse(self, number: int, cells: dict[str, Cell]) -> StatisticRecord | None:
        before = len(self.rejects.rejects)

        def reject(reason: str, column: str, **params: object) -> None:
            self.rejects.add(
                reason,
                row_number=number,
                column_name=self.names.get(column, column),
                value=cell_text(cells.get(column)),
                **params,
            )

        for column in ("measure", "source"):
            if cell_text(cells[column]) == "":
                reject(REJECT_REQUIRED, column)

        region_code, padded = _region_code(cells["region_code"])
        if not is_region_code(region_code):
            reject(REJECT_REGION, "region_code")

        period = ""
        try:
            period = _period(cells["period"])
        except ValueError:
            reject(REJECT_PERIOD, "period")

        classification: str | None = None
        class_code = _code_text(cells["code"]) or None
        written = cell_text(cells["classification"])
        if written:
            classification = _CLASSIFICATION_ALIASES.get(slug(written).replace("_", ""))
            if classification is None:
                reject(REJECT_CLASSIFICATION, "classification")
            elif class_code is not None and not _CODE_PATTERNS[classification].match(class_code):
                reject(REJECT_CODE, "code", classification=classification)
        elif class_code is not None:
            reject(REJECT_CODE_WITHOUT_CLASSIFICATION, "code")
        if class_code is None:
            classification = None  # no code: the row is the total

        value: float | None = None
        symbol = cell_text(cells.get("symbol")) or None
        value_cell = cells["value"]
        if isinstance(value_cell, bool):
            reject(REJECT_VALUE, "value")
        elif isinstance(value_cell, int | float):
            value = float(value_cell)
        elif cell_text(value_cell) == "":
            if symbol is None:
                reject(REJECT_REQUIRED, "value")
        else:
            try:
                value, published = parse_value(cell_text(value_cell), self.decimal)
                symbol = symbol or published
            except ValueError:
                reject(REJECT_VALUE, "value")

        if len(self.rejects.rejects) > before:
            return None
        self.padded += padded
        measure = cell_text(cells["measure"])
        source = cell_text(cells["source"])
        source_id = f"longformat:{slug(source)}"
        self.source_names.setdefault(source_id, source)
        return StatisticRecord(
            region_code=region_code,
            region_name=cell_text(cells.get("region_name")),
            source_geography=cell_text(cells.get("source_geography"))
            or region_geography(region_code),
            period=period,
            measure=measure,
            measure_label=cell_text(cells.get("measure_label")) or measure,
            classification=classification,
            class_code=class_code,
            class_label=(cell_text(cells.get("class_label")) or None) if class_code else None,
            value=value,
            symbol=symbol,
            unit=cell_text(cells.get("unit")),
            source_id=source_id,
        )


def _sources(records: Sequence[StatisticRecord], names: dict[str, str]) -> list[SourceInfo]:
    """One source per distinct ``source`` text; the template carries only its name, so the
    licence stays empty until someone records it."""
    periods: dict[str, list[str]] = {}
    for record in records:
        periods.setdefault(record["source_id"], []).append(record["period"])
    return [
        SourceInfo(
            source_id=source_id,
            title=names[source_id],
            publisher=names[source_id],
            licence="",
            attribution=names[source_id],
            vintage=vintage_of(source_periods),
            is_sample=is_sample_source(names[source_id]),
        )
        for source_id, source_periods in sorted(periods.items())
    ]


def is_sample_source(name: str) -> bool:
    """Generated figures say so in their ``source`` ("Voorbeelddata / Beispieldaten – …"), the
    same marker the sample member lists carry, so the warehouse flags them ``is_sample``."""
    key = slug(name)
    return "voorbeelddata" in key or "beispieldaten" in key


def _code_text(cell: Cell) -> str:
    return cell_text(cell).replace(" ", "")


def _region_code(cell: Cell) -> tuple[str, int]:
    """Normalised code and whether a leading zero had to be restored (Excel number cells
    turn 03454 into 3454)."""
    text = cell_text(cell).upper() if isinstance(cell, str) else cell_text(cell)
    if isinstance(cell, int | float) and not isinstance(cell, bool) and text.isdigit():
        width = _PADDED_DE_LENGTHS.get(len(text))
        if width is not None:
            return normalise_region_code(text.zfill(width)), 1
    return normalise_region_code(text), 0


def _period(cell: Cell) -> str:
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return parse_period(cell_text(cell))


# --------------------------------------------------------------------------- template

# (column, required, explanation NL, Erläuterung DE, example)
_TEMPLATE_HELP: Final[tuple[tuple[str, bool, str, str, str], ...]] = (
    (
        "region_code",
        True,
        "CBS-code (GM0114, WK011401) of Duitse sleutel (03454 Kreis, 03454032 Gemeinde); "
        "als tekst invullen",
        "CBS-Code (GM0114) oder Regionalschlüssel (03454 Kreis, 03454032 Gemeinde); "
        "als Text eingeben",
        "GM0114",
    ),
    ("region_name", False, "Naam van de regio", "Name der Region", "Emmen"),
    (
        "period",
        True,
        "Jaar (2024), peildatum (2024-06-30 of 30.06.2024), kwartaal (2024-Q2) of maand (2024-06)",
        "Jahr (2024), Stichtag (2024-06-30 oder 30.06.2024), Quartal (2024-Q2) oder Monat "
        "(2024-06)",
        "2024-Q2",
    ),
    (
        "measure",
        True,
        "Vaste korte code van de maatstaf",
        "Feste Kurzbezeichnung des Merkmals",
        "vacancies_open",
    ),
    (
        "measure_label",
        False,
        "Omschrijving van de maatstaf zoals gepubliceerd",
        "Bezeichnung des Merkmals wie veröffentlicht",
        "Openstaande vacatures",
    ),
    (
        "classification",
        True,
        "BRC2014, KldB2010, ISCO08 of NACE (keuzelijst); leeg bij een totaal",
        "BRC2014, KldB2010, ISCO08 oder NACE (Auswahlliste); leer bei einer Summe",
        "BRC2014",
    ),
    (
        "code",
        True,
        "Code binnen de classificatie, als tekst (voorloopnullen!); leeg bij een totaal",
        "Code in der Klassifikation, als Text (führende Nullen!); leer bei einer Summe",
        "0731",
    ),
    (
        "class_label",
        False,
        "Omschrijving van de code",
        "Bezeichnung des Codes",
        "Bouwarbeiders ruwbouw",
    ),
    (
        "value",
        True,
        "Getal (decimaalkomma of -punt); leeg laten als er een symbool staat",
        "Zahl (Dezimalkomma oder -punkt); leer lassen, wenn ein Zeichen angegeben ist",
        "125",
    ),
    ("unit", False, "Eenheid", "Einheit", "aantal / Anzahl"),
    (
        "symbol",
        False,
        "Gepubliceerd symbool als de waarde ontbreekt (. x - /)",
        "Veröffentlichtes Zeichen, wenn der Wert fehlt (. x - /)",
        ".",
    ),
    (
        "source",
        True,
        "Bron met tabel en datum, zoals gepubliceerd",
        "Quelle mit Tabelle und Datum, wie veröffentlicht",
        "UWV, Spanningsindicator 2024-Q2",
    ),
    (
        "source_geography",
        False,
        "Regio-indeling van de bron als die afwijkt (bijv. arbeidsmarktregio)",
        "Gebietsgliederung der Quelle, falls abweichend (z. B. Agenturbezirk)",
        "gemeente",
    ),
)
_TEXT_COLUMNS: Final = ("region_code", "code", "period")
_TEMPLATE_ROWS: Final = 2000


def write_template(path: Path = TEMPLATE_PATH) -> Path:
    """Write the blank long-format workbook: a ``Data`` sheet with the header row, text
    format for code columns, a drop-down for ``classification``, and bilingual instructions."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    data = workbook.active
    assert data is not None
    data.title = DATA_SHEET
    data.append(list(TEMPLATE_COLUMNS))
    for index, column in enumerate(TEMPLATE_COLUMNS, start=1):
        letter = get_column_letter(index)
        data[f"{letter}1"].font = Font(bold=True)
        data.column_dimensions[letter].width = max(14, len(column) + 4)
        if column in _TEXT_COLUMNS:
            # "@" = text, so 03454 and 0711 keep their leading zeros
            for row in range(2, _TEMPLATE_ROWS + 2):
                data[f"{letter}{row}"].number_format = "@"
    data.freeze_panes = "A2"
    letter = get_column_letter(TEMPLATE_COLUMNS.index("classification") + 1)
    choice = DataValidation(
        type="list",
        formula1='"' + ",".join(CLASSIFICATIONS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Classificatie / Klassifikation",
        error="Kies / Wählen: " + ", ".join(CLASSIFICATIONS),
    )
    choice.add(f"{letter}2:{letter}{_TEMPLATE_ROWS + 1}")
    data.add_data_validation(choice)

    help_sheet = workbook.create_sheet(INSTRUCTIONS_SHEET)
    help_sheet.append(["DIA Monitor – statistieken in lange vorm / Statistiken im Langformat"])
    help_sheet["A1"].font = Font(bold=True, size=13)
    help_sheet.append([])
    help_sheet.append(
        [
            "NL: Eén regel per cijfer. Vul het blad 'Data' in; laat de kolomnamen staan. "
            "Verplichte kolommen zijn vet. Codes als tekst invullen (voorloopnullen).",
        ]
    )
    help_sheet.append(
        [
            "DE: Eine Zeile je Zahl. Füllen Sie das Tabellenblatt 'Data' aus; lassen Sie die "
            "Spaltennamen stehen. Pflichtspalten sind fett. Codes als Text eingeben "
            "(führende Nullen).",
        ]
    )
    help_sheet.append([])
    help_sheet.append(
        [
            "Kolom / Spalte",
            "Verplicht / Pflicht",
            "Uitleg (NL)",
            "Erläuterung (DE)",
            "Voorbeeld / Beispiel",
        ]
    )
    for cell in help_sheet[6]:
        cell.font = Font(bold=True)
    for column, required, dutch, german, example in _TEMPLATE_HELP:
        help_sheet.append([column, "ja / ja" if required else "nee / nein", dutch, german, example])
        if required:
            help_sheet.cell(row=help_sheet.max_row, column=1).font = Font(bold=True)
    for letter, width in zip("ABCDE", (20, 18, 60, 60, 32), strict=True):
        help_sheet.column_dimensions[letter].width = width
    for row in help_sheet.iter_rows(min_row=7):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    workbook.properties.creator = "DIA Monitor"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    _make_reproducible(path)
    return path


_FIXED_TIME: Final = (2025, 1, 1, 0, 0, 0)
_CORE_TIMES_RE: Final = re.compile(
    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)"
)


def _make_reproducible(path: Path) -> None:
    """Rewrite the workbook with fixed timestamps so an unchanged template gives the same
    bytes (openpyxl stamps the save time into the ZIP entries and docProps/core.xml)."""
    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            if name == "docProps/core.xml":
                content = _CORE_TIMES_RE.sub(rb"\g<1>2025-01-01T00:00:00Z\g<2>", content)
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
