"""Pieces shared by the charts of project records over time: quarters on the time axis and the
milestones (diamonds with their legend)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from core.i18n import N_, Lang, fmt_date, translate
from dia.data.project import QUARTER
from dia.render.style import GUIDE_GREY, MILESTONE_COLOUR, MILESTONE_STATE_COLOURS, MILESTONE_STATES


def quarter_axis(figure: go.Figure, first: dt.date, last: dt.date, lang: Lang) -> None:
    """Quarters as ticks, named in the language (plotly's own date labels are English)."""
    quarters = pd.period_range(pd.Timestamp(first), pd.Timestamp(last), freq="Q")
    figure.update_xaxes(
        tickvals=[q.start_time + pd.Timedelta(days=45) for q in quarters],
        # The year under the quarter, so a dozen quarters fit without slanting.
        ticktext=[
            translate(lang, QUARTER, quarter=q.quarter, year=q.year).replace(" ", "<br>", 1)
            for q in quarters
        ],
        tickangle=0,
        range=[quarters[0].start_time, quarters[-1].end_time],
    )


def milestone_marks(figure: go.Figure, milestones: pd.DataFrame, lang: Lang, y: float) -> None:
    """Reached milestones as filled diamonds (with a dotted line down), open ones hollow at
    their planned date."""
    if milestones.empty:
        return
    done = milestones["done_on"].notna()
    when = pd.to_datetime(milestones["done_on"].where(done, milestones["planned_on"]))
    states = milestones["state"].map(MILESTONE_STATES).map(lambda m: translate(lang, m))
    text = [
        f"<b>{row.work_package}</b> · {row.milestone}<br>{state}: {fmt_date(day.date(), lang)}"
        for row, state, day in zip(milestones.itertuples(index=False), states, when, strict=True)
    ]
    figure.add_trace(
        go.Scatter(
            x=when,
            y=[y] * len(milestones),
            mode="markers",
            marker={
                "symbol": [mark_style(s)[0] for s in milestones["state"]],
                "size": 11,
                "color": [mark_style(s)[1] for s in milestones["state"]],
                "line": {"width": 1.5, "color": MILESTONE_COLOUR},
            },
            text=text,
            hovertemplate="%{text}<extra></extra>",
            name=translate(lang, N_("Milestones")),
            showlegend=False,
        )
    )
    milestone_legend(figure, milestones["state"], lang)
    # All lines in one layout update: add_vline per line re-validates the whole layout.
    line = {"width": 1, "dash": "dot", "color": GUIDE_GREY}
    lines = [
        {"type": "line", "xref": "x", "yref": "y domain", "x0": day, "x1": day, "y0": 0,
         "y1": 1, "line": line}
        for day in when[done]
    ]  # fmt: skip
    figure.update_layout(shapes=[*figure.layout.shapes, *lines])


def mark_style(state: str) -> tuple[str, str]:
    """A milestone's diamond: filled in its state's colour once reached, hollow while not
    (drawn in red when overdue, dark while still ahead); the same on the chart and in its
    legend."""
    if state in ("done", "done late"):
        return "diamond", MILESTONE_STATE_COLOURS[state]
    return "diamond-open", MILESTONE_STATE_COLOURS[
        state
    ] if state == "overdue" else MILESTONE_COLOUR


def milestone_legend(figure: go.Figure, states: Iterable[str], lang: Lang) -> None:
    """One legend entry per milestone state shown (on time, late, overdue, planned), so every
    colour of the diamonds is explained."""
    present = set(states)
    for state, message in MILESTONE_STATES.items():
        if state not in present:
            continue
        figure.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={
                    "symbol": mark_style(state)[0],
                    "size": 11,
                    "color": mark_style(state)[1],
                    "line": {"width": 1.5, "color": MILESTONE_COLOUR},
                },
                name=translate(lang, message),
                legendgroup="milestones",
                hoverinfo="skip",
            )
        )
