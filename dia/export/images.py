"""Figures as pictures (PNG, SVG) with their title, source line and sample label drawn in.

Rendered by kaleido in the system's Chromium (``BROWSER_PATH``, default /usr/bin/chromium),
offline: plotly.js comes from the plotly package and our maps use our own GeoJSON.
"""

from __future__ import annotations

import atexit
import os
import shutil
import threading
import warnings
from typing import Final, Literal

import plotly.graph_objects as go

from dia.export.exhibit import SAMPLE_MARK, Rendered
from dia.render import theme

ImageFormat = Literal["png", "svg"]
SLIDE_WIDTH: Final = 1000  # px at scale 2.4: text of 12 px reads as about 10 pt on the slide
SLIDE_SCALE: Final = 2.4
DOWNLOAD_WIDTH: Final = 1200
_LOCK = threading.Lock()
_started = False


def _browser() -> None:
    if "BROWSER_PATH" not in os.environ:
        found = shutil.which("chromium") or "/usr/bin/chromium"
        os.environ["BROWSER_PATH"] = found


def _server() -> None:
    """One Chromium for the process: the first picture starts it, later ones take ~0.2 s."""
    global _started
    if _started:
        return
    import kaleido

    _browser()
    kaleido.start_sync_server(silence_warnings=True)
    atexit.register(kaleido.stop_sync_server, silence_warnings=True)
    _started = True


def offline_geo(figure: go.Figure) -> go.Figure:
    """plotly.js downloads its world topojson unless the first trace is a lon/lat scattergeo;
    a map without one (our own GeoJSON only) gets an empty one in front."""
    geo = [t for t in figure.data if t.type in ("choropleth", "scattergeo")]
    first = figure.data[0] if figure.data else None
    if not geo or (first is not None and first.type == "scattergeo" and first.lon is not None):
        return figure
    anchor = go.Scattergeo(lon=[None], lat=[None], mode="lines", showlegend=False, hoverinfo="skip")
    return go.Figure(data=[anchor, *figure.data], layout=figure.layout)


def to_image(
    figure: go.Figure,
    fmt: ImageFormat,
    size: tuple[int, int] = (DOWNLOAD_WIDTH, 700),
    scale: float = 1,
) -> bytes:
    with _LOCK, warnings.catch_warnings():
        # plotly passes its default browser options, which a running server does not need
        warnings.filterwarnings("ignore", "The kopts argument is ignored")
        _server()
        return offline_geo(figure).to_image(format=fmt, width=size[0], height=size[1], scale=scale)


def height_of(figure: go.Figure, default: int = 455, most: int = 800) -> int:
    """The figure's own height (charts with many rows are taller), within picture limits."""
    return int(min(max(figure.layout.height or default, 300), most))


def export_ready(figure: go.Figure) -> go.Figure:
    """A copy styled for paper: white background, and axes that make room for their labels
    (on screen Streamlit's theme does that; a picture must not cut names off)."""
    ready = go.Figure(figure)
    ready.update_layout(template=theme.NAME, paper_bgcolor="white")
    if any(key.startswith(("xaxis", "yaxis")) for key in ready.to_plotly_json()["layout"]):
        ready.update_xaxes(automargin=True)
        ready.update_yaxes(automargin=True)
    return ready


def captioned(rendered: Rendered) -> go.Figure:
    """A copy of the figure with the title on top and the source (and sample label) under it,
    so a picture that leaves the dashboard still says what it is and where it comes from."""
    figure = export_ready(rendered.figure)
    margin = figure.layout.margin
    figure.update_layout(
        title={"text": rendered.title, "x": 0.01, "xanchor": "left", "font": {"size": 18}},
        margin={
            "t": max(margin.t or 0, 70),
            "b": max(margin.b or 0, 10) + 50,
            "l": margin.l if margin.l is not None else 10,
            "r": margin.r if margin.r is not None else 10,
        },
        paper_bgcolor="white",
    )
    figure.add_annotation(
        text=rendered.source_line,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-40,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        font={"size": 11, "color": "#555555"},
    )
    if rendered.is_sample:
        figure.add_annotation(
            text=f"<b>{SAMPLE_MARK}</b>",
            xref="paper",
            yref="paper",
            x=1,
            y=1,
            yshift=45,
            xanchor="right",
            yanchor="bottom",
            showarrow=False,
            font={"size": 13, "color": "#9c4a00"},
            bgcolor="#fff1dc",
        )
    return figure


def picture(rendered: Rendered, fmt: ImageFormat) -> bytes:
    figure = captioned(rendered)
    size = (DOWNLOAD_WIDTH, height_of(rendered.figure, 560) + 120)
    return to_image(figure, fmt, size, scale=2 if fmt == "png" else 1)
