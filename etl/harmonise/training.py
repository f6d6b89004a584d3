"""Statistics → ``training_supply``: education and training figures per programme or training
occupation, mapped to ISCO-08 (etl/config/training.toml, docs/training.md).

Crosswalks:
- KldB 2010 (training occupations, BA Ausbildungsmarktstatistik) and ISCO-08 as for the labour
  market (etl/harmonise/labour.py: BA Umsteigeschlüssel rank 1);
- CROHO (hbo programmes) and HS-FG (German Fächergruppen) → the ISCO-08 group of the
  occupation the programme mainly leads to, by hand: data/crosswalks/training_isco08.csv.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

import duckdb
import pandas as pd

from core.i18n import N_
from etl.harmonise import unmatched_codes
from etl.harmonise.labour import map_code
from etl.model import Notice

if TYPE_CHECKING:
    from etl.build_report import BuildReport

CONFIG_FILE: Final = Path(__file__).resolve().parents[1] / "config" / "training.toml"
CROSSWALK_FILE: Final = Path(__file__).resolve().parents[2] / "data/crosswalks/training_isco08.csv"
TOTAL: Final = "INSGESAMT"
NL_PREFIXES: Final = ("GM", "AM", "CR", "PV", "NL")
RULE_TABLE: Final = "data/crosswalks/training_isco08.csv (main occupation of the programme)"
# GENESIS names the Fächergruppen variable by its version (HS-FG2); the crosswalk by the list.
PROGRAMME_CLASSIFICATIONS: Final[dict[str, str]] = {"HS-FG2": "HS-FG"}
PATHWAYS: Final[dict[str, str]] = {
    "voltijd": "full-time",
    "deeltijd": "part-time",
    "duaal": "dual",
}
COLUMNS: Final = (
    "country",
    "region_code",
    "region_id",
    "region_name",
    "source_geography",
    "period",
    "measure",
    "level",
    "pathway",
    "programme_classification",
    "programme_code",
    "programme_label",
    "isco_code",
    "isco_share",
    "value",
    "symbol",
    "rule",
    "source_id",
    "is_sample",
)

NO_MATCH: Final = N_(
    "{classification} code {value} has no ISCO-08 match in the training crosswalk; its "
    "figures are kept without an occupation group"
)


@dataclass(frozen=True)
class MeasureRule:
    measure: str
    level: str
    pathway: str | None
    programme: str | None
    pathway_part: str | None


def load_config(path: Path = CONFIG_FILE) -> dict[str, MeasureRule]:
    config = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        source.lower(): MeasureRule(
            measure=rule["measure"],
            level=rule["level"],
            pathway=rule.get("pathway") or None,
            programme=rule.get("programme"),
            pathway_part=rule.get("pathway_part"),
        )
        for source, rule in config["measures"].items()
    }


@lru_cache(maxsize=1)
def crosswalk() -> dict[tuple[str, str], str]:
    with CROSSWALK_FILE.open(encoding="utf-8", newline="") as handle:
        return {
            (row["classification"], row["code"]): row["isco08"] for row in csv.DictReader(handle)
        }


def isco_for(classification: str, code: str) -> list[tuple[str, float, str]]:
    """``(isco_code, share, rule)`` of one programme; empty when nothing matches."""
    hand = crosswalk().get((classification, code))
    if hand:
        return [(hand, 1.0, RULE_TABLE)]
    return [
        (row.isco_code, row.share, row.rule)
        for row in map_code(classification, code)
        if row.isco_code
    ]


def programme_of(row: pd.Series, rule: MeasureRule) -> tuple[str, str, str, str | None] | None:
    """``(classification, code, label, pathway)`` of a figure, or None for a total or a
    breakdown (sex, nationality) the training table does not keep."""
    classification = str(row["classification"] or "")
    code = str(row["class_code"] or "")
    label = str(row["class_label"] or "")
    if not rule.programme:
        return (classification, code, label, rule.pathway) if classification and code else None
    parts = classification.split("|")
    codes = code.split("|")
    labels = label.split("|") + [""] * len(parts)
    if rule.programme not in parts or len(codes) != len(parts):
        return None
    pathway = rule.pathway
    for part, value in zip(parts, codes, strict=True):
        if part == rule.programme:
            continue
        if part == rule.pathway_part:
            pathway = PATHWAYS.get(value.lower(), value)
        elif value != TOTAL:
            return None
    at = parts.index(rule.programme)
    if codes[at] == TOTAL:
        return None
    classification = PROGRAMME_CLASSIFICATIONS.get(rule.programme, rule.programme)
    return classification, codes[at], labels[at], pathway


def supply_rows(statistic: pd.DataFrame, rules: dict[str, MeasureRule]) -> pd.DataFrame:
    rows = []
    for _, row in statistic.iterrows():
        rule = rules.get(str(row["measure"]).lower())
        if rule is None:
            continue
        found = programme_of(row, rule)
        if found is None:
            continue
        classification, code, label, pathway = found
        code_prefix = str(row["region_code"])[:2].upper()
        base = {
            "country": "NL" if code_prefix in NL_PREFIXES else "DE",
            "region_code": row["region_code"],
            "region_id": row["region_id"],
            "region_name": row["region_name"],
            "source_geography": row["source_geography"],
            "period": row["period"],
            "measure": rule.measure,
            "level": rule.level,
            "pathway": pathway,
            "programme_classification": classification,
            "programme_code": code,
            "programme_label": label,
            "symbol": row["symbol"],
            "source_id": row["source_id"],
            "is_sample": bool(row["is_sample"]),
        }
        matches = isco_for(classification, code)
        if not matches:
            rows.append(
                {
                    **base,
                    "isco_code": None,
                    "isco_share": 1.0,
                    "value": row["value"],
                    "rule": "no match",
                }
            )
        for isco, share, how in matches:
            value = row["value"] * share if row["value"] == row["value"] else None
            rows.append(
                {**base, "isco_code": isco, "isco_share": share, "value": value, "rule": how}
            )
    return pd.DataFrame(rows, columns=list(COLUMNS))


def run(con: duckdb.DuckDBPyConnection, report: BuildReport) -> None:
    rules = load_config()
    measures = list(rules)
    statistic = con.execute(
        "SELECT * FROM statistic WHERE lower(measure) IN (SELECT unnest($measures))",
        {"measures": measures},
    ).df()
    supply = supply_rows(statistic, rules)
    con.execute("INSERT INTO training_supply BY NAME SELECT * FROM supply")
    _notice_unmatched(supply, report)


def _notice_unmatched(supply: pd.DataFrame, report: BuildReport) -> None:
    unmatched = supply[supply["isco_code"].isna()][
        ["source_id", "programme_classification", "programme_code"]
    ].drop_duplicates()
    unmatched_codes(report, unmatched.itertuples(index=False), NO_MATCH, Notice)
