"""Single published figures with their source and quote (``reference_facts``).

A CSV compiled by hand from public pages (``data/reference/inputs/facts_web/``): one figure
per row with the page it was quoted from — e.g. "installed solar PV at businesses in Emmen,
73 MW, end of 2019 (CBS)". Shown as reference points next to charts, never as a time series.
Recognised by its header: ``region, region_code, indicator, value, unit, reference_date,
approximate, original_publisher, source_url, quote_or_note``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pandas as pd

from core.i18n import N_
from etl.energy.vocabulary import is_yes
from etl.model import ReadResult, SourceInfo
from etl.readers.sheets import alias_index, cell_text, detect_header, load_table
from etl.readers.textfile import RejectCollector, parse_number, slug

KIND: Final = "reference_facts"
ALIASES: Final = alias_index(
    {
        "region": "regio region_name",
        "region_code": "regiocode regionalschluessel",
        "indicator": "indicator",
        "value": "waarde wert",
        "unit": "eenheid einheit",
        "reference_date": "peildatum stichtag",
        "approximate": "circa ungefaehr",
        "original_publisher": "publisher bron quelle",
        "source_url": "url",
        "quote": "quote_or_note citaat zitat",
    }
)
REQUIRED: Final = ("region_code", "indicator", "value", "reference_date", "original_publisher")
REJECT_EMPTY: Final = N_("Column {column} is empty but required")


def detect(path: Path) -> str | None:
    return KIND if detect_header(path, ALIASES, REQUIRED) else None


def _number(text: str) -> float | None:
    """The figure when it is one number (``277.89 / 274.5 / 3.39`` is kept as text only)."""
    try:
        return parse_number(text, ".")
    except ValueError:
        return None


def read(path: Path) -> ReadResult:
    table = load_table(path, ALIASES, REQUIRED)
    columns, names = table.header.columns, table.header.names
    rejects = RejectCollector(path.name, sheet=table.sheet)
    source_id = f"facts:{slug(path.stem)}"
    rows: list[dict[str, object]] = []
    skipped = 0
    for number, cells in table.body():
        text = {
            column: cell_text(cells[index]) if index < len(cells) else ""
            for column, index in columns.items()
        }
        if not any(text.values()):
            skipped += 1
            continue
        empty = [column for column in REQUIRED if not text[column]]
        for column in empty:
            rejects.add(REJECT_EMPTY, row_number=number, column_name=names[column], value="")
        if empty:
            continue
        rows.append(
            {
                "region_code": text["region_code"].upper(),
                "region_name": text.get("region") or text["region_code"],
                "indicator": text["indicator"],
                "value": _number(text["value"]),
                "value_text": text["value"],
                "unit": text.get("unit") or None,
                "reference_date": text["reference_date"],
                "approximate": is_yes(text.get("approximate", "")),
                "original_publisher": text["original_publisher"],
                "source_url": text.get("source_url") or None,
                "quote": text.get("quote") or None,
                "source_id": source_id,
            }
        )
    dates = sorted(str(row["reference_date"]) for row in rows)
    source = SourceInfo(
        source_id=source_id,
        title="Published regional figures, quoted from public web pages",
        publisher="CBS, Provincie Drenthe and others (quoted per figure)",
        licence="Facts; CBS figures CC BY 4.0",
        attribution="Bron: CBS; Provincie Drenthe",
        vintage=f"{dates[0]} – {dates[-1]}" if dates else "",
    )
    return ReadResult(
        file=path.name,
        kind=KIND,
        tables={"reference_fact": pd.DataFrame(rows)},
        rejects=rejects.rejects,
        sources=[source] if rows else [],
        skipped=skipped,
    )
