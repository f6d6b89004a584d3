"""The progress page's figures and its work-package table, drawn from the frames of
dia.data.progress and the milestones of dia.data.project."""

from __future__ import annotations

import datetime as dt
from typing import Final

import pandas as pd
import plotly.graph_objects as go
from pandas.io.formats.style import Styler

from core.i18n import N_, Lang, fmt_date, translate
from dia.data.progress import PLAN_MEASURES, PlanMeasure
from dia.render.charts import layout
from dia.render.style import MILESTONE_STATE_COLOURS, MILESTONE_STATES

WP_STATUS_COLOURS: Final[dict[str, str]] = {
    "completed": "#cfe8d8",
    "on track": "#e3f1e8",
    "behind": "#f8d4c4",
}
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
    # Every mark in the legend as drawn: on time (diamond), late (diamond at the end of its
    # line), overdue (a line up to the records' date, no diamond yet).
    present = set(frame["state"])
    for state, mode in (
        ("done", "lines+markers"),
        ("done late", "lines+markers"),
        ("overdue", "lines"),
    ):
        if state not in present:
            continue
        figure.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode=mode,
                line={"color": MILESTONE_STATE_COLOURS[state], "width": 3},
                marker={
                    "symbol": "diamond",
                    "size": 12,
                    "color": MILESTONE_STATE_COLOURS[state],
                    "line": {"width": 1, "color": "#333333"},
                },
                name=translate(lang, MILESTONE_STATES[state]),
                hoverinfo="skip",
            )
        )
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


def plan_figure(frame: pd.DataFrame, measure: PlanMeasure, lang: Lang) -> go.Figure:
    """What each reporting period achieved against the work plan (``progress.plan_periods``)."""
    figure = go.Figure()
    figure.add_trace(
        go.Bar(
            x=frame["label"],
            y=frame["planned"],
            name=translate(lang, N_("Plan")),
            marker_color=PLAN_COLOUR,
            hovertemplate="%{y}<extra>%{fullData.name}</extra>",
        )
    )
    figure.add_trace(
        go.Bar(
            x=frame["label"],
            y=frame["actual"],
            name=translate(lang, N_("Achieved")),
            marker_color=ACTUAL_COLOUR,
            text=frame["text"],
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


def work_package_table(frame: pd.DataFrame, lang: Lang) -> Styler:
    """The work packages (``progress.work_packages``) with the status cell coloured."""
    frame = frame.copy()
    colours = frame.pop("status").map(WP_STATUS_COLOURS)
    status_column = translate(lang, N_("Status"))
    return frame.style.apply(
        lambda column: (
            [f"background-color: {c}" for c in colours]
            if column.name == status_column
            else [""] * len(column)
        ),
        axis=0,
    )
