"""Long-format energy template (``energy_capacity_longformat``): one capacity figure per row.

For installed capacity that comes without a machine-readable download (a gemeente's
monitoring report, a grid operator's figures) and for the generated NL sample figures. Columns
(Dutch, German or English headers): region code (a gemeente ``GM0114`` or a Gemeinde
``03454032``), year (end of year), technology (solar, wind, biomass, hydro), capacity in MW
(or a kW column), source; optional region name and a sample flag. A "Voorbeelddata /
Beispieldaten" line above the header marks the whole file as sample data.

Capacity is stored per municipality: larger areas are sums the build computes, so a row for a
Samtgemeinde, the Kreis or CR08 is rejected rather than counted twice.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Final

import pandas as pd

from core.i18n import N_
from etl.energy.vocabulary import (
    CAPACITY_TECHNOLOGIES,
    MUNICIPAL_LEVELS,
    is_sample_marker,
    is_yes,
    region_by_text,
    technology_code,
)
from etl.model import ReadResult, SourceInfo
from etl.readers.sheets import Cell, alias_index, cell_number, cell_text, detect_header, load_table
from etl.readers.textfile import RejectCollector, slug

KIND: Final = "energy_capacity_longformat"
SAMPLE_TITLE: Final = "Voorbeelddata / Beispieldaten"
TEMPLATE_PRIORITY: Final = 2  # a register or statistics table wins where both have a figure
ALIASES: Final = alias_index(
    {
        "region_code": "regiocode gemeentecode regio_code regionalschluessel regionalschlussel "
        "gemeindeschluessel ags gebietscode code",
        "region_name": "regionaam regio gemeente gemeinde region gebiet naam name",
        "year": "jaar jahr peiljaar stichtag_jahr",
        "technology": "techniek technologie energiebron energietraeger energietrager bron_type",
        "capacity_mw": "capacity vermogen_mw opgesteld_vermogen_mw capaciteit_mw "
        "leistung_mw installierte_leistung_mw mw",
        "capacity_kw": "vermogen_kw opgesteld_vermogen_kw capaciteit_kw leistung_kw "
        "installierte_leistung_kw kw",
        "source": "bron quelle",
        "sample": "voorbeelddata beispieldaten is_sample voorbeeld beispiel",
    }
)
REQUIRED: Final = ("region_code", "year", "technology", "source")

REJECT_REGION: Final = N_(
    "Region code {value} in column {column} is not a gemeente or Gemeinde of the project area "
    "(larger areas are summed by the build)"
)
REJECT_YEAR: Final = N_("Year {value} in column {column} is not a four-digit year")
REJECT_TECHNOLOGY: Final = N_(
    "Technology {value} in column {column} is not one of solar, wind, biomass, hydro"
)
REJECT_CAPACITY: Final = N_("Capacity {value} in column {column} is not a number of 0 or more")
REJECT_REQUIRED: Final = N_("Column {column} is empty but required")
REJECT_DUPLICATE: Final = N_("Same region, year and technology as row {first}")


def detect(path: Path) -> str | None:
    for capacity in ("capacity_mw", "capacity_kw"):
        if detect_header(path, ALIASES, (*REQUIRED, capacity)):
            return KIND
    return None


def read(path: Path) -> ReadResult:
    table = load_table(path, ALIASES, REQUIRED)
    columns, names = table.header.columns, table.header.names
    capacity_column = "capacity_mw" if "capacity_mw" in columns else "capacity_kw"
    if capacity_column not in columns:
        raise ValueError("no capacity column (MW or kW)")
    factor = 1.0 if capacity_column == "capacity_mw" else 0.001
    file_is_sample = any(is_sample_marker(cell) for row in table.above_header() for cell in row)
    rejects = RejectCollector(path.name, sheet=table.sheet)
    rows: list[dict[str, object]] = []
    seen: dict[tuple[str, int, str], int] = {}
    sources: dict[str, tuple[str, bool, set[int]]] = {}
    skipped = 0
    for number, cells in table.body():
        raw: dict[str, Cell] = {
            column: cells[index] if index < len(cells) else None
            for column, index in columns.items()
        }
        text = {column: cell_text(cell) for column, cell in raw.items()}
        if not any(text.values()):
            skipped += 1
            continue
        before = len(rejects.rejects)

        def reject(reason: str, column: str, **params: object) -> None:
            rejects.add(
                reason,
                row_number=number,  # noqa: B023 - used before the loop moves on
                column_name=names.get(column, column),
                value=text.get(column, ""),  # noqa: B023
                **params,
            )

        region = region_by_text(text["region_code"]) if text["region_code"] else None
        if region is None or region.level not in MUNICIPAL_LEVELS:
            reject(REJECT_REGION, "region_code")
        year = _year(raw["year"])
        if year is None:
            reject(REJECT_YEAR, "year")
        technology = technology_code(text["technology"])
        if technology not in CAPACITY_TECHNOLOGIES:
            reject(REJECT_TECHNOLOGY, "technology")
        capacity = _capacity(raw[capacity_column], table.decimal)
        if capacity is None:
            reject(REJECT_CAPACITY, capacity_column)
        if not text["source"]:
            reject(REJECT_REQUIRED, "source")
        if len(rejects.rejects) > before:
            continue
        assert region is not None and year is not None and technology and capacity is not None
        key = (region.region_id, year, technology)
        if key in seen:
            reject(REJECT_DUPLICATE, "region_code", first=seen[key])
            continue
        seen[key] = number
        sample = file_is_sample or is_yes(text.get("sample", ""))
        source_id = f"energy_template:{slug(text['source'])[:60]}" + (":sample" if sample else "")
        sources.setdefault(source_id, (text["source"], sample, set()))[2].add(year)
        rows.append(
            {
                "region_code": region.region_id,
                "year": year,
                "technology": technology,
                "capacity_mw": capacity * factor,
                "priority": TEMPLATE_PRIORITY,
                "file": path.name,
                "sheet": table.sheet,
                "row_number": number,
                "source_id": source_id,
            }
        )
    return ReadResult(
        file=path.name,
        kind=KIND,
        tables={"energy_capacity": pd.DataFrame(rows)},
        rejects=rejects.rejects,
        sources=[_source(sid, *found) for sid, found in sorted(sources.items())],
        skipped=skipped,
    )


def _year(cell: Cell) -> int | None:
    if isinstance(cell, dt.date):
        return cell.year
    text = cell_text(cell)
    if text.isdigit() and len(text) == 4 and 1990 <= int(text) <= 2100:
        return int(text)
    return None


def _capacity(cell: Cell, decimal: str | None) -> float | None:
    value = cell_number(cell, decimal)
    return value if value is not None and value >= 0 else None


def _source(source_id: str, name: str, sample: bool, years: set[int]) -> SourceInfo:
    vintage = (
        f"{min(years)}-12-31" if len(years) == 1 else f"{min(years)}-12-31 – {max(years)}-12-31"
    )
    return SourceInfo(
        source_id=source_id,
        title=name if not sample or is_sample_marker(name) else f"{SAMPLE_TITLE} – {name}",
        publisher="DIA Monitor (generated sample)" if sample else name,
        licence="",
        attribution=name,
        vintage=vintage,
        is_sample=sample,
    )
