"""Energy opportunities → ``energy_opportunity``, cross-border partners → ``energy_match`` and
skills gaps → ``energy_skill_gap`` (SQL in etl/sql/energy/, rules in etl/config/energy_*.toml).

Runs after the member step: matching needs the harmonised ``member`` table, which the
transform SQL runs too early to see.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Final

import duckdb
import pandas as pd

from core.i18n import N_
from etl.energy.vocabulary import OPPORTUNITY_TECHNOLOGIES
from etl.harmonise import repeated_rows, run_folder
from etl.model import Reject

if TYPE_CHECKING:
    from etl.build_report import BuildReport

CONFIG_DIR: Final = Path(__file__).resolve().parents[1] / "config"
NACE_RULES_FILE: Final = CONFIG_DIR / "energy_nace.toml"
SKILLS_FILE: Final = CONFIG_DIR / "energy_skills.toml"
SQL_DIR: Final = Path(__file__).resolve().parents[1] / "sql" / "energy"
REPEATS_QUERY: Final = "090_repeated_across_files.sql"

REPEATED_ACROSS = N_("Same project id as row {first} of {other}; this row was left out")


def nace_rules(path: Path = NACE_RULES_FILE) -> pd.DataFrame:
    """``technology, nace_code, role`` from the config; raises ``ValueError`` on a typo."""
    with path.open("rb") as handle:
        roles = tomllib.load(handle)["roles"]
    rows = []
    for role, rule in roles.items():
        for technology in rule["technologies"]:
            if technology not in OPPORTUNITY_TECHNOLOGIES:
                raise ValueError(f"{path.name}: role {role}: unknown technology {technology!r}")
            for code in rule["nace"]:
                code = str(code).strip().upper()
                if not (code.isdigit() and len(code) == 2) and not (
                    len(code) == 1 and "A" <= code <= "U"
                ):
                    raise ValueError(f"{path.name}: role {role}: {code!r} is no NACE code")
                rows.append({"technology": technology, "nace_code": code, "role": role})
    frame = pd.DataFrame(rows, columns=["technology", "nace_code", "role"])
    twice = frame[frame.duplicated(["technology", "nace_code"], keep=False)]
    if not twice.empty:
        pairs = ", ".join(sorted(set(twice["technology"] + "/" + twice["nace_code"])))
        raise ValueError(f"{path.name}: listed in more than one role: {pairs}")
    return frame


def labour_measures(path: Path = SKILLS_FILE) -> pd.DataFrame:
    with path.open("rb") as handle:
        config = tomllib.load(handle)
    rows = [
        {"measure": str(measure).lower(), "side": side, "rank": rank}
        for side in ("demand", "supply")
        for rank, measure in enumerate(config.get(side, []))
    ]
    return pd.DataFrame(rows, columns=["measure", "side", "rank"])


def run(con: duckdb.DuckDBPyConnection, report: BuildReport) -> None:
    rules = nace_rules(NACE_RULES_FILE)  # noqa: F841 - read by DuckDB
    measures = labour_measures(SKILLS_FILE)  # noqa: F841
    con.execute("INSERT INTO energy_nace_rule BY NAME SELECT * FROM rules")
    con.execute("INSERT INTO energy_labour_measure BY NAME SELECT * FROM measures")
    repeats = run_folder(con, SQL_DIR, last=REPEATS_QUERY)
    repeated_rows(report, repeats, REPEATED_ACROSS, Reject, column_name="opportunity_id")
