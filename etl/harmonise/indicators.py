"""The funders' indicator ledger, computed from the project records at build time.

The configuration (etl/config/indicators.toml, project_plan.toml) becomes the tables
``indicator``, ``reporting_period``, ``work_package`` and ``activity_plan``; each indicator's
SQL file (etl/sql/indicators/) lists its evidence, which is dated into reporting periods
(``indicator_evidence``) and summed per period and side (``indicator_value``). See
docs/indicators.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Final

import duckdb
import pandas as pd

from etl.records.plan import Indicator, ProjectPlan, Reporting, load_indicators, load_plan

if TYPE_CHECKING:
    from etl.build_report import BuildReport

LEDGER_DIR: Final = Path(__file__).resolve().parents[1] / "sql" / "ledger"

# The evidence of one indicator, dated into the reporting period it falls in.
EVIDENCE_INSERT: Final = """
INSERT INTO indicator_evidence
SELECT $code, p.period, e.occurred_on, e.side, e.region_id, e.activity_id, e.company_id,
       e.collaboration_id, e.amount
FROM ({computation}) AS e
JOIN reporting_period p ON e.occurred_on BETWEEN p.starts_on AND p.ends_on
"""


def run(con: duckdb.DuckDBPyConnection, report: BuildReport) -> None:
    reporting, indicators = load_indicators()
    compute(con, reporting, indicators, load_plan(), today=dt.date.today())


def compute(
    con: duckdb.DuckDBPyConnection,
    reporting: Reporting,
    indicators: tuple[Indicator, ...],
    plan: ProjectPlan,
    *,
    today: dt.date,
) -> None:
    """Fill the calendar, plan and indicator tables and compute every indicator."""
    _load_config(con, reporting, indicators, plan)
    con.execute(
        (LEDGER_DIR / "010_calendar.sql").read_text(encoding="utf-8"),
        {
            "project_start": reporting.project_start,
            "project_end": reporting.project_end,
            "period_months": reporting.period_months,
            "today": today,
            "grace_days": plan.grace_days,
        },
    )
    con.execute((LEDGER_DIR / "015_participation.sql").read_text(encoding="utf-8"))
    for indicator in indicators:
        computation = indicator.sql_path.read_text(encoding="utf-8").rstrip().rstrip(";")
        con.execute(EVIDENCE_INSERT.format(computation=computation), {"code": indicator.code})
    con.execute((LEDGER_DIR / "020_indicator_value.sql").read_text(encoding="utf-8"))


def _load_config(
    con: duckdb.DuckDBPyConnection,
    reporting: Reporting,
    indicators: tuple[Indicator, ...],
    plan: ProjectPlan,
) -> None:
    periods = pd.DataFrame(  # noqa: F841 - read by DuckDB
        [(p.period, p.position, p.starts_on, p.ends_on) for p in reporting.periods],
        columns=["period", "position", "starts_on", "ends_on"],
    )
    con.execute("INSERT INTO reporting_period BY NAME SELECT * FROM periods")
    rows = pd.DataFrame(  # noqa: F841 - read by DuckDB
        [
            {
                "code": i.code,
                "position": i.position,
                "kind": i.kind,
                "name_en": i.names["en"],
                "name_nl": i.names["nl"],
                "name_de": i.names["de"],
                "unit": i.units["en"],
                "unit_nl": i.units["nl"],
                "unit_de": i.units["de"],
                "baseline": i.baseline,
                "target": i.target,
                "definition_en": i.definitions["en"],
                "definition_nl": i.definitions["nl"],
                "definition_de": i.definitions["de"],
                "computation": i.computation,
                "sides": ",".join(i.sides),
                "official_code": i.official_code,
                "programme_period": i.programme_period,
                "legal_basis": i.legal_basis,
            }
            for i in indicators
        ]
    )
    con.execute("INSERT INTO indicator BY NAME SELECT * FROM rows")
    packages = pd.DataFrame(  # noqa: F841 - read by DuckDB
        [
            (wp.code, wp.position, wp.names["en"], wp.names["nl"], wp.names["de"])
            for wp in plan.work_packages
        ],
        columns=["work_package", "position", "name_en", "name_nl", "name_de"],
    )
    con.execute("INSERT INTO work_package BY NAME SELECT * FROM packages")
    planned = pd.DataFrame(  # noqa: F841 - read by DuckDB
        [(p.period, p.activities, p.participants) for p in plan.periods],
        columns=["period", "activities", "participants"],
    )
    con.execute("INSERT INTO activity_plan BY NAME SELECT * FROM planned")
