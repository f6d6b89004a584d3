"""Statistics → ``labour_market``: measures named, occupations mapped to ISCO-08, the areas
behind each published geography, series breaks marked (etl/sql/labour/, docs/labour-market.md).

Crosswalk rules for codes that map to more than one ISCO-08 unit group:

- KldB 2010 → the BA Umsteigeschlüssel's rank-1 ISCO-08 unit group (BA's recommended match;
  for a 1–4 digit code the unit group BA recommends most often within it), share 1;
- BRC 2014 → every specified ISCO-08 unit group CBS assigns to the beroepsgroep, the figure
  split equally (CBS publishes no weights; "z.n.d." fill codes and 9999 are left out);
- ISCO-08 → as published; NACE / SBI / WZ → its section.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

import duckdb
import pandas as pd

from core.i18n import N_
from core.paths import REFERENCE_DIR
from etl import crosswalks
from etl.harmonise import unmatched_codes
from etl.model import Reject

if TYPE_CHECKING:
    from etl.build_report import BuildReport

CONFIG_FILE: Final = Path(__file__).resolve().parents[1] / "config" / "labour.toml"
SQL_DIR: Final = Path(__file__).resolve().parents[1] / "sql" / "labour"
AREAS_FILE: Final = REFERENCE_DIR / "labour_areas.csv"
OCCUPATIONS: Final = ("KldB2010", "BRC2014", "ISCO08")

RULE_KLDB: Final = "BA Umsteigeschlüssel KldB 2010 → ISCO-08, rank 1"
RULE_BRC: Final = "CBS BRC 2014 → ISCO-08, equal split over {count} unit group(s)"
RULE_ISCO: Final = "ISCO-08 as published"
RULE_NACE: Final = "NACE Rev. 2 / SBI 2008 / WZ 2008 division → section"

NO_MATCH: Final = N_(
    "{classification} code {value} has no ISCO-08 or NACE match in the crosswalks; "
    "its figures are left out of the labour market tables"
)


@dataclass(frozen=True)
class MapRow:
    """One row of ``classification_map``."""

    classification: str
    code: str
    isco_code: str | None
    nace_section: str | None
    share: float
    rule: str


def _isco_ok(code: str) -> bool:
    """An ISCO-08 code whose sub-major (or, for a 1-digit code, major) group exists."""
    try:
        crosswalks.isco_group(code, min(len(code), 2))
    except ValueError:
        return False
    return True


def map_code(classification: str, code: str) -> list[MapRow]:
    """How one published code becomes ISCO-08 codes or a NACE section (empty: no match)."""
    try:
        if classification == "KldB2010":
            ranked = crosswalks.kldb_to_isco(code)
            best = [isco for isco, rank in ranked if rank == 1 and _isco_ok(isco)]
            return [MapRow(classification, code, best[0], None, 1.0, RULE_KLDB)] if best else []
        if classification == "BRC2014":
            iscos = [
                isco for isco in crosswalks.brc_to_isco(code, specified_only=True) if _isco_ok(isco)
            ]
            rule = RULE_BRC.format(count=len(iscos))
            return [
                MapRow(classification, code, isco, None, 1 / len(iscos), rule) for isco in iscos
            ]
        if classification == "ISCO08":
            return (
                [MapRow(classification, code, code, None, 1.0, RULE_ISCO)] if _isco_ok(code) else []
            )
        if classification == "NACE":
            section = crosswalks.nace_section(code)
            return [MapRow(classification, code, None, section, 1.0, RULE_NACE)]
    except ValueError:
        return []
    return []


def classification_map(pairs: Iterable[tuple[str, str]]) -> pd.DataFrame:
    rows = [row for classification, code in pairs for row in map_code(classification, code)]
    return pd.DataFrame(
        [row.__dict__ for row in rows],
        columns=["classification", "code", "isco_code", "nace_section", "share", "rule"],
    )


def isco_groups() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "code": code,
                "level": "major" if len(code) == 1 else "sub-major",
                **{
                    f"label_{lang}": crosswalks.isco_label(code, lang)
                    for lang in ("en", "nl", "de")
                },
            }
            for code in crosswalks.isco_groups()
        ]
    )


def load_config(path: Path = CONFIG_FILE) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(measure map, series breaks)`` from etl/config/labour.toml."""
    config = tomllib.loads(path.read_text(encoding="utf-8"))
    measures = pd.DataFrame(
        [(source.lower(), measure) for source, measure in config["measures"].items()],
        columns=["source_measure", "measure"],
    )
    breaks = pd.DataFrame(
        config.get("breaks", []),
        columns=["measure", "country", "from_period", "basis_before", "basis_after"],
    )
    return measures, breaks


def run(con: duckdb.DuckDBPyConnection, report: BuildReport) -> None:
    measures, breaks = load_config()
    con.register("measures_frame", measures)
    con.execute("CREATE TEMP TABLE labour_measure_map AS SELECT * FROM measures_frame")
    con.register("breaks_frame", breaks)
    con.execute("CREATE TEMP TABLE labour_series_break AS SELECT * FROM breaks_frame")
    areas = pd.read_csv(AREAS_FILE, dtype=str, keep_default_na=False)
    areas["municipalities"] = areas["municipalities"].astype(int)
    con.register("areas_frame", areas)
    con.execute("CREATE TEMP TABLE labour_area_ref AS SELECT * FROM areas_frame")
    groups = isco_groups()  # noqa: F841 - read by DuckDB
    con.execute("INSERT INTO isco_group BY NAME SELECT * FROM groups")

    coded = con.execute(
        """
        SELECT DISTINCT s.classification, s.class_code
        FROM statistic s
        JOIN labour_measure_map m ON m.source_measure = lower(s.measure)
        WHERE s.classification IN ('KldB2010', 'BRC2014', 'ISCO08', 'NACE')
        ORDER BY ALL
        """
    ).fetchall()
    mapping = classification_map(coded)  # noqa: F841 - read by DuckDB
    con.execute("INSERT INTO classification_map BY NAME SELECT * FROM mapping")

    for path in sorted(SQL_DIR.glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))
    _reject_unmatched(con, report)
    for name in ("measures_frame", "breaks_frame", "areas_frame"):
        con.unregister(name)


def _reject_unmatched(con: duckdb.DuckDBPyConnection, report: BuildReport) -> None:
    """A coded figure without a crosswalk match stays in ``statistic`` but cannot enter
    ``labour_market``: tell staff which file and code, once per code."""
    unmatched = con.execute(
        """
        SELECT DISTINCT s.source_id, s.classification, s.class_code
        FROM statistic s
        JOIN labour_measure_map m ON m.source_measure = lower(s.measure)
        LEFT JOIN classification_map x
               ON x.classification = s.classification AND x.code = s.class_code
        WHERE s.classification IN ('KldB2010', 'BRC2014', 'ISCO08', 'NACE')
          AND x.classification IS NULL
        ORDER BY ALL
        """
    ).fetchall()
    unmatched_codes(report, unmatched, NO_MATCH, Reject)
