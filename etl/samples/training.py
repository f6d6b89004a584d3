"""Sample training figures for both sides of the border, in the long-format statistics template.

No DUO mbo, SBB or BA Ausbildungsmarkt file could be obtained offline (docs/training.md), so the
demo has invented figures in the template staff use to type such publications in:

- NL (``mbo_sbb_zuidoost_drenthe_isco08.csv``, Dutch headers, ``;``): mbo enrolments at school
  (BOL) and at work (BBL), mbo graduates, SBB-recognised training companies, internship places
  and work-based places per target occupation (ISCO-08 unit group) for the three gemeenten,
  school year 2024/25 (period ``2024``);
- DE (``ba_ausbildungsmarkt_emsland_kldb2010.csv``, German headers): BA-style training places,
  applicants, unfilled places and unplaced applicants per training occupation (KldB 2010
  Berufsgattung) for Landkreis Emsland, report year 2023/24 (period ``2024``).

Invented but plausible: hospitality and retail training places go unfilled in Emsland while
Zuidoost-Drenthe trains more cooks and sales staff than it employs; electricians, installers,
mechatronics and care are short of trainees on both sides. Every ``source`` starts with
"Voorbeelddata / Beispieldaten", which marks it as sample. Deterministic: fixed figures plus a
seeded spread over the municipalities.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Final

from etl.samples.labour import DE_HEADER, MARKER, NL_HEADER

NL_FILE: Final = "mbo_sbb_zuidoost_drenthe_isco08.csv"
DE_FILE: Final = "ba_ausbildungsmarkt_emsland_kldb2010.csv"
SEED: Final = 20241001
PERIOD: Final = "2024"
NL_SOURCE: Final = f"{MARKER} – mbo (DUO-stijl) en SBB-leerbedrijven, gegenereerd"
DE_SOURCE: Final = f"{MARKER} – BA-Ausbildungsmarktstatistik (Stil), generiert"

# ISCO-08 unit group, target occupation of the mbo programmes, enrolled BOL, enrolled BBL,
# graduates, SBB-recognised companies, internship places (BOL), work-based places (BBL) —
# for the three gemeenten together.
NL_OCCUPATIONS: Final = (
    ("7411", "Eerste monteur elektrotechnische installaties", 96, 58, 41, 64, 52, 40),
    ("7126", "Monteur installatietechniek (werktuigkundig)", 54, 47, 26, 51, 38, 35),
    ("7412", "Technicus mechatronica", 88, 31, 30, 37, 41, 22),
    ("7233", "Monteur mobiele werktuigen", 61, 44, 28, 42, 33, 30),
    ("7212", "Constructiewerker / lasser", 39, 36, 19, 33, 24, 27),
    ("3221", "Mbo-verpleegkundige", 212, 96, 88, 58, 140, 70),
    ("5321", "Verzorgende-IG", 184, 121, 92, 61, 128, 95),
    ("3512", "Medewerker ICT-support", 118, 12, 37, 29, 46, 8),
    ("2514", "Software developer (mbo)", 97, 6, 28, 21, 35, 4),
    ("8332", "Chauffeur goederenvervoer", 22, 41, 18, 38, 12, 34),
    ("5120", "Zelfstandig werkend kok", 143, 38, 61, 74, 88, 29),
    ("5223", "Verkoopmedewerker / verkoopspecialist", 131, 35, 57, 96, 81, 30),
    ("4120", "Secretarieel / administratief medewerker", 164, 18, 72, 44, 62, 12),
    ("4321", "Logistiek medewerker", 58, 52, 35, 46, 30, 41),
    ("6130", "Vakbekwaam medewerker agrarisch bedrijf", 47, 33, 23, 55, 29, 28),
)  # fmt: skip
# Share of the companies and places per gemeente; enrolments are at the Emmen campus.
NL_SHARES: Final = (("GM0114", "Emmen", 0.62), ("GM0109", "Coevorden", 0.22),
                    ("GM1681", "Borger-Odoorn", 0.16))  # fmt: skip

# KldB 2010 Berufsgattung, Ausbildungsberuf, gemeldete Berufsausbildungsstellen, Bewerber,
# unbesetzte Stellen and unversorgte Bewerber at 30.09. — Landkreis Emsland.
DE_OCCUPATIONS: Final = (
    ("26212", "Elektroniker/-in Energie- und Gebäudetechnik", 164, 118, 31, 4),
    ("34212", "Anlagenmechaniker/-in Sanitär-, Heizungs- und Klimatechnik", 151, 96, 38, 3),
    ("26112", "Mechatroniker/-in", 122, 141, 9, 6),
    ("25102", "Industriemechaniker/-in", 176, 163, 14, 7),
    ("25212", "Kfz-Mechatroniker/-in", 143, 201, 6, 12),
    ("24412", "Metallbauer/-in", 88, 54, 21, 2),
    ("82102", "Pflegefachmann/-frau (Altenpflege)", 118, 84, 27, 3),
    ("43412", "Fachinformatiker/-in Anwendungsentwicklung", 49, 92, 2, 11),
    ("52122", "Berufskraftfahrer/-in", 46, 19, 19, 1),
    ("29302", "Koch/Köchin", 71, 29, 33, 1),
    ("62102", "Verkäufer/-in, Kaufmann/-frau im Einzelhandel", 212, 149, 47, 9),
    ("71402", "Kaufmann/-frau für Büromanagement", 137, 262, 4, 24),
    ("51312", "Fachkraft für Lagerlogistik", 97, 71, 18, 5),
    ("11102", "Landwirt/-in", 64, 57, 6, 3),
)
NL_MEASURES: Final = (
    ("mbo_ingeschrevenen_bol", "Ingeschreven mbo BOL", 2),
    ("mbo_ingeschrevenen_bbl", "Ingeschreven mbo BBL", 3),
    ("mbo_gediplomeerden", "Gediplomeerden mbo", 4),
    ("sbb_leerbedrijven_erkend", "Erkende leerbedrijven (SBB)", 5),
    ("sbb_stageplaatsen", "Stageplaatsen BOL (SBB)", 6),
    ("sbb_leerbanen", "Leerbanen BBL (SBB)", 7),
)
DE_MEASURES: Final = (
    ("ausbildungsstellen_gemeldet", "Gemeldete Berufsausbildungsstellen", 2),
    ("bewerber_gemeldet", "Gemeldete Bewerber für Berufsausbildungsstellen", 3),
    ("unbesetzte_ausbildungsstellen", "Unbesetzte Berufsausbildungsstellen (30.09.)", 4),
    ("unversorgte_bewerber", "Unversorgte Bewerber (30.09.)", 5),
)
# Enrolments, graduates: where the school is (Emmen); companies and places: spread.
AT_SCHOOL: Final = frozenset({"mbo_ingeschrevenen_bol", "mbo_ingeschrevenen_bbl",
                              "mbo_gediplomeerden"})  # fmt: skip


def _spread(total: int, rng: random.Random) -> list[int]:
    """``total`` over the gemeenten by their shares, ±10 %, summing to ``total`` exactly."""
    weights = [share * rng.uniform(0.9, 1.1) for _, _, share in NL_SHARES]
    parts = [int(total * w / sum(weights)) for w in weights]
    parts[0] += total - sum(parts)
    return parts


def nl_rows(scale: int = 1) -> list[list[str | int]]:
    rng = random.Random(SEED)
    rows: list[list[str | int]] = []
    for occupation in NL_OCCUPATIONS:
        code, label = occupation[0], occupation[1]
        for measure, measure_label, column in NL_MEASURES:
            total = int(occupation[column]) * scale
            parts = [total, 0, 0] if measure in AT_SCHOOL else _spread(total, rng)
            for (region, name, _), value in zip(NL_SHARES, parts, strict=True):
                if measure in AT_SCHOOL and region != "GM0114":
                    continue
                rows.append(
                    [region, name, PERIOD, measure, measure_label, "ISCO08", code, label,
                     value, "aantal", NL_SOURCE, "gemeente"]
                )  # fmt: skip
    return rows


def de_rows(scale: int = 1) -> list[list[str | int]]:
    rows: list[list[str | int]] = []
    for occupation in DE_OCCUPATIONS:
        code, label = occupation[0], occupation[1]
        for measure, measure_label, column in DE_MEASURES:
            rows.append(
                ["03454", "Emsland, Landkreis", PERIOD, measure, measure_label, "KldB2010", code,
                 label, int(occupation[column]) * scale, "Anzahl", DE_SOURCE, "kreis"]
            )  # fmt: skip
    return rows


def _write(path: Path, header: tuple[str, ...], rows: list[list[str | int]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def generate(out_dir: Path, scale: int = 1) -> list[Path]:
    return [
        _write(out_dir / NL_FILE, NL_HEADER, nl_rows(scale)),
        _write(out_dir / DE_FILE, DE_HEADER, de_rows(scale)),
    ]
