"""The cooperation page's figures, drawn from the frames of dia.data.cooperation (counts there
are already published as the viewer may see them)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from core.i18n import N_, Lang, translate
from dia.data.cooperation import (
    PARTICIPANT_MEASURES,
    SIDE_NAMES,
    TIMELINE_TITLES,
    Breakdown,
    Matrix,
    ParticipantMeasure,
)
from dia.data.regions import map_shapes
from dia.render.charts import layout
from dia.render.maps import link_map
from dia.render.project import milestone_marks, quarter_axis
from dia.render.style import (
    ASSOCIATION_COLOURS,
    BORDER_LABEL,
    CODE_COLOURS,
    LINK_COLOUR,
    SIDE_COLOURS,
)

DAY_MS = 24 * 3600 * 1000


def activity_timeline(
    counts: pd.DataFrame,
    breakdown: Breakdown,
    milestones: pd.DataFrame,
    lang: Lang,
    *,
    project: tuple[dt.date, dt.date],
) -> go.Figure:
    """Activities per quarter (``cooperation.activities_per_quarter``), stacked by format or
    theme, with the milestones above them."""
    figure = go.Figure()
    for code, part in counts.groupby("code", sort=False):
        figure.add_trace(
            go.Bar(
                x=part["quarter"],
                y=part["activities"],
                name=part["name"].iloc[0],
                marker_color=CODE_COLOURS.get(str(code)),
                width=75 * DAY_MS,  # a quarter's bar with a gap
                hovertemplate="%{y}<extra>%{fullData.name}</extra>",
            )
        )
    top = int(counts.groupby("quarter")["activities"].sum().max()) if not counts.empty else 1
    milestone_marks(figure, milestones, lang, y=top + 1.2)
    figure.update_layout(barmode="stack", bargap=0.1)
    figure.update_yaxes(title=translate(lang, N_("Activities")), rangemode="tozero")
    quarter_axis(figure, project[0], project[1], lang)
    return layout(figure, lang, translate(lang, TIMELINE_TITLES[breakdown]), height=420)


def participants_figure(
    frame: pd.DataFrame,
    measure: ParticipantMeasure,
    lang: Lang,
    *,
    project: tuple[dt.date, dt.date],
) -> go.Figure:
    """Companies (or persons) taking part per quarter, Dutch and German side by side
    (``cooperation.participants``)."""
    figure = go.Figure()
    for side in ("NL", "DE"):
        part = frame[frame["side"] == side]
        figure.add_trace(
            go.Bar(
                x=part["quarter"],
                y=part["height"],
                text=part["text"],
                textposition="outside",
                name=translate(lang, SIDE_NAMES[side]),
                marker_color=SIDE_COLOURS[side],
                width=36 * DAY_MS,
                hovertemplate="%{text}<extra>%{fullData.name}</extra>",
            )
        )
    figure.update_layout(barmode="group")
    figure.update_yaxes(title=translate(lang, PARTICIPANT_MEASURES[measure]), rangemode="tozero")
    quarter_axis(figure, project[0], project[1], lang)
    title = (
        N_("Companies taking part per quarter, by side of the border")
        if measure == "companies"
        else N_("Persons taking part per quarter, by side of the border")
    )
    return layout(figure, lang, translate(lang, title), height=380)


def link_figure(regions: pd.DataFrame, links: pd.DataFrame, lang: Lang) -> go.Figure:
    """One line between two municipalities of collaborating companies, its width by their
    number in steps, each step in the legend, widest first (``cooperation.link_frames``); the
    kinds of collaboration are in the hover of the line's middle."""
    geojson, context_ids = map_shapes()
    steps = links.sort_values("width", ascending=False).drop_duplicates("group")
    groups = {
        str(step.group): (str(step.legend), LINK_COLOUR) for step in steps.itertuples(index=False)
    }
    return link_map(
        geojson,
        regions,
        links,
        groups=groups,
        lang=lang,
        context_ids=context_ids,
        border_label=translate(lang, BORDER_LABEL),
        height=600,
    )


def sector_matrix_figure(matrix: Matrix, lang: Lang) -> go.Figure:
    """Collaborations by the sector of the Dutch (rows) and the German partner (columns)."""
    shown = matrix.values
    figure = go.Figure(
        go.Heatmap(
            z=shown.to_numpy(),
            x=matrix.columns,
            y=matrix.rows,
            text=matrix.text.to_numpy(),
            texttemplate="%{text}",
            colorscale="Blues",
            zmin=0,
            zmax=max(float(shown.max().max()) if shown.notna().any().any() else 1.0, 1.0),
            showscale=False,
            hovertemplate=(
                translate(lang, N_("Dutch partner"))
                + ": %{y}<br>"
                + translate(lang, N_("German partner"))
                + ": %{x}<br>%{text}<extra></extra>"
            ),
            xgap=2,
            ygap=2,
        )
    )
    figure.update_xaxes(title=translate(lang, N_("Sector of the German partner")), side="bottom")
    figure.update_yaxes(
        title=translate(lang, N_("Sector of the Dutch partner")), autorange="reversed"
    )
    height = max(320, 60 + 34 * len(matrix.rows))
    return layout(
        figure, lang, translate(lang, N_("Collaborations by sector of the partners")), height=height
    )


def funnel_figure(frame: pd.DataFrame, lang: Lang) -> go.Figure:
    """Members → took part → matched → collaborating, per association (``cooperation.funnel``)."""
    figure = go.Figure()
    for association, part in frame.groupby("association", sort=False):
        figure.add_trace(
            go.Bar(
                y=part["stage"],
                x=part["height"],
                orientation="h",
                text=part["text"],
                textposition="outside",
                cliponaxis=False,
                name=part["name"].iloc[0],
                marker_color=ASSOCIATION_COLOURS[str(association)],
                hovertemplate="%{y}: %{text}<extra>%{fullData.name}</extra>",
            )
        )
    figure.update_layout(barmode="group")
    figure.update_yaxes(autorange="reversed")
    largest = float(frame["height"].max()) if not frame.empty else 1.0
    figure.update_xaxes(range=[0, largest * 1.25])  # room for the labels right of the bars
    return layout(
        figure,
        lang,
        translate(lang, N_("From member to partner: engagement per association")),
        height=400,
    )
