"""The project's configuration: reporting periods and indicators (etl/config/indicators.toml),
work packages and the activity plan (etl/config/project_plan.toml). Read at build time into the
warehouse tables reporting_period, indicator, work_package and activity_plan."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from core.glossary import load_glossary, normal_code

CONFIG_DIR: Final = Path(__file__).resolve().parents[1] / "config"
INDICATORS_FILE: Final = CONFIG_DIR / "indicators.toml"
PLAN_FILE: Final = CONFIG_DIR / "project_plan.toml"
COMPUTATIONS_DIR: Final = Path(__file__).resolve().parents[1] / "sql" / "indicators"
SIDES: Final = ("NL", "DE", "NL-DE")


@dataclass(frozen=True)
class Period:
    period: str  # 2022-H1
    position: int  # 1, 2, … (Jems numbers its periods)
    starts_on: dt.date
    ends_on: dt.date


@dataclass(frozen=True)
class Reporting:
    project_start: dt.date
    project_end: dt.date
    period_months: int
    periods: tuple[Period, ...]


@dataclass(frozen=True)
class Indicator:
    code: str
    position: int
    kind: str
    computation: str
    sides: tuple[str, ...]
    baseline: float
    target: float
    names: dict[str, str]  # lang → name
    units: dict[str, str]
    definitions: dict[str, str]
    official_code: str  # as the regulation writes it (RCO 115); the code itself otherwise
    programme_period: str  # 2014–2020, 2021–2027; empty for a project-specific indicator
    legal_basis: str  # the regulation's annex (English); empty for a project-specific indicator

    @property
    def sql_path(self) -> Path:
        return COMPUTATIONS_DIR / f"{self.computation}.sql"


@dataclass(frozen=True)
class WorkPackage:
    code: str
    position: int
    names: dict[str, str]


@dataclass(frozen=True)
class PlannedPeriod:
    period: str
    activities: int
    participants: int


@dataclass(frozen=True)
class ProjectPlan:
    grace_days: int
    work_packages: tuple[WorkPackage, ...]
    periods: tuple[PlannedPeriod, ...]


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


def period_name(starts_on: dt.date, months: int) -> str:
    """``2022-H1`` for half-years, ``2022-Q3`` for quarters, ``2022`` for years, else
    ``2022-04`` (the first month)."""
    if months == 6 and starts_on.month in (1, 7):
        return f"{starts_on.year}-H{1 if starts_on.month == 1 else 2}"
    if months == 3 and starts_on.month in (1, 4, 7, 10):
        return f"{starts_on.year}-Q{(starts_on.month - 1) // 3 + 1}"
    if months == 12 and starts_on.month == 1:
        return str(starts_on.year)
    return f"{starts_on:%Y-%m}"


def periods_between(start: dt.date, end: dt.date, months: int) -> tuple[Period, ...]:
    """Consecutive periods of ``months`` months from ``start``; the last one ends on ``end``."""
    if start.day != 1:
        raise ValueError("project_start must be the first day of a month")
    if months < 1 or end < start:
        raise ValueError("period_months must be positive and project_end after project_start")
    periods: list[Period] = []
    starts_on = start
    while starts_on <= end:
        following = _add_months(starts_on, months)
        ends_on = min(following - dt.timedelta(days=1), end)
        periods.append(Period(period_name(starts_on, months), len(periods) + 1, starts_on, ends_on))
        starts_on = following
    return tuple(periods)


def _texts(entry: dict[str, Any], prefix: str) -> dict[str, str]:
    return {lang: str(entry[f"{prefix}_{lang}"]).strip() for lang in ("en", "nl", "de")}


@lru_cache(maxsize=2)
def load_indicators(path: Path = INDICATORS_FILE) -> tuple[Reporting, tuple[Indicator, ...]]:
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    settings = raw["reporting"]
    start, end = settings["project_start"], settings["project_end"]
    months = int(settings.get("period_months", 6))
    reporting = Reporting(start, end, months, periods_between(start, end, months))
    common = load_glossary().common_indicators
    indicators = []
    for position, entry in enumerate(raw["indicator"], start=1):
        code = str(entry["code"])
        official = common.get(normal_code(code))
        if official is not None and any(key.startswith(("name_", "unit_")) for key in entry):
            # One source: a common indicator's official names live in core/glossary.toml.
            raise ValueError(
                f"{path.name}: {code} is a common indicator; its names come from the glossary"
            )
        if official is None and entry.get("kind") != "project-specific":
            raise ValueError(
                f"{path.name}: {code} is neither a common indicator nor project-specific"
            )
        indicator = Indicator(
            code=code,
            position=position,
            kind=str(entry["kind"]),
            computation=str(entry["computation"]),
            sides=tuple(entry["sides"]),
            baseline=float(entry.get("baseline", 0)),
            target=float(entry["target"]),
            names=dict(official.names) if official else _texts(entry, "name"),
            units=dict(official.units) if official else _texts(entry, "unit"),
            definitions=_texts(entry, "definition"),
            official_code=official.official_code if official else code,
            programme_period=official.period if official else "",
            legal_basis=official.legal_basis["en"] if official else "",
        )
        if not indicator.sql_path.exists():
            raise ValueError(f"{path.name}: {indicator.code} has no file {indicator.sql_path}")
        if not set(indicator.sides) <= set(SIDES):
            raise ValueError(f"{path.name}: {indicator.code} sides must be among {SIDES}")
        indicators.append(indicator)
    codes = [indicator.code for indicator in indicators]
    if len(set(codes)) != len(codes):
        raise ValueError(f"{path.name}: an indicator code is repeated")
    return reporting, tuple(indicators)


@lru_cache(maxsize=2)
def load_plan(path: Path = PLAN_FILE, indicators: Path = INDICATORS_FILE) -> ProjectPlan:
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    reporting, _indicators = load_indicators(indicators)
    known = {period.period for period in reporting.periods}
    planned = tuple(
        PlannedPeriod(str(e["period"]), int(e["activities"]), int(e["participants"]))
        for e in raw.get("period", [])
    )
    unknown = {p.period for p in planned} - known
    if unknown:
        raise ValueError(f"{path.name}: periods {sorted(unknown)} are not reporting periods")
    return ProjectPlan(
        grace_days=int(raw.get("status", {}).get("grace_days", 14)),
        work_packages=tuple(
            WorkPackage(str(e["code"]), position, _texts(e, "name"))
            for position, e in enumerate(raw["work_package"], start=1)
        ),
        periods=planned,
    )


def work_package_codes() -> frozenset[str]:
    return frozenset(wp.code for wp in load_plan().work_packages)
