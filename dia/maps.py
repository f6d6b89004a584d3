"""The cross-border map: plotly over our own GeoJSON, no tile server, so it works offline.

NL and DE share one trace and therefore one colour scale, unless the measure is not comparable
across the border (``extra_layers``: one colour scale per side); the national border is drawn on
top.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dia.i18n import Lang, plotly_separators
from dia.paths import REFERENCE_DIR

CONTEXT_GREY = "#e4e4e4"
BORDER_COLOUR = "#222222"
# Sequential, colour-blind safe, readable in print.
COLOURSCALE = "Blues"


def feature_collection(shapes: pd.DataFrame) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": row.region_id,
                "properties": {"region_id": row.region_id},
                "geometry": json.loads(row.geometry_geojson),
            }
            for row in shapes.itertuples()
        ],
    }


@lru_cache(maxsize=1)
def national_border() -> tuple[list[float | None], list[float | None]]:
    """Longitudes and latitudes of the NL–DE border, segments separated by None."""
    data = json.loads((REFERENCE_DIR / "national_border.geojson").read_text(encoding="utf-8"))
    lons: list[float | None] = []
    lats: list[float | None] = []
    features = data["features"] if data.get("type") == "FeatureCollection" else [data]
    for feature in features:
        geometry = feature.get("geometry", feature)
        lines = geometry["coordinates"]
        if geometry["type"] == "LineString":
            lines = [lines]
        for line in lines:
            lons.extend([point[0] for point in line] + [None])
            lats.extend([point[1] for point in line] + [None])
    return lons, lats


def choropleth_layer(
    geojson: dict[str, Any],
    frame: pd.DataFrame,
    *,
    value_column: str,
    hover_text: pd.Series,
    colourbar_title: str,
    colourscale: str = COLOURSCALE,
    tickformat: str = ",d",
    colourbar: dict[str, Any] | None = None,
    name: str = "regions",
) -> go.Choropleth:
    """The filled regions of one measure with its own colour bar (``colourbar`` overrides
    position and size)."""
    # ",d" groups thousands with the locale's separators instead of SI "100k".
    bar: dict[str, Any] = {
        "title": {"text": colourbar_title},
        "thickness": 14,
        "len": 0.8,
        "tickformat": tickformat,
    }
    bar.update(colourbar or {})
    return go.Choropleth(
        geojson=geojson,
        locations=frame["region_id"],
        z=frame[value_column],
        text=hover_text,
        hovertemplate="%{text}<extra></extra>",
        colorscale=colourscale,
        marker_line_color="white",
        marker_line_width=0.8,
        colorbar=bar,
        name=name,
    )


def region_map(
    geojson: dict[str, Any],
    frame: pd.DataFrame,
    *,
    value_column: str,
    hover_text: pd.Series,
    colourbar_title: str,
    lang: Lang,
    context_ids: list[str],
    border_label: str,
    height: int = 560,
    colourscale: str = COLOURSCALE,
    tickformat: str = ",d",
    colourbar: dict[str, Any] | None = None,
    extra_layers: Sequence[go.Choropleth] = (),
) -> go.Figure:
    """A choropleth of ``frame[value_column]`` by ``frame.region_id``; ``hover_text`` is shown
    as is (already translated and formatted), so hovers speak the user's language.
    ``extra_layers`` (see ``choropleth_layer``) are drawn on top with their own colour scales,
    for measures that must not share one."""
    figure = go.Figure()
    # The first trace must be the lon/lat border line: plotly.js decides from the first trace
    # alone whether to download its world topojson, and we draw offline.
    lons, lats = national_border()
    figure.add_trace(
        go.Scattergeo(
            lon=lons,
            lat=lats,
            mode="lines",
            line={"color": BORDER_COLOUR, "width": 2.5, "dash": "dash"},
            name=border_label,
            hoverinfo="name",
            showlegend=True,
        )
    )
    if context_ids:
        figure.add_trace(
            go.Choropleth(
                geojson=geojson,
                locations=context_ids,
                z=[0] * len(context_ids),
                colorscale=[[0, CONTEXT_GREY], [1, CONTEXT_GREY]],
                showscale=False,
                marker_line_color="white",
                marker_line_width=0.5,
                hoverinfo="skip",
                name="context",
            )
        )
    figure.add_trace(
        choropleth_layer(
            geojson,
            frame,
            value_column=value_column,
            hover_text=hover_text,
            colourbar_title=colourbar_title,
            colourscale=colourscale,
            tickformat=tickformat,
            colourbar=colourbar,
        )
    )
    for layer in extra_layers:
        figure.add_trace(layer)
    figure.update_geos(
        fitbounds="locations",
        visible=False,
        projection_type="mercator",
        bgcolor="rgba(0,0,0,0)",
    )
    figure.update_layout(
        height=height,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        separators=plotly_separators(lang),
        legend={"x": 0.01, "y": 0.01, "bgcolor": "rgba(255,255,255,0.7)"},
    )
    return figure
