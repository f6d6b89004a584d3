"""Chart pieces shared by the pages: one layout for every plotly chart, and room for the values
written above bars."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from core.i18n import Lang, plotly_separators
from dia.render import theme

theme.use()  # every figure of the dashboard starts from the one template


def layout(figure: go.Figure, lang: Lang, title: str, height: int = 380) -> go.Figure:
    """Title at the left, legend on top, numbers in the language's format, white background."""
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}},
        separators=plotly_separators(lang),
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 1, "xanchor": "right"},
        plot_bgcolor="white",
    )
    figure.update_xaxes(showgrid=False, linecolor="#bbbbbb")
    figure.update_yaxes(gridcolor="#e6e6e6", zerolinecolor="#bbbbbb")
    room_for_labels(figure)
    return figure


def room_for_labels(figure: go.Figure) -> None:
    """Values written above bars are never cut off: drawn outside the plot area, and the value
    axis reaches a little past the tallest bar (a single-axis chart whose range is not set)."""
    outside = [
        trace for trace in figure.data if trace.type == "bar" and trace.textposition == "outside"
    ]
    if not outside:
        return
    for trace in outside:
        trace.cliponaxis = False
    horizontal = outside[0].orientation == "h"
    axis = figure.layout.xaxis if horizontal else figure.layout.yaxis
    if axis.range is not None or figure.layout.barmode in ("stack", "relative"):
        return
    found = [t.x if horizontal else t.y for t in outside]
    values = pd.to_numeric(
        pd.Series([v for series in found if series is not None for v in series]),
        errors="coerce",
    ).dropna()
    if values.empty or values.max() <= 0:
        return
    top = float(values.max()) * 1.15
    if horizontal:
        figure.update_xaxes(range=[min(0.0, float(values.min())), top])
    else:
        figure.update_yaxes(range=[min(0.0, float(values.min())), top])
