"""The progress page's figures: milestones planned and reached, activities and participants per
reporting period against the work plan, and whether each work package is on track."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

import pandas as pd
import plotly.graph_objects as go
from pandas.io.formats.style import Styler

from core.i18n import N_, Lang, fmt_date, translate
from dia.render.charts import layout
from dia.data.cooperation import MILESTONE_STATE_COLOURS, MILESTONE_STATES, milestone_legend
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
WP_STATUS_COLOURS: Final[dict[str, str]] = {
    "completed": "#cfe8d8",
    "on track": "#e3f1e8",
    "behind": "#f8d4c4",
}
IN_PROGRESS = N_("{period} (in progress)")
ACTUAL_COLOUR: Final = "#1f4e79"
PLAN_COLOUR: Final = "#b8c7d9"


def milestone_figure(milestones: pd.DataFrame, lang: Lang, *, as_of: dt.date) -> go.Figure:
    """One line per milestone from its planned date to the day it was reached (or to the
    records' date while it is open), grouped by work package."""
    frame = milestones.iloc[::-1].reset_index(drop=True)  # first work package on top
    names = [f"{row.work_package} · {_short(row.milestone)}" for row in frame.itertuples()]
    figure = go.Figure()
    planned = pd.to_datetime(frame["planned_on"])
    done = pd.to_datetime(frame["done_on"])
    until = done.fillna(pd.Timestamp(as_of)).where(
        done.notna() | (planned < pd.Timestamp(as_of)), planned
    )
    for row, name, start, end in zip(frame.itertuples(), names, planned, until, strict=True):
        figure.add_trace(
            go.Scatter(
                x=[start, end],
                y=[name, name],
                mode="lines",
                line={
                    "color": MILESTONE_STATE_COLOURS[row.state]
                    if row.state != "open"
                    else "#bbbbbb",
                    "width": 3,
                },
                hoverinfo="skip",
                showlegend=False,
            )
        )
    state_text = frame["state"].map(MILESTONE_STATES).map(lambda m: translate(lang, m))
    hover = [
        f"<b>{row.work_package}</b> · {row.milestone}<br>"
        f"{translate(lang, N_('Planned'))}: {fmt_date(row.planned_on, lang)}<br>"
        + (
            f"{translate(lang, N_('Reached'))}: {fmt_date(row.done_on, lang)}"
            if isinstance(row.done_on, dt.date) and not pd.isna(row.done_on)
            else translate(lang, N_("Not reached yet"))
        )
        + f"<br>{state}"
        for row, state in zip(frame.itertuples(), state_text, strict=True)
    ]
    figure.add_trace(
        go.Scatter(
            x=planned,
            y=names,
            mode="markers",
            marker={"symbol": "circle-open", "size": 11, "color": "#444444", "line": {"width": 2}},
            name=translate(lang, N_("Planned")),
            text=hover,
            hovertemplate="%{text}<extra></extra>",
        )
    )
    reached = done.notna()
    figure.add_trace(
        go.Scatter(
            x=done[reached],
            y=[n for n, r in zip(names, reached, strict=True) if r],
            mode="markers",
            marker={
                "symbol": "diamond",
                "size": 12,
                "color": [MILESTONE_STATE_COLOURS[s] for s in frame.loc[reached, "state"]],
                "line": {"width": 1, "color": "#333333"},
            },
            name=translate(lang, N_("Reached")),
            text=[h for h, r in zip(hover, reached, strict=True) if r],
            hovertemplate="%{text}<extra></extra>",
            showlegend=False,
        )
    )
    # The colours of the diamonds and lines: on time, late, overdue.
    milestone_legend(figure, frame.loc[frame["state"] != "open", "state"], lang)
    figure.add_vline(x=pd.Timestamp(as_of), line_dash="dash", line_color="#D55E00", line_width=1.5)
    figure.add_annotation(
        x=pd.Timestamp(as_of),
        y=1.0,
        yref="paper",
        text=translate(lang, N_("records up to {date}"), date=fmt_date(as_of, lang)),
        showarrow=False,
        xanchor="left",
        yanchor="bottom",
        font={"size": 11, "color": "#D55E00"},
    )
    figure.update_xaxes(tickformat="%m/%Y")
    figure.update_yaxes(categoryorder="array", categoryarray=names)
    layout(
        figure,
        lang,
        translate(lang, N_("Milestones: planned and reached")),
        height=max(360, 120 + 26 * len(frame)),
    )
    # Legend on the left, clear of the records' date at the right.
    figure.update_layout(legend={"x": 0, "xanchor": "left"})
    return figure


def _short(text: str, length: int = 48) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def plan_figure(measure: PlanMeasure, lang: Lang) -> go.Figure:
    """What each reporting period achieved against the work plan; the period in progress is
    marked as such."""
    frame = query("progress_periods")
    labels = [
        translate(lang, IN_PROGRESS, period=period_label(row.period, lang))
        if row.has_begun and not row.has_ended
        else period_label(row.period, lang)
        for row in frame.itertuples()
    ]
    actual = frame[measure].where(frame["has_begun"])
    figure = go.Figure()
    figure.add_trace(
        go.Bar(
            x=labels,
            y=frame[f"planned_{measure}"],
            name=translate(lang, N_("Plan")),
            marker_color=PLAN_COLOUR,
            hovertemplate="%{y}<extra>%{fullData.name}</extra>",
        )
    )
    figure.add_trace(
        go.Bar(
            x=labels,
            y=actual,
            name=translate(lang, N_("Achieved")),
            marker_color=ACTUAL_COLOUR,
            text=actual.map(lambda v: "" if v != v else f"{int(v)}"),
            textposition="outside",
            hovertemplate="%{y}<extra>%{fullData.name}</extra>",
        )
    )
    figure.update_layout(barmode="group")
    figure.update_yaxes(title=translate(lang, PLAN_MEASURES[measure]), rangemode="tozero")
    title = translate(
        lang,
        N_("{measure} per reporting period against the plan"),
        measure=translate(lang, PLAN_MEASURES[measure]),
    )
    return layout(figure, lang, title, height=380)


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


def work_package_status(milestones: pd.DataFrame, lang: Lang) -> Styler:
    """Per work package: milestones reached (on time / late), overdue and open, and its status:
    completed when every milestone is reached, behind schedule when one is overdue, else on
    track. The status cell is coloured."""
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
                "_status": status,
            }
        )
    headers = ("Work package", "Status", "Milestones", "Reached on time", "Reached late",
               "Overdue", "Next due")  # fmt: skip
    frame = pd.DataFrame(rows, columns=[*(translate(lang, h) for h in headers), "_status"])
    colours = frame.pop("_status").map(WP_STATUS_COLOURS)
    status_column = translate(lang, N_("Status"))
    return frame.style.apply(
        lambda column: (
            [f"background-color: {c}" for c in colours]
            if column.name == status_column
            else [""] * len(column)
        ),
        axis=0,
    )
