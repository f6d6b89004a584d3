"""Installed renewable capacity per Gemeinde from the Marktstammdatenregister (MaStR).

The files are the units of the public MaStR unit list summed per Gemeindeschlüssel (as
LocalZero publishes them): ``ags,pv,wind_on,biomass,water`` in kW, one row per AGS, plus rows
for the Kreis (``03454000``), the Land (``03000000``) and Germany (``DG000000``). Recognised by
that header. The cut-off year comes from a ``year``/``Jahr`` column or else from the file name
(``mastr_emsland_2023.csv``), because the file itself does not say it.

Becomes ``energy_capacity`` rows (MW) for the Gemeinden of the project area and
``energy_capacity_total`` rows for the published totals, which the build compares with the sum
of the Gemeinden (``etl/sql/checks/energy_kreis_total.sql``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

import pandas as pd

from core.i18n import N_
from etl.energy.vocabulary import MUNICIPAL_LEVELS, project_regions
from etl.model import ReadResult, Reject, SourceInfo
from etl.readers.sheets import cell_text, detect_header, load_table
from etl.readers.textfile import RejectCollector, parse_number

KIND: Final = "mastr_capacity"
# Where figures overlap, a register wins over a hand-filled template (transform/030_energy.sql).
PUBLISHED_PRIORITY: Final = 1
PUBLISHER: Final = "Bundesnetzagentur"
LICENCE: Final = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"
ATTRIBUTION: Final = "© Bundesnetzagentur, Marktstammdatenregister"

# MaStR energy carrier columns → our technology codes. Older files call onshore wind "wind".
TECHNOLOGY_COLUMNS: Final[dict[str, str]] = {
    "pv": "solar",
    "windon": "wind",
    "wind": "wind",
    "biomass": "biomass",
    "water": "hydro",
}
ALIASES: Final[dict[str, str]] = {
    "ags": "ags",
    "gemeindeschluessel": "ags",
    "gemeindeschlussel": "ags",
    "year": "year",
    "jahr": "year",
    **{key: key for key in TECHNOLOGY_COLUMNS},
}
REQUIRED: Final = ("ags", "pv")
# Totals published with the Gemeinden: Germany and the Länder (``03000000``).
_LAND_RE: Final = re.compile(r"^(\d\d)000000$")
_KREIS_RE: Final = re.compile(r"^(\d{5})000$")
_YEAR_RE: Final = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
TOTAL_NAMES: Final[dict[str, str]] = {"DG": "Deutschland", "03": "Niedersachsen"}

REJECT_NO_YEAR: Final = N_(
    "No cut-off year: add a year column or put the year in the file name (mastr_emsland_2023.csv)"
)
REJECT_YEAR: Final = N_("Year {value} in column {column} is not a four-digit year")
REJECT_CAPACITY: Final = N_(
    "Capacity {value} in column {column} is not a number of kW of 0 or more"
)
REJECT_UNKNOWN_GEMEINDE: Final = N_(
    "Gemeindeschlüssel {value} is not a Gemeinde of the Landkreis Emsland"
)


def detect(path: Path) -> str | None:
    if path.suffix.lower() not in {".csv", ".txt"}:
        return None
    return KIND if detect_header(path, ALIASES, REQUIRED) else None


def _ags(text: str) -> str:
    """An AGS as written; Excel drops the leading zero of Lower Saxony's ``03…``."""
    stripped = text.strip()
    return stripped.zfill(8) if stripped.isdigit() and len(stripped) == 7 else stripped


def read(path: Path) -> ReadResult:
    table = load_table(path, ALIASES, REQUIRED)
    columns = table.header.columns
    names = table.header.names
    rejects = RejectCollector(path.name, sheet=table.sheet)
    regions = project_regions()
    years_in_name = _YEAR_RE.findall(path.stem)
    file_year = years_in_name[-1] if years_in_name else ""
    if "year" not in columns and not file_year:
        reject = Reject(file=path.name, reason=REJECT_NO_YEAR, sheet=table.sheet)
        return ReadResult(file=path.name, kind=KIND, rejects=[reject])
    capacity: list[dict[str, object]] = []
    totals: list[dict[str, object]] = []
    skipped = outside = 0
    for number, row in table.body():
        cells = [cell_text(cell) for cell in row]
        if not any(cells):
            skipped += 1
            continue
        ags = _ags(cells[columns["ags"]])
        year_text = (cells[columns["year"]] if "year" in columns else "") or file_year
        if not (year_text.isdigit() and len(year_text) == 4):
            rejects.add(
                REJECT_YEAR, row_number=number, column_name=names.get("year"), value=year_text
            )
            continue
        year = int(year_text)
        region = regions.get(ags)
        land, kreis = _LAND_RE.match(ags), _KREIS_RE.match(ags)
        if region is not None and region.level in MUNICIPAL_LEVELS:
            target, code, name = capacity, region.region_id, region.name
        elif ags == "DG000000" or land:
            code = "DG" if ags == "DG000000" else ags[:2]
            target, name = totals, TOTAL_NAMES.get(code, code)
        elif kreis and kreis.group(1) in regions:
            code = kreis.group(1)
            target, name = totals, regions[code].name
        elif ags.startswith("03454"):
            rejects.add(
                REJECT_UNKNOWN_GEMEINDE, row_number=number, column_name=names["ags"], value=ags
            )
            continue
        else:
            outside += 1  # the national file has every Gemeinde; ours are the Emsland ones
            continue
        for column, technology in TECHNOLOGY_COLUMNS.items():
            if column not in columns:
                continue
            text = cells[columns[column]] if columns[column] < len(cells) else ""
            kw = _kilowatts(text)
            if kw is None:
                rejects.add(
                    REJECT_CAPACITY, row_number=number, column_name=names[column], value=text
                )
                continue
            target.append(
                {
                    "region_code": code,
                    "region_name": name,
                    "year": year,
                    "technology": technology,
                    "capacity_mw": kw / 1000,
                    "priority": PUBLISHED_PRIORITY,
                    "file": path.name,
                    "row_number": number,
                }
            )
    years = sorted({int(str(row["year"])) for row in capacity + totals})
    sources = [_source(year) for year in years]
    for record in capacity + totals:
        record["source_id"] = f"mastr_{record['year']}"
    notes = [f"{outside} row(s) outside the Landkreis Emsland left out"] if outside else []
    return ReadResult(
        file=path.name,
        kind=KIND,
        tables={
            "energy_capacity": pd.DataFrame(capacity).drop(columns="region_name", errors="ignore"),
            "energy_capacity_total": pd.DataFrame(totals).drop(
                columns=["file", "row_number", "priority"], errors="ignore"
            ),
        },
        rejects=rejects.rejects,
        sources=sources,
        notes=notes,
        skipped=skipped + outside,
    )


def _kilowatts(text: str) -> float | None:
    """kW as LocalZero writes them (decimal point); "" and "-" are no units (0 kW)."""
    if text in {"", "-"}:
        return 0.0
    try:
        value = parse_number(text, ".")
    except ValueError:
        return None
    return value if value >= 0 else None


def _source(year: int) -> SourceInfo:
    return SourceInfo(
        source_id=f"mastr_{year}",
        title=f"Marktstammdatenregister – installierte Leistung je Gemeinde, Stand 31.12.{year}",
        publisher=PUBLISHER,
        licence=LICENCE,
        attribution=ATTRIBUTION,
        vintage=f"{year}-12-31",
    )
