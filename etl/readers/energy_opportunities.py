"""Energy projects and opportunities (``energy_opportunities``): one project per row.

The associations keep a list of projects that need partners or skills: title, region (code or
name), technology (wind, solar, hydrogen, heat, biogas, grid/storage), stage, capacity (MW),
partners sought, the occupations needed as ISCO-08 codes, and the lead association (OE or
WVE). Headers may be Dutch, German or English (``data/templates/energy_opportunities.xlsx``
uses the English names and explains them in both languages). A "Voorbeelddata /
Beispieldaten" line above the header marks the file as sample data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Final

import pandas as pd

from core.i18n import N_
from etl import crosswalks
from etl.energy.vocabulary import (
    OPPORTUNITY_TECHNOLOGIES,
    is_sample_marker,
    region_by_text,
    stage_code,
    technology_code,
)
from etl.model import ReadResult, SourceInfo
from etl.normalise import text_key
from etl.readers.sheets import Cell, alias_index, cell_number, cell_text, detect_header, load_table
from etl.readers.textfile import RejectCollector

KIND: Final = "energy_opportunities"
ALIASES: Final = alias_index(
    {
        "opportunity_id": "id nr nummer projectnummer projektnummer",
        "title": "titel project projectnaam projekt projektname naam_project",
        "description": "omschrijving beschrijving toelichting beschreibung erläuterung",
        "region": "regio region_code regiocode locatie gemeente_regio standort region_gebiet",
        "technology": "techniek technologie energiebron energieträger",
        "stage": "fase stadium projectfase phase projektphase stand",
        "capacity_mw": "capacity vermogen_mw vermogen capaciteit_mw leistung_mw leistung",
        "start_year": "startjaar start_jaar startjahr start_jahr start",
        "partners_sought": "gezochte_partners partners_gezocht partners gesuchte_partner "
        "partner_gesucht partner",
        "skills": "skills_isco isco isco_codes benodigde_beroepen_isco_08 benodigde_beroepen "
        "beroepen_isco benötigte_berufe_isco_08 benötigte_berufe berufe_isco fachkräfte_isco",
        "lead_association": "lead trekker penvoerder vereniging federführung federführend "
        "verband lead_verband",
    }
)
REQUIRED: Final = ("title", "region", "technology", "stage", "lead_association")
_ASSOCIATIONS: Final[dict[str, str]] = {
    text_key(name): code
    for code, names in {
        "OE": ("OE", "Ondernemend Emmen"),
        "WVE": ("WVE", "Wirtschaftsverband Emsland"),
    }.items()
    for name in names
}
_SKILL_SPLIT_RE: Final = re.compile(r"[;,/\s]+")
_ISCO_RE: Final = re.compile(r"^\d{2,4}$")

REJECT_REQUIRED: Final = N_("Column {column} is empty but required")
REJECT_REGION: Final = N_(
    "Region {value} in column {column} is not a code or name of a region of the project area"
)
REJECT_TECHNOLOGY: Final = N_(
    "Technology {value} in column {column} is not one of wind, solar, hydrogen, heat, biogas, "
    "grid/storage"
)
REJECT_STAGE: Final = N_(
    "Stage {value} in column {column} is not one of idea, feasibility, permitting, "
    "construction, operation"
)
REJECT_ASSOCIATION: Final = N_("Lead association {value} in column {column} is not OE or WVE")
REJECT_CAPACITY: Final = N_("Capacity {value} in column {column} is not a number of 0 or more")
REJECT_YEAR: Final = N_("Year {value} in column {column} is not a four-digit year")
REJECT_SKILL: Final = N_(
    "Occupation {code} in column {column} is not an ISCO-08 code of 2 to 4 digits"
)
REJECT_DUPLICATE_ID: Final = N_("Same project id as row {first}")


def detect(path: Path) -> str | None:
    return KIND if detect_header(path, ALIASES, REQUIRED) else None


def read(path: Path) -> ReadResult:
    table = load_table(path, ALIASES, REQUIRED)
    columns, names = table.header.columns, table.header.names
    sample = any(is_sample_marker(cell) for row in table.above_header() for cell in row)
    parser = _RowParser(names, table.decimal, RejectCollector(path.name, sheet=table.sheet))
    rows: list[dict[str, object]] = []
    first_row: dict[str, int] = {}
    skipped = 0
    for number, cells in table.body():
        raw = {
            column: cells[index] if index < len(cells) else None
            for column, index in columns.items()
        }
        if not any(cell_text(cell) for cell in raw.values()):
            skipped += 1
            continue
        row = parser.parse(number, raw)
        if row is None:
            continue
        key = str(row["opportunity_id"])
        if key in first_row:
            parser.reject(number, "opportunity_id", raw, REJECT_DUPLICATE_ID, first=first_row[key])
            continue
        first_row[key] = number
        rows.append({**row, "file": path.name, "sheet": table.sheet, "row_number": number})
    source_id = f"energy_opportunities:{path.stem}"
    for row in rows:
        row["source_id"] = source_id
    leads = "/".join(sorted({str(row["lead_association"]) for row in rows}))
    source = SourceInfo(
        source_id=source_id,
        title=("Voorbeelddata / Beispieldaten – " if sample else "")
        + f"Energieprojecten / Energieprojekte ({leads})",
        publisher="DIA Monitor (generated sample)"
        if sample
        else "Ondernemend Emmen / Wirtschaftsverband Emsland",
        licence="",
        attribution="DIA (OE, WVE)",
        # the list is as current as the file was when it was saved
        vintage=dt.date.fromtimestamp(path.stat().st_mtime).isoformat(),
        is_sample=sample,
    )
    return ReadResult(
        file=path.name,
        kind=KIND,
        tables={"energy_opportunity": pd.DataFrame(rows)},
        rejects=parser.rejects.rejects,
        sources=[source] if rows else [],
        skipped=skipped,
    )


class _RowParser:
    """One row → a staging record, or rejects naming row, column and value."""

    def __init__(self, names: dict[str, str], decimal: str | None, rejects: RejectCollector):
        self.names = names
        self.decimal = decimal
        self.rejects = rejects

    def reject(
        self, number: int, column: str, raw: dict[str, Cell], reason: str, **params: object
    ) -> None:
        self.rejects.add(
            reason,
            row_number=number,
            column_name=self.names.get(column, column),
            value=cell_text(raw.get(column)),
            **params,
        )

    def parse(self, number: int, raw: dict[str, Cell]) -> dict[str, object] | None:
        text = {column: cell_text(cell) for column, cell in raw.items()}
        before = len(self.rejects.rejects)
        for column in REQUIRED:
            if not text[column]:
                self.reject(number, column, raw, REJECT_REQUIRED)
        region = region_by_text(text["region"]) if text["region"] else None
        if text["region"] and region is None:
            self.reject(number, "region", raw, REJECT_REGION)
        technology = technology_code(text["technology"]) if text["technology"] else None
        if text["technology"] and technology not in OPPORTUNITY_TECHNOLOGIES:
            self.reject(number, "technology", raw, REJECT_TECHNOLOGY)
        stage = stage_code(text["stage"]) if text["stage"] else None
        if text["stage"] and stage is None:
            self.reject(number, "stage", raw, REJECT_STAGE)
        lead = _ASSOCIATIONS.get(text_key(text["lead_association"]))
        if text["lead_association"] and lead is None:
            self.reject(number, "lead_association", raw, REJECT_ASSOCIATION)
        capacity = self._capacity(raw.get("capacity_mw"))
        if capacity is False:
            self.reject(number, "capacity_mw", raw, REJECT_CAPACITY)
        start_year = text.get("start_year", "")
        if start_year and not (start_year.isdigit() and len(start_year) == 4):
            self.reject(number, "start_year", raw, REJECT_YEAR)
        skills = []
        for code in _SKILL_SPLIT_RE.split(text.get("skills", "")):
            if not code:
                continue
            if _ISCO_RE.match(code) and _has_isco_group(code):
                skills.append(code)
            else:
                self.reject(number, "skills", raw, REJECT_SKILL, code=code)
        if len(self.rejects.rejects) > before or region is None:
            return None
        opportunity_id = text.get("opportunity_id") or _derived_id(text["title"], region.region_id)
        return {
            "opportunity_id": opportunity_id,
            "title": text["title"],
            "description": text.get("description") or None,
            "region_id": region.region_id,
            "technology": technology,
            "stage": stage,
            "capacity_mw": capacity if isinstance(capacity, float) else None,
            "start_year": int(start_year) if start_year else None,
            "partners_sought": text.get("partners_sought") or None,
            "skills": ";".join(dict.fromkeys(skills)) or None,
            "lead_association": lead,
        }

    def _capacity(self, cell: Cell) -> float | bool | None:
        """The capacity in MW; ``None`` when empty, ``False`` when not a number of 0 or more."""
        if cell is None or cell_text(cell) == "":
            return None
        value = cell_number(cell, self.decimal)
        return value if value is not None and value >= 0 else False


def _has_isco_group(code: str) -> bool:
    try:
        crosswalks.isco_group(code, 2)
    except ValueError:
        return False
    return True


def _derived_id(title: str, region_id: str) -> str:
    """A stable id for rows without one: the same project keeps it from build to build."""
    digest = hashlib.sha1(f"{text_key(title)}|{region_id}".encode()).hexdigest()
    return f"EO-{digest[:10]}"
