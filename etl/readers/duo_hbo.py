"""DUO open onderwijsdata "Ingeschrevenen hbo" (``duo_hbo``): enrolments per institution,
location municipality, programme (CROHO), form of study and sex, one column per year.

Recognised by its header: ``GEMEENTENUMMER``, ``INSTELLINGSCODE ACTUEEL``, ``OPLEIDINGSCODE
ACTUEEL``, ``OPLEIDINGSVORM`` and year columns (``2024``, or ``2024 MAN`` / ``2024 VROUW`` in
older downloads without a ``GESLACHT`` column). DUO masks 1–4 students as ``<5``.

Rows become ``statistic`` figures per location municipality (``GM0114``), year, programme and
form of study, summed over sex (and over institutions teaching the same programme there):
classification ``CROHO|OPLEIDINGSVORM``, measure ``ingeschrevenen_hbo``. A sum that includes a
``<5`` cell keeps the known part as value and ``<5`` as symbol: it is a lower bound
(docs/training.md). The municipality is where the programme is taught, not where students live.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Final

from core.i18n import N_
from etl.model import ReadResult, SourceInfo
from etl.readers.textfile import (
    RejectCollector,
    StatisticRecord,
    head_lines,
    parse_rows,
    read_text,
    read_text_head,
    sniff_delimiter,
    split_line,
    statistic_frame,
)

KIND: Final = "duo_hbo"
MEASURE: Final = "ingeschrevenen_hbo"
SUPPRESSED: Final = "<5"
REQUIRED: Final = (
    "GEMEENTENUMMER",
    "GEMEENTENAAM",
    "INSTELLINGSCODE ACTUEEL",
    "OPLEIDINGSCODE ACTUEEL",
    "OPLEIDINGSNAAM ACTUEEL",
    "OPLEIDINGSVORM",
)
_YEAR_RE: Final = re.compile(r"^(\d{4})(?:\s+(MAN|VROUW))?$", re.IGNORECASE)

REJECT_COUNT = N_("Column {column}: {value} is no number of students (or <5)")
REJECT_MUNICIPALITY = N_("Column {column}: {value} is no municipality number (4 digits)")
REJECT_PROGRAMME = N_("Column {column}: {value} is no CROHO programme code")

SOURCE_TITLE: Final = "DUO open onderwijsdata: Ingeschrevenen hbo"
PUBLISHER: Final = "Dienst Uitvoering Onderwijs (DUO)"
LICENCE: Final = "CC BY 4.0"
ATTRIBUTION: Final = "Bron: DUO, open onderwijsdata"


def _header(path: Path) -> tuple[list[str], str] | None:
    head = read_text_head(path)
    if head is None:
        return None
    lines = head_lines(head.text, 2)
    if not lines:
        return None
    delimiter = sniff_delimiter(lines[0])
    columns = [c.strip().lstrip("\ufeff").upper() for c in split_line(lines[0], delimiter)]
    if not all(name in columns for name in REQUIRED):
        return None
    if not any(_YEAR_RE.match(c) for c in columns):
        return None
    return columns, delimiter


def detect(path: Path) -> str | None:
    if path.suffix.lower() not in (".csv", ".txt"):
        return None
    return KIND if _header(path) else None


def _count(text: str) -> tuple[float, bool] | None:
    """Students in a cell and whether DUO masked it; None when unreadable."""
    cleaned = text.strip().replace(".", "")
    if cleaned == SUPPRESSED:
        return 0.0, True
    if cleaned in ("", "-"):
        return 0.0, False
    return (float(cleaned), False) if cleaned.isdigit() else None


def read(path: Path) -> ReadResult:
    found = _header(path)
    text = read_text(path)
    if found is None or text is None:
        raise ValueError("not a DUO hbo enrolment file")
    columns, delimiter = found
    at = {name: columns.index(name) for name in columns}
    years = {i: _YEAR_RE.match(c) for i, c in enumerate(columns)}
    year_columns = {i: m.group(1) for i, m in years.items() if m}
    rejects = RejectCollector(file=path.name)
    # (municipality, name, year, programme, label, form) → [students, any masked]
    totals: dict[tuple[str, str, str, str, str, str], list[float | bool]] = defaultdict(
        lambda: [0.0, False]
    )
    rows = parse_rows(text.text, delimiter)[1:]
    used = 0
    for row_number, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        cell = {name: (cells[i].strip() if i < len(cells) else "") for name, i in at.items()}
        number = cell["GEMEENTENUMMER"].zfill(4)
        if not (number.isdigit() and len(number) == 4):
            rejects.add(
                REJECT_MUNICIPALITY,
                row_number=row_number,
                column_name="GEMEENTENUMMER",
                value=cell["GEMEENTENUMMER"],
            )
            continue
        programme = cell["OPLEIDINGSCODE ACTUEEL"]
        if not programme.isdigit():
            rejects.add(
                REJECT_PROGRAMME,
                row_number=row_number,
                column_name="OPLEIDINGSCODE ACTUEEL",
                value=programme,
            )
            continue
        form = cell["OPLEIDINGSVORM"].replace(" onderwijs", "").strip().lower()
        good = True
        for index, year in year_columns.items():
            raw = cells[index] if index < len(cells) else ""
            count = _count(raw)
            if count is None:
                rejects.add(
                    REJECT_COUNT, row_number=row_number, column_name=columns[index], value=raw
                )
                good = False
                continue
            key = (
                f"GM{number}",
                cell["GEMEENTENAAM"],
                year,
                programme,
                cell["OPLEIDINGSNAAM ACTUEEL"],
                form,
            )
            slot = totals[key]
            slot[0] = float(slot[0]) + count[0]
            slot[1] = bool(slot[1]) or count[1]
        used += good
    source_id = f"duo:ingeschrevenen_hbo:{min(year_columns.values())}-{max(year_columns.values())}"
    records: list[StatisticRecord] = [
        {
            "region_code": code,
            "region_name": name,
            "source_geography": "gemeente",
            "period": year,
            "measure": MEASURE,
            "measure_label": "Ingeschrevenen hbo (vestigingsgemeente)",
            "classification": "CROHO|OPLEIDINGSVORM",
            "class_code": f"{programme}|{form}",
            "class_label": f"{label}|{form}",
            "value": float(value),
            "symbol": SUPPRESSED if masked else None,
            "unit": "studenten",
            "source_id": source_id,
        }
        for (code, name, year, programme, label, form), (value, masked) in sorted(totals.items())
    ]
    vintage = f"{min(year_columns.values())}–{max(year_columns.values())}"
    return ReadResult(
        file=path.name,
        kind=KIND,
        tables={"statistic": statistic_frame(records)},
        rejects=rejects.rejects,
        sources=[
            SourceInfo(
                source_id=source_id,
                title=SOURCE_TITLE,
                publisher=PUBLISHER,
                licence=LICENCE,
                attribution=ATTRIBUTION,
                vintage=vintage,
            )
        ],
        notes=[f"{used} rows summed into {len(records)} figures"],
    )
