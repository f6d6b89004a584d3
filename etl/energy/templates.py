"""Blank workbooks for the energy readers, with Dutch and German instructions and drop-downs.

- ``data/templates/energy_opportunities.xlsx``: energy projects and opportunities
  (``etl/readers/energy_opportunities.py``);
- ``data/templates/energy_capacity.xlsx``: installed capacity per municipality in long format
  (``etl/readers/energy_capacity.py``).

The header row uses the English column names; the readers also accept Dutch and German ones.
A fixed creation date makes an unchanged template byte-identical.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import xlsxwriter

from core.paths import TEMPLATES_DIR
from etl import crosswalks
from etl.energy.vocabulary import (
    CAPACITY_TECHNOLOGIES,
    MUNICIPAL_LEVELS,
    OPPORTUNITY_TECHNOLOGIES,
    STAGE_CHOICES,
    TECHNOLOGY_CHOICES,
    project_regions,
)

OPPORTUNITIES_FILE: Final = "energy_opportunities.xlsx"
CAPACITY_FILE: Final = "energy_capacity.xlsx"
DATA_SHEET: Final = "Data"
HELP_SHEET: Final = "Instructies - Anleitung"
LISTS_SHEET: Final = "Lijsten - Listen"
ROWS: Final = 1000
CREATED: Final = dt.datetime(2025, 1, 1)


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    dutch: str
    german: str
    example: str
    width: int = 18


OPPORTUNITY_COLUMNS: Final = (
    Column(
        "opportunity_id",
        False,
        "Eigen projectnummer; leeg laten geeft een vast nummer op basis van titel en regio",
        "Eigene Projektnummer; leer ergibt eine feste Nummer aus Titel und Region",
        "OE-E01",
        12,
    ),
    Column("title", True, "Korte titel van het project", "Kurzer Projekttitel", "Zonnepark X", 44),
    Column(
        "description",
        False,
        "Waar gaat het om (één of twee zinnen)",
        "Worum es geht (ein bis zwei Sätze)",
        "Batterij naast het zonnepark",
        40,
    ),
    Column(
        "region",
        True,
        "Gemeente, Samtgemeinde of Gemeinde: code uit de lijst (GM0114, 03454032) of naam",
        "Gemeinde, Samtgemeinde oder Gemeente: Schlüssel aus der Liste oder Name",
        "GM0109 Coevorden",
        26,
    ),
    Column(
        "technology",
        True,
        "Keuzelijst: wind, zon, waterstof, warmte, biogas, net en opslag",
        "Auswahlliste: Wind, Solar, Wasserstoff, Wärme, Biogas, Netz und Speicher",
        TECHNOLOGY_CHOICES["solar"],
        26,
    ),
    Column(
        "stage",
        True,
        "Keuzelijst: idee, haalbaarheid, vergunning, bouw, in bedrijf",
        "Auswahlliste: Idee, Machbarkeit, Genehmigung, Bau, in Betrieb",
        STAGE_CHOICES["permitting"],
        24,
    ),
    Column(
        "capacity_mw",
        False,
        "Vermogen in MW (elektrisch; bij warmte thermisch)",
        "Leistung in MW (elektrisch; bei Wärme thermisch)",
        "35",
        12,
    ),
    Column("start_year", False, "Gepland startjaar", "Geplantes Startjahr", "2026", 11),
    Column(
        "partners_sought",
        False,
        "Welke partners of bedrijven worden gezocht",
        "Welche Partner oder Unternehmen gesucht werden",
        "Installateurs, netaansluiting",
        36,
    ),
    Column(
        "skills",
        False,
        "Benodigde beroepen als ISCO-08-codes (2 tot 4 cijfers), gescheiden door komma's; "
        "zie blad 'Lijsten - Listen'",
        "Benötigte Berufe als ISCO-08-Codes (2 bis 4 Ziffern), durch Kommas getrennt; "
        "siehe Tabellenblatt 'Lijsten - Listen'",
        "7411, 3113",
        20,
    ),
    Column(
        "lead_association",
        True,
        "Trekker: OE of WVE (keuzelijst)",
        "Federführung: OE oder WVE (Auswahlliste)",
        "OE",
        14,
    ),
)
CAPACITY_COLUMNS: Final = (
    Column(
        "region_code",
        True,
        "Gemeentecode (GM0114) of Gemeindeschlüssel (03454032) uit de lijst; alleen "
        "gemeenten: grotere gebieden telt het systeem zelf op",
        "Gemeente-Code (GM0114) oder Gemeindeschlüssel (03454032) aus der Liste; nur "
        "Gemeinden: größere Gebiete summiert das System selbst",
        "GM0114",
        16,
    ),
    Column("region_name", False, "Naam van de gemeente", "Name der Gemeinde", "Emmen", 22),
    Column(
        "year",
        True,
        "Jaar; het vermogen aan het eind van dat jaar",
        "Jahr; Leistung am Jahresende",
        "2023",
        10,
    ),
    Column(
        "technology",
        True,
        "Keuzelijst: zon, wind, biomassa, waterkracht",
        "Auswahlliste: Solar, Wind, Biomasse, Wasserkraft",
        TECHNOLOGY_CHOICES["solar"],
        26,
    ),
    Column(
        "capacity_mw",
        True,
        "Opgesteld vermogen in MW (een kolom 'capacity_kw' in kW mag ook)",
        "Installierte Leistung in MW (eine Spalte 'capacity_kw' in kW geht auch)",
        "73,0",
        14,
    ),
    Column(
        "source",
        True,
        "Bron met tabel en peildatum, zoals gepubliceerd",
        "Quelle mit Tabelle und Stichtag, wie veröffentlicht",
        "Gemeente Emmen, Monitor energie 2024",
        40,
    ),
    Column(
        "sample",
        False,
        "'ja' als het geen echt cijfer is (voorbeelddata)",
        "'ja', wenn es keine echte Zahl ist (Beispieldaten)",
        "nee",
        10,
    ),
)


def _instructions(workbook: Any, title: str, columns: tuple[Column, ...], notes: list[str]) -> None:
    sheet = workbook.add_worksheet(HELP_SHEET)
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    wrap_bold = workbook.add_format({"text_wrap": True, "valign": "top", "bold": True})
    sheet.write(0, 0, title, workbook.add_format({"bold": True, "font_size": 13}))
    for index, note in enumerate(notes, start=2):
        sheet.write(index, 0, note)
    top = len(notes) + 3
    sheet.write_row(top, 0, ["Kolom / Spalte", "Verplicht / Pflicht", "Uitleg (NL)",
                             "Erläuterung (DE)", "Voorbeeld / Beispiel"], bold)  # fmt: skip
    for offset, column in enumerate(columns, start=1):
        row = top + offset
        sheet.write(row, 0, column.name, wrap_bold if column.required else wrap)
        sheet.write(row, 1, "ja / ja" if column.required else "nee / nein", wrap)
        sheet.write(row, 2, column.dutch, wrap)
        sheet.write(row, 3, column.german, wrap)
        sheet.write_string(row, 4, column.example, wrap)
    for index, width in enumerate((20, 18, 60, 60, 32)):
        sheet.set_column(index, index, width)


def _lists(workbook: Any, municipal_only: bool) -> int:
    """The sheet of regions (and ISCO-08 groups) the drop-downs and instructions refer to;
    returns the number of regions."""
    sheet = workbook.add_worksheet(LISTS_SHEET)
    bold = workbook.add_format({"bold": True})
    regions = [
        region
        for region in project_regions().values()
        if not municipal_only or region.level in MUNICIPAL_LEVELS
    ]
    regions.sort(key=lambda region: (region.country != "NL", region.level, region.name))
    sheet.write_row(0, 0, ["Regio / Region", "Land", "Niveau / Ebene"], bold)
    for index, region in enumerate(regions, start=1):
        sheet.write_string(index, 0, f"{region.region_id} {region.name}")
        sheet.write_string(index, 1, region.country)
        sheet.write_string(index, 2, region.level)
    sheet.write_row(0, 4, ["ISCO-08", "Beroepengroep (NL)", "Berufsgruppe (DE)"], bold)
    for index, code in enumerate(crosswalks.isco_groups(2), start=1):
        sheet.write_string(index, 4, code)
        sheet.write_string(index, 5, crosswalks.isco_label(code, "nl"))
        sheet.write_string(index, 6, crosswalks.isco_label(code, "de"))
    for index, width in enumerate((34, 6, 24, 2, 9, 60, 60)):
        sheet.set_column(index, index, width)
    return len(regions)


def _data_sheet(workbook: Any, columns: tuple[Column, ...]) -> Any:
    sheet = workbook.add_worksheet(DATA_SHEET)
    text = workbook.add_format({"num_format": "@"})
    for index, column in enumerate(columns):
        header = workbook.add_format({"bold": column.required, "bg_color": "#DDEBF7"})
        sheet.write_string(0, index, column.name, header)
        sheet.set_column(index, index, column.width, text if column.name in _TEXT else None)
    sheet.freeze_panes(1, 0)
    return sheet


_TEXT: Final = frozenset({"opportunity_id", "region", "region_code", "skills"})


def _check(sheet: Any, columns: tuple[Column, ...], name: str, rule: dict[str, Any]) -> None:
    """An Excel input check on every data row of the column ``name``."""
    index = [column.name for column in columns].index(name)
    sheet.data_validation(1, index, ROWS, index, rule)


def _choices(values: list[str]) -> dict[str, Any]:
    return {
        "validate": "list",
        "source": values,
        "error_title": "Keuzelijst / Auswahlliste",
        "error_message": "Kies uit de lijst / Bitte aus der Liste wählen",
    }


def _region_choices(count: int) -> dict[str, Any]:
    return {
        "validate": "list",
        "source": f"='{LISTS_SHEET}'!$A$2:$A${count + 1}",
        # names are accepted too, so typing is allowed: warn, don't block
        "error_type": "warning",
        "error_title": "Regio / Region",
        "error_message": "Niet in de lijst / Nicht in der Liste",
    }


def _number(kind: str, low: int, high: int) -> dict[str, Any]:
    return {
        "validate": kind,
        "criteria": "between",
        "minimum": low,
        "maximum": high,
        "error_title": "Getal / Zahl",
        "error_message": f"{low} – {high}",
    }


def _write_template(
    path: Path,
    title: str,
    columns: tuple[Column, ...],
    heading: str,
    lines: list[str],
    checks: Callable[[int], dict[str, dict[str, Any]]],
    *,
    municipal_only: bool,
) -> Path:
    """A template: the data sheet with its checks per column (``checks`` gets the number of
    regions in the lists sheet), the instructions and the region lists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_properties({"title": title, "created": CREATED})
    sheet = _data_sheet(workbook, columns)
    _instructions(workbook, heading, columns, lines)
    count = _lists(workbook, municipal_only=municipal_only)
    for name, rule in checks(count).items():
        _check(sheet, columns, name, rule)
    sheet.activate()
    workbook.close()
    return path


def write_opportunity_template(path: Path | None = None) -> Path:
    technologies = [TECHNOLOGY_CHOICES[code] for code in OPPORTUNITY_TECHNOLOGIES]
    return _write_template(
        path or TEMPLATES_DIR / OPPORTUNITIES_FILE,
        "DIA – energy opportunities",
        OPPORTUNITY_COLUMNS,
        "DIA Monitor – energieprojecten en -kansen / Energieprojekte und -chancen",
        [
            "NL: Eén regel per project. Vul het blad 'Data' in en laat de kolomnamen staan; "
            "verplichte kolommen zijn vet. Het dashboard zoekt bij elk project lidbedrijven aan "
            "de andere kant van de grens waarvan de activiteit (NACE) bij de techniek past.",
            "DE: Eine Zeile je Projekt. Füllen Sie das Tabellenblatt 'Data' aus und lassen Sie die "
            "Spaltennamen stehen; Pflichtspalten sind fett. Das Dashboard sucht zu jedem Projekt "
            "Mitgliedsunternehmen auf der anderen Seite der Grenze, deren Tätigkeit (NACE) zur "
            "Technologie passt.",
        ],
        lambda count: {
            "technology": _choices(technologies),
            "stage": _choices(list(STAGE_CHOICES.values())),
            "lead_association": _choices(["OE", "WVE"]),
            "region": _region_choices(count),
            "capacity_mw": _number("decimal", 0, 100_000),
            "start_year": _number("integer", 2000, 2100),
        },
        municipal_only=False,
    )


def write_capacity_template(path: Path | None = None) -> Path:
    technologies = [TECHNOLOGY_CHOICES[code] for code in CAPACITY_TECHNOLOGIES]
    return _write_template(
        path or TEMPLATES_DIR / CAPACITY_FILE,
        "DIA – installed capacity",
        CAPACITY_COLUMNS,
        "DIA Monitor – opgesteld vermogen / installierte Leistung",
        [
            "NL: Eén regel per gemeente, jaar en techniek. Een echt cijfer vervangt in het "
            "dashboard een voorbeeldcijfer; het Marktstammdatenregister gaat voor dit sjabloon.",
            "DE: Eine Zeile je Gemeinde, Jahr und Technologie. Eine echte Zahl ersetzt im "
            "Dashboard eine Beispielzahl; das Marktstammdatenregister hat Vorrang vor dieser "
            "Vorlage.",
        ],
        lambda count: {
            "technology": _choices(technologies),
            "sample": _choices(["nee", "ja"]),
            "region_code": _region_choices(count),
            "year": _number("integer", 1990, 2100),
            "capacity_mw": _number("decimal", 0, 100_000),
        },
        municipal_only=True,
    )


def write_templates(folder: Path | None = None) -> list[Path]:
    """Both energy templates (``python -m etl templates``)."""
    folder = folder or TEMPLATES_DIR
    return [
        write_opportunity_template(folder / OPPORTUNITIES_FILE),
        write_capacity_template(folder / CAPACITY_FILE),
    ]
