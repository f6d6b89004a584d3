"""The cross-border map: plotly over our own GeoJSON, no tile server, so it works offline.

NL and DE share one trace and therefore one colour scale, unless the measure is not comparable
across the border (``extra_layers``: one colour scale per side); the national border is drawn on
top.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from shapely.geometry import shape

from core.i18n import Lang, plotly_separators, translate
from core.paths import REFERENCE_DIR
from dia.data.regions import map_shapes
from dia.render import theme
from dia.render.style import BORDER_LABEL

theme.use()  # maps and the charts of pages without dia.render.charts share the one template

CONTEXT_GREY = "#e4e4e4"
BORDER_COLOUR = "#222222"
# Sequential, colour-blind safe, readable in print.
COLOURSCALE = "Blues"
# A plotly scale name or ``[[position, colour], …]``.
ColourScale = str | Sequence[Sequence[float | str]]
LINK_BASE = "#eef2f6"  # municipalities under the lines: light, so the lines stand out


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


def features_of(geojson: dict[str, Any], ids: Iterable[object]) -> dict[str, Any]:
    """The features of ``ids`` only: each trace carries its own regions' shapes, so a map
    sends every shape once, not once per trace."""
    wanted = {str(i) for i in ids}
    return {
        "type": "FeatureCollection",
        "features": [f for f in geojson["features"] if str(f.get("id")) in wanted],
    }


def choropleth_layer(
    geojson: dict[str, Any],
    frame: pd.DataFrame,
    *,
    value_column: str,
    hover_text: pd.Series,
    colourbar_title: str,
    colourscale: ColourScale = COLOURSCALE,
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
    values = pd.to_numeric(frame[value_column], errors="coerce").dropna()
    if tickformat == ",d" and not values.empty and values.max() - values.min() <= 6:
        # whole numbers over a small range: one tick per step, not "0 0 0 1 1 1"
        bar.update({"tick0": 0, "dtick": 1})
    bar.update(colourbar or {})
    return go.Choropleth(
        geojson=features_of(geojson, frame["region_id"]),
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


def _base_map(geojson: dict[str, Any], context_ids: list[str], border_label: str) -> go.Figure:
    """The national border and the grey neighbours that every map of the area starts from."""
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
                geojson=features_of(geojson, context_ids),
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
    return figure


def _fit(figure: go.Figure, lang: Lang, height: int) -> go.Figure:
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
    colourscale: ColourScale = COLOURSCALE,
    tickformat: str = ",d",
    colourbar: dict[str, Any] | None = None,
    extra_layers: Sequence[go.Choropleth] = (),
) -> go.Figure:
    """A choropleth of ``frame[value_column]`` by ``frame.region_id``; ``hover_text`` is shown
    as is (already translated and formatted), so hovers speak the user's language.
    ``extra_layers`` (see ``choropleth_layer``) are drawn on top with their own colour scales,
    for measures that must not share one."""
    figure = _base_map(geojson, context_ids, border_label)
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
    return _fit(figure, lang, height)


def area_map(
    frame: pd.DataFrame,
    lang: Lang,
    *,
    colourbar_title: str,
    value_column: str = "value",
    hover_column: str = "hover",
    **options: Any,
) -> go.Figure:
    """``region_map`` of the project area: a frame of map units with their value and hover
    text (from dia.data) over the area's shapes, grey neighbours and the national border."""
    geojson, context_ids = map_shapes()
    return region_map(
        geojson,
        frame,
        value_column=value_column,
        hover_text=frame[hover_column],
        colourbar_title=colourbar_title,
        lang=lang,
        context_ids=context_ids,
        border_label=translate(lang, BORDER_LABEL),
        **options,
    )


# Where each side's colour bar sits under a map with one colour scale per side.
SIDE_BAR_POSITIONS: tuple[tuple[float, str], ...] = ((0.22, "NL"), (0.78, "DE"))


def side_colourbar(position: float, title: str) -> dict[str, Any]:
    """A horizontal colour bar under the map at ``position`` (share of the width)."""
    return {
        "orientation": "h",
        "x": position,
        "xanchor": "center",
        "y": -0.02,
        "yanchor": "top",
        "len": 0.44,
        "title": {"text": title, "side": "top", "font": {"size": 11}},
    }


def side_by_side_map(
    geojson: dict[str, Any],
    layers: Sequence[dict[str, Any]],
    *,
    lang: Lang,
    context_ids: list[str],
    height: int,
) -> go.Figure:
    """A map whose sides are not comparable: one ``choropleth_layer`` (keyword arguments, with
    its ``frame``) per side, each with its own colour scale; the first is the main trace."""
    first, *others = [dict(layer) for layer in layers]
    extra = [
        choropleth_layer(geojson, layer.pop("frame"), name=f"regions-{index}", **layer)
        for index, layer in enumerate(others, start=1)
    ]
    return region_map(
        geojson,
        first.pop("frame"),
        lang=lang,
        context_ids=context_ids,
        border_label=translate(lang, BORDER_LABEL),
        height=height,
        extra_layers=extra,
        **first,
    )


def region_centres(geojson: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """(lon, lat) of each region's centroid, or of a point inside it where the centroid of an
    odd shape falls outside."""
    centres = {}
    for feature in geojson["features"]:
        geometry = shape(feature["geometry"])
        point = geometry.centroid
        if not geometry.contains(point):
            point = geometry.representative_point()
        centres[str(feature["id"])] = (point.x, point.y)
    return centres


def _arc(
    start: tuple[float, float], end: tuple[float, float], bend: float, points: int = 20
) -> tuple[list[float], list[float], tuple[float, float]]:
    """A quadratic curve from ``start`` to ``end`` bowed sideways by ``bend`` (share of its
    length), and its middle point: bent lines keep links of several kinds apart."""
    (x0, y0), (x1, y1) = start, end
    cx = (x0 + x1) / 2 - (y1 - y0) * bend
    cy = (y0 + y1) / 2 + (x1 - x0) * bend
    t = np.linspace(0.0, 1.0, points)
    xs = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1
    ys = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1
    return xs.tolist(), ys.tolist(), (float(xs[points // 2]), float(ys[points // 2]))


def link_map(
    geojson: dict[str, Any],
    regions: pd.DataFrame,
    links: pd.DataFrame,
    *,
    groups: dict[str, tuple[str, str]],
    lang: Lang,
    context_ids: list[str],
    border_label: str,
    height: int = 560,
) -> go.Figure:
    """Lines between regions over the same base map as ``region_map``.

    ``regions`` has ``region_id`` and ``text`` (hover) of the units drawn under the lines;
    ``links`` has ``from_id``, ``to_id``, ``group``, ``width`` (line width in px) and ``text``
    (hover, shown at the middle of the line). ``groups`` maps each group to its (legend label,
    colour), in legend order; several groups between the same two regions bow apart.
    """
    figure = _base_map(geojson, context_ids, border_label)
    figure.add_trace(
        go.Choropleth(
            geojson=features_of(geojson, regions["region_id"]),
            locations=regions["region_id"],
            z=[1] * len(regions),
            text=regions["text"],
            hovertemplate="%{text}<extra></extra>",
            colorscale=[[0, LINK_BASE], [1, LINK_BASE]],
            showscale=False,
            marker_line_color="#9aa9b8",
            marker_line_width=0.8,
            name="regions",
        )
    )
    centres = region_centres(geojson)
    order = list(groups)
    links = links.assign(rank=links["group"].map(order.index)).sort_values("rank", kind="stable")
    siblings = links.groupby(["from_id", "to_id"])["group"].transform("count")
    position = links.groupby(["from_id", "to_id"]).cumcount()
    shown: set[str] = set()
    middles: dict[str, tuple[list[float], list[float], list[str]]] = {}
    # One trace per group and line width (arcs apart by None), not one per link.
    lines: dict[tuple[str, float], tuple[list[float | None], list[float | None]]] = {}
    for row, count, index in zip(links.itertuples(index=False), siblings, position, strict=True):
        if row.from_id not in centres or row.to_id not in centres:
            continue
        bend = 0.12 * (index - (count - 1) / 2) + 0.05
        xs, ys, middle = _arc(centres[row.from_id], centres[row.to_id], bend)
        lons, lats = lines.setdefault((row.group, float(row.width)), ([], []))
        lons.extend([*xs, None])
        lats.extend([*ys, None])
        xs_mid, ys_mid, texts = middles.setdefault(row.group, ([], [], []))
        xs_mid.append(middle[0])
        ys_mid.append(middle[1])
        texts.append(str(row.text))
    for (group, width), (lons, lats) in lines.items():
        label, colour = groups[group]
        figure.add_trace(
            go.Scattergeo(
                lon=lons,
                lat=lats,
                mode="lines",
                line={"color": colour, "width": width},
                opacity=0.85,
                name=label,
                legendgroup=group,
                showlegend=group not in shown,
                hoverinfo="skip",
            )
        )
        shown.add(group)
    for group, (xs_mid, ys_mid, texts) in middles.items():
        label, colour = groups[group]
        figure.add_trace(
            go.Scattergeo(
                lon=xs_mid,
                lat=ys_mid,
                mode="markers",
                marker={"size": 8, "color": colour, "line": {"color": "white", "width": 1}},
                text=texts,
                hovertemplate="%{text}<extra></extra>",
                name=label,
                legendgroup=group,
                showlegend=False,
            )
        )
    return _fit(figure, lang, height)
