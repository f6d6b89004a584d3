"""The progress page's frames (drawn by dia.render.progress): milestones planned and reached,
activities and participants per reporting period against the work plan, and whether each work
package is on track."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

import pandas as pd

from core.i18n import N_, Lang, fmt_date, translate
from dia.data.project import period_label
from dia.data.warehouse import query

PlanMeasure = Literal["activities", "participants"]
PLAN_MEASURES: Final[dict[PlanMeasure, str]] = {
    "activities": N_("Activities"),
    "participants": N_("Participants (persons)"),
}
WP_STATUSES: Final[dict[str, str]] = {
    "completed": N_("Completed"),
    "on track": N_("On track"),
    "behind": N_("Behind schedule"),
}
IN_PROGRESS = N_("{period} (in progress)")


def plan_periods(measure: PlanMeasure, lang: Lang) -> pd.DataFrame:
    """Per reporting period: its ``label`` (the period in progress marked as such), the
    ``planned`` figure of the work plan and the ``actual`` one (missing before it began) with
    its ``text``."""
    frame = query("progress_periods")
    labels = [
        translate(lang, IN_PROGRESS, period=period_label(row.period, lang))
        if row.has_begun and not row.has_ended
        else period_label(row.period, lang)
        for row in frame.itertuples()
    ]
    actual = frame[measure].where(frame["has_begun"])
    return pd.DataFrame(
        {
            "label": labels,
            "planned": frame[f"planned_{measure}"],
            "actual": actual,
            "text": actual.map(lambda v: "" if v != v else f"{int(v)}"),
        }
    )


@dataclass(frozen=True)
class Summary:
    total: int
    reached: int
    reached_late: int
    overdue: int
    activities: int
    planned_activities: int
    participants: int
    planned_participants: int


def summary(milestones: pd.DataFrame) -> Summary:
    """Milestones reached and overdue; activities and participants so far against the plan of
    the periods begun."""
    states = milestones["state"].value_counts()
    periods = query("progress_periods")
    begun = periods[periods["has_begun"]]
    return Summary(
        total=len(milestones),
        reached=int(states.get("done", 0) + states.get("done late", 0)),
        reached_late=int(states.get("done late", 0)),
        overdue=int(states.get("overdue", 0)),
        activities=int(begun["activities"].sum()),
        planned_activities=int(begun["planned_activities"].fillna(0).sum()),
        participants=int(begun["participants"].sum()),
        planned_participants=int(begun["planned_participants"].fillna(0).sum()),
    )


MILESTONE_SUMMARY = N_(
    "{reached} of {total} milestones reached, {late} of them later than planned; "
    "{overdue} overdue."
)


def milestone_summary(milestones: pd.DataFrame, lang: Lang) -> str:
    """The milestones in one sentence (speaker notes, alt text)."""
    found = summary(milestones)
    return translate(
        lang,
        MILESTONE_SUMMARY,
        reached=found.reached,
        total=found.total,
        late=found.reached_late,
        overdue=found.overdue,
    )


def work_packages(milestones: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Per work package: milestones reached (on time / late), overdue and open, and its status:
    completed when every milestone is reached, behind schedule when one is overdue, else on
    track (``status``: the code, for the cell's colour)."""
    rows = []
    for (code, name), group in milestones.groupby(
        ["work_package", "work_package_name"], sort=False
    ):
        states = group["state"].value_counts()
        overdue = int(states.get("overdue", 0))
        open_ = int(states.get("open", 0))
        status = "behind" if overdue else ("completed" if open_ == 0 else "on track")
        following = pd.to_datetime(group.loc[group["done_on"].isna(), "planned_on"])
        rows.append(
            {
                translate(lang, N_("Work package")): f"{code} · {name}",
                translate(lang, N_("Status")): translate(lang, WP_STATUSES[status]),
                translate(lang, N_("Milestones")): len(group),
                translate(lang, N_("Reached on time")): int(states.get("done", 0)),
                translate(lang, N_("Reached late")): int(states.get("done late", 0)),
                translate(lang, N_("Overdue")): overdue,
                translate(lang, N_("Next due")): (
                    fmt_date(following.min().date(), lang) if len(following) else "–"
                ),
                "status": status,
            }
        )
    headers = ("Work package", "Status", "Milestones", "Reached on time", "Reached late",
               "Overdue", "Next due")  # fmt: skip
    return pd.DataFrame(rows, columns=[*(translate(lang, h) for h in headers), "status"])
