"""The indicator figures, drawn from the frames of dia.data.indicators (counts, shares and
forecasts there are already published as the viewer may see them)."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Final

import pandas as pd
import plotly.graph_objects as go

from core.codes import SIDES
from core.i18n import N_, Lang, fmt_date, fmt_number, translate
from dia.data.indicators import IndicatorSeries
from dia.render.charts import layout
from dia.render.maps import area_map
from dia.render.style import SIDE_COLOURS

ON_TRACK_COLOUR: Final = "#009E73"
BEHIND_COLOUR: Final = "#D55E00"
TARGET_COLOUR: Final = "#444444"
NAME_WIDTH: Final = 34  # characters per line of an indicator's name beside its bar
SEGMENT_FONT: Final = 12  # labels in bar segments never shrink below this; smaller: hidden


def overview_figure(bars: pd.DataFrame, lang: Lang, *, end: dt.date) -> go.Figure:
    """Every indicator's cumulative as a share of its target, with the forecast at the end
    (``indicators.overview_bars``)."""
    # Names wrap onto two lines (never cut), so the bars keep most of a narrow tile's width.
    bars = bars.assign(name=["<br>".join(textwrap.wrap(n, NAME_WIDTH)) for n in bars["name"]])
    names = list(bars["name"])
    lines = max((name.count("<br>") + 1 for name in names), default=1)
    figure = go.Figure()
    for on_track, message, colour in (
        (True, N_("Reached so far; the forecast reaches the target"), ON_TRACK_COLOUR),
        (False, N_("Reached so far; the forecast stays below the target"), BEHIND_COLOUR),
    ):
        rows = bars[bars["on_track"] == on_track]
        figure.add_trace(
            go.Bar(
                y=rows["name"],
                x=rows["share"],
                orientation="h",
                marker_color=colour,
                text=rows["text"],
                textposition="auto",
                textangle=0,
                insidetextanchor="end",
                name=translate(lang, message),
                hovertemplate="%{y}: %{text}<extra></extra>",
            )
        )
    figure.add_trace(
        go.Scatter(
            y=names,
            x=bars["expected"],
            mode="markers",
            marker={"symbol": "line-ns", "size": 22, "line": {"width": 3, "color": TARGET_COLOUR}},
            name=translate(lang, N_("Forecast at end {date}"), date=fmt_date(end, lang)),
            text=bars["expected_text"],
            hovertemplate="%{y}: %{text}<extra>%{fullData.name}</extra>",
        )
    )
    figure.add_vline(x=100, line_color=TARGET_COLOUR, line_dash="dash", line_width=1)
    figure.update_xaxes(
        title=translate(lang, N_("Share of target")), ticksuffix=" %", rangemode="tozero"
    )
    figure.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=names)
    figure = layout(
        figure,
        lang,
        translate(lang, N_("Progress towards the targets")),
        height=170 + max(48, 17 * lines + 12) * len(bars),
    )
    # The legend's three long entries go under the chart, where they never meet the title.
    figure.update_layout(
        legend={"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0, "xref": "container"},
        margin={"b": 10, "t": 50},
    )
    return figure


def progress_figure(series: IndicatorSeries, lang: Lang) -> go.Figure:
    """One indicator over the reporting periods: each period's value per side, the cumulative
    against the target (``indicators.period_series``)."""
    periods = series.periods
    figure = go.Figure()
    stacked = len(series.sides) > 1
    for side in series.sides:
        figure.add_trace(
            go.Bar(
                x=periods["label"],
                y=periods[f"{side}_height"],
                name=translate(lang, SIDES[side]),
                marker_color=SIDE_COLOURS[side],
                text=periods[f"{side}_text"],
                textangle=0,
                # A segment's value sits inside it, or (one side only) above the bar, where it
                # is the period's total; a segment too small for a readable label shows none
                # (uniformtext below) and gives its value on hover.
                textposition="inside" if stacked else "outside",
                insidetextanchor="middle",
                hovertemplate="%{text}<extra>%{fullData.name}</extra>",
            )
        )
    if stacked:  # the period's total above its stack: the only label there
        figure.add_trace(
            go.Scatter(
                x=periods["label"],
                y=periods[[f"{side}_height" for side in series.sides]].sum(axis=1),
                mode="text",
                text=periods["total_text"],
                textposition="top center",
                textfont={"size": SEGMENT_FONT},
                cliponaxis=False,
                name=translate(lang, N_("Total of the period")),
                showlegend=False,
                hovertemplate="%{text}<extra>%{fullData.name}</extra>",
            )
        )
    figure.add_trace(
        go.Scatter(
            x=periods["label"],
            y=periods["cumulative"],
            mode="lines+markers",
            name=translate(lang, N_("Cumulative")),
            line={"color": "#222222", "width": 2},
            text=periods["cumulative_text"],
            hovertemplate="%{text}<extra>%{fullData.name}</extra>",
        )
    )
    figure.add_hline(
        y=series.target,
        line_dash="dash",
        line_color=TARGET_COLOUR,
        annotation_text=translate(
            lang, N_("Target {value}"), value=fmt_number(series.target, lang)
        ),
        annotation_position="top left",
    )
    figure.update_layout(barmode="stack", uniformtext={"minsize": SEGMENT_FONT, "mode": "hide"})
    figure.update_traces(textfont_size=SEGMENT_FONT, selector={"type": "bar"})
    figure.update_yaxes(title=series.unit, rangemode="tozero")
    return layout(figure, lang, series.title, height=380)


def indicator_map(frame: pd.DataFrame, lang: Lang, *, unit: str) -> go.Figure:
    """The indicator per municipality (``indicators.map_frame``)."""
    return area_map(frame, lang, colourbar_title=unit)
