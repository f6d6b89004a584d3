"""What the cooperation, progress and indicator pages share: the project calendar (runtime,
reporting periods, how far the records go), period names and the records' sources."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from core.i18n import N_, Lang, fmt_date, translate
from dia.data.warehouse import query

FIRST_HALF = N_("first half of {year}")
SECOND_HALF = N_("second half of {year}")
QUARTER = N_("Q{quarter} {year}")
HALF_SHORT = N_("H{half} {year}")
SAMPLE = N_("sample data")
RECORDS_IN_WORDS = N_(
    "DIA project records of OE and WVE: activities, participants, collaborations and milestones"
)
UP_TO = N_("records up to {date}")


@dataclass(frozen=True)
class Calendar:
    project_start: dt.date
    project_end: dt.date
    data_as_of: dt.date
    grace_days: int
    periods: pd.DataFrame  # period, position, starts_on, ends_on, has_begun

    @property
    def reported(self) -> list[str]:
        """Reporting periods that have begun, in order."""
        return self.periods.loc[self.periods["has_begun"], "period"].tolist()

    @property
    def current(self) -> str:
        """The period the records have reached."""
        reported = self.reported
        return reported[-1] if reported else str(self.periods["period"].iloc[0])

    def bounds(self, period: str) -> tuple[dt.date, dt.date]:
        row = self.periods.loc[self.periods["period"] == period].iloc[0]
        return _date(row["starts_on"]), _date(row["ends_on"])


def _date(value: object) -> dt.date:
    return pd.Timestamp(value).date()  # type: ignore[arg-type]


def has_records() -> bool:
    """Whether any project records (activities, collaborations, milestones) are loaded."""
    return not query("record_sources").empty


def calendar() -> Calendar:
    frame = query("project_calendar")
    first = frame.iloc[0]
    return Calendar(
        project_start=_date(first["project_start"]),
        project_end=_date(first["project_end"]),
        data_as_of=_date(first["data_as_of"]),
        grace_days=int(first["grace_days"]),
        periods=frame[["period", "position", "starts_on", "ends_on", "has_begun"]],
    )


def period_label(period: str, lang: Lang) -> str:
    """``2022-H1`` → "first half of 2022" in the language; other period names stay as they are."""
    if match := re.fullmatch(r"(\d{4})-H([12])", period):
        message = FIRST_HALF if match[2] == "1" else SECOND_HALF
        return translate(lang, message, year=match[1])
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", period):
        return translate(lang, QUARTER, quarter=match[2], year=match[1])
    return period


def period_short(period: str, lang: Lang) -> str:
    """``2022-H1`` → "H1 2022", "1e helft 2022", "1. Halbjahr 2022": for axes with little room;
    quarters as in ``period_label``."""
    if match := re.fullmatch(r"(\d{4})-H([12])", period):
        return translate(lang, HALF_SHORT, half=match[2], year=match[1])
    return period_label(period, lang)


def record_sources(lang: Lang, as_of: dt.date) -> list[tuple[str, str]]:
    """The "source · vintage" of every chart of the project records in words (the file names
    are in the footer's list of sources), marked as sample data where they are, and how far
    they go."""
    frame = query("record_sources")
    title = translate(lang, RECORDS_IN_WORDS)
    if frame["is_sample"].any():
        title += " – " + translate(lang, SAMPLE)
    return [(title, translate(lang, UP_TO, date=fmt_date(as_of, lang)))]


def is_sample() -> bool:
    return bool(query("record_sources")["is_sample"].any())


def milestones(lang: Lang) -> pd.DataFrame:
    """The work plan's milestones with their state on the records' date: ``done``, ``done late``,
    ``overdue`` (open past its date and the grace days) or ``open``."""
    return query("milestones", lang=lang)
