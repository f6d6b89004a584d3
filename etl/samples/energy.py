"""Sample energy files: NL capacity where no real figure is at hand, and project lists.

- ``energie_vermogen_zuidoost_drenthe.csv``: installed capacity of the three NL gemeenten at
  the end of 2021 and 2023 in the long-format energy template (Dutch headers, ``;``, decimal
  comma). The Emsland side needs no sample: the real MaStR figures ship in
  ``data/reference/inputs/energy_de``. Where a real NL figure is loaded (a CBS StatLine
  download), the build uses it instead of the sample one.
- ``oe_energiekansen.xlsx`` and ``wve_energieprojekte.xlsx``: energy projects looking for
  partners and skills, as each association might keep them (Dutch and German headers).

The projects are modelled on public plans in the region (hydrogen at Emmtec/Bargermeer,
solar parks around Coevorden, repowering in Emsland, Energiepark Lingen / GET H2), but names,
sizes and stages are invented. Every file says "Voorbeelddata / Beispieldaten" above its
header, which is how the readers mark their source as sample. Deterministic: fixed tables,
no randomness, so the files are identical on every run.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Final

import xlsxwriter

MARKER: Final = "Voorbeelddata / Beispieldaten"
CAPACITY_FILE: Final = "energie_vermogen_zuidoost_drenthe.csv"
OE_FILE: Final = "oe_energiekansen.xlsx"
WVE_FILE: Final = "wve_energieprojekte.xlsx"

# (gemeente, name, technology, MW end 2021, MW end 2023). Orders of magnitude from public
# reporting (CBS: solar at businesses in Emmen 73 MW at the end of 2019; the wind parks near
# Borger-Odoorn and Coevorden); the figures themselves are invented.
NL_CAPACITY: Final[tuple[tuple[str, str, str, float, float], ...]] = (
    ("GM0114", "Emmen", "zon", 262.4, 338.9),
    ("GM0114", "Emmen", "wind", 12.0, 12.0),
    ("GM0114", "Emmen", "biomassa", 14.6, 16.2),
    ("GM0109", "Coevorden", "zon", 151.3, 206.8),
    ("GM0109", "Coevorden", "wind", 0.0, 39.2),
    ("GM0109", "Coevorden", "biomassa", 6.1, 7.4),
    ("GM1681", "Borger-Odoorn", "zon", 71.5, 96.3),
    ("GM1681", "Borger-Odoorn", "wind", 117.6, 117.6),
    ("GM1681", "Borger-Odoorn", "biomassa", 2.9, 3.1),
)
CAPACITY_SOURCE: Final = f"{MARKER} – DIA-voorbeeldcijfers opgesteld vermogen (geen echte cijfers)"

NL_HEADER: Final = (
    "Nr",
    "Titel",
    "Regio",
    "Techniek",
    "Fase",
    "Vermogen (MW)",
    "Startjaar",
    "Gezochte partners",
    "Benodigde beroepen (ISCO-08)",
    "Trekker",
    "Omschrijving",
)
DE_HEADER: Final = (
    "Nr.",
    "Titel",
    "Standort",
    "Technologie",
    "Phase",
    "Leistung (MW)",
    "Startjahr",
    "Gesuchte Partner",
    "Benötigte Berufe (ISCO-08)",
    "Federführung",
    "Beschreibung",
)
Row = tuple[str, str, str, str, str, float | None, int | None, str, str, str, str]
OE_ROWS: Final[tuple[Row, ...]] = (
    (
        "OE-E01",
        "Groene waterstof Bargermeer: elektrolyser 20 MW",
        "GM0114 Emmen",
        "waterstof / Wasserstoff",
        "haalbaarheid / Machbarkeit",
        20.0,
        2027,
        "Leveranciers elektrolyse en compressie, installatietechniek, afnemers op het "
        "Emmtec-terrein",
        "2151, 3113, 7411, 7233, 3115",
        "OE",
        "Voorbeeld: elektrolyser naast het zonnepark, waterstof voor de industrie op Emmtec.",
    ),
    (
        "OE-E02",
        "Waterstofketen Emmtec Industry & Business Park",
        "GM0114",
        "waterstof / Wasserstoff",
        "idee / Idee",
        None,
        2028,
        "Chemische industrie als afnemer, transport en opslag, engineering",
        "2145, 3133, 8131",
        "OE",
        "Voorbeeld: vraag en aanbod van waterstof op één bedrijventerrein bundelen.",
    ),
    (
        "OE-E03",
        "Uitbreiding zonnepark bij Dalen",
        "GM0109",
        "zon / Solar",
        "vergunning / Genehmigung",
        35.0,
        2026,
        "Civiele techniek, installateurs, netaansluiting en opslag",
        "7411, 7412, 3112, 9313",
        "OE",
        "Voorbeeld: zonnepark met batterij om netcongestie te beperken.",
    ),
    (
        "OE-E04",
        "Zon op bedrijfsdaken Europark Coevorden-Emlichheim",
        "Coevorden",
        "zon / Solar",
        "bouw / Bau",
        8.0,
        2025,
        "Dakdekkers, installateurs, energiecoöperatie aan beide kanten van de grens",
        "7121, 7411",
        "OE",
        "Voorbeeld: gezamenlijke inkoop en installatie op het grensoverschrijdende Europark.",
    ),
    (
        "OE-E05",
        "Warmtenet Emmen-Centrum met restwarmte",
        "GM0114",
        "warmte / Wärme",
        "haalbaarheid / Machbarkeit",
        15.0,
        2028,
        "Leidingbouw, warmtepompen, engineering",
        "7126, 7127, 2144",
        "OE",
        "Voorbeeld: restwarmte van de industrie naar woningen en utiliteit.",
    ),
    (
        "OE-E06",
        "Batterijopslag bij zonnepark Borger-Odoorn",
        "GM1681",
        "net en opslag / Netz und Speicher",
        "idee / Idee",
        12.0,
        2027,
        "Opslagleveranciers, netbeheer, energiemanagementsoftware",
        "2151, 3113, 2512",
        "OE",
        "Voorbeeld: batterij om zonnestroom later op de dag te leveren.",
    ),
    (
        "OE-E07",
        "Groengas uit mest: boerencoöperatie Exloo",
        "Borger-Odoorn",
        "biogas / Biogas",
        "haalbaarheid / Machbarkeit",
        2.5,
        2027,
        "Vergistingsinstallaties, agrarische bedrijven, gasnet",
        "7233, 3142, 8131",
        "OE",
        "Voorbeeld: mestvergisting met opwaardering tot groengas.",
    ),
)
WVE_ROWS: Final[tuple[Row, ...]] = (
    (
        "WVE-E01",
        "Repowering Windpark Haren (Ems): 12 alte gegen 6 neue Anlagen",
        "03454018",
        "wind / Wind",
        "vergunning / Genehmigung",
        40.0,
        2026,
        "Fundamente, Kranlogistik, Rückbau und Recycling, Service",
        "7411, 7412, 7233, 8343, 3113",
        "WVE",
        "Beispiel: weniger, aber größere Anlagen am selben Standort.",
    ),
    (
        "WVE-E02",
        "Repowering Windpark Lorup/Werlte",
        "034545409",
        "wind / Wind",
        "haalbaarheid / Machbarkeit",
        30.0,
        2027,
        "Planung, Netzanschluss, Wartung",
        "2151, 3113, 7412",
        "WVE",
        "Beispiel: Repowering mit Bürgerbeteiligung.",
    ),
    (
        "WVE-E03",
        "Energiepark Lingen / GET H2: Elektrolyse und H2-Leitung",
        "Lingen (Ems)",
        "waterstof / Wasserstoff",
        "bouw / Bau",
        100.0,
        2025,
        "Anlagenbau, Rohrleitungsbau, Prüfdienste, Abnehmer in den Niederlanden",
        "2145, 3133, 7126, 7411, 2151",
        "WVE",
        "Beispiel: Elektrolyse in Lingen und Anschluss an das Wasserstoffnetz nach NL.",
    ),
    (
        "WVE-E04",
        "H2-Tankstelle und Wasserstoff-Lkw für Emsland-Logistik",
        "03454035",
        "waterstof / Wasserstoff",
        "idee / Idee",
        None,
        2027,
        "Transportunternehmen, Tankstellenbau, Werkstätten",
        "8332, 7231",
        "WVE",
        "Beispiel: gemeinsame Tankstelle für Speditionen in Meppen.",
    ),
    (
        "WVE-E05",
        "Agri-PV Freren",
        "034545402",
        "zon / Solar",
        "vergunning / Genehmigung",
        15.0,
        2026,
        "Landwirte, Montage, Netzanschluss",
        "7411, 6111",
        "WVE",
        "Beispiel: Photovoltaik über Ackerflächen.",
    ),
    (
        "WVE-E06",
        "Biogas-Aufbereitung zu Bioerdgas Haselünne",
        "Haselünne",
        "biogas / Biogas",
        "bouw / Bau",
        3.0,
        2025,
        "Anlagenbau, Gasnetz, Landwirtschaft",
        "7233, 3115, 8131",
        "WVE",
        "Beispiel: bestehende Biogasanlagen speisen Bioerdgas ins Netz ein.",
    ),
    (
        "WVE-E07",
        "Großbatteriespeicher Papenburg",
        "03454041",
        "net en opslag / Netz und Speicher",
        "haalbaarheid / Machbarkeit",
        50.0,
        2027,
        "Speicherhersteller, Netzbetreiber, Software",
        "2151, 3113, 2512",
        "WVE",
        "Beispiel: Speicher am Umspannwerk für Wind- und Solarstrom.",
    ),
    (
        "WVE-E08",
        "Abwärme Papenburg: Wärmenetz für Gewerbe",
        "Papenburg",
        "warmte / Wärme",
        "idee / Idee",
        None,
        2028,
        "Rohrleitungsbau, Wärmepumpen, Planung",
        "7126, 2144",
        "WVE",
        "Beispiel: Abwärme aus der Industrie für ein Gewerbegebiet.",
    ),
)


def write_capacity(path: Path) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow([f"{MARKER} – opgesteld vermogen Zuidoost-Drenthe (gegenereerd)"])
    writer.writerow([])
    writer.writerow(["regiocode", "gemeente", "jaar", "techniek", "vermogen_mw", "bron"])
    for code, name, technology, mw_2021, mw_2023 in NL_CAPACITY:
        for year, value in ((2021, mw_2021), (2023, mw_2023)):
            writer.writerow(
                [code, name, year, technology, f"{value:.1f}".replace(".", ","), CAPACITY_SOURCE]
            )
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def write_projects(
    path: Path, title: str, sheet_name: str, header: tuple[str, ...], rows: tuple[Row, ...]
) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    # a fixed creation date keeps the file identical from run to run
    workbook.set_properties({"created": dt.datetime(2025, 6, 30)})
    sheet = workbook.add_worksheet(sheet_name)
    bold = workbook.add_format({"bold": True})
    sheet.write(0, 0, f"{MARKER} – {title}", bold)
    sheet.write_row(2, 0, header, bold)
    for index, row in enumerate(rows, start=3):
        for column, value in enumerate(row):
            if value is not None:
                sheet.write(index, column, value)
    sheet.set_column(0, 0, 9)
    sheet.set_column(1, 1, 52)
    sheet.set_column(2, 10, 20)
    workbook.close()
    return path


def generate(out_dir: Path, scale: int = 1) -> list[Path]:
    """The energy sample files; ``scale`` does not apply (a fixed list of projects)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return [
        write_capacity(out_dir / CAPACITY_FILE),
        write_projects(
            out_dir / OE_FILE, "energiekansen (gegenereerd)", "Projecten", NL_HEADER, OE_ROWS
        ),
        write_projects(
            out_dir / WVE_FILE,
            "Energieprojekte (generiert)",
            "Projekte",
            DE_HEADER,
            tuple(_german(row) for row in WVE_ROWS),
        ),
    ]


def _german(row: Row) -> Row:
    """WVE writes technology and stage in German."""
    technology, stage = row[3].split(" / ")[1], row[4].split(" / ")[1]
    return (*row[:3], technology, stage, *row[5:])  # type: ignore[return-value]
