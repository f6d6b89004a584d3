"""Sample vacancies and job seekers by occupation for both sides of the border.

Two files in the long-format statistics template, as staff would fill them in from the
publications that have no machine-readable download:

- NL (``uwv_…_brc2014.csv``, Dutch headers, ``;``): UWV-style open vacancies and short-term
  WW recipients by BRC 2014 beroepsgroep for arbeidsmarktregio Drenthe (AM04);
- DE (``ba_…_kldb2010.xlsx``, German headers): BA-style registered vacancies (gemeldete
  Arbeitsstellen) and unemployed by target occupation (Arbeitslose nach Zielberuf) by KldB 2010
  Berufsgattung for Landkreis Emsland (03454).

Quarterly, ending 2024-Q4 (twelve quarters per unit of ``scale``, back to 2015-Q1 at most;
before 2022 the levels stay flat), with the published total over all occupations per quarter. The
figures are invented but plausible: tight for technicians, welders, electricians, truck
drivers, care and ICT on both sides; surplus in office and retail work; and a few groups where
one side's shortage meets the other side's surplus (hospitality, cleaning and order picking
tight in NL, assembly and warehouse clerks tight in DE). Every ``source`` starts with
"Voorbeelddata / Beispieldaten", which is how the reader marks the source as sample.
Deterministic: the same scale gives byte-identical files.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import xlsxwriter

MARKER: Final = "Voorbeelddata / Beispieldaten"
NL_FILE: Final = "uwv_drenthe_vacatures_werkzoekenden_brc2014.csv"
DE_FILE: Final = "ba_emsland_arbeitsstellen_arbeitslose_kldb2010.xlsx"
LAST_QUARTER: Final = (2024, 4)
QUARTERS: Final = 12  # per unit of scale: 2022-Q1 … 2024-Q4 at scale 1
# No quarter before both classifications were in use (BRC 2014 from 2014, KldB 2010 from 2011):
# larger scales add history back to here and no further.
FIRST_QUARTER: Final = (2015, 1)
SEED: Final = 20240630

# Seasonal factors per quarter: vacancies peak in spring, job seekers in winter.
VACANCY_SEASON: Final = {1: 0.98, 2: 1.04, 3: 1.01, 4: 0.97}
SEEKER_SEASON: Final = {1: 1.06, 2: 0.99, 3: 0.97, 4: 0.98}
NOISE: Final = 0.03


@dataclass(frozen=True)
class Occupation:
    code: str
    label: str
    vacancies: tuple[int, int]  # level in the first and in the last quarter
    job_seekers: tuple[int, int]


@dataclass(frozen=True)
class Side:
    country: str
    region_code: str
    region_name: str
    geography: str
    classification: str
    source: str
    unit: str
    measure_labels: dict[str, str]
    total: Occupation  # all occupations, as published next to the breakdown
    occupations: tuple[Occupation, ...]


NL: Final = Side(
    country="NL",
    region_code="AM04",
    region_name="Drenthe",
    geography="arbeidsmarktregio",
    classification="BRC2014",
    source=f"{MARKER} – UWV-stijl vacatures en WW per beroep (gegenereerd)",
    unit="aantal",
    measure_labels={
        "vacancies": "Openstaande vacatures (eind kwartaal)",
        "job_seekers": "Kortdurend werkzoekenden met WW-uitkering (< 6 maanden)",
    },
    total=Occupation("", "Totaal alle beroepen", (5400, 4500), (2150, 2950)),
    occupations=(
        Occupation("0721", "Technici bouwkunde en natuur", (260, 215), (70, 88)),
        Occupation("0723", "Procesoperators", (120, 102), (34, 44)),
        Occupation("0742", "Lassers en plaatwerkers", (150, 122), (30, 41)),
        Occupation("0744", "Machinemonteurs", (210, 172), (46, 62)),
        Occupation("0761", "Elektriciens en elektronicamonteurs", (232, 204), (40, 52)),
        Occupation("1214", "Vrachtwagenchauffeurs", (204, 176), (50, 62)),
        Occupation("1033", "Verpleegkundigen (mbo)", (168, 160), (24, 30)),
        Occupation("1051", "Verzorgenden", (282, 262), (88, 102)),
        Occupation("0811", "Software- en applicatieontwikkelaars", (96, 78), (18, 26)),
        Occupation("0821", "Gebruikersondersteuning ICT", (62, 46), (24, 34)),
        Occupation("0732", "Timmerlieden", (112, 82), (42, 56)),
        Occupation("0431", "Administratief medewerkers", (138, 118), (420, 486)),
        Occupation("0432", "Secretaresses", (34, 28), (112, 124)),
        Occupation("0332", "Verkoopmedewerkers detailhandel", (188, 168), (332, 366)),
        Occupation("0333", "Kassamedewerkers", (40, 34), (96, 108)),
        Occupation("1221", "Laders, lossers en vakkenvullers", (430, 392), (96, 114)),
        Occupation("0781", "Hulpkrachten bouw en industrie", (166, 150), (60, 72)),
        Occupation("0772", "Assemblagemedewerkers", (58, 48), (92, 112)),
        Occupation("1121", "Schoonmakers", (176, 164), (52, 62)),
        Occupation("0435", "Transportplanners en logistiek medewerkers", (68, 58), (112, 124)),
        Occupation("0434", "Boekhoudkundig medewerkers", (44, 38), (82, 88)),
        Occupation("1113", "Kelners en barpersoneel", (134, 112), (34, 44)),
        Occupation("1041", "Sociaal werkers, groeps- en woonbegeleiders", (122, 110), (56, 62)),
    ),
)

DE: Final = Side(
    country="DE",
    region_code="03454",
    region_name="Emsland, Landkreis",
    geography="kreis",
    classification="KldB2010",
    source=f"{MARKER} – BA-Stil Arbeitsstellen und Arbeitslose nach Beruf (generiert)",
    unit="Anzahl",
    measure_labels={
        "vacancies": "Gemeldete Arbeitsstellen (Bestand)",
        "job_seekers": "Arbeitslose nach Zielberuf (Bestand)",
    },
    total=Occupation("", "Insgesamt", (2950, 2450), (5850, 6900)),
    occupations=(
        Occupation(
            "27302", "Technische Produktionsplanung und -steuerung – Fachkraft", (92, 76), (38, 54)
        ),
        Occupation("26213", "Bauelektrik – Spezialist", (42, 36), (9, 13)),
        Occupation("24422", "Schweiß- und Verbindungstechnik – Fachkraft", (124, 98), (40, 56)),
        Occupation("25102", "Maschinenbau- und Betriebstechnik – Fachkraft", (212, 172), (96, 128)),
        Occupation("26212", "Bauelektrik – Fachkraft", (152, 130), (32, 44)),
        Occupation("26252", "Elektrische Betriebstechnik – Fachkraft", (82, 70), (18, 27)),
        Occupation("52122", "Berufskraftfahrer/innen (Güterverkehr/LKW)", (172, 142), (104, 138)),
        Occupation("82102", "Altenpflege – Fachkraft", (112, 116), (14, 18)),
        Occupation("81302", "Gesundheits- und Krankenpflege – Fachkraft", (92, 96), (11, 15)),
        Occupation("82101", "Altenpflege – Helfer", (56, 50), (198, 232)),
        Occupation("43413", "Softwareentwicklung – Spezialist", (36, 28), (13, 21)),
        Occupation("43102", "Informatik – Fachkraft", (31, 25), (18, 27)),
        Occupation("33322", "Zimmerer/Zimmerinnen – Fachkraft", (62, 50), (19, 29)),
        Occupation("71402", "Büro und Sekretariat – Fachkraft", (72, 60), (384, 452)),
        Occupation("71401", "Büro und Sekretariat – Helfer", (10, 8), (112, 132)),
        Occupation(
            "62102", "Verkauf ohne Produktspezialisierung – Fachkraft", (112, 96), (262, 304)
        ),
        Occupation("62112", "Kassierer/innen und Kartenverkäufer/innen", (16, 12), (62, 72)),
        Occupation("51311", "Lagerwirtschaft – Helfer", (128, 108), (524, 618)),
        Occupation("51312", "Lagerwirtschaft – Fachkraft", (84, 72), (36, 46)),
        Occupation("72212", "Buchhaltung – Fachkraft", (42, 36), (18, 24)),
        Occupation(
            "25112", "Maschinen- und Gerätezusammensetzer/innen – Fachkraft", (72, 58), (22, 31)
        ),
        Occupation("54101", "Reinigung – Helfer", (86, 80), (342, 384)),
        Occupation("63302", "Gastronomie – Fachkraft", (34, 28), (112, 132)),
        Occupation("83112", "Kinderbetreuung und -erziehung – Fachkraft", (52, 46), (14, 20)),
    ),
)
SIDES: Final = (NL, DE)


def quarters(scale: int = 1) -> list[tuple[int, int]]:
    """The sample quarters, oldest first, ending with ``LAST_QUARTER`` and starting no earlier
    than ``FIRST_QUARTER``."""
    year, quarter = LAST_QUARTER
    found = []
    for _ in range(QUARTERS * max(scale, 1)):
        if (year, quarter) < FIRST_QUARTER:
            break
        found.append((year, quarter))
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return found[::-1]


def _level(levels: tuple[int, int], position: float) -> float:
    """Linear path from the first to the last level; before the first quarter it stays flat."""
    start, end = levels
    return start + (end - start) * max(position, 0.0)


def figures(side: Side, scale: int = 1) -> Iterator[tuple[str, Occupation, str, int]]:
    """``(period, occupation, measure, value)`` for every quarter, occupation and measure."""
    periods = quarters(scale)
    span = QUARTERS - 1
    first = len(periods) - QUARTERS  # the trend runs over the last QUARTERS quarters
    for index, (year, quarter) in enumerate(periods):
        position = (index - first) / span
        for occupation in (side.total, *side.occupations):
            # one generator per figure: adding an occupation leaves the others unchanged
            rng = random.Random(f"{SEED}:{side.country}:{occupation.code}:{year}:{quarter}")
            for measure, levels, season in (
                ("vacancies", occupation.vacancies, VACANCY_SEASON),
                ("job_seekers", occupation.job_seekers, SEEKER_SEASON),
            ):
                noise = 1 + rng.uniform(-NOISE, NOISE)
                value = round(_level(levels, position) * season[quarter] * noise)
                yield f"{year}-Q{quarter}", occupation, measure, max(value, 0)


def rows(side: Side, scale: int = 1) -> list[list[str | int]]:
    """Template rows in the canonical column order of ``TEMPLATE_COLUMNS``."""
    return [
        [
            side.region_code,
            side.region_name,
            period,
            measure,
            side.measure_labels[measure],
            side.classification if occupation.code else "",
            occupation.code,
            occupation.label,
            value,
            side.unit,
            side.source,
            side.geography,
        ]
        for period, occupation, measure, value in figures(side, scale)
    ]


NL_HEADER: Final = (
    "regiocode",
    "regionaam",
    "periode",
    "maatstaf",
    "maatstaf_omschrijving",
    "classificatie",
    "code",
    "omschrijving",
    "waarde",
    "eenheid",
    "bron",
    "geografie",
)
DE_HEADER: Final = (
    "Regionalschlüssel",
    "Gebiet",
    "Zeitraum",
    "Merkmal",
    "Merkmalsbezeichnung",
    "Klassifikation",
    "Code",
    "Klassenbezeichnung",
    "Wert",
    "Einheit",
    "Quelle",
    "Gebietsebene",
)


def write_nl(path: Path, scale: int = 1) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(NL_HEADER)
        writer.writerows(rows(NL, scale))
    return path


def write_de(path: Path, scale: int = 1) -> Path:
    book = xlsxwriter.Workbook(str(path))
    book.set_properties(
        {
            "title": "Arbeitsmarkt Emsland nach Berufen (KldB 2010)",
            "subject": MARKER,
            "keywords": "sample, voorbeelddata, Beispieldaten",
            "created": dt.datetime(2025, 6, 30, 12, 0, 0),
        }
    )
    sheet = book.add_worksheet("Data")
    bold = book.add_format({"bold": True})
    text = book.add_format({"num_format": "@"})
    sheet.write_string(0, 0, f"{MARKER}: erfundene Zahlen im Format der BA-Statistik", bold)
    sheet.write_row(2, 0, DE_HEADER, bold)
    for offset, row in enumerate(rows(DE, scale)):
        for column, value in enumerate(row):
            if isinstance(value, int):
                sheet.write_number(3 + offset, column, value)
            else:  # codes stay text, so 03454 keeps its leading zero
                sheet.write_string(3 + offset, column, value, text)
    sheet.set_column(0, len(DE_HEADER) - 1, 16)
    sheet.freeze_panes(3, 0)
    book.close()
    return path


def generate(out_dir: Path, scale: int = 1) -> list[Path]:
    return [write_nl(out_dir / NL_FILE, scale), write_de(out_dir / DE_FILE, scale)]
